import Foundation
import TestTools
import Testing
@testable import XLSX

/// Conditional formats, tables, protection and outline groups: Excel's limits as errors, the
/// XML against Excel's own files, and the workbook as openpyxl and LibreOffice read it.
struct WriteStructureTests {
    // MARK: Limits

    @Test func excelsPasswordHash() {
        // The corpus file protect03 is Excel's sheet protected with "password": 83AF.
        #expect(SheetProtection.hash("password") == "83AF")
        // By hand: 'a' (0x61) rotated left by 1 within 15 bits is 0xC2; ^ length 1 ^ 0xCE4B = 0xCE88.
        #expect(SheetProtection.hash("a") == "CE88")
        #expect(throws: XLSXError.self) { try SheetProtection(password: "") }
        #expect(throws: XLSXError.self) { try SheetProtection(password: String(repeating: "x", count: 256)) }
    }

    @Test func conditionalFormatLimits() throws {
        let sheet = try WorkbookWriter().addSheet("S")
        let range = CellRange("A1:A9")!
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.expression("=A1>1"), style: .background(.red)), to: range) }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.cellValue(.between, "1")), to: range) }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.cellValue(.equal, "1", "2")), to: range) }
        #expect(throws: XLSXError.self) {
            try sheet.addConditionalFormat(ConditionalFormat(.colorScale([.lowest, .percent(50), .percentile(90), .highest], [.red, .white, .black, .red])), to: range)
        }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.colorScale([.lowest, .percent(150)], [.red, .white])), to: range) }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.dataBar(.red), style: .background(.red)), to: range) }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.duplicateValues, style: DifferentialStyle()), to: range) }
        #expect(throws: XLSXError.self) { try sheet.addConditionalFormat(ConditionalFormat(.duplicateValues)) }
    }

    @Test func tableLimits() throws {
        let book = WorkbookWriter()
        let sheet = try book.addSheet("S")
        func table(_ name: String, _ range: String, _ columns: [Table.Column]) -> Table {
            Table(name: name, range: CellRange(range)!, columns: columns)
        }
        for bad in ["A1", "R1C1", "r", "1Bang", "Bảng có dấu cách", ""] {
            #expect(throws: XLSXError.self, "\(bad)") { try sheet.addTable(table(bad, "A1:B3", ["x", "y"])) }
        }
        #expect(throws: XLSXError.self, "duplicate names ignoring case") { try sheet.addTable(table("T", "A1:B3", ["Mã", "mã"])) }
        #expect(throws: XLSXError.self, "empty name") { try sheet.addTable(table("T", "A1:B3", ["Mã", ""])) }
        #expect(throws: XLSXError.self, "column count") { try sheet.addTable(table("T", "A1:C3", ["Mã", "Tên"])) }
        #expect(throws: XLSXError.self, "header only") { try sheet.addTable(table("T", "A1:B1", ["Mã", "Tên"])) }
        #expect(throws: XLSXError.self, "unknown style") {
            try sheet.addTable(Table(name: "T", range: CellRange("A1:B3")!, columns: ["a", "b"], style: Table.Style(name: "TableStyleMedium29")))
        }
        #expect(throws: XLSXError.self, "totals without a totals row") {
            try sheet.addTable(table("T", "A1:B3", ["a", Table.Column("b", totalsFunction: .sum)]))
        }
        try sheet.set(.string("Khác"), at: "E1")
        #expect(throws: XLSXError.self, "header cell holds another text") { try sheet.addTable(table("T", "D1:E3", ["a", "b"])) }
        try sheet.addTable(table("Bang_1", "A1:B3", ["Mã", "Tên"]))
        #expect(throws: XLSXError.self, "overlap") { try sheet.addTable(table("T2", "B2:C4", ["a", "b"])) }
        // A header cell changed after the table was added is caught when writing.
        try sheet.set(.string("Khác"), at: "A1")
        let dir = try makeTemporaryDirectory("tables")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: XLSXError.self) { try book.write(to: dir.appendingPathComponent("a.xlsx").path) }
        try sheet.set(.string("Mã"), at: "A1")
        let other = try book.addSheet("T")
        try other.addTable(table("BANG_1", "A1:A2", ["x"]))
        #expect(throws: XLSXError.self, "a table name is unique in the workbook") { try book.write(to: dir.appendingPathComponent("b.xlsx").path) }
    }

    @Test func outlineLimits() throws {
        let sheet = try WorkbookWriter().addSheet("S")
        #expect(throws: XLSXError.self) { try sheet.groupRows(1...3, level: 8) }
        #expect(throws: XLSXError.self) { try sheet.groupRows(1...3, level: 0) }
        #expect(throws: XLSXError.self) { try sheet.groupColumns(1...3, level: 8) }
        let streaming = try StreamingWorkbookWriter(path: try makeTemporaryDirectory("o").appendingPathComponent("s.xlsx").path)
        let s = try streaming.addSheet("S")
        try s.groupRows(2...3, level: 2)
        try s.appendRow([.string("a")])
        #expect(throws: XLSXError.self, "a deeper level after the head is written") { try s.groupRows(5...6, level: 3) }
        try s.groupRows(5...6, level: 1)
        #expect(throws: XLSXError.self, "rows already written") { try s.groupRows(0...0) }
    }

    // MARK: Excel's own files

    typealias Case = WriteCorpusComparisonTests.Case
    static let red = DifferentialStyle.background(.hex("FF0000"))
    static let green = DifferentialStyle.background(.hex("92D050"))
    static func numbers(_ wb: WorkbookWriter) throws -> SheetWriter {
        let s = try wb.addSheet("Sheet1")
        for (i, v) in [10.0, 20, 30, 40].enumerated() { try s.set(.number(v), at: CellReference(row: i, column: 0)!) }
        return s
    }

    static let cases: [Case] = [
        Case(corpus: "cond_format02", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            try numbers(wb).addConditionalFormat(ConditionalFormat(.cellValue(.lessThan, "5")), to: CellRange("A1")!)
        },
        Case(corpus: "cond_format05", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            try numbers(wb).addConditionalFormat(ConditionalFormat(.cellValue(.equal, "7"), style: DifferentialStyle(border: .all(BorderEdge(.thin)))),
                                                 to: CellRange("A1")!)
        },
        Case(corpus: "cond_format05", part: "xl/styles.xml", element: "dxfs") { wb in
            try numbers(wb).addConditionalFormat(ConditionalFormat(.cellValue(.equal, "7"), style: DifferentialStyle(border: .all(BorderEdge(.thin)))),
                                                 to: CellRange("A1")!)
        },
        Case(corpus: "cond_format10", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            let s = try wb.addSheet("Sheet1")
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "20"), style: DifferentialStyle(fontColor: .hex("9C0006"))), to: CellRange("B3:B6")!)
        },
        Case(corpus: "cond_format14", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            try numbers(wb).addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "5"), style: red, stopIfTrue: true), to: CellRange("A1")!)
        },
        Case(corpus: "cond_format15", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            let s = try numbers(wb)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.lessThan, "5"), style: red, stopIfTrue: true), to: CellRange("A1")!)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "20"), style: green, stopIfTrue: true), to: CellRange("A1")!)
        },
        Case(corpus: "cond_format15", part: "xl/styles.xml", element: "dxfs") { wb in
            let s = try numbers(wb)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.lessThan, "5"), style: red, stopIfTrue: true), to: CellRange("A1")!)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "20"), style: green, stopIfTrue: true), to: CellRange("A1")!)
        },
        // Two elements, in the order their ranges were first used (A4, then A1).
        Case(corpus: "rust_xlsxwriter/tests__input__cond_format22", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            let s = try numbers(wb)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "4")), to: CellRange("A4")!)
            try s.addConditionalFormat(ConditionalFormat(.cellValue(.greaterThan, "1")), to: CellRange("A1")!)
        },
        Case(corpus: "rust_xlsxwriter/tests__input__cond_format19", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<conditionalFormatting"]) { wb in
            try numbers(wb).addConditionalFormat(ConditionalFormat(.cellValue(.equal, "\"X\""), style: red), to: CellRange("A1")!)
        },
        Case(corpus: "protect02", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<sheetProtection"]) { wb in
            try wb.addSheet("Sheet1").protect()
        },
        Case(corpus: "protect03", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<sheetProtection"]) { wb in
            try wb.addSheet("Sheet1").protect(try SheetProtection(password: "password"))
        },
        Case(corpus: "protect08", part: "xl/worksheets/sheet1.xml", element: "worksheet", only: ["<sheetProtection"]) { wb in
            try wb.addSheet("Sheet1").protect(SheetProtection(allowed: Set(SheetProtection.Action.allCases).subtracting([.selectLockedCells, .selectUnlockedCells])))
        },
        // An unlocked cell format, and one unlocked with its formula hidden.
        Case(corpus: "protect02", part: "xl/styles.xml", element: "cellXfs") { wb in
            let s = try wb.addSheet("Sheet1")
            try s.set(.number(1), at: "A1", style: CellStyle(locked: false))
            try s.set(.number(1), at: "A2", style: CellStyle(locked: false, hidden: true))
        },
        Case(corpus: "outline01", part: "xl/worksheets/sheet1.xml", element: "sheetFormatPr") { wb in try outline(wb) },
        Case(corpus: "outline01", part: "xl/worksheets/sheet1.xml", element: "sheetData") { wb in try outline(wb) },
        Case(corpus: "outline03", part: "xl/worksheets/sheet1.xml", element: "sheetFormatPr") { wb in
            try wb.addSheet("Sheet1").groupColumns(1...6)
        },
        Case(corpus: "table01", part: "xl/tables/table1.xml", element: "table") { wb in
            try wb.addSheet("Sheet1").addTable(Table(name: "Table1", range: CellRange("C3:F13")!, columns: ["Column1", "Column2", "Column3", "Column4"]))
        },
        Case(corpus: "table01", part: "xl/worksheets/sheet1.xml", element: "tableParts") { wb in
            try wb.addSheet("Sheet1").addTable(Table(name: "Table1", range: CellRange("C3:F13")!, columns: ["Column1", "Column2", "Column3", "Column4"]))
        },
        Case(corpus: "table01", part: "xl/worksheets/_rels/sheet1.xml.rels", element: "Relationships") { wb in
            try wb.addSheet("Sheet1").addTable(Table(name: "Table1", range: CellRange("C3:F13")!, columns: ["Column1", "Column2", "Column3", "Column4"]))
        },
        Case(corpus: "table08", part: "xl/tables/table1.xml", element: "table") { wb in
            try wb.addSheet("Sheet1").addTable(Table(name: "Table1", range: CellRange("C3:F14")!, columns: [
                Table.Column("Column1", totalsLabel: "Total"), "Column2", "Column3", Table.Column("Column4", totalsFunction: .count),
            ], totalsRow: true))
        },
    ]

    /// The outline01 sheet of the corpus: two regions grouped at level 2 under subtotals at level 1.
    static func outline(_ wb: WorkbookWriter) throws {
        let s = try wb.addSheet("Sheet1")
        let bold = CellStyle(font: Font(bold: true))
        let labels = ["Region", "North", "North", "North", "North", "North Total", "South", "South", "South", "South", "South Total", "Grand Total"]
        // In the corpus file's string order: "Sales" came after "North Total".
        for (r, l) in labels.enumerated() {
            try s.set(.string(l), at: CellReference(row: r, column: 0)!, style: [0, 5, 10, 11].contains(r) ? bold : nil)
            if r == 5 { try s.set(.string("Sales"), at: "B1", style: bold) }
        }
        for (r, v) in [(1, 1000.0), (2, 1200), (3, 900), (4, 1200), (6, 400), (7, 600), (8, 500), (9, 600)] {
            try s.set(.number(v), at: CellReference(row: r, column: 1)!)
        }
        try s.set(.formula("SUBTOTAL(9,B2:B5)", cached: .number(4300)), at: "B6", style: bold)
        try s.set(.formula("SUBTOTAL(9,B7:B10)", cached: .number(2100)), at: "B11", style: bold)
        try s.set(.formula("SUBTOTAL(9,B2:B10)", cached: .number(6400)), at: "B12", style: bold)
        try s.groupRows(1...10, level: 1)
        try s.groupRows(1...4, level: 2)
        try s.groupRows(6...9, level: 2)
    }

    @Test(.requires(.sharedCorpus), arguments: cases)
    func matchesExcel(_ c: Case) throws {
        try WriteCorpusComparisonTests.compare(c)
    }
}

