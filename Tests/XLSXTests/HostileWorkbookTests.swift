import Foundation
import Testing
@testable import XLSX

/// Workbook-level attacks and breakage: each well-formed ZIP carries a part that lies, points
/// where it must not, or indexes past a table. Each case expects its specific error.
@Suite struct HostileWorkbookTests {
    static let sheetPart = "xl/worksheets/sheet1.xml"

    /// Opens the package and reads its first sheet whole and streamed; the first error.
    static func readFirstSheet(_ package: HostilePackage, limits: ReadLimits = .default) -> XLSXError? {
        thrownXLSXError {
            let workbook = try package.open(limits: limits)
            _ = try workbook.sheet(at: 0)
            try workbook.rows(of: workbook.sheets[0]).forEach { _ in }
        }
    }

    /// The dimension claims the whole grid; the five cells are all the sheet costs, and the
    /// dimension reported is computed from them.
    @Test func wholeGridDimensionWithFiveCellsCostsFiveCells() throws {
        var package = HostilePackage()
        let cells = ["A1", "B2", "C3", "D4", "E5"].enumerated().map { i, ref in
            #"<row r="\#(i + 1)"><c r="\#(ref)"><v>\#(i)</v></c></row>"#
        }.joined()
        package.set(Self.sheetPart, HostilePackage.sheet(cells: cells, head: #"<dimension ref="A1:XFD1048576"/>"#))
        let start = ContinuousClock.now
        let sheet = try package.open().sheet(at: 0)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(sheet.rows.count == 5)
        #expect(sheet.cells.count == 5)
        #expect(sheet.metadata.declaredDimension == "A1:XFD1048576")
        #expect(sheet.dimension == CellRange("A1:E5"))
        #expect(sheet["XFD1048576"] == nil)
    }

    /// A reference written as A1 text but outside 16,384 columns × 1,048,576 rows names the cell.
    @Test(arguments: ["XFE1", "A1048577", "AAAA1", "A12345678", "$XFE$1"])
    func cellReferenceBeyondTheGridIsRefused(_ reference: String) {
        var package = HostilePackage()
        package.set(Self.sheetPart, HostilePackage.sheet(cells: #"<row r="1"><c r="\#(reference)"><v>1</v></c></row>"#))
        guard case let .invalidContent(part, cell, message)? = Self.readFirstSheet(package) else {
            Issue.record("\(reference) was accepted"); return
        }
        #expect(part == Self.sheetPart)
        #expect(cell == reference)
        #expect(message.contains("outside"))
    }

    /// A row number past the grid names the row.
    @Test func rowBeyondTheGridIsRefused() {
        var package = HostilePackage()
        package.set(Self.sheetPart, HostilePackage.sheet(cells: #"<row r="1048577"><c><v>1</v></c></row>"#))
        guard case let .invalidContent(part, nil, message)? = Self.readFirstSheet(package) else {
            Issue.record("row 1048577 was accepted"); return
        }
        #expect(part == Self.sheetPart)
        #expect(message.contains("1048577"))
    }

    /// The table has one string; indexes 1, -1 and one past Int are refused, naming the cell.
    @Test(arguments: ["1", "-1", "99999999999999999999999", "x"])
    func sharedStringIndexOutOfRangeIsRefused(_ index: String) {
        var package = HostilePackage()
        package.set(Self.sheetPart, HostilePackage.sheet(cells: #"<row r="1"><c r="C1" t="s"><v>\#(index)</v></c></row>"#))
        guard case let .invalidContent(part, cell, message)? = Self.readFirstSheet(package) else {
            Issue.record("shared string index \(index) was accepted"); return
        }
        #expect(part == "sharedStrings")
        #expect(cell == "C1")
        #expect(message.contains("beyond the 1 strings"))
    }

    /// The styles part has two cell formats; index 2 and -1 are refused, naming the cell.
    @Test(arguments: ["2", "-1", "1000000"])
    func styleIndexOutOfRangeIsRefused(_ index: String) {
        var package = HostilePackage()
        package.set(Self.sheetPart, HostilePackage.sheet(cells: #"<row r="1"><c r="D1" s="\#(index)"><v>1</v></c></row>"#))
        guard case let .invalidContent(part, cell, message)? = Self.readFirstSheet(package) else {
            Issue.record("style index \(index) was accepted"); return
        }
        #expect(part == "styles")
        #expect(cell == "D1")
        #expect(message.contains("beyond the 2 cell formats"))
    }

    /// Style 0 needs no styles part (a workbook without one is all General).
    @Test func styleZeroWithoutAStylesPartIsGeneral() throws {
        var package = HostilePackage()
        package.remove("xl/styles.xml")
        package.set(Self.sheetPart, HostilePackage.sheet(cells: #"<row r="1"><c r="A1" s="0"><v>2</v></c></row>"#))
        #expect(try package.open().sheet(at: 0)["A1"]?.value == .number(2))
    }

    /// Targets that climb out of the package, are absolute file paths or are external: the
    /// sheet (named S) has no part in the package; no local file is ever opened.
    @Test(arguments: [
        ("../../../../../../etc/passwd", false),
        ("/etc/passwd", false),
        ("..\\..\\..\\etc\\passwd", false),
        ("file:///etc/passwd", true),
        ("http://127.0.0.1:9/sheet1.xml", true),
    ])
    func relationshipOutsideThePackageIsAMissingPart(_ target: String, _ external: Bool) throws {
        var package = HostilePackage()
        package.set("xl/_rels/workbook.xml.rels", HostilePackage.workbookRelationships(sheetTarget: target, external: external))
        let workbook = try package.open()
        #expect(workbook.sheets.map(\.name) == ["S"])
        #expect(workbook.sheets[0].part == nil)
        #expect(thrownXLSXError { _ = try workbook.sheet(at: 0) } == .missingPart(part: "(S)"))
        #expect(thrownXLSXError { _ = try workbook.rows(of: workbook.sheets[0]) } == .missingPart(part: "(S)"))
    }

    /// A relationship to a part the package does not have.
    @Test func relationshipToAMissingPart() throws {
        var package = HostilePackage()
        package.set("xl/_rels/workbook.xml.rels", HostilePackage.workbookRelationships(sheetTarget: "worksheets/gone.xml"))
        let workbook = try package.open()
        #expect(workbook.sheets[0].part == nil)
        #expect(thrownXLSXError { _ = try workbook.sheet(at: 0) } == .missingPart(part: "(S)"))
    }

    /// A package without its workbook part.
    @Test func missingWorkbookPart() {
        var package = HostilePackage()
        package.remove("xl/workbook.xml")
        #expect(thrownXLSXError { _ = try package.open() } == .missingPart(part: "xl/workbook.xml"))
    }

    /// A shared-strings relationship pointing outside the package falls back to the package's
    /// own table; it never reads the file named.
    @Test func sharedStringsOutsideThePackageAreNotRead() throws {
        var package = HostilePackage()
        package.set("xl/_rels/workbook.xml.rels", Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(HostilePackage.relationshipType)worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(HostilePackage.relationshipType)sharedStrings" Target="../../../../etc/hostname"/>\
            </Relationships>
            """.utf8))
        package.remove("xl/sharedStrings.xml")
        let workbook = try package.open()
        #expect(workbook.sharedStrings.count == 0)
        guard case .invalidContent("sharedStrings", "A1", _)? = thrownXLSXError({ _ = try workbook.sheet(at: 0) }) else {
            Issue.record("a string index into no table was accepted"); return
        }
    }

    /// An archive inside a part (42.zip's trick) is bytes to the reader: opening, reading the
    /// sheet and draining every entry stay under a 1 MiB total although the inner archive
    /// inflates to 32 MiB.
    @Test func nestedArchiveIsNeverInflated() throws {
        let zeros = [UInt8](repeating: 0, count: 32 << 20)
        let inner = HostileZipTests.Crafted(items: [
            .init(name: "zeros.bin", data: try HostileZipTests.deflate(zeros), crc: CRC32.checksum(zeros), declaredSize: UInt64(zeros.count)),
        ]).bytes()
        let middle = HostileZipTests.Crafted(items: [
            .init(name: "inner.zip", data: inner, method: 0, crc: CRC32.checksum(inner), declaredSize: UInt64(inner.count)),
        ]).bytes()
        var package = HostilePackage()
        package.set("xl/embeddings/oleObject1.bin", middle)
        var limits = ReadLimits()
        limits.maxTotalSize = 1 << 20
        let workbook = try Workbook(source: MemoryByteSource(try package.bytes()), limits: limits)
        #expect(try workbook.sheet(at: 0)["A1"]?.value == .string("x"))
        var total = 0
        for entry in workbook.archive.entries {
            let stream = try workbook.archive.stream(entry)
            while let chunk = try stream.next() { total += chunk.count }
        }
        #expect(total < 1 << 20)
        #expect(workbook.archive.entry(named: "xl/embeddings/oleObject1.bin")?.uncompressedSize == UInt64(middle.count))
    }

    /// Two entries with one name (or names equal up to case and slashes) are ambiguous: which
    /// one a reader takes differs between tools, so the archive is refused.
    @Test(arguments: ["xl/workbook.xml", "XL/Workbook.xml", "xl\\workbook.xml", "/xl/workbook.xml"])
    func duplicatedEntryIsRefused(_ second: String) {
        var package = HostilePackage()
        package.parts.append((second, Array("<workbook/>".utf8)))
        guard case let .corruptArchive(reason, _)? = thrownXLSXError({ _ = try package.open() }) else {
            Issue.record("duplicate \(second) was accepted"); return
        }
        #expect(reason.contains("xl/workbook.xml"))
        #expect(reason.contains("twice"))
    }

    /// A password-protected workbook (OLE2 holding EncryptionInfo and EncryptedPackage) and a
    /// legacy .xls (OLE2 holding Workbook) are named, not parsed.
    @Test(arguments: [
        (["EncryptionInfo", "EncryptedPackage"], ForeignFileKind.encryptedWorkbook),
        (["Workbook"], .legacyXLS),
        (["Book"], .legacyXLS),
        (["WordDocument"], .otherOLE2),
    ])
    func oleContainersAreNamed(_ streams: [String], _ kind: ForeignFileKind) {
        let bytes = CompoundFile.bytes(streams: streams)
        #expect(thrownXLSXError { _ = try Workbook(source: MemoryByteSource(bytes)) } == .notAWorkbook(kind: kind))
    }
}

/// A minimal OLE2 compound file (version 3, 512-byte sectors): header, one FAT sector, one
/// directory sector with a root entry and empty streams, as [MS-CFB] lays them out.
enum CompoundFile {
    static func bytes(streams: [String]) -> [UInt8] {
        precondition(streams.count <= 3)
        var out = [UInt8](repeating: 0, count: 512 * 3)
        func put32(_ v: UInt32, at i: Int) { for k in 0..<4 { out[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        func put16(_ v: UInt16, at i: Int) { out[i] = UInt8(v & 0xFF); out[i + 1] = UInt8(v >> 8) }
        out.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        put16(0x3E, at: 24); put16(3, at: 26); put16(0xFFFE, at: 28); put16(9, at: 30); put16(6, at: 32)
        put32(1, at: 44)               // FAT sectors
        put32(1, at: 48)               // first directory sector
        put32(4096, at: 56)            // mini stream cutoff
        put32(0xFFFF_FFFE, at: 60)     // no mini FAT
        put32(0xFFFF_FFFE, at: 68)     // no DIFAT sectors
        put32(0, at: 76)               // DIFAT[0]: the FAT is sector 0
        for i in 1..<109 { put32(0xFFFF_FFFF, at: 76 + 4 * i) }
        let fat = 512
        put32(0xFFFF_FFFD, at: fat)    // sector 0: FAT
        put32(0xFFFF_FFFE, at: fat + 4) // sector 1: directory, end of chain
        for i in 2..<128 { put32(0xFFFF_FFFF, at: fat + 4 * i) }
        let directory = 1024
        func entry(_ index: Int, name: String, type: UInt8, right: UInt32, child: UInt32) {
            let base = directory + 128 * index
            let units = Array(name.utf16)
            for (k, u) in units.enumerated() { put16(u, at: base + 2 * k) }
            put16(UInt16(2 * units.count + 2), at: base + 64)
            out[base + 66] = type
            out[base + 67] = 1         // black
            put32(0xFFFF_FFFF, at: base + 68)
            put32(right, at: base + 72)
            put32(child, at: base + 76)
            put32(type == 5 ? 0xFFFF_FFFE : 0, at: base + 116)
        }
        entry(0, name: "Root Entry", type: 5, right: 0xFFFF_FFFF, child: streams.isEmpty ? 0xFFFF_FFFF : 1)
        for (i, name) in streams.enumerated() {
            entry(i + 1, name: name, type: 2, right: i + 1 < streams.count ? UInt32(i + 2) : 0xFFFF_FFFF, child: 0xFFFF_FFFF)
        }
        return out
    }
}
