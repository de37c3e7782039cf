/// A piece of the weekly workbooks' own text in Vietnamese and English: a title, a heading, a
/// label. The built-in workbooks, the layouts and the template data take their words from
/// here (the columns' headers sit with their columns, ``WeeklyColumn``).
struct WeeklyText: Hashable, Sendable {
    let vi: String
    let en: String

    init(_ vi: String, _ en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same text in both languages: a team's name heading a column.
    init(data: String) { self.init(data, data) }

    /// The text in `language`.
    func callAsFunction(_ language: Language) -> String { language.pick(vi, en) }
}

extension WeeklyText {
    // Labels of the title blocks.
    static let team = WeeklyText("Nhóm:", "Team:")
    static let week = WeeklyText("Tuần:", "Week:")
    static let asOf = WeeklyText("Tính đến:", "As of:")
    static let figuresAsOf = WeeklyText("Số liệu tính đến:", "Figures as of:")
    static let preparedBy = WeeklyText("Người lập:", "Prepared by:")
    static let dueToHead = WeeklyText("Hạn gửi TP:", "Due to the head:")
    static let dueToDirector = WeeklyText("Hạn gửi GĐVP:", "Due to the director:")

    // Document titles.
    static let teamDocument = WeeklyText("Báo cáo tuần", "Weekly report")
    static let officeDocument = WeeklyText("văn phòng", "office")
    static let teamLayoutDocument = WeeklyText("Mẫu báo cáo tuần – nhóm", "Weekly report layout – team")
    static let officeLayoutDocument = WeeklyText("Mẫu báo cáo tuần – văn phòng", "Weekly report layout – office")

    // Sheet titles.
    static let teamTitle = WeeklyText("BÁO CÁO TUẦN TRIỂN KHAI TẬP HUẤN (TNTK → TP HCSN)", "WEEKLY TRAINING REPORT (TEAM LEAD → HEAD OF DEPARTMENT)")
    static let officeTitle = WeeklyText("BÁO CÁO TUẦN PHÒNG HCSN (TP HCSN → GĐVP)", "WEEKLY DEPARTMENT REPORT (HEAD OF DEPARTMENT → OFFICE DIRECTOR)")
    static let itemsTitle = WeeklyText("VIỆC CÒN TỒN VÀ LỖI QUY TRÌNH (MỌI TUẦN, TÍNH ĐẾN THỜI ĐIỂM BÁO CÁO)",
                                       "STILL OPEN AND PROCESS BREACHES (ANY WEEK, AS OF THE REPORT'S MOMENT)")
    static let teamEscalationTitle = WeeklyText("VIỆC CẦN TRƯỞNG PHÒNG HCSN HỖ TRỢ", "WHAT NEEDS THE HEAD OF DEPARTMENT")
    static let officeEscalationTitle = WeeklyText("VIỆC CẦN GIÁM ĐỐC VĂN PHÒNG, BAN GIÁM ĐỐC XỬ LÝ", "WHAT NEEDS THE OFFICE DIRECTOR AND THE BOARD")
    static let reportingTitle = WeeklyText("BÁO CÁO TUẦN VÀ NHẬT KÝ NGÀY SO VỚI HẠN", "WEEKLY REPORTS AND DAILY LOGS AGAINST THEIR DEADLINES")
    static let followUpTitle = WeeklyText("HỒ SƠ CÒN MỞ VÀ KIẾN NGHỊ", "OPEN PAPERWORK AND OPINIONS")
    static let teamNextTitle = WeeklyText("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ", "NEXT WEEK'S COURSES AND STAFF")
    static let officeNextTitle = WeeklyText("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ, THEO NHÓM", "NEXT WEEK'S COURSES AND STAFF, BY TEAM")
    static let urgentTitle = WeeklyText("VIỆC GẤP ẢNH HƯỞNG DOANH SỐ, THU NỢ – BÁO BAN GIÁM ĐỐC", "URGENT CASES AFFECTING SALES OR DEBT COLLECTION – FOR THE BOARD")
    static let opinionsTitle = WeeklyText("THEO DÕI TIẾN ĐỘ XỬ LÝ KIẾN NGHỊ", "OPINION TRACKER")
    static let coursesTitle = WeeklyText("CÁC KHÓA TẬP HUẤN TRONG TUẦN – TẤT CẢ CÁC NHÓM", "THE WEEK'S COURSES – ALL TEAMS")
    static let trendTitle = WeeklyText("XU HƯỚNG \(WeeklyReport.trendWeeks) TUẦN THEO NHÓM", "\(WeeklyReport.trendWeeks)-WEEK TREND BY TEAM")

