import Foundation
import TestTools
import Testing
@testable import XLSX

/// A canonical form of XML elements: attributes sorted, namespace prefixes dropped,
/// whitespace-only text ignored, other text trimmed. Two elements are equivalent when their
/// canonical forms are equal.
final class CanonicalXML: XMLContentHandler {
    final class Node {
        let name: String
        let attributes: [String]
        var children: [Node] = []
        var text = ""
        init(name: String, attributes: [String]) {
            self.name = name
            self.attributes = attributes
        }
        func canonical(sortChildren: Bool = false) -> String {
            let inner = children.map { $0.canonical() }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return "<\(name)\(attributes.map { " " + $0 }.joined())>\(trimmed)\((sortChildren ? inner.sorted() : inner).joined())</\(name)>"
        }
    }

    private var stack: [Node] = []
    private(set) var root: Node?

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        let attrs = attributes.all.map { "\($0.name)=\"\($0.value)\"" }.sorted()
        let node = Node(name: name.localName, attributes: attrs)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }
    func endElement(_ name: XMLName) { stack.removeLast() }
    func characters(_ bytes: UnsafeRawBufferPointer) { stack.last?.text += String(decoding: bytes, as: UTF8.self) }

    static func parse(_ bytes: [UInt8], part: String) throws -> Node {
        let handler = CanonicalXML()
        try XMLPushParser.parse(bytes, part: part, handler: handler)
        guard let root = handler.root else { throw XLSXError.missingPart(part: part) }
        return root
    }

    /// Every element named `name` under `node`, depth first.
    static func find(_ name: String, in node: Node) -> [Node] {
        (node.name == name ? [node] : []) + node.children.flatMap { find(name, in: $0) }
    }
}