/// The structure workbook judged by openpyxl and LibreOffice. Every expected value is written
/// by hand from the workbook built below, not copied from our output.
@Suite(.serialized)
struct WriteStructureInteropTests {
    static let pink = DifferentialStyle.background(.hex("FFC7CE"), text: .hex("9C0006"))

    /// A list as a table with a totals row, five kinds of conditional format, a protected sheet
    /// with unlocked data cells, a protected workbook, and outline groups on a second sheet.
    static func build(_ path: String) throws {
        let book = WorkbookWriter(options: .init(deterministic: true))
        let list = try book.addSheet("Danh sách")
        let unlocked = CellStyle(locked: false)
        let rows: [(String, Double, Double, Double)] = [("TH-01", 46_000, 4.5, 12), ("TH-02", 46_010, 2, 30), ("TH-01", 46_020, 3.5, 5), ("TH-03", 46_030, 1, 20)]
        for (i, r) in rows.enumerated() {
            try list.set(.string(r.0), at: CellReference(row: i + 1, column: 0)!, style: unlocked)
            try list.set(.number(r.1), at: CellReference(row: i + 1, column: 1)!, style: CellStyle(numberFormat: .dayMonthYear, locked: false))
            try list.set(.number(r.2), at: CellReference(row: i + 1, column: 2)!, style: unlocked)
            try list.set(.number(r.3), at: CellReference(row: i + 1, column: 3)!, style: unlocked)
        }
        try list.addTable(Table(name: "DanhSach", range: CellRange("A1:D6")!, columns: [
            Table.Column("Mã khóa", totalsLabel: "Tổng"), "Ngày bắt đầu", Table.Column("Điểm", totalsFunction: .average), Table.Column("Số ĐV", totalsFunction: .sum),
        ], style: Table.Style(name: "TableStyleLight9"), totalsRow: true))
        try list.addConditionalFormat(ConditionalFormat(.duplicateValues, style: .background(.hex("FFEB9C"))), to: CellRange("A2:A5")!)
        try list.addConditionalFormat(ConditionalFormat(.expression("$B2<46015"), style: pink), to: CellRange("B2:B5")!)
        try list.addConditionalFormat(ConditionalFormat(.cellValue(.between, "1", "2"), style: DifferentialStyle(bold: true)), to: CellRange("C2:C5")!)
        try list.addConditionalFormat(ConditionalFormat(.colorScale([.lowest, .percentile(50), .highest], [.hex("F8696B"), .hex("FFEB84"), .hex("63BE7B")])),
                                      to: CellRange("C2:C5")!)
        try list.addConditionalFormat(ConditionalFormat(.dataBar(.hex("638EC6"))), to: CellRange("D2:D5")!)
        list.protect(try SheetProtection(password: "taphuan", allowed: [.selectLockedCells, .selectUnlockedCells, .sort, .autoFilter]))

        let groups = try book.addSheet("Nhóm")
        for r in 0..<6 { try groups.appendRow([.string("Dòng \(r + 1)"), .number(Double(r)), .number(Double(r * 2))]) }
        try groups.groupRows(1...3, level: 1, collapsed: true)
        try groups.groupColumns(1...2, level: 1)
        book.protection = WorkbookProtection()
        try book.write(to: path)
    }

