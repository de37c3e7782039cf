import Testing
import TrainingOps
import XLSX
@testable import taphuan_samples

/// The rules run over the sample office (laid out in memory exactly as the workbooks are
/// written) find exactly the planted faults of the answer key in samples/README.md.
@Suite struct SampleAnswerKeyTests {
    static func run() -> (office: SampleOffice, books: [SampleWorkbook], findings: [Finding]) {
        let office = SampleOffice()
        let books = office.workbooks()
        var sheets: [(file: String, grid: SheetGrid)] = []
        for book in books {
            for sheet in book.sheets { sheets.append((book.path, SheetGrid(name: sheet.name, rows: sheet.allRows))) }
        }
        let findings = RuleRegistry.evaluate(Dataset(sheets: sheets), asOf: SampleOffice.asOf)
        return (office, books, findings)
    }

    @Test func processFindingsMatchTheAnswerKey() {
        let (office, books, findings) = Self.run()
        let want = office.resolve(books).filter(\.fires).map { "\($0.rule) \($0.courseId ?? "—") \($0.file) › \($0.sheet)!\($0.cell)" }
        let got = findings.filter { !$0.rule.hasPrefix("IMPORT_") }
            .map { "\($0.rule) \($0.course ?? "—") \($0.file ?? "?") › \($0.sheet ?? "?")!\($0.cell ?? "—")" }
        #expect(want.count > 40 && Set(want.map { $0.split(separator: " ")[0] }).count == 29, "the key plants every process rule: \(Set(want.map { $0.split(separator: " ")[0] }).sorted())")
        let missing = Multiset(want).subtracting(Multiset(got)), extra = Multiset(got).subtracting(Multiset(want))
        #expect(missing.isEmpty, "planted but not found:\n\(missing.joined(separator: "\n"))")
        #expect(extra.isEmpty, "found but not planted:\n\(extra.joined(separator: "\n"))")
    }

    @Test func importFindingsMatchTheAnswerKey() {
        let (office, books, findings) = Self.run()
        let want = office.expectedImportFindings(books).map { "\($0.kind) \($0.file) › \($0.sheet)!\($0.cell)" }
        let got = findings.filter { $0.rule.hasPrefix("IMPORT_") }.map { "\($0.rule) \($0.file ?? "?") › \($0.sheet ?? "?")!\($0.cell ?? "—")" }
        #expect(Multiset(want).subtracting(Multiset(got)).isEmpty)
        #expect(Multiset(got).subtracting(Multiset(want)).isEmpty, "\(Multiset(got).subtracting(Multiset(want)))")
    }
}

/// Lines counted with repeats, for comparing finding lists.
struct Multiset {
    var counts: [String: Int] = [:]
    init(_ items: [String]) { for i in items { counts[i, default: 0] += 1 } }
    /// The items of `self` not matched by one in `other`, sorted.
    func subtracting(_ other: Multiset) -> [String] {
        counts.flatMap { k, n in Array(repeating: k, count: max(0, n - (other.counts[k] ?? 0))) }.sorted()
    }
}
