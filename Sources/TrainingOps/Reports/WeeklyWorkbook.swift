import XLSX

/// The built-in layouts of the weekly reports: the team report (TNTK → TP) and the office
/// report (TP → GĐVP), with native charts, A4 landscape, one page wide, header rows repeated.
public enum WeeklyWorkbook {
    /// Sheets of the team report.
    public enum TeamSheet: CaseIterable, Sendable {
        /// Summary, the week's courses and the charts.
        case summary
        /// Everything still open in the team's scope, by step of the process.
        case findings
        /// What needs TP.
        case escalations
        /// Open paperwork and opinions.
        case followUp
        /// The week's report and daily logs against their deadlines.
        case reporting
        /// Next week's courses.
        case next

        /// The sheet's name in `language`.
        public func name(_ language: Language = .vi) -> String { text(language) }

        var text: WeeklyText {
            switch self {
            case .summary: return WeeklyText("Tổng hợp tuần", "Week summary")
            case .findings: return WeeklyWorkbook.findingsSheet
            case .escalations: return WeeklyText("Cần TP hỗ trợ", "Needs the head")
            case .followUp: return WeeklyText("Hồ sơ và kiến nghị", "Paperwork and opinions")
            case .reporting: return WeeklyWorkbook.reportingSheet
            case .next: return WeeklyWorkbook.nextSheet
            }
        }
    }

    /// Sheets of the office report.
    public enum OfficeSheet: CaseIterable, Sendable {
        /// Teams side by side, charts and the director's box.
        case summary
        /// The opinion tracker.
        case opinions
        /// Urgent cases for the board.
        case urgent
        /// All courses of the week.
        case courses
        /// Everything still open in the office, by step of the process.
        case findings
        /// What needs the director or the board.
        case escalations
        /// The teams' and the head's reports and the daily logs against their deadlines.
        case reporting
        /// Next week's courses and staff, team by team.
        case next

        /// The sheet's name in `language`.
        public func name(_ language: Language = .vi) -> String { text(language) }

        var text: WeeklyText {
            switch self {
            case .summary: return WeeklyText("Tổng hợp văn phòng", "Office summary")
            case .opinions: return WeeklyText("Theo dõi kiến nghị", "Opinion tracker")
            case .urgent: return WeeklyText("Việc gấp Ban GĐ", "Urgent for the board")
            case .courses: return WeeklyText("Khóa trong tuần", "Courses this week")
            case .findings: return WeeklyWorkbook.findingsSheet
            case .escalations: return WeeklyText("Cần GĐ xử lý", "Needs the director")
            case .reporting: return WeeklyWorkbook.reportingSheet
            case .next: return WeeklyWorkbook.nextSheet
            }
        }
    }

    /// The names both reports give their sheets of the same kind.
    static let findingsSheet = WeeklyText("Việc còn tồn", "Still open")
    static let reportingSheet = WeeklyText("Báo cáo đúng hạn", "Reporting on time")
    static let nextSheet = WeeklyText("Tuần sau", "Next week")

    /// Columns of the week's courses table (team report).
    static let courseColumns = [
        WeeklyColumn("STT", "No.", 5, .integer), WeeklyColumn("Mã khóa", "Course", 13), WeeklyColumn("Tên khóa", "Name", 30, .wrap),
        WeeklyColumn("Từ ngày", "From", 11, .date), WeeklyColumn("Đến ngày", "To", 11, .date), WeeklyColumn("Sản phẩm", "Product", 14),
        WeeklyColumn("ĐVCQ", "Supervising agency", 24, .wrap), WeeklyColumn("Hình thức", "Mode", 11),
        WeeklyColumn("ĐV dự kiến", "Units planned", 9, .integer), WeeklyColumn("Có mặt", "Present", 8, .integer),
        WeeklyColumn("Vắng", "Absent", 8, .integer), WeeklyColumn("Tỷ lệ nhập liệu", "Data entry", 10, .percent),
        WeeklyColumn("Điểm KS TB", "Survey average", 9, .decimal), WeeklyColumn("Số phiếu KS", "Survey answers", 9, .integer),
        WeeklyColumn("Điểm thấp", "Low scores", 8, .integer), WeeklyColumn("Cần gọi", "Calls needed", 8, .integer),
        WeeklyColumn("Đã gọi", "Called", 8, .integer), WeeklyColumn("Lỗi QT", "Findings", 8, .integer),
    ]

    /// Row values of a course line, in ``courseColumns`` order.
    static func courseRow(_ n: Int, _ l: WeeklyReport.CourseLine, _ language: Language) -> [CellValue] {
        let c = l.course
        return [.int(n), .string(c.id), .text(c.name), .day(c.startDate), .day(c.endDate), .text(c.product?.label(language)),
                .text(c.agency), .text(c.mode?.label(language)), .int(l.planned), .int(l.present), .int(l.absent),
                .num(l.dataEntryRate), .num(l.surveyAverage), .int(l.surveyCount), .int(l.lowScores),
                .int(l.followUpsNeeded), .int(l.followUpsDone), .int(l.findings)]
    }