    @Test(.requires(.openpyxl)) func openpyxlReadsIt() throws {
        let dir = try makeTemporaryDirectory("structure")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("structure.xlsx").path
        try Self.build(path)
        let script = """
            import sys, openpyxl
            from openpyxl.utils.protection import hash_password
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Danh sách"]
            for cf in ws.conditional_formatting:
                for r in cf.rules:
                    fill = r.dxf.fill.bgColor.rgb if r.dxf is not None and r.dxf.fill is not None else None
                    bold = r.dxf.font.b if r.dxf is not None and r.dxf.font is not None else None
                    print("cf", str(cf.sqref), r.type, r.priority, r.operator, r.formula, fill, bold)
            t = ws.tables["DanhSach"]
            print("table", t.ref, t.autoFilter.ref, t.totalsRowCount, [c.name for c in t.tableColumns],
                  [c.totalsRowFunction for c in t.tableColumns], t.tableStyleInfo.name)
            print("totals", ws["A6"].value, ws["C6"].value, ws["D6"].value)
            p = ws.protection
            print("protection", p.sheet, p.password == hash_password("taphuan"), p.sort, p.autoFilter, p.formatCells, p.objects)
            print("locked", ws["A1"].protection.locked, ws["A2"].protection.locked, ws["B3"].protection.locked)
            print("workbook", wb.security.lockStructure)
            g = wb["Nhóm"]
            print("rows", [(g.row_dimensions[r].outline_level, g.row_dimensions[r].hidden) for r in range(1, 6)], g.row_dimensions[5].collapsed)
            print("columns", g.column_dimensions["B"].outline_level, g.column_dimensions["B"].max, g.sheet_format.outlineLevelCol)
            """
        let result = try runProgram(try ExternalTool.openpyxl.path(), ["-c", script, path])
        let expected = """
            cf A2:A5 duplicateValues 1 None [] FFFFEB9C None
            cf B2:B5 expression 2 None ['$B2<46015'] FFFFC7CE False
            cf C2:C5 cellIs 3 between ['1', '2'] None True
            cf C2:C5 colorScale 4 None [] None None
            cf D2:D5 dataBar 5 None [] None None
            table A1:D6 A1:D5 1 ['Mã khóa', 'Ngày bắt đầu', 'Điểm', 'Số ĐV'] [None, None, 'average', 'sum'] TableStyleLight9
            totals Tổng =SUBTOTAL(101,DanhSach[Điểm]) =SUBTOTAL(109,DanhSach[Số ĐV])
            protection True True False False True True
            locked True False False
            workbook True
            rows [(0, False), (1, True), (1, True), (1, True), (0, False)] True
            columns 1 3 1

            """
        #expect(result.status == 0 && result.output == expected, "\(result.output)")
    }

