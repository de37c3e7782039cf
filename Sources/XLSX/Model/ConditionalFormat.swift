/// The look a conditional format gives a cell when its rule holds: only what it sets changes
/// (Excel stores it as a differential format, `<dxf>`, in the styles part).
public struct DifferentialStyle: Hashable, Sendable {
    /// The text colour, nil to keep the cell's.
    public var fontColor: Color?
    /// Bold on or off, nil to keep the cell's.
    public var bold: Bool?
    /// Italic on or off, nil to keep the cell's.
    public var italic: Bool?
    /// Strike-through on or off, nil to keep the cell's.
    public var strike: Bool?
    /// An underline, nil to keep the cell's.
    public var underline: Underline?
    /// The background; a solid fill paints the whole cell in its foreground colour.
    public var fill: Fill?
    /// Borders, nil to keep the cell's.
    public var border: Border?
    /// A number format, nil to keep the cell's.
    public var numberFormat: NumberFormat?

    /// A differential style from the parts it sets.
    public init(fontColor: Color? = nil, bold: Bool? = nil, italic: Bool? = nil, strike: Bool? = nil,
                underline: Underline? = nil, fill: Fill? = nil, border: Border? = nil, numberFormat: NumberFormat? = nil) {
        self.fontColor = fontColor
        self.bold = bold
        self.italic = italic
        self.strike = strike
        self.underline = underline
        self.fill = fill
        self.border = border
        self.numberFormat = numberFormat
    }

    /// A solid background of one colour, with an optional text colour (Excel's presets such
    /// as "light red fill with dark red text" are `background(.hex("FFC7CE"), text: .hex("9C0006"))`).
    public static func background(_ color: Color, text: Color? = nil) -> DifferentialStyle {
        DifferentialStyle(fontColor: text, fill: .solid(color))
    }

    /// True when the style sets nothing.
    var isEmpty: Bool { self == DifferentialStyle() }
}

/// A rule that changes how cells look from their values, evaluated by Excel (and LibreOffice)
/// whenever the sheet recalculates: a cell value comparison, a formula, duplicate values, a
/// colour scale or a data bar.
///
/// ```swift
/// try sheet.addConditionalFormat(ConditionalFormat(.expression("AND($B2<>\"\",$B2<$C2)"),
///                                                  style: .background(.hex("FFC7CE"))),
///                                to: CellRange("B2:B500")!)
/// ```
///
/// Formulas are written as Excel stores them (no leading `=`, English function names, commas);
/// relative references in an expression are relative to the first cell of the first range.
public struct ConditionalFormat: Hashable, Sendable {
    /// How a cell's value is compared with the rule's formulas: the same comparisons as a
    /// data validation's (`between`, `greaterThan`…), one type for both.
    public typealias Operator = DataValidation.Operator

    /// A point of a colour scale or an end of a data bar.
    public enum Threshold: Hashable, Sendable {
        /// The lowest value of the range.
        case lowest
        /// The highest value of the range.
        case highest
        /// A number.
        case number(Double)
        /// A percentage (0–100) of the way from the lowest to the highest value.
        case percent(Double)
        /// A percentile (0–100) of the range's values.
        case percentile(Double)
        /// The value of a formula.
        case formula(String)
    }

    /// What decides whether, or how, a cell is formatted.
    public enum Rule: Hashable, Sendable {
        /// The cell's value compared with one formula (two for ``Operator/between`` and
        /// ``Operator/notBetween``); text constants are quoted: `"\"Có\""`.
        case cellValue(Operator, String, String? = nil)
        /// A formula that is true for the cells to format.
        case expression(String)
        /// Values that occur more than once in the range.
        case duplicateValues
        /// Values that occur once in the range.
        case uniqueValues
        /// A colour scale of two or three points, lowest first.
        case colorScale([Threshold], [Color])
        /// A bar in each cell as long as its value within the range.
        case dataBar(Color, lowest: Threshold = .lowest, highest: Threshold = .highest)
    }

    /// The cells the rule applies to (set by ``SheetLayout/addConditionalFormat(_:to:)``).
    public var ranges: [CellRange]
    /// The rule.
    public var rule: Rule
    /// The look of a cell the rule holds for (colour scales and data bars take none).
    public var style: DifferentialStyle?
    /// Stop evaluating the rules after this one for a cell it holds for.
    public var stopIfTrue: Bool

    /// A conditional format; its ranges are given when it is added to a sheet.
    public init(_ rule: Rule, style: DifferentialStyle? = nil, stopIfTrue: Bool = false, ranges: [CellRange] = []) {
        self.rule = rule
        self.style = style
        self.stopIfTrue = stopIfTrue
        self.ranges = ranges
    }

    /// Checks the rule against Excel's limits; throws ``XLSXError/invalidOperation(_:)`` naming the problem.
    func validate() throws {
        func formula(_ f: String) throws {
            guard !f.isEmpty, f.utf16.count <= 8_192 else {
                throw XLSXError.invalidOperation("a conditional format formula must have 1–8,192 characters (got \(f.utf16.count))")
            }
            guard !f.hasPrefix("=") else {
                throw XLSXError.invalidOperation("a conditional format formula is stored without its leading = (\(f))")
            }
        }
        guard !ranges.isEmpty else { throw XLSXError.invalidOperation("a conditional format needs a range") }
        switch rule {
        case let .cellValue(op, a, b):
            try formula(a)
            let two = op == .between || op == .notBetween
            if two {
                guard let b else { throw XLSXError.invalidOperation("a conditional format \(op.rawValue) needs two formulas") }
                try formula(b)
            } else if b != nil {
                throw XLSXError.invalidOperation("a conditional format \(op.rawValue) takes one formula")
            }
        case .expression(let f):
            try formula(f)
        case .duplicateValues, .uniqueValues:
            break
        case let .colorScale(points, colors):
            guard (2...3).contains(points.count), points.count == colors.count else {
                throw XLSXError.invalidOperation("a colour scale has two or three points, one colour each (got \(points.count) points, \(colors.count) colours)")
            }
            for p in points { try Self.check(p) }
        case let .dataBar(_, lowest, highest):
            try Self.check(lowest)
            try Self.check(highest)
        }
        switch rule {
        case .colorScale, .dataBar:
            if style != nil { throw XLSXError.invalidOperation("colour scales and data bars take no style") }
        default:
            if let style, style.isEmpty { throw XLSXError.invalidOperation("a conditional format style must set something") }
        }
    }

    private static func check(_ t: Threshold) throws {
        switch t {
        case .percent(let v), .percentile(let v):
            guard (0...100).contains(v) else { throw XLSXError.invalidOperation("a percent or percentile threshold is 0–100 (got \(v))") }
        case .number(let v):
            guard v.isFinite else { throw XLSXError.invalidOperation("a threshold must be a finite number") }
        case .formula(let f):
            guard !f.isEmpty, !f.hasPrefix("=") else { throw XLSXError.invalidOperation("a threshold formula is stored without its leading = (\(f))") }
        case .lowest, .highest:
            break
        }
    }
}
