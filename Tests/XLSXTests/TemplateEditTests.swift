import Foundation
import TestTools
import Testing
@testable import XLSX

/// Editing an existing workbook: cells set, rows inserted and deleted, judged by openpyxl.
@Suite struct TemplateEditTests {
    @Test(.requires(.openpyxl)) func setsCellsAndInsertsRows() throws {
        let dir = try makeTemporaryDirectory("edit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("edited.xlsx").path
        var edits = WorkbookEdits()
        try edits.insertRows(2, before: 2, in: "Tổng hợp")
        try edits.set(.number(5), at: "B1", in: "Tổng hợp")          // a new cell in an existing row
        try edits.set(.string("mới"), at: "C10", in: "Tổng hợp")     // a new row (source row 10 → 12)
        try edits.set(.bool(true), at: "A2", in: "tổng hợp")         // replaces a formula; sheet names ignore case
        let report = try WorkbookTemplate.edit(workbook: try TemplateFillTests.fixture("report-openpyxl.xlsx"),
                                               edits: edits, output: output)
        #expect(report.copiedParts.contains("xl/media/image1.png"))
        let f = try TemplateFillTests.openpyxlFacts(output)
        #expect(f["Tổng hợp!A1"] == "='Kế hoạch'!C7")
        #expect(f["Tổng hợp!B1"] == "5")
        #expect(f["Tổng hợp!A2"] == nil)
        #expect(f["Tổng hợp!A4"] == "True")
        #expect(f["Tổng hợp!C12"] == "mới")
        // The other sheet is untouched except that it is not filled: its placeholders stay.
        #expect(f["Kế hoạch!A1"] == "Báo cáo tuần {{week}} — {{team}}")
        #expect(f["calcPr"]?.contains("fullCalcOnLoad=\"1\"") == true)
    }

    @Test(.requires(.openpyxl)) func deletedRowsMoveReferencesUp() throws {
        let dir = try makeTemporaryDirectory("edit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("edited.xlsx").path
        var edits = WorkbookEdits()
        try edits.deleteRows(2...3, in: "Đơn vị")
        // Editing, the template's markers are plain text.
        try WorkbookTemplate.edit(workbook: try TemplateFillTests.fixture("nested-openpyxl.xlsx"), edits: edits, output: output)
        let n = try TemplateFillTests.openpyxlFacts(output)
        #expect(n["Đơn vị!A1"] == "Đơn vị")
        #expect(n["Đơn vị!A2"] == "{{#courses}}")
        #expect(n["Đơn vị!B3"] == "{{students}}")
        #expect(n["Đơn vị!B5"] == "=SUM(B3:B3)")
        #expect(n["Đơn vị!B7"] == "=SUM(B2:B6)")
        #expect(n["Đơn vị!A8"] == nil)
        #expect(n["Đơn vị:merges"] == "")
        var plain = WorkbookEdits()
        try plain.deleteRows(1...1, in: "Tổng hợp")
        try WorkbookTemplate.edit(workbook: try TemplateFillTests.fixture("report-libreoffice.xlsx"), edits: plain, output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        #expect(f["Tổng hợp!A1"] == "=SUM('Kế hoạch'!C5:C5)")
        #expect(f["Tổng hợp!A2"] == nil)
    }

    @Test func rowMappingOfEdits() throws {
        var edits = WorkbookEdits()
        try edits.insertRows(3, before: 5, in: "S")
        try edits.deleteRows(10...11, in: "S")
        let m = edits.mapping("s")
        #expect(m.map(4) == 4)
        #expect(m.map(5) == 8)
        #expect(m.map(9) == 12)
        #expect(m.map(10) == nil)
        #expect(m.map(12) == 13)
        #expect(m.map(rows: 4, 12)! == (4, 13))
        #expect(m.map(rows: 10, 11) == nil)
        #expect(throws: XLSXError.self) { try edits.deleteRows(11...12, in: "S") }
    }
}
