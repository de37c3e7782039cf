import XLSX

extension WeeklyWorkbook {
    /// Columns of the teams table (office report).
    static let teamColumns = [
        WeeklyColumn("Nhóm", 12), WeeklyColumn("TNTK", 22), WeeklyColumn("Số khóa", 9, .integer),
        WeeklyColumn("ĐV dự kiến", 10, .integer), WeeklyColumn("Có mặt", 9, .integer), WeeklyColumn("Vắng", 9, .integer),
        WeeklyColumn("Tỷ lệ có mặt", 10, .percent), WeeklyColumn("Điểm KS TB", 10, .decimal), WeeklyColumn("Điểm thấp", 9, .integer),
        WeeklyColumn("Lỗi QT", 9, .integer), WeeklyColumn("Cảnh báo", 9, .integer),
    ]

    /// Columns of the office's course list: the team's columns with "Nhóm" after the course's name.
    static let officeCourseColumns: [WeeklyColumn] = {
        var c = courseColumns
        c.insert(WeeklyColumn("Nhóm", 9), at: 3)
        return c
    }()

    static func officeCourseRow(_ n: Int, _ l: WeeklyReport.CourseLine) -> [CellValue] {
        var r = courseRow(n, l)
        r.insert(.text(l.course.team), at: 3)
        return r
    }

    /// A stage's colour in the opinion chart: new grey, in progress blue, overdue red, done green.
    static func progressColor(_ p: WeeklyReport.Progress) -> String {
        switch p {
        case .new: "A5A5A5"
        case .inProgress: "4472C4"
        case .overdue: "C00000"
        case .done: "70AD47"
        }
    }

