import Foundation
import Testing
@testable import XLSX

/// The worksheet scanner against libxml2: the shared corpus and every kept difference read
/// both ways with identical cells, rows, models, metadata and errors; hand-worked sheets read
/// by the scanner itself (no fallback) to the values worked out from their XML; and the
/// constructs it leaves to libxml2 left to it.
@Suite struct ScannerDifferentialTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/scanner")

    /// A one-sheet stored package holding `sheet` as its worksheet.
    static func archive(_ sheet: String, limits: ReadLimits = .default) throws -> ZipArchive {
        var package = StoredPackage()
        package.set("xl/worksheets/sheet1.xml", Array(sheet.utf8))
        return try ZipArchive(source: MemoryByteSource(package.bytes()), limits: limits)
    }

    /// The chunk sizes every small case is read in: whole, and cut at every few bytes.
    static let chunkSizes: [Int?] = [nil, 1, 2, 3, 7, 64]

    static func expectSame(_ archive: ZipArchive, _ label: String) {
        for size in chunkSizes {
            #expect(ScannerDifferential.difference(archive, chunkSize: size) == nil, "\(label), chunk \(String(describing: size))")
        }
    }

    static let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">"#

    /// A sheet of `cells` in the stored package's workbook (shared string 0 is "x"; style 1 is a date).
    static func sheet(_ sheetData: String, after: String = "") -> String {
        head + "<dimension ref=\"A1\"/><sheetData>" + sheetData + "</sheetData>" + after + "</worksheet>"
    }

    /// The raw cells as `ref type bytes`, read with the scanner on or off.
    static func raw(_ archive: ZipArchive, scanning: Bool = true) throws -> [String] {
        let workbook = try Workbook(archive: archive, path: nil)
        workbook.scansSheets = scanning
        var cells: [String] = []
        try workbook.forEachRawCell(in: workbook.sheets[0]) { cell in
            cells.append("\(cell.reference) \(cell.type) \(cell.text)")
        }
        return cells
    }

    static func fellBack(_ archive: ZipArchive) throws -> Bool {
        let workbook = try Workbook(archive: archive, path: nil)
        let reader = try workbook.rows(of: workbook.sheets[0])
        while try reader.next() != nil {}
        return reader.fellBack
    }

    // MARK: Read by the scanner

    @Test func excelShapedCells() throws {
        let xml = Self.sheet(#"<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c>"#
            + #"<c r="C1" t="b"><v>1</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>"#
            + #"<row r="3" ht="20" customHeight="1" hidden="1"><c r="B3" t="inlineStr"><is><t xml:space="preserve"> A&lt;B </t></is></c><c t="e"><v>#N/A</v></c></row>"#)
        let archive = try Self.archive(xml)
        #expect(try !Self.fellBack(archive))
        // Worked from the XML: C3 has no r, so it follows B3.
        #expect(try Self.raw(archive) == ["A1 sharedString 0", "B1 number 45000", "C1 boolean 1", "D1 formulaString ab",
                                          "B3 inlineString  A<B ", "C3 error #N/A"])
        let workbook = try Workbook(archive: archive, path: nil)
        let sheet = try workbook.sheet(at: 0)
        #expect(sheet["A1"]?.value == .string("x"))
        #expect(sheet["D1"]?.value == .formula("\"a\"&\"b\"", cached: .string("ab")))
        #expect(sheet.row(2)?.height == 20)
        #expect(sheet.hiddenRows == [2])
        Self.expectSame(archive, "excel-shaped")
    }

    @Test func richInlineStringLeavesPhoneticRunsOut() throws {
        let xml = Self.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>東京</t></r><r><t> &#x41;&#66;</t></r>"#
            + #"<rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c></row>"#)
        let archive = try Self.archive(xml)
        #expect(try !Self.fellBack(archive))
        #expect(try Self.raw(archive) == ["A1 inlineString 東京 AB"])
        Self.expectSame(archive, "rich inline")
    }

    @Test func sharedFormulasExpandAlike() throws {
        let xml = Self.sheet(#"<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row>"#
            + #"<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>"#)
        let archive = try Self.archive(xml)
        #expect(try !Self.fellBack(archive))
        let sheet = try Workbook(archive: archive, path: nil).sheet(at: 0)
        #expect(sheet["A3"]?.value == .formula("B3*2", cached: .number(6)))
        Self.expectSame(archive, "shared formulas")
    }

    @Test func escapesNumbersAndEmptyCells() throws {
        let xml = Self.sheet(#"<row><c t="str"><v>a_x000D_b</v></c><c><v>1.5E3</v></c><c s="1"/><c><v/></c><c t="inlineStr"><is><t/></is></c></row>"#
            + #"<row/><row><c t="n"><v> 7 </v></c></row>"#)
        let archive = try Self.archive(xml)
        #expect(try !Self.fellBack(archive))
        #expect(try Self.raw(archive) == ["A1 formulaString a\rb", "B1 number 1.5E3", "C1 empty ", "D1 empty ", "E1 empty ", "A3 number  7 "])
        Self.expectSame(archive, "escapes and empties")
    }

    @Test func metadataAroundTheCellsComesFromLibxml2() throws {
        let xml = Self.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
                             after: #"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>"#)
        let archive = try Self.archive(xml)
        #expect(try !Self.fellBack(archive))
        let sheet = try Workbook(archive: archive, path: nil).sheet(at: 0)
        #expect(sheet.mergedRanges.map(\.description) == ["A1:B2"])
        Self.expectSame(archive, "metadata")
    }

    // MARK: Left to libxml2

    /// Constructs the scanner leaves to libxml2, each in an otherwise plain sheet: it falls
    /// back and the result (values or error) is libxml2's.
    @Test(arguments: [
        ("comment", #"<row r="1"><!-- note --><c r="A1"><v>1</v></c></row>"#),
        ("cdata", #"<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>"#),
        ("reference in attribute", #"<row r="1"><c r="A&#49;"><v>1</v></c></row>"#),
        ("carriage return", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb</t></is></c></row>"),
        ("undeclared prefix", #"<row r="1" foo:x="1"><c r="A1"><v>1</v></c></row>"#),
        ("prefixed element", #"<row r="1"><x:c r="A1"><v>1</v></x:c></row>"#),
        ("unknown entity", #"<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>"#),
        ("control character", "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\u{1}b</v></c></row>"),
        ("duplicate attribute", #"<row r="1"><c r="A1" r="B1"><v>1</v></c></row>"#),
        ("mismatched end", #"<row r="1"><c r="A1"><v>1</c></v></row>"#),
        ("reference outside grid", #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#),
        ("row outside grid", #"<row r="1048577"><c><v>1</v></c></row>"#),
        ("cell outside row", #"<c r="A1"><v>1</v></c>"#),
        ("nested cell", #"<row r="1"><c r="A1"><extLst><c r="B1"/></extLst><v>1</v></c></row>"#),
        ("two values", #"<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>"#),
        ("truncated", #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2"#),
    ])
    func leftToLibxml2(_ label: String, _ sheetData: String) throws {
        let xml = label == "truncated" ? Self.head + "<sheetData>" + sheetData : Self.sheet(sheetData)
        let archive = try Self.archive(xml)
        let workbook = try Workbook(archive: archive, path: nil)
        let reader = try workbook.rows(of: workbook.sheets[0])
        _ = try? reader.forEach { _ in }
        #expect(reader.fellBack, "\(label)")
        Self.expectSame(archive, label)
    }

    @Test func aDoctypeIsNeverScanned() throws {
        let xml = Self.head.replacingOccurrences(of: "<worksheet", with: "<!DOCTYPE worksheet [<!ENTITY e \"1\">]><worksheet")
            + #"<sheetData><row r="1"><c r="A1"><v>&e;</v></c></row></sheetData></worksheet>"#
        let archive = try Self.archive(xml)
        #expect(throws: XLSXError.self) { try Self.raw(archive) }
        Self.expectSame(archive, "doctype")
    }

    @Test func anotherEncodingIsNeverScanned() throws {
        let xml = Self.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#).replacingOccurrences(of: "UTF-8", with: "ISO-8859-1")
        let archive = try Self.archive(xml)
        #expect(try Self.fellBack(archive))
        Self.expectSame(archive, "latin-1")
    }

    @Test func limitsAreTheSame() throws {
        let xml = Self.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a</t></r></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#)
        for depth in [3, 5, 7, 8, 9] {
            var limits = ReadLimits()
            limits.maxXMLDepth = depth
            limits.maxCells = 2
            Self.expectSame(try Self.archive(xml, limits: limits), "depth \(depth)")
        }
    }

    /// A sink that fails mid-sheet stops the scanner where it stops libxml2.
    @Test func aFailingVisitorStopsBothAlike() throws {
        let archive = try Self.archive(Self.sheet((1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()))
        for scanning in [true, false] {
            let workbook = try Workbook(archive: archive, path: nil)
            workbook.scansSheets = scanning
            var seen = 0
            struct Enough: Error {}
            #expect(throws: Enough.self) {
                try workbook.forEachRawCell(in: workbook.sheets[0]) { _ in
                    seen += 1
                    if seen == 17 { throw Enough() }
                }
            }
            #expect(seen == 17)
        }
    }

    // MARK: Work linear in the part

    /// A look at a cell the bytes cut starts over at its first byte; cut into tiny chunks, a
    /// long cell (one long text, or many runs) must not be looked at once per chunk, nor a long
    /// prologue searched again from the part's first byte (the fuzzer's timeout
    /// `prologue-search-restarting-at-every-chunk.xml`: 39 KB that took over two minutes in
    /// one-byte chunks).
    @Test func longUnitsInTinyChunksAreLookedAtLinearly() throws {
        let cell = "ab&amp;" + String(repeating: "cd", count: 40_000)
        let wide = Self.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>"# + cell + "</t></is></c><c r=\"B1\"><v>2</v></c></row>")
        let runs = (0..<1_000).map { "<r><rPr><b/></rPr><t>run \($0)</t></r>" }.joined()
        let rich = Self.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is>"# + runs + #"</is></c><c r="B1"><v>2</v></c></row>"#)
        let longPrologue = Self.head + "<dimension ref=\"A1\"/>" + String(repeating: "<sheetPr><tabColor rgb=\"FF00FF00\"/></sheetPr>", count: 2_000)
            + #"<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        let fuzzed = try String(decoding: Data(contentsOf: Self.folder.appendingPathComponent("prologue-search-restarting-at-every-chunk.xml")), as: UTF8.self)
        for (label, xml, scanned) in [("long cell", wide, true), ("rich cell", rich, true), ("long prologue", longPrologue, true), ("fuzzed", fuzzed, false)] {
            for chunk in [1, 3, 64] {
                let workbook = try Workbook(archive: try Self.archive(xml), path: nil)
                workbook.sheetChunkSize = chunk
                let reader = try workbook.rows(of: workbook.sheets[0])
                var cells = 0
                _ = try? reader.forEach { cells += $0.cells.count }
                #expect(reader.fellBack != scanned, "\(label), chunk \(chunk)")
                #expect(reader.bytesLookedAt <= 3 * xml.utf8.count, "\(label), chunk \(chunk): \(reader.bytesLookedAt) bytes looked at for \(xml.utf8.count)")
                if scanned { #expect(cells == (label.hasSuffix("cell") ? 2 : 1), "\(label), chunk \(chunk)") }
            }
        }
    }

    // MARK: Differences kept, and the corpus

    static let kept: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }()

    /// Every input on which the two paths ever differed, now read alike.
    @Test(arguments: kept)
    func keptDifference(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        FuzzTargets.$failed.withValue({ error in Issue.record("\(name): \(error)") }) {
            FuzzTargets.fuzzSheetScanner(bytes, limits: FuzzTargets.limits)
        }
        var package = StoredPackage()
        package.set("xl/worksheets/sheet1.xml", bytes)
        Self.expectSame(try ZipArchive(source: MemoryByteSource(package.bytes()), limits: FuzzTargets.limits), name)
    }

    /// Every workbook of the shared corpus read both ways, whole and in 997-byte chunks.
    @Test(.requires(.sharedCorpus))
    func corpusReadsAlike() throws {
        let root = try sharedCorpus().appendingPathComponent("corpus")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }.sorted()
        var compared = 0, scannedWhole = 0
        for file in files {
            guard let archive = try? ZipArchive(path: root.appendingPathComponent(file).path) else { continue }
            compared += 1
            #expect(ScannerDifferential.difference(archive) == nil, "\(file)")
            #expect(ScannerDifferential.difference(archive, chunkSize: 997) == nil, "\(file), 997-byte chunks")
            if ScannerDifferential.scannerReadsAll(archive) { scannedWhole += 1 }
        }
        print("scanner differential: \(compared) corpus workbooks compared, \(scannedWhole) read by the scanner without falling back")
        #expect(compared > 1000)
        #expect(scannedWhole * 2 > compared, "the scanner should read most of the corpus itself")
    }
}
