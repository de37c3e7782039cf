import XLSX

extension WeeklyWorkbook {
    /// Columns of the teams table (office report).
    static let teamColumns = [
        WeeklyColumn("Nhóm", "Team", 12), WeeklyColumn("TNTK", "Team lead", 22), WeeklyColumn("Số khóa", "Courses", 9, .integer),
        WeeklyColumn("ĐV dự kiến", "Units planned", 10, .integer), WeeklyColumn("Có mặt", "Present", 9, .integer),
        WeeklyColumn("Vắng", "Absent", 9, .integer), WeeklyColumn("Tỷ lệ có mặt", "Attendance", 10, .percent),
        WeeklyColumn("Điểm KS TB", "Survey average", 10, .decimal), WeeklyColumn("Điểm thấp", "Low scores", 9, .integer),
        WeeklyColumn("Lỗi QT", "Errors", 9, .integer), WeeklyColumn("Cảnh báo", "Warnings", 9, .integer),
    ]

    /// Columns of the office's course list: the team's columns with "Nhóm" after the course's name.
    static let officeCourseColumns: [WeeklyColumn] = {
        var c = courseColumns
        c.insert(WeeklyColumn("Nhóm", "Team", 9), at: 3)
        return c
    }()

    static func officeCourseRow(_ n: Int, _ l: WeeklyReport.CourseLine, _ language: Language) -> [CellValue] {
        var r = courseRow(n, l, language)
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

    /// The summary's second page from `row`, after a manual page break: the opinions by stage
    /// (a line per stage, the total and the urgent cases, each with its figure in `figures`)
    /// with a doughnut of the stages' shares beside them (`shares`, its cached values; none when
    /// nil), then the director's framed box, `width` columns wide. The built-in report and its
    /// layout both write it.
    static func opinionsPage(_ b: WeeklySheetBuilder, at top: Int, figures: [CellValue], shares: [Double]?, width: Int) throws {
        let lang = b.language, sheet = b.sheet
        var row = top
        // A page of their own, so the chart is not cut by the page break.
        sheet.printSetup.pageBreaksBefore = [row]
        try sheet.set(.string(WeeklyText.progressSection(lang)), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let stages = WeeklyReport.Progress.allCases
        let labels = stages.map { $0.label(lang) } + [WeeklyText.total(lang), WeeklyText.urgentCount(lang)]
        let progressTop = row
        for (n, label) in labels.enumerated() {
            let bold = n >= stages.count
            try sheet.merge(CellRange(b.ref(row, 0), b.ref(row, 1)), value: .string(label), style: WeeklySheetBuilder.style(.text, bold: bold))
            try sheet.set(n < figures.count ? figures[n] : .empty, at: b.ref(row, 2), style: WeeklySheetBuilder.style(.integer, bold: bold))
            row += 1
        }
        // The share of the opinions at each stage, beside their figures.
        if let shares {
            let last = progressTop + stages.count - 1
            var share = Chart(.doughnut, series: [
                Chart.Series(sheet: sheet.name, values: CellRange(b.ref(progressTop, 2), b.ref(last, 2)),
                             categories: CellRange(b.ref(progressTop, 0), b.ref(last, 0)), name: WeeklyText.opinions(lang),
                             cachedValues: shares, cachedCategories: .text(stages.map { $0.label(lang) }),
                             pointColors: stages.map(progressColor)),
            ], title: WeeklyText.opinionsChart(lang), anchor: CellRange(b.ref(progressTop - 1, 4), b.ref(progressTop + 11, 10)))
            share.showPercentages = true
            try sheet.addChart(share)
            row = max(row, progressTop + 12)
        }
        row += 1
        try sheet.set(.string(WeeklyText.directorSection(lang)), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let frame = CellStyle(border: .all(BorderEdge(.medium, color: WeeklySheetBuilder.navy)),
                              alignment: Alignment(horizontal: .left, vertical: .top, wrapText: true))
        try sheet.merge(CellRange(b.ref(row, 0), b.ref(row + 7, width - 1)), value: .empty, style: frame)
        row += 9
        try sheet.set(.string(WeeklyText.directorSignature(lang)), at: b.ref(row, 5), style: WeeklySheetBuilder.subtitle)
    }

    /// The office report: teams side by side with charts and the director's box, the opinion
    /// tracker, the urgent cases, the week's courses and findings.
    static func office(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let lang = report.language
        let sheet = try book.addSheet(OfficeSheet.summary.name(lang))
        let b = WeeklySheetBuilder(sheet: sheet, language: lang)
        let columns = teamColumns
        var row = try b.titleBlock(WeeklyText.officeTitle(lang), lines: [
            (WeeklyText.week(lang), .string(weekText(report.week))), (WeeklyText.preparedBy(lang), .text(report.preparedBy)),
            (WeeklyText.dueToDirector(lang), .moment(report.due)), (WeeklyText.figuresAsOf(lang), .moment(report.asOf)),
        ], width: columns.count)
        let teams = report.teams
        let rows: [[CellValue]] = teams.map { t in
            [.string(t.team), .text(t.lead), .int(t.courses), .int(t.planned), .int(t.present), .int(t.absent),
             .num(t.attendanceRate), .num(t.surveyAverage), .int(t.lowScores), .int(t.errors), .int(t.warnings)]
        }
        let t = try b.table(WeeklyText.officeTeams(lang), at: row, columns, rows)
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
            try addCharts(b, categories: 0, data: data, at: row, series: [
                (4, WeeklyText.present, teams.map { Double($0.present) }), (5, WeeklyText.absent, teams.map { Double($0.absent) }),
            ], survey: (7, teams.map { $0.surveyAverage ?? 0 }), perWhat: WeeklyText.perTeam, split: 5, end: 10)
            row += 18
        }
        let counts = report.progressCounts
        let stages = WeeklyReport.Progress.allCases.map { counts[$0] ?? 0 }
        try opinionsPage(b, at: row, figures: (stages + [report.opinionTracker.count, report.urgent.count]).map(CellValue.int),
                         shares: report.opinionTracker.isEmpty ? nil : stages.map(Double.init), width: columns.count)

        let asOf = report.asOf.date
        try itemsSheet(report, book, name: OfficeSheet.findings.name(lang))
        try escalationSheet(report, book, name: OfficeSheet.escalations.name(lang))

        let ub = WeeklySheetBuilder(sheet: try book.addSheet(OfficeSheet.urgent.name(lang)), language: lang)
        let weekLine = [(WeeklyText.week(lang), CellValue.string(weekText(report.week)))]
        try ub.titleBlock(WeeklyText.urgentTitle(lang), lines: weekLine, width: opinionColumns.count)
        let ut = try ub.table(WeeklyText.urgentOpinions(lang), at: 3, opinionColumns, opinionRows(report.urgent, asOf: asOf, lang))
        let debt = report.openPaperwork.filter { !($0.debt?.isClosed ?? false) }
        _ = try ub.table(WeeklyText.unpaidDebts(lang), at: ut.next, paperworkColumns, paperworkRows(debt, lang))
        try ub.setUp(opinionColumns, repeatRows: 0...1)

        let ob = WeeklySheetBuilder(sheet: try book.addSheet(OfficeSheet.opinions.name(lang)), language: lang)
        try ob.titleBlock(WeeklyText.opinionsTitle(lang), lines: weekLine, width: opinionColumns.count)
        let ot = try ob.table(nil, at: 3, opinionColumns, opinionRows(report.opinionTracker, asOf: asOf, lang))
        try ob.setUp(opinionColumns, repeatRows: ot.header...ot.header)

        try reportingSheet(report, book, name: OfficeSheet.reporting.name(lang))

        let cb = WeeklySheetBuilder(sheet: try book.addSheet(OfficeSheet.courses.name(lang)), language: lang)
        try cb.titleBlock(WeeklyText.coursesTitle(lang), lines: weekLine, width: officeCourseColumns.count)
        let ct = try cb.table(nil, at: 3, officeCourseColumns, report.courses.enumerated().map { officeCourseRow($0.offset + 1, $0.element, lang) })
        try cb.setUp(officeCourseColumns, repeatRows: ct.header...ct.header)

        let nb = WeeklySheetBuilder(sheet: try book.addSheet(OfficeSheet.next.name(lang)), language: lang)
        let nextWeek = Week(containing: report.week.monday.adding(days: 7))
        try nb.titleBlock(WeeklyText.officeNextTitle(lang), lines: [(WeeklyText.week(lang), .string(weekText(nextWeek)))], width: nextColumns.count)
        let nt = try nb.table(nil, at: 3, nextColumns, nextRows(report.nextCourses, lang))
        try nb.setUp(nextColumns, repeatRows: nt.header...nt.header)
        try trendSheet(report, book)
    }
}
