import ArgumentParser
import Foundation
import TrainingOps
import XLSX

#if canImport(Glibc)
import Glibc
#endif

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

            A workbook that cannot be read (damaged, protected by a password, not a workbook) stops \
            the check when it is the only one named; in a folder, or among several, it is reported \
            (IMPORT_UNREADABLE_FILE) and the others are checked. Spreadsheets of other formats \
            found in folders (.xls, .xlsb, .ods) are reported the same way, with how to save them \
            as .xlsx.

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

    @OptionGroup var language: LanguageOption

    /// The language of messages.
    var lang: Language { language.lang }

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
            let (report, files, sheets) = try await validate(progress: progress, keepRecords: keepRecords)
            let clock = PhaseClock(enabled: timings)
            if let checkedCopy { try writeCheckedCopies(report, files, sheets, to: checkedCopy) }
            switch format {
            case .text: out.write(report.text(lang, color: color))
            case .json: out.write(String(decoding: report.jsonBytes(), as: UTF8.self))
            }
            clock.lap("output")
            return report.isValid ? 0 : 1
        } catch let failure as CheckFailure {
            FileHandle.standardError.write(Data("taphuan validate: \(failure.message(lang))\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("taphuan validate: \(error)\n".utf8))
            return 2
        }
    }

    /// Whether `paths` name more than one workbook: several paths, a folder, or none (the
    /// current folder).
    static func checksSeveral(_ paths: [String]) -> Bool {
        guard paths.count == 1, let path = paths.first else { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Reads, checks and reports.
    func validate(progress: Bool, keepRecords: Bool = false) async throws -> (ValidationReport, [WorkbookFile], [RecognisedSheet]) {
        var options = OfficeCheck.Options()
        options.asOf = try LocalMoment.asOf(asOf)
        options.settingsFile = settings
        // One workbook named alone that cannot be read stops the check; among several (a
        // folder), it is reported with the others checked.
        options.unreadableFiles = Self.checksSeveral(paths) ? .report : .stop
        let clock = PhaseClock(enabled: timings)
        if timings { options.phase = { clock.lap($0) } }
        let bar = ProgressBar(enabled: progress)
        if progress { options.progress = { bar.advance($0, of: $1) } }
        let check = try await OfficeCheck.run(paths, options: options)
        bar.finish()
        if keepRecords { _ = Unmanaged.passRetained(Retained(check.data)) }
        return (check.report, check.files, check.data.sheets)
    }

    /// Writes a checked copy of every workbook under `folder`, keeping the relative names;
    /// an existing file is never replaced and an input is never written.
    func writeCheckedCopies(_ report: ValidationReport, _ files: [WorkbookFile], _ sheets: [RecognisedSheet], to folder: String) throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder)
        for file in files {
            let target = root.appendingPathComponent(file.name)
            if target.standardizedFileURL.path == file.url.standardizedFileURL.path {
                throw CheckFailure(vi: "\(target.path): bản kiểm tra không được ghi đè file gốc", en: "\(target.path): the checked copy would overwrite its input")
            }
            if fm.fileExists(atPath: target.path) {
                throw CheckFailure(vi: "\(target.path): đã có, không ghi đè; hãy chọn thư mục khác cho --checked-copy hoặc xóa bản cũ",
                                      en: "\(target.path): already exists, not replaced; give --checked-copy another folder or remove the old copy")
            }
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try CheckedCopy.write(input: file.url.path, file: file.name, findings: report.findings, sheets: sheets, language: lang, to: target.path)
            } catch let e as XLSXError {
                throw CheckFailure(vi: e.located(in: target.path).message(.vi), en: e.located(in: target.path).message(.en))
            }
        }
    }

    /// Streams every row of every worksheet with the XLSX layer, files in parallel as
    /// the check does, building nothing: the baseline `scripts/bench-validate` compares with.
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
}
