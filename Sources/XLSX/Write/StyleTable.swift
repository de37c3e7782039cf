/// The styles part being built: every distinct font, fill, border, number format and cell
/// format once, each ``CellStyle`` mapped to the index of its cell format (`s` of a cell).
final class StyleTable {
    private struct CellFormat: Hashable {
        var numberFormat: Int
        var font: Int
        var fill: Int
        var border: Int
        var alignment: Alignment?
        var locked: Bool
        var hidden = false
    }

    private var fonts: [Font] = [.standard]
    private var fontIndex: [Font: Int] = [.standard: 0]
    private var fills: [Fill] = [.none, Fill(pattern: .gray125)]
    private var fillIndex: [Fill: Int] = [.none: 0, Fill(pattern: .gray125): 1]
    private var borders: [Border] = [.none]
    private var borderIndex: [Border: Int] = [.none: 0]
    private var customFormats: [(Int, String)] = []
    private var formatIndex: [String: Int] = [:]
    private var formats: [CellFormat] = [CellFormat(numberFormat: 0, font: 0, fill: 0, border: 0, alignment: nil, locked: true)]
    private var formatLookup: [CellFormat: Int] = [:]
    private var styleCache: [CellStyle: Int] = [.standard: 0]
    private var dateDefaults: [ExcelDateTime.Kind: Int] = [:]
    private var dxfs: [(DifferentialStyle, Int?)] = []
    private var dxfIndex: [DifferentialStyle: Int] = [:]

    init() {
        formatLookup[formats[0]] = 0
    }

    /// The number of cell formats (`cellXfs`).
    var count: Int { formats.count }

    /// The cell format index of a style.
    func index(of style: CellStyle) throws -> Int {
        if let i = styleCache[style] { return i }
        if let a = style.alignment {
            guard (0...180).contains(a.rotation) || a.rotation == 255, (0...250).contains(a.indent) else {
                throw XLSXError.invalidOperation("alignment rotation \(a.rotation) or indent \(a.indent) is outside Excel's limits (0–180 or 255; 0–250)")
            }
        }
        guard style.font.size >= 1, style.font.size <= 409, !style.font.name.isEmpty, style.font.name.utf16.count <= 31 else {
            throw XLSXError.invalidOperation("font \(style.font.name) \(style.font.size) is outside Excel's limits (1–409 points, name of 1–31 characters)")
        }
        let format = CellFormat(
            numberFormat: numberFormatID(style.numberFormat), font: intern(style.font, &fonts, &fontIndex),
            fill: intern(style.fill, &fills, &fillIndex), border: intern(style.border, &borders, &borderIndex),
            alignment: style.alignment, locked: style.locked, hidden: style.hidden)
        let i: Int
        if let existing = formatLookup[format] {
            i = existing
        } else {
            i = formats.count
            formats.append(format)
            formatLookup[format] = i
        }
        styleCache[style] = i
        return i
    }

    /// The index of a differential format (`dxfId`), each distinct one stored once.
    func differentialIndex(of style: DifferentialStyle) -> Int {
        if let i = dxfIndex[style] { return i }
        dxfs.append((style, style.numberFormat.map(numberFormatID)))
        dxfIndex[style] = dxfs.count - 1
        return dxfs.count - 1
    }

    /// What kind of date or time cell format `i` shows numbers as; nil when not a date format.
    func dateKind(_ i: Int) -> ExcelDateTime.Kind? {
        guard i < formats.count else { return nil }
        let id = formats[i].numberFormat
        guard let format = customFormats.first(where: { $0.0 == id }).map({ NumberFormat($0.1) }) ?? NumberFormat.builtIn(id) else {
            return nil
        }
        switch format.kind {
        case .date: return .date
        case .dateTime: return .dateTime
        case .time: return .time
        case .duration: return .duration
        default: return nil
        }
    }

    /// The format index for a date cell: its own style, given a date format when it has none.
    func index(forDate kind: ExcelDateTime.Kind, style: CellStyle?) throws -> Int {
        guard var style else {
            if let i = dateDefaults[kind] { return i }
            let i = try index(of: CellStyle(numberFormat: StyleTable.defaultFormat(kind)))
            dateDefaults[kind] = i
            return i
        }
        if !style.numberFormat.isDateLike { style.numberFormat = StyleTable.defaultFormat(kind) }
        return try index(of: style)
    }

    /// The format a date gets when its style names none: Vietnamese day-first order.
    static func defaultFormat(_ kind: ExcelDateTime.Kind) -> NumberFormat {
        switch kind {
        case .date: return .dayMonthYear
        case .dateTime: return .dayMonthYearTime
        case .time: return NumberFormat("hh:mm:ss")
        case .duration: return .duration
        }
    }

    private func intern<T: Hashable>(_ value: T, _ list: inout [T], _ lookup: inout [T: Int]) -> Int {
        if let i = lookup[value] { return i }
        list.append(value)
        lookup[value] = list.count - 1
        return list.count - 1
    }

    private func numberFormatID(_ format: NumberFormat) -> Int {
        if let id = format.builtInID { return id }
        if let id = formatIndex[format.code] { return id }
        let id = 164 + customFormats.count
        customFormats.append((id, format.code))
        formatIndex[format.code] = id
        return id
    }

    // MARK: The part

