import XLSX

/// The built-in layouts as template workbooks (`samples/layouts/`): the same sheets, columns,
/// formats, charts and print setup as ``WeeklyWorkbook``, with `{{placeholders}}` and
/// `{{#list}}` blocks a lead can rearrange in Excel and pass back with `--template`.
public enum WeeklyLayout {
    /// The file names the layouts are shipped under (written under, in English).
    public static func fileName(team: Bool, language: Language = .vi) -> String {
        switch (team, language) {
        case (true, .vi): return "Mau bao cao tuan - nhom.xlsx"
        case (false, .vi): return "Mau bao cao tuan - van phong.xlsx"
        case (true, .en): return "Weekly report layout - team.xlsx"
        case (false, .en): return "Weekly report layout - office.xlsx"
        }
    }

    static let courseFields = ["no", "id", "name", "start", "end", "product", "agency", "mode", "planned", "present", "absent",
                               "dataEntryRate", "surveyAverage", "surveyCount", "lowScores", "followUpsNeeded", "followUpsDone", "findings"]
    static let itemFields = ["@index", "step", "severity", "course", "team", "rule", "message", "due", "age", "status", "place"]
    static let paperworkFields = ["id", "name", "end", "contract", "liquidation", "debt"]
    static let opinionFields = ["recorded", "course", "team", "content", "impact", "handler", "due", "status", "done", "progress",
                                "age", "note", "boardTold"]
    static let nextFields = ["id", "team", "name", "start", "end", "mode", "staff", "staffPlanDue", "staffPlanSent", "onTime"]
    static let escalationFields = ["kind", "team", "course", "date", "who", "text", "note", "boardTold", "place"]
    static let trendFields = ["week", "team", "at", "courses", "attendanceRate", "surveyAverage", "openItems"]
    static let reportingFields = ["report", "sender", "due", "sent", "status", "dailyLogs", "dailyLogsMissing"]
    static var officeCourseFields: [String] {
        var f = courseFields
        f.insert("team", at: 3)
        return f
    }
    static let teamFields = ["team", "lead", "courses", "planned", "present", "absent", "attendanceRate", "surveyAverage", "lowScores", "errors", "warnings"]

    /// The layout workbook of the team report (`team` true) or the office report, its own text
    /// (titles, headings, column headers, labels, chart titles) in `language`.
    public static func workbook(team: Bool, language: Language = .vi, deterministic: Bool = false) throws -> WorkbookWriter {
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        book.properties = DocumentProperties(title: (team ? WeeklyText.teamLayoutDocument : WeeklyText.officeLayoutDocument)(language),
                                             creator: "taphuan")
        if team { try teamLayout(book, language) } else { try officeLayout(book, language) }
        return book
    }

    /// Writes the layout to `path`.
    public static func write(team: Bool, language: Language = .vi, to path: String, replaceExisting: Bool = false) throws {
        try workbook(team: team, language: language, deterministic: true).write(to: path, replaceExisting: replaceExisting)
    }

    /// A block at `row`: the opening marker, one row of placeholders, the closing marker;
    /// returns the template row.
    @discardableResult
    static func block(_ b: WeeklySheetBuilder, _ name: String, at row: Int, _ columns: [WeeklyColumn], _ fields: [String]) throws -> Int {
        try b.sheet.set(.string("{{#\(name)}}"), at: b.ref(row, 0))
        for (c, col) in columns.enumerated() {
            try b.sheet.set(.string("{{\(fields[c])}}"), at: b.ref(row + 1, c), style: WeeklySheetBuilder.style(col.kind))
        }
        try b.sheet.set(.string("{{/\(name)}}"), at: b.ref(row + 2, 0))
        return row + 1
    }

    /// Header row, block and (optionally) a total row of SUMs over the block; returns the next free row.
    static func table(_ b: WeeklySheetBuilder, _ heading: WeeklyText?, at row: Int, _ name: String, _ columns: [WeeklyColumn],
                      _ fields: [String], sums: [Int] = []) throws -> (header: Int, template: Int, next: Int) {
        var r = row
        if let heading {
            try b.sheet.set(.string(heading(b.language)), at: b.ref(r, 0), style: WeeklySheetBuilder.section)
            r += 1
        }
        let header = r
        try b.headerRow(r, columns)
        let template = try block(b, name, at: r + 1, columns, fields)
        r = template + 2
        if !sums.isEmpty {
            for c in columns.indices {
                let letter = CellReference.columnName(c)
                let value: CellValue = c == 0 ? .string(WeeklyText.total(b.language))
                    : sums.contains(c) ? .formula("SUM(\(letter)\(template):\(letter)\(template + 2))", cached: .number(0)) : .empty
                try b.sheet.set(value, at: b.ref(r, c), style: WeeklySheetBuilder.total)
            }
            r += 1
        }
        return (header, template, r + 1)
    }

