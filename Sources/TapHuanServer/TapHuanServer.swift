import Foundation
import Hummingbird
import Logging
import TrainingOps
import XLSX

/// The web front door of TapHuan: the check, weekly report, forms and rules pages over the
/// same pipeline as the commands (``OfficeCheck``), with bounded uploads, outputs only under
/// `--out` and an optional access token.
public enum TapHuanServer {
    /// The router of every page, with its middleware; the application and the tests use it.
    public static func router(_ configuration: ServerConfiguration) throws -> Router<BasicRequestContext> {
        let out = URL(fileURLWithPath: configuration.out, isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let uploads = (configuration.uploads.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FileManager.default.temporaryDirectory).appendingPathComponent("taphuan-uploads-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let checker = Checker(configuration: configuration, store: RunStore(root: out, kept: configuration.keptRuns),
                              gate: CheckGate(width: configuration.concurrentChecks))
        let routes = Routes(configuration: configuration, checker: checker, uploads: uploads)

        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: LanguageMiddleware(serverLanguage: configuration.language))
        router.add(middleware: ErrorPageMiddleware())
        if let token = configuration.token { router.add(middleware: AccessTokenMiddleware(token: token)) }
        routes.register(router)
        return router
    }

    /// The application listening on the configured address; `onRunning` is told the address
    /// it listens on (with the port chosen when ``ServerConfiguration/port`` is 0).
    public static func application(_ configuration: ServerConfiguration,
                                   onRunning: @escaping @Sendable (String) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var logger = Logger(label: "taphuan")
        logger.logLevel = .warning
        return Application(router: try router(configuration),
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "taphuan"),
                           onServerRunning: { channel in
                               let port = channel.localAddress?.port ?? configuration.port
                               let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                               onRunning("http://\(host):\(port)/")
                           },
                           logger: logger)
    }
}

/// The handlers.
struct Routes: Sendable {
    let configuration: ServerConfiguration
    let checker: Checker
    let uploads: URL

