import XLSX

/// The built-in layouts of the weekly reports: the team report (TNTK → TP) and the office
/// report (TP → GĐVP), with native charts, A4 landscape, one page wide, header rows repeated.
public enum WeeklyWorkbook {
    /// Sheet names of the team report.
    public enum TeamSheet {
        /// Summary, the week's courses and the charts.
        public static let summary = "Tổng hợp tuần"
        /// Everything still open in the team's scope, by step of the process.
        public static let findings = "Việc còn tồn"
        /// What needs TP.
        public static let escalations = "Cần TP hỗ trợ"
        /// Open paperwork and opinions.
        public static let followUp = "Hồ sơ và kiến nghị"
        /// The week's report and daily logs against their deadlines.
        public static let reporting = "Báo cáo đúng hạn"
        /// Next week's courses.
        public static let next = "Tuần sau"
    }

    /// Sheet names of the office report.
    public enum OfficeSheet {
        /// Teams side by side, charts and the director's box.
        public static let summary = "Tổng hợp văn phòng"
        /// The opinion tracker.
        public static let opinions = "Theo dõi kiến nghị"
        /// Urgent cases for the board.
        public static let urgent = "Việc gấp Ban GĐ"
        /// All courses of the week.
        public static let courses = "Khóa trong tuần"
        /// Everything still open in the office, by step of the process.
        public static let findings = "Việc còn tồn"
        /// What needs the director or the board.
        public static let escalations = "Cần GĐ xử lý"
        /// The teams' and the head's reports and the daily logs against their deadlines.
        public static let reporting = "Báo cáo đúng hạn"
        /// Next week's courses and staff, team by team.
        public static let next = "Tuần sau"
    }

    /// Columns of the week's courses table (team report).
    static let courseColumns = [
        WeeklyColumn("STT", 5, .integer), WeeklyColumn("Mã khóa", 13), WeeklyColumn("Tên khóa", 30, .wrap),
        WeeklyColumn("Từ ngày", 11, .date), WeeklyColumn("Đến ngày", 11, .date), WeeklyColumn("Sản phẩm", 14),
        WeeklyColumn("ĐVCQ", 24, .wrap), WeeklyColumn("Hình thức", 11), WeeklyColumn("ĐV dự kiến", 9, .integer),
        WeeklyColumn("Có mặt", 8, .integer), WeeklyColumn("Vắng", 8, .integer), WeeklyColumn("Tỷ lệ nhập liệu", 10, .percent),
        WeeklyColumn("Điểm KS TB", 9, .decimal), WeeklyColumn("Số phiếu KS", 9, .integer), WeeklyColumn("Điểm thấp", 8, .integer),
        WeeklyColumn("Cần gọi", 8, .integer), WeeklyColumn("Đã gọi", 8, .integer), WeeklyColumn("Lỗi QT", 8, .integer),
    ]

    /// Row values of a course line, in ``courseColumns`` order.
    static func courseRow(_ n: Int, _ l: WeeklyReport.CourseLine) -> [CellValue] {
        let c = l.course
        return [.int(n), .string(c.id), .text(c.name), .day(c.startDate), .day(c.endDate), .text(c.product?.label),
                .text(c.agency), .text(c.mode?.label), .int(l.planned), .int(l.present), .int(l.absent),
                .num(l.dataEntryRate), .num(l.surveyAverage), .int(l.surveyCount), .int(l.lowScores),
                .int(l.followUpsNeeded), .int(l.followUpsDone), .int(l.findings)]
    }

    static func severityLabel(_ s: Severity) -> String {
        switch s {
        case .error: return "Lỗi"
        case .warning: return "Cảnh báo"
        case .info: return "Thông tin"
        }
    }

    static let paperworkColumns = [
        WeeklyColumn("Mã khóa", 13), WeeklyColumn("Tên khóa", 30, .wrap), WeeklyColumn("Kết thúc", 11, .date),
        WeeklyColumn("Hợp đồng", 12), WeeklyColumn("Thanh lý", 12), WeeklyColumn("Thu nợ", 12),
    ]

