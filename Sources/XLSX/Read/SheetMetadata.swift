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
    /// Data validation rules, each with its ranges, in file order.
    public var dataValidations: [DataValidation] = []
    /// Hyperlinks by the range they cover; external targets are resolved through the sheet's
    /// relationships once the sheet has been read.
    public var hyperlinks: [CellRange: Hyperlink] = [:]
    /// The relationship id of each external link, until resolved.
    var hyperlinkRelationships: [CellRange: String] = [:]
    /// The sheet's protection, if it is protected.
    public var protection: SheetProtection?
    /// Conditional formats in file order, each with its ranges; their styles are the
    /// differential styles named by ``conditionalFormatStyleIDs`` (``StyleSheet/differentialStyles``).
    public var conditionalFormats: [ConditionalFormat] = []
    /// The `dxfId` of each conditional format, nil for none.
    public var conditionalFormatStyleIDs: [Int?] = []
    /// The relationship ids of the sheet's table parts, resolved by ``Workbook/tables(of:)``.
    public var tableRelationships: [String] = []
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
