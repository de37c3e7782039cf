/// Adds notes to a sheet that may have some already: the comments part gets the new authors
/// and comments, and a cell that already has a note gets the new text appended to it; the
/// legacy drawing gets a box for each new note. What was there is kept as written.
enum NotesPartEditor {
    /// What an existing comments part holds.
    struct Survey {
        var authors: [String] = []
        var cells: Set<CellReference> = []
    }

    private static func tokens(_ bytes: [UInt8], part: String, _ body: (XMLTokenScanner.Token) throws -> Void) throws {
        var scanner = XMLTokenScanner(part: part)
        bytes.withUnsafeBytes { scanner.feed($0) }
        scanner.finish()
        while let token = try scanner.next() { try body(token) }
    }

    /// The authors and the cells with notes of a comments part.
    static func survey(_ bytes: [UInt8], part: String) throws -> Survey {
        var survey = Survey()
        var inAuthor = false
        var text: [UInt8] = []
        try tokens(bytes, part: part) { token in
            switch token.kind {
            case .startTag, .emptyTag:
                let tag = RawTag(token.bytes)
                if tag.localName == "author" {
                    if token.kind == .emptyTag { survey.authors.append("") } else { inAuthor = true; text = [] }
                } else if tag.localName == "comment", let ref = tag.value("ref").flatMap({ CellReference($0) }) {
                    survey.cells.insert(ref)
                }
            case .endTag:
                if inAuthor, RawTag.localName(ofEnd: token.bytes) == "author" {
                    survey.authors.append(XMLText.decode(text[...]))
                    inAuthor = false
                }
            case .text:
                if inAuthor { text.append(contentsOf: token.bytes) }
            case .other: break
            }
        }
        return survey
    }

