/// A staff report at the start of one session (one row of "Báo cáo trong TH").
public struct SessionReport: Hashable, Sendable {
    /// Mã khóa.
    public var courseId: String
    /// Ngày.
    public var date: LocalDate
    /// Buổi.
    public var session: SessionPart
    /// Giờ báo cáo.
    public var reportedAt: LocalMoment?
    /// Người báo cáo.
    public var reporter: String?
    /// Số ĐV vắng.
    public var absentCount: Int?
    /// ĐV vắng và lý do.
    public var absentUnits: String?
    /// ĐVCQ phát biểu.
    public var partnerSpoke: Bool?
    /// Lý do (when ĐVCQ did not speak).
    public var partnerReason: String?
    /// Khó khăn.
    public var difficulties: String?
    /// Tỷ lệ nhập liệu, 0…1.
    public var dataEntryRate: Double?
    /// Tiến độ.
    public var progress: String?
    /// Cần hỗ trợ.
    public var needsSupport: String?
    /// Where the row is.
    public var source: SourceRow

    /// Whether the row says anything of its session beyond the course, day, session and
    /// trainer that `taphuan forms` writes in advance: a time, a count, an answer, a note. A
    /// row of keys alone is a form not yet filled, not a report.
    public var isFilled: Bool {
        reportedAt != nil || absentCount != nil || !(absentUnits ?? "").isEmpty || partnerSpoke != nil
            || !(partnerReason ?? "").isEmpty || !(difficulties ?? "").isEmpty || dataEntryRate != nil
            || !(progress ?? "").isEmpty || !(needsSupport ?? "").isEmpty
    }

    /// A report with only its keys and source; the importer fills the rest.
    public init(courseId: String, date: LocalDate, session: SessionPart, source: SourceRow) {
        self.courseId = courseId
        self.date = date
        self.session = session
        self.source = source
    }
}

/// A recorded opinion or issue (one row of "Kiến nghị").
public struct Opinion: Hashable, Sendable {
    /// Mã ý kiến.
    public var id: String?
    /// Mã khóa, when the opinion came from a course.
    public var courseId: String?
    /// Ngày ghi nhận.
    public var recorded: LocalDate
    /// Đơn vị.
    public var unit: String?
    /// Nội dung.
    public var content: String
    /// Ảnh hưởng.
    public var impact: OpinionImpact?
    /// Người xử lý.
    public var handler: String?
    /// Hạn xử lý.
    public var due: LocalDate?
    /// Trạng thái.
    public var status: OpinionStatus?
    /// Ngày xong.
    public var doneDate: LocalDate?
    /// Tiến độ xử lý.
    public var progressNote: String?
    /// Đã báo Ban GĐ.
    public var escalated: Bool?
    /// Where the row is.
    public var source: SourceRow

    /// An opinion with only its required values and source; the importer fills the rest.
    public init(recorded: LocalDate, content: String, source: SourceRow) {
        self.recorded = recorded
        self.content = content
        self.source = source
    }
}

/// A staff member's day outside courses (one row of "Công việc ngoài TH").
public struct DailyLog: Hashable, Sendable {
    /// Ngày.
    public var date: LocalDate
    /// Nhân viên.
    public var staff: String
    /// Nhóm.
    public var team: String?
    /// Hỗ trợ KH từ bộ phận.
    public var customerSupport: Int?
    /// Chăm sóc ĐVCQ.
    public var agencyCare: Int?
    /// Hỗ trợ BC toàn ngành.
    public var sectorReports: Int?
    /// Đào tạo lẻ trực tuyến.
    public var singleTrainings: Int?
    /// Bàn giao cho bộ phận.
    public var handedToDepartment: String?
    /// Số ĐV chưa xong.
    public var unfinishedUnits: Int?
    /// Số KH tồn.
    public var pendingCustomers: Int?
    /// Khó khăn / đề xuất.
    public var difficulties: String?
    /// Where the row is.
    public var source: SourceRow

    /// A log row with only its keys and source; the importer fills the rest.
    public init(date: LocalDate, staff: String, source: SourceRow) {
        self.date = date
        self.staff = staff
        self.source = source
    }
}

/// A weekly report sent (one row of "Nhật ký báo cáo").
public struct ReportLogEntry: Hashable, Sendable {
    /// Tuần.
    public var week: Week
    /// Cấp.
    public var level: ReportLevel
    /// Nhóm.
    public var team: String?
    /// Người gửi.
    public var sender: String?
    /// Thời điểm gửi.
    public var sentAt: LocalMoment?
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// An entry with only its keys and source; the importer fills the rest.
    public init(week: Week, level: ReportLevel, source: SourceRow) {
        self.week = week
        self.level = level
        self.source = source
    }
}
