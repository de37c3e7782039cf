/// The steps of a course during and after it (one row of "Theo dõi khóa").
public struct CourseTracking: Hashable, Sendable {
    /// Mã khóa.
    public var courseId: String
    /// Ngày duyệt KH.
    public var planApproved: LocalDate?
    /// Đã báo bộ phận.
    public var departmentsNotified: Bool?
    /// Báo cáo buổi đầu.
    public var firstSessionReport: LocalMoment?
    /// Hợp đồng.
    public var contract: PaperworkStatus?
    /// Thanh lý.
    public var liquidation: PaperworkStatus?
    /// Thu nợ.
    public var debt: PaperworkStatus?
    /// Link khảo sát.
    public var surveyLink: String?
    /// Ngày cập nhật KQ khảo sát.
    public var surveyResultsEntered: LocalDate?
    /// Ngày cập nhật CRM.
    public var crmUpdated: LocalDate?
    /// Kênh hỗ trợ.
    public var supportChannel: String?
    /// Ngày xem KQ khảo sát.
    public var feedbackReviewed: LocalDate?
    /// Ngày gửi BC ĐVCQ.
    public var dvcqReportSent: LocalDate?
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// A tracking row with only its course and source; the importer fills the rest.
    public init(courseId: String, source: SourceRow) {
        self.courseId = courseId
        self.source = source
    }
}

/// The team lead's day-before check of a course (one row of "Chuẩn bị trước TH").
public struct PreCheck: Hashable, Sendable {
    /// An answer to one checklist item.
    public enum Answer: Hashable, Sendable {
        /// Có / Không.
        case yesNo(Bool)
        /// A number of units or seats.
        case count(Int)
        /// A name or reason.
        case text(String)

        /// False for "Không" and for a count of zero; true otherwise.
        public var isPositive: Bool {
            switch self {
            case .yesNo(let b): return b
            case .count(let n): return n > 0
            case .text(let t): return !t.isEmpty
            }
        }
    }

    /// Mã khóa.
    public var courseId: String
    /// Ngày kiểm tra.
    public var checkedAt: LocalMoment?
    /// Người kiểm tra.
    public var checkedBy: String?
    /// The filled items; an item absent from the dictionary was left empty.
    public var answers: [PreCheckItem: Answer]
    /// Items whose cell could not be read: reported once by the reading, not again as open.
    public var unreadable: Set<PreCheckItem> = []
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// A check with only its course and source; the importer fills the rest.
    public init(courseId: String, source: SourceRow) {
        self.courseId = courseId
        self.source = source
        self.answers = [:]
    }

    /// Items of `mode`'s checklist left empty or answered "Không" (optional items and items
    /// the sheet has no column for excepted;
    /// the reason for not speaking counts only when the partner will not speak; an item that
    /// could not be read is reported by the reading alone). A count is an answer whatever the
    /// number: no unit bringing a laptop to a computer room is a fact, not a gap (the units
    /// confirmed are weighed against the seats and the plan by PRECHECK_UNITS_MISMATCH).
    public func openItems(for mode: TrainingMode) -> [PreCheckItem] {
        PreCheckItem.checklist(for: mode).filter { item in
            if unreadable.contains(item) { return false }
            // An item the sheet has no column for is not asked there: PRECHECK_INCOMPLETE
            // says so once for the sheet, not on every row.
            if !source.sheet.isEmpty, source.columns[item.rawValue] == nil { return false }
            if item == .partnerNoSpeakReason {
                if case .yesNo(false)? = answers[.partnerWillSpeak] { return answers[item] == nil }
                return false
            }
            if item == .partnerWillSpeak { return answers[item] == nil }
            guard let answer = answers[item] else { return true }
            if case .count = answer { return false }
            return !answer.isPositive
        }
    }
}