    /// Writes `xl/styles.xml`.
    func write(to xml: XMLWriter) {
        xml.raw(PartXML.declaration)
        xml.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        if !customFormats.isEmpty {
            xml.raw("<numFmts")
            xml.attribute("count", customFormats.count)
            xml.raw(">")
            for (id, code) in customFormats {
                xml.raw("<numFmt")
                xml.attribute("numFmtId", id)
                xml.attribute("formatCode", code)
                xml.raw("/>")
            }
            xml.raw("</numFmts>")
        }
        xml.raw("<fonts")
        xml.attribute("count", fonts.count)
        xml.raw(">")
        for f in fonts {
            xml.raw("<font>")
            xml.fontProperties(f, nameElement: "name")
            xml.raw("</font>")
        }
        xml.raw("</fonts><fills")
        xml.attribute("count", fills.count)
        xml.raw(">")
        for f in fills { writeFill(f, xml) }
        xml.raw("</fills><borders")
        xml.attribute("count", borders.count)
        xml.raw(">")
        for b in borders { writeBorder(b, xml) }
        xml.raw("</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs")
        xml.attribute("count", formats.count)
        xml.raw(">")
        for f in formats { writeFormat(f, xml) }
        xml.raw("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        xml.raw("<dxfs")
        xml.attribute("count", dxfs.count)
        if dxfs.isEmpty {
            xml.raw("/>")
        } else {
            xml.raw(">")
            for (d, id) in dxfs { xml.differentialStyle(d, numberFormatID: id) }
            xml.raw("</dxfs>")
        }
        xml.raw("<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>")
    }

    private func writeFill(_ f: Fill, _ xml: XMLWriter) {
        xml.raw("<fill>")
        xml.fill(f)
        xml.raw("</fill>")
    }

    private func writeBorder(_ b: Border, _ xml: XMLWriter) {
        xml.raw("<border>")
        func edge(_ open: StaticString, _ close: StaticString, _ empty: StaticString, _ e: BorderEdge?) {
            guard let e else { xml.raw(empty); return }
            xml.raw(open)
            xml.attribute("style", e.style.rawValue)
            xml.raw(">")
            if let c = e.color { xml.color("color", c) } else { xml.raw("<color auto=\"1\"/>") }
            xml.raw(close)
        }
        edge("<left", "</left>", "<left/>", b.left)
        edge("<right", "</right>", "<right/>", b.right)
        edge("<top", "</top>", "<top/>", b.top)
        edge("<bottom", "</bottom>", "<bottom/>", b.bottom)
        xml.raw("<diagonal/></border>")
    }

    private func writeFormat(_ f: CellFormat, _ xml: XMLWriter) {
        xml.raw("<xf")
        xml.attribute("numFmtId", f.numberFormat)
        xml.attribute("fontId", f.font)
        xml.attribute("fillId", f.fill)
        xml.attribute("borderId", f.border)
        xml.raw(" xfId=\"0\"")
        if f.numberFormat != 0 { xml.raw(" applyNumberFormat=\"1\"") }
        if f.font != 0 { xml.raw(" applyFont=\"1\"") }
        if f.fill != 0 { xml.raw(" applyFill=\"1\"") }
        if f.border != 0 { xml.raw(" applyBorder=\"1\"") }
        if f.alignment != nil { xml.raw(" applyAlignment=\"1\"") }
        let protection = !f.locked || f.hidden
        if protection { xml.raw(" applyProtection=\"1\"") }
        guard f.alignment != nil || protection else { xml.raw("/>"); return }
        xml.raw(">")
        if let a = f.alignment {
            xml.raw("<alignment")
            if let h = a.horizontal { xml.attribute("horizontal", h.rawValue) }
            if let v = a.vertical { xml.attribute("vertical", v.rawValue) }
            if a.rotation != 0 { xml.attribute("textRotation", a.rotation) }
            if a.wrapText { xml.raw(" wrapText=\"1\"") }
            if a.indent != 0 { xml.attribute("indent", a.indent) }
            if a.shrinkToFit { xml.raw(" shrinkToFit=\"1\"") }
            xml.raw("/>")
        }
        if protection {
            xml.raw("<protection")
            if !f.locked { xml.raw(" locked=\"0\"") }
            if f.hidden { xml.raw(" hidden=\"1\"") }
            xml.raw("/>")
        }
        xml.raw("</xf>")
    }
}

extension XMLWriter {
    /// The children of a `<font>` (or, with `rFont`, of a rich-text run's `<rPr>`).
    func fontProperties(_ f: Font, nameElement: StaticString) {
        if f.bold { raw("<b/>") }
        if f.italic { raw("<i/>") }
        if f.strike { raw("<strike/>") }
        if let u = f.underline { u == .single ? raw("<u/>") : { raw("<u"); attribute("val", u.rawValue); raw("/>") }() }
        raw("<sz")
        attribute("val", number: f.size)
        raw("/>")
        if let c = f.color { color("color", c) }
        byte(0x3C)
        raw(nameElement)
        attribute("val", f.name)
        raw("/><family val=\"2\"/>")
    }

    /// The `<patternFill>` of a `<fill>`.
    func fill(_ f: Fill) {
        raw("<patternFill")
        attribute("patternType", f.pattern.rawValue)
        if f.foreground == nil && f.background == nil {
            raw("/>")
            return
        }
        raw(">")
        if let c = f.foreground { color("fgColor", c) }
        if let c = f.background { color("bgColor", c) } else if f.pattern == .solid { raw("<bgColor indexed=\"64\"/>") }
        raw("</patternFill>")
    }
}

/// A sheet writer's way to its cell formats: consecutive cells of one style (a row, a column
/// of dates) look the style up once.
struct StyleLookup {
    let table: StyleTable
    private var last: CellStyle?
    private var lastIndex = 0

    init(_ table: StyleTable) { self.table = table }

    /// The cell format index of `style`, 0 for none.
    @inline(__always)
    mutating func index(of style: CellStyle?) throws -> Int {
        guard let style else { return 0 }
        if let last, last == style { return lastIndex }
        lastIndex = try table.index(of: style)
        last = style
        return lastIndex
    }
}
