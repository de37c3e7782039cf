import XLSX

/// The sheets both reports share: everything still open, what needs a higher level, and who
/// reported on time.
extension WeeklyWorkbook {
    /// Columns of the open items table.
    static let itemColumns = [
        WeeklyColumn("STT", 5, .integer), WeeklyColumn("Bước quy trình", 20, .wrap), WeeklyColumn("Mức độ", 9),
        WeeklyColumn("Mã khóa", 13), WeeklyColumn("Nhóm", 9), WeeklyColumn("Quy tắc", 24), WeeklyColumn("Nội dung", 60, .wrap),
        WeeklyColumn("Hạn", 11, .date), WeeklyColumn("Quá hạn", 22, .wrap), WeeklyColumn("Tình trạng", 14, .wrap),
        WeeklyColumn("Vị trí", 36, .wrap),
    ]

    static func itemRow(_ n: Int, _ i: WeeklyReport.Item) -> [CellValue] {
        let f = i.finding
        return [.int(n), .string(i.stepLabel()), .string(severityLabel(f.severity)), .text(f.course), .text(i.team), .string(f.rule),
                .string(f.messageVi), .day(i.due?.date), .string(i.age()), .string(i.state.label()), .string(f.place)]
    }

    static let stepRow = CellStyle(font: Font(bold: true, color: WeeklySheetBuilder.navy), fill: .solid(.rgb("FFDDEBF7")),
                                   border: WeeklySheetBuilder.thin)

