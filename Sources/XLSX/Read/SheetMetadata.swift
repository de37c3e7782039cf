/// Width and visibility of a span of columns (`<col min max width hidden>`).
public struct ColumnInfo: Sendable, Hashable {
    /// First zero-based column of the span.
    public var first: Int
    /// Last zero-based column of the span (inclusive).
    public var last: Int
    /// Width in characters of the default font, when set.
    public var width: Double?
    /// True when the columns are hidden.
    public var hidden: Bool
    /// The default style of the span's cells.
    public var styleIndex: Int
}

/// Rows and columns frozen at the top and left (`<pane state="frozen">`).
public struct FreezePane: Sendable, Hashable {
    /// Number of frozen rows.
    public var rows: Int
    /// Number of frozen columns.
    public var columns: Int
    /// The first cell of the scrolling area.
    public var topLeftCell: CellReference?
}

/// What a sheet read from a file says about validations, links and notes. These are records
/// of the file (the writer has its own, richer types of the same names at top level).
extension Sheet {
    /// A data validation rule on some ranges (a drop-down list, a whole-number range, ...).
    public struct DataValidation: Sendable, Hashable {
        /// `list`, `whole`, `decimal`, `date`, `time`, `textLength`, `custom`, or `none`.
        public var type: String
        /// `between`, `equal`, ... as written; nil when absent.
        public var operatorName: String?
        /// The ranges it covers.
        public var ranges: [CellRange]
        /// First formula (a list's source, or the lower bound).
        public var formula1: String?
        /// Second formula (the upper bound).
        public var formula2: String?
        /// True when blank cells pass.
        public var allowBlank: Bool
        /// True when Excel shows the error message on a bad entry.
        public var showErrorMessage: Bool
        /// The error box's title and text.
        public var errorTitle: String?, error: String?
        /// The input prompt's title and text.
        public var promptTitle: String?, prompt: String?
    }

    /// A hyperlink on a range: an external target or a location inside the workbook.
    public struct Hyperlink: Sendable, Hashable {
        /// The range it covers.
        public var range: CellRange
        /// The external target (URL, file, mail address), resolved through the sheet's relationships.
        public var target: String?
        /// A location inside the workbook (`Sheet2!A1`).
        public var location: String?
        /// The display text, if the file gives one.
        public var display: String?
        /// The tooltip.
        public var tooltip: String?
        let relationshipID: String?
    }

    /// A note (a "comment" in the file format): its cell, author and text.
    public struct Note: Sendable, Hashable {
        /// The cell it is attached to.
        public var reference: CellReference
        /// The author's name, if any.
        public var author: String?
        /// The text, runs flattened.
        public var text: String
    }
}

/// Everything a worksheet says besides its cells; filled while the sheet streams.
public struct SheetMetadata: Sendable {
    /// The `<dimension ref>` as written: a claim, never used for allocation.
    public var declaredDimension: String?
    /// Column spans with widths and visibility.
    public var columns: [ColumnInfo] = []
    /// Merged ranges.
    public var mergedRanges: [CellRange] = []
    /// The frozen rows and columns, if any.
    public var freezePane: FreezePane?
    /// Data validation rules.
    public var dataValidations: [Sheet.DataValidation] = []
    /// Hyperlinks.
    public var hyperlinks: [Sheet.Hyperlink] = []
    /// The sheet's default row height in points.
    public var defaultRowHeight: Double?
    /// The sheet's default column width in characters.
    public var defaultColumnWidth: Double?

    /// Zero-based indices of hidden columns, from the column spans (bounded to the grid).
    public var hiddenColumns: [Int] {
        var result: [Int] = []
        for span in columns where span.hidden {
            let last = min(span.last, CellReference.maxColumns - 1)
            if span.first <= last { result.append(contentsOf: span.first...last) }
        }
        return result
    }

    /// The width of a zero-based column, when a span sets one.
    public func width(ofColumn column: Int) -> Double? {
        columns.last(where: { $0.first <= column && column <= $0.last })?.width
    }
}

/// Parses space-separated range lists (`sqref="A1:A10 C3"`).
enum RangeList {
    static func parse(_ text: String) -> [CellRange] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).compactMap { CellRange(String($0)) }
    }
}
