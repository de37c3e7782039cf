import XLSX

/// Reads the typed values of one data row by column key, turning every value that does not
/// parse, and every required cell left empty, into an ``ImportFinding``.
final class RowReader {
    let cells: [CellValue]
    let schema: SheetSchema
    let match: HeaderMatch
    let source: SourceRow
    let system: DateSystem
    private(set) var findings: [ImportFinding] = []
    /// The course id, once read, to tag findings.
    var courseId: String?

    init(cells: [CellValue], schema: SheetSchema, match: HeaderMatch, source: SourceRow, system: DateSystem) {
        self.cells = cells
        self.schema = schema
        self.match = match
        self.source = source
        self.system = system
    }

    /// The cell of `key`, `.empty` when the column is absent or the row short.
    func cell(_ key: String) -> CellValue {
        guard let c = match.columns[key], c < cells.count else { return .empty }
        return cells[c]
    }

    /// Reads `key` with `parse`, reporting invalid, corrected and missing-required values.
    func read<T>(_ key: String, _ parse: (CellValue) -> Parsed<T>) -> T? {
        let value = cell(key)
        switch parse(value) {
        case .value(let v):
            return v
        case .corrected(let v):
            report(.correctedValue, key, raw: CellParser.text(value),
                   "Đã hiểu \"\(CellParser.text(value) ?? "")\" là \"\(label(v))\" (sai chính tả?).",
                   "Read \"\(CellParser.text(value) ?? "")\" as \"\(label(v))\" (misspelt?).")
            return v
        case .empty:
            if let spec = schema.column(key), spec.required, spec.emptyJudgedBy == nil, match.columns[key] != nil {
                report(.missingValue, key, raw: nil,
                       "Ô bắt buộc \"\(spec.header)\" đang trống.",
                       "Required cell \"\(spec.header)\" is empty.")
            }
            return nil
        case .invalid:
            let raw = CellParser.text(value) ?? describe(value)
            let spec = schema.column(key)
            report(.invalidValue, key, raw: raw,
                   "Giá trị \"\(raw)\" không đọc được là \(spec?.type.vietnameseName ?? "giá trị hợp lệ").",
                   "Value \"\(raw)\" is not a valid \(spec.map { englishName($0.type) } ?? "value").")
            return nil
        }
    }

    func text(_ key: String) -> String? { read(key) { CellParser.text($0).map(Parsed.value) ?? .empty } }
    func date(_ key: String) -> LocalDate? { read(key) { CellParser.date($0, system: system) } }
    func moment(_ key: String) -> LocalMoment? { read(key) { CellParser.moment($0, system: system) } }
    func yesNo(_ key: String) -> Bool? { read(key, CellParser.yesNo) }
    func count(_ key: String) -> Int? { read(key, CellParser.count) }
    func percent(_ key: String) -> Double? { read(key, CellParser.percent) }
    func score(_ key: String) -> Double? { read(key, CellParser.score) }
    func phone(_ key: String) -> String? { read(key, CellParser.phone) }
    func email(_ key: String) -> String? { read(key, CellParser.email) }
    func week(_ key: String) -> Week? { read(key) { CellParser.week($0, system: system) } }
    func choice<V: Vocabulary>(_ key: String, _ type: V.Type) -> V? { read(key) { CellParser.choice($0, as: type) } }

    /// A skipped row: its key cells are missing or unreadable.
    func skip(_ reasonVI: String, _ reasonEN: String) {
        findings.append(ImportFinding(.skippedRow, file: source.file, sheet: source.sheet, cell: "\(source.row):\(source.row)",
                                      courseId: courseId, message: "Bỏ qua dòng \(source.row): \(reasonVI)",
                                      messageEnglish: "Row \(source.row) skipped: \(reasonEN)"))
    }

    private func report(_ kind: ImportFinding.Kind, _ key: String, raw: String?, _ vi: String, _ en: String) {
        findings.append(ImportFinding(kind, file: source.file, sheet: source.sheet, cell: source.cell(key), columnKey: key,
                                      header: match.headers[key] ?? schema.column(key)?.header, raw: raw,
                                      courseId: courseId, message: vi, messageEnglish: en))
    }

    private func label(_ v: Any) -> String { (v as? any Vocabulary)?.label ?? "\(v)" }

    private func describe(_ v: CellValue) -> String {
        switch v.resolved {
        case .error(let e): return e
        case .date(let d): return d.description
        case .bool(let b): return b ? "TRUE" : "FALSE"
        default: return "\(v)"
        }
    }

    private func englishName(_ t: ColumnType) -> String {
        switch t {
        case .text: return "text"
        case .count: return "whole number"
        case .decimal: return "number"
        case .percent: return "percentage"
        case .score: return "score from 1 to 5"
        case .date: return "date (day first)"
        case .moment: return "date and time (day first)"
        case .yesNo: return "yes/no"
        case .phone: return "Vietnamese phone number"
        case .email: return "e-mail address"
        case .week: return "week"
        case .choice(let list): return "choice of " + list.labels.joined(separator: " / ")
        }
    }
}

/// Course ids compare trimmed, with inner spaces collapsed and letters upper-cased.
func canonicalCourseId(_ raw: String?) -> String? {
    guard let raw else { return nil }
    let id = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    return id.isEmpty ? nil : id
}
