import TrainingOps
import XLSX

/// `taphuan inspect FILE --columns`: what the importer understood of each sheet's header.
extension Inspect {
    /// Per sheet: the kind recognised with its score, the header row, each column's concept
    /// and score, the columns not used, the required columns not found and the near misses.
    func printColumns(_ workbook: Workbook) throws {
        var aliases = [SheetType: [String: [String]]]()
        if let settings {
            var inForce = SettingsInForce()
            try inForce.apply(jsonFile: settings)
            aliases = inForce.settings.columnAliases
        }
        let vocabulary = ColumnVocabulary.office(aliases)
        print(try Self.columnsReport(workbook, sheet: sheet, english: inEnglish, vocabulary: vocabulary), terminator: "")
    }

    /// The text ``printColumns(_:)`` prints: every sheet, or only `sheet`.
    static func columnsReport(_ workbook: Workbook, sheet: String?, english: Bool, vocabulary: ColumnVocabulary = .standard) throws -> String {
        try ColumnReport.text(workbook, sheet: sheet, language: english ? .en : .vi, vocabulary: vocabulary)
    }
}
