/// One relationship of a part's `.rels`: its id, type, and the part it points to.
struct Relationship: Sendable, Hashable {
    /// The `Id`, referenced as `r:id` from the source part.
    var id: String
    /// The type URI (transitional or Strict).
    var type: String
    /// The target resolved to a part name inside the package (no leading `/`), or the URI of an external target.
    var target: String
    /// True for `TargetMode="External"` (a hyperlink to a web page, say).
    var isExternal: Bool

    /// True when the type URI ends with `/name` (so transitional and Strict types match alike).
    func isType(_ name: String) -> Bool { type.hasSuffix("/" + name) }
}

/// Parses `_rels/*.rels` parts and resolves relative and absolute targets.
enum RelationshipsReader {
    /// The `.rels` part name of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relsName(of part: String) -> String {
        if let slash = part.lastIndex(of: "/") {
            return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
        }
        return "_rels/\(part).rels"
    }

    /// The relationships of `part` (`""` for the package's own), empty when there is no `.rels` part.
    static func read(_ archive: ZipArchive, of part: String) throws -> [Relationship] {
        let name = part.isEmpty ? "_rels/.rels" : relsName(of: part)
        guard let entry = archive.entry(named: name) else { return [] }
        let handler = Handler(source: part)
        try XMLPart.parse(archive, entry: entry, handler: handler)
        return handler.relationships
    }

    /// Resolves `target` against the folder of `source`: `worksheets/sheet1.xml` from
    /// `xl/workbook.xml` is `xl/worksheets/sheet1.xml`; `/xl/x.xml` is absolute; `..` climbs.
    static func resolve(_ target: String, from source: String) -> String {
        var t = target.replacingBackslashes()
        if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
        var components: [Substring]
        if t.hasPrefix("/") {
            components = []
        } else {
            components = source.split(separator: "/", omittingEmptySubsequences: true)
            if !components.isEmpty { components.removeLast() }
        }
        for piece in t.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." { if !components.isEmpty { components.removeLast() }; continue }
            components.append(piece)
        }
        return components.joined(separator: "/").removingPercentEncoding()
    }

    private final class Handler: XMLContentHandler {
        let source: String
        var relationships: [Relationship] = []
        init(source: String) { self.source = source }

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            guard name.is("Relationship") else { return }
            let id = attributes.string("Id") ?? ""
            let type = attributes.string("Type") ?? ""
            let target = attributes.string("Target") ?? ""
            let external = (attributes.string("TargetMode") ?? "").lowercased() == "external"
            relationships.append(Relationship(
                id: id, type: type,
                target: external ? target : RelationshipsReader.resolve(target, from: source),
                isExternal: external))
        }
        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }
}

extension String {
    /// Decodes `%20` and friends in a part name; leaves malformed escapes as they are.
    func removingPercentEncoding() -> String {
        guard utf8.contains(0x25) else { return self }
        var out: [UInt8] = []
        let bytes = Array(utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

@inline(__always)
func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x41...0x46: return b - 0x41 + 10
    case 0x61...0x66: return b - 0x61 + 10
    default: return nil
    }
}
