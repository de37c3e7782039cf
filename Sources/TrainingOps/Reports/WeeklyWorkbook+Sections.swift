import XLSX

/// The sheets both reports share: everything still open, what needs a higher level, and who
/// reported on time.
extension WeeklyWorkbook {
    /// Columns of the open items table.
    static let itemColumns = [
        WeeklyColumn("STT", "No.", 5, .integer), WeeklyColumn("Bước quy trình", "Step of the process", 20, .wrap),
        WeeklyColumn("Mức độ", "Severity", 9), WeeklyColumn("Mã khóa", "Course", 13), WeeklyColumn("Nhóm", "Team", 9),
        WeeklyColumn("Quy tắc", "Rule", 24), WeeklyColumn("Nội dung", "Message", 60, .wrap), WeeklyColumn("Hạn", "Due", 11, .date),
        WeeklyColumn("Quá hạn", "Overdue", 22, .wrap), WeeklyColumn("Tình trạng", "State", 14, .wrap), WeeklyColumn("Vị trí", "Place", 36, .wrap),
    ]

    /// The finding's message in `language`.
    static func message(_ f: Finding, _ language: Language) -> String { language.pick(f.messageVi, f.messageEn) }

    static func itemRow(_ n: Int, _ i: WeeklyReport.Item, _ language: Language) -> [CellValue] {
        let f = i.finding
        return [.int(n), .string(i.stepLabel(language)), .string(severityLabel(f.severity, language)), .text(f.course), .text(i.team),
                .string(f.rule), .string(message(f, language)), .day(i.due?.date), .string(i.age(language)),
                .string(i.state.label(language)), .string(f.place)]
    }

    /// The title block's lines of the sheets every report has: the team (team report), the
    /// week and the report's moment.
    static func titleLines(_ report: WeeklyReport) -> [(String, CellValue)] {
        let lang = report.language
        var lines: [(String, CellValue)] = [(WeeklyText.week(lang), .string(weekText(report.week))), (WeeklyText.asOf(lang), .moment(report.asOf))]
        if let team = report.team { lines.insert((WeeklyText.team(lang), .string(team)), at: 0) }
        return lines
    }

    static let stepRow = CellStyle(font: Font(bold: true, color: WeeklySheetBuilder.navy), fill: .solid(.rgb("FFDDEBF7")),
                                   border: WeeklySheetBuilder.thin)