    /// The comments part with `notes` merged in: new authors at the end of `<authors>`, a new
    /// run at the end of the text of a cell that has a note, new comments at the end of
    /// `<commentList>`.
    static func mergeComments(_ bytes: [UInt8], part: String, survey: Survey, notes: [CellReference: Note]) throws -> [UInt8] {
        var authors = survey.authors
        var newAuthors: [String] = []
        for note in notes.values.sorted(by: { $0.author < $1.author }) where !authors.contains(note.author) {
            authors.append(note.author)
            newAuthors.append(note.author)
        }
        var ns = ""
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 512 * notes.count)
        var stack: [String] = []
        var pending: Note?
        var wrapping: String?
        let xml = XMLWriter()
        func flushXML() {
            out.append(contentsOf: xml.array)
            xml.removeAll()
        }
        func writeAuthors() {
            for a in newAuthors {
                xml.rawString("<author\(ns)>")
                xml.text(a)
                xml.raw("</author>")
            }
            flushXML()
        }
        func writeNewComments() {
            for (cell, note) in notes.sorted(by: { $0.key < $1.key }) where !survey.cells.contains(cell) {
                if ns.isEmpty {
                    NotesXML.comment(cell, note, authorID: authors.firstIndex(of: note.author) ?? 0, to: xml)
                } else {
                    // The part's elements carry a prefix: ours declare the namespace instead.
                    let inner = XMLWriter()
                    NotesXML.comment(cell, note, authorID: authors.firstIndex(of: note.author) ?? 0, to: inner)
                    xml.raw(Array("<comment\(ns)".utf8) + Array(inner.array.dropFirst(8)))
                }
            }
            flushXML()
        }
        func writeRun() {
            guard let note = pending else { return }
            pending = nil
            let run = XMLWriter()
            NotesXML.run("\n" + note.text, to: run)
            // In a part whose elements carry a prefix, ours declare the namespace instead.
            xml.raw(ns.isEmpty ? run.array : Array("<r\(ns)".utf8) + Array(run.array.dropFirst(2)))
            flushXML()
        }
        try tokens(bytes, part: part) { token in
            switch token.kind {
            case .startTag, .emptyTag:
                var tag = RawTag(token.bytes)
                if stack.isEmpty, !tag.prefix.isEmpty { ns = " xmlns=\"\(PartXML.main)\"" }
                let parent = stack.last
                switch tag.localName {
                case "authors" where token.kind == .emptyTag, "commentList" where token.kind == .emptyTag:
                    // An empty list opened to hold ours.
                    tag.isEmpty = false
                    tag.write(into: &out)
                    if tag.localName == "authors" { writeAuthors() } else { writeNewComments() }
                    out.append(contentsOf: tag.closingTag)
                    return
                case "comment":
                    pending = tag.value("ref").flatMap { CellReference($0) }.flatMap { notes[$0] }
                case "t" where parent == "text" && pending != nil:
                    // A plain text becomes a run, so that ours can follow it.
                    out.append(contentsOf: Array("<\(tag.prefix)r>".utf8))
                    if token.kind == .emptyTag {
                        out.append(contentsOf: token.bytes)
                        out.append(contentsOf: Array("</\(tag.prefix)r>".utf8))
                        return
                    }
                    wrapping = tag.prefix
                case "rPh" where parent == "text", "phoneticPr" where parent == "text":
                    writeRun()
                default: break
                }
                out.append(contentsOf: token.bytes)
                if token.kind == .startTag { stack.append(tag.localName) }
            case .endTag:
                let name = stack.popLast()
                switch name {
                case "authors": writeAuthors()
                case "commentList": writeNewComments()
                case "text": writeRun()
                case "comment": pending = nil
                default: break
                }
                out.append(contentsOf: token.bytes)
                if name == "t", let prefix = wrapping, stack.last == "text" {
                    wrapping = nil
                    out.append(contentsOf: Array("</\(prefix)r>".utf8))
                }
            default:
                out.append(contentsOf: token.bytes)
            }
        }
        return out
    }

    /// The legacy drawing with a box for each of `notes` added before its end; shape ids go on
    /// from the largest the drawing uses.
    static func mergeVML(_ bytes: [UInt8], part: String, notes: [(CellReference, Note)]) throws -> [UInt8] {
        guard let end = lastIndex(of: Array("</xml>".utf8), in: bytes) else {
            throw XLSXError.invalidContent(part: part, cell: nil, message: "the drawing has no </xml>")
        }
        var largest = 0
        var block = 1
        let marker = Array("_x0000_s".utf8)
        var i = 0
        while let found = index(of: marker, in: bytes, from: i) {
            var j = found + marker.count
            var value = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, value < 1 << 40 { value = value * 10 + Int(bytes[j] - 0x30); j += 1 }
            largest = max(largest, value)
            i = j
        }
        if let first = idBlocks(bytes).first, first > 0 { block = first }
        var shapes = 0
        let shapeMarker = Array("<v:shape ".utf8)
        i = 0
        while let found = index(of: shapeMarker, in: bytes, from: i) { shapes += 1; i = found + 1 }
        let xml = XMLWriter()
        if index(of: Array("_x0000_t202".utf8), in: bytes, from: 0) == nil { xml.raw(NotesXML.shapeType) }
        var id = max(largest, 1024 * block)
        for (k, (cell, note)) in notes.sorted(by: { $0.0 < $1.0 }).enumerated() {
            id += 1
            NotesXML.shape(cell, note, id: id, z: shapes + k + 1, to: xml)
        }
        return Array(bytes[..<end]) + xml.array + Array(bytes[end...])
    }

    /// The idmap blocks a legacy drawing claims (`<o:idmap data="1,3">`).
    static func idBlocks(_ bytes: [UInt8]) -> [Int] {
        guard let data = index(of: Array("data=\"".utf8), in: bytes, from: 0) else { return [] }
        var j = data + 6
        var blocks: [Int] = []
        var value = 0, digits = 0
        while j < bytes.count, bytes[j] != 0x22 {
            let b = bytes[j]
            if b >= 0x30 && b <= 0x39 {
                if digits < 9 { value = value * 10 + Int(b - 0x30) }
                digits += 1
            } else if digits > 0 {
                blocks.append(value); value = 0; digits = 0
            }
            j += 1
        }
        if digits > 0 { blocks.append(value) }
        return blocks
    }

    private static func index(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var i = start
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
