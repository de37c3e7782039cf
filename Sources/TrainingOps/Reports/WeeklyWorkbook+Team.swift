import XLSX

extension WeeklyWorkbook {
    /// The team report: summary with the courses and two charts, findings, paperwork and
    /// opinions, next week.
    static func team(_ report: WeeklyReport, _ book: WorkbookWriter) throws {
        let sheet = try book.addSheet(TeamSheet.summary)
        let b = WeeklySheetBuilder(sheet: sheet)
        let columns = courseColumns
        var row = try b.titleBlock("BÁO CÁO TUẦN TRIỂN KHAI TẬP HUẤN (TNTK → TP HCSN)", lines: [
            ("Nhóm:", .text(report.team)), ("Tuần:", .string(weekText(report.week))),
            ("Người lập:", .text(report.preparedBy)), ("Hạn gửi TP:", .moment(report.due)),
            ("Số liệu tính đến:", .moment(report.asOf)),
        ], width: columns.count)
        let rows = report.courses.enumerated().map { courseRow($0.offset + 1, $0.element) }
        let t = try b.table("1. Các khóa tập huấn trong tuần", at: row, columns, rows)
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
            try addCharts(sheet, categories: 1, data: data, at: row, series: [
                (9, "Có mặt", lines.map { Double($0.present) }), (10, "Vắng", lines.map { Double($0.absent) }),
            ], survey: (12, lines.map { $0.surveyAverage ?? 0 }), perWhat: "khóa")
        }

        try itemsSheet(report, book, name: TeamSheet.findings)
        try escalationSheet(report, book, name: TeamSheet.escalations)

        let follow = try book.addSheet(TeamSheet.followUp)
        let hb = WeeklySheetBuilder(sheet: follow)
        let asOf = report.asOf.date
        try hb.titleBlock("HỒ SƠ CÒN MỞ VÀ KIẾN NGHỊ", lines: [("Nhóm:", .text(report.team)), ("Tuần:", .string(weekText(report.week)))], width: opinionColumns.count)
        let p = try hb.table("1. Hồ sơ chưa xong (hợp đồng, thanh lý, thu nợ)", at: 4, paperworkColumns, paperworkRows(report.openPaperwork))
        let k = try hb.table("2. Kiến nghị chưa xong (mọi tuần), tuổi và người xử lý", at: p.next, opinionColumns, opinionRows(report.openOpinions, asOf: asOf))
        let o = try hb.table("3. Kiến nghị ghi nhận trong tuần", at: k.next, opinionColumns, opinionRows(report.opinionsOpened, asOf: asOf))
        _ = try hb.table("4. Kiến nghị đã xử lý xong trong tuần", at: o.next, opinionColumns, opinionRows(report.opinionsClosed, asOf: asOf))
        try hb.setUp(opinionColumns, repeatRows: 0...2)

        try reportingSheet(report, book, name: TeamSheet.reporting)

        let next = try book.addSheet(TeamSheet.next)
        let nb = WeeklySheetBuilder(sheet: next)
        let nextWeek = Week(containing: report.week.monday.adding(days: 7))
        try nb.titleBlock("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ", lines: [("Nhóm:", .text(report.team)), ("Tuần:", .string(weekText(nextWeek)))], width: nextColumns.count)
        let nt = try nb.table(nil, at: 4, nextColumns, nextRows(report.nextCourses))
        try nb.setUp(nextColumns, repeatRows: nt.header...nt.header)
        try trendSheet(report, book)
    }

    /// Two charts side by side from `row`: attendance (clustered columns) and the survey average.
    static func addCharts(_ sheet: SheetWriter, categories: Int, data: ClosedRange<Int>, at row: Int,
                          series: [(column: Int, name: String, values: [Double])], survey: (column: Int, values: [Double]),
                          perWhat: String, split: Int = 8, end: Int = 17) throws {
        func range(_ c: Int) -> CellRange {
            CellRange(CellReference(row: data.lowerBound, column: c) ?? CellReference(row: 0, column: 0)!,
                      CellReference(row: data.upperBound, column: c) ?? CellReference(row: 0, column: 0)!)
        }
        let cats = range(categories)
        // Explicit colours: our workbooks carry no theme for automatic ones.
        let attendance = Chart(.column, series: series.enumerated().map { i, s in
            var series = Chart.Series(sheet: sheet.name, values: range(s.column), categories: cats, name: s.name, cachedValues: s.values)
            series.fillColor = Chart.palette[i % Chart.palette.count]
            return series
        }, title: "Có mặt / vắng theo \(perWhat)", valueAxisTitle: "Số đơn vị",
            anchor: CellRange(CellReference(row: row, column: 0)!, CellReference(row: row + 16, column: split - 1)!))
        try sheet.addChart(attendance)
        var average = Chart.Series(sheet: sheet.name, values: range(survey.column), categories: cats,
                                   name: "Điểm khảo sát TB", cachedValues: survey.values)
        average.fillColor = Chart.palette[5]
        let scores = Chart(.column, series: [average],
                           title: "Điểm khảo sát trung bình theo \(perWhat)", valueAxisTitle: "Điểm (1–5)",
                           anchor: CellRange(CellReference(row: row, column: split)!, CellReference(row: row + 16, column: end)!), showLegend: false)
        try sheet.addChart(scores)
    }
}
