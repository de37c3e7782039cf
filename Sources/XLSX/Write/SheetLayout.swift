/// Everything about a sheet being written other than its cells: column widths, row heights,
/// merged cells, frozen panes, the autofilter, data validations, conditional formats, tables,
/// protection, outline groups, notes, hyperlinks, print setup, tab colour and visibility. ``SheetWriter`` and ``StreamingSheetWriter`` share it.
public class SheetLayout {
    /// The sheet's name as its tab shows it.
    public let name: String
    /// Position in the workbook, from 0.
    let position: Int

    var columnWidths: [Int: Double] = [:]
    var hiddenColumns: Set<Int> = []
    var rowHeights: [Int: Double] = [:]
    var hiddenRows: Set<Int> = []
    var merges: [CellRange] = []
    var frozen: (rows: Int, columns: Int)?
    var validations: [DataValidation] = []
    var notes: [(CellReference, Note)] = []
    var links: [(CellRange, Hyperlink)] = []
    var charts: [Chart] = []
    var images: [PlacedImage] = []
    var conditionalFormats: [ConditionalFormat] = []
    var tables: [Table] = []
    var rowOutline: [Int: Int] = [:]
    var collapsedRows: Set<Int> = []
    var columnOutline: [Int: Int] = [:]
    var collapsedColumns: Set<Int> = []
    /// The deepest row outline level the head declared (streaming sheets write it first).
    var declaredRowOutline = 0

    /// The filtered range (its first row holds the filter buttons).
    public var autoFilter: CellRange?
    /// Orientation, paper, scaling, repeated rows and print area. In a streaming sheet,
    /// fitting to width must be chosen before the first row (it sits before the cells).
    public var printSetup = PrintSetup() {
        didSet { if headWritten && (printSetup.fitToWidth == nil) != (oldValue.fitToWidth == nil) { lateChange = "fit to width" } }
    }
    /// The tab's colour. In a streaming sheet, set it before the first row.
    public var tabColor: Color? {
        didSet { if headWritten { lateChange = "the tab colour" } }
    }
    /// Whether the tab shows: visible, hidden, or very hidden (a workbook needs one visible sheet).
    public var state: SheetState = .visible
    /// Protection of the sheet's locked cells; nil for none.
    public var protection: SheetProtection?
    /// Whether an outline group's summary row sits below the group (Excel's default) or above it.
    public var outlineSummaryBelow = true {
        didSet { if headWritten { lateChange = "the outline summary position" } }
    }
    /// Whether an outline group's summary column sits right of the group (Excel's default) or left of it.
    public var outlineSummaryRight = true {
        didSet { if headWritten { lateChange = "the outline summary position" } }
    }
    /// Show grid lines on screen. In a streaming sheet, set it before the first row.
    public var showGridLines = true {
        didSet { if headWritten { lateChange = "grid lines" } }
    }

    /// A setting that belongs before the cells but came after the first streamed row.
    var lateChange: String?

    /// Whether the XML before the cells has been written (streaming sheets only).
    var headWritten = false

    init(name: String, position: Int) {
        self.name = name
        self.position = position
    }

    func requireHeadOpen(_ what: String) throws {
        if headWritten {
            throw XLSXError.invalidOperation("\(what) of sheet \(name) must be set before its first row is written")
        }
    }

