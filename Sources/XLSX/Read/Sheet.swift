/// A whole worksheet in memory, built on the row stream: random access by reference,
/// ranges, and everything the sheet says besides its cells.
///
/// Only cells that hold a value are kept, so a sheet declaring `A1:XFD1048576` with five
/// cells costs five cells; ``dimension`` is computed from them, never taken from the file.
public struct Sheet: Sendable {
    /// Name, state and part of the sheet.
    public let info: SheetInfo
    /// The rows that hold cells or carry layout (height, hidden), ascending by index.
    public let rows: [Row]
    /// Merged ranges, column widths, freeze pane, validations, hyperlinks.
    public let metadata: SheetMetadata
    /// The sheet's notes (comments) by cell; a cell has at most one.
    public let notes: [CellReference: Note]

    /// The sheet's name.
    public var name: String { info.name }

    init(info: SheetInfo, rows: [Row], metadata: SheetMetadata, notes: [CellReference: Note]) {
        self.info = info
        self.rows = rows
        self.metadata = metadata
        self.notes = notes
    }

    /// The cell at `B7`-style text, if it holds a value; nil also when the text is no reference.
    public subscript(_ reference: String) -> Cell? {
        CellReference(reference).flatMap { self[$0] }
    }

    /// The cell at `reference`, if it holds a value.
    public subscript(_ reference: CellReference) -> Cell? {
        row(reference.row)?[column: reference.column]
    }

    /// The cell at zero-based `row` and `column`, if it holds a value.
    public subscript(row row: Int, column column: Int) -> Cell? {
        self.row(row)?[column: column]
    }

    /// The row with zero-based `index`, if the sheet has it.
    public func row(_ index: Int) -> Row? {
        var low = 0, high = rows.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let i = rows[mid].index
            if i == index { return rows[mid] }
            if i < index { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The cells holding a value inside `range`, row by row.
    public func cells(in range: CellRange) -> [Cell] {
        var result: [Cell] = []
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].index < range.start.row { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < rows.count, rows[i].index <= range.end.row {
            for cell in rows[i].cells where cell.reference.column >= range.start.column && cell.reference.column <= range.end.column {
                result.append(cell)
            }
            i += 1
        }
        return result
    }

    /// The cells inside the range written `A1:C10`; nil when the text is not a range.
    public func cells(in text: String) -> [Cell]? {
        CellRange(text).map { cells(in: $0) }
    }

    /// Every cell holding a value, row by row.
    public var cells: [Cell] { rows.flatMap(\.cells) }

    /// Number of cells holding a value.
    public var cellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }

    /// The smallest range holding every cell with a value; nil for an empty sheet.
    public var dimension: CellRange? {
        var minColumn = Int.max, maxColumn = -1, minRow = Int.max, maxRow = -1
        for row in rows where !row.cells.isEmpty {
            minRow = min(minRow, row.index)
            maxRow = max(maxRow, row.index)
            for cell in row.cells {
                minColumn = min(minColumn, cell.reference.column)
                maxColumn = max(maxColumn, cell.reference.column)
            }
        }
        guard maxRow >= 0 else { return nil }
        return CellRange(CellReference(unchecked: minRow, minColumn), CellReference(unchecked: maxRow, maxColumn))
    }

    /// Merged ranges.
    public var mergedRanges: [CellRange] { metadata.mergedRanges }
    /// Column spans with widths and visibility.
    public var columns: [ColumnInfo] { metadata.columns }
    /// Zero-based indices of hidden rows.
    public var hiddenRows: [Int] { rows.filter(\.hidden).map(\.index) }
    /// Zero-based indices of hidden columns.
    public var hiddenColumns: [Int] { metadata.hiddenColumns }
    /// The frozen rows and columns, if any.
    public var freezePane: FreezePane? { metadata.freezePane }
    /// Data validation rules, each with its ranges, in file order.
    public var dataValidations: [DataValidation] { metadata.dataValidations }
    /// Hyperlinks by the range they cover, external targets resolved.
    public var hyperlinks: [CellRange: Hyperlink] { metadata.hyperlinks }

    /// The merged range a cell belongs to, if any.
    public func mergedRange(containing reference: CellReference) -> CellRange? {
        metadata.mergedRanges.first { $0.contains(reference) }
    }
}

extension Workbook {
    /// Reads a whole sheet through its row stream; refuses more cells than the cell limit.
    public func sheet(_ info: SheetInfo) throws -> Sheet {
        try located {
            let entry = try entry(of: info)
            let reader = try SheetRowReader(workbook: self, info: info, entry: entry, cache: StringCache(count: sharedStrings.count))
            var rows: [Row] = []
            var cells = 0
            var sorted = true
            while let row = try reader.next() {
                cells += row.cells.count
                if cells > archive.limits.maxCells {
                    throw XLSXError.limitExceeded(limit: .cellCount, entry: entry.name, value: UInt64(cells), maximum: UInt64(archive.limits.maxCells))
                }
                if let last = rows.last, last.index >= row.index { sorted = false }
                rows.append(row)
            }
            if !sorted { rows = Sheet.normalise(rows) }
            let metadata = reader.metadata
            let relationships = try RelationshipsReader.read(archive, of: info.part ?? entry.name)
            var notes: [CellReference: Note] = [:]
            for rel in relationships where rel.isType("comments") && !rel.isExternal {
                if let commentsEntry = archive.entry(named: rel.target) {
                    for (cell, note) in try CommentsReader.read(archive, entry: commentsEntry) { notes[cell] = note }
                }
            }
            if !notes.isEmpty {
                for rel in relationships where rel.isType("vmlDrawing") && !rel.isExternal {
                    guard let vml = archive.entry(named: rel.target) else { continue }
                    for cell in NoteBoxesReader.visibleCells(try archive.contents(of: vml)) { notes[cell]?.visible = true }
                }
            }
            return Sheet(info: info, rows: rows, metadata: metadata, notes: notes)
        }
    }
}

extension Sheet {
    /// Sorts rows and cells, merging rows that appear twice; a cell given twice keeps its last value (as Excel does).
    static func normalise(_ rows: [Row]) -> [Row] {
        var byIndex: [Int: Row] = [:]
        for row in rows {
            if var existing = byIndex[row.index] {
                existing.cells += row.cells
                existing.hidden = existing.hidden || row.hidden
                existing.height = row.height ?? existing.height
                byIndex[row.index] = existing
            } else {
                byIndex[row.index] = row
            }
        }
        return byIndex.keys.sorted().map { key in
            var row = byIndex[key]!
            var seen: [Int: Int] = [:]
            var cells: [Cell] = []
            for cell in row.cells {
                if let at = seen[cell.reference.column] { cells[at] = cell } else { seen[cell.reference.column] = cells.count; cells.append(cell) }
            }
            cells.sort { $0.reference.column < $1.reference.column }
            row.cells = cells
            return row
        }
    }
}
