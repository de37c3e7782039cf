import TrainingOps
import XLSX

/// Writes a sample workbook with our own XLSX writer: title rows and merged banners, a bold
/// frozen header, real dates under day-first formats, fitted widths; byte-identical across runs.
enum SampleWriter {
    static let header = CellStyle(font: Font(bold: true), fill: .solid(.rgb("FFDDEBF7")),
                                  border: .all(BorderEdge(.thin, color: .rgb("FF9BC2E6"))),
                                  alignment: Alignment(vertical: .center, wrapText: true))
    static let title = CellStyle(font: Font(size: 13, bold: true), alignment: Alignment(horizontal: .center))
    static let date = CellStyle(numberFormat: .dayMonthYear)
    static let dateTime = CellStyle(numberFormat: .dayMonthYearTime)

    static func write(_ book: SampleWorkbook, to path: String) throws {
        let workbook = WorkbookWriter(options: WorkbookWriter.Options(deterministic: true))
        workbook.properties.creator = "Văn phòng MISA Đà Nẵng"
        for sample in book.sheets {
            let sheet = try workbook.addSheet(sample.name)
            for row in sample.titleRows { try sheet.appendRow(row, style: title) }
            for range in sample.merges { try sheet.merge(range) }
            try sheet.appendRow(sample.headers.map { .string($0) }, style: header)
            for row in sample.rows {
                try sheet.appendRow(row, styles: row.map { value in
                    guard case .date(let d) = value else { return nil }
                    return d.kind == .date ? date : dateTime
                })
            }
            try sheet.freeze(rows: sample.headerRow)
            try sheet.fitColumns(to: [sample.headers.map { .string($0) }] + sample.rows.prefix(200))
        }
        try workbook.write(to: path)
    }
}