    static func paperworkRows(_ ps: [WeeklyReport.OpenPaperwork]) -> [[CellValue]] {
        ps.map { p in
            [.string(p.course.id), .text(p.course.name), .day(p.course.endDate ?? p.course.startDate),
             .string(p.contract?.label ?? "(trống)"), .string(p.liquidation?.label ?? "(trống)"), .string(p.debt?.label ?? "(trống)")]
        }
    }

    static let opinionColumns = [
        WeeklyColumn("Ngày ghi nhận", 11, .date), WeeklyColumn("Mã khóa", 13), WeeklyColumn("Nhóm", 9),
        WeeklyColumn("Nội dung", 44, .wrap), WeeklyColumn("Ảnh hưởng", 11), WeeklyColumn("Người xử lý", 20),
        WeeklyColumn("Hạn xử lý", 11, .date), WeeklyColumn("Trạng thái", 12), WeeklyColumn("Ngày xong", 11, .date),
        WeeklyColumn("Tiến độ", 12), WeeklyColumn("Tuổi", 22, .wrap), WeeklyColumn("Tiến độ xử lý", 26, .wrap),
        WeeklyColumn("Đã báo Ban GĐ", 9),
    ]

    static func opinionRows(_ os: [WeeklyReport.OpinionLine], asOf: LocalDate) -> [[CellValue]] {
        os.map { l in
            let o = l.opinion
            return [.day(o.recorded), .text(o.courseId), .text(l.team), .string(o.content), .text(o.impact?.label), .text(o.handler),
                    .day(o.due), .text(o.status?.label), .day(o.doneDate), .string(l.progress.label), .string(l.age(asOf: asOf)),
                    .text(o.progressNote), .text(o.escalated.map { $0 ? "Có" : "Không" })]
        }
    }

    static let nextColumns = [
        WeeklyColumn("Mã khóa", 13), WeeklyColumn("Nhóm", 9), WeeklyColumn("Tên khóa", 30, .wrap), WeeklyColumn("Từ ngày", 11, .date),
        WeeklyColumn("Đến ngày", 11, .date), WeeklyColumn("Hình thức", 11), WeeklyColumn("Nhân sự", 44, .wrap),
        WeeklyColumn("Hạn gửi KH nhân sự", 16, .moment), WeeklyColumn("Đã gửi TP lúc", 16, .moment), WeeklyColumn("Đúng hạn", 9),
    ]

    static func nextRows(_ ns: [WeeklyReport.NextCourse]) -> [[CellValue]] {
        ns.map { n in
            [.string(n.course.id), .text(n.course.team), .text(n.course.name), .day(n.course.startDate), .day(n.course.endDate), .text(n.course.mode?.label),
             .string(n.staff.isEmpty ? "(chưa phân công)" : n.staff.joined(separator: "; ")),
             .moment(n.staffPlanDue), .moment(n.staffPlanSent), .string(n.staffPlanOnTime ? "Có" : "Không")]
        }
    }

    /// The week's dates, `23/11/2026 – 29/11/2026`.
    static func weekText(_ w: Week) -> String { "\(w.description) (\(w.monday.vietnamese) – \(w.sunday.vietnamese))" }

    /// A workbook holding the report of `report.team` (team report) or the office report.
    public static func workbook(_ report: WeeklyReport, deterministic: Bool = false) throws -> WorkbookWriter {
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        book.properties = DocumentProperties(title: report.team.map { "Báo cáo tuần \(report.week) – \($0)" } ?? "Báo cáo tuần \(report.week) – văn phòng",
                                             creator: report.preparedBy ?? "taphuan")
        if report.team != nil { try team(report, book) } else { try office(report, book) }
        return book
    }

    /// Writes the report's workbook to `path` (atomically; an existing file only when asked).
    public static func write(_ report: WeeklyReport, to path: String, replaceExisting: Bool = false) throws {
        try workbook(report).write(to: path, replaceExisting: replaceExisting)
    }
}
