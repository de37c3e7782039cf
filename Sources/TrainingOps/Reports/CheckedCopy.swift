import XLSX

/// A checked copy of one input workbook: every sheet copied cell by cell (values, number
/// formats, merged ranges, column widths), flagged cells filled — red for an error, amber for a
/// warning, blue for info — each with a note saying what is wrong, and a "Kết quả kiểm tra"
/// sheet listing the workbook's findings with a link to each cell. The input is only read.
public enum CheckedCopy {
    /// The name of the findings sheet.
    public static let findingsSheet = "Kết quả kiểm tra"

    /// The fill of a flagged cell of `severity`.
    public static func fill(_ severity: Severity) -> Fill {
        switch severity {
        case .error: return .solid(.rgb("FFFFC7CE"))
        case .warning: return .solid(.rgb("FFFFEB9C"))
        case .info: return .solid(.rgb("FFDDEBF7"))
        }
    }

    /// Writes the copy of `input` (named `file` in the findings) to `output`, which must not exist.
    public static func write(input: String, file: String, findings all: [Finding], language: Language, to output: String) throws {
        let findings = all.filter { $0.file == file }
        let workbook = try Workbook(path: input)
        let writer = WorkbookWriter()
        var names: Set<String> = []
        for (index, info) in workbook.sheets.enumerated() where info.kind == .worksheet {
            let sheet = try workbook.sheet(at: index)
            let out = try writer.addSheet(info.name)
            names.insert(info.name)
            var flagged: [CellReference: [Finding]] = [:]
            for f in findings where f.sheet == info.name {
                if let ref = f.cell.flatMap(target) { flagged[ref, default: []].append(f) }
            }
            var written: Set<CellReference> = []
            for row in sheet.rows {
                for cell in row.cells {
                    var style = CellStyle(numberFormat: workbook.numberFormat(of: cell))
                    if let fs = flagged[cell.reference] { style.fill = fill(fs.map(\.severity).max() ?? .info) }
                    try out.set(cell.value, at: cell.reference, style: style)
                    written.insert(cell.reference)
                }
            }
            for (ref, fs) in flagged.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }) {
                if !written.contains(ref) { try out.set(.empty, at: ref, style: CellStyle(fill: fill(fs.map(\.severity).max() ?? .info))) }
                let text = fs.map { "[\($0.rule)] \($0.message(language))" }.joined(separator: "\n")
                try out.addNote(Note(text, author: "taphuan"), at: ref)
            }
            for range in sheet.mergedRanges { try out.merge(range) }
            for column in sheet.columns {
                if let width = column.width { try out.setColumnWidth(width, columns: column.first...column.last) }
            }
        }
        try writeFindings(findings, sheets: names, language: language, into: writer)
        try writer.write(to: output, replaceExisting: false)
    }

    /// The cell a finding points at: its own cell, or column A of its row (`7:7`).
    static func target(_ cell: String) -> CellReference? {
        if let ref = CellReference(cell) { return ref }
        let parts = cell.split(separator: ":")
        guard parts.count == 2, let row = Int(parts[0]), row >= 1 else { return nil }
        return CellReference(row: row - 1, column: 0)
    }

    static func writeFindings(_ findings: [Finding], sheets: Set<String>, language: Language, into writer: WorkbookWriter) throws {
        let vi = language == .vi
        let out = try writer.addSheet(findingsSheet)
        let bold = CellStyle(font: Font(bold: true))
        try out.appendRow((vi ? ["Mức độ", "Quy tắc", "Khóa", "Sheet", "Ô", "Nội dung"] : ["Severity", "Rule", "Course", "Sheet", "Cell", "Message"])
            .map { CellValue.string($0) }, style: bold)
        for (i, f) in findings.enumerated() {
            let severity = vi ? f.severity.vietnamese : f.severity.rawValue
            try out.appendRow([.string(severity), .string(f.rule), .string(f.course ?? ""), .string(f.sheet ?? ""), .string(f.cell ?? ""),
                               .string(f.message(language))], styles: [CellStyle(fill: fill(f.severity)), nil, nil, nil, nil, nil])
            if let sheet = f.sheet, sheets.contains(sheet), let ref = f.cell.flatMap(target), let here = CellReference(row: i + 1, column: 4) {
                try out.addHyperlink(.internal(sheet: sheet, CellRange(ref, ref)), at: here)
            }
        }
        try out.freeze(rows: 1)
        try out.setColumnWidth(10, column: 0)
        try out.setColumnWidth(28, column: 1)
        try out.setColumnWidth(14, column: 2)
        try out.setColumnWidth(18, column: 3)
        try out.setColumnWidth(8, column: 4)
        try out.setColumnWidth(90, column: 5)
    }
}
