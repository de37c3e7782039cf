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

    /// The name of the sheet saying how each sheet's columns were read.
    public static let columnsSheet = "Cách đọc cột"

    /// Writes the copy of `input` (named `file` in the findings) to `output`, which must not
    /// exist. A "Cách đọc cột" sheet says how the columns of each of this file's sheets among
    /// those recognised (``Dataset/sheets``) were read, or that none was read as data.
    public static func write(input: String, file: String, findings all: [Finding], sheets recognised: [RecognisedSheet] = [],
                             language: Language, to output: String) throws {
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
        let mine = recognised.filter { $0.file == file && names.contains($0.sheet) }
        marks.append(columnsSheet(mine, language: language))
        try marks.write(workbook: input, to: output, replaceExisting: false)
    }

    /// Per sheet: its kind and header row, then each column as written, the concept it was
    /// read as (with its score, and whether its values settled it), the columns not read and
    /// the required columns not found, each header linked to its cell.
    static func columnsSheet(_ sheets: [RecognisedSheet], language: Language) -> AddedSheet {
        let vi = language == .vi
        var out = AddedSheet(columnsSheet)
        let bold = AddedSheet.Look(font: Font(bold: true))
        let unread = AddedSheet.Look(fill: fill(.warning))
        let missing = AddedSheet.Look(fill: fill(.error))
        out.appendRow((vi ? ["Sheet", "Ô", "Tiêu đề trên sheet", "Đọc là", "Điểm", "Ghi chú"]
                          : ["Sheet", "Cell", "Header on the sheet", "Read as", "Score", "Note"]).map { CellValue.string($0) },
                      looks: Array(repeating: bold, count: 6))
        if sheets.isEmpty {
            out.appendRow([.string(vi ? "Không có sheet nào được đọc như dữ liệu (không thấy dòng tiêu đề của loại sheet nào)."
                                      : "No sheet was read as data (no header row of a known kind).")])
        }
        for sheet in sheets {
            let m = sheet.header, schema = m.kind.schema
            let row = m.headerRow + 1
            var title = vi ? "\(schema.sheetName), dòng tiêu đề \(row)" : "\(schema.sheetName), header row \(row)"
            if let group = m.groupRow { title += vi ? " (nhóm tiêu đề: dòng \(group + 1))" : " (group headers: row \(group + 1))" }
            out.appendRow([.string(sheet.sheet), .empty, .empty, .string(title)], looks: [bold, nil, nil, bold])
            var lines: [(column: Int, values: [CellValue], look: AddedSheet.Look?)] = []
            for (key, column) in m.columns {
                let declared = schema.column(key)?.header ?? key
                let how = m.byValues.contains(key) ? (vi ? "theo giá trị trong cột" : "by the column's values") : ""
                lines.append((column, [.string(m.headers[key] ?? ""), .string(declared), .number(((m.scores[key] ?? 0) * 100).rounded() / 100), .string(how)], nil))
            }
            for (column, header) in m.unknownColumns {
                var note = vi ? "không đọc (giữ nguyên)" : "not read (kept)"
                if let near = m.nearMisses.first(where: { $0.column == column }), let spec = schema.column(near.key) {
                    note += vi ? "; có thể là \"\(spec.header)\"" : "; may be \"\(spec.header)\""
                }
                lines.append((column, [.string(header), .empty, .empty, .string(note)], unread))
            }
            for (column, header, key) in m.duplicateColumns {
                let note = vi ? "trùng cột \(schema.column(key)?.header ?? key) đã đọc" : "repeats \(schema.column(key)?.header ?? key), already read"
                lines.append((column, [.string(header), .empty, .empty, .string(note)], unread))
            }
            for (column, values, look) in lines.sorted(by: { $0.column < $1.column }) {
                let cell = CellReference.columnName(column) + String(row)
                out.appendRow([.string(sheet.sheet), .string(cell)] + values, looks: [nil, nil, look, look, look, look])
                if let here = CellReference(row: out.rows.count - 1, column: 1), let target = CellReference(row: row - 1, column: column) {
                    out.link(here, to: target, in: sheet.sheet)
                }
            }
            for spec in m.missingRequired {
                out.appendRow([.string(sheet.sheet), .empty, .empty, .string(spec.header), .empty,
                               .string(vi ? "cột bắt buộc không thấy trên sheet" : "required column not found on the sheet")],
                              looks: [nil, nil, missing, missing, missing, missing])
            }
        }
        out.frozenRows = 1
        for (column, width) in [18.0, 8, 36, 30, 8, 50].enumerated() { out.columnWidths[column] = width }
        return out
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
