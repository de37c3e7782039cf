import Foundation
import XLSX

/// The one way the office's workbooks are checked: paths and settings in; the files read, the
/// records, the settings in force with their sources, and the findings out. `taphuan validate`,
/// `weekly`, `forms` and any other front end call it; none has a loading path of its own.
///
/// ```swift
/// var options = OfficeCheck.Options()
/// options.asOf = try LocalMoment.asOf("2026-11-28T09:00")
/// let check = try await OfficeCheck.run(["samples"], options: options)
/// print(check.report.text(.en, color: false))
/// ```
public struct OfficeCheck: Sendable {
    /// How a check runs.
    public struct Options: Sendable {
        /// The moment deadlines are judged at (default: now, Vietnam time).
        public var asOf: LocalMoment = .nowInVietnam()
        /// A JSON settings file applied over the defaults and the "Cấu hình" sheets.
        public var settingsFile: String?
        /// What to do with a file the XLSX reader refuses.
        public var unreadableFiles: UnreadableFiles = .stop
        /// Called after each workbook is read, with the count done and the total.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
        /// Called at the end of each phase with its name (`read + decode`, `merge`, `rules`…),
        /// for timing.
        public var phase: (@Sendable (String) -> Void)?

        /// The defaults.
        public init() {}
    }

    /// What to do with a file the XLSX reader refuses (not a workbook, broken, past a limit).
    public enum UnreadableFiles: Sendable {
        /// Stop the whole check with a ``CheckFailure`` naming the file (`taphuan validate`).
        case stop
        /// Report it as an `IMPORT_UNREADABLE_FILE` finding and check the others.
        case report
    }

    /// The workbooks found under the paths, in reading order.
    public var files: [WorkbookFile]
    /// How many of them were read as data (report layouts, with placeholders, are not).
    public var filesRead: Int
    /// The records of every sheet, merged, with the cross-sheet checks run.
    public var data: Dataset
    /// The settings the rules ran with, and where each came from.
    public var settings: SettingsInForce
    /// The moment judged at.
    public var asOf: LocalMoment
    /// Every finding, import findings included, most serious first.
    public var findings: [Finding] { report.findings }
    /// The report of the findings.
    public var report: ValidationReport

    /// Checks the workbooks under `paths` (files, or folders walked recursively), reading them
    /// in parallel, one task per core.
    public static func run(_ paths: [String], options: Options = Options()) async throws(CheckFailure) -> OfficeCheck {
        let files = try workbookFiles(paths)
        func readAll(_ vocabulary: ColumnVocabulary) async throws(CheckFailure) -> [[WorkbookReading.Part]] {
            do {
                return try await WorkbookReading.readAll(files, unreadable: options.unreadableFiles, vocabulary: vocabulary, progress: options.progress)
            } catch let failure as CheckFailure {
                throw failure
            } catch {
                throw CheckFailure.cancelled
            }
        }
        var used = try fileSettings(options).columnAliases
        var parts = try await readAll(ColumnVocabulary.office(used))
        var settings = try settingsInForce(files, parts, options: options)
        // The office's own headers given in a "Cấu hình" sheet are known only once it is read:
        // the workbooks are read again with them (only then).
        if settings.settings.columnAliases != used {
            used = settings.settings.columnAliases
            parts = try await readAll(ColumnVocabulary.office(used))
            settings = try settingsInForce(files, parts, options: options)
        }
        return assemble(files, parts, notRead: Dataset.spreadsheetsNotRead(paths), settings: settings, options: options)
    }

    /// ``run(_:options:)`` without concurrency: the workbooks are read one after another on the
    /// calling thread. Same result.
    public static func load(_ paths: [String], options: Options = Options()) throws(CheckFailure) -> OfficeCheck {
        try load(files: try workbookFiles(paths), notRead: Dataset.spreadsheetsNotRead(paths), options: options)
    }

