import XLSX

/// Blank input workbooks staff can start from: one sheet per kind with its headers, a frozen
/// header row, column widths, date and text formats, drop-down lists for closed lists and
/// yes/no, input messages on every column, and the instructions sheet ("Hướng dẫn"). Each list
/// is an Excel table (sorts, filters, banded rows) whose header is protected (no password) and
/// whose data cells are not, and carries the process rules it can check by itself as
/// conditional formats (``LiveRules``), explained on the "Chú giải" sheet.
public enum BlankWorkbook {
    /// How many rows below the header are prepared (formats and validations).
    public static let preparedRows = 500

    static let headerStyle = CellStyle(
        font: Font(bold: true, color: .white), fill: .solid(.rgb("FF1F4E79")),
        border: .all(BorderEdge(.thin, color: .rgb("FFBFBFBF"))),
        alignment: Alignment(horizontal: .center, vertical: .center, wrapText: true))
    static let titleStyle = CellStyle(font: Font(size: 14, bold: true, color: .rgb("FF1F4E79")))
    static let noteStyle = CellStyle(alignment: Alignment(vertical: .top, wrapText: true))

    /// The cell format a column's data cells get.
    static func dataStyle(_ type: ColumnType) -> CellStyle? {
        switch type {
        case .date: return CellStyle(numberFormat: .dayMonthYear)
        case .moment: return CellStyle(numberFormat: .dayMonthYearTime)
        case .percent: return CellStyle(numberFormat: .percent)
        case .phone, .text, .email, .week: return CellStyle(numberFormat: .text)
        case .count: return CellStyle(numberFormat: .integer)
        default: return nil
        }
    }

    /// The validation of a column: a drop-down for closed lists and yes/no, bounds for numbers
    /// and dates, and the column's input message in every case.
    static func validation(_ column: ColumnSpec) -> DataValidation {
        let (title, text) = InputGuide.inputMessage(column)
        let input = DataValidation.Message(title: title, text)
        let error = DataValidation.Message(title: "Giá trị chưa đúng", String(InputGuide.howToType(column.type).prefix(255)))
        switch column.type {
        case .choice(let list):
            return DataValidation(.list(list.labels), inputMessage: input, errorMessage: error, errorStyle: .warning)
        case .yesNo:
            return DataValidation(.list(["Có", "Không"]), inputMessage: input, errorMessage: error, errorStyle: .warning)
        case .count:
            return DataValidation(.wholeNumber(.greaterThanOrEqual(0)), inputMessage: input, errorMessage: error, errorStyle: .warning)
        case .score:
            return DataValidation(.decimal(.between(1, 5)), inputMessage: input, errorMessage: error, errorStyle: .warning)
        case .date, .moment:
            return DataValidation(.date(.between(DateTimeComponents(year: 2020, month: 1, day: 1), DateTimeComponents(year: 2040, month: 12, day: 31))),
                                  inputMessage: input, errorMessage: error, errorStyle: .warning)
        default:
            return DataValidation(.any, inputMessage: input)
        }
    }

    /// A workbook holding the instructions, one blank sheet per kind in the order given, and
    /// the legend of the live rules, whose thresholds are those of `settings`.
    public static func workbook(_ kinds: [SheetType], settings: Settings = Settings(), deterministic: Bool = false) throws -> WorkbookWriter {
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        try addInstructions(to: book, kinds: kinds)
        let rules = LiveRules.rules(for: kinds, settings: settings, lastRow: preparedRows + 1)
        for kind in kinds { try addSheet(kind, to: book, rules: rules) }
        try LiveRules.addLegend(rules, to: book)
        return book
    }

    /// Writes ``workbook(_:settings:deterministic:)`` to `path` (atomically).
    public static func write(_ kinds: [SheetType], to path: String, settings: Settings = Settings(), replaceExisting: Bool = true) throws {
        try workbook(kinds, settings: settings).write(to: path, replaceExisting: replaceExisting)
    }

    /// The header cell's text of a column: its header, with ` *` when required.
    static func headerText(_ column: ColumnSpec) -> String { column.header + (column.required ? " *" : "") }

    static func addSheet(_ kind: SheetType, to book: WorkbookWriter, rules: [LiveRules.Rule]) throws {
        let schema = kind.schema
        let sheet = try book.addSheet(schema.sheetName)
        try sheet.appendRow(schema.columns.map { .string(headerText($0)) }, style: headerStyle)
        try sheet.setRowHeight(32, row: 0)
        try sheet.freeze(rows: 1)
        for (c, column) in schema.columns.enumerated() {
            try sheet.setColumnWidth(column.width, column: c)
            var style = dataStyle(column.type) ?? CellStyle()
            style.locked = false
            for row in 1...preparedRows { try sheet.set(.empty, at: CellReference(row: row, column: c)!, style: style) }
            let range = CellRange(CellReference(row: 1, column: c)!, CellReference(row: preparedRows, column: c)!)
            try sheet.addValidation(validation(column), to: range)
        }
        let last = CellReference(row: preparedRows, column: schema.columns.count - 1)!
        try sheet.addTable(Table(name: "Bang_" + kind.rawValue, range: CellRange(CellReference(row: 0, column: 0)!, last),
                                 columns: schema.columns.map { Table.Column(headerText($0)) },
                                 style: Table.Style(name: "TableStyleLight9")))
        try LiveRules.apply(rules, to: sheet, kind: kind, lastRow: preparedRows + 1)
        sheet.protect(SheetProtection(allowed: [.selectLockedCells, .selectUnlockedCells, .sort, .autoFilter,
                                                .formatColumns, .formatRows, .insertRows, .deleteRows]))
    }

    static func addInstructions(to book: WorkbookWriter, kinds: [SheetType]) throws {
        let sheet = try book.addSheet(InputGuide.sheetName)
        for (n, line) in InputGuide.introduction.enumerated() {
            try sheet.appendRow([.string(line)], style: n == 0 ? titleStyle : nil)
        }
        try sheet.appendRow([])
        let headerRow = sheet.lastRow + 1
        try sheet.appendRow(InputGuide.header.map { .string($0) }, style: headerStyle)
        for row in InputGuide.rows(for: kinds) { try sheet.appendRow(row.map { .string($0) }, style: noteStyle) }
        for (c, width) in [20.0, 28, 9, 22, 40, 60, 40].enumerated() { try sheet.setColumnWidth(width, column: c) }
        try sheet.freeze(rows: headerRow + 1)
    }
}
