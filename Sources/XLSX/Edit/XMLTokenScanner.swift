/// A lexical scanner over the bytes of an XML part that hands back each tag, text run, comment
/// or processing instruction as the exact bytes it was written with, so a rewriter can copy
/// what it does not change byte for byte. It does not decode entities or check nesting; a DTD
/// is refused, as in ``XMLPushParser``.
struct XMLTokenScanner {
    /// What a token is.
    enum Kind {
        case text, startTag, emptyTag, endTag, other
    }

    /// One token: its kind and its bytes.
    struct Token {
        var kind: Kind
        var bytes: ArraySlice<UInt8>
    }

    let part: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    init(part: String) { self.part = part }

    /// Appends the next chunk of the document.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// Marks the end of the document: the last text run becomes available.
    mutating func finish() { ended = true }

    /// The next complete token, or nil when more input is needed (or the document is done).
    mutating func next() throws -> Token? {
        let n = buffer.count
        guard position < n else { return nil }
        let start = position
        if buffer[start] != 0x3C {
            var i = start
            while i < n, buffer[i] != 0x3C { i += 1 }
            if i == n && !ended { return nil }
            position = i
            return Token(kind: .text, bytes: buffer[start..<i])
        }
        guard start + 1 < n else { return try incomplete() }
        let second = buffer[start + 1]
        if second == 0x21 {  // <!
            if matches("<!--", at: start) {
                return try until([0x2D, 0x2D, 0x3E], from: start + 4, kind: .other)
            }
            if matches("<![CDATA[", at: start) {
                return try until([0x5D, 0x5D, 0x3E], from: start + 9, kind: .text)
            }
            if start + 9 > n && !ended { return nil }
            throw XLSXError.forbiddenDTD(part: part)
        }
        if second == 0x3F {  // <?
            return try until([0x3F, 0x3E], from: start + 2, kind: .other)
        }
        var i = start + 1
        var quote: UInt8 = 0
        while i < n {
            let b = buffer[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                position = i + 1
                let kind: Kind = second == 0x2F ? .endTag : (buffer[i - 1] == 0x2F ? .emptyTag : .startTag)
                return Token(kind: kind, bytes: buffer[start..<position])
            } else if b == 0x3C {
                throw XLSXError.malformedXML(part: part, line: 0, column: 0, message: "'<' inside a tag at byte \(i)")
            }
            i += 1
        }
        return try incomplete()
    }

    private mutating func until(_ terminator: [UInt8], from: Int, kind: Kind) throws -> Token? {
        let n = buffer.count, m = terminator.count
        var i = from
        while i + m <= n {
            if buffer[i] == terminator[0] && buffer[i..<i + m].elementsEqual(terminator) {
                let start = position
                position = i + m
                return Token(kind: kind, bytes: buffer[start..<position])
            }
            i += 1
        }
        return try incomplete()
    }

    private func incomplete() throws -> Token? {
        if ended {
            throw XLSXError.malformedXML(part: part, line: 0, column: 0, message: "the document ends inside a tag")
        }
        return nil
    }

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= buffer.count else { return false }
        let p = text.utf8Start
        for k in 0..<count where buffer[index + k] != p[k] { return false }
        return true
    }
}

/// Entity decoding and escaping of XML text, for the values a rewriter reads and writes.
enum XMLText {
    /// Decodes the five predefined entities and character references; CDATA sections are
    /// unwrapped.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.starts(with: Array("<![CDATA[".utf8)) && bytes.count >= 12 {
            return String(decoding: bytes.dropFirst(9).dropLast(3), as: UTF8.self)
        }
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == 0x26, let semi = bytes[i...].prefix(12).firstIndex(of: 0x3B) else {
                out.append(b); i += 1; continue
            }
            let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = semi + 1
            } else {
                out.append(b); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text for an element's content or a double-quoted attribute value
    /// (``XMLEscaping/Mode/markup``).
    static func escape(_ text: String, into out: inout [UInt8]) { XMLEscaping.escape(text, .markup, into: &out) }

    /// Escapes the text of a string cell as ``XMLWriter`` does (``XMLEscaping/Mode/cellText``),
    /// so that what it holds reads back as it was.
    static func escapeCellText(_ text: String, into out: inout [UInt8]) { XMLEscaping.escape(text, .cellText, into: &out) }

    /// The escaped bytes of `text`.
    static func escaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        escape(text, into: &out)
        return out
    }
}
