/// Namespaces, content types and relationship types of the parts the writer produces.
enum PartXML {
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Content types of the parts written.
    enum ContentType {
        static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
        static let sharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        static let comments = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
        static let vml = "application/vnd.openxmlformats-officedocument.vmlDrawing"
        static let core = "application/vnd.openxmlformats-package.core-properties+xml"
        static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let drawing = "application/vnd.openxmlformats-officedocument.drawing+xml"
        static let chart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        static let table = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
    }

    /// Relationship types.
    enum Relation {
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        static let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        static let sharedStrings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
        static let comments = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
        static let vmlDrawing = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
        static let hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
        static let drawing = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
        static let chart = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
        static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
        static let table = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"
    }
}

/// One relationship of a part's `.rels`.
struct PartRelationship {
    var id: String
    var type: String
    var target: String
    var external: Bool = false
}

extension XMLWriter {
    /// Writes a whole `.rels` part.
    func relationships(_ list: [PartRelationship]) {
        raw(PartXML.declaration)
        raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for r in list {
            raw("<Relationship")
            attribute("Id", r.id)
            attribute("Type", r.type)
            attribute("Target", r.target)
            if r.external { raw(" TargetMode=\"External\"") }
            raw("/>")
        }
        raw("</Relationships>")
    }

    /// Writes a colour element such as `<color rgb="FFFF0000"/>` (`name` is the element name).
    func color(_ name: StaticString, _ color: Color) {
        byte(0x3C)
        raw(name)
        switch color {
        case .rgb(let argb): attribute("rgb", argb)
        case .indexed(let i): attribute("indexed", i)
        case .theme(let t, let tint):
            attribute("theme", t)
            if tint != 0 { attribute("tint", number: tint) }
        }
        raw("/>")
    }
}
