/// The two parts that make notes show in Excel: the comments part (author and text) and the
/// legacy VML drawing (the yellow box each note pops up in), as Excel itself writes them.
enum NotesXML {
    /// Writes `xl/comments{n}.xml`.
    static func comments(_ notes: [(CellReference, Note)], to xml: XMLWriter) {
        var authors: [String] = []
        var authorIndex: [String: Int] = [:]
        for (_, note) in notes where authorIndex[note.author] == nil {
            authorIndex[note.author] = authors.count
            authors.append(note.author)
        }
        xml.raw(PartXML.declaration)
        xml.raw("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors>")
        for a in authors {
            xml.raw("<author>")
            xml.text(a)
            xml.raw("</author>")
        }
        xml.raw("</authors><commentList>")
        for (cell, note) in notes.sorted(by: { $0.0 < $1.0 }) {
            comment(cell, note, authorID: authorIndex[note.author] ?? 0, to: xml)
        }
        xml.raw("</commentList></comments>")
    }

    /// Writes one `<comment>` of a comments part.
    static func comment(_ cell: CellReference, _ note: Note, authorID: Int, to xml: XMLWriter) {
        xml.raw("<comment")
        xml.attribute("ref", cell.description)
        xml.attribute("authorId", authorID)
        xml.raw("><text>")
        run(note.text, to: xml)
        xml.raw("</text></comment>")
    }

    /// Writes one run of a note's text, in the font Excel gives notes.
    static func run(_ text: String, to xml: XMLWriter) {
        xml.raw("<r><rPr><sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>")
        xml.raw(needsPreserve(text) ? "<t xml:space=\"preserve\">" : "<t>")
        xml.text(text)
        xml.raw("</t></r>")
    }

    private static func needsPreserve(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { SharedStringTable.needsPreserve(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `xl/drawings/vmlDrawing{n}.vml`; shape ids start at 1024 × `number` + 1.
    static func vml(_ notes: [(CellReference, Note)], number: Int, to xml: XMLWriter) {
        xml.raw("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\"\n xmlns:o=\"urn:schemas-microsoft-com:office:office\"\n xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n")
        xml.raw(" <o:shapelayout v:ext=\"edit\">\n  <o:idmap v:ext=\"edit\" data=\"")
        xml.int(number)
        xml.raw("\"/>\n </o:shapelayout>")
        xml.raw(shapeType)
        for (k, (cell, note)) in notes.sorted(by: { $0.0 < $1.0 }).enumerated() {
            shape(cell, note, id: 1024 * number + k + 1, z: k + 1, to: xml)
        }
        xml.raw("</xml>")
    }

    /// The shape type every note box uses (`_x0000_t202`).
    static let shapeType: StaticString = "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\"\n  path=\"m,l,21600r21600,l21600,xe\">\n  <v:stroke joinstyle=\"miter\"/>\n  <v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/>\n </v:shapetype>"

    /// Writes the box of one note: shape `_x0000_s{id}`, stacked at `z`.
    static func shape(_ cell: CellReference, _ note: Note, id: Int, z: Int, to xml: XMLWriter) {
        // Anchored one column right of the cell and a row above it, 2 columns × 4 rows.
        let col = cell.column + 1, row = max(0, cell.row - 1)
        let left = 48.0 * Double(col) + 11.25, top = cell.row == 0 ? 1.5 : 15.0 * Double(row) + 7.5
        xml.raw("<v:shape id=\"_x0000_s")
        xml.int(id)
        xml.raw("\" type=\"#_x0000_t202\" style='position:absolute;\n  margin-left:")
        xml.double(left)
        xml.raw("pt;margin-top:")
        xml.double(top)
        xml.raw("pt;width:96pt;height:55.5pt;z-index:")
        xml.int(z)
        xml.raw(";\n  visibility:")
        xml.raw(note.visible ? "visible" : "hidden")
        xml.raw("' fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\n  <v:fill color2=\"#ffffe1\"/>\n  <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>\n  <v:path o:connecttype=\"none\"/>\n  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n  </v:textbox>\n  <x:ClientData ObjectType=\"Note\">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    ")
        xml.rawString("\(col), 15, \(row), 10, \(col + 2), 15, \(row + 4), 4")
        xml.raw("</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>")
        xml.int(cell.row)
        xml.raw("</x:Row>\n   <x:Column>")
        xml.int(cell.column)
        xml.raw("</x:Column>\n")
        if note.visible { xml.raw("   <x:Visible/>\n") }
        xml.raw("  </x:ClientData>\n </v:shape>")
    }
}
