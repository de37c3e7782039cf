import Foundation
import TestTools
import Testing
@testable import XLSX

/// Reading a workbook and writing what was read with the writers keeps its validations, links,
/// notes, defined names and sheet states: the reader and the writers share one type for each.
/// The expected values are written out by hand from what ``write(to:)`` puts in the workbook.
@Suite struct WriteModelRoundTripTests {
    static let plan = "Kế hoạch"
    static let list = "Danh mục"
    static let hidden = "Ẩn"
    static let url = "https://example.gov.vn/tap-huan?tuan=48&nam=2026"
    static let mail = "mailto:daotao@example.gov.vn"

    static func day(_ year: Int, _ month: Int, _ day: Int) -> DateTimeComponents {
        DateTimeComponents(year: year, month: month, day: day)
    }

    /// The validations of the plan sheet, each with its ranges, in the order they are added.
    static let validations: [DataValidation] = [
        DataValidation(.list(["Có", "Không"]), inputMessage: .init(title: "Chọn", "Có hoặc Không"),
                       errorMessage: .init(title: "Sai", "Chỉ Có hoặc Không"), errorStyle: .warning,
                       ranges: [CellRange("B2:B10")!]),
        DataValidation(.wholeNumber(.between(1, 60)), allowBlank: false, ranges: [CellRange("C2:C10")!, CellRange("E2:E10")!]),
        DataValidation(.date(.greaterThanOrEqual(day(2026, 1, 1))), ranges: [CellRange("D2:D10")!]),
        DataValidation(.listFromRange(sheet: list, range: CellRange("A2:A6")!), hideDropDown: true, ranges: [CellRange("F2:F10")!]),
        DataValidation(.general(.time, comparison: .lessThan, formula1: "0.5"), errorStyle: .information, ranges: [CellRange("G2:G10")!]),
        DataValidation(.general(.list, formula1: "DanhSachDonVi"), ranges: [CellRange("H2:H10")!]),
        DataValidation(.custom("LEN(I2)<=10"), showInputMessage: false, showErrorMessage: false, ranges: [CellRange("I2:I10")!]),
        DataValidation(.decimal(.notBetween(0.25, 0.75)), ranges: [CellRange("J2")!]),
    ]

    static let notes: [CellReference: Note] = [
        CellReference("B3")!: Note("Lớp thí điểm", author: "Phòng Đào tạo"),
        CellReference("D4")!: Note("Chờ xác nhận\nngày 05/12", visible: true),
    ]

    static let links: [CellRange: Hyperlink] = [
        CellRange("A2")!: Hyperlink(target: url, tooltip: "Cổng thông tin"),
        CellRange("A3")!: Hyperlink(location: "'Danh mục'!A1", display: "'Danh mục'!A1"),
        CellRange("A5:B5")!: Hyperlink(target: mail, display: "Gửi thư"),
    ]

    static let names: [DefinedName] = [
        DefinedName("DanhSachDonVi", refersTo: "'Danh mục'!$A$2:$A$6"),
        DefinedName("NgayBatDau", refersTo: "'Kế hoạch'!$D$2", localSheet: 0, hidden: true),
    ]

    static let states: [SheetState] = [.visible, .hidden, .veryHidden]

    /// The first workbook, made with the writer's own calls.
    static func write(to path: String) throws {
        let workbook = WorkbookWriter(options: .init(deterministic: true))
        let planSheet = try workbook.addSheet(plan)
        try planSheet.appendRow([.string("Mã lớp"), .string("Có học"), .string("Số học viên")])
        try planSheet.appendRow([.string("Cổng"), .string("Có"), .number(30)])
        try planSheet.appendRow([.string("Danh mục"), .string("Không"), .number(25)])
        for v in validations {
            var rule = v
            rule.ranges = []
            switch v.ranges.count {
            case 1: try planSheet.addValidation(rule, to: v.ranges[0])
            default: try planSheet.addValidation(rule, to: v.ranges[0], v.ranges[1])
            }
        }
        try planSheet.addNote(Note("Lớp thí điểm", author: "Phòng Đào tạo"), at: CellReference("B3")!)
        try planSheet.addNote(Note("Chờ xác nhận\nngày 05/12", visible: true), at: CellReference("D4")!)
        try planSheet.addHyperlink(.external(url, tooltip: "Cổng thông tin"), at: CellReference("A2")!)
        try planSheet.addHyperlink(.internal(sheet: list, CellRange("A1")!), at: CellReference("A3")!)
        try planSheet.addHyperlink(Hyperlink(target: mail, display: "Gửi thư"), over: CellRange("A5:B5")!)
        let listSheet = try workbook.addSheet(list)
        for unit in ["Đơn vị", "Phòng GD Tiên Phước", "Phòng GD Phú Ninh", "Trường MG Tiên Sơn", "UBND xã Tam An", "Sở Nội vụ"] {
            try listSheet.appendRow([.string(unit)])
        }
        listSheet.state = .hidden
        let hiddenSheet = try workbook.addSheet(hidden)
        try hiddenSheet.appendRow([.string("cấu hình")])
        hiddenSheet.state = .veryHidden
        try workbook.defineName("DanhSachDonVi", refersTo: "='Danh mục'!$A$2:$A$6")
        try workbook.defineName(DefinedName("NgayBatDau", refersTo: "'Kế hoạch'!$D$2", localSheet: 0, hidden: true))
        try workbook.write(to: path)
    }

