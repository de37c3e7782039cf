/// A colour as Excel stores it: ARGB hex (`FFFF0000`), or a theme colour with a tint.
public enum Color: Hashable, Sendable {
    case rgb(String)
    case theme(Int, tint: Double)
    case indexed(Int)

    /// An opaque colour from `RRGGBB` or `#RRGGBB`.
    public static func hex(_ text: String) -> Color {
        var t = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if t.count == 6 { t = "FF" + t }
        return .rgb(t.uppercased())
    }

    public static let black = Color.rgb("FF000000")
    public static let white = Color.rgb("FFFFFFFF")
    public static let red = Color.rgb("FFFF0000")
}

public enum Underline: String, Hashable, Sendable {
    case single, double, singleAccounting, doubleAccounting
}

/// A font: name, size, weight, slant, underline and colour.
public struct Font: Hashable, Sendable {
    public var name: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var underline: Underline?
    public var strike: Bool
    public var color: Color?

    public init(name: String = "Calibri", size: Double = 11, bold: Bool = false, italic: Bool = false,
                underline: Underline? = nil, strike: Bool = false, color: Color? = nil) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.color = color
    }

    /// Excel's default body font.
    public static let standard = Font()
}

/// A cell background. Only solid and pattern fills are modelled; gradients are kept when editing.
public struct Fill: Hashable, Sendable {
    public enum Pattern: String, Hashable, Sendable {
        case none, solid, gray125, darkGray, mediumGray, lightGray
    }

    public var pattern: Pattern
    public var foreground: Color?
    public var background: Color?

    public init(pattern: Pattern = .solid, foreground: Color? = nil, background: Color? = nil) {
        self.pattern = pattern
        self.foreground = foreground
        self.background = background
    }

    /// A solid fill of one colour.
    public static func solid(_ color: Color) -> Fill { Fill(pattern: .solid, foreground: color) }
    public static let none = Fill(pattern: .none)
}

/// The line of one side of a border.
public struct BorderEdge: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case thin, medium, thick, dashed, dotted, double, hair, mediumDashed, dashDot, mediumDashDot, dashDotDot, mediumDashDotDot, slantDashDot
    }

    public var style: Style
    public var color: Color?
    public init(_ style: Style, color: Color? = nil) {
        self.style = style
        self.color = color
    }
}

/// Cell borders.
public struct Border: Hashable, Sendable {
    public var left: BorderEdge?
    public var right: BorderEdge?
    public var top: BorderEdge?
    public var bottom: BorderEdge?

    public init(left: BorderEdge? = nil, right: BorderEdge? = nil, top: BorderEdge? = nil, bottom: BorderEdge? = nil) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// The same edge on all four sides.
    public static func all(_ edge: BorderEdge) -> Border { Border(left: edge, right: edge, top: edge, bottom: edge) }
    public static let none = Border()
}

/// Text placement inside a cell.
public struct Alignment: Hashable, Sendable {
    public enum Horizontal: String, Hashable, Sendable {
        case general, left, center, right, fill, justify, centerContinuous, distributed
    }

    public enum Vertical: String, Hashable, Sendable {
        case top, center, bottom, justify, distributed
    }

    public var horizontal: Horizontal?
    public var vertical: Vertical?
    public var wrapText: Bool
    public var indent: Int
    /// Degrees, 0–90 counter-clockwise, 91–180 clockwise, 255 vertical text.
    public var rotation: Int
    public var shrinkToFit: Bool

    public init(horizontal: Horizontal? = nil, vertical: Vertical? = nil, wrapText: Bool = false,
                indent: Int = 0, rotation: Int = 0, shrinkToFit: Bool = false) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrapText = wrapText
        self.indent = indent
        self.rotation = rotation
        self.shrinkToFit = shrinkToFit
    }
}

/// Everything that decides how a cell looks. Writers deduplicate equal styles into one entry.
public struct CellStyle: Hashable, Sendable {
    public var font: Font
    public var fill: Fill
    public var border: Border
    public var alignment: Alignment?
    public var numberFormat: NumberFormat
    /// Cell protection: locked (Excel's default) or not.
    public var locked: Bool

    public init(font: Font = .standard, fill: Fill = .none, border: Border = .none, alignment: Alignment? = nil,
                numberFormat: NumberFormat = .general, locked: Bool = true) {
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.numberFormat = numberFormat
        self.locked = locked
    }

    /// The style of a cell nobody styled.
    public static let standard = CellStyle()
}
