import XLSX

/// A column of a report table: its header in both languages, width and how its cells look.
struct WeeklyColumn {
    /// How a column's values are formatted.
    enum Kind { case text, wrap, integer, decimal, percent, date, moment }
    var header: WeeklyText
    var width: Double
    var kind: Kind

    init(_ header: WeeklyText, _ width: Double, _ kind: Kind = .text) {
        self.header = header
        self.width = width
        self.kind = kind
    }

    init(_ vi: String, _ en: String, _ width: Double, _ kind: Kind = .text) {
        self.init(WeeklyText(vi, en), width, kind)
    }
}

/// Writes the parts every weekly sheet shares: the title block, tables with a styled header
/// row, Vietnamese formats (`dd/mm/yyyy`, `#,##0`, `0.0%`) and A4 landscape printing; its
/// words in the report's language.
struct WeeklySheetBuilder {
    static let navy = Color.rgb("FF1F4E79")
    static let thin = Border.all(BorderEdge(.thin, color: .rgb("FF8EA9C1")))
    static let title = CellStyle(font: Font(size: 15, bold: true, color: navy))
    static let subtitle = CellStyle(font: Font(size: 11, italic: true, color: .rgb("FF404040")))
    static let section = CellStyle(font: Font(size: 12, bold: true, color: navy))
    static let label = CellStyle(font: Font(bold: true))
    static let header = CellStyle(font: Font(bold: true, color: .white), fill: .solid(navy), border: thin,
                                  alignment: Alignment(horizontal: .center, vertical: .center, wrapText: true))
    static let total = CellStyle(font: Font(bold: true), fill: .solid(.rgb("FFDDEBF7")), border: thin, numberFormat: .thousands)
    static let empty = CellStyle(font: Font(italic: true, color: .rgb("FF7F7F7F")))

    /// The style of a data cell of `kind`.
    static func style(_ kind: WeeklyColumn.Kind, bold: Bool = false) -> CellStyle {
        let format: NumberFormat
        var alignment = Alignment(vertical: .top)
        switch kind {
        case .text: format = .general
        case .wrap: format = .general; alignment.wrapText = true
        case .integer: format = .thousands
        case .decimal: format = NumberFormat("#,##0.00")
        case .percent: format = .percent1
        case .date: format = .dayMonthYear
        case .moment: format = .dayMonthYearTime
        }
        return CellStyle(font: Font(bold: bold), border: thin, alignment: alignment, numberFormat: format)
    }

    let sheet: SheetWriter
    /// The language of the words it writes.
    var language: Language = .vi

    /// Sets the columns' widths and A4 landscape, one page wide, header rows repeated.
    func setUp(_ columns: [WeeklyColumn], repeatRows: ClosedRange<Int>?) throws {
        for (c, col) in columns.enumerated() { try sheet.setColumnWidth(col.width, column: c) }
        sheet.printSetup = PrintSetup(orientation: .landscape, paper: .a4, fitToWidth: 1, fitToHeight: 0,
                                      repeatRows: repeatRows, centerHorizontally: true)
    }

    /// Writes the report's title rows; returns the next free row.
    @discardableResult
    func titleBlock(_ title: String, lines: [(String, CellValue)], width: Int) throws -> Int {
        try sheet.merge(CellRange(ref(0, 0), ref(0, width - 1)), value: .string(title), style: Self.title)
        try sheet.setRowHeight(22, row: 0)
        var row = 1
        for (label, value) in lines {
            try sheet.merge(CellRange(ref(row, 0), ref(row, 1)), value: .string(label), style: Self.label)
            let style: CellStyle? = {
                if case .date(let d) = value { return CellStyle(numberFormat: d.kind == .date ? .dayMonthYear : .dayMonthYearTime) }
                return nil
            }()
            try sheet.merge(CellRange(ref(row, 2), ref(row, 5)), value: value, style: style.map { s -> CellStyle in
                var s = s
                s.alignment = Alignment(horizontal: .left)
                return s
            })
            row += 1
        }
        return row + 1
    }

    /// Writes a section title, a header row and the rows of a table from `row`; returns the
    /// range of the data rows (nil when there are none: a "none" line is written instead) and
    /// the next free row.
    func table(_ heading: String?, at row: Int, _ columns: [WeeklyColumn], _ rows: [[CellValue]],
               none: WeeklyText = .none) throws -> (data: ClosedRange<Int>?, header: Int, next: Int) {
        var r = row
        if let heading {
            try sheet.set(.string(heading), at: ref(r, 0), style: Self.section)
            r += 1
        }
        let header = r
        try headerRow(r, columns)
        r += 1
        guard !rows.isEmpty else {
            try sheet.set(.string(none(language)), at: ref(r, 0), style: Self.empty)
            return (nil, header, r + 2)
        }
        let first = r
        for values in rows {
            for (c, col) in columns.enumerated() {
                try sheet.set(c < values.count ? values[c] : .empty, at: ref(r, c), style: Self.style(col.kind))
            }
            r += 1
        }
        return (first...(r - 1), header, r + 1)
    }

    /// A total row under a table: `SUM` formulas (with their values cached) in `sums`, the
    /// label in the first column.
    func totalRow(_ row: Int, data: ClosedRange<Int>, columns: [WeeklyColumn], sums: [Int: Double]) throws {
        for c in columns.indices {
            let value: CellValue
            if c == 0 {
                value = .string(WeeklyText.total(language))
            } else if let cached = sums[c] {
                let letter = CellReference.columnName(c)
                value = .formula("SUM(\(letter)\(data.lowerBound + 1):\(letter)\(data.upperBound + 1))", cached: .number(cached))
            } else {
                value = .empty
            }
            try sheet.set(value, at: ref(row, c), style: Self.total)
        }
    }

    /// The columns' headers in `row`, styled, the row a little taller.
    func headerRow(_ row: Int, _ columns: [WeeklyColumn]) throws {
        for (c, col) in columns.enumerated() { try sheet.set(.string(col.header(language)), at: ref(row, c), style: Self.header) }
        try sheet.setRowHeight(30, row: row)
    }

    /// A cell reference known to be in range.
    func ref(_ row: Int, _ column: Int) -> CellReference {
        CellReference(row: row, column: column) ?? CellReference(row: 0, column: 0)!
    }
}

extension CellValue {
    /// A date cell for a local date (1900 system).
    static func day(_ d: LocalDate?) -> CellValue {
        guard let d else { return .empty }
        return .date(ExcelDateTime(DateTimeComponents(year: d.year, month: d.month, day: d.day), kind: .date))
    }

    /// A date-time cell for a local moment.
    static func moment(_ m: LocalMoment?) -> CellValue {
        guard let m else { return .empty }
        return .date(ExcelDateTime(m.components, kind: m.time == nil ? .date : .dateTime))
    }

    /// A number cell, empty for nil.
    static func num(_ x: Double?) -> CellValue { x.map { .number($0) } ?? .empty }

    /// An integer cell.
    static func int(_ n: Int) -> CellValue { .number(Double(n)) }

    /// A text cell, empty for nil.
    static func text(_ s: String?) -> CellValue { s.map { .string($0) } ?? .empty }
}
