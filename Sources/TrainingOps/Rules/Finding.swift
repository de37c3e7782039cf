/// A value behind a finding (a count of days, a date, a product), kept typed for JSON.
public enum FindingValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A whole number.
    case int(Int)
    /// Text: dates, moments, names.
    case text(String)

    /// Decodes a JSON number or string.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .int(n) } else { self = .text(try c.decode(String.self)) }
    }

    /// Encodes as a JSON number or string.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let n): try c.encode(n)
        case .text(let t): try c.encode(t)
        }
    }

    /// The value as written in messages.
    public var description: String {
        switch self {
        case .int(let n): return String(n)
        case .text(let t): return t
        }
    }
}

/// One problem found in the office's workbooks: a broken step of the process (a rule) or a
/// fault of form met while reading. The JSON shape (`rule`, `severity`, `course`, `file`,
/// `sheet`, `cell`, `message_vi`, `message_en`, `data`) is documented in docs/rules.md and stable.
public struct Finding: Hashable, Sendable, Codable {
    /// The stable rule id (`HANDOVER_LATE`, `IMPORT_INVALID_VALUE`).
    public var rule: String
    /// How serious.
    public var severity: Severity
    /// The course concerned, when there is one.
    public var course: String?
    /// The workbook file.
    public var file: String?
    /// The sheet.
    public var sheet: String?
    /// The cell (`D7`) or row (`7:7`); `nil` when what is missing has no cell of its own.
    public var cell: String?
    /// The message in Vietnamese.
    public var messageVi: String
    /// The message in English.
    public var messageEn: String
    /// The figures behind the message.
    public var data: [String: FindingValue]

    /// A finding.
    public init(rule: String, severity: Severity, course: String?, file: String?, sheet: String?, cell: String?,
                messageVi: String, messageEn: String, data: [String: FindingValue] = [:]) {
        self.rule = rule
        self.severity = severity
        self.course = course
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.messageVi = messageVi
        self.messageEn = messageEn
        self.data = data
    }

    /// A finding placed on a record's row, at the cell of column `key` when the sheet has it.
    /// A key no sheet kind declares is a mistake in a rule, not in the workbook: it stops a
    /// debug build (the tests fire every rule) instead of placing the finding on the row alone.
    public init(rule: String, severity: Severity, course: String?, at source: SourceRow, column key: String?,
                messageVi: String, messageEn: String, data: [String: FindingValue] = [:]) {
        assert(key.map(Self.declaredColumnKeys.contains) ?? true, "column key \"\(key ?? "")\" is declared by no sheet kind")
        let known = !source.file.isEmpty || !source.sheet.isEmpty
        self.init(rule: rule, severity: severity, course: course, file: known ? source.file : nil, sheet: known ? source.sheet : nil,
                  cell: known ? (key.flatMap(source.cell) ?? "\(source.row):\(source.row)") : nil,
                  messageVi: messageVi, messageEn: messageEn, data: data)
    }

    /// Every column key some sheet kind declares.
    static let declaredColumnKeys = Set(SheetType.allCases.flatMap { $0.schema.columns.map(\.key) })

    /// A fault of form met while reading, as a finding under its import id.
    public init(_ f: ImportFinding) {
        var data: [String: FindingValue] = [:]
        if let k = f.columnKey { data["column"] = .text(k) }
        if let h = f.header { data["header"] = .text(h) }
        if let r = f.raw { data["raw"] = .text(r) }
        self.init(rule: f.kind.rawValue, severity: f.severity, course: f.courseId, file: f.file, sheet: f.sheet, cell: f.cell,
                  messageVi: f.message, messageEn: f.messageEnglish, data: data)
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String { language == .vi ? messageVi : messageEn }

    /// `file › sheet!D7`, or as much of it as is known.
    public var place: String {
        var s = file ?? ""
        if let sheet { s += (s.isEmpty ? "" : " › ") + sheet }
        if let cell { s += (sheet == nil ? " " : "!") + cell }
        return s
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, course, file, sheet, cell, data
        case messageVi = "message_vi"
        case messageEn = "message_en"
    }

    /// Encodes every key, `null` for what is unknown, so the JSON shape never varies.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(course, forKey: .course)
        try c.encode(file, forKey: .file)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(cell, forKey: .cell)
        try c.encode(messageVi, forKey: .messageVi)
        try c.encode(messageEn, forKey: .messageEn)
        try c.encode(data, forKey: .data)
    }
}

/// The language of messages.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Vietnamese, the default.
    case vi
    /// English.
    case en

    /// `vi` or `en`, as the language is.
    public func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

extension Finding {
    /// Most serious first, then course, file, sheet, row, column, rule: a stable order for output.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        let ka = (a.course ?? "\u{10FFFF}", a.file ?? "", a.sheet ?? ""), kb = (b.course ?? "\u{10FFFF}", b.file ?? "", b.sheet ?? "")
        if ka != kb { return ka < kb }
        let ca = cellOrder(a.cell), cb = cellOrder(b.cell)
        if ca != cb { return ca < cb }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.messageVi < b.messageVi
    }

    /// Whether `findings` are already in ``reportOrder(_:_:)``.
    public static func areInReportOrder(_ findings: [Finding]) -> Bool {
        findings.indices.dropFirst().allSatisfy { !reportOrder(findings[$0], findings[$0 - 1]) }
    }

    /// (row, column) of `D7` or `7:7`, for ordering; cells unknown come last.
    static func cellOrder(_ cell: String?) -> (row: Int, column: Int) {
        guard let cell else { return (Int.max, Int.max) }
        var letters = 0, digits = 0, seenDigit = false
        for ch in cell.utf8 {
            switch ch {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                digits = digits &* 10 &+ Int(ch - UInt8(ascii: "0"))
            case UInt8(ascii: ":"):
                return (digits, letters)
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                letters = letters &* 26 &+ Int(ch) - 64
            default:
                continue
            }
        }
        return (digits, letters)
    }
}