    /// Writes what was read of `source` with one of the writers: values, sheet states,
    /// validations, notes, links and defined names, nothing else.
    static func copy(_ source: Workbook, to path: String, streaming: Bool) throws {
        func place(_ sheet: Sheet, on layout: SheetLayout) throws {
            layout.state = sheet.info.state
            for v in sheet.dataValidations { try layout.addValidation(v) }
            for (cell, note) in sheet.notes { try layout.addNote(note, at: cell) }
            for (range, link) in sheet.hyperlinks.sorted(by: { $0.key.start < $1.key.start }) { try layout.addHyperlink(link, over: range) }
        }
        if streaming {
            let workbook = try StreamingWorkbookWriter(path: path, options: .init(deterministic: true))
            for info in source.sheets {
                let sheet = try source.sheet(info)
                let out = try workbook.addSheet(info.name)
                for row in sheet.rows {
                    let last = row.cells.map(\.reference.column).max() ?? -1
                    var values = [CellValue](repeating: .empty, count: last + 1)
                    for cell in row.cells { values[cell.reference.column] = cell.value }
                    try out.writeRow(values, at: row.index)
                }
                try place(sheet, on: out)
            }
            for name in source.definedNames { try workbook.defineName(name) }
            try workbook.close()
        } else {
            let workbook = WorkbookWriter(options: .init(deterministic: true))
            for info in source.sheets {
                let sheet = try source.sheet(info)
                let out = try workbook.addSheet(info.name)
                for cell in sheet.cells { try out.set(cell.value, at: cell.reference) }
                try place(sheet, on: out)
            }
            for name in source.definedNames { try workbook.defineName(name) }
            try workbook.write(to: path)
        }
    }

    /// Everything the model keeps, compared with the hand-written values.
    static func expectModel(_ workbook: Workbook, _ label: String) throws {
        #expect(workbook.sheets.map(\.name) == [plan, list, hidden], "\(label)")
        #expect(workbook.sheets.map(\.state) == states, "\(label)")
        #expect(workbook.definedNames == names, "\(label)")
        let sheet = try workbook.sheet(named: plan)
        #expect(sheet.dataValidations == validations, "\(label)")
        #expect(sheet.notes == notes, "\(label)")
        #expect(sheet.hyperlinks == links, "\(label)")
        #expect(sheet["C3"]?.value == .number(25), "\(label)")
        for name in [list, hidden] {
            let other = try workbook.sheet(named: name)
            #expect(other.dataValidations.isEmpty && other.notes.isEmpty && other.hyperlinks.isEmpty, "\(label): \(name)")
        }
    }

    /// The model workbook written in `dir`, read, and written back by the in-memory writer:
    /// the path of the copy.
    static func writtenBack(in dir: URL) throws -> String {
        let first = dir.appendingPathComponent("first.xlsx").path
        let second = dir.appendingPathComponent("second.xlsx").path
        try write(to: first)
        try copy(try Workbook(path: first), to: second, streaming: false)
        return second
    }

    @Test(arguments: [false, true]) func readWriteReadKeepsTheModel(streaming: Bool) throws {
        let dir = try makeTemporaryDirectory("model")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("first.xlsx").path
        let second = dir.appendingPathComponent("second.xlsx").path
        try Self.write(to: first)
        let read = try Workbook(path: first)
        try Self.expectModel(read, "first")
        try Self.copy(read, to: second, streaming: streaming)
        try Self.expectModel(try Workbook(path: second), "written back")
    }

