import XLSX

extension WeeklyWorkbook {
    /// The team report: summary with the courses and two charts, findings, paperwork and
    /// opinions, next week.
    static func team(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let lang = report.language
        let sheet = try book.addSheet(TeamSheet.summary.name(lang))
        let b = WeeklySheetBuilder(sheet: sheet, language: lang)
        let columns = courseColumns
        var row = try b.titleBlock(WeeklyText.teamTitle(lang), lines: [
            (WeeklyText.team(lang), .text(report.team)), (WeeklyText.week(lang), .string(weekText(report.week))),
            (WeeklyText.preparedBy(lang), .text(report.preparedBy)), (WeeklyText.dueToHead(lang), .moment(report.due)),
            (WeeklyText.figuresAsOf(lang), .moment(report.asOf)),
        ], width: columns.count)
        let rows = report.courses.enumerated().map { courseRow($0.offset + 1, $0.element, lang) }
        let t = try b.table(WeeklyText.teamCourses(lang), at: row, columns, rows)
        try b.setUp(columns, repeatRows: t.header...t.header)
        row = t.next
        if let data = t.data {
            let lines = report.courses
            try b.totalRow(data.upperBound + 1, data: data, columns: columns, sums: [
                8: Double(lines.reduce(0) { $0 + $1.planned }), 9: Double(lines.reduce(0) { $0 + $1.present }),
                10: Double(lines.reduce(0) { $0 + $1.absent }), 13: Double(lines.reduce(0) { $0 + $1.surveyCount }),
                14: Double(lines.reduce(0) { $0 + $1.lowScores }), 15: Double(lines.reduce(0) { $0 + $1.followUpsNeeded }),
                16: Double(lines.reduce(0) { $0 + $1.followUpsDone }), 17: Double(lines.reduce(0) { $0 + $1.findings }),
            ])
            row = data.upperBound + 3
            try sheet.freeze(rows: t.header + 1)
            try addCharts(b, categories: 1, data: data, at: row, series: [
                (9, WeeklyText.present, lines.map { Double($0.present) }), (10, WeeklyText.absent, lines.map { Double($0.absent) }),
            ], survey: (12, lines.map { $0.surveyAverage ?? 0 }), perWhat: WeeklyText.perCourse)
        }

        try itemsSheet(report, book, name: TeamSheet.findings.name(lang))
        try escalationSheet(report, book, name: TeamSheet.escalations.name(lang))

        let hb = WeeklySheetBuilder(sheet: try book.addSheet(TeamSheet.followUp.name(lang)), language: lang)
        let asOf = report.asOf.date
        try hb.titleBlock(WeeklyText.followUpTitle(lang), lines: [(WeeklyText.team(lang), .text(report.team)),
                                                                  (WeeklyText.week(lang), .string(weekText(report.week)))],
                          width: opinionColumns.count)
        let p = try hb.table(WeeklyText.openPaperwork(lang), at: 4, paperworkColumns, paperworkRows(report.openPaperwork, lang))
        let k = try hb.table(WeeklyText.openOpinions(lang), at: p.next, opinionColumns, opinionRows(report.openOpinions, asOf: asOf, lang))
        let o = try hb.table(WeeklyText.opinionsOpened(lang), at: k.next, opinionColumns, opinionRows(report.opinionsOpened, asOf: asOf, lang))
        _ = try hb.table(WeeklyText.opinionsClosed(lang), at: o.next, opinionColumns, opinionRows(report.opinionsClosed, asOf: asOf, lang))
        try hb.setUp(opinionColumns, repeatRows: 0...2)

        try reportingSheet(report, book, name: TeamSheet.reporting.name(lang))

        let nb = WeeklySheetBuilder(sheet: try book.addSheet(TeamSheet.next.name(lang)), language: lang)
        let nextWeek = Week(containing: report.week.monday.adding(days: 7))
        try nb.titleBlock(WeeklyText.teamNextTitle(lang), lines: [(WeeklyText.team(lang), .text(report.team)),
                                                                  (WeeklyText.week(lang), .string(weekText(nextWeek)))],
                          width: nextColumns.count)
        let nt = try nb.table(nil, at: 4, nextColumns, nextRows(report.nextCourses, lang))
        try nb.setUp(nextColumns, repeatRows: nt.header...nt.header)
        try trendSheet(report, book)
    }

    /// Two charts side by side from `row`: attendance (clustered columns) and the survey average.
    static func addCharts(_ b: WeeklySheetBuilder, categories: Int, data: ClosedRange<Int>, at row: Int,
                          series: [(column: Int, name: WeeklyText, values: [Double])], survey: (column: Int, values: [Double]),
                          perWhat: WeeklyText, split: Int = 8, end: Int = 17) throws {
        let sheet = b.sheet, lang = b.language
        func range(_ c: Int) -> CellRange {
            CellRange(CellReference(row: data.lowerBound, column: c) ?? CellReference(row: 0, column: 0)!,
                      CellReference(row: data.upperBound, column: c) ?? CellReference(row: 0, column: 0)!)
        }
        let cats = range(categories)
        // Explicit colours: our workbooks carry no theme for automatic ones.
        let attendance = Chart(.column, series: series.enumerated().map { i, s in
            var series = Chart.Series(sheet: sheet.name, values: range(s.column), categories: cats, name: s.name(lang), cachedValues: s.values)
            series.fillColor = Chart.palette[i % Chart.palette.count]
            return series
        }, title: "\(WeeklyText.attendanceChart(lang)) \(perWhat(lang))", valueAxisTitle: WeeklyText.units(lang),
            anchor: CellRange(CellReference(row: row, column: 0)!, CellReference(row: row + 16, column: split - 1)!))
        try sheet.addChart(attendance)
        var average = Chart.Series(sheet: sheet.name, values: range(survey.column), categories: cats,
                                   name: WeeklyText.surveySeries(lang), cachedValues: survey.values)
        average.fillColor = Chart.palette[5]
        let scores = Chart(.column, series: [average],
                           title: "\(WeeklyText.surveyChart(lang)) \(perWhat(lang))", valueAxisTitle: WeeklyText.score(lang),
                           anchor: CellRange(CellReference(row: row, column: split)!, CellReference(row: row + 16, column: end)!), showLegend: false)
        try sheet.addChart(scores)
    }
}
