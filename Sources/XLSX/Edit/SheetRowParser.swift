/// A cell of a sheet as read from its XML: its start tag, its position, and its children kept
/// as raw bytes, with the few values a template needs decoded.
struct SourceCell {
    var tag: RawTag
    /// Zero-based column.
    var column: Int
    /// The raw bytes between `<c>` and `</c>`.
    var inner: ArraySlice<UInt8> = []
    /// Whatever stood in the row before this cell (whitespace, comments), as written.
    var leading: [UInt8] = []
    /// The text of `<v>`.
    var value: String?
    /// The `<f>` tag and its decoded text.
    var formulaTag: RawTag?
    var formula: String?
    /// The text of an inline string (`<is>`), phonetic runs left out.
    var inlineText: String?

    /// The cell's type attribute.
    var type: String? { tag.value("t") }

    /// The cell's text when it holds a string (shared or inline).
    func text(sharedStrings: [String]) -> String? {
        switch type {
        case "s": return value.flatMap { Int($0) }.flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil }
        case "inlineStr": return inlineText
        case "str" where formula == nil: return value
        default: return nil
        }
    }
}

/// A row of a sheet as read from its XML.
struct SourceRow {
    var tag: RawTag
    /// One-based row number.
    var number: Int
    var cells: [SourceCell] = []
    /// Whatever stood in the row after its last cell, as written.
    var trailing: [UInt8] = []
}

/// Splits the `<sheetData>` of a worksheet into rows and cells as the scanner hands over
/// tokens; everything outside rows goes to the caller untouched.
struct SheetRowParser {
    let part: String
    private var row: SourceRow?
    private var cell: SourceCell?
    private var cellBytes: [UInt8] = []
    private var cellDepth = 0
    private var previousRow = 0
    private var previousColumn = -1
    private var textTarget: TextTarget = .none
    private var text: [UInt8] = []
    private var phoneticDepth = 0
    private var between: [UInt8] = []
    private(set) var inSheetData = false

    private enum TextTarget { case none, value, formula, inline }

    init(part: String) { self.part = part }

    /// What a token meant.
    enum Event {
        /// Not part of a row: copy or inspect it.
        case passThrough
        /// A row was completed.
        case row(SourceRow)
        /// Consumed into the current row.
        case consumed
    }

    /// Takes the next token.
    mutating func take(_ token: XMLTokenScanner.Token) throws -> Event {
        if cell != nil { return try takeInCell(token) }
        if row != nil {
            switch token.kind {
            case .startTag, .emptyTag:
                let tag = RawTag(token.bytes)
                if tag.localName == "c" {
                    var column = previousColumn + 1
                    if let r = tag.value("r") {
                        if let ref = CellReference(r) {
                            column = ref.column
                        } else if Array(r.utf8).withUnsafeBytes({ CellReference.looksLikeA1($0) }) {
                            throw XLSXError.invalidContent(part: part, cell: r, message: "a cell outside Excel's grid")
                        }
                        // A value that is no A1 reference (`r="0"`) counts as none, as the reader
                        // has it: the cell takes the next column.
                    }
                    previousColumn = column
                    var c = SourceCell(tag: tag, column: column)
                    c.leading = between
                    between.removeAll()
                    if token.kind == .emptyTag {
                        row!.cells.append(c)
                    } else {
                        cell = c
                        cellBytes.removeAll(keepingCapacity: true)
                        cellDepth = 0
                        // A broken cell before (a <t> or <rPh> never closed) leaves nothing behind.
                        textTarget = .none
                        phoneticDepth = 0
                    }
                    return .consumed
                }
                between.append(contentsOf: token.bytes)
                return .consumed
            case .endTag:
                if RawTag.localName(ofEnd: token.bytes) == "row" {
                    var done = row!
                    done.trailing = between
                    between.removeAll()
                    row = nil
                    return .row(done)
                }
                between.append(contentsOf: token.bytes)
                return .consumed
            default:
                between.append(contentsOf: token.bytes)
                return .consumed
            }
        }
        switch token.kind {
        case .startTag, .emptyTag:
            let tag = RawTag(token.bytes)
            if tag.localName == "sheetData" { inSheetData = token.kind == .startTag; return .passThrough }
            if inSheetData, tag.localName == "row" {
                var number = previousRow + 1
                if let r = tag.value("r") {
                    guard let n = Int(r), n >= 1, n <= CellReference.maxRows else {
                        throw XLSXError.invalidContent(part: part, cell: nil, message: "row number \(r)")
                    }
                    number = n
                }
                previousRow = number
                previousColumn = -1
                let newRow = SourceRow(tag: tag, number: number)
                if token.kind == .emptyTag { return .row(newRow) }
                row = newRow
                return .consumed
            }
            return .passThrough
        case .endTag:
            if RawTag.localName(ofEnd: token.bytes) == "sheetData" { inSheetData = false }
            return .passThrough
        default:
            return .passThrough
        }
    }

