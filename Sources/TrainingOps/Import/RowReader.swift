import XLSX

/// What the reader needs to know about one column key of a recognised sheet, worked out once
/// per sheet rather than per cell; plain values, so reading one costs no reference counting.
struct ColumnSlot: Sendable {
    /// The column holding the key, `-1` when the sheet lacks it.
    let column: Int
    /// An empty cell is reported as a missing value (a required column that is present, not
    /// judged by a rule).
    let reportsEmpty: Bool
    /// Where the key's declaration and header are in ``ColumnPlan``.
    let index: Int

    /// The column of a key whose cell is the same on every row (``ColumnPlan/init(schema:match:fixed:)``).
    static var fixedColumn: Int { -2 }
}

/// The column slots of a recognised sheet, by key: every key of its schema.
final class ColumnPlan: Sendable {
    let schema: SheetSchema
    let match: HeaderMatch
    private let slots: [String: ColumnSlot]
    /// The declaration of each slot's key.
    private let specs: [ColumnSpec?]
    /// The header to name in findings for each slot: as written on the sheet, else the schema's.
    private let headers: [String?]
    /// What each yes/no slot asks (``YesNoSense/general`` for the others).
    private let senses: [YesNoSense]
    /// The cell of each fixed slot, by slot index.
    private let fixed: [Int: CellValue]

    /// The slots of `match`; the keys of `fixed` read the same cell on every row, wherever
    /// (or whether) the header has their column: a spread column's choice value.
    init(schema: SheetSchema, match: HeaderMatch, fixed: [String: CellValue] = [:]) {
        self.schema = schema
        self.match = match
        var slots: [String: ColumnSlot] = [:]
        var specs: [ColumnSpec?] = [], headers: [String?] = []
        var fixedByIndex: [Int: CellValue] = [:]
        slots.reserveCapacity(schema.columns.count)
        func add(_ key: String, _ spec: ColumnSpec?) {
            if let value = fixed[key] {
                fixedByIndex[specs.count] = value
                slots[key] = ColumnSlot(column: ColumnSlot.fixedColumn, reportsEmpty: false, index: specs.count)
            } else {
                let column = match.columns[key]
                let reportsEmpty = spec.map { $0.required && $0.emptyJudgedBy == nil && column != nil } ?? false
                slots[key] = ColumnSlot(column: column ?? -1, reportsEmpty: reportsEmpty, index: specs.count)
            }
            specs.append(spec)
            headers.append(match.headers[key] ?? spec?.header)
        }
        // Each declaration as it comes, not looked up by key (a search copying every one).
        for spec in schema.columns where slots[spec.key] == nil { add(spec.key, spec) }
        for key in match.columns.keys where slots[key] == nil { add(key, schema.column(key)) }
        self.slots = slots
        self.specs = specs
        self.headers = headers
        self.fixed = fixedByIndex
        senses = specs.map { spec in spec.map { YesNoSense.of($0, in: schema.kind) } ?? .general }
    }

    /// What the slot's column asks, for reading its yes/no answers.
    func sense(_ slot: ColumnSlot) -> YesNoSense { slot.index >= 0 ? senses[slot.index] : .general }

    /// The slot of `key`. A key the kind does not declare is a mistake in the decoder, not in
    /// the workbook: it stops a debug build (the tests decode every kind) instead of reading as
    /// an empty column; a release build reads it as absent.
    func slot(_ key: String) -> ColumnSlot {
        if let slot = slots[key] { return slot }
        assertionFailure("column key \"\(key)\" is not declared by the \(schema.kind.rawValue) sheet kind")
        return ColumnSlot(column: match.columns[key] ?? -1, reportsEmpty: false, index: -1)
    }

    /// The declaration of the slot's key.
    func spec(_ slot: ColumnSlot) -> ColumnSpec? { slot.index >= 0 ? specs[slot.index] : nil }

