import Foundation
import TestTools
import Testing
@testable import XLSX

/// What a repeated block does to notes and page breaks, and what an empty list leaves, judged
/// by openpyxl and LibreOffice. The fixtures (scripts/make-template-fixtures.py): sheet "Lớp",
/// A1 "Lớp" with a note; rows 2–4 the `{{#classes}}` block, its row 3 holding `{{name}}` (with
/// a note) and `{{students}}`; A5 "Tổng", B5 `=SUM(B3:B3)` with a note; A6 "Ký tên"; page
/// breaks below rows 3 and 5. Expected values worked out by hand from that layout.
@Suite struct TemplateBlockEdgeTests {
    static let fixtures = ["notes-breaks-openpyxl.xlsx", "notes-breaks-libreoffice.xlsx"]

    static func classes(_ count: Int) -> TemplateValue {
        .object(["classes": .array((0..<count).map { i in
            .object(["name": .string("Lớp \(i + 1)"), "students": .number(Double(10 * (i + 1)))])
        })])
    }

    static func vml(_ facts: [String: String], _ key: String) -> String? {
        facts.first { $0.key.hasSuffix(".vml:" + key) }?.value
    }

    /// Four classes: the block's row becomes rows 2–5, so everything below moves down one.
    @Test(.requires(.openpyxl, .libreOffice), arguments: fixtures)
    func notesAndPageBreaksFollowTheCopies(_ name: String) throws {
        let dir = try makeTemporaryDirectory("template-notes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.xlsx").path
        try WorkbookTemplate.fill(template: try TemplateFillTests.fixture(name), data: Self.classes(4), output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Lớp"
        #expect(f["\(s)!A2"] == "Lớp 1" && f["\(s)!B2"] == "10")
        #expect(f["\(s)!A5"] == "Lớp 4" && f["\(s)!B5"] == "40")
        #expect(f["\(s)!A6"] == "Tổng" && f["\(s)!B6"] == "=SUM(B2:B5)")
        #expect(f["\(s)!A7"] == "Ký tên")
        // Each class row has its copy of the note; the notes above and below stay with their cells.
        #expect(f["\(s):notes"] == "A1=Tiêu đề A2=Ghi chú lớp A3=Ghi chú lớp A4=Ghi chú lớp A5=Ghi chú lớp B6=Tổng số học viên")
        // A page per class: a break below each copy (rows 2–5), and the one below the total at 6.
        #expect(f["\(s):row-breaks"] == "2 3 4 5 6")
        // The notes' shapes (zero-based rows) in the order of the source notes: A1, the four
        // copies of A3, B5 moved to B6.
        #expect(Self.vml(f, "rows") == "0 1 2 3 4 5")
        if name.contains("libreoffice") {
            // LibreOffice writes the same anchor for every note (rows 0 to 4); each copy's anchor
            // rows move as its row does: −1 (held at 0), 0, +1, +2, and +1 for the total's note.
            let anchors = ["0, 79, 0, 2, 2, 64, 4, 1", "0, 79, 0, 2, 2, 64, 3, 1", "0, 79, 0, 2, 2, 64, 4, 1",
                           "0, 79, 1, 2, 2, 64, 5, 1", "0, 79, 2, 2, 2, 64, 6, 1", "0, 79, 1, 2, 2, 64, 5, 1"]
            #expect(Self.vml(f, "anchors") == anchors.joined(separator: " / "))
            #expect(Self.vml(f, "ids") == "shape_0 shape_0 _x0000_s1025 _x0000_s1026 _x0000_s1027 shape_0")
        } else {
            // openpyxl numbers its shapes 1026–1028: the copies continue from 1029.
            #expect(Self.vml(f, "ids") == "_x0000_s1026 _x0000_s1027 _x0000_s1029 _x0000_s1030 _x0000_s1031 _x0000_s1028")
        }
        try TemplateFillTests.expectLibreOfficeConverts(output, in: dir)
    }

    /// An empty list keeps one blank copy of its rows (as Excel keeps one empty row in a table
    /// emptied of its rows), so a total over the block reads 0, not #REF!.
    @Test(.requires(.openpyxl, .libreOffice)) func emptyListKeepsOneBlankRow() throws {
        let dir = try makeTemporaryDirectory("template-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("empty.xlsx").path
        try WorkbookTemplate.fill(template: try TemplateFillTests.fixture("notes-breaks-openpyxl.xlsx"),
                                  data: Self.classes(0), output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Lớp"
        #expect(f["\(s)!A1"] == "Lớp")
        #expect(f["\(s)!A2"] == nil && f["\(s)!B2"] == nil)
        #expect(f["\(s)!A3"] == "Tổng" && f["\(s)!B3"] == "=SUM(B2:B2)")
        #expect(f["\(s)!A4"] == "Ký tên" && f["\(s)!A5"] == nil)
        #expect(f["\(s):notes"] == "A1=Tiêu đề A2=Ghi chú lớp B3=Tổng số học viên")
        #expect(f["\(s):row-breaks"] == "2 3")
        // LibreOffice computes the total: 0.
        let csv = try Self.libreOfficeCSV(output, in: dir)
        #expect(csv == ["Lớp,", ",", "Tổng,0", "Ký tên,"])
    }

    /// The report with no courses: one blank course row (row 4), totals over it on row 5, and
    /// the other sheet, the chart and the validation over that one row.
    @Test(.requires(.openpyxl, .libreOffice)) func emptyListInTheReport() throws {
        let dir = try makeTemporaryDirectory("template-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("report.xlsx").path
        var data = TemplateFillTests.reportData(1)
        if case var .object(members) = data { members["courses"] = .array([]); data = .object(members) }
        try WorkbookTemplate.fill(template: try TemplateFillTests.fixture("report-openpyxl.xlsx"), data: data, output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Kế hoạch"
        for column in ["A", "B", "C", "D", "E"] { #expect(f["\(s)!\(column)4"] == nil, "\(column)4") }
        #expect(f["\(s)!A5"] == "Tổng" && f["\(s)!C5"] == "=SUM(C4:C4)" && f["\(s)!D5"] == "=SUM(D4:D4)")
        #expect(f["\(s)!A6"] == "Ký tên" && f["\(s)!A7"] == "=C5+1")
        #expect(f["\(s):merges"] == "A1:D1 A6:B6 E4:F4")
        #expect(f["\(s):validations"] == "C4")
        #expect(f["Tổng hợp!A2"] == "=SUM('Kế hoạch'!C4:C4)")
        #expect(f["xl/charts/chart1.xml"]?.contains("!$C$4:$C$4") == true)
        let csv = try Self.libreOfficeCSV(output, in: dir)
        #expect(csv.count >= 7 && csv[4].hasPrefix("Tổng,,0,0") && csv[6].hasPrefix("1,"), "\(csv)")
    }

    /// `false` (or null) shows a block not at all: its rows go, and a reference to them becomes
    /// #REF! as when Excel deletes the rows.
    @Test(.requires(.openpyxl)) func falseRemovesTheBlock() throws {
        let dir = try makeTemporaryDirectory("template-false")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("false.xlsx").path
        try WorkbookTemplate.fill(template: try TemplateFillTests.fixture("notes-breaks-openpyxl.xlsx"),
                                  data: .object(["classes": .bool(false)]), output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Lớp"
        #expect(f["\(s)!A2"] == "Tổng" && f["\(s)!B2"] == "=SUM(#REF!)")
        #expect(f["\(s)!A3"] == "Ký tên" && f["\(s)!A4"] == nil)
        #expect(f["\(s):notes"] == "A1=Tiêu đề B2=Tổng số học viên")
        #expect(f["\(s):row-breaks"] == "2")
    }

    /// Nested: a team with no courses keeps one blank course row under its heading.
    @Test(.requires(.openpyxl)) func emptyNestedList() throws {
        let dir = try makeTemporaryDirectory("template-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("nested.xlsx").path
        let data = TemplateValue.object(["teams": .array([.object(["name": .string("A"), "courses": .array([])])])])
        try WorkbookTemplate.fill(template: try TemplateFillTests.fixture("nested-openpyxl.xlsx"), data: data, output: output)
        let f = try TemplateFillTests.openpyxlFacts(output)
        let s = "Đơn vị"
        #expect(f["\(s)!A2"] == "Nhóm A")
        #expect(f["\(s)!A3"] == nil && f["\(s)!B3"] == nil)
        #expect(f["\(s)!A4"] == "Cộng" && f["\(s)!B4"] == "=SUM(B3:B3)")
        #expect(f["\(s)!A5"] == "Tổng" && f["\(s)!B5"] == "=SUM(B2:B4)")
        #expect(f["\(s)!A6"] == nil)
    }

    /// The first sheet as LibreOffice computes it, one CSV line per row.
    static func libreOfficeCSV(_ path: String, in dir: URL) throws -> [String] {
        let soffice = try ExternalTool.libreOffice.path()
        let (status, log, csv) = try libreOfficeConvert(soffice, path, to: "csv:Text - txt - csv (StarCalc):44,34,76",
                                                        fileExtension: "csv", into: dir.appendingPathComponent("csv"))
        #expect(status == 0, "\(log)")
        return try String(contentsOf: csv, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .init(charactersIn: "\r")) }.filter { !$0.isEmpty }
    }
}
