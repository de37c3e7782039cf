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