    /// The open items sheet: the items still open, grouped by step of the process (a heading
    /// row per step), then those done late during the week, then those done late before it.
    static func itemsSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name))
        var lines: [(String, CellValue)] = [("Tuần:", .string(weekText(report.week))), ("Tính đến:", .moment(report.asOf))]
        if let team = report.team { lines.insert(("Nhóm:", .string(team)), at: 0) }
        var row = try b.titleBlock("VIỆC CÒN TỒN VÀ LỖI QUY TRÌNH (MỌI TUẦN, TÍNH ĐẾN THỜI ĐIỂM BÁO CÁO)", lines: lines, width: itemColumns.count)
        let open = report.items.filter { $0.state == .open }
        try b.sheet.set(.string("1. Việc còn mở, theo bước quy trình (\(open.count))"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let header = row
        for (c, col) in itemColumns.enumerated() { try b.sheet.set(.string(col.header), at: b.ref(row, c), style: WeeklySheetBuilder.header) }
        try b.sheet.setRowHeight(30, row: row)
        row += 1
        if open.isEmpty {
            try b.sheet.set(.string("Không có."), at: b.ref(row, 0), style: WeeklySheetBuilder.empty)
            row += 1
        }
        var n = 0
        var step: String?
        for i in open {
            if i.stepLabel() != step {
                step = i.stepLabel()
                let count = open.filter { $0.stepLabel() == step }.count
                try b.sheet.merge(CellRange(b.ref(row, 0), b.ref(row, itemColumns.count - 1)), value: .string("\(step ?? "") (\(count))"), style: stepRow)
                row += 1
            }
            n += 1
            for (c, value) in itemRow(n, i).enumerated() { try b.sheet.set(value, at: b.ref(row, c), style: WeeklySheetBuilder.style(itemColumns[c].kind)) }
            row += 1
        }
        row += 1
        let thisWeek = report.items.filter { $0.state == .closedThisWeek }
        let t = try b.table("2. Đã làm xong trong tuần nhưng trễ hạn (\(thisWeek.count))", at: row, itemColumns,
                            thisWeek.enumerated().map { itemRow($0.offset + 1, $0.element) })
        let earlier = report.items.filter { $0.state == .closedEarlier }
        _ = try b.table("3. Đã làm xong trước tuần này, trễ hạn – ghi nhận (\(earlier.count))", at: t.next, itemColumns,
                        earlier.enumerated().map { itemRow($0.offset + 1, $0.element) })
        try b.setUp(itemColumns, repeatRows: header...header)
        try b.sheet.freeze(rows: header + 1)
    }

    static let escalationColumns = [
        WeeklyColumn("Loại", 20, .wrap), WeeklyColumn("Nhóm", 9), WeeklyColumn("Mã khóa", 13), WeeklyColumn("Ngày", 11, .date),
        WeeklyColumn("Người báo / xử lý", 20, .wrap), WeeklyColumn("Nội dung", 50, .wrap), WeeklyColumn("Lý do / tiến độ", 30, .wrap),
        WeeklyColumn("Đã báo Ban GĐ", 9), WeeklyColumn("Vị trí", 34, .wrap),
    ]

    static func escalationRows(_ es: [WeeklyReport.Escalation]) -> [[CellValue]] {
        es.map { e in
            [.string(e.kind.label()), .text(e.team), .text(e.course), .day(e.date), .text(e.who), .string(e.text), .text(e.note),
             .text(e.boardTold.map { $0 ? "Có" : "Không" }), .string(e.place)]
        }
    }

    /// What needs TP (team report) or the director and the board (office report), kind by kind.
    static func escalationSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name))
        var lines: [(String, CellValue)] = [("Tuần:", .string(weekText(report.week))), ("Tính đến:", .moment(report.asOf))]
        if let team = report.team { lines.insert(("Nhóm:", .string(team)), at: 0) }
        let title = report.team == nil ? "VIỆC CẦN GIÁM ĐỐC VĂN PHÒNG, BAN GIÁM ĐỐC XỬ LÝ" : "VIỆC CẦN TRƯỞNG PHÒNG HCSN HỖ TRỢ"
        var row = try b.titleBlock(title, lines: lines, width: escalationColumns.count)
        for (n, kind) in WeeklyReport.Escalation.Kind.allCases.enumerated() {
            let list = report.escalations.filter { $0.kind == kind }
            row = try b.table("\(n + 1). \(kind.label()) (\(list.count))", at: row, escalationColumns, escalationRows(list)).next
        }
        try b.setUp(escalationColumns, repeatRows: 0...1)
    }

    /// `Báo cáo tuần Nhóm 1 (TNTK → TP)`, `Báo cáo văn phòng (TP → GĐVP)`.
    static func reportName(_ r: WeeklyReport.Reporting) -> String {
        r.team.map { "Báo cáo tuần \($0) (TNTK → TP)" } ?? "Báo cáo văn phòng (TP → GĐVP)"
    }

    /// `Không thiếu`, or `Thiếu 2: Lê Văn Hậu (03/11/2026); …`; empty for the head's line.
    static func missingText(_ r: WeeklyReport.Reporting) -> String {
        guard r.team != nil else { return "" }
        return r.dailyLogsMissing.isEmpty ? "Không thiếu" : "Thiếu \(r.dailyLogsMissing.count): " + r.dailyLogsMissing.joined(separator: "; ")
    }

    static let reportingColumns = [
        WeeklyColumn("Báo cáo", 30, .wrap), WeeklyColumn("Người gửi", 20), WeeklyColumn("Hạn", 16, .moment),
        WeeklyColumn("Đã gửi lúc", 16, .moment), WeeklyColumn("Đúng hạn / trễ", 24, .wrap),
        WeeklyColumn("Nhật ký ngày đã ghi", 10, .integer), WeeklyColumn("Ngày thiếu nhật ký", 50, .wrap),
    ]

    static func reportingRows(_ rs: [WeeklyReport.Reporting]) -> [[CellValue]] {
        rs.map { r in
            [.string(reportName(r)), .text(r.sender), .moment(r.due), .moment(r.sent), .string(r.status()),
             r.team == nil ? .empty : .int(r.dailyLogs), .string(missingText(r))]
        }
    }

    /// The week's reports and daily logs against their deadlines.
    static func reportingSheet(_ report: WeeklyReport, _ book: WorkbookWriter, name: String) throws {
        let b = WeeklySheetBuilder(sheet: try book.addSheet(name))
        var lines: [(String, CellValue)] = [("Tuần:", .string(weekText(report.week))), ("Tính đến:", .moment(report.asOf))]
        if let team = report.team { lines.insert(("Nhóm:", .string(team)), at: 0) }
        let row = try b.titleBlock("BÁO CÁO TUẦN VÀ NHẬT KÝ NGÀY SO VỚI HẠN", lines: lines, width: reportingColumns.count)
        let t = try b.table(nil, at: row, reportingColumns, reportingRows(report.reporting))
        try b.setUp(reportingColumns, repeatRows: t.header...t.header)
    }
}
