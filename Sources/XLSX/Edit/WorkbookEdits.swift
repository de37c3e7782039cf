/// Changes to make to an existing workbook: cells to set, rows to insert or delete. Rows are
/// one-based and refer to the workbook as it is before the edits.
public struct WorkbookEdits: Sendable {
    /// Values by lower-cased sheet name, one-based row, zero-based column.
    var cells: [String: [Int: [Int: TemplateValue]]] = [:]
    /// Row insertions (count > 0, before `row`) and deletions (rows `row...row+count-1`, count < 0).
    var rowEdits: [String: [(row: Int, count: Int)]] = [:]

    /// No edits.
    public init() {}

    /// The lower-cased names of the sheets edited.
    var sheets: Set<String> { Set(cells.keys).union(rowEdits.keys) }

    /// Sets a cell (`B7`) of a sheet to a value; a text for a date-formatted cell becomes a date
    /// as in a template. Throws for a malformed reference.
    public mutating func set(_ value: TemplateValue, at cell: String, in sheet: String) throws {
        guard let ref = CellReference(cell) else { throw XLSXError.invalidCellReference(cell) }
        cells[sheet.lowercased(), default: [:]][ref.row + 1, default: [:]][ref.column] = value
    }

    /// Inserts `count` empty rows before `row`.
    public mutating func insertRows(_ count: Int, before row: Int, in sheet: String) throws {
        guard count > 0, row >= 1, row <= CellReference.maxRows else {
            throw XLSXError.invalidOperation("insert \(count) rows before row \(row)")
        }
        try add(sheet, row: row, count: count)
    }

    /// Deletes rows `rows` (one-based, inclusive); references to them become `#REF!`.
    public mutating func deleteRows(_ rows: ClosedRange<Int>, in sheet: String) throws {
        guard rows.lowerBound >= 1, rows.upperBound <= CellReference.maxRows else {
            throw XLSXError.invalidOperation("delete rows \(rows.lowerBound)–\(rows.upperBound)")
        }
        try add(sheet, row: rows.lowerBound, count: -rows.count)
    }

    private mutating func add(_ sheet: String, row: Int, count: Int) throws {
        var list = rowEdits[sheet.lowercased()] ?? []
        let span = count < 0 ? row...(row - count - 1) : row...row
        for other in list {
            let otherSpan = other.count < 0 ? other.row...(other.row - other.count - 1) : other.row...other.row
            if span.overlaps(otherSpan) {
                throw XLSXError.invalidOperation("row edits at rows \(row) and \(other.row) of \(sheet) overlap")
            }
        }
        list.append((row, count))
        list.sort { $0.row < $1.row }
        rowEdits[sheet.lowercased()] = list
    }

    /// The row mapping the row edits of a sheet make.
    func mapping(_ sheet: String) -> RowMapping {
        var delta = 0
        var segments: [RowMapping.Segment] = []
        for edit in rowEdits[sheet] ?? [] {
            if edit.count > 0 {
                segments.append(.init(open: edit.row, close: edit.row - 1, outStart: edit.row + delta, outCount: edit.count))
                delta += edit.count
            } else {
                segments.append(.init(open: edit.row, close: edit.row - edit.count - 1, outStart: edit.row + delta, outCount: 0))
                delta += edit.count
            }
        }
        return RowMapping(span: 1...CellReference.maxRows, shift: 0, segments: segments, parent: nil)
    }
}
