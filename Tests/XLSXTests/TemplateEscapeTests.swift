import Foundation
import Testing
@testable import XLSX

/// Text that looks like Excel's `_xHHHH_` escapes, in values and in the template's own cells,
/// reads back as it was written: a filled value `_x0041_` stays `_x0041_`, not `A`.
@Suite struct TemplateEscapeTests {
    static let tricky = ["_x0041_B", "a_x000D_b", "_x005F_", "line\u{1}one", "plain", "tab\tand\nline"]

    /// A template whose A1 is `{{v}}` and B1 a literal that looks like an escape, written by our
    /// writers as shared strings (`WorkbookWriter`) or inline strings (`StreamingWorkbookWriter`).
    static func template(sharedStrings: Bool, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("t\(sharedStrings).xlsx").path
        let row: [CellValue] = [.string("{{v}}"), .string("_x0042_ literal"), .string("x {{v}} y")]
        if sharedStrings {
            let writer = WorkbookWriter()
            try writer.addSheet("S").appendRow(row)
            try writer.write(to: path)
        } else {
            let writer = try StreamingWorkbookWriter(path: path)
            try writer.addSheet("S").appendRow(row)
            try writer.close()
        }
        return path
    }

    @Test(arguments: [true, false])
    func filledValuesReadBackAsGiven(_ sharedStrings: Bool) throws {
        let dir = try makeTemporaryDirectory("template-escape")
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = try Self.template(sharedStrings: sharedStrings, in: dir)
        #expect(try Workbook(path: template).sheet(named: "S").rows[0].cells.map(\.value)[1] == .string("_x0042_ literal"))
        for (i, value) in Self.tricky.enumerated() {
            let output = dir.appendingPathComponent("out\(i).xlsx").path
            try WorkbookTemplate.fill(template: template, data: .object(["v": .string(value)]), output: output)
            let row = try Workbook(path: output).sheet(named: "S").rows[0].cells.map(\.value)
            #expect(row[0] == .string(value), "\(value.debugDescription) as the whole cell")
            #expect(row[1] == .string("_x0042_ literal"), "the template's own text")
            #expect(row[2] == .string("x \(value) y"), "\(value.debugDescription) inside text")
        }
    }
}
