import ArgumentParser
import Foundation
import Hummingbird
import TapHuanServer
import TrainingOps

/// `taphuan serve`: the web pages over the same pipeline as the commands.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Mở trang web kiểm tra, báo cáo tuần, biểu mẫu và quy tắc (Serve the web pages).",
        discussion: """
            Serves plain HTML pages, in Vietnamese (English with the switch at the top or ?lang=en; --lang en or TAPHUAN_LANG=en makes English the default for visitors who have not chosen): Kiểm tra (upload workbooks, or check the shared folder as it is now, see the findings by team and course, filter them, download the checked copies as a ZIP and the JSON report, see how the columns were read), Báo cáo tuần (make a week's team or office report and download it), Biểu mẫu (blank input workbooks and a course's forms) and Quy tắc (the rules and the settings in force, with where each value came from). The pages call the same pipeline as `taphuan validate`.

            With no flags it serves the current folder on 127.0.0.1:8080; open the address it prints. Nothing in the folder is written: outputs go under --out (default: a folder in the system's temporary directory), written to a temporary name and renamed; uploads are bounded, streamed to a private temporary folder and removed after the response. With --token-file the pages ask for the token in the file (a sign-in form, or the header Authorization: Bearer TOKEN); binding beyond loopback without one prints a warning. One log line per request on standard output; SIGTERM or Ctrl-C stops it after the requests under way.

            Examples:
              taphuan serve samples --as-of 2026-11-28T09:00
              taphuan serve --folder "/srv/tap huan" --out /srv/taphuan-ra --bind 0.0.0.0 --port 8080 --token-file /etc/taphuan/token
            """
    )

    @Argument(help: "The shared folder to check (same as --folder; default: the current folder).")
    var folderArgument: String?

    @Option(help: "The shared folder the pages check as it is now; never written (default: the current folder).")
    var folder: String?

    @Option(help: "Folder for the outputs (checked copies, reports, forms); must not lie inside the shared folder.")
    var out: String?

    @Option(help: "Address to listen on.")
    var bind = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .customLong("token-file"), help: "A file holding the access token the pages require.")
    var tokenFile: String?

    @Option(name: .customLong("as-of"), help: "Moment to judge deadlines at when a page does not say, Vietnam time (default: the time of each request).")
    var asOf: String?

    @Option(help: "A JSON file of settings overriding the defaults, for every page.")
    var settings: String?

    @Option(name: .customLong("max-file-mb"), help: "Largest uploaded file, in MB.")
    var maxFileMB = 50

    @Option(name: .customLong("max-request-mb"), help: "Largest upload (all files of one request), in MB.")
    var maxRequestMB = 200

    @Option(name: .customLong("max-files"), help: "Most files in one upload.")
    var maxFiles = 50

    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = language.lang
        if folder != nil, folderArgument != nil, folder != folderArgument {
            throw ValidationError(lang.pick("chỉ một thư mục chung: --folder hoặc đối số, không cả hai", "one shared folder: --folder or the argument, not both"))
        }
        let outFolder = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-serve").path
        var config = ServerConfiguration(folder: folder ?? folderArgument ?? ".", out: outFolder)
        config.host = bind
        config.port = port
        config.settingsFile = settings
        config.language = lang
        guard maxFileMB > 0, maxRequestMB > 0, maxFiles > 0 else {
            throw ValidationError(lang.pick("các giới hạn tải lên phải lớn hơn 0", "upload limits must be above 0"))
        }
        config.limits.fileBytes = maxFileMB << 20
        config.limits.requestBytes = maxRequestMB << 20
        config.limits.files = maxFiles
        do {
            if let asOf { config.asOf = try LocalMoment.asOf(asOf) }
            if let settings { var s = SettingsInForce(); try s.apply(jsonFile: settings) }
        } catch {
            throw ValidationError(error.message(lang))
        }
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError(lang.pick("\(tokenFile): không đọc được tệp mã truy cập", "\(tokenFile): cannot read the token file"))
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard token.count >= 8, token.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != ";" && $0 != "," && $0 != "\"" && $0 != "\\" }) else {
                throw ValidationError(lang.pick("\(tokenFile): mã truy cập phải có ít nhất 8 ký tự ASCII, không dấu cách, dấu chấm phẩy, dấu phẩy hay dấu ngoặc kép",
                                                "\(tokenFile): the token must be at least 8 ASCII characters without spaces, semicolons, commas or quotes"))
            }
            config.token = token
        }
        if let problem = config.problem(lang) { throw ValidationError(problem) }
        if !config.isLoopback, config.token == nil {
            FileHandle.standardError.write(Data((lang.pick(
                "CẢNH BÁO: đang mở trên \(bind), ngoài máy này, mà không có mã truy cập: ai trong mạng cũng xem được kết quả và dùng được máy chủ. Hãy dùng --token-file.",
                "WARNING: listening on \(bind), beyond this machine, without an access token: anyone on the network can see the results and use the server. Use --token-file.") + "\n").utf8))
        }
        // The uploads' private folders live in one folder of this process, removed at the end.
        let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-serve-uploads-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: uploads) }
        config.uploads = uploads.path
        let folderShown = config.folder, outShown = config.out
        let app = try TapHuanServer.application(config) { address in
            let line = lang.pick("TapHuan đang phục vụ tại \(address) (thư mục chung: \(folderShown); kết quả ghi vào: \(outShown)). Ctrl-C để dừng.",
                                 "TapHuan is serving at \(address) (shared folder: \(folderShown); outputs in: \(outShown)). Ctrl-C stops it.")
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        try await app.runService()
    }
}
