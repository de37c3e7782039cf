/// The type of the values a column holds, which decides how cells are read and how a
/// blank workbook formats and validates the column.
public enum ColumnType: Hashable, Sendable {
    /// Free text.
    case text
    /// A whole number ≥ 0.
    case count
    /// A decimal number.
    case decimal
    /// A share typed as 80, 80 % or 0.8.
    case percent
    /// A survey score from 1 to 5.
    case score
    /// A calendar day.
    case date
    /// A date with an optional time of day.
    case moment
    /// Có / Không.
    case yesNo
    /// A Vietnamese phone number.
    case phone
    /// An e-mail address.
    case email
    /// A week (any date in it, or its number).
    case week
    /// One value of a closed list.
    case choice(ChoiceList)

    /// How the reference page names the type, in Vietnamese.
    public var vietnameseName: String {
        switch self {
        case .text: return "văn bản"
        case .count: return "số nguyên"
        case .decimal: return "số"
        case .percent: return "tỷ lệ %"
        case .score: return "điểm 1–5"
        case .date: return "ngày"
        case .moment: return "ngày giờ"
        case .yesNo: return "Có/Không"
        case .phone: return "số điện thoại"
        case .email: return "email"
        case .week: return "tuần"
        case .choice(let list): return "chọn: " + list.labels.joined(separator: " / ")
        }
    }
}

/// The closed lists a column may take its values from.
public enum ChoiceList: String, Hashable, Sendable, CaseIterable {
    /// ``TrainingMode``.
    case mode
    /// ``SessionPart``.
    case session
    /// ``Product``.
    case product
    /// ``StaffRole``.
    case role
    /// ``PaperworkStatus``.
    case paperwork
    /// ``OpinionImpact``.
    case impact
    /// ``OpinionStatus``.
    case opinionStatus
    /// ``ReportLevel``.
    case reportLevel

    /// The drop-down labels.
    public var labels: [String] {
        switch self {
        case .mode: return TrainingMode.labels
        case .session: return SessionPart.labels
        case .product: return Product.labels
        case .role: return StaffRole.labels
        case .paperwork: return PaperworkStatus.labels
        case .impact: return OpinionImpact.labels
        case .opinionStatus: return OpinionStatus.labels
        case .reportLevel: return ReportLevel.labels
        }
    }
}

/// One column of a sheet kind, declared once: its stable key, the header a blank workbook writes,
/// the other headers recognised on import, its type, whether it is required, and what it means.
public struct ColumnSpec: Hashable, Sendable {
    /// Stable identifier used in code and findings (`courseId`).
    public let key: String
    /// The Vietnamese header written in blank workbooks.
    public let header: String
    /// Other headers accepted on import: without diacritics, English, abbreviations.
    public let aliases: [String]
    /// The values' type.
    public let type: ColumnType
    /// A required column must be present for the sheet to import fully and its cells filled.
    public let required: Bool
    /// What the column means, in Vietnamese, for the reference page and the blank workbook's notes.
    public let meaning: String
    /// When set, an empty cell is judged by this process rule instead of an import finding.
    public let emptyJudgedBy: String?

    /// A column declaration.
    public init(_ key: String, _ header: String, _ type: ColumnType, required: Bool = false,
                aliases: [String] = [], emptyJudgedBy: String? = nil, meaning: String) {
        self.key = key
        self.header = header
        self.aliases = aliases
        self.type = type
        self.required = required
        self.meaning = meaning
        self.emptyJudgedBy = emptyJudgedBy
    }

    /// Folded keys of the header and every alias.
    public var matchKeys: [String] {
        var keys: [String] = []
        for text in [header] + aliases {
            for k in [HeaderNormalizer.key(text), HeaderNormalizer.keyWithoutParentheses(text)] where !k.isEmpty && !keys.contains(k) {
                keys.append(k)
            }
        }
        return keys
    }

    /// A sensible column width in blank workbooks, in characters.
    public var width: Double {
        switch type {
        case .date: return 13
        case .moment: return 17
        case .yesNo: return max(10, Double(header.count) * 0.9)
        case .phone: return 14
        case .count, .percent, .score, .decimal: return max(10, min(16, Double(header.count)))
        case .email: return 26
        case .week: return 12
        case .choice: return 16
        case .text: return max(16, min(40, Double(header.count) + 6))
        }
    }
}