    /// The cell of a fixed slot.
    func fixedCell(_ slot: ColumnSlot) -> CellValue { fixed[slot.index] ?? .empty }

    /// The header naming the slot's key in findings.
    func header(_ slot: ColumnSlot, key: String) -> String? { slot.index >= 0 ? headers[slot.index] : match.headers[key] }
}

/// Reads the typed values of one data row by column key, turning every value that does not
/// parse, and every required cell left empty, into an ``ImportFinding``.
final class RowReader {
    let cells: [CellValue]
    let plan: ColumnPlan
    let source: SourceRow
    let system: DateSystem
    private(set) var findings: [ImportFinding] = []
    /// The course id, once read, to tag findings.
    var courseId: String?
    /// Whether the last value read could not be read (and was reported so).
    private(set) var lastReadWasInvalid = false

    /// Whether text kept by the records is copied (see ``SheetImporter/copiesText``).
    let copiesText: Bool

    /// The sheet's dates so far, for dates written without a year.
    let dates: DateContext?

    init(cells: [CellValue], plan: ColumnPlan, source: SourceRow, system: DateSystem, copiesText: Bool = false,
         dates: DateContext? = nil) {
        self.cells = cells
        self.plan = plan
        self.source = source
        self.system = system
        self.copiesText = copiesText
        self.dates = dates
    }

    /// The cell of `key`, `.empty` when the column is absent or the row short.
    func cell(_ key: String) -> CellValue { cell(plan.slot(key)) }

    private func cell(_ slot: ColumnSlot) -> CellValue {
        guard slot.column >= 0, slot.column < cells.count else {
            return slot.column == ColumnSlot.fixedColumn ? plan.fixedCell(slot) : .empty
        }
        return cells[slot.column]
    }

    /// Reads `key` with `parse`, reporting invalid, corrected and missing-required values.
    /// `correction` says, in Vietnamese and English, why a corrected value was re-read.
    /// With `unknown`, a value that does not parse is of an open list: reported as unknown
    /// (a warning saying what applies instead, `unknown` giving the Vietnamese and English),
    /// not as invalid.
    func read<T>(_ key: String, correction: (vi: String, en: String) = ("sai chính tả?", "misspelt?"),
                 unknown: ((String) -> (vi: String, en: String))? = nil,
                 _ parse: (CellValue) -> Parsed<T>) -> T? {
        read(key, plan.slot(key), correction: correction, unknown: unknown, parse)
    }

    /// ``read(_:correction:unknown:_:)`` with the key's slot already looked up.
    private func read<T>(_ key: String, _ slot: ColumnSlot, correction: (vi: String, en: String) = ("sai chính tả?", "misspelt?"),
                         unknown: ((String) -> (vi: String, en: String))? = nil,
                         _ parse: (CellValue) -> Parsed<T>) -> T? {
        let value = cell(slot)
        let parsed = parse(value)
        if case .invalid = parsed { lastReadWasInvalid = true } else { lastReadWasInvalid = false }
        switch parsed {
        case .value(let v):
            return v
        case .corrected(let v):
            report(.correctedValue, key, slot, raw: CellParser.text(value),
                   "Đã hiểu \"\(CellParser.text(value) ?? "")\" là \"\(label(v))\" (\(correction.vi)).",
                   "Read \"\(CellParser.text(value) ?? "")\" as \"\(label(v))\" (\(correction.en)).")
            return v
        case .empty:
            if slot.reportsEmpty, let spec = plan.spec(slot) {
                report(.missingValue, key, slot, raw: nil,
                       "Ô bắt buộc \"\(spec.header)\" đang trống.",
                       "Required cell \"\(spec.header)\" is empty.")
            }
            return nil
        case .invalid:
            let raw = CellParser.text(value) ?? describe(value)
            if let unknown {
                lastReadWasInvalid = false
                let (vi, en) = unknown(raw)
                report(.unknownValue, key, slot, raw: raw, vi, en)
                return nil
            }
            let spec = plan.spec(slot)
            report(.invalidValue, key, slot, raw: raw,
                   "Giá trị \"\(raw)\" không đọc được là \(spec?.type.vietnameseName ?? "giá trị hợp lệ").",
                   "Value \"\(raw)\" is not a valid \(spec.map { englishName($0.type) } ?? "value").")
            return nil
        }
    }

