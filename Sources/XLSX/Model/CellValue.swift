/// What a cell holds.
///
/// Dates are numbers under a date format in the file; a reader turns them into ``date(_:)``
/// when the cell's format says so, with the serial number kept alongside in ``Cell``.
public enum CellValue: Hashable, Sendable {
    /// No value (a blank cell).
    case empty
    /// A number (Excel keeps 15 significant digits).
    case number(Double)
    /// Text (at most 32,767 characters in a cell).
    case string(String)
    /// Text with formatting runs; ``plainText`` flattens it.
    case richText([RichTextRun])
    /// TRUE or FALSE.
    case bool(Bool)
    /// A date, time, date-time or duration, as the cell's number format shows it.
    case date(ExcelDateTime)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
    /// A formula (without the leading `=`) and its cached result, if any.
    indirect case formula(String, cached: CellValue)

    /// The text of a string or rich-text value.
    public var plainText: String? {
        switch self {
        case .string(let s): return s
        case .richText(let runs): return runs.map(\.text).joined()
        case .formula(_, let cached): return cached.plainText
        default: return nil
        }
    }

    /// The value a formula leaves, or the value itself.
    public var resolved: CellValue {
        if case .formula(_, let cached) = self { return cached.resolved }
        return self
    }

    /// True for no value or empty text, resolving formulas.
    public var isEmpty: Bool {
        switch resolved {
        case .empty: return true
        case .string(let s): return s.isEmpty
        default: return false
        }
    }

    /// The number of a number, bool (1/0) or date (its serial), resolving formulas.
    public var number: Double? {
        switch resolved {
        case .number(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .date(let d): return d.serial
        default: return nil
        }
    }
}

/// A run of rich text with its font changes.
public struct RichTextRun: Hashable, Sendable {
    /// The run's text.
    public var text: String
    /// The run's font; nil for the cell's own font.
    public var font: Font?
    /// A run of text, in `font` or the cell's font.
    public init(_ text: String, font: Font? = nil) {
        self.text = text
        self.font = font
    }
}
