import Foundation
import Testing
import TrainingOps
import XLSX
@testable import taphuan

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

/// The package's `samples/` folder: the sample office's workbooks and their answer key.
let sampleFolder: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../samples").standardized.path

/// The answer key of `samples/README.md`: every planted process fault that must be reported
/// (`RULE course file › sheet!cell`) and every planted fault of form (`KIND — file › sheet!cell`).
func answerKey() throws -> [String] {
    let text = try String(contentsOfFile: sampleFolder + "/README.md", encoding: .utf8)
    var out: [String] = []
    var section = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("## ") { section = String(line) }
        guard line.hasPrefix("| "), let first = line.dropFirst(2).split(separator: " ").first, Int(first) != nil else { continue }
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if section.contains("lỗi quy trình"), cells.count >= 9, cells[3] == "có" {
            out.append("\(cells[2]) \(cells[4]) \(cells[5]) › \(cells[6])!\(cells[7])")
        } else if section.contains("lỗi hình thức"), cells.count >= 7 {
            out.append("\(cells[2]) — \(cells[3]) › \(cells[4])!\(cells[5])")
        }
    }
    return out
}
