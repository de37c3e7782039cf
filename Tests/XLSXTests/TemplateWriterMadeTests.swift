import Foundation
import TestTools
import Testing
@testable import XLSX

/// A template written by our own writer, with a chart over the block's row and a picture
/// below it, filled with 1,000 rows and judged by openpyxl and LibreOffice. Expected rows
/// worked out by hand: the block (rows 2–4, one body row) becomes rows 2–1001, so everything
/// below moves 997 down; the chart's one-row series grows to the 1,000 copies.
@Suite struct TemplateWriterMadeTests {
    @Test(.requires(.openpyxl, .pillow, .libreOffice)) func writerMadeTemplateFillsAThousandRows() throws {
        let dir = try makeTemporaryDirectory("writer-template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("template.xlsx").path
        let workbook = WorkbookWriter()
        let sheet = try workbook.addSheet("Kế hoạch")
        try sheet.set(.string("Tuần {{week}}"), at: "A1")
        try sheet.set(.string("{{#courses}}"), at: "A2")
        try sheet.set(.string("{{title}}"), at: "A3")
        try sheet.set(.string("{{students}}"), at: "B3")
        try sheet.set(.formula("B3*2", cached: .empty), at: "C3")
        try sheet.merge(try #require(CellRange("D3:E3")), value: .string("{{note}}"))
        try sheet.set(.string("{{/courses}}"), at: "A4")
        try sheet.set(.string("Tổng"), at: "A5")
        try sheet.set(.formula("SUM(B3:B3)", cached: .empty), at: "B5")
        try sheet.merge(try #require(CellRange("A6:B6")), value: .string("Ký tên"))
        try sheet.set(.formula("B5+1", cached: .empty), at: "A7")
        let other = try workbook.addSheet("Tổng hợp")
        try other.set(.formula("'Kế hoạch'!B5", cached: .empty), at: "A1")
        try workbook.defineName("TongHV", refersTo: "'Kế hoạch'!$B$5")
        // Chart over A9:E20 reading the block's row; the 32×32 picture at D6 (to D7, 12 px down).
        try sheet.addChart(Chart(.column, series: [Chart.Series(sheet: "Kế hoạch", values: try #require(CellRange("B3")),
                                                                categories: CellRange("A3"), name: "Học viên")],
                                 anchor: try #require(CellRange("A9:E20"))))
        let png = WriteImageTests.redPNG
        try sheet.addImage(try Image(data: png, description: "logo"), at: try #require(CellReference("D6")))
        try workbook.write(to: template)

        let output = dir.appendingPathComponent("filled.xlsx").path
        try WorkbookTemplate.fill(template: template, data: TemplateFillTests.reportData(1000), output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Kế hoạch"
        #expect(f["\(s)!A1"] == "Tuần 48")
        #expect(f["\(s)!A2"] == "Khoá 1")
        #expect(f["\(s)!B2"] == "1")
        #expect(f["\(s)!C2"] == "=B2*2")
        #expect(f["\(s)!D2"] == "Ghi chú 1")
        #expect(f["\(s)!A1001"] == "Khoá 1000")
        #expect(f["\(s)!C1001"] == "=B1001*2")
        #expect(f["\(s)!A1002"] == "Tổng")
        #expect(f["\(s)!B1002"] == "=SUM(B2:B1001)")
        #expect(f["\(s)!A1003"] == "Ký tên")
        #expect(f["\(s)!A1004"] == "=B1002+1")
        #expect(f["\(s)!A1005"] == nil)
        #expect(f["\(s):merge-count"] == "1001")
        let merges = Set((f["\(s):merges"] ?? "").split(separator: " ").map(String.init))
        #expect(merges.contains("D2:E2") && merges.contains("D1001:E1001") && merges.contains("A1003:B1003"))
        #expect(f["Tổng hợp!A1"] == "='Kế hoạch'!B1002")
        #expect(f["name:TongHV"] == "'Kế hoạch'!$B$1002")
        #expect(f["calcPr"]?.contains("fullCalcOnLoad=\"1\"") == true)
        // The chart reads the 1,000 filled rows; anchors (zero-based rows) moved 997 down:
        // chart 8→1005 and 19→1016, picture 5→1002 and 6→1003.
        #expect(f["xl/charts/chart1.xml"] == "'Kế hoạch'!$A$2:$A$1001 'Kế hoạch'!$B$2:$B$1001")
        #expect(f["xl/drawings/drawing1.xml"] == "8 19 5 6".split(separator: " ").map { String(Int($0)! + 997) }.joined(separator: " "))
        // Through openpyxl: the picture is there at D1003 (zero-based column 3, row 1002), the chart at A1006.
        #expect(f["\(s):images"] == "png@3,1002")
        #expect(f["\(s):charts"] == "0,1005")
        let filled = try ZipArchive(path: output)
        #expect(try filled.contents(ofEntryNamed: "xl/media/image1.png") == png)
        try TemplateFillTests.expectLibreOfficeConverts(output, in: dir)
    }
}
