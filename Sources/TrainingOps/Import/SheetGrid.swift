import XLSX

/// The cells of one sheet as the importer sees them: a name and rows of values, row `i` of
/// the array being sheet row `i + 1`, column `j` being column `j` (`A` = 0).
public struct SheetGrid: Sendable {
    /// The sheet's name.
    public var name: String
    /// The rows, top to bottom, with empty rows kept so indexes are row numbers − 1.
    public var rows: [[CellValue]]
    /// The workbook's date system, for bare serial numbers.
    public var dateSystem: DateSystem
    /// The sheet's merged ranges: an empty cell inside one reads, where the sheet kind allows,
    /// as the top cell's value (``SheetSchema/repeatsDown``).
    public var merges: [CellRange] = []

    /// A sheet's cells.
    public init(name: String, rows: [[CellValue]], dateSystem: DateSystem = .date1900) {
        self.name = name
        self.rows = rows
        self.dateSystem = dateSystem
    }
}

/// A sheet recognised during import: where it is and what kind it holds.
public struct RecognisedSheet: Hashable, Sendable {
    /// The file.
    public var file: String
    /// The sheet name.
    public var sheet: String
    /// The header row found.
    public var header: HeaderMatch
    /// Data rows read (non-empty rows below the header).
    public var dataRows: Int
}
