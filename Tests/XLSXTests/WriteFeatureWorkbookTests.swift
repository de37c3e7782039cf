import Foundation
import Testing
@testable import XLSX

/// The feature workbook written by both writers and read back independently. With
/// `TAPHUAN_WRITE_OUT=DIR` the files are left in DIR for `scripts/interop-write`.
@Suite struct WriteFeatureWorkbookTests {
    /// Where the files go: the folder named by `TAPHUAN_WRITE_OUT`, or a fresh temporary one.
    func outputFolder() throws -> (URL, keep: Bool) {
        if let dir = ProcessInfo.processInfo.environment["TAPHUAN_WRITE_OUT"] {
            let url = URL(fileURLWithPath: dir)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return (url, true)
        }
        return (try makeTemporaryDirectory("write"), false)
    }

    // Expected serials, computed by hand: 2026-01-01 is serial 46023 (2025-01-01 = 45658,
    // plus 365 days); 1 December is day 335 of 2026, so 46023 + 334 = 46357.
    static let expectedPlan: [String: String] = [
        "A1": "KẾ HOẠCH TẬP HUẤN TUẦN 48",
        "A2": "Mã lớp", "J2": "Trạng thái",
        "A3": "TH-001", "C3": "Trường Tiểu học số 1 xã Ea Kao", "D3": "35", "E3": "0.875",
        "F3": "46357", "G3": "46357.3125", "H3": "1", "I3": "12500000", "J3": "Đang học",
        "F4": "46359", "G4": "46359.572916666664", "H4": "0", "I5": "6000000.5",
        "A7": "103", "A8": "#N/A", "B7": "Xem danh mục", "B8": "Cổng thông tin",
        "A9": "Chú ý: hạn chót 05/12", "A10": "Tab\there\u{1}end", "A11": "_x0041_ literal",
        "A12": "  hai dấu cách đầu", "A13": "Dòng 1\nDòng 2", "B9": "Lớn", "B10": "-0.0625", "B11": "1.5e-07",
        "B12": "<a & b> \"c\"",
    ]

    @Test func inMemoryWorkbookReadsBack() throws {
        let (dir, keep) = try outputFolder()
        defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
        let path = dir.appendingPathComponent("features.xlsx").path
        try FeatureWorkbook.write(to: path)
        let book = try WrittenWorkbook(path: path)
        try book.parseEveryPart()
        #expect(book.sheetNames == ["Kế hoạch tuần", "Danh mục", "Ẩn"])
        let cells = try book.cells(sheet: 1)
        for (ref, text) in Self.expectedPlan {
            #expect(cells[ref]?.text == text, "\(ref)")
        }
        #expect(cells["A7"]?.formula == "SUM(D3:D5)")
        #expect(cells["B9"]?.type == "str")
        #expect(cells["A8"]?.type == "e")
        #expect(cells["H3"]?.type == "b")
        // Merged cells keep their style on every cell of the merge.
        #expect(cells["J1"]?.style == cells["A1"]?.style && cells["A1"]?.style != 0)
        let list = try book.cells(sheet: 2)
        #expect(list["A6"]?.text == "Nhà văn hóa phường Tự An")
        let names = Set(book.archive.entries.map(\.name))
        // Internal links need no relationship, so the list sheet has no .rels.
        #expect(!names.contains("xl/worksheets/_rels/sheet2.xml.rels"))
        for part in ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels",
                     "docProps/core.xml", "docProps/app.xml", "xl/sharedStrings.xml"] {
            #expect(names.contains(part), "\(part)")
        }
        let workbook = try book.part("xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"Ẩn\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"))
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Kế hoạch tuần'!$1:$2</definedName>"))
        #expect(workbook.contains("<definedName name=\"DanhSachDonVi\">'Danh mục'!$A$2:$A$6</definedName>"))
        let sheet = try book.part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<hyperlink ref=\"B7\" location=\"'Danh mục'!A1\" display=\"'Danh mục'!A1\" tooltip=\"Mở danh mục\"/>"))
        #expect(sheet.contains("<formula1>'Danh mục'!$A$2:$A$6</formula1>"))
        #expect(sheet.contains("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
        // The control character and the literal `_x0041_` are escaped the way Excel escapes them.
        let strings = try book.part("xl/sharedStrings.xml")
        #expect(strings.contains("Tab\there_x0001_end"))
        #expect(strings.contains("_x005F_x0041_ literal"))
        #expect(strings.contains("&lt;a &amp; b&gt; \"c\""))
        let rels = try book.part("xl/worksheets/_rels/sheet1.xml.rels")
        #expect(rels.contains("Target=\"https://example.gov.vn/tap-huan?tuan=48&amp;nam=2026\" TargetMode=\"External\""))
    }

    @Test func streamingWorkbookReadsBack() throws {
        let (dir, keep) = try outputFolder()
        defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
        let path = dir.appendingPathComponent("features-streaming.xlsx").path
        try FeatureWorkbook.writeStreaming(to: path)
        let book = try WrittenWorkbook(path: path)
        try book.parseEveryPart()
        #expect(book.archive.entry(named: "xl/sharedStrings.xml") == nil)
        let cells = try book.cells(sheet: 1)
        for ref in ["A1", "A2", "J2", "A3", "C3", "D3", "E3", "F3", "G3", "H3", "I3", "J3", "F4", "G4", "H4", "I5", "A7", "A8", "B7", "B8"] {
            #expect(cells[ref]?.text == Self.expectedPlan[ref], "\(ref)")
        }
        #expect(cells["C3"]?.type == "inlineStr")
        // No spill file is left beside the output.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".spill-") || $0.hasPrefix(".features-streaming") }
        #expect(left.isEmpty)
    }

    @Test func streamingRowsMustAscend() throws {
        let dir = try makeTemporaryDirectory("write")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("order.xlsx").path
        let workbook = try StreamingWorkbookWriter(path: path)
        let sheet = try workbook.addSheet("Dữ liệu")
        try sheet.writeRow([.number(1)], at: 4)
        #expect(throws: XLSXError.self) { try sheet.writeRow([.number(2)], at: 4) }
        #expect(throws: XLSXError.self) { try sheet.writeRow([.number(2)], at: 1) }
        #expect(throws: XLSXError.self) { try sheet.setColumnWidth(10, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.setRowHeight(20, row: 2) }
        try sheet.appendRow([.number(3)])
        try workbook.close()
        let cells = try WrittenWorkbook(path: path).cells(sheet: 1)
        #expect(cells["A5"]?.text == "1" && cells["A6"]?.text == "3" && cells.count == 2)
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let dir = try makeTemporaryDirectory("write")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hidden.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let workbook = WorkbookWriter()
        let sheet = try workbook.addSheet("Một")
        sheet.state = .hidden
        #expect(throws: XLSXError.self) { try workbook.write(to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["hidden.xlsx"])
    }
}
