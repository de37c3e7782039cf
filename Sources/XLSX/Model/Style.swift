/// A colour as Excel stores it: ARGB hex (`FFFF0000`), or a theme colour with a tint.
public enum Color: Hashable, Sendable {
    /// An ARGB hex colour, alpha first: `FFFF0000` is opaque red.
    case rgb(String)
    /// Colour `n` of the workbook's theme (0 dark 1, 1 light 1, 2 dark 2, 3 light 2, 4–9 accents),
    /// lightened (tint 0…1) or darkened (tint −1…0).
    case theme(Int, tint: Double)
    /// Entry `n` of Excel's legacy 64-colour palette (64 is the system foreground, 81 the note text).
    case indexed(Int)

    /// An opaque colour from `RRGGBB` or `#RRGGBB`.
    public static func hex(_ text: String) -> Color {
        var t = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if t.count == 6 { t = "FF" + t }
        return .rgb(t.uppercased())
    }

    /// Opaque black, `FF000000`.
    public static let black = Color.rgb("FF000000")
    /// Opaque white, `FFFFFFFF`.
    public static let white = Color.rgb("FFFFFFFF")
    /// Opaque red, `FFFF0000`.
    public static let red = Color.rgb("FFFF0000")
}

/// How a font underlines text.
public enum Underline: String, Hashable, Sendable {
    /// One line under the text.
    case single
    /// Two lines under the text.
    case double
    /// One line across the whole cell width, lower than ``single`` (accounting style).
    case singleAccounting
    /// Two lines across the whole cell width, lower than ``double`` (accounting style).
    case doubleAccounting
}

/// A font: name, size, weight, slant, underline and colour.
public struct Font: Hashable, Sendable {
    /// The typeface name, such as `Calibri` or `Times New Roman`.
    public var name: String
    /// The size in points (Excel allows 1–409).
    public var size: Double
    /// True for bold.
    public var bold: Bool
    /// True for italic.
    public var italic: Bool
    /// The underline, nil for none.
    public var underline: Underline?
    /// True to strike the text through.
    public var strike: Bool
    /// The text colour; nil for the automatic colour (black on a light fill).
    public var color: Color?

    /// A font; the defaults are Excel's body font, Calibri 11, plain.
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
    /// The fill's pattern, drawn in the foreground colour over the background colour.
    public enum Pattern: String, Hashable, Sendable {
        /// No fill: the cell shows the sheet's background.
        case none
        /// The foreground colour over the whole cell.
        case solid
        /// A sparse 12.5 % dot pattern (Excel's second built-in fill, rarely chosen).
        case gray125
        /// A dense 75 % dot pattern.
        case darkGray
        /// A 50 % dot pattern.
        case mediumGray
        /// A light 25 % dot pattern.
        case lightGray
        /// A sparse 6.25 % dot pattern.
        case gray0625
        /// Thick horizontal stripes.
        case darkHorizontal
        /// Thick vertical stripes.
        case darkVertical
        /// Thick diagonal stripes falling to the right.
        case darkDown
        /// Thick diagonal stripes rising to the right.
        case darkUp
        /// A thick square grid.
        case darkGrid
        /// A thick diagonal crosshatch.
        case darkTrellis
        /// Thin horizontal stripes.
        case lightHorizontal
        /// Thin vertical stripes.
        case lightVertical
        /// Thin diagonal stripes falling to the right.
        case lightDown
        /// Thin diagonal stripes rising to the right.
        case lightUp
        /// A thin square grid.
        case lightGrid
        /// A thin diagonal crosshatch.
        case lightTrellis
    }

    /// The pattern.
    public var pattern: Pattern
    /// The pattern's colour (the colour of a solid fill).
    public var foreground: Color?
    /// The colour behind the pattern (unused by a solid fill).
    public var background: Color?

    /// A fill with a pattern and its colours.
    public init(pattern: Pattern = .solid, foreground: Color? = nil, background: Color? = nil) {
        self.pattern = pattern
        self.foreground = foreground
        self.background = background
    }

    /// A solid fill of one colour.
    public static func solid(_ color: Color) -> Fill { Fill(pattern: .solid, foreground: color) }
    /// No fill.
    public static let none = Fill(pattern: .none)
}

