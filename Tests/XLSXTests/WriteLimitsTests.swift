import Foundation
import Testing
@testable import XLSX

/// Excel's limits, refused with clear errors before anything is written.
@Suite struct WriteLimitsTests {
    static let badNames: [(String, XLSXError.SheetNameProblem)] = [
        ("", .empty),
        ("Báo cáo tổng hợp tình hình tập huấn", .tooLong),
        ("Tuần 48/2026", .forbiddenCharacter), ("A[1]", .forbiddenCharacter), ("Hỏi?", .forbiddenCharacter),
        ("a*b", .forbiddenCharacter), ("x:y", .forbiddenCharacter), ("back\\slash", .forbiddenCharacter),
        ("'Trích'", .apostropheAtEdge), ("History", .reserved),
    ]

    @Test(arguments: badNames)
    func refusesSheetNames(_ name: String, _ problem: XLSXError.SheetNameProblem) {
        let workbook = WorkbookWriter()
        #expect(throws: XLSXError.invalidSheetName(name: name, problem: problem)) { _ = try workbook.addSheet(name) }
    }

    @Test func acceptsThirtyOneCharactersAndRefusesDuplicatesIgnoringCase() throws {
        let workbook = WorkbookWriter()
        let name = String(repeating: "ệ", count: 31)
        _ = try workbook.addSheet(name)
        _ = try workbook.addSheet("Kế hoạch tuần")
        #expect(throws: XLSXError.invalidSheetName(name: "KẾ HOẠCH TUẦN", problem: .duplicate)) {
            _ = try workbook.addSheet("KẾ HOẠCH TUẦN")
        }
    }

    @Test(arguments: [("Data", "Data"), ("Kế hoạch tuần", "'Kế hoạch tuần'"), ("Sheet 3", "'Sheet 3'"),
                      ("A&B", "'A&B'"), ("O'Brien", "'O''Brien'"), ("2026", "'2026'"), ("A1", "'A1'"),
                      ("R1C1", "'R1C1'"), ("TRUE", "'TRUE'"), ("Sheet_1.x", "Sheet_1.x"), ("Tổng", "'Tổng'")])
    func quotesSheetNamesInReferences(_ name: String, _ quoted: String) {
        #expect(SheetName.quoted(name) == quoted)
    }

    @Test func refusesLongStrings() throws {
        let sheet = try WorkbookWriter().addSheet("S")
        try sheet.set(.string(String(repeating: "ă", count: 32_767)), at: "A1")
        #expect(throws: XLSXError.stringTooLong(cell: "A2", length: 32_768)) {
            try sheet.set(.string(String(repeating: "ă", count: 32_768)), at: "A2")
        }
        // Counted as Excel counts: UTF-16 units, so an emoji counts two.
        #expect(throws: XLSXError.stringTooLong(cell: "B1", length: 32_768)) {
            try sheet.set(.string(String(repeating: "😀", count: 16_384)), at: "B1")
        }
        let streaming = try StreamingWorkbookWriter(path: "/tmp/never-written-\(UUID().uuidString).xlsx")
        let s = try streaming.addSheet("S")
        #expect(throws: XLSXError.stringTooLong(cell: "A1", length: 40_000)) {
            try s.appendRow([.string(String(repeating: "x", count: 40_000))])
        }
    }

    @Test func refusesCellsOutsideTheGrid() throws {
        let sheet = try WorkbookWriter().addSheet("S")
        #expect(throws: XLSXError.self) { try sheet.set(.number(1), at: "XFE1") }
        #expect(throws: XLSXError.self) { try sheet.set(.number(1), at: "A1048577") }
        try sheet.set(.number(1), at: "XFD1048576")
        #expect(throws: XLSXError.invalidCellReference("row 1048577")) { try sheet.appendRow([.number(2)]) }
        #expect(throws: XLSXError.self) { try sheet.appendRow(Array(repeating: .number(1), count: 16_385)) }
        #expect(throws: XLSXError.self) { try sheet.set(.number(.nan), at: "A1") }
        #expect(throws: XLSXError.self) { try sheet.set(.error("#OOPS"), at: "A1") }
    }

    @Test func refusesBadFeatures() throws {
        let workbook = WorkbookWriter()
        let sheet = try workbook.addSheet("S")
        try sheet.merge(CellRange("A1:B2")!)
        #expect(throws: XLSXError.self) { try sheet.merge(CellRange("B2:C3")!) }
        #expect(throws: XLSXError.self) { try sheet.merge(CellRange("D4")!) }
        let long = (0..<60).map { "Mục \($0)" }
        #expect(throws: XLSXError.self) { try sheet.addValidation(DataValidation(.list(long)), to: CellRange("A1")!) }
        #expect(throws: XLSXError.self) {
            try sheet.addValidation(DataValidation(.any, inputMessage: .init(title: String(repeating: "t", count: 33), "x")), to: CellRange("A1")!)
        }
        #expect(throws: XLSXError.self) { try sheet.addHyperlink(.external(""), at: CellReference("A1")!) }
        try sheet.addNote(Note("một"), at: CellReference("A1")!)
        #expect(throws: XLSXError.self) { try sheet.addNote(Note("hai"), at: CellReference("A1")!) }
        #expect(throws: XLSXError.self) { try workbook.defineName("A1", refersTo: "S!$A$1") }
        #expect(throws: XLSXError.self) { try workbook.defineName("1abc", refersTo: "S!$A$1") }
        try workbook.defineName("DanhSách", refersTo: "S!$A$1")
        #expect(throws: XLSXError.self) { try workbook.defineName("danhsách", refersTo: "S!$A$2") }
        #expect(throws: XLSXError.self) { try sheet.setColumnWidth(256, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.setRowHeight(410, row: 0) }
    }

    /// Both writers check names alike: Excel's rules, the sheet a local name belongs to, and
    /// one name per scope whatever its case (the streaming writer used to accept a repeat).
    @Test func bothWritersRefuseTheSameNames() throws {
        let dir = try makeTemporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let streaming = try StreamingWorkbookWriter(path: dir.appendingPathComponent("s.xlsx").path)
        let memory = WorkbookWriter()
        let define: [(DefinedName) throws -> Void] = [streaming.defineName, memory.defineName]
        _ = try streaming.addSheet("S")
        _ = try memory.addSheet("S")
        for defineName in define {
            try defineName(DefinedName("DanhSách", refersTo: "=S!$A$1"))
            #expect(throws: XLSXError.self) { try defineName(DefinedName("danhsách", refersTo: "S!$A$2")) }
            try defineName(DefinedName("danhsách", refersTo: "S!$A$2", localSheet: 0))  // another scope
            #expect(throws: XLSXError.self) { try defineName(DefinedName("Khác", refersTo: "S!$A$1", localSheet: 1)) }
            #expect(throws: XLSXError.self) { try defineName(DefinedName("B2", refersTo: "S!$A$1")) }
        }
        try streaming.close()
        let names = try Workbook(path: dir.appendingPathComponent("s.xlsx").path).definedNames
        #expect(names.map(\.refersTo).sorted() == ["S!$A$1", "S!$A$2"])
    }

    @Test func refusesStylesOutsideExcelsLimits() throws {
        let sheet = try WorkbookWriter().addSheet("S")
        #expect(throws: XLSXError.self) { try sheet.set(.number(1), at: "A1", style: CellStyle(alignment: Alignment(rotation: 200))) }
        #expect(throws: XLSXError.self) { try sheet.set(.number(1), at: "A1", style: CellStyle(font: Font(size: 500))) }
        try sheet.set(.string("dọc"), at: "A1", style: CellStyle(alignment: Alignment(rotation: 255)))
    }

    /// What sits before the cells cannot change once a streaming sheet has written a row.
    @Test func streamingRefusesLateHeadSettings() throws {
        let dir = try makeTemporaryDirectory("late")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("late.xlsx").path
        let workbook = try StreamingWorkbookWriter(path: path)
        let sheet = try workbook.addSheet("S")
        try sheet.appendRow([.number(1)])
        sheet.tabColor = .red
        #expect(throws: XLSXError.self) { try workbook.close() }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Combining marks take no width: precomposed (NFC) and decomposed (NFD) Vietnamese
    /// measure the same, and both the same as the text without its marks.
    @Test func measuresVietnameseByWhatShows() {
        let nfc = "Trường Tiểu học Hòa Thắng"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(ColumnWidth.text(nfc) == ColumnWidth.text(nfd))
        #expect(ColumnWidth.text(nfc) == ColumnWidth.text("Truong Tieu hoc Hoa Thang"))
        #expect(ColumnWidth.text("Dòng một\nhai") == ColumnWidth.text("Dòng một"))
        #expect(ColumnWidth.text("漢字") == 4)
    }
}
