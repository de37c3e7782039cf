/// Reads a comments part (`xl/commentsN.xml`): the notes of one sheet.
enum CommentsReader {
    /// The notes in file order, with their cells.
    static func read(_ archive: ZipArchive, entry: ZipEntry) throws -> [(CellReference, Note)] {
        let handler = Handler()
        try XMLPart.parse(archive, entry: entry, handler: handler)
        return handler.notes
    }

    private final class Handler: XMLContentHandler {
        var authors: [String] = []
        var notes: [(CellReference, Note)] = []
        private let text = ByteAccumulator()
        private var inAuthor = false
        private var inText = false
        private var phonetic = 0
        private var pending: (CellReference, Int?)?

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("author") {
                inAuthor = true
                text.reset()
            } else if name.is("comment") {
                text.reset()
                pending = attributes.string("ref").flatMap { ref in
                    CellReference(String(ref.split(separator: ":").first ?? "")).map { ($0, XMLPart.int(attributes.bytes("authorId"))) }
                }
            } else if name.is("rPh") {
                phonetic += 1
            } else if name.is("t"), pending != nil, phonetic == 0 {
                inText = true
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("author") {
                authors.append(text.string)
                inAuthor = false
            } else if name.is("t") {
                inText = false
            } else if name.is("rPh") {
                phonetic -= 1
            } else if name.is("comment") {
                if let (ref, authorID) = pending {
                    let author = authorID.flatMap { authors.indices.contains($0) ? authors[$0] : nil }
                    notes.append((ref, Note(Escapes.decode(text.string), author: author ?? "")))
                }
                pending = nil
            }
        }

        func characters(_ bytes: UnsafeRawBufferPointer) {
            if inAuthor || inText { text.append(bytes) }
        }
    }
}

/// Reads which notes show all the time from a sheet's legacy VML drawing: each note's box is a
/// shape whose `<x:ClientData ObjectType="Note">` names its zero-based `<x:Row>` and
/// `<x:Column>`, with `<x:Visible/>` when it always shows. VML is not always well-formed XML
/// (Excel writes bare `<br>` in some boxes), so this scans the bytes instead of parsing them.
enum NoteBoxesReader {
    static func visibleCells(_ bytes: [UInt8]) -> Set<CellReference> {
        var result: Set<CellReference> = []
        var at = 0
        while let start = find(Array("ClientData".utf8), in: bytes, from: at) {
            guard let tagEnd = find([0x3E], in: bytes, from: start) else { break }
            let close = find(Array("ClientData>".utf8), in: bytes, from: tagEnd) ?? bytes.count
            at = min(bytes.count, close + 1)
            let tag = bytes[start..<tagEnd]
            guard find(Array("ObjectType=\"Note\"".utf8), in: Array(tag), from: 0) != nil else { continue }
            let body = Array(bytes[tagEnd..<close])
            guard find(Array("Visible".utf8), in: body, from: 0) != nil,
                  let row = number(after: "Row>", in: body), let column = number(after: "Column>", in: body),
                  let cell = CellReference(row: row, column: column) else { continue }
            result.insert(cell)
        }
        return result
    }

    /// The decimal number right after `label` in `bytes`.
    private static func number(after label: String, in bytes: [UInt8]) -> Int? {
        guard let i = find(Array(label.utf8), in: bytes, from: 0) else { return nil }
        var j = i + label.utf8.count, value = 0, digits = 0
        while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x09 { j += 1 }
        while j < bytes.count, (0x30...0x39).contains(bytes[j]), digits < 8 {
            value = value * 10 + Int(bytes[j] - 0x30)
            digits += 1
            j += 1
        }
        return digits > 0 ? value : nil
    }

    /// The index where `pattern` first occurs in `bytes` at or after `from`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        var i = from
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0] {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