/// Our XML for a feature against the XML Excel saved for the same feature, in the Excel-made
/// files of `shared/corpus/XlsxWriter` (each case names its file). Only the element of the
/// feature is compared, in canonical form.
@Suite(.requires(.sharedCorpus))
struct WriteCorpusComparisonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        /// The corpus file, without the `xlsxwriter__test__comparison__xlsx_files__` prefix.
        let corpus: String
        let part: String
        let element: String
        /// Compare children as a set (Excel sorts defined names; order carries no meaning).
        var unordered = false
        /// Keep only children whose canonical text contains one of these.
        var only: [String] = []
        /// Backslashes in format codes are Excel's optional escapes (`\ ` is a space).
        var unescapeFormats = false
        /// Chart axis ids are arbitrary: replace each distinct one by its order of appearance.
        var renumberAxes = false
        /// Elements (canonical form) we write on purpose where Excel's file leaves them out;
        /// removed from our side only, so an element Excel wrote still has to match.
        var oursOnly: [String] = []
        let build: @Sendable (WorkbookWriter) throws -> Void
        var testDescription: String { "\(corpus): \(element) in \(part)" }
    }

    static let cases: [Case] = [
        Case(corpus: "data_validation01", part: "xl/worksheets/sheet1.xml", element: "dataValidations") { wb in
            try wb.addSheet("Sheet1").addValidation(DataValidation(.list(["Foo", "Bar", "Baz"])), to: CellRange("C2")!)
        },
        Case(corpus: "data_validation03", part: "xl/worksheets/sheet1.xml", element: "dataValidations") { wb in
            let s = try wb.addSheet("Sheet1")
            try s.addValidation(DataValidation(.list(["Foo", "Bar", "Baz"]),
                inputMessage: .init(title: "This is the input title", "This is the input message")), to: CellRange("C2")!)
            // Foobar, Foobas, … Foobca: the last two letters count on from "ar".
            var values: [String] = []
            for i in 0..<36 {
                let n = i + 17
                let first = Character(UnicodeScalar(UInt8(97 + n / 26)))
                let second = Character(UnicodeScalar(UInt8(97 + n % 26)))
                values.append("Foob" + String(first) + String(second))
            }
            try s.addValidation(DataValidation(.list(values + ["End"]),
                inputMessage: .init(title: "This is the longest input title1",
                                    "This is the longest input message " + String(repeating: "a", count: 221))), to: CellRange("D6")!)
        },
        Case(corpus: "data_validation07", part: "xl/worksheets/sheet1.xml", element: "dataValidations") { wb in
            try wb.addSheet("Sheet1").addValidation(DataValidation(.list(["coffee", "café"])), to: CellRange("C2")!)
        },
        Case(corpus: "data_validation08", part: "xl/worksheets/sheet1.xml", element: "dataValidations") { wb in
            try wb.addSheet("Sheet1").addValidation(DataValidation(.any,
                inputMessage: .init(title: "This is the input title", "This is the input message")), to: CellRange("C2")!)
        },
        Case(corpus: "comment01", part: "xl/comments1.xml", element: "comments") { wb in
            let s = try wb.addSheet("Sheet1")
            try s.set(.string("Foo"), at: "A1")
            try s.addNote(Note("Some text", author: "John"), at: CellReference("B2")!)
        },
        Case(corpus: "comment01", part: "xl/drawings/vmlDrawing1.vml", element: "xml") { wb in
            let s = try wb.addSheet("Sheet1")
            try s.set(.string("Foo"), at: "A1")
            try s.addNote(Note("Some text", author: "John"), at: CellReference("B2")!)
        },
        Case(corpus: "comment01", part: "xl/worksheets/sheet1.xml", element: "legacyDrawing") { wb in
            try wb.addSheet("Sheet1").addNote(Note("Some text", author: "John"), at: CellReference("B2")!)
        },
        Case(corpus: "hyperlink01", part: "xl/worksheets/sheet1.xml", element: "hyperlinks") { wb in
            try wb.addSheet("Sheet1").addHyperlink(.external("http://www.perl.org/"), at: CellReference("A1")!)
        },
        Case(corpus: "hyperlink01", part: "xl/worksheets/_rels/sheet1.xml.rels", element: "Relationships") { wb in
            try wb.addSheet("Sheet1").addHyperlink(.external("http://www.perl.org/"), at: CellReference("A1")!)
        },
        // hyperlink04's other links display their cell's own text; these display the target.
        Case(corpus: "hyperlink04", part: "xl/worksheets/sheet1.xml", element: "hyperlinks",
             only: ["ref=\"A1\"", "ref=\"A3\"", "ref=\"E12\"", "ref=\"A18\""]) { wb in
            let s = try wb.addSheet("Sheet1")
            _ = try wb.addSheet("Sheet2")
            try s.addHyperlink(.internal(sheet: "Sheet2", CellRange("A1")!), at: CellReference("A1")!)
            try s.addHyperlink(.internal(sheet: "Sheet2", CellRange("A1:A5")!), at: CellReference("A3")!)
            try s.addHyperlink(.internal(sheet: "Sheet1", CellRange("J1")!), at: CellReference("E12")!)
            try s.addHyperlink(.internal(sheet: "Sheet2", CellRange("A1")!, tooltip: "Tool Tip 1"), at: CellReference("A18")!)
        },
        Case(corpus: "merge_range01", part: "xl/worksheets/sheet1.xml", element: "mergeCells") { wb in
            try wb.addSheet("Sheet1").merge(CellRange("B2:D2")!, value: .string("Foo"), style: CellStyle(alignment: Alignment(horizontal: .center)))
        },
        Case(corpus: "merge_range01", part: "xl/worksheets/sheet1.xml", element: "sheetData") { wb in
            try wb.addSheet("Sheet1").merge(CellRange("B2:D2")!, value: .string("Foo"), style: CellStyle(alignment: Alignment(horizontal: .center)))
        },
        Case(corpus: "panes01", part: "xl/worksheets/sheet1.xml", element: "sheetViews") { wb in
            try wb.addSheet("Sheet1").freeze(rows: 1)
        },
        Case(corpus: "panes01", part: "xl/worksheets/sheet4.xml", element: "sheetViews") { wb in
            for i in 1...4 { try wb.addSheet("Sheet\(i)").freeze(rows: [1, 2, 0, 0][i - 1], columns: [0, 0, 1, 2][i - 1]) }
        },
        Case(corpus: "panes01", part: "xl/worksheets/sheet5.xml", element: "sheetViews") { wb in
            for i in 1...5 { try wb.addSheet("Sheet\(i)").freeze(rows: 1, columns: 1) }
        },
        Case(corpus: "panes01", part: "xl/worksheets/sheet6.xml", element: "sheetViews") { wb in
            for i in 1...6 { try wb.addSheet("Sheet\(i)").freeze(rows: 3, columns: 6) }
        },
        Case(corpus: "autofilter01", part: "xl/worksheets/sheet1.xml", element: "autoFilter") { wb in
            try wb.addSheet("Sheet1").autoFilter = CellRange("A1:D51")
        },
        Case(corpus: "autofilter01", part: "xl/workbook.xml", element: "definedNames") { wb in
            try wb.addSheet("Sheet1").autoFilter = CellRange("A1:D51")
        },
        Case(corpus: "defined_name01", part: "xl/workbook.xml", element: "definedNames", unordered: true) { wb in
            let s1 = try wb.addSheet("Sheet1"), s2 = try wb.addSheet("Sheet2"), s3 = try wb.addSheet("Sheet 3")
            s1.autoFilter = CellRange("F1:G1")
            s1.printSetup.printArea = CellRange("A1:E6")
            try wb.defineName("_Egg", refersTo: "=Sheet1!$A$1")
            try wb.defineName("_Fog", refersTo: "=Sheet1!$A$1")
            try wb.defineName("aaa", refersTo: "=Sheet2!$A$1", sheet: s2)
            try wb.defineName("Abc", refersTo: "=Sheet1!$A$1")
            try wb.defineName("Bar", refersTo: "='Sheet 3'!$A$1", sheet: s3)
            try wb.defineName("Bar", refersTo: "=Sheet1!$A$1", sheet: s1)
            try wb.defineName("Bar", refersTo: "=Sheet2!$A$1", sheet: s2)
            try wb.defineName("Baz", refersTo: "=0.98")
        },
        // Axis ids are arbitrary numbers: they are renamed before comparing.
        Case(corpus: "chart_column01", part: "xl/charts/chart1.xml", element: "chart", renumberAxes: true) { wb in
            let s = try wb.addSheet("Sheet1")
            let columns = ["A", "B", "C"]
            let series = (0..<3).map { k in
                Chart.Series(sheet: "Sheet1", values: CellRange("\(columns[k])1:\(columns[k])5")!, cachedValues: (1...5).map { Double($0 * (k + 1)) })
            }
            try s.addChart(Chart(.column, series: series, anchor: CellRange("E9:L23")!))
        },
        Case(corpus: "chart_column01", part: "xl/drawings/_rels/drawing1.xml.rels", element: "Relationships") { wb in
            try wb.addSheet("Sheet1").addChart(Chart(.column, series: [Chart.Series(sheet: "Sheet1", values: CellRange("A1:A5")!)], anchor: CellRange("E9:L23")!))
        },
        // Excel's line file leaves varyColors and smooth out; we write both false because
        // LibreOffice reads their absence as true. Markers off, as in the file.
        Case(corpus: "chart_line01", part: "xl/charts/chart1.xml", element: "chart", renumberAxes: true,
             oursOnly: ["<varyColors val=\"0\"></varyColors>", "<smooth val=\"0\"></smooth>"]) { wb in
            let s = try wb.addSheet("Sheet1")
            let columns = ["A", "B", "C"]
            let series = (0..<3).map { k in
                Chart.Series(sheet: "Sheet1", values: CellRange("\(columns[k])1:\(columns[k])5")!, cachedValues: (1...5).map { Double($0 * (k + 1)) })
            }
            var chart = Chart(.line, series: series, anchor: CellRange("E9:L23")!)
            chart.markers = false
            try s.addChart(chart)
        },
        // The pie and doughnut files: categories 2, 4, 6 in A1:A3 (numbers), values 60, 30, 10 in B1:B3.
        Case(corpus: "chart_pie01", part: "xl/charts/chart1.xml", element: "chart") { wb in
            try wb.addSheet("Sheet1").addChart(Chart(.pie, series: [pieSeries], anchor: CellRange("E9:L23")!))
        },
        Case(corpus: "chart_pie05", part: "xl/charts/chart1.xml", element: "chart") { wb in
            var chart = Chart(.pie, series: [pieSeries], anchor: CellRange("E9:L23")!)
            chart.firstSliceAngle = 45
            try wb.addSheet("Sheet1").addChart(chart)
        },
        Case(corpus: "chart_doughnut01", part: "xl/charts/chart1.xml", element: "chart") { wb in
            try wb.addSheet("Sheet1").addChart(Chart(.doughnut, series: [pieSeries], anchor: CellRange("E9:L23")!))
        },
        Case(corpus: "chart_doughnut02", part: "xl/charts/chart1.xml", element: "chart") { wb in
            var chart = Chart(.doughnut, series: [pieSeries], anchor: CellRange("E9:L23")!)
            chart.holeSize = 10
            try wb.addSheet("Sheet1").addChart(chart)
        },
        Case(corpus: "chart_doughnut04", part: "xl/charts/chart1.xml", element: "chart") { wb in
            var chart = Chart(.doughnut, series: [pieSeries], anchor: CellRange("E9:L23")!)
            chart.firstSliceAngle = 30
            try wb.addSheet("Sheet1").addChart(chart)
        },
        // Two rings and no categories.
        Case(corpus: "chart_doughnut06", part: "xl/charts/chart1.xml", element: "chart") { wb in
            try wb.addSheet("Sheet1").addChart(Chart(.doughnut, series: [
                Chart.Series(sheet: "Sheet1", values: CellRange("A1:A3")!, cachedValues: [2, 4, 6]),
                Chart.Series(sheet: "Sheet1", values: CellRange("B1:B3")!, cachedValues: [60, 30, 10]),
            ], anchor: CellRange("E9:L23")!))
        },
        // The first slice red, the others left to the viewer.
        Case(corpus: "chart_points01", part: "xl/charts/chart1.xml", element: "chart") { wb in
            try wb.addSheet("Sheet1").addChart(Chart(.pie, series: [
                Chart.Series(sheet: "Sheet1", values: CellRange("A1:A6")!, cachedValues: [2, 5, 4, 1, 7, 4], pointColors: ["FF0000"]),
            ], anchor: CellRange("E9:L23")!))
        },
        // Breaks above rows 4, 8 and 16 (1-based), given out of order and once twice.
        Case(corpus: "page_breaks02", part: "xl/worksheets/sheet1.xml", element: "rowBreaks") { wb in
            let s = try wb.addSheet("Sheet1")
            try s.set(.string("Foo"), at: "A1")
            s.printSetup.pageBreaksBefore = [15, 3, 7, 3]
        },
        Case(corpus: "date_examples01", part: "xl/styles.xml", element: "numFmts", unescapeFormats: true) { wb in
            let s = try wb.addSheet("Sheet1")
            let serial = 41333.5  // 2013-02-28 12:00, as the corpus file's cells hold
            try s.set(.number(serial), at: "A1")
            for (i, code) in ["dd/mm/yy", "mm/dd/yy", "d-m-yyyy", "dd/mm/yy hh:mm", "d mmm yyyy", "mmm d yyyy hh:mm AM/PM"].enumerated() {
                try s.set(.date(ExcelDateTime(serial: serial, kind: .dateTime)), at: CellReference(row: i + 1, column: 0)!,
                          style: CellStyle(numberFormat: NumberFormat(code)))
            }
        },
        Case(corpus: "date_examples01", part: "xl/styles.xml", element: "cellXfs") { wb in
            let s = try wb.addSheet("Sheet1")
            for (i, code) in ["dd/mm/yy", "mm/dd/yy", "d-m-yyyy", "dd/mm/yy hh:mm", "d mmm yyyy", "mmm d yyyy hh:mm AM/PM"].enumerated() {
                try s.set(.number(41333.5), at: CellReference(row: i + 1, column: 0)!, style: CellStyle(numberFormat: NumberFormat(code)))
            }
        },
    ]

    static let pieSeries = Chart.Series(sheet: "Sheet1", values: CellRange("B1:B3")!, categories: CellRange("A1:A3")!,
                                        cachedValues: [60, 30, 10], cachedCategories: .numbers([2, 4, 6]))

    @Test(arguments: cases)
    func matchesExcel(_ c: Case) throws {
        try Self.compare(c)
    }

    /// Compares our element with Excel's for one case; a corpus name with a `/` is a path
    /// under `shared/corpus` (another tool's folder), without `.xlsx`.
    static func compare(_ c: Case) throws {
        let file = c.corpus.contains("/") ? "corpus/\(c.corpus).xlsx" : "corpus/XlsxWriter/xlsxwriter__test__comparison__xlsx_files__\(c.corpus).xlsx"
        let corpusPath = try sharedCorpus().appendingPathComponent(file).path
        let excel = try ZipArchive(path: corpusPath)
        let dir = try makeTemporaryDirectory("corpus")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ours.xlsx").path
        let workbook = WorkbookWriter(options: .init(deterministic: true))
        try c.build(workbook)
        try workbook.write(to: path)
        let ours = try ZipArchive(path: path)

        func element(_ archive: ZipArchive, ours: Bool) throws -> String {
            let bytes = try #require(try archive.contents(ofEntryNamed: c.part), "no \(c.part)")
            let root = try CanonicalXML.parse(bytes, part: c.part)
            let node = try #require(CanonicalXML.find(c.element, in: root).first, "no <\(c.element)> in \(c.part)")
            var children = node.children.map { $0.canonical() }
            if !c.only.isEmpty { children = children.filter { child in c.only.contains { child.contains($0) } } }
            if c.unordered { children.sort() }
            var text = children.joined(separator: "\n")
            if ours { for e in c.oursOnly { text = text.replacingOccurrences(of: e, with: "") } }
            if c.unescapeFormats { text = text.replacingOccurrences(of: "\\", with: "") }
            if c.renumberAxes {
                var ids: [String: Int] = [:]
                let pattern = try NSRegularExpression(pattern: "(axId|crossAx) val=\"([0-9]+)\"")
                for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                    let id = String(text[Range(m.range(at: 2), in: text)!])
                    let n = ids[id] ?? { ids[id] = ids.count; return ids.count - 1 }()
                    text.replaceSubrange(Range(m.range(at: 2), in: text)!, with: "#\(n)")
                }
            }
            return "<\(node.name) \(node.attributes.joined(separator: " "))>\n" + text
        }
        let mine = try element(ours, ours: true), theirs = try element(excel, ours: false)
        #expect(mine == theirs)
    }
}