/// The line of one side of a border.
public struct BorderEdge: Hashable, Sendable {
    /// The line's look, as Excel's Format Cells › Border offers it.
    public enum Style: String, Hashable, Sendable {
        /// A thin solid line (Excel's usual grid border).
        case thin
        /// A medium solid line, twice as thick as thin.
        case medium
        /// A thick solid line.
        case thick
        /// A thin line of short dashes.
        case dashed
        /// A thin line of dots.
        case dotted
        /// Two thin parallel lines.
        case double
        /// The thinnest line, a fine dotted hairline.
        case hair
        /// A medium line of dashes.
        case mediumDashed
        /// A thin line of alternating dashes and dots.
        case dashDot
        /// A medium line of alternating dashes and dots.
        case mediumDashDot
        /// A thin line of a dash and two dots repeated.
        case dashDotDot
        /// A medium line of a dash and two dots repeated.
        case mediumDashDotDot
        /// A medium line of slanted dashes and dots.
        case slantDashDot
    }

    /// The line's look.
    public var style: Style
    /// The line's colour; nil for automatic (black).
    public var color: Color?
    /// An edge with a line style and colour.
    public init(_ style: Style, color: Color? = nil) {
        self.style = style
        self.color = color
    }
}

/// Cell borders.
public struct Border: Hashable, Sendable {
    /// The left edge, nil for none.
    public var left: BorderEdge?
    /// The right edge, nil for none.
    public var right: BorderEdge?
    /// The top edge, nil for none.
    public var top: BorderEdge?
    /// The bottom edge, nil for none.
    public var bottom: BorderEdge?

    /// A border with the given edges.
    public init(left: BorderEdge? = nil, right: BorderEdge? = nil, top: BorderEdge? = nil, bottom: BorderEdge? = nil) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// The same edge on all four sides.
    public static func all(_ edge: BorderEdge) -> Border { Border(left: edge, right: edge, top: edge, bottom: edge) }
    /// No border on any side.
    public static let none = Border()
}

/// Text placement inside a cell.
public struct Alignment: Hashable, Sendable {
    /// Horizontal placement.
    public enum Horizontal: String, Hashable, Sendable {
        /// Excel's default: text to the left, numbers and dates to the right, booleans centred.
        case general
        /// Against the left edge (after the indent).
        case left
        /// Centred in the cell.
        case center
        /// Against the right edge.
        case right
        /// The content repeated to fill the cell's width.
        case fill
        /// Wrapped, every line but the last stretched to both edges.
        case justify
        /// Centred across this cell and the empty cells to its right (without merging).
        case centerContinuous
        /// Wrapped, with the words spread evenly across each line.
        case distributed
    }

    /// Vertical placement.
    public enum Vertical: String, Hashable, Sendable {
        /// Against the top edge.
        case top
        /// Centred between top and bottom.
        case center
        /// Against the bottom edge (Excel's default).
        case bottom
        /// Lines spread from top to bottom.
        case justify
        /// Lines spread evenly over the height.
        case distributed
    }

    /// Horizontal placement; nil for general.
    public var horizontal: Horizontal?
    /// Vertical placement; nil for bottom.
    public var vertical: Vertical?
    /// True to wrap long text onto several lines within the cell's width.
    public var wrapText: Bool
    /// Indent levels from the aligned edge (each about three characters wide; Excel allows 0–250).
    public var indent: Int
    /// Degrees, 0–90 counter-clockwise, 91–180 clockwise, 255 vertical text.
    public var rotation: Int
    /// True to shrink the font until the text fits the cell's width.
    public var shrinkToFit: Bool

    /// An alignment; the defaults are Excel's (general, bottom, no wrap).
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
    /// The font.
    public var font: Font
    /// The background.
    public var fill: Fill
    /// The borders.
    public var border: Border
    /// Text placement; nil for Excel's default.
    public var alignment: Alignment?
    /// How a number shows: decimals, thousands, percent, a date.
    public var numberFormat: NumberFormat
    /// Cell protection: locked (Excel's default) or not; it takes effect when the sheet is
    /// protected (``SheetLayout/protect(_:)``).
    public var locked: Bool
    /// Cell protection: the formula is hidden from the formula bar while the sheet is protected.
    public var hidden: Bool

    /// A style from its parts; the defaults give an unstyled cell.
    public init(font: Font = .standard, fill: Fill = .none, border: Border = .none, alignment: Alignment? = nil,
                numberFormat: NumberFormat = .general, locked: Bool = true, hidden: Bool = false) {
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.numberFormat = numberFormat
        self.locked = locked
        self.hidden = hidden
    }

    /// The style of a cell nobody styled.
    public static let standard = CellStyle()
}
