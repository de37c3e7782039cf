import Foundation
import TrainingOps
import XLSX

/// `taphuan-samples [--out DIR] [--docs FILE] [--check]`: writes the sample office's workbooks
/// and answer key, the sheet reference page and the tables of docs/rules.md beside it; `--check` only imports the laid-out sheets and
/// compares the import findings with the planted faults of form.
struct SamplesCommand {
    var out = "samples"
    var docs = "docs/sheets.md"
    var checkOnly = false

    init(_ arguments: [String]) throws {
        var args = arguments.makeIterator()
        while let a = args.next() {
            switch a {
            case "--out": out = args.next() ?? out
            case "--docs": docs = args.next() ?? docs
            case "--check": checkOnly = true
            default: throw SamplesError("unknown argument \(a)")
            }
        }
    }

    func run() throws {
        let office = SampleOffice()
        let books = office.workbooks()
        try check(office, books)
        if checkOnly { return }
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        try office.readme(books).write(toFile: out + "/README.md", atomically: true, encoding: .utf8)
        let docsURL = URL(fileURLWithPath: docs)
        try fm.createDirectory(at: docsURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SheetReference.markdown().write(to: docsURL, atomically: true, encoding: .utf8)
        // The pages of the rules in the repository holding docs/: their tables regenerated, their prose kept.
        let repository = docsURL.deletingLastPathComponent().deletingLastPathComponent()
        for page in RulesReference.pages {
            let url = repository.appendingPathComponent(page)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            guard let updated = RulesReference.update(text) else { throw SamplesError("\(url.path): the generated tables' markers are missing") }
            try updated.write(to: url, atomically: true, encoding: .utf8)
        }
        try Data("not a workbook: Excel's lock file\n".utf8).write(to: URL(fileURLWithPath: out + "/~$Ban giao ke hoach.xlsx"))
        for book in books {
            let path = out + "/" + book.path
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try SampleWriter.write(book, to: path)
        }
        print("wrote \(books.count) workbooks to \(out)/ and \(docs)")
    }

    /// Imports the laid-out sheets and compares what the importer reports with what was planted.
    func check(_ office: SampleOffice, _ books: [SampleWorkbook]) throws {
        var sheets: [(file: String, grid: SheetGrid)] = []
        for book in books {
            for sheet in book.sheets { sheets.append((book.path, SheetGrid(name: sheet.name, rows: sheet.allRows))) }
        }
        let data = Dataset(sheets: sheets)
        let got = Set(data.findings.map { "\($0.kind.rawValue) \($0.file) › \($0.sheet ?? "") \($0.cell ?? "")" })
        let want = Set(office.expectedImportFindings(books).map { "\($0.kind) \($0.file) › \($0.sheet) \($0.cell)" })
        print("courses \(data.courses.count), units \(data.units.count), staff \(data.staffAssignments.count), tracking \(data.trackings.count), "
              + "pre-checks \(data.preChecks.count), sessions \(data.sessionReports.count), opinions \(data.opinions.count), "
              + "daily logs \(data.dailyLogs.count), reports \(data.reportLog.count), import findings \(data.findings.count)")
        var counts: [String: Int] = [:]
        for e in office.key where e.fires { counts[e.rule, default: 0] += 1 }
        print(counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        let audit = SampleAudit(data)
        var found: [String: [String]] = [:], planted: [String: [String]] = [:]
        for h in audit.hits { found[h.rule, default: []].append(h.course ?? "—") }
        for e in office.key where e.fires { planted[e.rule, default: []].append(e.courseId ?? "—") }
        var auditFailed = false
        for rule in Set(found.keys).union(planted.keys).sorted() {
            let f = (found[rule] ?? []).sorted(), p = (planted[rule] ?? []).sorted()
            // A double booking concerns a pair of courses: either may carry the finding.
            if rule == "STAFF_DOUBLE_BOOKED" ? f.count != p.count : f != p {
                auditFailed = true
                print("audit \(rule): found \(f), planted \(p)")
            }
        }
        let unexpected = got.subtracting(want), missing = want.subtracting(got)
        for u in unexpected.sorted() { print("unexpected: \(u)") }
        for m in missing.sorted() { print("missing: \(m)") }
        let unresolved = office.resolve(books).filter { $0.file == "?" || $0.cell == "?" }
        for u in unresolved { print("unresolved key entry: \(u.rule) \(u.courseId ?? "")") }
        if auditFailed || !unexpected.isEmpty || !missing.isEmpty || !unresolved.isEmpty { throw SamplesError("the samples do not match their answer key") }
    }
}

/// A failure of the generator.
struct SamplesError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

do {
    try SamplesCommand(Array(CommandLine.arguments.dropFirst())).run()
} catch {
    FileHandle.standardError.write(Data("taphuan-samples: \(error)\n".utf8))
    exit(1)
}
