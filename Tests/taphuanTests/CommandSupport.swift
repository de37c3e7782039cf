import Foundation
import Testing
import TrainingOps
import XLSX
@testable import taphuan
@testable import taphuan_samples

/// Runs a `taphuan` command line in-process and returns what it printed and its exit status,
/// the way a user would see it (no colour, no progress bar).
func runCommand(_ arguments: [String]) async throws -> (output: String, status: Int32) {
    let command = try TapHuan.parseAsRoot(arguments)
    var out = ""
    switch command {
    case let v as Validate:
        let status = await v.execute(&out)
        return (out, status)
    case let r as Rules: return (Rules.render(r.lang), 0)
    default:
        Issue.record("no in-process runner for \(arguments)")
        return ("", -1)
    }
}

/// Checks `actual` against the golden file `name`; with `UPDATE_GOLDEN=1` rewrites it instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// The sample office's workbooks written with the XLSX writer into a fresh folder, with
/// Excel's lock file beside them; the folder is the same for the whole test run.
let sampleFolder: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-samples-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: dir)
    let office = SampleOffice()
    for book in office.workbooks() {
        let url = dir.appendingPathComponent(book.path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let writer = WorkbookWriter(options: .init(deterministic: true))
        for sheet in book.sheets {
            guard let s = try? writer.addSheet(sheet.name) else { continue }
            for row in sheet.allRows { try? s.appendRow(row) }
        }
        try? writer.write(to: url.path)
    }
    try? Data("not a workbook: Excel's lock file\n".utf8).write(to: dir.appendingPathComponent("~$Ban giao ke hoach.xlsx"))
    return dir.path
}()
