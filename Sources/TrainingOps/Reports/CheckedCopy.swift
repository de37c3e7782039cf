import XLSX

/// A checked copy of one input workbook: the workbook as it was — fonts, borders, fills, row
/// heights, drop-downs, frozen panes, conditional formats, pictures, notes — with flagged cells
/// filled (red for an error, amber for a warning, blue for info, the rest of each cell's look
/// kept), each with a note saying what is wrong, and a "Kết quả kiểm tra" sheet listing the
/// workbook's findings with a link to each cell. The input is only read.
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
        let names = Set(workbook.sheets.filter { $0.kind == .worksheet }.map(\.name))
        var marks = WorkbookAnnotations()
        var flagged: [String: [CellReference: [Finding]]] = [:]
        for f in findings {
            guard let sheet = f.sheet, names.contains(sheet), let ref = f.cell.flatMap(target) else { continue }
            flagged[sheet, default: [:]][ref, default: []].append(f)
        }
        for (sheet, cells) in flagged {
            for (ref, fs) in cells {
                marks.fill(ref, in: sheet, with: fill(fs.map(\.severity).max() ?? .info))
                let text = fs.map { "[\($0.rule)] \($0.message(language))" }.joined(separator: "\n")
                marks.addNote(Note(text, author: "taphuan"), at: ref, in: sheet)
            }
        }
        marks.append(findingsSheet(findings, sheets: names, language: language))
        try marks.write(workbook: input, to: output, replaceExisting: false)
    }

    /// The cell a finding points at: its own cell, or column A of its row (`7:7`).
    static func target(_ cell: String) -> CellReference? {
        if let ref = CellReference(cell) { return ref }
        let parts = cell.split(separator: ":")
        guard parts.count == 2, let row = Int(parts[0]), row >= 1 else { return nil }
        return CellReference(row: row - 1, column: 0)
    }

    static func findingsSheet(_ findings: [Finding], sheets: Set<String>, language: Language) -> AddedSheet {
        let vi = language == .vi
        var out = AddedSheet(findingsSheet)
        let bold = AddedSheet.Look(font: Font(bold: true))
        out.appendRow((vi ? ["Mức độ", "Quy tắc", "Khóa", "Sheet", "Ô", "Nội dung"] : ["Severity", "Rule", "Course", "Sheet", "Cell", "Message"])
            .map { CellValue.string($0) }, looks: Array(repeating: bold, count: 6))
        for (i, f) in findings.enumerated() {
            let severity = vi ? f.severity.vietnamese : f.severity.rawValue
            out.appendRow([.string(severity), .string(f.rule), .string(f.course ?? ""), .string(f.sheet ?? ""), .string(f.cell ?? ""),
                           .string(f.message(language))], looks: [AddedSheet.Look(fill: fill(f.severity))])
            if let sheet = f.sheet, sheets.contains(sheet), let ref = f.cell.flatMap(target), let here = CellReference(row: i + 1, column: 4) {
                out.link(here, to: ref, in: sheet)
            }
        }
        out.frozenRows = 1
        for (column, width) in [10.0, 28, 14, 18, 8, 90].enumerated() { out.columnWidths[column] = width }
        return out
    }
}
