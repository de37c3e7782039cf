import XLSX

/// Where a record came from: file, sheet, row, and the column of each key, so a finding can
/// name the exact cell (`D7`).
public struct SourceRow: Hashable, Sendable, Codable {
    /// The workbook's file name (as given to the importer, usually the last path component).
    public var file: String
    /// The sheet name.
    public var sheet: String
    /// The 1-based row number.
    public var row: Int
    /// Zero-based column index of each column key found on the sheet.
    public var columns: [String: Int]
    /// The row's values in columns outside the schema, by header as written (kept, not read).
    public var extras: [String: String]

    /// A source row.
    public init(file: String, sheet: String, row: Int, columns: [String: Int], extras: [String: String] = [:]) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.columns = columns
        self.extras = extras
    }

    /// The cell of `key` on this row (`D7`), `nil` when the sheet lacks the column.
    public func cell(_ key: String) -> String? {
        columns[key].map { CellReference.columnName($0) + String(row) }
    }

    /// `file › sheet!D7`, or the row when the column is unknown.
    public func place(_ key: String? = nil) -> String {
        "\(file) › \(sheet)!" + (key.flatMap(cell) ?? "\(row):\(row)")
    }
}
