/// Adds cell formats to an existing styles part without disturbing the ones it has: fonts and
/// fills are appended to their lists, and each new cell format is either a copy of an existing
/// one with another fill (font, border, number format, alignment and protection kept) or the
/// workbook's first format with another font and fill. The part is rewritten token by token;
/// only the count attributes of the lists that grow change.
final class StylesPartEditor {
    let part: String
    private let bytes: [UInt8]
    /// The raw bytes of each `<xf>` of `<cellXfs>`, children included.
    private var cellFormats: [[UInt8]] = []
    private var fontCount = 0
    private var fillCount = 0
    private var newFonts: [Font] = []
    private var fontLookup: [Font: Int] = [:]
    private var newFills: [Fill] = []
    private var fillLookup: [Fill: Int] = [:]
    /// The new `<xf>` elements, in order, and what each was made from.
    private var newFormats: [[UInt8]] = []
    private var refills: [Refill: Int] = [:]
    private var looks: [Look: Int] = [:]
    /// The part had no cell format: the default one is written first.
    private var addsDefaultFormat = false

    private struct Refill: Hashable { var base: Int; var fill: Fill }
    private struct Look: Hashable { var font: Font?; var fill: Fill? }

    /// The lists of `CT_Stylesheet` in schema order, for placing a missing one.
    private static let order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles",
                                "dxfs", "tableStyles", "colors", "extLst"]

    /// A part with one font, the two fills Excel reserves, one border and one cell format,
    /// for a package that has no styles part.
    static let minimal = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>").utf8)

    /// Reads the lists of the part (`bytes`, UTF-8).
    init(part: String, bytes: [UInt8]) throws {
        self.part = part
        self.bytes = bytes
        var stack: [String] = []
        var current: [UInt8]?
        try Self.tokens(bytes, part: part) { token in
            if var open = current {
                open.append(contentsOf: token.bytes)
                current = open
                if token.kind == .endTag, RawTag.localName(ofEnd: token.bytes) == "xf", stack.last == "xf" {
                    cellFormats.append(open)
                    current = nil
                }
            }
            switch token.kind {
            case .startTag, .emptyTag:
                let tag = RawTag(token.bytes)
                if stack.count == 2 {
                    if tag.localName == "font", stack.last == "fonts" { fontCount += 1 }
                    if tag.localName == "fill", stack.last == "fills" { fillCount += 1 }
                    if tag.localName == "xf", stack.last == "cellXfs", current == nil {
                        if token.kind == .emptyTag { cellFormats.append(Array(token.bytes)) } else { current = Array(token.bytes) }
                    }
                }
                if token.kind == .startTag { stack.append(tag.localName) }
            case .endTag:
                if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        if cellFormats.isEmpty {
            cellFormats = [Array("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>".utf8)]
            addsDefaultFormat = true
        }
    }

    /// Runs the scanner over a whole part held in memory.
    private static func tokens(_ bytes: [UInt8], part: String, _ body: (XMLTokenScanner.Token) throws -> Void) throws {
        var scanner = XMLTokenScanner(part: part)
        bytes.withUnsafeBytes { scanner.feed($0) }
        scanner.finish()
        while let token = try scanner.next() { try body(token) }
    }

    /// The number of cell formats the part has before any are added.
    var existingFormats: Int { cellFormats.count }

    /// The cell format of a cell whose format was `base`, with `fill` instead of its own.
    func format(base: Int, fill: Fill) -> Int {
        let key = Refill(base: base, fill: fill)
        if let i = refills[key] { return i }
        let source = base >= 0 && base < cellFormats.count ? cellFormats[base]
            : cellFormats[0]
        let i = append(source, font: nil, fill: fill)
        refills[key] = i
        return i
    }

    /// The workbook's first cell format with `font` and `fill` where given.
    func format(font: Font?, fill: Fill?) -> Int {
        if font == nil && fill == nil { return 0 }
        let key = Look(font: font, fill: fill)
        if let i = looks[key] { return i }
        let i = append(cellFormats[0], font: font, fill: fill)
        looks[key] = i
        return i
    }

    /// A copy of the `<xf>` in `source` with a new font and fill, added to the list.
    private func append(_ source: [UInt8], font: Font?, fill: Fill?) -> Int {
        var open = source
        var rest: [UInt8] = []
        if let end = open.firstIndex(of: 0x3E) {
            rest = Array(open[(end + 1)...])
            open = Array(open[...end])
        }
        var tag = RawTag(ArraySlice(open))
        if let fill {
            tag.set("fillId", String(fillIndex(fill)))
            tag.set("applyFill", "1")
        }
        if let font {
            tag.set("fontId", String(fontIndex(font)))
            tag.set("applyFont", "1")
        }
        var out: [UInt8] = []
        tag.write(into: &out)
        out.append(contentsOf: rest)
        newFormats.append(out)
        return cellFormats.count + newFormats.count - 1
    }

    private func fillIndex(_ fill: Fill) -> Int {
        if let i = fillLookup[fill] { return i }
        newFills.append(fill)
        // Excel reads fills 0 and 1 as none and gray125 whatever they say: ours come after.
        let i = max(fillCount, 2) + newFills.count - 1
        fillLookup[fill] = i
        return i
    }

    private func fontIndex(_ font: Font) -> Int {
        if let i = fontLookup[font] { return i }
        newFonts.append(font)
        let i = fontCount + newFonts.count - 1
        fontLookup[font] = i
        return i
    }

    /// Whether anything was added.
    var changed: Bool { !newFormats.isEmpty }

    /// The part with the new fonts, fills and cell formats at the ends of their lists.
    func rewritten() throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256 * newFormats.count + 1024)
        var stack: [String] = []
        var seen: Set<String> = []
        var namespace = ""
        let lists = ["fonts", "fills", "cellXfs"]
        func content(_ list: String) -> [UInt8] {
            let xml = XMLWriter()
            switch list {
            case "fonts":
                for f in newFonts {
                    xml.rawString("<font\(namespace)>")
                    xml.fontProperties(f, nameElement: "name")
                    xml.raw("</font>")
                }
            case "fills":
                if !newFills.isEmpty {
                    if fillCount < 1 { xml.rawString("<fill\(namespace)><patternFill patternType=\"none\"/></fill>") }
                    if fillCount < 2 { xml.rawString("<fill\(namespace)><patternFill patternType=\"gray125\"/></fill>") }
                }
                for f in newFills {
                    xml.rawString("<fill\(namespace)>")
                    xml.fill(f)
                    xml.raw("</fill>")
                }
            default:
                if addsDefaultFormat { xml.rawString("<xf\(namespace) numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>") }
                for f in newFormats {
                    xml.raw(namespace.isEmpty ? f : Self.declaringNamespace(f, namespace))
                }
            }
            return xml.array
        }
        func count(_ list: String) -> Int {
            switch list {
            case "fonts": return fontCount + newFonts.count
            case "fills": return newFills.isEmpty ? fillCount : max(fillCount, 2) + newFills.count
            default: return cellFormats.count + newFormats.count
            }
        }
        func adds(_ list: String) -> Bool {
            switch list {
            case "fonts": return !newFonts.isEmpty
            case "fills": return !newFills.isEmpty
            default: return !newFormats.isEmpty
            }
        }
        /// The lists that are missing and must come before `name` (a child of the root, or nil
        /// for the root's end), written whole.
        func missing(before name: String?) -> [UInt8] {
            let limit = name.flatMap { Self.order.firstIndex(of: $0) } ?? Self.order.count
            var bytes: [UInt8] = []
            for list in lists where !seen.contains(list) && Self.order.firstIndex(of: list)! < limit {
                seen.insert(list)
                guard adds(list) else { continue }
                bytes.append(contentsOf: Array("<\(list)\(namespace) count=\"\(count(list))\">".utf8))
                bytes.append(contentsOf: content(list))
                bytes.append(contentsOf: Array("</\(list)>".utf8))
            }
            return bytes
        }
        try Self.tokens(bytes, part: part) { token in
            switch token.kind {
            case .startTag, .emptyTag:
                var tag = RawTag(token.bytes)
                if stack.isEmpty, !tag.prefix.isEmpty { namespace = " xmlns=\"\(PartXML.main)\"" }
                if stack.count == 1 {
                    out.append(contentsOf: missing(before: tag.localName))
                    if lists.contains(tag.localName), !seen.contains(tag.localName) {
                        seen.insert(tag.localName)
                        if adds(tag.localName) {
                            tag.set("count", String(count(tag.localName)))
                            if token.kind == .emptyTag {
                                tag.isEmpty = false
                                tag.write(into: &out)
                                out.append(contentsOf: content(tag.localName))
                                out.append(contentsOf: tag.closingTag)
                                return
                            }
                            tag.write(into: &out)
                            stack.append(tag.localName)
                            return
                        }
                    }
                }
                out.append(contentsOf: token.bytes)
                if token.kind == .startTag { stack.append(tag.localName) }
            case .endTag:
                let name = stack.popLast()
                if stack.count == 1, let name, lists.contains(name), adds(name) {
                    out.append(contentsOf: content(name))
                } else if stack.isEmpty {
                    out.append(contentsOf: missing(before: nil))
                }
                out.append(contentsOf: token.bytes)
            default:
                out.append(contentsOf: token.bytes)
            }
        }
        return out
    }

    /// An `<xf>` copied from a part whose elements carry a prefix, given the default namespace
    /// so that it reads the same without one.
    private static func declaringNamespace(_ xf: [UInt8], _ namespace: String) -> [UInt8] {
        guard let end = xf.firstIndex(where: { $0 == 0x20 || $0 == 0x2F || $0 == 0x3E }) else { return xf }
        return Array(xf[..<end]) + Array(namespace.utf8) + Array(xf[end...])
    }
}
