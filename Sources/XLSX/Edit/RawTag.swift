/// A start or empty tag taken apart into its name and attributes, keeping the raw bytes: an
/// unchanged tag is written back exactly as it was read; a changed one is rebuilt with its
/// other attributes copied as they were written.
struct RawTag {
    /// The qualified name as written (`x:row`, `c`).
    let name: String
    /// The name without its prefix.
    let localName: String
    /// True for `<c/>`.
    var isEmpty: Bool
    private(set) var attributes: [(name: String, raw: ArraySlice<UInt8>, quote: UInt8)]
    private let original: ArraySlice<UInt8>
    private var modified = false

    /// Parses the bytes of a tag from `<` to `>`.
    init(_ bytes: ArraySlice<UInt8>) {
        original = bytes
        var i = bytes.startIndex + 1
        let end = bytes.endIndex - 1
        isEmpty = end > i && bytes[end - 1] == 0x2F
        let limit = isEmpty ? end - 1 : end
        let nameStart = i
        while i < limit, !RawTag.isSpace(bytes[i]) { i += 1 }
        name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        localName = name.split(separator: ":").last.map(String.init) ?? name
        attributes = []
        while i < limit {
            while i < limit, RawTag.isSpace(bytes[i]) { i += 1 }
            guard i < limit else { break }
            let attrStart = i
            while i < limit, bytes[i] != 0x3D, !RawTag.isSpace(bytes[i]) { i += 1 }
            let attrName = String(decoding: bytes[attrStart..<i], as: UTF8.self)
            while i < limit, bytes[i] != 0x22, bytes[i] != 0x27 { i += 1 }
            guard i < limit else { break }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < limit, bytes[i] != quote { i += 1 }
            attributes.append((attrName, bytes[valueStart..<min(i, limit)], quote))
            i += 1
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func index(of attribute: String) -> Int? {
        attributes.firstIndex { $0.name == attribute }
    }

    /// The decoded value of the attribute with this qualified name.
    func value(_ attribute: String) -> String? {
        index(of: attribute).map { XMLText.decode(attributes[$0].raw) }
    }

    /// Sets (or adds, at the end) an attribute.
    mutating func set(_ attribute: String, _ value: String) {
        let raw = ArraySlice(XMLText.escaped(value))
        if let i = index(of: attribute) {
            if attributes[i].raw.elementsEqual(raw) { return }
            attributes[i] = (attribute, raw, 0x22)
        } else {
            attributes.append((attribute, raw, 0x22))
        }
        modified = true
    }

    /// Removes an attribute if present.
    mutating func remove(_ attribute: String) {
        if let i = index(of: attribute) {
            attributes.remove(at: i)
            modified = true
        }
    }

    /// Writes the tag: the original bytes when nothing changed.
    func write(into out: inout [UInt8]) {
        if !modified && isEmpty == (original[original.endIndex - 2] == 0x2F) {
            out.append(contentsOf: original)
            return
        }
        out.append(0x3C)
        out.append(contentsOf: name.utf8)
        for attribute in attributes {
            out.append(0x20)
            out.append(contentsOf: attribute.name.utf8)
            out.append(0x3D)
            out.append(attribute.quote)
            out.append(contentsOf: attribute.raw)
            out.append(attribute.quote)
        }
        if isEmpty { out.append(0x2F) }
        out.append(0x3E)
    }

    /// The tag as ``write(into:)`` writes it once `attribute` is set (added at the end when
    /// missing), cut where the attribute's value goes: `head` ends with its opening quote,
    /// `tail` starts with its closing one. A template row's copies splice their numbers in.
    func split(at attribute: String, valuePrefix: [UInt8] = []) -> (head: [UInt8], tail: [UInt8]) {
        var tag = self
        if let i = tag.index(of: attribute) { tag.attributes[i].quote = 0x22 } else { tag.attributes.append((attribute, [], 0x22)) }
        var head: [UInt8] = [0x3C], tail: [UInt8] = []
        head.append(contentsOf: name.utf8)
        var inTail = false
        for a in tag.attributes {
            var part: [UInt8] = [0x20]
            part.append(contentsOf: a.name.utf8)
            part.append(0x3D)
            part.append(a.quote)
            if !inTail && a.name == attribute {
                head.append(contentsOf: part)
                head.append(contentsOf: valuePrefix)
                tail.append(a.quote)
                inTail = true
                continue
            }
            part.append(contentsOf: a.raw)
            part.append(a.quote)
            if inTail { tail.append(contentsOf: part) } else { head.append(contentsOf: part) }
        }
        if tag.isEmpty { tail.append(0x2F) }
        tail.append(0x3E)
        return (head, tail)
    }

    /// Whether the tag has this attribute.
    func has(_ attribute: String) -> Bool { index(of: attribute) != nil }

    /// The name's prefix with its colon (`x:`), or empty.
    var prefix: String { name.count > localName.count ? String(name.dropLast(localName.count)) : "" }

    /// The closing tag for this element.
    var closingTag: [UInt8] {
        var bytes: [UInt8] = [0x3C, 0x2F]
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x3E)
        return bytes
    }
}
