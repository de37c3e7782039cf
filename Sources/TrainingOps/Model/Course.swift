/// A course as handed over by TNXT (one row of "Bàn giao kế hoạch").
public struct Course: Hashable, Sendable {
    /// Mã khóa: the id that joins every sheet.
    public var id: String
    /// Tên khóa.
    public var name: String?
    /// Sản phẩm: the family the product text names; `nil` when empty or of no known family
    /// (the default lead time applies).
    public var product: Product?
    /// Sản phẩm as written (`Phần mềm Tính lương MISA`).
    public var productText: String?
    /// Đơn vị chủ quản (ĐVCQ).
    public var agency: String?
    /// Hình thức.
    public var mode: TrainingMode?
    /// Địa điểm / link.
    public var venue: String?
    /// Ngày bắt đầu.
    public var startDate: LocalDate?
    /// Ngày kết thúc.
    public var endDate: LocalDate?
    /// Số đơn vị planned.
    public var unitCount: Int?
    /// Người bàn giao (TNXT).
    public var handedOverBy: String?
    /// Ngày bàn giao; `nil` when not filled (rule HANDOVER_MISSING_DATE).
    public var handoverDate: LocalMoment?
    /// Nhóm triển khai.
    public var team: String?
    /// TNTK phụ trách.
    public var teamLead: String?
    /// Ngày chốt lịch; `nil` when the schedule is not confirmed.
    public var scheduleConfirmed: LocalDate?
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// A course with only its id and source; the importer fills the rest.
    public init(id: String, source: SourceRow) {
        self.id = id
        self.source = source
    }

    /// The training days, start to end inclusive (empty when dates are missing or reversed).
    public var days: [LocalDate] {
        guard let s = startDate, let e = endDate ?? startDate, s <= e else { return [] }
        return (0...s.days(to: e)).map { s.adding(days: $0) }
    }
}

/// A customer unit attending a course (one row of "Danh sách đơn vị").
public struct Unit: Hashable, Sendable {
    /// Mã khóa.
    public var courseId: String
    /// Mã đơn vị.
    public var id: String
    /// Tên đơn vị.
    public var name: String?
    /// Người liên hệ.
    public var contact: String?
    /// Điện thoại, normalised to digits (`0912345678`).
    public var phone: String?
    /// Email.
    public var email: String?
    /// Xác nhận tham gia.
    public var confirmed: Bool?
    /// Mang máy tính.
    public var bringsLaptop: Bool?
    /// Mang chứng từ.
    public var bringsDocuments: Bool?
    /// Cài Zoom.
    public var zoomInstalled: Bool?
    /// Có mặt.
    public var present: Bool?
    /// Lý do vắng.
    public var absenceReason: String?
    /// Đã nhập liệu.
    public var dataEntered: Bool?
    /// Điểm khảo sát (1–5).
    public var surveyScore: Double?
    /// Đã sử dụng.
    public var usingSoftware: Bool?
    /// Đã gọi hỗ trợ.
    public var supportCalled: Bool?
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// A unit with only its keys and source; the importer fills the rest.
    public init(courseId: String, id: String, source: SourceRow) {
        self.courseId = courseId
        self.id = id
        self.source = source
    }
}

/// A staff member assigned to a course (one row of "Kế hoạch nhân sự").
public struct StaffAssignment: Hashable, Sendable {
    /// Mã khóa.
    public var courseId: String
    /// Nhân viên.
    public var staff: String
    /// Vai trò.
    public var role: StaffRole?
    /// Từ ngày.
    public var from: LocalDate?
    /// Đến ngày.
    public var to: LocalDate?
    /// Người lập.
    public var plannedBy: String?
    /// Thời điểm gửi TP; `nil` when not sent.
    public var sentToHead: LocalMoment?
    /// Ghi chú.
    public var notes: String?
    /// Where the row is.
    public var source: SourceRow

    /// An assignment with only its keys and source; the importer fills the rest.
    public init(courseId: String, staff: String, source: SourceRow) {
        self.courseId = courseId
        self.staff = staff
        self.source = source
    }
}
