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