    @Test(.requires(.openpyxl, .libreOffice)) func libreOfficeReadsIt() throws {
        let dir = try makeTemporaryDirectory("structure-lo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("structure.xlsx").path
        try Self.build(path)
        let out = dir.appendingPathComponent("lo")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let convert = try runProgram(try ExternalTool.python3.path(), [AnnotationTests.script("libreoffice.py"), "xlsx:Calc MS Excel 2007 XML", out.path, path])
        #expect(convert.status == 0, "\(convert.output)")
        // What LibreOffice understood, as it writes it back: the rule kinds, the protection,
        // the unlocked cells and the outline.
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Danh sách"]
            print(sorted(r.type for cf in ws.conditional_formatting for r in cf.rules))
            print(ws.protection.sheet, ws["A1"].protection.locked, ws["A2"].protection.locked)
            g = wb["Nhóm"]
            print([(g.row_dimensions[r].outline_level, bool(g.row_dimensions[r].hidden)) for r in range(1, 6)])
            """
        let result = try runProgram(try ExternalTool.openpyxl.path(), ["-c", script, out.appendingPathComponent("structure.xlsx").path],
                                    standardError: false)
        #expect(result.output == """
            ['cellIs', 'colorScale', 'dataBar', 'duplicateValues', 'expression']
            True True False
            [(0, False), (1, True), (1, True), (1, True), (0, False)]

            """, "\(result.output)")
    }
}

/// Inserting rows moves the new structures with them: a table's range (and its filter), a
/// conditional format's range and formula, and an x14 conditional format inside `<extLst>`
/// (its `<xm:sqref>` and `<xm:f>`), as Excel would.
struct TemplateStructureShiftTests {
    @Test func insertedRowsMoveTablesAndConditionalFormats() throws {
        let dir = try makeTemporaryDirectory("structure-shift")
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = dir.appendingPathComponent("written.xlsx").path
        let book = WorkbookWriter(options: .init(deterministic: true))
        let sheet = try book.addSheet("Danh sách")
        for r in 1...4 { try sheet.set(.number(Double(r)), at: CellReference(row: r, column: 0)!) }
        try sheet.addTable(Table(name: "Bang", range: CellRange("A1:B5")!, columns: ["Mã", "Ghi chú"]))
        try sheet.addConditionalFormat(ConditionalFormat(.expression("$A2>$A$5"), style: .background(.red)), to: CellRange("A2:A5")!)
        try book.write(to: written)
        // An x14 rule inside <extLst>, as Excel writes rules that reference other sheets.
        let source = try ZipArchive(path: written)
        let withExtension = dir.appendingPathComponent("template.xlsx").path
        let zip = try ZipWriter(path: withExtension)
        for entry in source.entries {
            guard entry.name == "xl/worksheets/sheet1.xml" else { try zip.copyEntry(entry, from: source); continue }
            var xml = String(decoding: try source.contents(of: entry), as: UTF8.self)
            xml = xml.replacingOccurrences(of: "</worksheet>", with: """
                <extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="2" id="{00000000-0000-0000-0000-000000000001}"><xm:f>$B2=$A$5</xm:f></x14:cfRule><xm:sqref>B2:B5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>
                """)
            try zip.addEntry(entry.name, data: Array(xml.utf8))
        }
        try zip.finish()

        var edits = WorkbookEdits()
        try edits.insertRows(2, before: 3, in: "Danh sách")
        let output = dir.appendingPathComponent("edited.xlsx").path
        try WorkbookTemplate.edit(workbook: withExtension, edits: edits, output: output)
        let edited = try ZipArchive(path: output)
        let xml = String(decoding: try edited.contents(of: try #require(edited.entry(named: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
        let table = String(decoding: try edited.contents(of: try #require(edited.entry(named: "xl/tables/table1.xml"))), as: UTF8.self)
        // Two rows before row 3: rows 3–5 become 5–7, row 2 stays.
        #expect(table.contains("ref=\"A1:B7\""), "\(table)")
        #expect(xml.contains("<conditionalFormatting sqref=\"A2:A7\">"), "\(xml)")
        #expect(xml.contains("<formula>$A2&gt;$A$7</formula>") || xml.contains("<formula>$A2>$A$7</formula>"), "\(xml)")
        #expect(xml.contains("<xm:f>$B2=$A$7</xm:f>"), "\(xml)")
        #expect(xml.contains("<xm:sqref>B2:B7</xm:sqref>"), "\(xml)")
    }
}
