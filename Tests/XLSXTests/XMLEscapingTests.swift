import Testing
@testable import XLSX

/// The package's one escaping loop, in its three modes, judged by libxml2 reading the result
/// back as an attribute value and as element text.
@Suite struct XMLEscapingTests {
    /// Collects the attribute `v` of `<a>` and the text inside it.
    final class Collector: XMLContentHandler {
        var attribute: String?
        var text: [UInt8] = []
        func startElement(_ name: XMLName, attributes: XMLAttributes) { attribute = attributes.string("v") }
        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) { text.append(contentsOf: bytes) }
    }

    /// `input` escaped for `mode`, put into an attribute (unless it is cell text, which goes
    /// only into elements) and into the element's text, and read back by libxml2.
    static func readBack(_ input: String, _ mode: XMLEscaping.Mode) throws -> (attribute: String?, text: String) {
        var escaped: [UInt8] = []
        XMLEscaping.escape(input, mode, into: &escaped)
        let attribute = mode == .cellText ? [] : Array(" v=\"".utf8) + escaped + Array("\"".utf8)
        let document = Array("<a".utf8) + attribute + Array(">".utf8) + escaped + Array("</a>".utf8)
        let collector = Collector()
        try XMLPushParser.parse(document, part: "test.xml", handler: collector)
        return (collector.attribute, String(decoding: collector.text, as: UTF8.self))
    }

    static let tricky = "a\tb\nc\rd <&> \"q\" 'e'\u{1}f\u{FFFE}g _x0041_"

    /// Edited markup (names, targets, formulas): white space survives in an attribute as in
    /// text (before, a line feed put into an attribute came back as a space), and what XML 1.0
    /// cannot carry is dropped.
    @Test func markupKeepsWhiteSpaceAndDropsWhatXMLCannotCarry() throws {
        let expected = "a\tb\nc\rd <&> \"q\" 'e'fg _x0041_"
        let read = try Self.readBack(Self.tricky, .markup)
        #expect(read.attribute == expected)
        #expect(read.text == expected)
    }

    /// Cell text is written as Excel writes it: the XML carries `_xHHHH_` escapes, which the
    /// reader (not libxml2) decodes, and a literal `_x0041_` has its underscore escaped.
    @Test func cellTextUsesExcelEscapes() throws {
        let read = try Self.readBack(Self.tricky, .cellText)
        #expect(read.text == "a\tb\nc_x000D_d <&> \"q\" 'e'_x0001_f_xFFFE_g _x005F_x0041_")
        var bytes = Array(read.text.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { Escapes.decodeInPlace($0.baseAddress!, count: $0.count) }
        #expect(String(decoding: bytes[..<count], as: UTF8.self) == Self.tricky)
    }

    /// Attribute values the writer builds keep their tabs and line feeds.
    @Test func attributeKeepsTabsAndLineFeeds() throws {
        let read = try Self.readBack("x\ty\nz \"w\" & _x0041_", .attribute)
        #expect(read.attribute == "x\ty\nz \"w\" & _x0041_")
    }
}
