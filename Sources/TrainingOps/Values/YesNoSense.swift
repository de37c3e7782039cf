/// What a yes/no column asks, to read the answers that repeat its own words: `Có mặt` under
/// "Có mặt" is yes, `Đã cài Zoom` under "Cài Zoom" is yes, `Không mang máy tính` under "Mang
/// máy tính" is no, and under a column of presence `Vắng` and `Nghỉ` are no.
///
/// Built once per column of a recognised sheet from its header and aliases (folded); an
/// answer is looked up in it only when the general answers (``CellParser/yesNo(_:)``) do not
/// know it, so the common cells never reach it.
public struct YesNoSense: Hashable, Sendable {
    /// The column's phrases, folded, without an opening `đã`, `có` or `số`.
    let phrases: Set<String>

    /// The sense of no column in particular: only the general answers.
    public static let general = YesNoSense(phrases: [])

    init(phrases: Set<String>) { self.phrases = phrases }

    /// The sense of a column, from its header and aliases.
    public init(_ spec: ColumnSpec) {
        var phrases: Set<String> = []
        for text in [spec.header] + spec.aliases {
            for key in [HeaderNormalizer.key(text), HeaderNormalizer.keyWithoutParentheses(text)] where !key.isEmpty {
                phrases.insert(Self.withoutOpening(Substring(key)))
            }
        }
        self.phrases = phrases
    }

    /// The sense of each yes/no column the schemas declare, by kind and key, built once:
    /// every recognised sheet reads its columns' senses from here.
    static let declared: [SheetType: [String: YesNoSense]] = {
        var out: [SheetType: [String: YesNoSense]] = [:]
        for kind in SheetType.allCases {
            for spec in kind.schema.columns where spec.type == .yesNo { out[kind, default: [:]][spec.key] = YesNoSense(spec) }
        }
        return out
    }()

    /// The sense of `spec`, a column of `kind`: the one built once when the schema declares it.
    static func of(_ spec: ColumnSpec, in kind: SheetType) -> YesNoSense {
        guard spec.type == .yesNo else { return .general }
        return declared[kind]?[spec.key] ?? YesNoSense(spec)
    }

    /// Openings that do not change what a phrase names: `đã gọi` is `gọi`, `có mặt` stays
    /// (`mặt` alone names nothing, so `có` is kept when nothing else would be).
    static let openings: Set<Substring> = ["da", "co", "so", "duoc"]

    static func withoutOpening(_ key: Substring) -> String {
        var words = key.split(separator: " ")
        while words.count > 1, let first = words.first, openings.contains(first), words.count > 2 || first != "co" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Folded words that say "absent" in a column of presence.
    static let absence: Set<String> = ["vang", "vang mat", "nghi", "khong den", "khong tham gia", "khong di", "bao vang"]

    /// The answer a folded text gives in this column's sense, `nil` when it gives none.
    public func answer(folded key: String) -> Bool? {
        guard !phrases.isEmpty, !key.isEmpty else { return nil }
        let words = key.split(separator: " ")
        if phrases.contains(Self.withoutOpening(Substring(key))) { return true }
        if let first = words.first, ["khong", "chua", "ko"].contains(first), words.count > 1 {
            if phrases.contains(Self.withoutOpening(words.dropFirst().joined(separator: " ")[...])) { return false }
        }
        if isPresence, Self.absence.contains(key) { return false }
        return nil
    }

    /// Whether the column asks about presence (`Có mặt`, `Tham dự`, `Điểm danh`).
    var isPresence: Bool { phrases.contains("co mat") || phrases.contains("mat") || phrases.contains("tham du") || phrases.contains("diem danh") }
}