    /// The course id in its canonical form (``CellParser/courseId(_:)``), remembered to tag
    /// the row's later findings.
    func courseIdValue() -> String? {
        let before = findings.count
        let id = kept(read("courseId", correction: ("viết lại theo dạng mã khóa", "rewritten in the form of a course id"),
                           CellParser.courseId))
        courseId = id
        // The id's own correction names the course it was read as.
        for i in before..<findings.count { findings[i].courseId = id }
        return id
    }

    /// The product, by label, variant or the family its words name; one of no known family
    /// is reported as unknown (a warning) and read as none, so the default lead time applies.
    func product(_ key: String) -> Product? {
        read(key, unknown: { raw in
            ("Sản phẩm \"\(raw)\" không thuộc nhóm sản phẩm nào đã biết: áp dụng thời hạn bàn giao mặc định.",
             "Product \"\(raw)\" belongs to no known product family: the default handover lead time applies.")
        }, CellParser.product)
    }

    func text(_ key: String) -> String? { kept(read(key) { CellParser.text($0).map(Parsed.value) ?? .empty }) }
    func date(_ key: String) -> LocalDate? { moment(key)?.date }
    /// A moment whose day may be left out when it is `day` (a report time `7h50` on the row
    /// of a session): a time alone, typed or an Excel time, is read on `day`.
    func moment(_ key: String, onDay day: LocalDate?) -> LocalMoment? {
        guard let day else { return moment(key) }
        return read(key) { cell in
            let complete = CellParser.moment(cell, system: system, reference: dates?.reference)
            guard case .invalid = complete else { return complete }
            switch cell.resolved {
            case .date(let d) where d.kind == .time:
                let c = d.components
                return .value(LocalMoment(day, LocalTime(c.hour, c.minute)))
            case .number(let n) where n >= 0 && n < 1:
                let minutes = Int((n * 1440).rounded())
                return minutes < 1440 ? .value(LocalMoment(day, LocalTime(minutes / 60, minutes % 60))) : .invalid
            default:
                return CellParser.text(cell).flatMap(TextDateParser.parseTime).map { .value(LocalMoment(day, $0)) } ?? .invalid
            }
        }
    }

