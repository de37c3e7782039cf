/// The few facts of a workbook package a fill needs: where the sheets are, their names, the
/// shared strings, which styles show dates, and each part's relationships.
struct TemplatePackage {
    /// A relationship of a part.
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    /// A worksheet: its name and part.
    struct Sheet {
        var name: String
        var part: String
    }

    let archive: ZipArchive
    var workbookPart = "xl/workbook.xml"
    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    var dateStyles: Set<Int> = []
    var dateSystem: DateSystem = .date1900
    var calcChainPart: String?

    init(archive: ZipArchive) throws {
        self.archive = archive
        let root = try relationships(of: "")
        if let office = root.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            workbookPart = TemplatePackage.resolve(office.target, from: "")
        }
        guard let workbookEntry = archive.entry(named: workbookPart) else { throw XLSXError.missingPart(part: workbookPart) }
        let workbook = WorkbookHandler()
        try XMLPushParser.parse(try archive.contents(of: workbookEntry), part: workbookPart, handler: workbook)
        dateSystem = workbook.date1904 ? .date1904 : .date1900
        let rels = try relationships(of: workbookPart)
        for (name, id) in workbook.sheets {
            guard let rel = rels.first(where: { $0.id == id }), rel.type.hasSuffix("/worksheet") else { continue }
            sheets.append(Sheet(name: name, part: TemplatePackage.resolve(rel.target, from: workbookPart)))
        }
        if let rel = rels.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            let part = TemplatePackage.resolve(rel.target, from: workbookPart)
            if let entry = archive.entry(named: part) {
                let handler = SharedStringsHandler()
                try XMLPushParser.parse(try archive.stream(entry), part: part, handler: handler)
                sharedStrings = handler.strings
            }
        }
        if let rel = rels.first(where: { $0.type.hasSuffix("/styles") }) {
            let part = TemplatePackage.resolve(rel.target, from: workbookPart)
            if let entry = archive.entry(named: part) {
                let handler = StylesHandler()
                try XMLPushParser.parse(try archive.contents(of: entry), part: part, handler: handler)
                for (index, id) in handler.cellFormats.enumerated() {
                    let format = handler.customFormats[id] ?? NumberFormat.builtIn(id)
                    if let format, format.isDateLike { dateStyles.insert(index) }
                }
            }
        }
        if let rel = rels.first(where: { $0.type.hasSuffix("/calcChain") }) {
            calcChainPart = TemplatePackage.resolve(rel.target, from: workbookPart)
        }
    }

    /// The part holding the relationships of `part`.
    static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// The relationships of a part (none when it has no relationships part).
    func relationships(of part: String) throws -> [Relationship] {
        let relsPart = part.isEmpty ? "_rels/.rels" : TemplatePackage.relationshipsPart(of: part)
        guard let entry = archive.entry(named: relsPart) else { return [] }
        let handler = RelationshipsHandler()
        try XMLPushParser.parse(try archive.contents(of: entry), part: relsPart, handler: handler)
        return handler.relationships
    }

    /// The parts `part` points to with a relationship type ending in `typeSuffix`.
    func targets(of part: String, typeSuffix: String) throws -> [String] {
        try relationships(of: part).filter { !$0.external && $0.type.hasSuffix(typeSuffix) }
            .map { TemplatePackage.resolve($0.target, from: part) }
    }

    /// Resolves a relationship target against the folder of its source part.
    static func resolve(_ target: String, from source: String) -> String {
        var parts: [Substring]
        if target.hasPrefix("/") {
            parts = []
        } else {
            parts = source.split(separator: "/")
            if !parts.isEmpty { parts.removeLast() }
        }
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }
}

private final class RelationshipsHandler: XMLContentHandler {
    var relationships: [TemplatePackage.Relationship] = []
    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        guard name.is("Relationship") else { return }
        relationships.append(.init(
            id: attributes.string("Id") ?? "", type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "", external: attributes.string("TargetMode") == "External"))
    }
    func endElement(_ name: XMLName) {}
    func characters(_ bytes: UnsafeRawBufferPointer) {}
}

private final class WorkbookHandler: XMLContentHandler {
    var sheets: [(String, String)] = []
    var date1904 = false
    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if name.is("sheet") {
            sheets.append((attributes.string("name") ?? "", attributes.string("id") ?? ""))
        } else if name.is("workbookPr") {
            let value = attributes.string("date1904")
            date1904 = value == "1" || value == "true"
        }
    }
    func endElement(_ name: XMLName) {}
    func characters(_ bytes: UnsafeRawBufferPointer) {}
}

private final class SharedStringsHandler: XMLContentHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inText = false
    private var phonetic = 0
    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if name.is("si") { current.removeAll() } else if name.is("rPh") { phonetic += 1 } else if name.is("t") { inText = phonetic == 0 }
    }
    func endElement(_ name: XMLName) {
        if name.is("si") { strings.append(Escapes.decode(String(decoding: current, as: UTF8.self))) } else if name.is("rPh") { phonetic -= 1 } else if name.is("t") { inText = false }
    }
    func characters(_ bytes: UnsafeRawBufferPointer) {
        if inText { current.append(contentsOf: bytes) }
    }
}

private final class StylesHandler: XMLContentHandler {
    var customFormats: [Int: NumberFormat] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false
    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init) {
            customFormats[id] = NumberFormat(attributes.string("formatCode") ?? "General")
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs, name.is("xf") {
            cellFormats.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
        }
    }
    func endElement(_ name: XMLName) { if name.is("cellXfs") { inCellXfs = false } }
    func characters(_ bytes: UnsafeRawBufferPointer) {}
}