    /// The open items sheet: the items still open, grouped by step of the process (a heading
    /// row per step), then those done late during the week, then those done late before it.
    static func itemsSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let lang = report.language
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name), language: lang)
        var row = try b.titleBlock(WeeklyText.itemsTitle(lang), lines: titleLines(report), width: itemColumns.count)
        let open = report.items.filter { $0.state == .open }
        try b.sheet.set(.string("\(WeeklyText.openItems(lang)) (\(open.count))"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let header = row
        try b.headerRow(row, itemColumns)
        row += 1
        if open.isEmpty {
            try b.sheet.set(.string(WeeklyText.none(lang)), at: b.ref(row, 0), style: WeeklySheetBuilder.empty)
            row += 1
        }
        var n = 0
        var step: String?
        for i in open {
            if i.stepLabel(lang) != step {
                step = i.stepLabel(lang)
                let count = open.filter { $0.stepLabel(lang) == step }.count
                try b.sheet.merge(CellRange(b.ref(row, 0), b.ref(row, itemColumns.count - 1)), value: .string("\(step ?? "") (\(count))"), style: stepRow)
                row += 1
            }
            n += 1
            for (c, value) in itemRow(n, i, lang).enumerated() { try b.sheet.set(value, at: b.ref(row, c), style: WeeklySheetBuilder.style(itemColumns[c].kind)) }
            row += 1
        }
        row += 1
        let thisWeek = report.items.filter { $0.state == .closedThisWeek }
        let t = try b.table("\(WeeklyText.closedThisWeek(lang)) (\(thisWeek.count))", at: row, itemColumns,
                            thisWeek.enumerated().map { itemRow($0.offset + 1, $0.element, lang) })
        let earlier = report.items.filter { $0.state == .closedEarlier }
        _ = try b.table("\(WeeklyText.closedEarlier(lang)) (\(earlier.count))", at: t.next, itemColumns,
                        earlier.enumerated().map { itemRow($0.offset + 1, $0.element, lang) })
        try b.setUp(itemColumns, repeatRows: header...header)
        try b.sheet.freeze(rows: header + 1)
    }

    static let escalationColumns = [
        WeeklyColumn("Loại", "Kind", 20, .wrap), WeeklyColumn("Nhóm", "Team", 9), WeeklyColumn("Mã khóa", "Course", 13),
        WeeklyColumn("Ngày", "Date", 11, .date), WeeklyColumn("Người báo / xử lý", "Reported / handled by", 20, .wrap),
        WeeklyColumn("Nội dung", "Content", 50, .wrap), WeeklyColumn("Lý do / tiến độ", "Reason / progress", 30, .wrap),
        WeeklyColumn("Đã báo Ban GĐ", "Board told", 9), WeeklyColumn("Vị trí", "Place", 34, .wrap),
    ]

    static func escalationRows(_ es: [WeeklyReport.Escalation], _ language: Language) -> [[CellValue]] {
        es.map { e in
            [.string(e.kind.label(language)), .text(e.team), .text(e.course), .day(e.date), .text(e.who), .string(e.text), .text(e.note),
             .text(e.boardTold.map { WeeklyText.yesNo($0, language) }), .string(e.place)]
        }
    }

    /// What needs TP (team report) or the director and the board (office report), kind by kind.
    static func escalationSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let lang = report.language
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name), language: lang)
        let title = report.team == nil ? WeeklyText.officeEscalationTitle : WeeklyText.teamEscalationTitle
        var row = try b.titleBlock(title(lang), lines: titleLines(report), width: escalationColumns.count)
        for (n, kind) in WeeklyReport.Escalation.Kind.allCases.enumerated() {
            let list = report.escalations.filter { $0.kind == kind }
            row = try b.table("\(n + 1). \(kind.label(lang)) (\(list.count))", at: row, escalationColumns, escalationRows(list, lang)).next
        }
        try b.setUp(escalationColumns, repeatRows: 0...1)
    }

    /// `Báo cáo tuần Nhóm 1 (TNTK → TP)`, `Báo cáo văn phòng (TP → GĐVP)`.
    static func reportName(_ r: WeeklyReport.Reporting, _ language: Language) -> String {
        r.team.map { language.pick("Báo cáo tuần \($0) (TNTK → TP)", "\($0) weekly report (team lead → head)") }
            ?? language.pick("Báo cáo văn phòng (TP → GĐVP)", "Department report (head → office director)")
    }

    /// `Không thiếu`, or `Thiếu 2: Lê Văn Hậu (03/11/2026); …`; empty for the head's line.
    static func missingText(_ r: WeeklyReport.Reporting, _ language: Language) -> String {
        guard r.team != nil else { return "" }
        return r.dailyLogsMissing.isEmpty ? WeeklyText.noneMissing(language)
            : "\(WeeklyText.missing(language)) \(r.dailyLogsMissing.count): " + r.dailyLogsMissing.joined(separator: "; ")
    }

    static let reportingColumns = [
        WeeklyColumn("Báo cáo", "Report", 30, .wrap), WeeklyColumn("Người gửi", "Sender", 20), WeeklyColumn("Hạn", "Due", 16, .moment),
        WeeklyColumn("Đã gửi lúc", "Sent", 16, .moment), WeeklyColumn("Đúng hạn / trễ", "On time / late", 24, .wrap),
        WeeklyColumn("Nhật ký ngày đã ghi", "Daily logs written", 10, .integer),
        WeeklyColumn("Ngày thiếu nhật ký", "Days without a daily log", 50, .wrap),
    ]

    static func reportingRows(_ rs: [WeeklyReport.Reporting], _ language: Language) -> [[CellValue]] {
        rs.map { r in
            [.string(reportName(r, language)), .text(r.sender), .moment(r.due), .moment(r.sent), .string(r.status(language)),
             r.team == nil ? .empty : .int(r.dailyLogs), .string(missingText(r, language))]
        }
    }

    /// The week's reports and daily logs against their deadlines.
    static func reportingSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let lang = report.language
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name), language: lang)
        let row = try b.titleBlock(WeeklyText.reportingTitle(lang), lines: titleLines(report), width: reportingColumns.count)
        let t = try b.table(nil, at: row, reportingColumns, reportingRows(report.reporting, lang))
        try b.setUp(reportingColumns, repeatRows: t.header...t.header)
    }
}