    static func severityLabel(_ s: Severity, _ language: Language) -> String {
        switch s {
        case .error: return language.pick("Lỗi", "Error")
        case .warning: return language.pick("Cảnh báo", "Warning")
        case .info: return language.pick("Thông tin", "Info")
        }
    }

    static let paperworkColumns = [
        WeeklyColumn("Mã khóa", "Course", 13), WeeklyColumn("Tên khóa", "Name", 30, .wrap), WeeklyColumn("Kết thúc", "Ended", 11, .date),
        WeeklyColumn("Hợp đồng", "Contract", 12), WeeklyColumn("Thanh lý", "Liquidation", 12), WeeklyColumn("Thu nợ", "Debt", 12),
    ]

    /// A paperwork state's label, `(trống)` when not filled.
    static func paperworkState(_ p: PaperworkStatus?, _ language: Language) -> String { p?.label(language) ?? WeeklyText.blank(language) }

    static func paperworkRows(_ ps: [WeeklyReport.OpenPaperwork], _ language: Language) -> [[CellValue]] {
        ps.map { p in
            [.string(p.course.id), .text(p.course.name), .day(p.course.endDate ?? p.course.startDate),
             .string(paperworkState(p.contract, language)), .string(paperworkState(p.liquidation, language)),
             .string(paperworkState(p.debt, language))]
        }
    }

    static let opinionColumns = [
        WeeklyColumn("Ngày ghi nhận", "Recorded", 11, .date), WeeklyColumn("Mã khóa", "Course", 13), WeeklyColumn("Nhóm", "Team", 9),
        WeeklyColumn("Nội dung", "Content", 44, .wrap), WeeklyColumn("Ảnh hưởng", "Impact", 11), WeeklyColumn("Người xử lý", "Handler", 20),
        WeeklyColumn("Hạn xử lý", "Due", 11, .date), WeeklyColumn("Trạng thái", "Status", 12), WeeklyColumn("Ngày xong", "Done", 11, .date),
        WeeklyColumn("Tiến độ", "Stage", 12), WeeklyColumn("Tuổi", "Age", 22, .wrap), WeeklyColumn("Tiến độ xử lý", "Handling note", 26, .wrap),
        WeeklyColumn("Đã báo Ban GĐ", "Board told", 9),
    ]

    static func opinionRows(_ os: [WeeklyReport.OpinionLine], asOf: LocalDate, _ language: Language) -> [[CellValue]] {
        os.map { l in
            let o = l.opinion
            return [.day(o.recorded), .text(o.courseId), .text(l.team), .string(o.content), .text(o.impact?.label(language)), .text(o.handler),
                    .day(o.due), .text(o.status?.label(language)), .day(o.doneDate), .string(l.progress.label(language)),
                    .string(l.age(asOf: asOf, language)), .text(o.progressNote),
                    .text(o.escalated.map { WeeklyText.yesNo($0, language) })]
        }
    }

    static let nextColumns = [
        WeeklyColumn("Mã khóa", "Course", 13), WeeklyColumn("Nhóm", "Team", 9), WeeklyColumn("Tên khóa", "Name", 30, .wrap),
        WeeklyColumn("Từ ngày", "From", 11, .date), WeeklyColumn("Đến ngày", "To", 11, .date), WeeklyColumn("Hình thức", "Mode", 11),
        WeeklyColumn("Nhân sự", "Staff", 44, .wrap), WeeklyColumn("Hạn gửi KH nhân sự", "Staff plan due", 16, .moment),
        WeeklyColumn("Đã gửi TP lúc", "Sent to the head", 16, .moment), WeeklyColumn("Đúng hạn", "On time", 9),
    ]

    static func nextRows(_ ns: [WeeklyReport.NextCourse], _ language: Language) -> [[CellValue]] {
        ns.map { n in
            [.string(n.course.id), .text(n.course.team), .text(n.course.name), .day(n.course.startDate), .day(n.course.endDate),
             .text(n.course.mode?.label(language)),
             .string(n.staff.isEmpty ? WeeklyText.unassigned(language) : n.staff.joined(separator: "; ")),
             .moment(n.staffPlanDue), .moment(n.staffPlanSent), .string(WeeklyText.yesNo(n.staffPlanOnTime, language))]
        }
    }

    /// The week's dates, `23/11/2026 – 29/11/2026`.
    static func weekText(_ w: Week) -> String { "\(w.description) (\(w.monday.vietnamese) – \(w.sunday.vietnamese))" }

    /// A workbook holding the report of `report.team` (team report) or the office report, its
    /// text in the report's ``WeeklyReport/language``.
    public static func workbook(_ report: WeeklyReport, deterministic: Bool = false) throws -> WorkbookWriter {
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        let title = WeeklyText.teamDocument(report.language)
        book.properties = DocumentProperties(title: "\(title) \(report.week) – \(report.team ?? WeeklyText.officeDocument(report.language))",
                                             creator: report.preparedBy ?? "taphuan")
        if report.team != nil { try team(report, book) } else { try office(report, book) }
        return book
    }

    /// Writes the report's workbook to `path` (atomically; an existing file only when asked).
    public static func write(_ report: WeeklyReport, to path: String, replaceExisting: Bool = false) throws {
        try workbook(report).write(to: path, replaceExisting: replaceExisting)
    }
}
