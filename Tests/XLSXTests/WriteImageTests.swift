import Foundation
import TestTools
import Testing
@testable import XLSX

/// Pictures: the format and size read from the file, and the parts Excel itself wrote for the
/// same picture (`image01` of `shared/corpus/XlsxWriter`: a 32×32 PNG at E9, saved by Excel).
@Suite struct WriteImageTests {
    /// The 32×32 red PNG of the corpus file `image01` (`xl/media/image1.png`, 200 bytes).
    static let redPNG = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAAXNSR0IArs4c6QAAAARnQU1BAACxjwv8YQUAAAAgY0hSTQAAeiYAAICEAAD6AAAAgOgAAHUwAADqYAAAOpgAABdwnLpRPAAAAEZJREFUSEtj/M9AYwC0gKaItqaDgoemzh+1gJjgHY0DgqE0GkSjQUQwBAgqGE1Fo0FEMAQIKhhNRaNBRDAECCoYTUUDH0QAqjXdTubVoSIAAAAASUVORK5CYII=")!)

    @Test func readsFormatAndSize() throws {
        let png = try Image(data: Self.redPNG)
        #expect(png.format == .png && png.width == 32 && png.height == 32)
        // A JPEG: SOI, an APP0 segment, then SOF0 giving height 3, width 5.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46,
                             0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x03, 0x00, 0x05, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9]
        let j = try Image(data: jpeg)
        #expect(j.format == .jpeg && j.width == 5 && j.height == 3)
        #expect(throws: XLSXError.self) { try Image(data: Array("GIF89a".utf8)) }
        #expect(throws: XLSXError.self) { try Image(data: [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]) }
    }

    @Test(.requires(.sharedCorpus))
    func matchesExcelImage01() throws {
        let corpus = try sharedCorpus().appendingPathComponent("corpus/XlsxWriter/xlsxwriter__test__comparison__xlsx_files__image01.xlsx").path
        let excel = try ZipArchive(path: corpus)
        let dir = try makeTemporaryDirectory("image")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ours.xlsx").path
        let workbook = WorkbookWriter(options: .init(deterministic: true))
        let excelPNG = try #require(try excel.contents(ofEntryNamed: "xl/media/image1.png"))
        #expect(excelPNG == Self.redPNG)
        try workbook.addSheet("Sheet1").addImage(try Image(data: excelPNG, description: "red.png"), at: try #require(CellReference("E9")))
        try workbook.write(to: path)
        let ours = try ZipArchive(path: path)

        func canonical(_ archive: ZipArchive, _ part: String, _ element: String) throws -> [String] {
            let bytes = try #require(try archive.contents(ofEntryNamed: part), "no \(part)")
            return CanonicalXML.find(element, in: try CanonicalXML.parse(bytes, part: part)).map { $0.canonical() }
        }
        // The whole anchor: corners (offsets from the image's size), picture, position and size.
        #expect(try canonical(ours, "xl/drawings/drawing1.xml", "twoCellAnchor") == canonical(excel, "xl/drawings/drawing1.xml", "twoCellAnchor"))
        #expect(try canonical(ours, "xl/drawings/_rels/drawing1.xml.rels", "Relationships") == canonical(excel, "xl/drawings/_rels/drawing1.xml.rels", "Relationships"))
        #expect(try canonical(ours, "xl/worksheets/_rels/sheet1.xml.rels", "Relationships") == canonical(excel, "xl/worksheets/_rels/sheet1.xml.rels", "Relationships"))
        #expect(try canonical(ours, "xl/worksheets/sheet1.xml", "drawing") == canonical(excel, "xl/worksheets/sheet1.xml", "drawing"))
        let pngDefault = "<Default ContentType=\"image/png\" Extension=\"png\"></Default>"
        #expect(try canonical(excel, "[Content_Types].xml", "Default").contains(pngDefault))
        #expect(try canonical(ours, "[Content_Types].xml", "Default").contains(pngDefault))
        #expect(try ours.contents(ofEntryNamed: "xl/media/image1.png") == excelPNG)
        #expect(ours.entry(named: "xl/media/image1.png")?.method == 0)
    }

    /// A chart and a picture share the sheet's drawing; a stretched picture covers its range.
    static func writeChartAndImage(to path: String) throws {
        let workbook = WorkbookWriter()
        let sheet = try workbook.addSheet("S")
        try sheet.set(.number(1), at: "A1")
        try sheet.addChart(Chart(.column, series: [Chart.Series(sheet: "S", values: try #require(CellRange("A1:A3")))], anchor: try #require(CellRange("C1:H10"))))
        try sheet.addImage(try Image(data: Self.redPNG), over: try #require(CellRange("B12:C13")))
        try workbook.write(to: path)
    }

    @Test func chartAndImageShareTheDrawing() throws {
        let dir = try makeTemporaryDirectory("image")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("both.xlsx").path
        try Self.writeChartAndImage(to: path)
        let archive = try ZipArchive(path: path)
        let drawing = String(decoding: try #require(try archive.contents(ofEntryNamed: "xl/drawings/drawing1.xml")), as: UTF8.self)
        #expect(drawing.contains("<xdr:graphicFrame") && drawing.contains("<xdr:pic>"))
        // B12:C13 → from (1, 11) to the top-left of D14, (3, 13); 2 columns × 64 px, 2 rows × 20 px.
        #expect(drawing.contains("<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row>"))
        #expect(drawing.contains("<a:off x=\"609600\" y=\"2095500\"/><a:ext cx=\"1219200\" cy=\"381000\"/>"))
        #expect(drawing.contains("r:embed=\"rId2\"") && drawing.contains("cNvPr id=\"3\" name=\"Picture 1\""))
        let rels = String(decoding: try #require(try archive.contents(ofEntryNamed: "xl/drawings/_rels/drawing1.xml.rels")), as: UTF8.self)
        #expect(rels.contains("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\""))
        #expect(rels.contains("Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"../media/image1.png\""))
    }

    @Test(.requires(.libreOffice)) func libreOfficeOpensChartAndImage() throws {
        let dir = try makeTemporaryDirectory("image")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("both.xlsx").path
        try Self.writeChartAndImage(to: path)
        try TemplateFillTests.expectLibreOfficeConverts(path, in: dir)
    }
}