    func register(_ router: Router<BasicRequestContext>) {
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: styleSheet)))
        }
        router.get("/suc-khoe") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        router.get("/") { request, _ -> Response in .html(CheckPages.home(request.language, configuration: configuration, path: request.pathForSwitch)) }
        router.post("/kiem-tra") { request, _ in try await checkUpload(request) }
        router.get("/kiem-tra/thu-muc") { request, _ in try await checkFolder(request) }
        router.get("/ket-qua/:run") { request, context in try await result(request, run: context.parameters.get("run") ?? "") }
        router.get("/tai/:run/:key") { _, context in try await download(run: context.parameters.get("run") ?? "", key: context.parameters.get("key") ?? "") }
        router.get("/bao-cao-tuan") { request, _ in try await weekly(request) }
        router.get("/bieu-mau") { request, _ in try await forms(request) }
        router.get("/bieu-mau/trong/:kind") { _, context in try await blank(context.parameters.get("kind") ?? "") }
        router.get("/bieu-mau/khoa") { request, _ in try await courseForms(request) }
        router.get("/quy-tac") { request, _ in try await rules(request) }
        router.get("/dang-nhap") { request, _ -> Response in .html(OfficePages.login(request.language, failed: false, path: "/dang-nhap")) }
        router.post("/dang-nhap") { request, _ in try await login(request) }
    }

    /// The moment of `?as-of=` or the form field, else `--as-of`, else now.
    func asOf(_ text: String?) throws -> LocalMoment {
        if let text, !text.trimmingCharacters(in: .whitespaces).isEmpty { return try LocalMoment.asOf(text.trimmingCharacters(in: .whitespaces)) }
        return configuration.asOf ?? .nowInVietnam()
    }

    /// A query field as an HTML form sends it (`+` for a space), `nil` when absent or empty.
    func query(_ request: Request, _ name: String) -> String? {
        request.formQuery[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// POST /kiem-tra: the files streamed into a private folder, checked, the folder removed;
    /// the browser is sent to the result page.
    func checkUpload(_ request: Request) async throws -> Response {
        let upload = try await Upload.receive(request, limits: configuration.limits, parent: uploads)
        defer { upload.remove() }
        let lang = upload.fields["lang"].flatMap(Language.init(rawValue:)) ?? request.language
        let run = try await checker.check(upload, Checker.Request(asOf: try asOf(upload.fields["as-of"]), checkedCopies: upload.fields["ban"] == "1",
                                                                  columns: upload.fields["cot"] == "1", lang: lang))
        return .redirect(to: "/ket-qua/\(run.id)", type: .normal)
    }

    /// GET /kiem-tra/thu-muc: the shared folder checked as it is now.
    func checkFolder(_ request: Request) async throws -> Response {
        let run = try await checker.checkFolderRun(Checker.Request(asOf: try asOf(query(request, "as-of")), checkedCopies: query(request, "ban") == "1",
                                                                   columns: query(request, "cot") == "1", lang: request.language))
        return .redirect(to: "/ket-qua/\(run.id)", type: .normal)
    }

    /// GET /ket-qua/ID: a run's results, filtered by `muc`, `quy-tac`, `nhom`.
    func result(_ request: Request, run id: String) async throws -> Response {
        guard Self.isRunID(id), let run = await checker.store.run(id) else { throw HTTPError(.notFound) }
        let filter = CheckPages.Filter(severity: query(request, "muc").flatMap(Severity.init(rawValue:)),
                                       rule: query(request, "quy-tac"), team: query(request, "nhom"))
        return .html(CheckPages.result(run, filter: filter, lang: request.language, path: request.pathForSwitch))
    }

    /// GET /tai/ID/KEY: a file the server wrote, looked up by run and key, never by a path.
    func download(run: String, key: String) async throws -> Response {
        guard Self.isRunID(run), let output = await checker.store.output(run: run, key: key),
              let data = FileManager.default.contents(atPath: output.path) else { throw HTTPError(.notFound) }
        let ascii = String(output.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        return Response(status: .ok, headers: [
            .contentType: output.mediaType,
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(urlEncode(output.fileName))",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 16 lower-case hex digits, as ``RunStore/newRun()`` makes them.
    static func isRunID(_ id: String) -> Bool {
        id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// GET /bao-cao-tuan: the form; with `lap`, the report made, written and summarised.
    func weekly(_ request: Request) async throws -> Response {
        let lang = request.language
        let moment = try asOf(query(request, "as-of"))
        let check = try await checker.checkFolder(asOf: moment)
        let teams = WeeklyReport.teams(check.data)
        let weekText = query(request, "tuan") ?? Week(containing: moment.date).description
        let level = query(request, "cap") == "office" ? "office" : "team"
        let team = query(request, "nhom") ?? teams.first
        var made: (WeeklyReport, String)?
        if query(request, "lap") != nil {
            guard let week = Week.parse(weekText) else {
                throw CheckFailure(vi: "Tuần \"\(weekText)\" không phải tuần ISO (ví dụ 2026-W48)", en: "\"\(weekText)\" is not an ISO week (e.g. 2026-W48)")
            }
            let report = try check.weeklyReport(week: week, team: level == "team" ? (team ?? "") : nil, language: lang)
            let run = try await checker.writeOutput(fileName: report.fileName, mediaType: Self.xlsxType, key: "weekly") { path in
                try WeeklyWorkbook.write(report, to: path, replaceExisting: false)
            }
            made = (report, run)
        }
        return .html(OfficePages.weekly(lang, teams: teams, week: weekText, level: level, team: team,
                                        asOf: query(request, "as-of") ?? configuration.asOf.map(dayFirst) ?? "", made: made, path: request.pathForSwitch))
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// GET /bieu-mau: blank workbooks, and the courses of the shared folder.
    func forms(_ request: Request) async throws -> Response {
        let lang = request.language
        var courses: [(String, String?)] = []
        var problem: String?
        do {
            let check = try await checker.checkFolder(asOf: try asOf(nil))
            courses = check.data.courses.map { ($0.id, $0.name) }
            if courses.isEmpty { problem = lang.pick("Thư mục chung chưa có khóa nào trên bảng bàn giao.", "The shared folder has no course on a handover plan yet.") }
        } catch let failure as CheckFailure {
            problem = failure.message(lang)
        }
        return .html(OfficePages.forms(lang, courses: courses, folderProblem: problem, path: request.pathForSwitch))
    }

    /// GET /bieu-mau/trong/KIND: a blank input workbook (`tat-ca`: all kinds in one).
    func blank(_ name: String) async throws -> Response {
        let kinds: [SheetType]
        let fileName: String
        if name == "tat-ca" {
            kinds = SheetType.allCases
            fileName = "Mau nhap lieu.xlsx"
        } else if let kind = SheetType(rawValue: name) {
            kinds = [kind]
            fileName = FileName.blankWorkbook(kind)
        } else {
            throw HTTPError(.notFound)
        }
        let run = try await checker.writeOutput(fileName: fileName, mediaType: Self.xlsxType, key: "blank") { path in
            try BlankWorkbook.write(kinds, to: path, replaceExisting: false)
        }
        return try await download(run: run, key: "blank")
    }

    /// GET /bieu-mau/khoa?ma=ID: the forms of a course of the shared folder.
    func courseForms(_ request: Request) async throws -> Response {
        guard let course = query(request, "ma") else { return .redirect(to: "/bieu-mau") }
        let check = try await checker.checkFolder(asOf: try asOf(nil))
        guard let book = try FormsWorkbook.workbook(course: course, data: check.data) else {
            throw CheckFailure(vi: "Không có khóa \"\(course)\" trên bảng bàn giao", en: "No course \"\(course)\" on the handover plan")
        }
        let run = try await checker.writeOutput(fileName: FileName.forms(course: course), mediaType: Self.xlsxType, key: "forms") { path in
            try book.write(to: path, replaceExisting: false)
        }
        return try await download(run: run, key: "forms")
    }

    /// GET /quy-tac: the rules and the settings the shared folder's check runs with.
    func rules(_ request: Request) async throws -> Response {
        let lang = request.language
        var inForce = SettingsInForce()
        var note: String?
        do {
            inForce = try await checker.checkFolder(asOf: try asOf(nil)).settings
            note = lang.pick("Giá trị theo thư mục chung \(configuration.folder) (các sheet \"\(Settings.sheetName)\") và tệp cấu hình, nếu có.",
                             "Values as the shared folder \(configuration.folder) sets them (its \"\(Settings.sheetName)\" sheets) and the settings file, if any.")
        } catch let failure as CheckFailure {
            note = lang.pick("Giá trị mặc định (thư mục chung: \(failure.message(.vi))).", "Default values (shared folder: \(failure.message(.en))).")
        }
        return .html(OfficePages.rules(lang, settings: inForce, note: note, path: request.pathForSwitch))
    }

    /// POST /dang-nhap: the token checked, a cookie set.
    func login(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 4096)
        let form = Self.formFields(String(buffer: body))
        let lang = form["lang"].flatMap(Language.init(rawValue:)) ?? request.language
        guard let token = configuration.token else { return .redirect(to: "/") }
        guard let given = form["token"], AccessTokenMiddleware<BasicRequestContext>.same(given.trimmingCharacters(in: .whitespacesAndNewlines), token) else {
            return .html(OfficePages.login(lang, failed: true, path: "/dang-nhap"), status: .unauthorized)
        }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(name: AccessTokenMiddleware<BasicRequestContext>.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// `a=1&b=x+y` → the fields, decoded.
    static func formFields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if kv.count == 2 { out[kv[0]] = kv[1] } else if kv.count == 1 { out[kv[0]] = "" }
        }
        return out
    }
}