    /// The date bound 2026-01-01 is serial 46023 in the 1900 system: the writer's XML says so,
    /// and the rule with formulas as bounds is written as it was given.
    @Test func writtenBackXMLHasTheFileSpellings() throws {
        let dir = try makeTemporaryDirectory("model")
        defer { try? FileManager.default.removeItem(at: dir) }
        let second = try Self.writtenBack(in: dir)
        let archive = try ZipArchive(path: second)
        let sheet = String(decoding: try #require(try archive.contents(ofEntryNamed: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<dataValidation type=\"date\" operator=\"greaterThanOrEqual\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"D2:D10\"><formula1>46023</formula1></dataValidation>"))
        #expect(sheet.contains("<dataValidation type=\"time\" errorStyle=\"information\" operator=\"lessThan\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"G2:G10\"><formula1>0.5</formula1></dataValidation>"))
        #expect(sheet.contains("<dataValidation type=\"custom\" allowBlank=\"1\" sqref=\"I2:I10\"><formula1>LEN(I2)&lt;=10</formula1></dataValidation>"))
        #expect(sheet.contains("<hyperlink ref=\"A5:B5\" r:id=\"rId2\" display=\"Gửi thư\"/>"))
        let book = String(decoding: try #require(try archive.contents(ofEntryNamed: "xl/workbook.xml")), as: UTF8.self)
        #expect(book.contains("<sheet name=\"Danh mục\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"))
        #expect(book.contains("<sheet name=\"Ẩn\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId3\"/>"))
        #expect(book.contains("<definedName name=\"NgayBatDau\" localSheetId=\"0\" hidden=\"1\">'Kế hoạch'!$D$2</definedName>"))
    }

    /// A validation as a file spells it, and the rule it reads as.
    struct Spelling: Sendable, CustomTestStringConvertible {
        var type: String, op: String?, formula1: String?, formula2: String?
        var system = DateSystem.date1900
        var rule: DataValidation.Rule
        var testDescription: String { "\(type) \(op ?? "-") \(formula1 ?? "-") \(formula2 ?? "-") \(system)" }
    }

    static let spellings: [Spelling] = [
        Spelling(type: "list", op: nil, formula1: "\"a,,b\"", formula2: nil, rule: .list(["a", "", "b"])),
        Spelling(type: "list", op: "equal", formula1: "'Kế hoạch'!$A$1:$A$3", formula2: nil,
                 rule: .listFromRange(sheet: "Kế hoạch", range: CellRange("A1:A3")!)),
        Spelling(type: "list", op: nil, formula1: "\"say \"\"hi\"\",bye\"", formula2: nil,
                 rule: .general(.list, formula1: "\"say \"\"hi\"\",bye\"")),
        Spelling(type: "list", op: nil, formula1: "'Kế hoạch'!A1:A3", formula2: nil, rule: .general(.list, formula1: "'Kế hoạch'!A1:A3")),
        Spelling(type: "list", op: nil, formula1: "'It''s'!$B$2", formula2: nil, rule: .listFromRange(sheet: "It's", range: CellRange("B2")!)),
        Spelling(type: "whole", op: nil, formula1: "1", formula2: "10", rule: .wholeNumber(.between(1, 10))),
        Spelling(type: "whole", op: nil, formula1: "1.0", formula2: "10", rule: .general(.whole, formula1: "1.0", formula2: "10")),
        Spelling(type: "whole", op: "greaterThan", formula1: "$A$1", formula2: nil, rule: .general(.whole, comparison: .greaterThan, formula1: "$A$1")),
        Spelling(type: "textLength", op: "lessThanOrEqual", formula1: "50", formula2: nil, rule: .textLength(.lessThanOrEqual(50))),
        Spelling(type: "date", op: "lessThanOrEqual", formula1: "46023", formula2: nil, rule: .date(.lessThanOrEqual(day(2026, 1, 1)))),
        // 2026-01-01 counts 1,462 days fewer from 1904 than from 1900.
        Spelling(type: "date", op: "lessThanOrEqual", formula1: "44561", formula2: nil, system: .date1904, rule: .date(.lessThanOrEqual(day(2026, 1, 1)))),
        Spelling(type: "date", op: "equal", formula1: "46023", formula2: nil, rule: .general(.date, comparison: .equal, formula1: "46023")),
        Spelling(type: "none", op: nil, formula1: nil, formula2: nil, rule: .any),
        Spelling(type: "decimal", op: nil, formula1: nil, formula2: nil, rule: .general(.decimal, formula1: nil)),
    ]

    /// What a file spells becomes a typed rule only when writing that rule spells it the same.
    @Test(arguments: spellings) func ruleFromFile(_ s: Spelling) {
        #expect(DataValidation.rule(type: s.type, operator: s.op, formula1: s.formula1, formula2: s.formula2, system: s.system) == s.rule)
    }

    /// A note's box shows all the time when its ClientData has `<x:Visible/>`; the row and
    /// column are zero-based, and a VML that is no well-formed XML (a bare `<br>`) still reads.
    @Test func visibleNoteBoxes() {
        let vml = """
            <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">
             <v:shape id="_x0000_s1025" style='visibility:visible'><v:textbox><div>a<br>b</div></v:textbox>
              <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Row>3</x:Row><x:Column>1</x:Column><x:Visible/></x:ClientData></v:shape>
             <v:shape id="_x0000_s1026" style='visibility:hidden'>
              <x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape>
             <v:shape id="_x0000_s1027"><x:ClientData ObjectType="Button"><x:Row>5</x:Row><x:Column>5</x:Column><x:Visible/></x:ClientData></v:shape>
             <v:shape id="_x0000_s1028"><x:ClientData ObjectType="Note">
               <x:Row> 9 </x:Row>
               <x:Column>26</x:Column>
               <x:Visible/>
              </x:ClientData></v:shape>
            </xml>
            """
        #expect(NoteBoxesReader.visibleCells(Array(vml.utf8)) == [CellReference("B4")!, CellReference("AA10")!])
    }

    /// openpyxl reads the written-back workbook as the first one was made.
    @Test(.requires(.openpyxl)) func openpyxlReadsTheWrittenBackWorkbook() throws {
        let dir = try makeTemporaryDirectory("model")
        defer { try? FileManager.default.removeItem(at: dir) }
        let second = try Self.writtenBack(in: dir)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            for ws in wb.worksheets: print("state", ws.title, ws.sheet_state)
            for name, d in sorted(wb.defined_names.items()): print("name", name, d.attr_text, d.localSheetId, d.hidden)
            for ws in wb.worksheets:
                for name, d in sorted(ws.defined_names.items()): print("name", ws.title, name, d.attr_text, d.localSheetId, d.hidden)
            ws = wb["Kế hoạch"]
            for v in ws.data_validations.dataValidation:
                print("validation", v.sqref, v.type, v.operator, v.formula1, v.formula2, v.allow_blank, v.showDropDown, v.showErrorMessage, v.errorStyle, v.promptTitle, v.prompt)
            for row in ws.iter_rows():
                for c in row:
                    if c.comment: print("note", c.coordinate, repr(c.comment.text), repr(c.comment.author))
                    if c.hyperlink: print("link", c.coordinate, c.hyperlink.ref, c.hyperlink.target, c.hyperlink.location, c.hyperlink.display, c.hyperlink.tooltip)
            """
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(), ["-c", script, second])
        #expect(status == 0, "\(output)")
        // openpyxl's ways: an absent showDropDown reads False, an empty author "None", and a
        // link over A5:B5 is given to each of its cells.
        let expected = """
            state Kế hoạch visible
            state Danh mục hidden
            state Ẩn veryHidden
            name DanhSachDonVi 'Danh mục'!$A$2:$A$6 None None
            name Kế hoạch NgayBatDau 'Kế hoạch'!$D$2 0 True
            validation B2:B10 list None "Có,Không" None True False True warning Chọn Có hoặc Không
            validation C2:C10 E2:E10 whole None 1 60 False False True None None None
            validation D2:D10 date greaterThanOrEqual 46023 None True False True None None None
            validation F2:F10 list None 'Danh mục'!$A$2:$A$6 None True True True None None None
            validation G2:G10 time lessThan 0.5 None True False True information None None
            validation H2:H10 list None DanhSachDonVi None True False True None None None
            validation I2:I10 custom None LEN(I2)<=10 None True False False None None None
            validation J2 decimal notBetween 0.25 0.75 True False True None None None
            link A2 A2 https://example.gov.vn/tap-huan?tuan=48&nam=2026 None None Cổng thông tin
            link A3 A3 None 'Danh mục'!A1 'Danh mục'!A1 None
            note B3 'Lớp thí điểm' 'Phòng Đào tạo'
            note D4 'Chờ xác nhận\\nngày 05/12' 'None'
            link A5 A5 mailto:daotao@example.gov.vn None Gửi thư None
            link B5 B5 mailto:daotao@example.gov.vn None Gửi thư None
            """
        #expect(output.split(separator: "\n").map(String.init) == expected.split(separator: "\n").map(String.init))
    }
}
