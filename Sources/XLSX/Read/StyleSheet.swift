/// The whole styles part as the library's model: for each cell format (`cellXfs` entry, the
/// `s` of a cell) its ``CellStyle`` — font, fill, border, alignment, protection and number
/// format — and the differential styles (`dxfs`) conditional formats point at.
///
/// Reading values needs only ``CellFormats``, which ``Workbook`` reads on opening; the style
/// sheet is read when asked (``Workbook/styleSheet()``). Gradient fills read as ``Fill/none``
/// (the model holds pattern fills only); fonts without a name or size get Calibri 11.
public struct StyleSheet: Sendable {
    /// The style of each cell format index.
    public private(set) var cellStyles: [CellStyle] = []
    /// The differential styles, by `dxfId`.
    public private(set) var differentialStyles: [DifferentialStyle] = []

    /// An empty style sheet: every cell has the standard style.
    public init() {}

    /// The style of cell format `index` (the standard style when out of range).
    public func style(_ index: Int) -> CellStyle {
        index >= 0 && index < cellStyles.count ? cellStyles[index] : .standard
    }

    /// Reads a styles part.
    static func read(_ archive: ZipArchive, entry: ZipEntry) throws -> StyleSheet {
        let handler = Handler()
        try XMLPart.parse(archive, entry: entry, handler: handler)
        var sheet = StyleSheet()
        func pick<T>(_ list: [T], _ i: Int, _ fallback: T) -> T { i >= 0 && i < list.count ? list[i] : fallback }
        for xf in handler.cellXfs {
            let (format, _) = CellFormats.format(id: xf.numberFormat, custom: handler.custom)
            sheet.cellStyles.append(CellStyle(font: pick(handler.fonts, xf.font, .standard), fill: pick(handler.fills, xf.fill, .none),
                                              border: pick(handler.borders, xf.border, .none), alignment: xf.alignment,
                                              numberFormat: format, locked: xf.locked, hidden: xf.hidden))
        }
        sheet.differentialStyles = handler.dxfs
        return sheet
    }

    private struct Format {
        var numberFormat = 0, font = 0, fill = 0, border = 0
        var alignment: Alignment?
        var locked = true, hidden = false
    }

    /// One pass over the part; `section` says which list the elements belong to.
    private final class Handler: XMLContentHandler {
        enum Section { case none, fonts, fills, borders, cellXfs, dxfs }
        var section = Section.none
        var custom: [Int: NumberFormat] = [:]
        var fonts: [Font] = []
        var fills: [Fill] = []
        var borders: [Border] = []
        var cellXfs: [Format] = []
        var dxfs: [DifferentialStyle] = []
        // The element being read.
        var font: Font?
        var fontName: String?, fontSize: Double?
        var fill: Fill?
        var border: Border?
        var edge: (side: String, edge: BorderEdge)?
        var format: Format?
        var dxf: DifferentialStyle?
        var inDxfFont = false

        static func flag(_ attributes: XMLAttributes) -> Bool {
            guard let v = attributes.string("val") else { return true }
            return v != "0" && v.lowercased() != "false"
        }

        static func color(_ a: XMLAttributes) -> Color? {
            let tint = XMLPart.double(a.bytes("tint")) ?? 0
            if let rgb = a.string("rgb") { return .rgb(rgb.uppercased()) }
            if let theme = XMLPart.int(a.bytes("theme")) { return .theme(theme, tint: tint) }
            if let indexed = XMLPart.int(a.bytes("indexed")) { return .indexed(indexed) }
            return nil
        }

        func startElement(_ name: XMLName, attributes a: XMLAttributes) {
            switch section {
            case .none:
                if name.is("numFmt"), let id = XMLPart.int(a.bytes("numFmtId")), let code = a.string("formatCode") {
                    custom[id] = NumberFormat(code)
                } else if name.is("fonts") { section = .fonts
                } else if name.is("fills") { section = .fills
                } else if name.is("borders") { section = .borders
                } else if name.is("cellXfs") { section = .cellXfs
                } else if name.is("dxfs") { section = .dxfs
                }
            case .fonts:
                fontElement(name, a, into: &font)
            case .fills:
                fillElement(name, a)
            case .borders:
                borderElement(name, a)
            case .cellXfs:
                if name.is("xf") {
                    format = Format(numberFormat: XMLPart.int(a.bytes("numFmtId")) ?? 0, font: XMLPart.int(a.bytes("fontId")) ?? 0,
                                    fill: XMLPart.int(a.bytes("fillId")) ?? 0, border: XMLPart.int(a.bytes("borderId")) ?? 0)
                } else if name.is("alignment") {
                    format?.alignment = Self.alignment(a)
                } else if name.is("protection") {
                    if let v = a.string("locked") { format?.locked = v != "0" && v.lowercased() != "false" }
                    if let v = a.string("hidden") { format?.hidden = v == "1" || v.lowercased() == "true" }
                }
            case .dxfs:
                if name.is("dxf") {
                    dxf = DifferentialStyle()
                } else if name.is("font") {
                    inDxfFont = true
                } else if inDxfFont {
                    if name.is("b") { dxf?.bold = Self.flag(a) }
                    else if name.is("i") { dxf?.italic = Self.flag(a) }
                    else if name.is("strike") { dxf?.strike = Self.flag(a) }
                    else if name.is("u") { dxf?.underline = Underline(rawValue: a.string("val") ?? "single") ?? .single }
                    else if name.is("color") { dxf?.fontColor = Self.color(a) }
                } else if name.is("numFmt"), let id = XMLPart.int(a.bytes("numFmtId")) {
                    dxf?.numberFormat = a.string("formatCode").map(NumberFormat.init) ?? CellFormats.format(id: id, custom: custom).0
                } else {
                    fillElement(name, a)
                    borderElement(name, a)
                }
            }
        }

