import Foundation
@testable import XLSX

/// A one-sheet workbook built part by part, so a test can replace, add or remove one part and
/// see exactly what the reader does with it. Entries are stored with their true CRC-32.
struct HostilePackage {
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Part names in package order with their text.
    var parts: [(name: String, text: [UInt8])] = [
        ("[Content_Types].xml", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            </Types>
            """.utf8)),
        ("_rels/.rels", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipType)officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8)),
        ("xl/workbook.xml", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8)),
        ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetTarget: "worksheets/sheet1.xml")),
        ("xl/worksheets/sheet1.xml", sheet(cells: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>"#)),
        ("xl/sharedStrings.xml", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>
            """.utf8)),
        ("xl/styles.xml", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
            """.utf8)),
    ]

    /// The workbook's relationships with the sheet's target (and its mode, when external).
    static func workbookRelationships(sheetTarget: String, external: Bool = false) -> [UInt8] {
        let mode = external ? #" TargetMode="External""# : ""
        return Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipType)worksheet" Target="\(sheetTarget)"\(mode)/>\
            <Relationship Id="rId2" Type="\(relationshipType)sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(relationshipType)styles" Target="styles.xml"/></Relationships>
            """.utf8)
    }

    /// A worksheet whose `<sheetData>` holds `cells`, after `head` (a `<dimension>`, say).
    static func sheet(cells: String, head: String = "") -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(head)<sheetData>\(cells)</sheetData></worksheet>
            """.utf8)
    }

    /// Replaces the part `name`, or adds it at the end.
    mutating func set(_ name: String, _ text: [UInt8]) {
        if let i = parts.firstIndex(where: { $0.name == name }) { parts[i].text = text } else { parts.append((name, text)) }
    }

    /// Replaces the part `name` with a string.
    mutating func set(_ name: String, _ text: String) { set(name, Array(text.utf8)) }

    /// Removes the part `name`.
    mutating func remove(_ name: String) { parts.removeAll { $0.name == name } }

    /// The ZIP bytes (each part stored, or deflated when its name is in `deflated`).
    func bytes(deflated: Set<String> = []) throws -> [UInt8] {
        var crafted = HostileZipTests.Crafted()
        for part in parts {
            let data = deflated.contains(part.name) ? try HostileZipTests.deflate(part.text) : part.text
            crafted.items.append(.init(name: part.name, data: data, method: deflated.contains(part.name) ? 8 : 0,
                                       crc: CRC32.checksum(part.text), declaredSize: UInt64(part.text.count)))
        }
        return crafted.bytes()
    }

    /// The package opened as a workbook.
    func open(limits: ReadLimits = .default) throws -> Workbook {
        try Workbook(source: MemoryByteSource(try bytes()), limits: limits)
    }
}

/// The `XLSXError` thrown by `body` (nil when it succeeds; any other error is wrapped so a test
/// comparing against a specific case fails visibly).
func thrownXLSXError(_ body: () throws -> Void) -> XLSXError? {
    do {
        try body()
        return nil
    } catch let error as XLSXError {
        return error
    } catch {
        return .invalidOperation("not an XLSXError: \(error)")
    }
}
