import Foundation
@testable import XLSX

/// Reads back what the writer wrote, independently of the writer's code: the package is
/// opened with ``ZipArchive``, every part parsed by libxml2, and each sheet's cells collected
/// with their type, style, formula and text (shared and inline strings resolved, `_xHHHH_`
/// escapes decoded as Excel decodes them).
struct WrittenWorkbook {
    struct Cell: Equatable {
        var type: String?
        var style: Int
        var formula: String?
        /// `<v>` text, or the string for `s`/`inlineStr` cells.
        var text: String
    }

    let archive: ZipArchive
    let sheetNames: [String]
    private let strings: [String]

    init(path: String) throws {
        archive = try ZipArchive(path: path)
        var strings: [String] = []
        if let sst = try archive.contents(ofEntryNamed: "xl/sharedStrings.xml") {
            let collector = StringCollector()
            try XMLPushParser.parse(sst, part: "xl/sharedStrings.xml", handler: collector)
            strings = collector.strings
        }
        self.strings = strings
        let names = NameCollector()
        try XMLPushParser.parse(try archive.contents(ofEntryNamed: "xl/workbook.xml") ?? [], part: "xl/workbook.xml", handler: names)
        sheetNames = names.names
    }

    /// Every entry, parsed as XML when it is XML.
    func parseEveryPart() throws {
        for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") || entry.name.hasSuffix(".vml") {
            final class Ignore: XMLContentHandler {
                func startElement(_ name: XMLName, attributes: XMLAttributes) {}
                func endElement(_ name: XMLName) {}
                func characters(_ bytes: UnsafeRawBufferPointer) {}
            }
            try XMLPushParser.parse(try archive.contents(of: entry), part: entry.name, handler: Ignore())
        }
    }

    /// The text of a part.
    func part(_ name: String) throws -> String {
        guard let bytes = try archive.contents(ofEntryNamed: name) else { throw XLSXError.missingPart(part: name) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The cells of sheet `index` (1-based, as the part is numbered), by reference.
    func cells(sheet index: Int) throws -> [String: Cell] {
        let name = "xl/worksheets/sheet\(index).xml"
        let collector = CellCollector()
        try XMLPushParser.parse(try archive.contents(ofEntryNamed: name) ?? [], part: name, handler: collector)
        var result = collector.cells
        for (ref, cell) in result where cell.type == "s" {
            result[ref]?.text = Int(cell.text).flatMap { $0 < strings.count ? strings[$0] : nil } ?? "<bad index \(cell.text)>"
        }
        return result
    }

    /// Decodes `_xHHHH_` as Excel does.
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let c = scalars.first {
            if c == "_", scalars.count >= 7, scalars.dropFirst().first == "x",
               scalars[scalars.startIndex + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)..<(scalars.startIndex + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst(7)
            } else {
                out.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }

    private final class StringCollector: XMLContentHandler {
        var strings: [String] = []
        private var current: [UInt8] = []
        private var inT = false, inPhonetic = false
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("si") { current = [] } else if name.is("t") { inT = true } else if name.is("rPh") { inPhonetic = true }
        }
        func endElement(_ name: XMLName) {
            if name.is("si") { strings.append(WrittenWorkbook.unescape(String(decoding: current, as: UTF8.self))) }
            else if name.is("t") { inT = false } else if name.is("rPh") { inPhonetic = false }
        }
        func characters(_ bytes: UnsafeRawBufferPointer) {
            if inT && !inPhonetic { current.append(contentsOf: bytes) }
        }
    }

    private final class NameCollector: XMLContentHandler {
        var names: [String] = []
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("sheet"), let n = attributes.string("name") { names.append(n) }
        }
        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }

    private final class CellCollector: XMLContentHandler {
        var cells: [String: Cell] = [:]
        private var ref = ""
        private var cell = Cell(type: nil, style: 0, formula: nil, text: "")
        private var text: [UInt8] = []
        private var formula: [UInt8] = []
        private var capture: Int = 0  // 1: <v> or <t>, 2: <f>
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("c") {
                ref = attributes.string("r") ?? ""
                cell = Cell(type: attributes.string("t"), style: attributes.string("s").flatMap(Int.init) ?? 0, formula: nil, text: "")
                text = []
                formula = []
            } else if name.is("v") || name.is("t") {
                capture = 1
            } else if name.is("f") {
                capture = 2
            }
        }
        func endElement(_ name: XMLName) {
            if name.is("c") {
                cell.text = cell.type == "inlineStr" || cell.type == "str" || cell.type == "s"
                    ? WrittenWorkbook.unescape(String(decoding: text, as: UTF8.self)) : String(decoding: text, as: UTF8.self)
                if !formula.isEmpty { cell.formula = String(decoding: formula, as: UTF8.self) }
                cells[ref] = cell
            } else if name.is("v") || name.is("t") || name.is("f") {
                capture = 0
            }
        }
        func characters(_ bytes: UnsafeRawBufferPointer) {
            if capture == 1 { text.append(contentsOf: bytes) } else if capture == 2 { formula.append(contentsOf: bytes) }
        }
    }
}