    /// The office report: teams side by side with charts and the director's box, the opinion
    /// tracker, the urgent cases, the week's courses and findings.
    static func office(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let sheet = try book.addSheet(OfficeSheet.summary)
        let b = WeeklySheetBuilder(sheet: sheet)
        let columns = teamColumns
        var row = try b.titleBlock("BÁO CÁO TUẦN PHÒNG HCSN (TP HCSN → GĐVP)", lines: [
            ("Tuần:", .string(weekText(report.week))), ("Người lập:", .text(report.preparedBy)),
            ("Hạn gửi GĐVP:", .moment(report.due)), ("Số liệu tính đến:", .moment(report.asOf)),
        ], width: columns.count)
        let teams = report.teams
        let rows: [[CellValue]] = teams.map { t in
            [.string(t.team), .text(t.lead), .int(t.courses), .int(t.planned), .int(t.present), .int(t.absent),
             .num(t.attendanceRate), .num(t.surveyAverage), .int(t.lowScores), .int(t.errors), .int(t.warnings)]
        }
        let t = try b.table("1. Kết quả tập huấn và khảo sát theo nhóm", at: row, columns, rows)
        // The second page (opinions and the director's box) repeats the title, not the table's header.
        try b.setUp(columns, repeatRows: 0...0)
        row = t.next
        if let data = t.data {
            func sum(_ f: (WeeklyReport.TeamLine) -> Int) -> Double { Double(teams.reduce(0) { $0 + f($1) }) }
            try b.totalRow(data.upperBound + 1, data: data, columns: columns, sums: [
                2: sum(\.courses), 3: sum(\.planned), 4: sum(\.present), 5: sum(\.absent), 8: sum(\.lowScores),
                9: sum(\.errors), 10: sum(\.warnings),
            ])
            row = data.upperBound + 3
            try addCharts(sheet, categories: 0, data: data, at: row, series: [
                (4, "Có mặt", teams.map { Double($0.present) }), (5, "Vắng", teams.map { Double($0.absent) }),
            ], survey: (7, teams.map { $0.surveyAverage ?? 0 }), perWhat: "nhóm", split: 5, end: 10)
            row += 18
        }
        // Opinion progress in figures and as a doughnut, then the director's framed box: a page
        // of their own, so the chart is not cut by the page break.
        sheet.printSetup.pageBreaksBefore = [row]
        try sheet.set(.string("2. Tiến độ xử lý kiến nghị"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let counts = report.progressCounts
        let labels = WeeklyReport.Progress.allCases.map(\.label) + ["Tổng", "Việc gấp báo Ban GĐ"]
        let values = WeeklyReport.Progress.allCases.map { counts[$0] ?? 0 } + [report.opinionTracker.count, report.urgent.count]
        let progressTop = row
        for (n, label) in labels.enumerated() {
            try sheet.merge(CellRange(b.ref(row, 0), b.ref(row, 1)), value: .string(label), style: WeeklySheetBuilder.style(.text, bold: n >= 4))
            try sheet.set(.int(values[n]), at: b.ref(row, 2), style: WeeklySheetBuilder.style(.integer, bold: n >= 4))
            row += 1
        }
        // The share of the opinions at each stage, beside their figures.
        if !report.opinionTracker.isEmpty {
            let stages = WeeklyReport.Progress.allCases
            let last = progressTop + stages.count - 1
            var share = Chart(.doughnut, series: [
                Chart.Series(sheet: sheet.name, values: CellRange(b.ref(progressTop, 2), b.ref(last, 2)),
                             categories: CellRange(b.ref(progressTop, 0), b.ref(last, 0)), name: "Kiến nghị",
                             cachedValues: stages.map { Double(counts[$0] ?? 0) }, cachedCategories: .text(stages.map(\.label)),
                             pointColors: stages.map(progressColor)),
            ], title: "Kiến nghị theo tiến độ", anchor: CellRange(b.ref(progressTop - 1, 4), b.ref(progressTop + 11, 10)))
            share.showPercentages = true
            try sheet.addChart(share)
            row = max(row, progressTop + 12)
        }
        row += 1
        try sheet.set(.string("3. Ý kiến chỉ đạo của Giám đốc văn phòng"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let frame = CellStyle(border: .all(BorderEdge(.medium, color: WeeklySheetBuilder.navy)),
                              alignment: Alignment(horizontal: .left, vertical: .top, wrapText: true))
        try sheet.merge(CellRange(b.ref(row, 0), b.ref(row + 7, columns.count - 1)), value: .empty, style: frame)
        row += 9
        try sheet.set(.string("Ngày … tháng … năm …        Giám đốc văn phòng (ký, ghi rõ họ tên)"), at: b.ref(row, 5), style: WeeklySheetBuilder.subtitle)

        let asOf = report.asOf.date
        try itemsSheet(report, book, name: OfficeSheet.findings)
        try escalationSheet(report, book, name: OfficeSheet.escalations)

        let urgent = try book.addSheet(OfficeSheet.urgent)
        let ub = WeeklySheetBuilder(sheet: urgent)
        try ub.titleBlock("VIỆC GẤP ẢNH HƯỞNG DOANH SỐ, THU NỢ – BÁO BAN GIÁM ĐỐC", lines: [("Tuần:", .string(weekText(report.week)))], width: opinionColumns.count)
        let ut = try ub.table("1. Kiến nghị chưa xong ảnh hưởng doanh số hoặc thu nợ", at: 3, opinionColumns, opinionRows(report.urgent, asOf: asOf))
        let debt = report.openPaperwork.filter { !($0.debt?.isClosed ?? false) }
        _ = try ub.table("2. Khóa đã kết thúc còn nợ chưa thu", at: ut.next, paperworkColumns, paperworkRows(debt))
        try ub.setUp(opinionColumns, repeatRows: 0...1)

        let opinions = try book.addSheet(OfficeSheet.opinions)
        let ob = WeeklySheetBuilder(sheet: opinions)
        try ob.titleBlock("THEO DÕI TIẾN ĐỘ XỬ LÝ KIẾN NGHỊ", lines: [("Tuần:", .string(weekText(report.week)))], width: opinionColumns.count)
        let ot = try ob.table(nil, at: 3, opinionColumns, opinionRows(report.opinionTracker, asOf: asOf))
        try ob.setUp(opinionColumns, repeatRows: ot.header...ot.header)

        try reportingSheet(report, book, name: OfficeSheet.reporting)

        let courses = try book.addSheet(OfficeSheet.courses)
        let cb = WeeklySheetBuilder(sheet: courses)
        try cb.titleBlock("CÁC KHÓA TẬP HUẤN TRONG TUẦN – TẤT CẢ CÁC NHÓM", lines: [("Tuần:", .string(weekText(report.week)))], width: officeCourseColumns.count)
        let ct = try cb.table(nil, at: 3, officeCourseColumns, report.courses.enumerated().map { officeCourseRow($0.offset + 1, $0.element) })
        try cb.setUp(officeCourseColumns, repeatRows: ct.header...ct.header)

        let next = try book.addSheet(OfficeSheet.next)
        let nb = WeeklySheetBuilder(sheet: next)
        let nextWeek = Week(containing: report.week.monday.adding(days: 7))
        try nb.titleBlock("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ, THEO NHÓM", lines: [("Tuần:", .string(weekText(nextWeek)))], width: nextColumns.count)
        let nt = try nb.table(nil, at: 3, nextColumns, nextRows(report.nextCourses))
        try nb.setUp(nextColumns, repeatRows: nt.header...nt.header)
        try trendSheet(report, book)
    }
}
