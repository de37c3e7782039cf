import Foundation
import TestTools
import Testing
@testable import XLSX

/// The whole-sheet model, typed rows, the raw engine and the reference format.
@Suite struct ReadSheetTests {
    static func structure() throws -> Workbook { try ReadTrapTests.open("sheet-structure.xlsx") }

    @Test func sheetStructureFromOpenpyxl() throws {
        let wb = try Self.structure()
        let sheet = try wb.sheet(named: "Kế hoạch")
        #expect(sheet.mergedRanges == [CellRange("D1:F1")!])
        #expect(sheet.metadata.width(ofColumn: 0) == 18.5)
        #expect(sheet.hiddenColumns == [4])
        #expect(sheet.hiddenRows == [2])
        #expect(sheet.row(1)?.height == 24)
        #expect(sheet.freezePane?.rows == 1)
        #expect(sheet.freezePane?.columns == 1)
        let validation = try #require(sheet.dataValidations.first)
        #expect(validation.rule == .list(["Có", "Không"]))
        #expect(validation.ranges == [CellRange("G2:G10")!])
        #expect(Array(sheet.hyperlinks.keys) == [CellRange("H2")!])
        #expect(sheet.hyperlinks[CellRange("H2")!]?.target == "https://example.org/tap-huan")
        #expect(Array(sheet.notes.keys) == [CellReference("A2")!])
        #expect(sheet.notes[CellReference("A2")!]?.author == "Phòng Đào tạo")
        #expect(sheet.notes[CellReference("A2")!]?.text.contains("Lớp mở đầu") == true)
        #expect(sheet.dimension == CellRange("A1:H3"))
        let empty = try wb.sheet(named: "Trống")
        #expect(empty.cellCount == 0)
        #expect(empty.dimension == nil)
    }

    struct Course: Decodable, Equatable {
        let code: String
        let seats: Int
        let start: ExcelDateTime
        let note: String?
        enum CodingKeys: String, CodingKey {
            case code = "ma lop", seats = "so hoc vien", start = "ngay khai giang", note = "ghi chu"
        }
    }

    /// Strips Vietnamese diacritics and case, as the domain's matcher does.
    static let loose: @Sendable (String, String) -> Bool = { header, key in
        let folded = header.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
            .map { $0 == "đ" || $0 == "Đ" ? "d" : String($0) }.joined().lowercased()
        return folded == key
    }

    @Test func typedRowsWithACustomHeaderMatcher() throws {
        let sheet = try Self.structure().sheet(at: 0)
        let courses = try sheet.decodeRows(Course.self, matching: Self.loose)
        #expect(courses.map(\.code) == ["TH-01", "TH-02"])
        #expect(courses.map(\.seats) == [30, 25])
        #expect(courses.map(\.start.description) == ["2024-12-01T00:00:00", "2025-01-15T00:00:00"])
        #expect(courses.map(\.note) == [nil, nil])
    }

    struct Strict: Decodable { let code: Int; enum CodingKeys: String, CodingKey { case code = "ma lop" } }

