import Foundation

/// The outcome of a validation run: the findings and what they add up to, rendered as the
/// text `taphuan validate` prints or as its stable JSON document.
public struct ValidationReport: Sendable {
    /// Counts behind the summary.
    public struct Stats: Hashable, Sendable, Codable {
        /// Workbooks read.
        public var files: Int
        /// Sheets recognised.
        public var sheets: Int
        /// Courses on the handover plans.
        public var courses: Int
        /// Findings of error severity.
        public var errors: Int
        /// Findings of warning severity.
        public var warnings: Int
        /// Findings of info severity.
        public var infos: Int
        /// Findings by rule id.
        public var byRule: [String: Int]
        /// Findings by team (`—` for findings of no team).
        public var byTeam: [String: Int]
    }

    /// The findings, most serious first.
    public var findings: [Finding]
    /// The as-of moment.
    public var asOf: LocalMoment
    /// The counts.
    public var stats: Stats
    /// Team of each course, for grouping.
    var teams: [String: String]
    /// Name of each course, for headings.
    var names: [String: String]

    /// A report of `findings` over `data`, read from `files` workbooks.
    public init(findings: [Finding], data: Dataset, files: Int, asOf: LocalMoment) {
        // Findings from ``RuleRegistry/evaluate(_:settings:asOf:rules:)`` come sorted already.
        self.findings = Finding.areInReportOrder(findings) ? findings : findings.sorted(by: Finding.reportOrder)
        self.asOf = asOf
        var teams: [String: String] = [:], names: [String: String] = [:]
        for c in data.courses {
            if let t = c.team { teams[c.id] = t }
            if let n = c.name { names[c.id] = n }
        }
        self.teams = teams
        self.names = names
        var byRule: [String: Int] = [:], byTeam: [String: Int] = [:]
        for f in findings {
            byRule[f.rule, default: 0] += 1
            byTeam[Self.team(of: f, teams), default: 0] += 1
        }
        stats = Stats(files: files, sheets: data.sheets.count, courses: data.courses.count,
                      errors: findings.filter { $0.severity == .error }.count, warnings: findings.filter { $0.severity == .warning }.count,
                      infos: findings.filter { $0.severity == .info }.count, byRule: byRule, byTeam: byTeam)
    }

    /// No finding of error severity.
    public var isValid: Bool { stats.errors == 0 }

    static func team(of f: Finding, _ teams: [String: String]) -> String {
        if let c = f.course, let t = teams[c] { return t }
        if case .text(let t)? = f.data["team"] { return t }
        return "—"
    }

    /// The JSON document: `{valid, asOf, stats, findings}`, keys sorted, stable (see
    /// ``jsonBytes()``; ``encoded()`` gives the same text through `JSONEncoder`).
    public func json() -> Data { Data(jsonBytes()) }

    /// The JSON document as `JSONEncoder` writes the report's `Encodable` shape, newline-ended:
    /// what ``jsonBytes()`` reproduces byte for byte.
    public func encoded() throws -> Data {
        struct Document: Encodable {
            var valid: Bool
            var asOf: String
            var stats: Stats
            var findings: [Finding]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(valid: isValid, asOf: asOf.description, stats: stats, findings: findings))
        data.append(0x0A)
        return data
    }

    /// The text report: findings grouped by course (the course with the most serious finding
    /// first), then the summary by rule and by team. `color` adds ANSI colours.
    public func text(_ language: Language, color: Bool = false) -> String {
        let vi = language == .vi
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func label(_ s: Severity) -> String {
            switch s {
            case .error: return paint(vi ? "LỖI     " : "ERROR   ", "1;31")
            case .warning: return paint(vi ? "CẢNH BÁO" : "WARNING ", "33")
            case .info: return paint(vi ? "THÔNG TIN" : "INFO    ", "36")
            }
        }
        var groups: [String: [Finding]] = [:]
        var order: [String] = []
        for f in findings {
            let key = f.course ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        // Courses by their most serious finding, then id; findings of no course last.
        order.sort { a, b in
            if a.isEmpty != b.isEmpty { return b.isEmpty }
            let sa = groups[a]?.map(\.severity).max() ?? .info, sb = groups[b]?.map(\.severity).max() ?? .info
            return sa != sb ? sa > sb : a < b
        }
        var out = vi ? "Thời điểm đối chiếu: \(asOf) (giờ Việt Nam). Đã đọc \(stats.files) file, \(stats.sheets) sheet, \(stats.courses) khóa.\n"
            : "As of \(asOf) (Vietnam time). Read \(stats.files) files, \(stats.sheets) sheets, \(stats.courses) courses.\n"
        for key in order {
            let list = groups[key] ?? []
            out += "\n"
            if key.isEmpty {
                out += paint(vi ? "Không thuộc khóa nào" : "Not about a course", "1") + "\n"
            } else {
                let extra = [names[key], teams[key]].compactMap { $0 }.joined(separator: " · ")
                out += paint(key, "1") + (extra.isEmpty ? "" : " — \(extra)") + "\n"
            }
            for f in list {
                out += "  \(label(f.severity))  \(f.rule)  \(f.place.isEmpty ? "—" : f.place)\n      \(f.message(language))\n"
            }
        }
        out += "\n" + (vi ? "Tổng hợp theo quy tắc:" : "Summary by rule:") + "\n"
        let severityOf = Dictionary(findings.map { ($0.rule, $0.severity) }, uniquingKeysWith: max)
        for (rule, n) in stats.byRule.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let s = severityOf[rule] ?? .info
            out += "  \(rule.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(n).leftPadded(5))  \(vi ? s.vietnamese : s.rawValue)\n"
        }
        out += "\n" + (vi ? "Tổng hợp theo nhóm:" : "Summary by team:") + "\n"
        for team in stats.byTeam.keys.sorted() {
            let list = findings.filter { Self.team(of: $0, teams) == team }
            let e = list.filter { $0.severity == .error }.count, w = list.filter { $0.severity == .warning }.count, i = list.count - e - w
            out += "  \(team.padding(toLength: 12, withPad: " ", startingAt: 0)) " + (vi ? "\(e) lỗi, \(w) cảnh báo, \(i) thông tin" : "\(e) errors, \(w) warnings, \(i) info") + "\n"
        }
        out += "\n" + (vi ? "Kết quả: \(stats.errors) lỗi, \(stats.warnings) cảnh báo, \(stats.infos) thông tin."
                           : "Result: \(stats.errors) errors, \(stats.warnings) warnings, \(stats.infos) info.") + "\n"
        return out
    }
}

extension Severity {
    /// `lỗi`, `cảnh báo`, `thông tin`.
    public var vietnamese: String {
        switch self {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        case .info: return "thông tin"
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