    private mutating func takeInCell(_ token: XMLTokenScanner.Token) throws -> Event {
        switch token.kind {
        case .startTag, .emptyTag:
            cellBytes.append(contentsOf: token.bytes)
            let tag = RawTag(token.bytes)
            cellDepth += token.kind == .startTag ? 1 : 0
            switch tag.localName {
            case "v" where token.kind == .startTag: textTarget = .value; text.removeAll()
            case "v": cell!.value = ""
            case "f":
                cell!.formulaTag = tag
                if token.kind == .startTag { textTarget = .formula; text.removeAll() } else { cell!.formula = "" }
            case "is": cell!.inlineText = ""
            case "t" where phoneticDepth == 0 && cell!.inlineText != nil && token.kind == .startTag:
                textTarget = .inline; text.removeAll()
            case "rPh" where token.kind == .startTag: phoneticDepth += 1
            default: break
            }
        case .endTag:
            let name = RawTag.localName(ofEnd: token.bytes)
            if name == "c" && cellDepth == 0 {
                cell!.inner = ArraySlice(cellBytes)
                row!.cells.append(cell!)
                cell = nil
                return .consumed
            }
            cellBytes.append(contentsOf: token.bytes)
            cellDepth -= 1
            switch (name, textTarget) {
            case ("v", .value): cell!.value = XMLText.decode(text[...]); textTarget = .none
            case ("f", .formula): cell!.formula = XMLText.decode(text[...]); textTarget = .none
            case ("t", .inline): cell!.inlineText = (cell!.inlineText ?? "") + Escapes.decode(XMLText.decode(text[...])); textTarget = .none
            case ("rPh", _): phoneticDepth -= 1
            default: break
            }
        case .text:
            cellBytes.append(contentsOf: token.bytes)
            if textTarget != .none {
                if token.bytes.first == 0x3C {  // CDATA
                    text.append(contentsOf: XMLText.escaped(XMLText.decode(token.bytes)))
                } else {
                    text.append(contentsOf: token.bytes)
                }
            }
        case .other:
            cellBytes.append(contentsOf: token.bytes)
        }
        return .consumed
    }
}

extension RawTag {
    /// The local name of an end tag's bytes (`</x:row>` gives `row`).
    static func localName(ofEnd bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex + 2
        var end = bytes.endIndex - 1
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        if let colon = bytes[start..<end].lastIndex(of: 0x3A) { start = colon + 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// Reads a whole part through the scanner, chunk by chunk, handing each token to `body`.
/// A part in UTF-16 (it has a byte-order mark) is turned into UTF-8 first, its declaration
/// saying so; the rewritten part is UTF-8.
func scanPart(_ archive: ZipArchive, _ entry: ZipEntry, _ body: (XMLTokenScanner.Token) throws -> Void) throws {
    var scanner = XMLTokenScanner(part: entry.name)
    let stream = try archive.stream(entry, chunkSize: 256 * 1024)
    var first = true
    while let chunk = try stream.next() {
        if first, chunk.count >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
            var bytes = Array(chunk)
            while let more = try stream.next() { bytes.append(contentsOf: more) }
            let utf8 = utf16ToUTF8(bytes)
            utf8.withUnsafeBytes { scanner.feed($0) }
            break
        }
        first = false
        scanner.feed(chunk)
        while let token = try scanner.next() { try body(token) }
    }
    scanner.finish()
    while let token = try scanner.next() { try body(token) }
}

/// Decodes UTF-16 with a byte-order mark and re-encodes it as UTF-8, declaring UTF-8.
func utf16ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
    let little = bytes[0] == 0xFF
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 2
    while i + 1 < bytes.count {
        units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
        i += 2
    }
    var text = String(decoding: units, as: UTF16.self)
    if text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") {
        let declaration = String(text[...end])
        let fixed = declaration.replacingUTF16Encoding()
        text = fixed + text[text.index(after: end)...]
    }
    return Array(text.utf8)
}

extension String {
    /// The XML declaration with `encoding="UTF-16"` (any quotes or case) turned into UTF-8.
    func replacingUTF16Encoding() -> String {
        var result = ""
        var rest = Substring(self)
        while let i = rest.firstIndex(where: { $0 == "U" || $0 == "u" }) {
            let candidate = rest[i...].prefix(6)
            result += rest[..<i]
            if candidate.uppercased() == "UTF-16" {
                result += "UTF-8"
                rest = rest[rest.index(i, offsetBy: 6)...]
            } else {
                result.append(rest[i])
                rest = rest[rest.index(after: i)...]
            }
        }
        return result + rest
    }
}
