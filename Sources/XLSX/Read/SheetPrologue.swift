/// Where the content of `<sheetData>` starts in a worksheet part, found in its first bytes
/// without a parser: the part must be UTF-8 XML 1.0 with no DOCTYPE or CDATA before it, and
/// `<sheetData>` a child of the root with no namespace declaration of its own. The bytes
/// before are parsed by libxml2 anyway, which judges them; this only decides whether the
/// scanner can take over after them, and with which attribute prefixes in scope.
///
/// The search goes on as the bytes arrive: each ``find(_:_:)`` starts at the first unit (tag,
/// comment, processing instruction) it has not read, and looks for the end of a unit the bytes
/// cut only in the bytes that arrived since, so a part cut into small chunks is searched in time
/// linear in its length.
struct SheetPrologue {
    enum Result: Equatable {
        /// The content starts at `start`; `prefixes` are the ones the root declares.
        case found(start: Int, prefixes: [[UInt8]])
        /// The bytes end before `<sheetData>` does.
        case needMore
        /// A part the scanner does not take.
        case unsuitable
    }

    /// Where the first unit not yet read starts.
    private var next = 0
    /// Whether the byte order mark and the XML declaration are read.
    private var declared = false
    private var depth = 0
    private var prefixes: [[UInt8]] = []
    /// How far the end of the unit at ``next`` has been searched for, and the quote open there.
    private var searched = 0
    private var quote: UInt8 = 0
    /// The bytes examined so far (tests check it stays linear in the part's length).
    private(set) var examined = 0

    /// Looks for `<sheetData>` in `p[0..<n]`, the bytes of the last call and those after them.
    mutating func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Result {
        var i = next
        if !declared {
            i = 0
            if n >= 1, p[0] == 0xEF {
                guard n >= 3 else { return .needMore }
                guard p[1] == 0xBB, p[2] == 0xBF else { return .unsuitable }
                i = 3
            }
            if n - i < 6 { return .needMore }
            if starts(p, i, n, "<?xml"), XMLBytes.isSpace(p[i + 5]) {
                guard let end = unitEnd(p, i + 5, n, "?>") else { return .needMore }
                guard declarationIsPlain(p, i + 5, end) else { return .unsuitable }
                i = end + 2
            }
            declared = true
        }
        while true {
            let text = i
            while i < n, p[i] != 0x3C { i += 1 }
            examined += i - text
            if i != next {
                next = i
                searched = i
                quote = 0
            }
            guard i + 1 < n else { return .needMore }
            if starts(p, i, n, "<!--") {
                guard let end = unitEnd(p, i + 4, n, "-->") else { return .needMore }
                i = end + 3
                continue
            }
            if n - i < 4 { return .needMore }
            switch p[i + 1] {
            case 0x3F:  // a processing instruction
                guard let end = unitEnd(p, i + 2, n, "?>") else { return .needMore }
                i = end + 2
            case 0x21:  // DOCTYPE, CDATA
                return .unsuitable
            case 0x2F:
                guard let end = unitEnd(p, i, n, ">") else { return .needMore }
                depth -= 1
                i = end + 1
            default:
                guard let close = tagEnd(p, i, n) else { return .needMore }
                // Read once whole; a tag that does not end where its `>` is is not one to reason about.
                examined += close + 1 - i
                guard let tag = startTag(p, i, close + 1), tag.valid, tag.end == close + 1 else { return .unsuitable }
                let name = UnsafeRawBufferPointer(start: p + tag.name.lowerBound, count: tag.name.count)
                if name.count > 10, name.suffix(10).elementsEqual(":sheetData".utf8) { return .unsuitable }
                if name.elementsEqual("sheetData".utf8) {
                    let declares = tag.attributes.contains { a in
                        let n = UnsafeRawBufferPointer(start: p + a.name.lowerBound, count: a.name.count)
                        return n.starts(with: "xmlns".utf8)
                    }
                    guard depth == 1, !tag.empty, !declares else { return .unsuitable }
                    return .found(start: tag.end, prefixes: prefixes)
                }
                if depth == 0 {
                    for a in tag.attributes {
                        let n = UnsafeRawBufferPointer(start: p + a.name.lowerBound, count: a.name.count)
                        if n.starts(with: "xmlns:".utf8) { prefixes.append(Array(n.dropFirst(6))) }
                    }
                }
                if !tag.empty { depth += 1 }
                i = tag.end
            }
        }
    }