        func fontElement(_ name: XMLName, _ a: XMLAttributes, into font: inout Font?) {
            if name.is("font") {
                font = Font()
                fontName = nil
                fontSize = nil
                font?.bold = false
            } else if font != nil {
                if name.is("b") { font?.bold = Self.flag(a) }
                else if name.is("i") { font?.italic = Self.flag(a) }
                else if name.is("strike") { font?.strike = Self.flag(a) }
                else if name.is("u") { font?.underline = a.string("val") == "none" ? nil : Underline(rawValue: a.string("val") ?? "single") ?? .single }
                else if name.is("sz") { fontSize = XMLPart.double(a.bytes("val")) }
                else if name.is("name") || name.is("rFont") { fontName = a.string("val") }
                else if name.is("color") { font?.color = Self.color(a) }
            }
        }

        func fillElement(_ name: XMLName, _ a: XMLAttributes) {
            if name.is("fill") {
                fill = Fill(pattern: .none)
            } else if name.is("patternFill") {
                let type = a.string("patternType")
                fill?.pattern = type.flatMap(Fill.Pattern.init(rawValue:)) ?? (type == nil && section == .dxfs ? .solid : .none)
            } else if name.is("fgColor") {
                fill?.foreground = Self.color(a)
            } else if name.is("bgColor") {
                fill?.background = Self.color(a)
            } else if name.is("gradientFill") {
                fill = Fill(pattern: .none)
            }
        }

        func borderElement(_ name: XMLName, _ a: XMLAttributes) {
            if name.is("border") {
                border = Border()
            } else if border != nil, let side = ["left", "right", "top", "bottom"].first(where: { name.is($0) }) {
                edge = a.string("style").flatMap(BorderEdge.Style.init(rawValue:)).map { (side: "\(side)", edge: BorderEdge($0)) }
            } else if name.is("start") || name.is("end") {
                // Excel's logical edges: start is left, end is right in a left-to-right sheet.
                edge = a.string("style").flatMap(BorderEdge.Style.init(rawValue:)).map { (side: String(name.is("start") ? "left" : "right"), edge: BorderEdge($0)) }
            } else if name.is("color"), edge != nil {
                edge?.edge.color = Self.color(a)
            }
        }

        static func alignment(_ a: XMLAttributes) -> Alignment {
            Alignment(horizontal: a.string("horizontal").flatMap(Alignment.Horizontal.init(rawValue:)),
                      vertical: a.string("vertical").flatMap(Alignment.Vertical.init(rawValue:)),
                      wrapText: a.string("wrapText").map { $0 == "1" || $0 == "true" } ?? false,
                      indent: XMLPart.int(a.bytes("indent")) ?? 0, rotation: XMLPart.int(a.bytes("textRotation")) ?? 0,
                      shrinkToFit: a.string("shrinkToFit").map { $0 == "1" || $0 == "true" } ?? false)
        }

        func endElement(_ name: XMLName) {
            if let (side, e) = edge, ["left", "right", "top", "bottom", "start", "end"].contains(where: { name.is($0) }) {
                switch side {
                case "left": border?.left = e
                case "right": border?.right = e
                case "top": border?.top = e
                default: border?.bottom = e
                }
                edge = nil
                return
            }
            switch section {
            case .none:
                break
            case .fonts:
                if name.is("font"), var f = font {
                    f.name = fontName ?? "Calibri"
                    f.size = fontSize ?? 11
                    fonts.append(f)
                    font = nil
                } else if name.is("fonts") { section = .none }
            case .fills:
                if name.is("fill"), let f = fill { fills.append(f); fill = nil } else if name.is("fills") { section = .none }
            case .borders:
                if name.is("border"), let b = border { borders.append(b); border = nil } else if name.is("borders") { section = .none }
            case .cellXfs:
                if name.is("xf"), let f = format { cellXfs.append(f); format = nil } else if name.is("cellXfs") { section = .none }
            case .dxfs:
                if name.is("font") { inDxfFont = false }
                else if name.is("fill"), var f = fill {
                    // A dxf's solid fill keeps its colour in bgColor: read back as the fill's colour.
                    if f.pattern == .solid, f.foreground == nil { f.foreground = f.background; f.background = nil }
                    dxf?.fill = f
                    fill = nil
                }
                else if name.is("border"), let b = border { dxf?.border = b; border = nil }
                else if name.is("dxf"), let d = dxf { dxfs.append(d); dxf = nil }
                else if name.is("dxfs") { section = .none }
            }
        }

        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }
}

extension Workbook {
    /// Reads the whole styles part: every cell format's ``CellStyle`` and the differential
    /// styles (an empty ``StyleSheet`` when the package has no styles part).
    public func styleSheet() throws -> StyleSheet {
        guard let entry = stylesEntry else { return StyleSheet() }
        return try StyleSheet.read(archive, entry: entry)
    }
}