    @Test func typedRowErrorsNameSheetCellHeaderAndValue() throws {
        let sheet = try Self.structure().sheet(at: 0)
        #expect(throws: XLSXError.rowDecoding(sheet: "Kế hoạch", cell: "A2", header: "Mã lớp", value: "TH-01", expected: "a whole number")) {
            try sheet.decodeRows(Strict.self, matching: Self.loose)
        }
        struct Missing: Decodable { let room: String }
        #expect(throws: XLSXError.rowDecoding(sheet: "Kế hoạch", cell: nil, header: "room", value: nil, expected: "")) {
            try sheet.decodeRows(Missing.self)
        }
    }

    @Test func headerRowBelowRowOne() throws {
        func cell(_ ref: String, _ value: CellValue) -> Cell { Cell(reference: CellReference(ref)!, value: value) }
        let info = SheetInfo(name: "Danh sách", index: 0, state: .visible, kind: .worksheet, part: nil, sheetID: 1)
        let rows = [
            Row(index: 0, cells: [cell("A1", .string("DANH SÁCH LỚP TẬP HUẤN"))]),
            Row(index: 2, cells: [cell("B3", .string("Số học viên")), cell("C3", .string(" Mã lớp "))]),
            Row(index: 3, cells: [cell("B4", .number(30)), cell("C4", .string("TH-01"))]),
            Row(index: 5, cells: [cell("B6", .string("25")), cell("C6", .string("TH-02"))]),
        ]
        let sheet = Sheet(info: info, rows: rows, metadata: SheetMetadata(), notes: [:])
        struct R: Decodable, Equatable {
            let code: String, seats: Int
            enum CodingKeys: String, CodingKey { case code = "ma lop", seats = "so hoc vien" }
        }
        let decoded = try sheet.decodeRows(R.self, matching: { Self.loose($0.trimmingCharacters(in: .whitespaces), $1) })
        #expect(decoded == [R(code: "TH-01", seats: 30), R(code: "TH-02", seats: 25)])
        // An explicit header row is taken as given: the title row has no such column.
        #expect(throws: XLSXError.rowDecoding(sheet: "Danh sách", cell: nil, header: "ma lop", value: nil, expected: "")) {
            try sheet.decodeRows(R.self, headerRow: 0, matching: Self.loose)
        }
    }

    @Test(.requires(.sharedCorpus)) func foreignFilesAreNamed() throws {
        let shared = try sharedCorpus()
        let corpus = shared.appendingPathComponent("corpus")
        let cases: [(String, ForeignFileKind)] = [
            ("calamine/tests__pass_protected.xlsx", .encryptedWorkbook),
            ("roo/test__files__type_excel.xlsx", .legacyXLS),
            ("roo/test__files__type_openoffice.xlsx", .ods),
        ]
        for (name, kind) in cases {
            let path = corpus.appendingPathComponent(name).path
            #expect(throws: XLSXError.inFile(path: path, .notAWorkbook(kind: kind))) { try Workbook(path: path) }
        }
    }

    @Test func rawEngineAgreesWithRows() throws {
        let wb = try ReadTrapTests.open("dates-1900.xlsx")
        var raw: [String] = []
        try wb.forEachRawCell(in: wb.sheets[0]) { cell in
            if let (t, v) = ReferenceFormat.typeAndValue(try wb.value(of: cell)) { raw.append("\(cell.reference)=\(t):\(v)") }
        }
        var rows: [String] = []
        try wb.rows(of: wb.sheets[0]).forEach { row in
            for cell in row.cells { if let (t, v) = ReferenceFormat.typeAndValue(cell.value) { rows.append("\(cell.reference)=\(t):\(v)") } }
        }
        #expect(raw == rows)
        #expect(raw.count == 19)
    }

    @Test func rawEngineRethrowsTheCallersError() throws {
        struct Stop: Error, Equatable {}
        let wb = try ReadTrapTests.open("dates-1900.xlsx")
        var seen = 0
        #expect(throws: Stop.self) {
            try wb.forEachRawCell(in: wb.sheets[0]) { _ in seen += 1; if seen == 3 { throw Stop() } }
        }
        #expect(seen == 3)
    }

    @Test(arguments: [
        (1.0, "1"), (0.1, "0.1"), (1e-05, "1e-05"), (-2.5, "-2.5"), (1e16, "1e+16"),
        (9.5e15, "9500000000000000"), (0.30000000000000004, "0.30000000000000004"), (4.12721197309241e17, "4.12721197309241e+17"),
    ])
    func referenceNumbers(value: Double, text: String) {
        #expect(ReferenceFormat.number(value) == text)
    }

    @Test(arguments: ["0", "1", "-1", "0.5", "12.75", "1e3", "-4.5E-2", "123456789012345", "0.000001", "3.14159265358979"])
    func fastDecimalMatchesStrtod(text: String) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { RawCell.fastDecimal($0.baseAddress!, $0.count) }
        #expect(fast == Double(text))
    }

    @Test(arguments: [
        ("dd/mm/yyyy", NumberFormat.Kind.date), ("[$-42A]dd mmmm yyyy", .date), ("h:mm AM/PM", .time), ("mm:ss", .time),
        ("[h]:mm:ss", .duration), ("yyyy-mm-dd hh:mm", .dateTime), ("#,##0", .number), ("0.00\" m\"", .number),
        ("General", .general), ("@", .text), ("\"Ngày\" dd", .date), ("[Red]0.00", .number), ("mmm-yy", .date),
    ])
    func numberFormatKinds(code: String, kind: NumberFormat.Kind) {
        #expect(NumberFormat(code).kind == kind)
    }
}

/// Limits stop hostile files with a named error instead of eating memory.
@Suite struct ReadLimitTests {
    @Test func sharedStringsLimit() throws {
        var limits = ReadLimits()
        limits.maxSharedStrings = 3
        let path = ReadTrapTests.folder.appendingPathComponent("rich-phonetic-empty-si.xlsx").path
        #expect(throws: XLSXError.inFile(path: path, .limitExceeded(limit: .sharedStrings, entry: "xl/sharedStrings.xml", value: 4, maximum: 3))) {
            try Workbook(path: path, limits: limits)
        }
    }

    @Test func cellLimitOfTheWholeSheetModel() throws {
        var limits = ReadLimits()
        limits.maxCells = 4
        let path = ReadTrapTests.folder.appendingPathComponent("huge-dimension.xlsx").path
        let wb = try Workbook(path: path, limits: limits)
        #expect(throws: XLSXError.inFile(path: path, .limitExceeded(limit: .cellCount, entry: "xl/worksheets/sheet1.xml", value: 5, maximum: 4))) {
            try wb.sheet(at: 0)
        }
        // The stream has no such limit: memory stays flat whatever the count.
        var count = 0
        try wb.rows(of: wb.sheets[0]).forEach { count += $0.cells.count }
        #expect(count == 5)
    }

    @Test func missingSheetIsNamed() throws {
        let wb = try ReadTrapTests.open("absolute-targets.xlsx")
        #expect(throws: XLSXError.sheetNotFound(name: "Nope", available: ["Data", "Hidden", "Secret"])) { try wb.sheet(named: "Nope") }
    }
}

@Suite struct ReadAsyncRowsTests {
    @Test func asyncRowsMatchNext() async throws {
        let wb = try ReadTrapTests.open("no-r-attributes.xlsx")
        var indices: [Int] = []
        for try await row in try wb.rows(of: wb.sheets[0]).asyncRows { indices.append(row.index) }
        #expect(indices == [0, 1, 4, 5])
    }
}