    // Section headings.
    static let teamCourses = WeeklyText("1. Các khóa tập huấn trong tuần", "1. The week's courses")
    static let officeTeams = WeeklyText("1. Kết quả tập huấn và khảo sát theo nhóm", "1. Training and survey results by team")
    static let progressSection = WeeklyText("2. Tiến độ xử lý kiến nghị", "2. Opinions by stage")
    static let directorSection = WeeklyText("3. Ý kiến chỉ đạo của Giám đốc văn phòng", "3. The office director's comments and directions")
    static let directorSignature = WeeklyText("Ngày … tháng … năm …        Giám đốc văn phòng (ký, ghi rõ họ tên)",
                                              "Date: ……………        Office director (signature and full name)")
    static let openPaperwork = WeeklyText("1. Hồ sơ chưa xong (hợp đồng, thanh lý, thu nợ)", "1. Open paperwork (contract, liquidation, debt collection)")
    static let openOpinions = WeeklyText("2. Kiến nghị chưa xong (mọi tuần), tuổi và người xử lý", "2. Opinions not done (any week), their age and handler")
    static let opinionsOpened = WeeklyText("3. Kiến nghị ghi nhận trong tuần", "3. Opinions recorded this week")
    static let opinionsClosed = WeeklyText("4. Kiến nghị đã xử lý xong trong tuần", "4. Opinions done this week")
    static let urgentOpinions = WeeklyText("1. Kiến nghị chưa xong ảnh hưởng doanh số hoặc thu nợ", "1. Opinions not done affecting sales or debt collection")
    static let unpaidDebts = WeeklyText("2. Khóa đã kết thúc còn nợ chưa thu", "2. Courses ended with debt not collected")
    static let openItems = WeeklyText("1. Việc còn mở, theo bước quy trình", "1. Still open, by step of the process")
    static let closedThisWeek = WeeklyText("2. Đã làm xong trong tuần nhưng trễ hạn", "2. Done this week, after the deadline")
    static let closedEarlier = WeeklyText("3. Đã làm xong trước tuần này, trễ hạn – ghi nhận", "3. Done before this week, after the deadline – on record")
    static let trendOpen = WeeklyText("1. Việc còn mở (lỗi, cảnh báo) tại hạn báo cáo văn phòng mỗi tuần",
                                      "1. Still open (errors, warnings) at each week's office report deadline")
    static let trendAttendance = WeeklyText("2. Tỷ lệ có mặt của các khóa trong tuần", "2. Attendance rate of the week's courses")
    static let trendSurvey = WeeklyText("3. Điểm khảo sát trung bình", "3. Survey average")
    static let trendCourses = WeeklyText("4. Số khóa trong tuần", "4. Courses in the week")

    // Words in tables.
    static let none = WeeklyText("Không có.", "None.")
    static let total = WeeklyText("Tổng", "Total")
    static let urgentCount = WeeklyText("Việc gấp báo Ban GĐ", "Urgent cases for the board")
    static let yes = WeeklyText("Có", "Yes")
    static let no = WeeklyText("Không", "No")
    static let blank = WeeklyText("(trống)", "(blank)")
    static let unassigned = WeeklyText("(chưa phân công)", "(not assigned)")
    static let noneMissing = WeeklyText("Không thiếu", "None missing")
    static let missing = WeeklyText("Thiếu", "Missing")

    // Charts.
    static let present = WeeklyText("Có mặt", "Present")
    static let absent = WeeklyText("Vắng", "Absent")
    static let perCourse = WeeklyText("khóa", "course")
    static let perTeam = WeeklyText("nhóm", "team")
    static let attendanceChart = WeeklyText("Có mặt / vắng theo", "Present / absent by")
    static let units = WeeklyText("Số đơn vị", "Units")
    static let surveySeries = WeeklyText("Điểm khảo sát TB", "Survey average")
    static let surveyChart = WeeklyText("Điểm khảo sát trung bình theo", "Survey average by")
    static let score = WeeklyText("Điểm (1–5)", "Score (1–5)")
    static let opinions = WeeklyText("Kiến nghị", "Opinions")
    static let opinionsChart = WeeklyText("Kiến nghị theo tiến độ", "Opinions by stage")
    static let openChart = WeeklyText("Việc còn mở theo tuần", "Still open by week")
    static let openAxis = WeeklyText("Số việc", "Items")
    static let attendanceTrendChart = WeeklyText("Tỷ lệ có mặt theo tuần", "Attendance rate by week")
    static let rateAxis = WeeklyText("Tỷ lệ", "Rate")

    /// `Có` / `Không` (`Yes` / `No`).
    static func yesNo(_ b: Bool, _ language: Language) -> String { (b ? yes : no)(language) }
}
