import Foundation
import Testing
@testable import XLSX

/// The style reader gives back what the writer wrote: every part of a cell style, and the
/// differential style of a conditional format.
struct ReadStyleSheetTests {
    @Test func writtenStylesReadBack() throws {
        let dir = try makeTemporaryDirectory("stylesheet")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("styles.xlsx").path
        let book = WorkbookWriter(options: .init(deterministic: true))
        let sheet = try book.addSheet("S")
        let styles = [
            CellStyle(font: Font(name: "Times New Roman", size: 13, bold: true, italic: true, underline: .double, strike: true, color: .hex("1F4E79")),
                      fill: .solid(.theme(4, tint: 0.3999755851924192)), border: .all(BorderEdge(.thin, color: .rgb("FFBFBFBF"))),
                      alignment: Alignment(horizontal: .center, vertical: .top, wrapText: true, indent: 2, rotation: 45),
                      numberFormat: .dayMonthYear, locked: false, hidden: true),
            CellStyle(fill: Fill(pattern: .lightVertical, foreground: .red, background: .indexed(64)),
                      border: Border(left: BorderEdge(.mediumDashDot), bottom: BorderEdge(.double, color: .theme(1, tint: 0))),
                      numberFormat: NumberFormat("#,##0.00 \"đ\"")),
        ]
        for (i, s) in styles.enumerated() { try sheet.set(.number(Double(i)), at: CellReference(row: i, column: 0)!, style: s) }
        let dxf = DifferentialStyle(fontColor: .hex("9C0006"), bold: true, fill: .solid(.hex("FFC7CE")), border: .all(BorderEdge(.thin)))
        try sheet.addConditionalFormat(ConditionalFormat(.expression("A1>0"), style: dxf), to: CellRange("A1:A2")!)
        try book.write(to: path)

        let read = try Workbook(path: path)
        let sheetStyles = try read.styleSheet()
        var found: [CellStyle] = []
        _ = try read.forEachRawCell(in: read.sheets[0]) { found.append(sheetStyles.style($0.styleIndex)) }
        // A solid fill is written as Excel writes it, with the system background (indexed 64)
        // behind the pattern; the reader gives the part as it is.
        let expected = styles.map { s -> CellStyle in
            var s = s
            if s.fill.pattern == .solid, s.fill.background == nil { s.fill.background = .indexed(64) }
            return s
        }
        #expect(found == expected)
        #expect(sheetStyles.differentialStyles == [dxf])
        #expect(sheetStyles.style(999) == .standard)
    }
}

/// Conditional formats, tables and protection read back as metadata from the structure
/// workbook of ``WriteStructureInteropTests`` (what openpyxl also reads there).
struct ReadStructureTests {
    @Test func structureReadsBack() throws {
        let dir = try makeTemporaryDirectory("structure-read")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("structure.xlsx").path
        try WriteStructureInteropTests.build(path)
        let book = try Workbook(path: path)
        let info = try book.info(named: "Danh sách")
        let metadata = try book.forEachRawCell(in: info) { _ in }
        let protection = try #require(metadata.protection)
        #expect(protection.allowed == [.selectLockedCells, .selectUnlockedCells, .sort, .autoFilter])
        #expect(protection.passwordHash == SheetProtection.hash("taphuan"))
        let formats = try book.conditionalFormats(in: metadata)
        #expect(formats.map(\.rule) == [
            .duplicateValues, .expression("$B2<46015"), .cellValue(.between, "1", "2"),
            .colorScale([.lowest, .percentile(50), .highest], [.hex("F8696B"), .hex("FFEB84"), .hex("63BE7B")]),
            .dataBar(.hex("638EC6")),
        ])
        #expect(formats.map { $0.ranges.map(\.description) } == [["A2:A5"], ["B2:B5"], ["C2:C5"], ["C2:C5"], ["D2:D5"]])
        #expect(formats[1].style == WriteStructureInteropTests.pink)
        #expect(formats[2].style == DifferentialStyle(bold: true))
        let tables = try book.tables(of: info, metadata: metadata)
        #expect(tables == [Table(name: "DanhSach", range: CellRange("A1:D6")!, columns: [
            Table.Column("Mã khóa", totalsLabel: "Tổng"), "Ngày bắt đầu", Table.Column("Điểm", totalsFunction: .average), Table.Column("Số ĐV", totalsFunction: .sum),
        ], style: Table.Style(name: "TableStyleLight9"), totalsRow: true)])
        #expect(book.protection == WorkbookProtection())
        let other = try book.forEachRawCell(in: try book.info(named: "Nhóm")) { _ in }
        #expect(other.protection == nil && other.conditionalFormats.isEmpty && other.tableRelationships.isEmpty)
    }
}
