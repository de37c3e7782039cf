import TrainingOps
import XLSX

/// `taphuan inspect FILE --columns`: what the importer understood of each sheet's header.
extension Inspect {
    /// Per sheet: the kind recognised with its score, the header row, each column's concept
    /// and score, the columns not used, the required columns not found and the near misses.
    func printColumns(_ workbook: Workbook) throws {
        print(try Self.columnsReport(workbook, sheet: sheet, english: inEnglish), terminator: "")
    }

    /// The text ``printColumns(_:)`` prints: every sheet, or only `sheet`.
    static func columnsReport(_ workbook: Workbook, sheet: String?, english: Bool) throws -> String {
        try ColumnReport.text(workbook, sheet: sheet, language: english ? .en : .vi)
    }
}
