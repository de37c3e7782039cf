import Foundation
import TestTools
import Testing
@testable import XLSX

/// Filling templates made by other tools, judged by openpyxl and LibreOffice. The expected
/// rows and ranges were worked out by hand from the fixture layout (scripts/make-template-fixtures.py).
@Suite struct TemplateFillTests {
    static let fixtures = ["report-openpyxl.xlsx", "report-libreoffice.xlsx"]

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/template/" + name, withExtension: nil))
        return url.path
    }

    /// The report's data: week, team, date and `count` courses.
    static func reportData(_ count: Int) -> TemplateValue {
        .object([
            "week": .number(48), "team": .string("Nhóm A"), "date": .string("2026-11-30"),
            "courses": .array((1...count).map { i in
                .object(["title": .string("Khoá \(i)"), "students": .number(Double(i)), "note": .string("Ghi chú \(i)")])
            }),
        ])
    }

    /// What openpyxl reads of a workbook: `sheet!ref` → formula or value, plus merges, names,
    /// validations, conditional formats, hyperlinks, chart ranges and drawing anchors.
    static func openpyxlFacts(_ path: String) throws -> [String: String] {
        let python = try ExternalTool.openpyxl.path()
        let script = """
            import sys, zipfile, re, openpyxl
            p = sys.argv[1]
            wb = openpyxl.load_workbook(p)
            out = []
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if c.value is not None: out.append((ws.title + "!" + c.coordinate, str(c.value)))
                out.append((ws.title + ":merges", " ".join(sorted(str(r) for r in ws.merged_cells.ranges))))
                out.append((ws.title + ":merge-count", str(len(ws.merged_cells.ranges))))
                out.append((ws.title + ":validations", " ".join(str(d.sqref) for d in ws.data_validations.dataValidation)))
                out.append((ws.title + ":conditional", " ".join(str(cf.sqref) + "=" + ",".join(r.formula[0] for r in cf.rules) for cf in ws.conditional_formatting)))
                out.append((ws.title + ":hyperlinks", " ".join(c.coordinate + ">" + str(c.hyperlink.target) for row in ws.iter_rows() for c in row if c.hyperlink)))
                out.append((ws.title + ":print-area", str(ws.print_area)))
                # Pictures and charts as openpyxl places them (pictures need Pillow): kind, then
                # the zero-based column and row of the anchor's top-left cell.
                def anchor(a): return "%d,%d" % (a._from.col, a._from.row)
                out.append((ws.title + ":images", " ".join("%s@%s" % (i.format, anchor(i.anchor)) for i in ws._images)))
                out.append((ws.title + ":charts", " ".join(anchor(c.anchor) for c in ws._charts)))
                out.append((ws.title + ":notes", " ".join(sorted(c.coordinate + "=" + c.comment.text.strip()
                                                                 for row in ws.iter_rows() for c in row if c.comment))))
                out.append((ws.title + ":row-breaks", " ".join(str(b.id) for b in ws.row_breaks.brk)))
            for name, d in wb.defined_names.items(): out.append(("name:" + name, d.attr_text))
            z = zipfile.ZipFile(p)
            for n in z.namelist():
                if n.startswith("xl/charts/chart") and n.endswith(".xml"):
                    out.append((n, " ".join(re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", z.read(n).decode()))))
                if n.endswith(".vml"):
                    vml = z.read(n).decode()
                    out.append((n + ":rows", " ".join(re.findall(r"<(?:\\w+:)?Row>(\\d+)</", vml))))
                    out.append((n + ":anchors", " / ".join(re.findall(r"<(?:\\w+:)?Anchor>([^<]*)</", vml))))
                    out.append((n + ":ids", " ".join(re.findall(r'<(?:\\w+:)?shape [^>]*\\bid="([^"]*)"', vml))))
                if n.startswith("xl/drawings/drawing") and n.endswith(".xml"):
                    out.append((n, " ".join(re.findall(r"<(?:xdr:)?row>(\\d+)</(?:xdr:)?row>", z.read(n).decode()))))
            out.append(("calcPr", " ".join(re.findall(r"<calcPr[^>]*>", z.read("xl/workbook.xml").decode()))))
            for k, v in out: print(k + "\\t" + v.replace("\\n", " "))
            """
        let (status, output) = try runProgram(python, ["-c", script, path])
        #expect(status == 0, "\(output)")
        var facts: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { facts[String(parts[0])] = String(parts[1]) }
        }
        return facts
    }

    @Test(.requires(.openpyxl, .pillow, .libreOffice), arguments: fixtures)
    func fillsAThousandRows(_ name: String) throws {
        let dir = try makeTemporaryDirectory("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.xlsx").path
        let report = try WorkbookTemplate.fill(template: try Self.fixture(name), data: Self.reportData(1000), output: output)
        #expect(report.copiedParts.contains("xl/media/image1.png"))
        let f = try Self.openpyxlFacts(output)
        let s = "Kế hoạch"
        #expect(f["\(s)!A1"] == "Báo cáo tuần 48 — Nhóm A")
        #expect(f["\(s)!B2"] == "2026-11-30 00:00:00")
        #expect(f["\(s)!A3"] == "STT")
        #expect(f["\(s)!A4"] == "1")
        #expect(f["\(s)!B4"] == "Khoá 1")
        #expect(f["\(s)!C4"] == "1")
        #expect(f["\(s)!D4"] == "=C4*2")
        #expect(f["\(s)!E4"] == "Ghi chú 1")
        #expect(f["\(s)!A1003"] == "1000")
        #expect(f["\(s)!B1003"] == "Khoá 1000")
        #expect(f["\(s)!D1003"] == "=C1003*2")
        #expect(f["\(s)!A1004"] == "Tổng")
        #expect(f["\(s)!C1004"] == "=SUM(C4:C1003)")
        #expect(f["\(s)!D1004"] == "=SUM(D4:D1003)")
        #expect(f["\(s)!A1005"] == "Ký tên")
        #expect(f["\(s)!A1006"] == "=C1004+1")
        #expect(f["\(s)!A1007"] == nil)
        #expect(f["\(s):merge-count"] == "1002")
        let merges = Set((f["\(s):merges"] ?? "").split(separator: " ").map(String.init))
        #expect(merges.contains("A1:D1") && merges.contains("A1005:B1005"))
        #expect(merges.contains("E4:F4") && merges.contains("E500:F500") && merges.contains("E1003:F1003"))
        #expect(f["\(s):validations"] == "C4:C1003")
        #expect(f["\(s):conditional"] == "D4:D1003=$C$1004")
        #expect(f["\(s):hyperlinks"] == "A1005>https://example.gov.vn/ky-ten")
        #expect(f["\(s):print-area"] == "'Kế hoạch'!$A$1:$F$1006")
        #expect(f["name:TongHV"] == "'Kế hoạch'!$C$1004")
        #expect(f["Tổng hợp!A1"] == "='Kế hoạch'!C1004")
        #expect(f["Tổng hợp!A2"] == "=SUM('Kế hoạch'!C4:C1003)")
        #expect(f["xl/charts/chart1.xml"]?.contains("!$C$4:$C$1003") == true)
        #expect(f["calcPr"]?.contains("fullCalcOnLoad=\"1\"") == true)
        // Drawing anchors (zero-based rows): the chart at H10 and the image at A11 move down 997.
        // Through openpyxl: the picture is kept and sits at A1008, the chart at H1007.
        #expect(f["\(s):images"] == "png@0,1007")
        #expect(f["\(s):charts"] == "7,1006")
        let anchors = (f["xl/drawings/drawing1.xml"] ?? "").split(separator: " ").compactMap { Int($0) }
        if name.contains("libreoffice") {
            #expect(anchors == [1006, 1020, 1007, 1008])
        } else {
            #expect(anchors == [1006, 1007, 1009])
        }
        try Self.expectLibreOfficeConverts(output, in: dir)
    }

    @Test(.requires(.openpyxl)) func nestedBlocks() throws {
        let dir = try makeTemporaryDirectory("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("nested.xlsx").path
        func course(_ t: String, _ n: Double) -> TemplateValue { .object(["title": .string(t), "students": .number(n)]) }
        let data = TemplateValue.object(["teams": .array([
            .object(["name": .string("A"), "courses": .array([course("x", 1), course("y", 2)])]),
            .object(["name": .string("B"), "courses": .array([course("z", 5)])]),
        ])])
        try WorkbookTemplate.fill(template: try Self.fixture("nested-openpyxl.xlsx"), data: data, output: output)
        let f = try Self.openpyxlFacts(output)
        let s = "Đơn vị"
        let expected: [String: String] = [
            "A1": "Đơn vị",
            "A2": "Nhóm A", "A3": "x", "B3": "1", "A4": "y", "B4": "2", "A5": "Cộng", "B5": "=SUM(B3:B4)",
            "A6": "Nhóm B", "A7": "z", "B7": "5", "A8": "Cộng", "B8": "=SUM(B7:B7)",
            "A9": "Tổng", "B9": "=SUM(B2:B8)",
        ]
        for (ref, value) in expected { #expect(f["\(s)!\(ref)"] == value, "\(ref)") }
        #expect(f["\(s)!A10"] == nil)
        #expect(f["\(s):merges"] == "A2:B2 A6:B6")
    }

    @Test(.requires(.openpyxl)) func missingDataNamesTheCell() throws {
        let dir = try makeTemporaryDirectory("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.xlsx").path
        var data = Self.reportData(2)
        if case var .object(members) = data { members["team"] = nil; data = .object(members) }
        #expect(throws: XLSXError.inFile(path: try Self.fixture("report-openpyxl.xlsx"),
                                         .missingTemplateValue(sheet: "Kế hoạch", cell: "A1", name: "team"))) {
            try WorkbookTemplate.fill(template: try Self.fixture("report-openpyxl.xlsx"), data: data, output: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        // Told to, the fill leaves the text empty instead.
        try WorkbookTemplate.fill(template: try Self.fixture("report-openpyxl.xlsx"), data: data, output: output,
                                  options: TemplateFillOptions(missing: .empty))
        #expect(try Self.openpyxlFacts(output)["Kế hoạch!A1"] == "Báo cáo tuần 48 — ")
    }

    @Test func noPlaceholdersCopiesEveryPartUnchanged() throws {
        let dir = try makeTemporaryDirectory("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try Self.fixture("report-libreoffice.xlsx")
        let output = dir.appendingPathComponent("copy.xlsx").path
        // Filled once, the output has no placeholders left: filling it again changes nothing.
        try WorkbookTemplate.fill(template: source, data: Self.reportData(3), output: output)
        let again = dir.appendingPathComponent("again.xlsx").path
        let report = try WorkbookTemplate.fill(template: output, data: .object([:]), output: again)
        #expect(report.rewrittenParts.isEmpty)
        let a = try ZipArchive(path: output), b = try ZipArchive(path: again)
        #expect(a.entries.map(\.name) == b.entries.map(\.name))
        for (x, y) in zip(a.entries, b.entries) {
            #expect(x.crc32 == y.crc32 && x.method == y.method && x.compressedSize == y.compressedSize)
            let rawX = try a.source.bytes(at: try a.dataOffset(of: x), count: Int(x.compressedSize))
            let rawY = try b.source.bytes(at: try b.dataOffset(of: y), count: Int(y.compressedSize))
            #expect(rawX == rawY, "\(x.name)")
        }
    }

    /// Cells whose `r` is no A1 reference (`r="0"`, `r="1"`, as ExcelDataReader's `Fillreport`
    /// has them) are read as cells without one, by the fill as by the reader: the first is A1,
    /// the next B1. Filled with no data, the workbook comes out unchanged.
    @Test func cellsWithoutA1References() throws {
        let dir = try makeTemporaryDirectory("template")
        defer { try? FileManager.default.removeItem(at: dir) }
        var package = HostilePackage()
        package.set("xl/worksheets/sheet1.xml", HostilePackage.sheet(cells:
            #"<row r="1"><c r="0" t="inlineStr"><is><t>{{name}}</t></is></c><c r="1"><v>7</v></c></row>"#))
        let template = dir.appendingPathComponent("r0.xlsx").path
        try Data(try package.bytes()).write(to: URL(fileURLWithPath: template))
        let output = dir.appendingPathComponent("filled.xlsx").path
        try WorkbookTemplate.fill(template: template, data: .object(["name": .string("An")]), output: output)
        let sheet = try Workbook(path: output).sheet(at: 0)
        #expect(sheet["A1"]?.value == .string("An"))
        #expect(sheet["B1"]?.value == .number(7))
        package.set("xl/worksheets/sheet1.xml", HostilePackage.sheet(cells: #"<row r="1"><c r="0"><v>5</v></c></row>"#))
        try Data(try package.bytes()).write(to: URL(fileURLWithPath: template))
        let report = try WorkbookTemplate.fill(template: template, data: .object([:]), output: output,
                                               options: { var o = TemplateFillOptions(); o.rewriteAllSheets = true; return o }())
        #expect(report.rewrittenParts == ["xl/worksheets/sheet1.xml"])
        #expect(try ZipArchive(path: output).contents(ofEntryNamed: "xl/worksheets/sheet1.xml")
                == Array(package.parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.text))
    }

    static func expectLibreOfficeConverts(_ path: String, in dir: URL) throws {
        let soffice = try ExternalTool.libreOffice.path()
        let (status, output, pdf) = try libreOfficeConvert(soffice, path, to: "pdf", fileExtension: "pdf", into: dir.appendingPathComponent("pdf"))
        #expect(status == 0, "\(output)")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(output)")
    }
}