    /// ``load(_:options:)`` of workbook files already found.
    static func load(files: [WorkbookFile], notRead: [ImportFinding] = [], options: Options) throws(CheckFailure) -> OfficeCheck {
        func readAll(_ vocabulary: ColumnVocabulary) throws(CheckFailure) -> [[WorkbookReading.Part]] {
            var parts: [[WorkbookReading.Part]] = []
            for (i, file) in files.enumerated() {
                parts.append(try WorkbookReading.read(file, unreadable: options.unreadableFiles, vocabulary: vocabulary))
                options.progress?(i + 1, files.count)
            }
            return parts
        }
        var used = try fileSettings(options).columnAliases
        var parts = try readAll(ColumnVocabulary.office(used))
        var settings = try settingsInForce(files, parts, options: options)
        if settings.settings.columnAliases != used {
            used = settings.settings.columnAliases
            parts = try readAll(ColumnVocabulary.office(used))
            settings = try settingsInForce(files, parts, options: options)
        }
        return assemble(files, parts, notRead: notRead, settings: settings, options: options)
    }

    /// The settings of the `--settings` file alone, known before any workbook is read.
    static func fileSettings(_ options: Options) throws(CheckFailure) -> Settings {
        var settings = SettingsInForce()
        if let path = options.settingsFile { try settings.apply(jsonFile: path) }
        return settings.settings
    }

    /// The settings in force: the "Cấu hình" sheets in file order, then the `--settings` file.
    static func settingsInForce(_ files: [WorkbookFile], _ parts: [[WorkbookReading.Part]],
                                options: Options) throws(CheckFailure) -> SettingsInForce {
        var settings = SettingsInForce()
        for (i, file) in files.enumerated() {
            for part in parts[i] {
                guard case .settings(let grid) = part else { continue }
                do { try settings.apply(sheet: grid, file: file.name) } catch { throw CheckFailure(error) }
            }
        }
        if let path = options.settingsFile { try settings.apply(jsonFile: path) }
        return settings
    }

    /// The workbook files under `paths`; a path that does not exist, or no workbook at all, is a failure.
    static func workbookFiles(_ paths: [String]) throws(CheckFailure) -> [WorkbookFile] {
        let (files, missing) = Dataset.workbookFiles(paths)
        if let m = missing.first { throw CheckFailure(vi: m.message, en: m.messageEnglish) }
        if files.isEmpty {
            let list = paths.joined(separator: ", ")
            let others = Dataset.spreadsheetsNotRead(paths)
            if !others.isEmpty {
                let names = others.prefix(5).map(\.file).joined(separator: ", ")
                throw CheckFailure(vi: "không có sổ tính .xlsx nào trong \(list), chỉ có bảng tính dạng khác (\(names)); hãy mở và lưu lại chúng dạng .xlsx",
                                   en: "no .xlsx workbook in \(list), only spreadsheets of other formats (\(names)); open them and save them as .xlsx")
            }
            throw CheckFailure(vi: "không có sổ tính .xlsx nào trong \(list); hãy chỉ ra các tệp .xlsx hoặc thư mục chứa chúng, ví dụ taphuan validate samples",
                               en: "no .xlsx workbook in \(list); give .xlsx files or folders holding them, e.g. taphuan validate samples")
        }
        return files
    }

    /// Records merged, the office's product names applied, checks and rules run.
    /// `notRead` are the spreadsheets of other formats found beside the workbooks.
    static func assemble(_ files: [WorkbookFile], _ parts: consuming [[WorkbookReading.Part]], notRead: [ImportFinding],
                         settings: SettingsInForce, options: Options) -> OfficeCheck {
        options.phase?("read + decode")
        var sheets: [Dataset] = []
        var unreadable: [ImportFinding] = []
        var read = 0
        for i in files.indices {
            // Taken out of `parts`, so that the records are held by the sheets taken alone.
            let book = parts[i]
            parts[i] = []
            // Read: a workbook that gave sheets (a report layout gives none, an unreadable file a finding).
            if book.contains(where: { if case .unreadable = $0 { return false } else { return true } }) { read += 1 }
            for part in book {
                switch part {
                case .settings:
                    break
                case .data(let records):
                    sheets.append(records.take())
                case .unreadable(let finding):
                    unreadable.append(finding)
                }
            }
        }
        var data = Dataset()
        data.append(contentsOf: consume sheets)
        data.findings += unreadable + notRead
        data.applyProductAliases(settings.settings)
        options.phase?("merge")
        data.runChecks()
        options.phase?("cross-sheet checks")
        let findings = RuleRegistry.evaluate(data, settings: settings.settings, asOf: options.asOf)
        options.phase?("rules")
        let report = ValidationReport(findings: findings, data: data, files: read, asOf: options.asOf)
        options.phase?("report")
        return OfficeCheck(files: files, filesRead: read, data: data, settings: settings, asOf: options.asOf, report: report)
    }
}
