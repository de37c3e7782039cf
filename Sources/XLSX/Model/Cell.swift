/// One cell read from a sheet: where it is, what it holds, and which cell format it uses.
public struct Cell: Hashable, Sendable {
    /// The cell's position.
    public var reference: CellReference
    /// The value; a date cell holds ``CellValue/date(_:)``, a formula ``CellValue/formula(_:cached:)``.
    public var value: CellValue
    /// Index into the workbook's cell formats; ``Workbook/numberFormat(of:)`` gives its number format.
    public var styleIndex: Int

    /// A cell at `reference` holding `value`.
    public init(reference: CellReference, value: CellValue, styleIndex: Int = 0) {
        self.reference = reference
        self.value = value
        self.styleIndex = styleIndex
    }
}

/// One row of a sheet: its zero-based index, its non-empty cells in column order, and its layout.
public struct Row: Hashable, Sendable {
    /// Zero-based row index (row 1 is 0).
    public var index: Int
    /// The cells that hold a value, in the order of the file (column order in any sane file).
    public var cells: [Cell]
    /// Height in points, when the file sets one.
    public var height: Double?
    /// True when the row is hidden.
    public var hidden: Bool

    /// A row from its parts.
    public init(index: Int, cells: [Cell], height: Double? = nil, hidden: Bool = false) {
        self.index = index
        self.cells = cells
        self.height = height
        self.hidden = hidden
    }

    /// The cell in zero-based `column`, if it holds a value.
    public subscript(column column: Int) -> Cell? {
        // Cells are few per row and usually sorted: binary search, then a scan as fallback.
        var low = 0, high = cells.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let c = cells[mid].reference.column
            if c == column { return cells[mid] }
            if c < column { low = mid + 1 } else { high = mid - 1 }
        }
        return cells.first { $0.reference.column == column }
    }

    /// The cell in the column named by letters (`"B"`), if it holds a value.
    public subscript(column letters: String) -> Cell? {
        CellReference.columnIndex(letters).flatMap { self[column: $0] }
    }
}
