import XLSX

/// The trend sheet: the last eight weeks, a column per team, with native line charts of the
/// items still open and of attendance.
extension WeeklyWorkbook {
    /// The sheet's name in both reports.
    public static let trendSheet = "Xu hướng 8 tuần"

    /// Columns of the long trend table the layouts fill (`{{#trend}}`).
    static let trendColumns = [
        WeeklyColumn("Tuần", 11), WeeklyColumn("Nhóm", 10), WeeklyColumn("Tính đến", 16, .moment), WeeklyColumn("Số khóa", 9, .integer),
        WeeklyColumn("Tỷ lệ có mặt", 10, .percent), WeeklyColumn("Điểm KS TB", 10, .decimal), WeeklyColumn("Việc còn mở", 10, .integer),
    ]

    /// Three week-by-team tables (open items, attendance rate, survey average) and two line charts.
    static func trendSheet(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let sheet = try book.addSheet(trendSheet)
        let b = WeeklySheetBuilder(sheet: sheet)
        var teams: [String] = []
        for p in report.trend where !teams.contains(p.team) { teams.append(p.team) }
        var weeks: [Week] = []
        for p in report.trend where !weeks.contains(p.week) { weeks.append(p.week) }
        let columns = [WeeklyColumn("Tuần", 12), WeeklyColumn("Tính đến", 16, .moment)] + teams.map { WeeklyColumn($0, 11, .integer) }
        var lines: [(String, CellValue)] = [("Tuần:", .string(weekText(report.week))), ("Tính đến:", .moment(report.asOf))]
        if let team = report.team { lines.insert(("Nhóm:", .string(team)), at: 0) }
        var row = try b.titleBlock("XU HƯỚNG \(WeeklyReport.trendWeeks) TUẦN THEO NHÓM", lines: lines, width: max(columns.count, 8))
        let top = row
        func point(_ w: Week, _ t: String) -> WeeklyReport.TrendPoint? { report.trend.first { $0.week == w && $0.team == t } }
        func table(_ heading: String, _ kind: WeeklyColumn.Kind, _ value: (WeeklyReport.TrendPoint) -> CellValue) throws -> ClosedRange<Int>? {
            var cols = columns
            for i in 2..<cols.count { cols[i].kind = kind }
            let rows: [[CellValue]] = weeks.map { w in
                [.string(w.description), .moment(point(w, teams.first ?? "")?.moment)] + teams.map { t in point(w, t).map(value) ?? .empty }
            }
            let t = try b.table(heading, at: row, cols, rows)
            row = t.next
            return t.data
        }
        let open = try table("1. Việc còn mở (lỗi, cảnh báo) tại hạn báo cáo văn phòng mỗi tuần", .integer) { .int($0.openItems) }
        let attendance = try table("2. Tỷ lệ có mặt của các khóa trong tuần", .percent) { .num($0.attendanceRate) }
        _ = try table("3. Điểm khảo sát trung bình", .decimal) { .num($0.surveyAverage) }
        _ = try table("4. Số khóa trong tuần", .integer) { .int($0.courses) }
        try b.setUp(columns, repeatRows: 0...1)
        // Tables and charts side by side on one page: a chart below the tables would be cut by
        // the page break.
        sheet.printSetup.fitToHeight = 1
        guard let open, let attendance else { return }
        func chart(_ title: String, _ axis: String, _ data: ClosedRange<Int>, at top: Int, _ value: (WeeklyReport.TrendPoint) -> Double?) throws {
            let cats = CellRange(b.ref(data.lowerBound, 0), b.ref(data.upperBound, 0))
            let series = teams.enumerated().map { i, t in
                var s = Chart.Series(sheet: sheet.name, values: CellRange(b.ref(data.lowerBound, i + 2), b.ref(data.upperBound, i + 2)),
                                     categories: cats, name: t, cachedValues: weeks.map { w in point(w, t).flatMap(value) ?? 0 })
                s.fillColor = Chart.palette[i % Chart.palette.count]
                return s
            }
            let left = columns.count + 1
            try sheet.addChart(Chart(.line, series: series, title: title, valueAxisTitle: axis,
                                     anchor: CellRange(b.ref(top + 1, left), b.ref(top + 19, left + 9))))
        }
        try chart("Việc còn mở theo tuần", "Số việc", open, at: top) { Double($0.openItems) }
        try chart("Tỷ lệ có mặt theo tuần", "Tỷ lệ", attendance, at: top + 20) { $0.attendanceRate }
    }
}
