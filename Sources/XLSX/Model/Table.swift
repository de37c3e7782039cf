/// An Excel table (a list object): a range with a header row of column names, filter buttons,
/// a banded style and an optional totals row. Formulas may name its columns
/// (`Bang1[Ngày bàn giao]`), and Excel grows the table, with its formats, as rows are typed
/// below it.
///
/// ```swift
/// try sheet.addTable(Table(name: "BanGiao", range: CellRange("A1:C50")!,
///                          columns: ["Mã khóa", "Ngày bắt đầu", "Ngày bàn giao"]))
/// ```
public struct Table: Hashable, Sendable {
    /// What the totals row shows under a column.
    public enum TotalsFunction: String, Hashable, Sendable {
        /// The average of the column.
        case average
        /// How many cells are not empty.
        case count
        /// How many cells hold numbers.
        case countNums
        /// The largest value.
        case max
        /// The smallest value.
        case min
        /// The sum.
        case sum
        /// The sample standard deviation.
        case stdDev
        /// The sample variance.
        case `var`

        /// The SUBTOTAL function number Excel writes in the totals cell.
        var subtotal: Int {
            switch self {
            case .average: return 101
            case .count: return 103
            case .countNums: return 102
            case .max: return 104
            case .min: return 105
            case .sum: return 109
            case .stdDev: return 107
            case .var: return 110
            }
        }
    }

    /// One column: its name (the header cell's text) and what the totals row shows under it.
    public struct Column: Hashable, Sendable, ExpressibleByStringLiteral {
        /// The name, as the header cell shows it.
        public var name: String
        /// A function for the totals row.
        public var totalsFunction: TotalsFunction?
        /// A label for the totals row (instead of a function).
        public var totalsLabel: String?

        /// A column with its name and, for the totals row, a function or a label.
        public init(_ name: String, totalsFunction: TotalsFunction? = nil, totalsLabel: String? = nil) {
            self.name = name
            self.totalsFunction = totalsFunction
            self.totalsLabel = totalsLabel
        }

        /// A column named by a literal.
        public init(stringLiteral value: String) { self.init(value) }
    }

    /// The banded look of a table.
    public struct Style: Hashable, Sendable {
        /// One of Excel's table styles: `TableStyleLight1`…`21`, `TableStyleMedium1`…`28`,
        /// `TableStyleDark1`…`11`.
        public var name: String
        /// Bands on alternate rows.
        public var rowStripes: Bool
        /// Bands on alternate columns.
        public var columnStripes: Bool
        /// The first column emphasised.
        public var firstColumn: Bool
        /// The last column emphasised.
        public var lastColumn: Bool

        /// A table style; the default is Excel's default (`TableStyleMedium9`, banded rows).
        public init(name: String = "TableStyleMedium9", rowStripes: Bool = true, columnStripes: Bool = false,
                    firstColumn: Bool = false, lastColumn: Bool = false) {
            self.name = name
            self.rowStripes = rowStripes
            self.columnStripes = columnStripes
            self.firstColumn = firstColumn
            self.lastColumn = lastColumn
        }

        /// Whether `name` is one of Excel's built-in table styles.
        var isBuiltIn: Bool {
            for (prefix, count) in [("TableStyleLight", 21), ("TableStyleMedium", 28), ("TableStyleDark", 11)] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), (1...count).contains(n) { return true }
            }
            return false
        }
    }

    /// The table's name (Excel's `displayName`), used by formulas: unique in the workbook.
    public var name: String
    /// The whole table: header row, data rows and the totals row when there is one.
    public var range: CellRange
    /// The columns, one per column of ``range``, left to right.
    public var columns: [Column]
    /// The look; nil for a plain table.
    public var style: Style?
    /// Whether the last row of ``range`` is a totals row.
    public var totalsRow: Bool
    /// Whether the header row shows filter buttons.
    public var autoFilter: Bool

    /// A table over `range` (header row first) with the given columns.
    public init(name: String, range: CellRange, columns: [Column], style: Style? = Style(), totalsRow: Bool = false, autoFilter: Bool = true) {
        self.name = name
        self.range = range
        self.columns = columns
        self.style = style
        self.totalsRow = totalsRow
        self.autoFilter = autoFilter
    }

    /// The rows holding data (no header, no totals).
    public var dataRange: CellRange {
        CellRange(CellReference(unchecked: range.start.row + 1, range.start.column),
                  CellReference(unchecked: range.end.row - (totalsRow ? 1 : 0), range.end.column))
    }

    /// A column name as a structured reference writes it inside `[…]`: `[`, `]`, `#` and `'`
    /// escaped with `'`.
    public static func escapedColumn(_ name: String) -> String {
        var out = ""
        for ch in name {
            if "[]#'".contains(ch) { out.append("'") }
            out.append(ch)
        }
        return out
    }

    /// Checks the table against Excel's rules; throws ``XLSXError/invalidOperation(_:)`` naming the problem.
    func validate() throws {
        try Self.validateName(name)
        let minimumRows = totalsRow ? 3 : 2
        guard range.rowCount >= minimumRows else {
            throw XLSXError.invalidOperation("table \(name) needs a header row and a data row\(totalsRow ? " before its totals row" : "") (range \(range))")
        }
        guard columns.count == range.columnCount else {
            throw XLSXError.invalidOperation("table \(name) has \(columns.count) column names for the \(range.columnCount) columns of \(range)")
        }
        var seen: Set<String> = []
        for c in columns {
            guard !c.name.isEmpty, c.name.utf16.count <= 255 else {
                throw XLSXError.invalidOperation("a column name of table \(name) must have 1–255 characters (\"\(c.name)\")")
            }
            guard seen.insert(c.name.lowercased()).inserted else {
                throw XLSXError.invalidOperation("table \(name) names the column \"\(c.name)\" twice (Excel ignores case)")
            }
            if !totalsRow, c.totalsFunction != nil || c.totalsLabel != nil {
                throw XLSXError.invalidOperation("column \"\(c.name)\" of table \(name) has a totals function or label but the table has no totals row")
            }
        }
        if let style, !style.isBuiltIn {
            throw XLSXError.invalidOperation("\(style.name) is not one of Excel's table styles (TableStyleLight1–21, TableStyleMedium1–28, TableStyleDark1–11)")
        }
    }

    /// Excel's rules for a table name: 1–255 characters, a letter, `_` or `\` first, then
    /// letters, digits, `_` and `.`; not a cell reference (`A1`, `R1C1`) nor `R` or `C`.
    static func validateName(_ name: String) throws {
        func fail(_ why: String) -> XLSXError { .invalidOperation("\"\(name)\" cannot name a table: \(why)") }
        guard let first = name.first, name.utf16.count <= 255 else { throw fail("a table name has 1–255 characters") }
        guard first.isLetter || first == "_" || first == "\\" else { throw fail("it must start with a letter, _ or \\") }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\\" }) else {
            throw fail("only letters, digits, _ and . are allowed")
        }
        let upper = name.uppercased()
        guard upper != "R", upper != "C" else { throw fail("R and C are reserved") }
        if CellReference(name) != nil { throw fail("it reads as a cell reference") }
        if upper.hasPrefix("R"), let c = upper.firstIndex(of: "C"),
           upper[upper.index(after: upper.startIndex)..<c].allSatisfy(\.isNumber),
           upper[upper.index(after: c)...].allSatisfy(\.isNumber) {
            throw fail("it reads as an R1C1 reference")
        }
    }
}
