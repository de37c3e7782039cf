import XLSX

/// The trend sheet: the last eight weeks, a column per team, with native line charts of the
/// items still open and of attendance.
extension WeeklyWorkbook {
    /// The trend sheet's name in both reports, in `language`.
    public static func trendSheetName(_ language: Language = .vi) -> String { trendSheetText(language) }

    static let trendSheetText = WeeklyText("Xu hướng \(WeeklyReport.trendWeeks) tuần", "\(WeeklyReport.trendWeeks)-week trend")
    static let trendWeekColumn = WeeklyColumn("Tuần", "Week", 11)
    static let trendMomentColumn = WeeklyColumn("Tính đến", "As of", 16, .moment)

    /// Columns of the long trend table the layouts fill (`{{#trend}}`).
    static let trendColumns = [
        trendWeekColumn, WeeklyColumn("Nhóm", "Team", 10), trendMomentColumn, WeeklyColumn("Số khóa", "Courses", 9, .integer),
        WeeklyColumn("Tỷ lệ có mặt", "Attendance", 10, .percent), WeeklyColumn("Điểm KS TB", "Survey average", 10, .decimal),
        WeeklyColumn("Việc còn mở", "Still open", 10, .integer),
    ]

    /// Three week-by-team tables (open items, attendance rate, survey average) and two line charts.
    static func trendSheet(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let lang = report.language
        let sheet = try book.addSheet(trendSheetName(lang))
        let b = WeeklySheetBuilder(sheet: sheet, language: lang)
        var teams: [String] = []
        for p in report.trend where !teams.contains(p.team) { teams.append(p.team) }
        var weeks: [Week] = []
        for p in report.trend where !weeks.contains(p.week) { weeks.append(p.week) }
        var weekColumn = trendWeekColumn
        weekColumn.width = 12
        let columns = [weekColumn, trendMomentColumn] + teams.map { WeeklyColumn(WeeklyText(data: $0), 11, .integer) }
        var row = try b.titleBlock(WeeklyText.trendTitle(lang), lines: titleLines(report), width: max(columns.count, 8))
        let top = row
        func point(_ w: Week, _ t: String) -> WeeklyReport.TrendPoint? { report.trend.first { $0.week == w && $0.team == t } }
        func table(_ heading: WeeklyText, _ kind: WeeklyColumn.Kind, _ value: (WeeklyReport.TrendPoint) -> CellValue) throws -> ClosedRange<Int>? {
            var cols = columns
            for i in 2..<cols.count { cols[i].kind = kind }
            let rows: [[CellValue]] = weeks.map { w in
                [.string(w.description), .moment(point(w, teams.first ?? "")?.moment)] + teams.map { t in point(w, t).map(value) ?? .empty }
            }
            let t = try b.table(heading(lang), at: row, cols, rows)
            row = t.next
            return t.data
        }
        let open = try table(.trendOpen, .integer) { .int($0.openItems) }
        let attendance = try table(.trendAttendance, .percent) { .num($0.attendanceRate) }
        _ = try table(.trendSurvey, .decimal) { .num($0.surveyAverage) }
        _ = try table(.trendCourses, .integer) { .int($0.courses) }
        try b.setUp(columns, repeatRows: 0...1)
        // Tables and charts side by side on one page: a chart below the tables would be cut by
        // the page break.
        sheet.printSetup.fitToHeight = 1
        guard let open, let attendance else { return }
        func chart(_ title: WeeklyText, _ axis: WeeklyText, _ data: ClosedRange<Int>, at top: Int, _ value: (WeeklyReport.TrendPoint) -> Double?) throws {
            let cats = CellRange(b.ref(data.lowerBound, 0), b.ref(data.upperBound, 0))
            let series = teams.enumerated().map { i, t in
                var s = Chart.Series(sheet: sheet.name, values: CellRange(b.ref(data.lowerBound, i + 2), b.ref(data.upperBound, i + 2)),
                                     categories: cats, name: t, cachedValues: weeks.map { w in point(w, t).flatMap(value) ?? 0 })
                s.fillColor = Chart.palette[i % Chart.palette.count]
                return s
            }
            let left = columns.count + 1
            try sheet.addChart(Chart(.line, series: series, title: title(lang), valueAxisTitle: axis(lang),
                                     anchor: CellRange(b.ref(top + 1, left), b.ref(top + 19, left + 9))))
        }
        try chart(.openChart, .openAxis, open, at: top) { Double($0.openItems) }
        try chart(.attendanceTrendChart, .rateAxis, attendance, at: top + 20) { $0.attendanceRate }
    }
}