    /// Sets the width of columns (zero-based, inclusive), in characters of the default font (0–255).
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>) throws {
        try requireHeadOpen("column widths")
        guard (0...255).contains(width), columns.lowerBound >= 0, columns.upperBound < CellReference.maxColumns else {
            throw XLSXError.invalidOperation("column width \(width) for columns \(columns) is outside Excel's limits")
        }
        for c in columns { columnWidths[c] = width }
    }

    /// Sets the width of one column (zero-based), in characters of the default font.
    public func setColumnWidth(_ width: Double, column: Int) throws {
        try setColumnWidth(width, columns: column...column)
    }

    /// Hides a column (zero-based).
    public func hideColumn(_ column: Int) throws {
        try requireHeadOpen("hidden columns")
        guard (0..<CellReference.maxColumns).contains(column) else { throw XLSXError.invalidCellReference("column \(column + 1)") }
        hiddenColumns.insert(column)
    }

    /// Sets columns wide enough for the given rows' values (see ``ColumnWidth``), within bounds.
    public func fitColumns(to rows: [[CellValue]], firstColumn: Int = 0, font: Font = .standard,
                           minimum: Double = 6, maximum: Double = 80) throws {
        var widest: [Int: Double] = [:]
        for row in rows {
            for (i, value) in row.enumerated() {
                let w = ColumnWidth.measure(value, font: font)
                widest[firstColumn + i] = max(widest[firstColumn + i] ?? 0, w)
            }
        }
        for (column, w) in widest {
            try setColumnWidth(min(maximum, max(minimum, w)), column: column)
        }
    }

    /// Sets the height of a row (zero-based), in points (0–409).
    public func setRowHeight(_ height: Double, row: Int) throws {
        guard (0...409).contains(height), (0..<CellReference.maxRows).contains(row) else {
            throw XLSXError.invalidOperation("row height \(height) for row \(row + 1) is outside Excel's limits")
        }
        try checkRowOpen(row)
        rowHeights[row] = height
    }

    /// Hides a row (zero-based).
    public func hideRow(_ row: Int) throws {
        guard (0..<CellReference.maxRows).contains(row) else { throw XLSXError.invalidCellReference("row \(row + 1)") }
        try checkRowOpen(row)
        hiddenRows.insert(row)
    }

    /// Streaming sheets refuse changes to rows already written.
    func checkRowOpen(_ row: Int) throws {}

    /// Puts or checks the header cells of a table being added (each kind of sheet its way).
    func placeTableHeader(_ table: Table) throws {}

    /// The message when a table's header cell does not hold its column's name.
    func headerMismatch(_ table: Table, column: Int, found: String) -> XLSXError {
        let cell = CellReference(unchecked: table.range.start.row, table.range.start.column + column)
        return .invalidOperation("the header cell \(cell) of table \(table.name) on sheet \(name) holds \(found), not the column name \"\(table.columns[column].name)\"")
    }

    /// Merges a range of at least two cells; merged ranges may not overlap.
    public func merge(_ range: CellRange) throws {
        guard range.start != range.end else {
            throw XLSXError.invalidOperation("merging \(range) on sheet \(name): a merge needs at least two cells")
        }
        if let clash = merges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.invalidOperation("merging \(range) on sheet \(name) overlaps the merge \(clash)")
        }
        merges.append(range)
    }

    /// Freezes the top `rows` rows and the left `columns` columns.
    public func freeze(rows: Int, columns: Int = 0) throws {
        try requireHeadOpen("frozen panes")
        guard rows >= 0, columns >= 0, rows < CellReference.maxRows, columns < CellReference.maxColumns else {
            throw XLSXError.invalidOperation("cannot freeze \(rows) rows and \(columns) columns")
        }
        frozen = rows == 0 && columns == 0 ? nil : (rows, columns)
    }

    /// Adds a validation rule to one or more ranges (replacing the rule's ``DataValidation/ranges``).
    public func addValidation(_ validation: DataValidation, to ranges: CellRange...) throws {
        var validation = validation
        validation.ranges = ranges
        try addValidation(validation)
    }

    /// Adds a validation rule to its own ``DataValidation/ranges``, as a sheet read from a file gives it.
    public func addValidation(_ validation: DataValidation) throws {
        guard !validation.ranges.isEmpty else { throw XLSXError.invalidOperation("a validation needs a range") }
        try validation.validate()
        validations.append(validation)
    }

    /// Adds a note to a cell; a cell has at most one.
    public func addNote(_ note: Note, at cell: CellReference) throws {
        guard note.text.utf16.count <= 32_767 else { throw XLSXError.stringTooLong(cell: cell.description, length: note.text.utf16.count) }
        guard !notes.contains(where: { $0.0 == cell }) else {
            throw XLSXError.invalidOperation("cell \(cell) on sheet \(name) already has a note")
        }
        notes.append((cell, note))
    }

    /// Adds a hyperlink to a cell (the cell's value is written separately, as Excel does).
    public func addHyperlink(_ link: Hyperlink, at cell: CellReference) throws {
        try addHyperlink(link, over: CellRange(cell, cell))
    }

    /// Adds a hyperlink over a range, as a sheet read from a file gives it (``Sheet/hyperlinks``).
    public func addHyperlink(_ link: Hyperlink, over range: CellRange) throws {
        try link.validate()
        guard links.count < 65_530 else { throw XLSXError.invalidOperation("Excel allows 65,530 hyperlinks per sheet") }
        links.append((range, link))
    }
}

extension CellRange {
    /// True when the two ranges share a cell.
    func overlaps(_ other: CellRange) -> Bool {
        start.row <= other.end.row && other.start.row <= end.row
            && start.column <= other.end.column && other.start.column <= end.column
    }
}
