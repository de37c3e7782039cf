import Foundation
import TestTools
import Testing
@testable import XLSX

/// Marks added to workbooks made by other tools, judged by openpyxl and LibreOffice
/// (scripts/check-annotated-copy.py holds the hand-written expectations) and by comparing parts.
@Suite struct AnnotationTests {
    static let red = Fill.solid(.rgb("FFFFC7CE")), amber = Fill.solid(.rgb("FFFFEB9C")), blue = Fill.solid(.rgb("FFDDEBF7"))

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/annotate/" + name, withExtension: nil))
        return url.path
    }

    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/" + name).standardized.path
    }

    /// The marks of the styled fixture's test: a header cell, the drop-down cell that has a
    /// note, a date in a tall row, a merged cell, a missing cell of an existing row and one of a
    /// missing row; and an added sheet.
    static func styledMarks() -> WorkbookAnnotations {
        var marks = WorkbookAnnotations()
        let sheet = "Bàn giao"
        let cells: [(String, Fill, String)] = [
            ("A1", red, "[R1] tiêu đề"), ("C3", amber, "[R2] trạng thái"), ("B4", blue, "[R3] ngày"),
            ("A7", red, "[R4] ghi chú"), ("E2", amber, ""), ("F9", amber, "[R5] ô mới"),
        ]
        for (ref, fill, text) in cells {
            let cell = CellReference(ref)!
            marks.fill(cell, in: sheet, with: fill)
            if !text.isEmpty { marks.addNote(Note(text, author: "taphuan"), at: cell, in: sheet) }
        }
        var added = AddedSheet("Kết quả")
        let bold = AddedSheet.Look(font: Font(bold: true))
        added.appendRow([.string("Ô"), .string("Nội dung"), .string("Số"), .string("Đúng")], looks: [bold, bold, bold, bold])
        added.appendRow([.string("A1"), .string("tiêu đề"), .number(2), .bool(true)], looks: [nil, AddedSheet.Look(fill: red)])
        added.appendRow([.string("C3"), .string("trạng thái")], looks: [nil, AddedSheet.Look(fill: amber)])
        added.link(CellReference("A2")!, to: CellReference("A1")!, in: sheet)
        added.link(CellReference("A3")!, to: CellReference("C3")!, in: sheet)
        added.frozenRows = 1
        added.columnWidths = [0: 8, 1: 40]
        marks.append(added)
        return marks
    }

    @Test(.requires(.openpyxl, .pillow, .libreOffice)) func styledWorkbookKeepsEverythingAndGetsItsMarks() throws {
        let python = try ExternalTool.openpyxl.path()
        let dir = try makeTemporaryDirectory("annotate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.fixture("styled-xlsxwriter.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let output = dir.appendingPathComponent("copy.xlsx").path
        let report = try Self.styledMarks().write(workbook: input, to: output)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before, "the input is only read")

        // Only the parts that list what changed are rewritten; the rest is copied as it was.
        #expect(Set(report.rewrittenParts) == ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                                               "xl/workbook.xml", "xl/drawings/vmlDrawing1.vml", "xl/comments1.xml", "xl/styles.xml",
                                               "docProps/app.xml"])
        #expect(report.addedParts == ["xl/worksheets/sheet3.xml"])
        let original = try ZipArchive(path: input), copy = try ZipArchive(path: output)
        #expect(copy.entries.map(\.name) == original.entries.map(\.name) + report.addedParts)
        #expect(report.copiedParts.count == 13)
        for name in report.copiedParts {
            let a = try #require(original.entry(named: name)), b = try #require(copy.entry(named: name))
            #expect(try original.contents(of: a) == copy.contents(of: b), "\(name) byte for byte")
            #expect(a.crc32 == b.crc32 && a.compressedSize == b.compressedSize, "\(name) compressed data copied")
        }

        // The document's list of parts names the added sheet after the two there were.
        let app = String(decoding: try copy.contents(of: try #require(copy.entry(named: "docProps/app.xml"))), as: UTF8.self)
        #expect(app.contains("<vt:i4>3</vt:i4>") && app.contains("<vt:vector size=\"3\" baseType=\"lpstr\"><vt:lpstr>Bàn giao</vt:lpstr><vt:lpstr>Số liệu</vt:lpstr><vt:lpstr>Kết quả</vt:lpstr></vt:vector>"), "\(app)")

        // The used range the sheet declares (A1:D7) takes in the cells the marks create (E2, F9).
        let marked = String(decoding: try copy.contents(of: try #require(copy.entry(named: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
        #expect(marked.contains("<dimension ref=\"A1:F9\"/>"), "\(marked.prefix(400))")

        let (status, output2) = try runProgram(python, [Self.script("check-annotated-copy.py"), output])
        #expect(status == 0, "\(output2)")
        #expect(output2.contains(" passed, 0 failed"), "\(output2)")
    }

    /// A sheet with a chart and no notes gets its first ones: a comments part, a drawing of notes
    /// and a `<legacyDrawing>` after its `<drawing>`, as the schema orders them.
    @Test(.requires(.openpyxl, .libreOffice)) func firstNotesOfASheetWithADrawing() throws {
        let python = try ExternalTool.openpyxl.path()
        let dir = try makeTemporaryDirectory("annotate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("copy.xlsx").path
        var marks = WorkbookAnnotations()
        marks.fill(CellReference("B3")!, in: "Số liệu", with: Self.red)
        marks.addNote(Note("một", author: "taphuan"), at: CellReference("B3")!, in: "Số liệu")
        marks.addNote(Note("hai", author: "taphuan"), at: CellReference("B3")!, in: "Số liệu")
        marks.addNote(Note("ba & <bốn>", author: "Kiểm tra"), at: CellReference("A9")!, in: "Số liệu")
        let report = try marks.write(workbook: try Self.fixture("styled-xlsxwriter.xlsx"), to: output)
        #expect(Set(report.addedParts) == ["xl/comments2.xml", "xl/drawings/vmlDrawing2.vml"])
        #expect(report.rewrittenParts.contains("xl/worksheets/_rels/sheet2.xml.rels"))
        let copy = try ZipArchive(path: output)
        let sheet = String(decoding: try copy.contents(of: try #require(copy.entry(named: "xl/worksheets/sheet2.xml"))), as: UTF8.self)
        let drawing = try #require(sheet.range(of: "<drawing ")), legacy = try #require(sheet.range(of: "<legacyDrawing "))
        #expect(drawing.lowerBound < legacy.lowerBound)
        #expect(sheet.contains("<dimension ref=\"A1:B5\"/>"), "B3 lies inside the declared range, which stays")
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Số liệu"]
            print(repr(ws["B3"].comment.text), ws["B3"].fill.fgColor.rgb, ws["B3"].value, repr(ws["A9"].comment.text),
                  ws["A9"].comment.author, len(ws._charts))
            """
        let result = try runProgram(python, ["-c", script, output])
        #expect(result.output == "'một\\nhai' FFFFC7CE 5 'ba & <bốn>' Kiểm tra 1\n", "\(result.output)")
        let lo = try Self.convert(output, in: dir)
        #expect(lo, "LibreOffice converts the copy")
    }

    /// The styled fixture with its `docProps/app.xml` replaced by `app`.
    static func withApplicationProperties(_ app: String, in dir: URL) throws -> String {
        let source = try ZipArchive(path: try fixture("styled-xlsxwriter.xlsx"))
        let path = dir.appendingPathComponent("app-\(UUID().uuidString).xlsx").path
        let zip = try ZipWriter(path: path)
        for entry in source.entries {
            if entry.name == "docProps/app.xml" { try zip.addEntry(entry.name, data: Array(app.utf8)) } else { try zip.copyEntry(entry, from: source) }
        }
        try zip.finish()
        return path
    }

    /// An added sheet joins the category of the workbook's sheets in the document's list of
    /// parts, whatever its language and whatever follows it (named ranges); a list that does not
    /// describe the workbook is left alone.
    @Test func addedSheetJoinsTheListOfParts() throws {
        let dir = try makeTemporaryDirectory("annotate-app")
        defer { try? FileManager.default.removeItem(at: dir) }
        func app(_ pairs: String, _ titles: [String]) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Microsoft Excel</Application><HeadingPairs>\(pairs)</HeadingPairs><TitlesOfParts><vt:vector size=\"\(titles.count)\" baseType=\"lpstr\">"
                + titles.map { "<vt:lpstr>\($0)</vt:lpstr>" }.joined() + "</vt:vector></TitlesOfParts></Properties>"
        }
        let pairs = "<vt:vector size=\"4\" baseType=\"variant\"><vt:variant><vt:lpstr>Trang tính</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Phạm vi Có tên</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector>"
        var marks = WorkbookAnnotations()
        marks.append(AddedSheet("Kết quả & ghi chú"))

        let input = try Self.withApplicationProperties(app(pairs, ["Bàn giao", "Số liệu", "'Bàn giao'!Print_Area"]), in: dir)
        let output = dir.appendingPathComponent("copy.xlsx").path
        let report = try marks.write(workbook: input, to: output)
        #expect(report.rewrittenParts.contains("docProps/app.xml"))
        let copy = try ZipArchive(path: output)
        let written = String(decoding: try copy.contents(of: try #require(copy.entry(named: "docProps/app.xml"))), as: UTF8.self)
        let expected = app(pairs.replacingOccurrences(of: "<vt:i4>2</vt:i4>", with: "<vt:i4>3</vt:i4>"),
                           ["Bàn giao", "Số liệu", "Kết quả &amp; ghi chú", "'Bàn giao'!Print_Area"])
        #expect(written == expected)

        // Titles that are not this workbook's sheets: the list is not touched.
        let stale = try Self.withApplicationProperties(app(pairs, ["Sheet1", "Sheet2", "Sheet1!Print_Area"]), in: dir)
        let staleOutput = dir.appendingPathComponent("stale.xlsx").path
        #expect(try marks.write(workbook: stale, to: staleOutput).copiedParts.contains("docProps/app.xml"))

        // Counts that would overflow when added up: left alone too, no trap.
        let huge = "<vt:vector size=\"4\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>9223372036854775807</vt:i4></vt:variant><vt:variant><vt:lpstr>x</vt:lpstr></vt:variant><vt:variant><vt:i4>9223372036854775807</vt:i4></vt:variant></vt:vector>"
        let hostile = try Self.withApplicationProperties(app(huge, ["Bàn giao", "Số liệu"]), in: dir)
        #expect(try marks.write(workbook: hostile, to: dir.appendingPathComponent("huge.xlsx").path).copiedParts.contains("docProps/app.xml"))
    }

    /// Converts a workbook to PDF with LibreOffice; true when it converts.
    static func convert(_ path: String, in dir: URL) throws -> Bool {
        let soffice = try ExternalTool.libreOffice.path()
        let result = try libreOfficeConvert(soffice, path, to: "pdf", fileExtension: "pdf", into: dir)
        return result.status == 0 && FileManager.default.fileExists(atPath: result.file.path)
    }

    @Test func refusesWhatExcelWouldRefuse() throws {
        let dir = try makeTemporaryDirectory("annotate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.fixture("styled-xlsxwriter.xlsx")
        var missing = WorkbookAnnotations()
        missing.fill(CellReference("A1")!, in: "Không có", with: Self.red)
        #expect(throws: XLSXError.self) { try missing.write(workbook: input, to: dir.appendingPathComponent("a.xlsx").path) }
        var duplicate = WorkbookAnnotations()
        duplicate.append(AddedSheet("số LIỆU"))
        #expect(throws: XLSXError.self) { try duplicate.write(workbook: input, to: dir.appendingPathComponent("b.xlsx").path) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.xlsx").path))
        // An existing file is not replaced unless asked.
        let target = dir.appendingPathComponent("c.xlsx").path
        try WorkbookAnnotations().write(workbook: input, to: target)
        #expect(throws: XLSXError.self) { try WorkbookAnnotations().write(workbook: input, to: target) }
    }
}

/// The traps of the reading fixtures, marked: prefixed elements and no relationships namespace,
/// rows and cells without `r`, absolute relationship targets, no styles part, inline strings.
/// LibreOffice opens input and copy and saves them as its own workbooks (openpyxl cannot read
/// two of the inputs); openpyxl then reads every value of the copy as the input's, and the marks.
@Suite(.serialized) struct AnnotationTrapTests {
    static let traps = ["namespace-prefixes.xlsx", "no-r-attributes.xlsx", "absolute-targets.xlsx", "inline-strings-no-sst.xlsx"]

    @Test(.requires(.openpyxl, .libreOffice), arguments: traps) func marksLandAndValuesStay(_ name: String) throws {
        let python = try ExternalTool.openpyxl.path()
        let dir = try makeTemporaryDirectory("annotate-trap")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try #require(Bundle.module.url(forResource: "Fixtures/read/" + name, withExtension: nil)).path
        let sheet = try Workbook(path: input).sheets[0].name
        var marks = WorkbookAnnotations()
        // B2 and D6 may be missing cells, A4 a missing row; each gets a fill and a note.
        for (ref, fill) in [("B2", AnnotationTests.red), ("A4", AnnotationTests.amber), ("D6", AnnotationTests.blue)] {
            marks.fill(CellReference(ref)!, in: sheet, with: fill)
            marks.addNote(Note("[T] \(ref)", author: "taphuan"), at: CellReference(ref)!, in: sheet)
        }
        var added = AddedSheet("Kết quả")
        added.appendRow([.string("B2")], looks: [AddedSheet.Look(font: Font(bold: true), fill: AnnotationTests.red)])
        added.link(CellReference("A1")!, to: CellReference("B2")!, in: sheet)
        marks.append(added)
        let output = dir.appendingPathComponent("copy.xlsx").path
        try marks.write(workbook: input, to: output)

        let script = """
            import sys, openpyxl
            a = openpyxl.load_workbook(sys.argv[1]); b = openpyxl.load_workbook(sys.argv[2])
            wa, wb = a.worksheets[0], b.worksheets[0]
            values = lambda ws: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
            problems = []
            if values(wa) != values(wb): problems.append(f"values {values(wa)} != {values(wb)}")
            for ref, rgb in (("B2", "FFFFC7CE"), ("A4", "FFFFEB9C"), ("D6", "FFDDEBF7")):
                c = wb[ref]
                if c.fill.fgColor.rgb != rgb: problems.append(f"{ref} fill {c.fill.fgColor.rgb}")
                if c.comment is None or c.comment.text != "[T] " + ref: problems.append(f"{ref} note {c.comment}")
            if b.sheetnames != a.sheetnames + ["Kết quả"]: problems.append(f"sheets {b.sheetnames}")
            k = b["Kết quả"]["A1"]
            if not (k.value == "B2" and k.font.b and k.fill.fgColor.rgb == "FFFFC7CE" and k.hyperlink is not None): problems.append("added sheet")
            print("\\n".join(problems) or "ok")
            """
        let soffice = try ExternalTool.libreOffice.path()
        var saved: [String] = []
        for (label, path) in [("input", input), ("copy", output)] {
            let result = try libreOfficeConvert(soffice, path, to: "xlsx", fileExtension: "xlsx", into: dir.appendingPathComponent(label))
            #expect(result.status == 0 && FileManager.default.fileExists(atPath: result.file.path), "LibreOffice opens the \(label) of \(name)")
            saved.append(result.file.path)
        }
        let result = try runProgram(python, ["-c", script, saved[0], saved[1]])
        #expect(result.output == "ok\n", "\(name): \(result.output)")
    }
}
