/// The kinds of sheet the office keeps (DOMAIN.md, "Sheets the toolkit reads").
public enum SheetType: String, CaseIterable, Hashable, Sendable, Codable {
    /// Bàn giao kế hoạch: one row per course, from TNXT to TNTK.
    case handover
    /// Danh sách đơn vị: one row per unit in a course.
    case units
    /// Kế hoạch nhân sự: one row per staff assignment.
    case staffPlan
    /// Theo dõi khóa: one row per course, the steps during and after it.
    case tracking
    /// Chuẩn bị trước TH: one row per course, the day-before check.
    case preCheck
    /// Báo cáo trong TH: one row per session of a course.
    case sessionReport
    /// Kiến nghị: one row per recorded opinion or issue.
    case opinions
    /// Công việc ngoài TH: one row per staff member and day.
    case dailyLog
    /// Nhật ký báo cáo: one row per weekly report sent.
    case reportLog

    /// The canonical sheet name, used by blank workbooks.
    public var sheetName: String { schema.sheetName }

    /// The declaration of the kind's columns.
    public var schema: SheetSchema { SheetSchema.catalog[self] ?? SheetSchema(self, "", rowMeaning: "", []) }

    /// Recognises a kind by a command-line word: its raw value or folded sheet name.
    public static func named(_ word: String) -> SheetType? {
        let key = HeaderNormalizer.key(word)
        return allCases.first { HeaderNormalizer.key($0.rawValue) == key || HeaderNormalizer.key($0.sheetName) == key }
    }
}

/// The columns of one sheet kind.
public struct SheetSchema: Hashable, Sendable {
    /// The kind.
    public let kind: SheetType
    /// The canonical sheet name (≤ 31 characters).
    public let sheetName: String
    /// What one row stands for, in Vietnamese.
    public let rowMeaning: String
    /// The columns, in the order blank workbooks write them.
    public let columns: [ColumnSpec]
    /// The pair of columns a sheet may write spread out, one column per value of the choice.
    public let spread: ColumnSpread?
    /// The columns a block of rows may write once for all its rows, by key.
    public let repeatsDown: [String: RepeatDown]

    /// A schema declaration.
    public init(_ kind: SheetType, _ sheetName: String, rowMeaning: String, _ columns: [ColumnSpec], spread: ColumnSpread? = nil,
                repeatsDown: [String: RepeatDown] = [:]) {
        self.kind = kind
        self.sheetName = sheetName
        self.rowMeaning = rowMeaning
        self.columns = columns
        self.spread = spread
        self.repeatsDown = repeatsDown
    }

    /// The column with `key`.
    public func column(_ key: String) -> ColumnSpec? { columns.first { $0.key == key } }

    /// The required columns.
    public var requiredColumns: [ColumnSpec] { columns.filter(\.required) }

    /// Every schema, by kind.
    public static let catalog: [SheetType: SheetSchema] = {
        var all: [SheetType: SheetSchema] = [:]
        for schema in [handover, units, staffPlan, tracking, preCheck, sessionReport, opinions, dailyLog, reportLog] {
            all[schema.kind] = schema
        }
        return all
    }()
}

/// How a column's value may be written once for a block of rows that share it (a course's
/// units, a day's two sessions): the cells below the first are then empty.
public enum RepeatDown: Hashable, Sendable {
    /// Only as a cell merged down over the block: a merged cell reads as its top cell's value.
    case merged
    /// Merged, or left empty under the value (the block's key, written once: a course id over
    /// its units). An empty cell reads as the value above it when the sheet writes the column so
    /// on at least two rows; a lone empty cell is a missing value, as before.
    case blank
}