    /// The index of the first `s` at or after `from`, searching only what no call searched
    /// before for the unit at ``next``; nil when the bytes end first.
    private mutating func unitEnd(_ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int, _ s: StaticString) -> Int? {
        let m = s.utf8CodeUnitCount
        let first = max(from, searched)
        var j = first
        defer { examined += max(0, j - first) }
        while j + m <= n {
            if memcmpEqual(p + j, s.utf8Start, m) { return j }
            j += 1
        }
        searched = j
        return nil
    }

    /// The `>` that ends the start tag at `i` (the first outside quoted values), searching only
    /// what no call searched before; nil when the bytes end first.
    private mutating func tagEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        let first = max(i + 1, searched)
        var j = first
        defer { examined += max(0, j - first) }
        var q = quote
        while j < n {
            let b = p[j]
            if q != 0 {
                if b == q { q = 0 }
            } else if b == 0x22 || b == 0x27 {
                q = b
            } else if b == 0x3E {
                return j
            }
            j += 1
        }
        searched = n
        quote = q
        return nil
    }

    /// A start tag's name, attributes (name and value ranges) and end; `valid` false when it
    /// holds what the scanner should not reason about (`<` in a value, no name). Nil when the
    /// bytes end inside it.
    private func startTag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int)
        -> (name: Range<Int>, attributes: [(name: Range<Int>, value: Range<Int>)], empty: Bool, end: Int, valid: Bool)? {
        var j = i + 1
        func isNameEnd(_ b: UInt8) -> Bool { XMLBytes.isSpace(b) || b == 0x0D || b == 0x2F || b == 0x3E || b == 0x3D }
        while j < n, !isNameEnd(p[j]) { j += 1 }
        let name = (i + 1)..<j
        var attributes: [(name: Range<Int>, value: Range<Int>)] = []
        let invalid = (name, attributes, false, j, false)
        guard !name.isEmpty else { return invalid }
        while true {
            while j < n, XMLBytes.isSpace(p[j]) || p[j] == 0x0D { j += 1 }
            guard j < n else { return nil }
            if p[j] == 0x3E { return (name, attributes, false, j + 1, true) }
            if p[j] == 0x2F {
                guard j + 1 < n else { return nil }
                return p[j + 1] == 0x3E ? (name, attributes, true, j + 2, true) : invalid
            }
            let start = j
            while j < n, !isNameEnd(p[j]) { j += 1 }
            let attributeName = start..<j
            while j < n, XMLBytes.isSpace(p[j]) || p[j] == 0x0D { j += 1 }
            guard j < n else { return nil }
            guard p[j] == 0x3D, !attributeName.isEmpty else { return invalid }
            j += 1
            while j < n, XMLBytes.isSpace(p[j]) || p[j] == 0x0D { j += 1 }
            guard j < n else { return nil }
            let quote = p[j]
            guard quote == 0x22 || quote == 0x27 else { return invalid }
            j += 1
            let valueStart = j
            while j < n, p[j] != quote {
                if p[j] == 0x3C { return invalid }
                j += 1
            }
            guard j < n else { return nil }
            attributes.append((attributeName, valueStart..<j))
            j += 1
        }
    }

    /// Whether an XML declaration's pseudo-attributes (`p[start..<end]`) say version 1.0 and
    /// UTF-8, or leave the encoding out.
    private func declarationIsPlain(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let text = String(decoding: UnsafeRawBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: " \t\n\r")
            var after = rest[rest.index(after: equals)...].drop { " \t\n\r".contains($0) }
            guard let quote = after.first, quote == "\"" || quote == "'" else { return false }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { return false }
            let value = after[..<close]
            if name == "version" && value != "1.0" { return false }
            if name == "encoding" && value.lowercased() != "utf-8" { return false }
            rest = after[after.index(after: close)...]
        }
        return true
    }

    @inline(__always)
    private func starts(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        return n - i >= m && memcmpEqual(p + i, s.utf8Start, m)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
