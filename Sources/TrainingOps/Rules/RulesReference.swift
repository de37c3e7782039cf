/// How a rule is documented in docs/rules.md: when it fires, in English, with the settings it
/// uses written `{key}` (rendered as the key and its default), and the cell a finding points at.
public struct RuleDocumentation: Sendable {
    /// When the rule fires.
    public var firesWhen: String
    /// The column of the cell a finding names (`Ngày bàn giao`), or `—` and why.
    public var cell: String

    /// A rule's documentation.
    public init(firesWhen: String, cell: String) {
        self.firesWhen = firesWhen
        self.cell = cell
    }
}

/// The tables of docs/rules.md (and the rules table of the DocC article), generated from
/// ``RuleRegistry/all`` and ``Settings/keys`` so the pages cannot drift from the rules; the
/// prose around them is written by hand.
public enum RulesReference {
    /// The markers around each generated table.
    static let sections: [(begin: String, end: String, table: @Sendable () -> String)] = [
        ("<!-- rules: generated from the rule registry by scripts/make-samples -->", "<!-- end of rules -->", rulesTable),
        ("<!-- settings: generated from Settings.keys by scripts/make-samples -->", "<!-- end of settings -->", settingsTable),
    ]

    /// The rules: id, severity, step, when it fires, the cell.
    public static func rulesTable() -> String {
        var s = "| id | severity | step | fires when | cell |\n|---|---|---|---|---|\n"
        for rule in RuleRegistry.all {
            let doc = rule.documentation
            s += "| \(rule.id) | \(rule.severity.rawValue) | \(rule.step.label(.en)) | \(render(doc.firesWhen)) | \(doc.cell) |\n"
        }
        return s
    }

    /// The settings: key, label in the "Cấu hình" sheet, default, and whether the process text
    /// states the default (with its words) or the office chose it.
    public static func settingsTable() -> String {
        var s = "| key | label in Cấu hình | default | default set by |\n|---|---|---|---|\n"
        let defaults = Settings()
        for key in Settings.keys {
            let written = defaults.text(of: key)
            let value = key.kind == .holidays || key.kind == .columnAliases || key.kind == .productAliases ? "see below"
                : written.isEmpty ? "none" : written
            let origin = key.processText.map { "process text: “\($0)”" } ?? "**office default**"
            s += "| \(key.name) | \(key.label) | \(value) | \(origin) |\n"
        }
        return s
    }

    /// `{key}` → `` `key` (default) ``, or `` `key` (default, office default) `` when the process
    /// text does not state it; weekdays in English.
    static func render(_ text: String) -> String {
        var out = text
        let defaults = Settings()
        for key in Settings.keys where out.contains("{\(key.name)}") {
            var value = defaults.text(of: key)
            if key.kind == .weekday, let n = try? Settings.weekday(value) { value = Settings.weekdayNameEnglish(n) }
            if key.kind == .weekdays {
                value = Settings.list(value).compactMap { try? Settings.weekday($0) }.map(Settings.weekdayNameEnglish).joined(separator: ", ")
            }
            let origin = key.isStatedByProcess ? "" : ", office default"
            out = out.replacingOccurrences(of: "{\(key.name)}", with: "`\(key.name)` (\(value)\(origin))")
        }
        return out
    }

    /// `page` with each generated table it marks replaced by its current text; `nil` when it
    /// marks none, or a table's end is missing.
    public static func update(_ page: String) -> String? {
        var page = page
        var found = false
        for section in sections {
            guard let begin = page.range(of: section.begin) else { continue }
            guard let end = page.range(of: section.end, range: begin.upperBound..<page.endIndex) else { return nil }
            page.replaceSubrange(begin.upperBound..<end.lowerBound, with: "\n" + section.table())
            found = true
        }
        return found ? page : nil
    }

    /// The pages holding generated tables, relative to the repository: the rules page and the
    /// DocC article on the rules.
    public static let pages = ["docs/rules.md", "Sources/TrainingOps/TrainingOps.docc/TheRules.md"]
}