    /// Gives the title block's moment placeholders a date format, so the fill writes real dates.
    static func dateFields(_ b: WeeklySheetBuilder, _ fields: [(row: Int, name: String)]) throws {
        for (row, name) in fields {
            try b.sheet.set(.string("{{\(name)}}"), at: b.ref(row, 2),
                            style: CellStyle(alignment: Alignment(horizontal: .left), numberFormat: .dayMonthYearTime))
        }
    }

    /// The title block's lines: the team (team layout) and the week.
    static func head(team: Bool, _ language: Language) -> [(String, CellValue)] {
        let week = (WeeklyText.week(language), CellValue.string("{{weekText}}"))
        return team ? [(WeeklyText.team(language), .string("{{team}}")), week] : [week]
    }

    static func teamLayout(_ book: WorkbookWriter, _ lang: Language) throws {
        typealias W = WeeklyWorkbook
        let b = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.summary.name(lang)), language: lang)
        let row = try b.titleBlock(WeeklyText.teamTitle(lang), lines: head(team: true, lang) + [
            (WeeklyText.preparedBy(lang), .string("{{preparedBy}}")), (WeeklyText.dueToHead(lang), .string("{{due}}")),
            (WeeklyText.figuresAsOf(lang), .string("{{asOf}}")),
        ], width: W.courseColumns.count)
        try dateFields(b, [(4, "due"), (5, "asOf")])
        let t = try table(b, .teamCourses, at: row, "courses", W.courseColumns, courseFields, sums: [8, 9, 10, 13, 14, 15, 16, 17])
        try b.setUp(W.courseColumns, repeatRows: t.header...t.header)
        // Charts over the template row: the engine grows their ranges over the filled rows.
        try W.addCharts(b, categories: 1, data: t.template...t.template, at: t.next,
                        series: [(9, .present, []), (10, .absent, [])], survey: (12, []), perWhat: .perCourse)

        try shared(book, team: true, lang)

        let h = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.followUp.name(lang)), language: lang)
        try h.titleBlock(WeeklyText.followUpTitle(lang), lines: head(team: true, lang), width: W.opinionColumns.count)
        let p = try table(h, .openPaperwork, at: 4, "paperwork", W.paperworkColumns, paperworkFields)
        let k = try table(h, .openOpinions, at: p.next, "openOpinions", W.opinionColumns, opinionFields)
        let o = try table(h, .opinionsOpened, at: k.next, "opinionsOpened", W.opinionColumns, opinionFields)
        _ = try table(h, .opinionsClosed, at: o.next, "opinionsClosed", W.opinionColumns, opinionFields)
        try h.setUp(W.opinionColumns, repeatRows: 0...2)
        try reporting(book, team: true, lang)

        let n = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.next.name(lang)), language: lang)
        try n.titleBlock(WeeklyText.teamNextTitle(lang), lines: head(team: true, lang), width: W.nextColumns.count)
        let nt = try table(n, nil, at: 4, "nextCourses", W.nextColumns, nextFields)
        try n.setUp(W.nextColumns, repeatRows: nt.header...nt.header)
        try trend(book, team: true, lang)
    }

    static func officeLayout(_ book: WorkbookWriter, _ lang: Language) throws {
        typealias W = WeeklyWorkbook
        let b = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.summary.name(lang)), language: lang)
        let row = try b.titleBlock(WeeklyText.officeTitle(lang), lines: head(team: false, lang) + [
            (WeeklyText.preparedBy(lang), .string("{{preparedBy}}")), (WeeklyText.dueToDirector(lang), .string("{{due}}")),
            (WeeklyText.figuresAsOf(lang), .string("{{asOf}}")),
        ], width: W.teamColumns.count)
        try dateFields(b, [(3, "due"), (4, "asOf")])
        let t = try table(b, .officeTeams, at: row, "teams", W.teamColumns, teamFields, sums: [2, 3, 4, 5, 8, 9, 10])
        // As the built-in report: the second page repeats the title, not the table's header.
        try b.setUp(W.teamColumns, repeatRows: 0...0)
        try W.addCharts(b, categories: 0, data: t.template...t.template, at: t.next,
                        series: [(4, .present, []), (5, .absent, [])], survey: (7, []), perWhat: .perTeam, split: 5, end: 10)
        // The opinions by stage with their doughnut and the director's box, after a page break.
        let stages = WeeklyReport.Progress.allCases.map { "progress.\($0.rawValue)" } + ["progress.total", "urgentCount"]
        try W.opinionsPage(b, at: t.next + 18, figures: stages.map { .string("{{\($0)}}") }, shares: [], width: W.teamColumns.count)

        try shared(book, team: false, lang)
        for (sheet, title, list) in [(W.OfficeSheet.urgent, WeeklyText.urgentTitle, "urgent"), (W.OfficeSheet.opinions, WeeklyText.opinionsTitle, "opinions")] {
            let s = WeeklySheetBuilder(sheet: try book.addSheet(sheet.name(lang)), language: lang)
            try s.titleBlock(title(lang), lines: head(team: false, lang), width: W.opinionColumns.count)
            let st = try table(s, nil, at: 3, list, W.opinionColumns, opinionFields)
            try s.setUp(W.opinionColumns, repeatRows: st.header...st.header)
        }
        try reporting(book, team: false, lang)
        let c = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.courses.name(lang)), language: lang)
        try c.titleBlock(WeeklyText.coursesTitle(lang), lines: head(team: false, lang), width: W.officeCourseColumns.count)
        let ct = try table(c, nil, at: 3, "courses", W.officeCourseColumns, officeCourseFields)
        try c.setUp(W.officeCourseColumns, repeatRows: ct.header...ct.header)
        let n = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.next.name(lang)), language: lang)
        try n.titleBlock(WeeklyText.officeNextTitle(lang), lines: head(team: false, lang), width: W.nextColumns.count)
        let nt = try table(n, nil, at: 3, "nextCourses", W.nextColumns, nextFields)
        try n.setUp(W.nextColumns, repeatRows: nt.header...nt.header)
        try trend(book, team: false, lang)
    }

    /// The open items and the escalations, as flat lists (the step and the kind are columns).
    static func shared(_ book: WorkbookWriter, team: Bool, _ lang: Language) throws {
        typealias W = WeeklyWorkbook
        let lines = head(team: team, lang)
        let f = WeeklySheetBuilder(sheet: try book.addSheet((team ? W.TeamSheet.findings.name(lang) : W.OfficeSheet.findings.name(lang))), language: lang)
        try f.titleBlock(WeeklyText.itemsTitle(lang), lines: lines, width: W.itemColumns.count)
        let ft = try table(f, nil, at: lines.count + 2, "findings", W.itemColumns, itemFields)
        try f.setUp(W.itemColumns, repeatRows: ft.header...ft.header)
        let e = WeeklySheetBuilder(sheet: try book.addSheet(team ? W.TeamSheet.escalations.name(lang) : W.OfficeSheet.escalations.name(lang)), language: lang)
        try e.titleBlock((team ? WeeklyText.teamEscalationTitle : WeeklyText.officeEscalationTitle)(lang), lines: lines, width: W.escalationColumns.count)
        let et = try table(e, nil, at: lines.count + 2, "escalations", W.escalationColumns, escalationFields)
        try e.setUp(W.escalationColumns, repeatRows: et.header...et.header)
    }

    /// The trend, one row per week and team (the built-in report sets the teams side by side,
    /// with line charts).
    static func trend(_ book: WorkbookWriter, team: Bool, _ lang: Language) throws {
        typealias W = WeeklyWorkbook
        let lines = head(team: team, lang)
        let t = WeeklySheetBuilder(sheet: try book.addSheet(W.trendSheetName(lang)), language: lang)
        try t.titleBlock(WeeklyText.trendTitle(lang), lines: lines, width: 8)
        let tt = try table(t, nil, at: lines.count + 2, "trend", W.trendColumns, trendFields)
        try t.setUp(W.trendColumns, repeatRows: tt.header...tt.header)
    }

    /// The week's reports and daily logs against their deadlines.
    static func reporting(_ book: WorkbookWriter, team: Bool, _ lang: Language) throws {
        typealias W = WeeklyWorkbook
        let lines = head(team: team, lang)
        let r = WeeklySheetBuilder(sheet: try book.addSheet(team ? W.TeamSheet.reporting.name(lang) : W.OfficeSheet.reporting.name(lang)), language: lang)
        try r.titleBlock(WeeklyText.reportingTitle(lang), lines: lines, width: W.reportingColumns.count)
        let rt = try table(r, nil, at: lines.count + 2, "reporting", W.reportingColumns, reportingFields)
        try r.setUp(W.reportingColumns, repeatRows: rt.header...rt.header)
    }
}
