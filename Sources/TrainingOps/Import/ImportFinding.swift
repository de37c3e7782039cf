/// How serious a finding is.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    /// Informational.
    case info
    /// Something is missing or at risk.
    case warning
    /// The process (or the sheet) is broken.
    case error

    /// Least severe first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// 0 info, 1 warning, 2 error.
    var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// A problem met while reading the workbooks: a value that does not parse, a missing
/// required cell or column, an unknown column, duplicate or conflicting rows. Never thrown:
/// collected in ``Dataset/findings``.
public struct ImportFinding: Hashable, Sendable {
    /// What went wrong; the raw value is the stable id (`IMPORT_INVALID_VALUE`).
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// The file could not be opened as a workbook.
        case unreadableFile = "IMPORT_UNREADABLE_FILE"
        /// No header row of a known kind was found on a sheet.
        case unrecognisedSheet = "IMPORT_UNRECOGNISED_SHEET"
        /// A required column is missing from a recognised sheet.
        case missingColumn = "IMPORT_MISSING_COLUMN"
        /// A header that matches no column of the kind (kept, reported).
        case unknownColumn = "IMPORT_UNKNOWN_COLUMN"
        /// Two headers match the same column; the first is used.
        case duplicateColumn = "IMPORT_DUPLICATE_COLUMN"
        /// A cell that is not a value of its column's type.
        case invalidValue = "IMPORT_INVALID_VALUE"
        /// A value read after correcting a spelling slip.
        case correctedValue = "IMPORT_CORRECTED_VALUE"
        /// A value of an open list (a product) outside every known family: kept as written,
        /// the defaults apply (the product's lead time is the default one).
        case unknownValue = "IMPORT_UNKNOWN_VALUE"
        /// A required cell left empty.
        case missingValue = "IMPORT_MISSING_VALUE"
        /// A row without the keys it needs (course id, date…), skipped.
        case skippedRow = "IMPORT_SKIPPED_ROW"
        /// Two handover rows with the same course id.
        case duplicateCourse = "IMPORT_DUPLICATE_COURSE"
        /// A row naming a course absent from the handover plan.
        case unknownCourse = "IMPORT_UNKNOWN_COURSE"
        /// Two rows for the same thing with different values; the first is kept.
        case conflictingRow = "IMPORT_CONFLICTING_ROW"
        /// Two identical rows for the same thing; the second is ignored.
        case duplicateRow = "IMPORT_DUPLICATE_ROW"
        /// Empty cells of a block's key read as the value above them (a course id written once
        /// over its units).
        case filledDown = "IMPORT_FILLED_DOWN"

        /// The default severity.
        public var severity: Severity {
            switch self {
            case .unreadableFile, .invalidValue, .duplicateCourse, .unknownCourse, .conflictingRow, .missingColumn, .skippedRow: return .error
            case .missingValue, .correctedValue, .unknownValue, .duplicateColumn, .unrecognisedSheet: return .warning
            case .unknownColumn, .duplicateRow, .filledDown: return .info
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// How serious.
    public var severity: Severity
    /// The file.
    public var file: String
    /// The sheet, when the finding is inside one.
    public var sheet: String?
    /// The cell (`D7`) or row (`7:7`), when known.
    public var cell: String?
    /// The column's key, when the finding is about a known column.
    public var columnKey: String?
    /// The header as written on the sheet.
    public var header: String?
    /// The raw cell text.
    public var raw: String?
    /// The course concerned, when known.
    public var courseId: String?
    /// Vietnamese message.
    public var message: String
    /// English message.
    public var messageEnglish: String

    /// A finding; the severity defaults to the kind's.
    public init(_ kind: Kind, file: String, sheet: String? = nil, cell: String? = nil, columnKey: String? = nil,
                header: String? = nil, raw: String? = nil, courseId: String? = nil,
                message: String, messageEnglish: String) {
        self.kind = kind
        self.severity = kind.severity
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.columnKey = columnKey
        self.header = header
        self.raw = raw
        self.courseId = courseId
        self.message = message
        self.messageEnglish = messageEnglish
    }

    /// `file › sheet!D7`.
    public var place: String {
        var s = file
        if let sheet { s += " › " + sheet }
        if let cell { s += (sheet == nil ? " " : "!") + cell }
        return s
    }
}
