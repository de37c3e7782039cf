import ArgumentParser
import Foundation
import TrainingOps
import XLSX

#if canImport(Glibc)
import Glibc
#endif

extension Language: ExpressibleByArgument {}

/// `taphuan validate`: reads the office's workbooks and reports every broken step of the process.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra quy trình tập huấn trong các sổ tính (bàn giao, nhân sự, báo cáo…).",
        discussion: """
            Reads every workbook given (files, or folders walked recursively; Excel's ~$ lock files are \
            skipped), recognises the sheets by their header rows, and checks each step of the office's \
            process against the as-of moment (default: now, Vietnam time). A "Cấu hình" sheet in any \
            workbook, or --settings FILE.json, overrides the thresholds (see docs/rules.md).

            The report lists the findings course by course, each with its rule id (see \
            `taphuan rules`), the file, sheet and cell to fix, and a summary by rule and by team. \
            --format json gives the same for programs; --checked-copy DIR writes a copy of each \
            workbook with the flagged cells coloured and annotated, and a "Kết quả kiểm tra" \
            sheet; the inputs are never modified.

            Exit status: 0 no error, 1 findings of error severity, 2 unusable input (the reason in \
            one line, naming file and cell), 64 a bad option.

            Examples:
              taphuan validate samples --as-of 2026-11-28T09:00
              taphuan validate samples --as-of 2026-11-28T09:00 --lang en
              taphuan validate "Nhom 1" --lang en --format json > findings.json
              taphuan validate samples --checked-copy checked
              taphuan validate samples --settings settings.json
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Workbooks or folders to check.")
    var paths: [String]

    @Option(name: .customLong("as-of"), help: "Moment to judge deadlines at, Vietnam time: 2026-11-28T09:00 (default: now).")
    var asOf: String?

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .vi

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "A JSON file of settings (thresholds, holidays) overriding the defaults.")
    var settings: String?

    @Option(name: .customLong("checked-copy"), help: "Folder for a checked copy of each workbook: flagged cells filled, with notes, and a \"Kết quả kiểm tra\" sheet.")
    var checkedCopy: String?

    @Flag(name: .customLong("read-only"), help: ArgumentHelp("Only read every row of every sheet with the XLSX layer (benchmark peer).", visibility: .private))
    var readOnly = false

    @Flag(name: .customLong("timings"), help: ArgumentHelp("Print the time of each phase on stderr (profiling).", visibility: .private))
    var timings = false

    func run() async throws {
        if readOnly {
            let (files, _) = Dataset.workbookFiles(paths)
            print("cells \(try await Self.countCells(files))")
            return
        }
        var out = StandardOutput()
        let status = await execute(&out, progress: isatty(2) != 0, color: isatty(1) != 0, keepRecords: true)
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the validation, writing the report to `out`; returns the exit status. A reason for
    /// status 2 goes to stderr in one line. With `keepRecords` (the command itself, whose
    /// process ends right after) the records read are never freed: the system takes the
    /// process's memory back at once, where freeing them one by one is a noticeable part of a
    /// large run.
    func execute(_ out: inout some TextOutputStream, progress: Bool = false, color: Bool = false, keepRecords: Bool = false) async -> Int32 {
        do {
            let (report, files) = try await validate(progress: progress, keepRecords: keepRecords)
            var clock = PhaseClock(enabled: timings)
            if let checkedCopy { try writeCheckedCopies(report, files, to: checkedCopy) }
            switch format {
            case .text: out.write(report.text(lang, color: color))
            case .json: out.write(String(decoding: report.jsonBytes(), as: UTF8.self))
            }
            clock.lap("output")
            return report.isValid ? 0 : 1
        } catch let failure as ValidateFailure {
            FileHandle.standardError.write(Data("taphuan validate: \(failure.message(lang))\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("taphuan validate: \(error)\n".utf8))
            return 2
        }
    }

    /// Reads, checks and reports.
    func validate(progress: Bool, keepRecords: Bool = false) async throws -> (ValidationReport, [WorkbookFile]) {
        let moment = try Self.moment(asOf)
        var config = Settings()
        if let settings {
            guard let data = FileManager.default.contents(atPath: settings) else {
                throw ValidateFailure(vi: "\(settings): không đọc được file cấu hình", en: "\(settings): cannot read the settings file")
            }
            do { config = try Settings.load(json: data, file: settings) } catch { throw ValidateFailure(error) }
        }
        let (files, missing) = Dataset.workbookFiles(paths)
        if let m = missing.first { throw ValidateFailure(vi: m.message, en: m.messageEnglish) }
        if files.isEmpty { throw ValidateFailure(vi: "không có sổ tính .xlsx nào trong \(paths.joined(separator: ", ")); hãy chỉ ra các tệp .xlsx hoặc thư mục chứa chúng, ví dụ taphuan validate samples", en: "no .xlsx workbook in \(paths.joined(separator: ", ")); give .xlsx files or folders holding them, e.g. taphuan validate samples") }
        var clock = PhaseClock(enabled: timings)
        var books = try await Self.readAll(files, progress: progress && files.count >= 20)
        clock.lap("read + decode")
        // Report layouts (workbooks with placeholders) give no sheets and are not counted as read.
        let read = books.filter { !$0.isEmpty }.count
        var sheets: [Dataset] = []
        for (i, file) in files.enumerated() {
            // Taken out of `books`, so that the records are held by the sheets taken alone.
            let parts = books[i]
            books[i] = []
            for part in parts {
                switch part {
                case .settings(let grid):
                    do { config = try Settings.load(sheet: grid, file: file.name, base: config) } catch { throw ValidateFailure(error) }
                case .data(let records):
                    sheets.append(records.take())
                }
            }
        }
        var data = Dataset()
        data.append(contentsOf: consume sheets)
        clock.lap("merge")
        data.runChecks()
        clock.lap("cross-sheet checks")
        let findings = RuleRegistry.evaluate(data, settings: config, asOf: moment)
        clock.lap("rules")
        let report = ValidationReport(findings: findings, data: data, files: read, asOf: moment)
        clock.lap("report")
        if keepRecords { _ = Unmanaged.passRetained(Records(data)) }
        return (report, files)
    }

    /// Writes a checked copy of every workbook under `folder`, keeping the relative names;
    /// an existing file is never replaced and an input is never written.
    func writeCheckedCopies(_ report: ValidationReport, _ files: [WorkbookFile], to folder: String) throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder)
        for file in files {
            let target = root.appendingPathComponent(file.name)
            if target.standardizedFileURL.path == file.url.standardizedFileURL.path {
                throw ValidateFailure(vi: "\(target.path): bản kiểm tra không được ghi đè file gốc", en: "\(target.path): the checked copy would overwrite its input")
            }
            if fm.fileExists(atPath: target.path) {
                throw ValidateFailure(vi: "\(target.path): đã có, không ghi đè; hãy chọn thư mục khác cho --checked-copy hoặc xóa bản cũ",
                                      en: "\(target.path): already exists, not replaced; give --checked-copy another folder or remove the old copy")
            }
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try CheckedCopy.write(input: file.url.path, file: file.name, findings: report.findings, language: lang, to: target.path)
            } catch let e as XLSXError {
                throw ValidateFailure(vi: e.located(in: target.path).message(.vi), en: e.located(in: target.path).message(.en))
            }
        }
    }

    /// The as-of moment: parsed from the option, or now in Vietnam time (UTC+7, no DST).
    static func moment(_ text: String?) throws -> LocalMoment {
        guard let text else {
            let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
            let day = Int((Double(seconds) / 86_400).rounded(.down))
            let minute = (seconds - day * 86_400) / 60
            return LocalMoment(LocalDate(dayNumber: day), LocalTime(minute / 60, minute % 60))
        }
        guard let m = TextDateParser.parse(text), LocalDate.validated(year: m.date.year, month: m.date.month, day: m.date.day) != nil else {
            throw ValidateFailure(vi: "--as-of \"\(text)\" không phải thời điểm (ví dụ 2026-11-28T09:00)",
                                  en: "--as-of \"\(text)\" is not a moment (e.g. 2026-11-28T09:00)")
        }
        return m
    }

    /// One sheet of a workbook once read: the settings sheet, or the records of any other sheet.
    enum SheetPart: Sendable {
        case settings(SheetGrid)
        case data(Records)
    }

    /// A sheet's records, boxed so that they can be taken out whole: the dataset taken is then
    /// the only holder of its lists, which the merge moves rather than copies record by record.
    final class Records: @unchecked Sendable {
        private var data: Dataset

        init(_ data: Dataset) { self.data = data }

        /// The records; the box is empty afterwards. Called once, by the thread merging the sheets.
        func take() -> Dataset {
            var taken = Dataset()
            swap(&taken, &data)
            return taken
        }
    }

    /// Reads the workbooks in parallel, at most one task per core, keeping their order.
    static func readAll(_ files: [WorkbookFile], progress: Bool) async throws -> [[SheetPart]] {
        var results = [[SheetPart]](repeating: [], count: files.count)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var bar = ProgressBar(total: files.count, enabled: progress)
        try await withThrowingTaskGroup(of: (Int, [SheetPart]).self) { group in
            var next = 0
            func submit() {
                let i = next, file = files[i]
                next += 1
                group.addTask {
                    do { return (i, try await readParts(file)) } catch let e as XLSXError {
                        throw ValidateFailure(vi: e.located(in: file.name).message(.vi), en: e.located(in: file.name).message(.en))
                    } catch {
                        throw ValidateFailure(vi: "\(file.name): \(error)", en: "\(file.name): \(error)")
                    }
                }
            }
            while next < min(width, files.count) { submit() }
            while let (i, grids) = try await group.next() {
                results[i] = grids
                bar.advance()
                if next < files.count { submit() }
            }
        }
        bar.finish()
        return results
    }

    /// Streams every row of every worksheet with the XLSX layer, files in parallel as
    /// ``readAll(_:progress:)`` does, building nothing: the baseline `scripts/bench-validate` compares with.
    static func countCells(_ files: [WorkbookFile]) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0, total = 0
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            func submit() {
                let url = files[next].url
                next += 1
                group.addTask {
                    let workbook = try Workbook(path: url.path)
                    var n = 0
                    for info in workbook.sheets where info.kind == .worksheet {
                        let reader = try workbook.rows(of: info)
                        while let row = try reader.next() { n += row.cells.count }
                    }
                    return n
                }
            }
            while next < min(width, files.count) { submit() }
            while let n = try await group.next() {
                total += n
                if next < files.count { submit() }
            }
            return total
        }
    }

    /// The sheets of one workbook, each decoded as its rows stream in (a large one on a
    /// thread of its own while the reader goes on).
    static func readParts(_ file: WorkbookFile) async throws -> [SheetPart] {
        try Dataset.importSheets(of: file.url, file: file.name, keepWhole: Settings.isSettingsSheet).map {
            switch $0 {
            case .grid(let grid): return .settings(grid)
            case .data(let data): return .data(Records(data))
            }
        }
    }
}

/// Why the input cannot be checked at all (exit status 2), in one line naming file and cell.
struct ValidateFailure: Error {
    var vi: String
    var en: String

    init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    init(_ e: SettingsError) {
        vi = e.message(.vi)
        en = e.message(.en)
    }

    func message(_ language: Language) -> String { language == .vi ? vi : en }
}

/// A progress bar on stderr, drawn only when asked (a terminal and many files).
struct ProgressBar {
    var total: Int
    var enabled: Bool
    var done = 0

    mutating func advance() {
        done += 1
        guard enabled else { return }
        let width = 30, filled = total == 0 ? width : done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Standard output as a text stream.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
}
