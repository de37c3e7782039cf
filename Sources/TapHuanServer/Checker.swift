import Foundation
import TrainingOps
import XLSX

/// The server's calls into the one pipeline (``OfficeCheck``), and the outputs it writes under
/// `--out`: every name on disk is made here, every file written to a temporary name and renamed
/// into place.
struct Checker: Sendable {
    let configuration: ServerConfiguration
    let store: RunStore
    let gate: CheckGate

    /// What a check page asked for.
    struct Request: Sendable {
        var asOf: LocalMoment
        var checkedCopies: Bool
        var columns: Bool
        var lang: Language
    }

    /// The pipeline's options for a page: unreadable files are findings, not a failure.
    func options(asOf: LocalMoment) -> OfficeCheck.Options {
        var options = OfficeCheck.Options()
        options.asOf = asOf
        options.settingsFile = configuration.settingsFile
        options.unreadableFiles = .report
        return options
    }

    /// The shared folder checked as it is now (for the weekly, forms and rules pages).
    func checkFolder(asOf: LocalMoment) async throws -> OfficeCheck {
        let options = options(asOf: asOf)
        let folder = configuration.folder
        return try await gate.run { try await OfficeCheck.run([folder], options: options) }
    }

    /// Checks an upload: the run kept for its page, its JSON report and (if asked) the ZIP of
    /// checked copies written under `--out`.
    func check(_ upload: Upload, _ request: Request) async throws -> CheckRun {
        try await check(paths: [upload.folder.path], names: upload.names, skipped: upload.skipped, source: .upload, request)
    }

    /// Checks the shared folder as the check page does for an upload.
    func checkFolderRun(_ request: Request) async throws -> CheckRun {
        try await check(paths: [configuration.folder], names: [:], skipped: [], source: .folder, request)
    }

    private func check(paths: [String], names: [String: String], skipped: [(name: String, vi: String, en: String)],
                       source: CheckRun.Source, _ request: Request) async throws -> CheckRun {
        let options = options(asOf: request.asOf)
        let started = Date()
        let check = try await gate.run { try await OfficeCheck.run(paths, options: options) }
        let seconds = Date().timeIntervalSince(started)
        var report = check.report
        if !names.isEmpty { report.findings = report.findings.map { Self.rename($0, names) } }
        var teams: [String: String] = [:], courseNames: [String: String] = [:]
        for c in check.data.courses {
            if let t = c.team { teams[c.id] = t }
            if let n = c.name { courseNames[c.id] = n }
        }
        let shown = { (file: WorkbookFile) in names[file.name] ?? file.name }
        var columns: [(String, String, String)] = []
        if request.columns {
            // Read with the office's column aliases, as the check read them.
            let vocabulary = ColumnVocabulary.office(check.settings.settings.columnAliases)
            for file in check.files {
                guard let workbook = try? Workbook(path: file.url.path) else {
                    columns.append((shown(file), "Không đọc được tệp.", "The file cannot be read."))
                    continue
                }
                let vi = (try? ColumnReport.text(workbook, language: .vi, vocabulary: vocabulary)) ?? "Không đọc được tiêu đề."
                let en = (try? ColumnReport.text(workbook, language: .en, vocabulary: vocabulary)) ?? "The headers cannot be read."
                columns.append((shown(file), vi, en))
            }
        }
        let (id, folder) = try await store.newRun()
        do {
            let json = folder.appendingPathComponent("ket-qua.json")
            try Data(report.jsonBytes()).write(to: json, options: .atomic)
            await store.add(Output(path: json.path, fileName: "ket-qua-kiem-tra.json", mediaType: "application/json"), key: "json", run: id)
            if request.checkedCopies {
                let zip = try writeCheckedCopies(check.files, shown: shown, report: report, sheets: check.data.sheets,
                                                 lang: request.lang, into: folder)
                await store.add(Output(path: zip.path, fileName: "ban-kiem-tra.zip", mediaType: "application/zip"), key: "zip", run: id)
            }
        } catch {
            await store.drop(id)
            throw error
        }
        let run = CheckRun(id: id, source: source, report: report, teams: teams, names: courseNames,
                           files: check.files.map(shown), skipped: skipped, columns: columns, seconds: seconds,
                           copies: request.checkedCopies)
        await store.keep(run)
        return run
    }

    /// The checked copy of every readable workbook, gathered in one ZIP under the client's names.
    private func writeCheckedCopies(_ files: [WorkbookFile], shown: (WorkbookFile) -> String, report: ValidationReport,
                                    sheets: [RecognisedSheet], lang: Language, into folder: URL) throws -> URL {
        let unreadable = Set(report.findings.filter { $0.rule == ImportFinding.Kind.unreadableFile.rawValue }.compactMap(\.file))
        let work = folder.appendingPathComponent("copies", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let zipPath = folder.appendingPathComponent("ban-kiem-tra.zip")
        let partial = folder.appendingPathComponent("ban-kiem-tra.zip.part")
        let zip = try ZipWriter(path: partial.path, options: ZipWriter.Options(level: 1), replaceExisting: true)
        do {
            for (i, file) in files.enumerated() {
                let name = shown(file)
                guard !unreadable.contains(name) else { continue }
                let copy = work.appendingPathComponent("\(i + 1).xlsx")
                do {
                    // The sheets read from this file, under the name its findings carry.
                    let read = sheets.filter { $0.file == file.name }.map { sheet -> RecognisedSheet in
                        var s = sheet
                        s.file = name
                        return s
                    }
                    try CheckedCopy.write(input: file.url.path, file: name, findings: report.findings, sheets: read, language: lang, to: copy.path)
                } catch {
                    continue  // a workbook the annotator refuses keeps its findings on the page
                }
                let bytes = try [UInt8](Data(contentsOf: copy))
                try zip.addEntry(Self.zipEntryName(name), data: bytes, compress: false)
            }
            try zip.finish()
        } catch {
            zip.abandon()
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        try FileManager.default.moveItem(at: partial, to: zipPath)
        return zipPath
    }

    /// A workbook's name inside the ZIP: relative, no `..`, forward slashes.
    static func zipEntryName(_ name: String) -> String {
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != ".." && $0 != "." }
        return parts.isEmpty ? "workbook.xlsx" : parts.joined(separator: "/")
    }

    /// A finding with the stored file name replaced by the client's, in its place and messages.
    static func rename(_ f: Finding, _ names: [String: String]) -> Finding {
        guard let stored = f.file, let shown = names[stored] else { return f }
        var g = f
        g.file = shown
        g.messageVi = g.messageVi.replacingOccurrences(of: stored, with: shown)
        g.messageEn = g.messageEn.replacingOccurrences(of: stored, with: shown)
        return g
    }

    /// Writes `write`'s output to a temporary name in a new run folder and renames it to
    /// `fileName`; registers it for download under `key`. Returns the run id.
    func writeOutput(fileName: String, mediaType: String, key: String,
                     _ write: (String) throws -> Void) async throws -> String {
        let (id, folder) = try await store.newRun()
        do {
            let partial = folder.appendingPathComponent("output.part")
            let final = folder.appendingPathComponent("output" + (fileName.hasSuffix(".xlsx") ? ".xlsx" : ""))
            try write(partial.path)
            try FileManager.default.moveItem(at: partial, to: final)
            await store.add(Output(path: final.path, fileName: fileName, mediaType: mediaType), key: key, run: id)
            return id
        } catch {
            await store.drop(id)
            throw error
        }
    }
}
