/// Notes follow their cells: the comments part (`<comment ref>`) and its legacy VML drawing
/// (each note's `<x:Row>` and `<x:Anchor>`) are rewritten so that a note is written once per
/// output row of its cell — once when the row moves, once per copy inside a repeated block,
/// not at all when the row disappears.
struct NotesRewriter {
    /// The one-based output rows of a one-based source row, in order.
    let outputRows: (Int) throws -> [Int]

    /// One token of an element held back until it is complete.
    private struct Held {
        var kind: XMLTokenScanner.Kind
        var bytes: [UInt8]
    }

    /// Rewrites `xl/commentsN.xml`: each `<comment>` element once per output row of its cell.
    func rewriteComments(_ archive: ZipArchive, _ entry: ZipEntry) throws -> [UInt8] {
        var out: [UInt8] = []
        var held: [Held]?
        try scanPart(archive, entry) { token in
            if held != nil {
                held!.append(Held(kind: token.kind, bytes: Array(token.bytes)))
                if token.kind == .endTag, RawTag.localName(ofEnd: token.bytes) == "comment" {
                    try writeComment(held!, into: &out)
                    held = nil
                }
                return
            }
            if token.kind == .startTag || token.kind == .emptyTag, RawTag(token.bytes).localName == "comment" {
                let element = [Held(kind: token.kind, bytes: Array(token.bytes))]
                if token.kind == .emptyTag { try writeComment(element, into: &out) } else { held = element }
                return
            }
            out.append(contentsOf: token.bytes)
        }
        if let held { for token in held { out.append(contentsOf: token.bytes) } }
        return out
    }

    private func writeComment(_ element: [Held], into out: inout [UInt8]) throws {
        var tag = RawTag(element[0].bytes[...])
        guard let ref = tag.value("ref"), let cell = CellReference(ref) else {
            for token in element { out.append(contentsOf: token.bytes) }
            return
        }
        for row in try outputRows(cell.row + 1) {
            if row == cell.row + 1 {
                out.append(contentsOf: element[0].bytes)
            } else {
                tag.set("ref", CellReference.columnName(cell.column) + String(row))
                tag.write(into: &out)
            }
            for token in element.dropFirst() { out.append(contentsOf: token.bytes) }
        }
    }

    /// Rewrites the notes' VML drawing: each note shape (one with an `<x:Row>`) once per output
    /// row of its cell, its row and anchor rows moved; copies get new shape ids.
    func rewriteVML(_ archive: ZipArchive, _ entry: ZipEntry) throws -> [UInt8] {
        var tokens: [Held] = []
        try scanPart(archive, entry) { tokens.append(Held(kind: $0.kind, bytes: Array($0.bytes))) }
        var ids = ShapeIDs(tokens.compactMap { token in
            token.kind == .startTag || token.kind == .emptyTag ? RawTag(token.bytes[...]).value("id") : nil
        })
        var out: [UInt8] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.kind == .startTag, RawTag(token.bytes[...]).localName == "shape",
                  let end = tokens[i...].firstIndex(where: { $0.kind == .endTag && RawTag.localName(ofEnd: $0.bytes[...]) == "shape" })
            else {
                out.append(contentsOf: token.bytes)
                i += 1
                continue
            }
            try writeShape(Array(tokens[i...end]), ids: &ids, into: &out)
            i = end + 1
        }
        return out
    }

    private func writeShape(_ shape: [Held], ids: inout ShapeIDs, into out: inout [UInt8]) throws {
        // Where the row and the anchor are: the text tokens inside `Row` and `Anchor`.
        var rowIndex: Int?, anchorIndex: Int?
        var open: String?
        for (k, token) in shape.enumerated() {
            switch token.kind {
            case .startTag: open = RawTag(token.bytes[...]).localName
            case .text where open == "Row": rowIndex = k
            case .text where open == "Anchor": anchorIndex = k
            default: open = nil
            }
        }
        guard let rowIndex, let row = Int(Substring(XMLText.decode(shape[rowIndex].bytes[...])).trimmingSpaces()) else {
            for token in shape { out.append(contentsOf: token.bytes) }
            return
        }
        for (copy, target) in try outputRows(row + 1).enumerated() {
            let delta = target - (row + 1)
            for (k, token) in shape.enumerated() {
                if k == 0, copy > 0 {
                    var tag = RawTag(token.bytes[...])
                    if tag.has("id") { tag.set("id", ids.next()) }
                    tag.write(into: &out)
                } else if k == rowIndex, delta != 0 {
                    appendDecimal(target - 1, into: &out)
                } else if k == anchorIndex, delta != 0 {
                    out.append(contentsOf: Self.movedAnchor(XMLText.decode(token.bytes[...]), by: delta).utf8)
                } else {
                    out.append(contentsOf: token.bytes)
                }
            }
        }
    }

    /// `LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow,
    /// BottomOffset` with both rows moved by `delta` (kept at zero or more).
    static func movedAnchor(_ anchor: String, by delta: Int) -> String {
        var fields = anchor.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        guard fields.count == 8 else { return anchor }
        for k in [2, 6] {
            let field = fields[k]
            guard let value = Int(Substring(field).trimmingSpaces()) else { return anchor }
            let leading = field.prefix { $0 == " " }
            fields[k] = leading + String(max(0, value + delta))
        }
        return fields.joined(separator: ",")
    }

    /// New shape ids for copies: Excel's `_x0000_sNNNN` numbering continued past the highest one
    /// in the part, or the copied id with a suffix.
    private struct ShapeIDs {
        var nextNumber: Int
        init(_ existing: [String]) {
            nextNumber = (existing.compactMap { $0.hasPrefix("_x0000_s") ? Int($0.dropFirst(8)) : nil }.max() ?? 1024) + 1
        }
        mutating func next() -> String {
            defer { nextNumber += 1 }
            return "_x0000_s" + String(nextNumber)
        }
    }
}