    func moment(_ key: String) -> LocalMoment? {
        let last = DateRanges.takesLastDay(plan.schema.kind, key)
        return read(key) { cell in
            // A complete date is remembered for the dates after it that lack their year.
            let complete = CellParser.moment(cell, system: system)
            // A span (`20-21/10/2026`) where a first or last day is read.
            if case .invalid = complete, let last, let text = CellParser.text(cell), let (first, end) = TextDateParser.parseRange(text) {
                dates?.saw(end)
                return .value(LocalMoment(last ? end : first))
            }
            if case .invalid = complete, let dates {
                return CellParser.moment(cell, system: system, reference: dates.reference)
            }
            if let m = complete.value { dates?.saw(m.date) }
            return complete
        }
    }
    func yesNo(_ key: String) -> Bool? {
        let slot = plan.slot(key), sense = plan.sense(slot)
        return read(key, slot) { CellParser.yesNo($0, sense: sense) }
    }
    /// A checklist item answered yes/no or with its evidence (``CellParser/checklist(_:sense:)``).
    func checklist(_ key: String) -> Bool? {
        let slot = plan.slot(key), sense = plan.sense(slot)
        return read(key, slot) { CellParser.checklist($0, sense: sense) }
    }
    /// A checklist item counted (`Số ĐV xác nhận`): a count, or a yes/no or its evidence
    /// where the count was not written (`Có`, `Đã gọi đủ`).
    func checklistCount(_ key: String) -> PreCheck.Answer? {
        read(key) { cell in
            switch CellParser.count(cell) {
            case .value(let n): return .value(.count(n))
            case .corrected(let n): return .corrected(.count(n))
            case .empty: return .empty
            case .invalid:
                if let n = CellParser.text(cell).flatMap(CellParser.leadingCount) { return .value(.count(n)) }
                return CellParser.checklist(cell).value.map { .value(.yesNo($0)) } ?? .invalid
            }
        }
    }
    func count(_ key: String) -> Int? { read(key, CellParser.count) }
    func percent(_ key: String) -> Double? { read(key, CellParser.percent) }
    func score(_ key: String) -> Double? { read(key, CellParser.score) }
    func phone(_ key: String) -> String? { read(key, CellParser.phone) }
    func email(_ key: String) -> String? { kept(read(key, CellParser.email)) }
    func week(_ key: String) -> Week? { read(key) { CellParser.week($0, system: system) } }
    func choice<V: Vocabulary>(_ key: String, _ type: V.Type) -> V? { read(key) { CellParser.choice($0, as: type) } }

    /// `text` as the records keep it: a copy of its own when ``copiesText`` is set. A string
    /// of up to 15 bytes is held in place and costs nothing to copy.
    private func kept(_ text: String?) -> String? {
        guard copiesText, let text else { return text }
        return ownedCopy(of: text)
    }

    /// A skipped row: its key cells (`keys`) are missing or unreadable. When the sheet lacks
    /// one of those columns altogether, the header's missing-column finding already says why
    /// every row is left out: one finding per cause, not one per row.
    func skip(_ reasonVI: String, _ reasonEN: String, keys: String...) {
        guard keys.allSatisfy({ plan.slot($0).column >= 0 }) else { return }
        findings.append(ImportFinding(.skippedRow, file: source.file, sheet: source.sheet, cell: "\(source.row):\(source.row)",
                                      courseId: courseId, message: "Bỏ qua dòng \(source.row): \(reasonVI)",
                                      messageEnglish: "Row \(source.row) skipped: \(reasonEN)"))
    }

    private func report(_ kind: ImportFinding.Kind, _ key: String, _ slot: ColumnSlot, raw: String?, _ vi: String, _ en: String) {
        findings.append(ImportFinding(kind, file: source.file, sheet: source.sheet, cell: source.cell(key), columnKey: key,
                                      header: plan.header(slot, key: key), raw: raw,
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

/// A string with storage of its own, allocated by the calling thread.
func ownedCopy(of text: String) -> String {
    var text = text
    return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
}

/// Course ids compare trimmed, with inner spaces collapsed and letters upper-cased.
func canonicalCourseId(_ raw: String?) -> String? {
    guard let raw else { return nil }
    if let id = asciiCourseId(raw) { return id.isEmpty ? nil : id }
    let id = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    return id.isEmpty ? nil : id
}

/// ``canonicalCourseId(_:)`` for ASCII text without white space (nearly every id): the text
/// with its lowercase letters upper-cased; `nil` for any other text.
private func asciiCourseId(_ raw: String) -> String? {
    var raw = raw
    let lower = UInt8(ascii: "a")...UInt8(ascii: "z")
    let needsUpper = raw.withUTF8 { bytes -> Bool? in
        guard bytes.allSatisfy({ $0 < 0x80 && !CharacterClasses.asciiWhitespace[Int($0)] }) else { return nil }
        return bytes.contains(where: lower.contains)
    }
    switch needsUpper {
    case nil: return nil
    case false?: return raw
    case true?: return String(decoding: raw.utf8.map { lower.contains($0) ? $0 - 32 : $0 }, as: UTF8.self)
    }
}
