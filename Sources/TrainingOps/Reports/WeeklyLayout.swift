import XLSX

/// The built-in layouts as template workbooks (`samples/layouts/`): the same sheets, columns,
/// formats, charts and print setup as ``WeeklyWorkbook``, with `{{placeholders}}` and
/// `{{#list}}` blocks a lead can rearrange in Excel and pass back with `--template`.
public enum WeeklyLayout {
    /// The file names the layouts are shipped under.
    public static func fileName(team: Bool) -> String { team ? "Mau bao cao tuan - nhom.xlsx" : "Mau bao cao tuan - van phong.xlsx" }

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

    /// The layout workbook of the team report (`team` true) or the office report.
    public static func workbook(team: Bool, deterministic: Bool = false) throws -> WorkbookWriter {
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        book.properties = DocumentProperties(title: team ? "Mẫu báo cáo tuần – nhóm" : "Mẫu báo cáo tuần – văn phòng", creator: "taphuan")
        if team { try teamLayout(book) } else { try officeLayout(book) }
        return book
    }

    /// Writes the layout to `path`.
    public static func write(team: Bool, to path: String, replaceExisting: Bool = false) throws {
        try workbook(team: team, deterministic: true).write(to: path, replaceExisting: replaceExisting)
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
    static func table(_ b: WeeklySheetBuilder, _ heading: String?, at row: Int, _ name: String, _ columns: [WeeklyColumn],
                      _ fields: [String], sums: [Int] = []) throws -> (header: Int, template: Int, next: Int) {
        var r = row
        if let heading {
            try b.sheet.set(.string(heading), at: b.ref(r, 0), style: WeeklySheetBuilder.section)
            r += 1
        }
        let header = r
        for (c, col) in columns.enumerated() { try b.sheet.set(.string(col.header), at: b.ref(r, c), style: WeeklySheetBuilder.header) }
        try b.sheet.setRowHeight(30, row: r)
        let template = try block(b, name, at: r + 1, columns, fields)
        r = template + 2
        if !sums.isEmpty {
            for c in columns.indices {
                let letter = CellReference.columnName(c)
                let value: CellValue = c == 0 ? .string("Tổng")
                    : sums.contains(c) ? .formula("SUM(\(letter)\(template):\(letter)\(template + 2))", cached: .number(0)) : .empty
                try b.sheet.set(value, at: b.ref(r, c), style: WeeklySheetBuilder.total)
            }
            r += 1
        }
        return (header, template, r + 1)
    }

    /// Charts over the template row: the engine grows their ranges over the filled rows.
    static func charts(_ b: WeeklySheetBuilder, template: Int, categories: Int, at row: Int,
                       series: [(Int, String)], survey: Int, perWhat: String, split: Int, end: Int) throws {
        try WeeklyWorkbook.addCharts(b.sheet, categories: categories, data: template...template, at: row,
                                     series: series.map { ($0.0, $0.1, []) }, survey: (survey, []), perWhat: perWhat, split: split, end: end)
    }

    /// Gives the title block's moment placeholders a date format, so the fill writes real dates.
    static func dateFields(_ b: WeeklySheetBuilder, _ fields: [(row: Int, name: String)]) throws {
        for (row, name) in fields {
            try b.sheet.set(.string("{{\(name)}}"), at: b.ref(row, 2),
                            style: CellStyle(alignment: Alignment(horizontal: .left), numberFormat: .dayMonthYearTime))
        }
    }

    static func teamLayout(_ book: WorkbookWriter) throws {
        typealias W = WeeklyWorkbook
        let b = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.summary))
        let row = try b.titleBlock("BÁO CÁO TUẦN TRIỂN KHAI TẬP HUẤN (TNTK → TP HCSN)", lines: [
            ("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}")), ("Người lập:", .string("{{preparedBy}}")),
            ("Hạn gửi TP:", .string("{{due}}")), ("Số liệu tính đến:", .string("{{asOf}}")),
        ], width: W.courseColumns.count)
        try dateFields(b, [(4, "due"), (5, "asOf")])
        let t = try table(b, "1. Các khóa tập huấn trong tuần", at: row, "courses", W.courseColumns, courseFields,
                          sums: [8, 9, 10, 13, 14, 15, 16, 17])
        try b.setUp(W.courseColumns, repeatRows: t.header...t.header)
        try charts(b, template: t.template, categories: 1, at: t.next, series: [(9, "Có mặt"), (10, "Vắng")], survey: 12,
                   perWhat: "khóa", split: 8, end: 17)

        try shared(book, team: true)

        let h = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.followUp))
        try h.titleBlock("HỒ SƠ CÒN MỞ VÀ KIẾN NGHỊ", lines: [("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}"))], width: W.opinionColumns.count)
        let p = try table(h, "1. Hồ sơ chưa xong (hợp đồng, thanh lý, thu nợ)", at: 4, "paperwork", W.paperworkColumns, paperworkFields)
        let k = try table(h, "2. Kiến nghị chưa xong (mọi tuần), tuổi và người xử lý", at: p.next, "openOpinions", W.opinionColumns, opinionFields)
        let o = try table(h, "3. Kiến nghị ghi nhận trong tuần", at: k.next, "opinionsOpened", W.opinionColumns, opinionFields)
        _ = try table(h, "4. Kiến nghị đã xử lý xong trong tuần", at: o.next, "opinionsClosed", W.opinionColumns, opinionFields)
        try h.setUp(W.opinionColumns, repeatRows: 0...2)
        try reporting(book, team: true)

        let n = WeeklySheetBuilder(sheet: try book.addSheet(W.TeamSheet.next))
        try n.titleBlock("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ", lines: [("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}"))], width: W.nextColumns.count)
        let nt = try table(n, nil, at: 4, "nextCourses", W.nextColumns, nextFields)
        try n.setUp(W.nextColumns, repeatRows: nt.header...nt.header)
        try trend(book, team: true)
    }

    static func officeLayout(_ book: WorkbookWriter) throws {
        typealias W = WeeklyWorkbook
        let b = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.summary))
        var row = try b.titleBlock("BÁO CÁO TUẦN PHÒNG HCSN (TP HCSN → GĐVP)", lines: [
            ("Tuần:", .string("{{weekText}}")), ("Người lập:", .string("{{preparedBy}}")),
            ("Hạn gửi GĐVP:", .string("{{due}}")), ("Số liệu tính đến:", .string("{{asOf}}")),
        ], width: W.teamColumns.count)
        try dateFields(b, [(3, "due"), (4, "asOf")])
        let t = try table(b, "1. Kết quả tập huấn và khảo sát theo nhóm", at: row, "teams", W.teamColumns, teamFields,
                          sums: [2, 3, 4, 5, 8, 9, 10])
        try b.setUp(W.teamColumns, repeatRows: t.header...t.header)
        try charts(b, template: t.template, categories: 0, at: t.next, series: [(4, "Có mặt"), (5, "Vắng")], survey: 7,
                   perWhat: "nhóm", split: 5, end: 10)
        row = t.next + 18
        try b.sheet.set(.string("2. Tiến độ xử lý kiến nghị"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        row += 1
        let labels = WeeklyReport.Progress.allCases.map { ($0.label, "progress.\($0.rawValue)") } + [("Việc gấp báo Ban GĐ", "urgentCount")]
        for (n, (label, field)) in labels.enumerated() {
            try b.sheet.merge(CellRange(b.ref(row, 0), b.ref(row, 1)), value: .string(label), style: WeeklySheetBuilder.style(.text, bold: n >= 4))
            try b.sheet.set(.string("{{\(field)}}"), at: b.ref(row, 2), style: WeeklySheetBuilder.style(.integer, bold: n >= 4))
            row += 1
        }
        row += 1
        try b.sheet.set(.string("3. Ý kiến chỉ đạo của Giám đốc văn phòng"), at: b.ref(row, 0), style: WeeklySheetBuilder.section)
        let frame = CellStyle(border: .all(BorderEdge(.medium, color: WeeklySheetBuilder.navy)),
                              alignment: Alignment(horizontal: .left, vertical: .top, wrapText: true))
        try b.sheet.merge(CellRange(b.ref(row + 1, 0), b.ref(row + 8, W.teamColumns.count - 1)), value: .empty, style: frame)

        try shared(book, team: false)
        for (name, title, list) in [(W.OfficeSheet.urgent, "VIỆC GẤP ẢNH HƯỞNG DOANH SỐ, THU NỢ – BÁO BAN GIÁM ĐỐC", "urgent"),
                                    (W.OfficeSheet.opinions, "THEO DÕI TIẾN ĐỘ XỬ LÝ KIẾN NGHỊ", "opinions")] {
            let s = WeeklySheetBuilder(sheet: try book.addSheet(name))
            try s.titleBlock(title, lines: [("Tuần:", .string("{{weekText}}"))], width: W.opinionColumns.count)
            let st = try table(s, nil, at: 3, list, W.opinionColumns, opinionFields)
            try s.setUp(W.opinionColumns, repeatRows: st.header...st.header)
        }
        try reporting(book, team: false)
        let c = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.courses))
        try c.titleBlock("CÁC KHÓA TẬP HUẤN TRONG TUẦN – TẤT CẢ CÁC NHÓM", lines: [("Tuần:", .string("{{weekText}}"))], width: W.officeCourseColumns.count)
        let ct = try table(c, nil, at: 3, "courses", W.officeCourseColumns, officeCourseFields)
        try c.setUp(W.officeCourseColumns, repeatRows: ct.header...ct.header)
        let n = WeeklySheetBuilder(sheet: try book.addSheet(W.OfficeSheet.next))
        try n.titleBlock("CÁC KHÓA TUẦN SAU VÀ NHÂN SỰ, THEO NHÓM", lines: [("Tuần:", .string("{{weekText}}"))], width: W.nextColumns.count)
        let nt = try table(n, nil, at: 3, "nextCourses", W.nextColumns, nextFields)
        try n.setUp(W.nextColumns, repeatRows: nt.header...nt.header)
        try trend(book, team: false)
    }

    /// The open items and the escalations, as flat lists (the step and the kind are columns).
    static func shared(_ book: WorkbookWriter, team: Bool) throws {
        typealias W = WeeklyWorkbook
        let head: [(String, CellValue)] = team ? [("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}"))] : [("Tuần:", .string("{{weekText}}"))]
        let f = WeeklySheetBuilder(sheet: try book.addSheet(team ? W.TeamSheet.findings : W.OfficeSheet.findings))
        try f.titleBlock("VIỆC CÒN TỒN VÀ LỖI QUY TRÌNH (MỌI TUẦN, TÍNH ĐẾN THỜI ĐIỂM BÁO CÁO)", lines: head, width: W.itemColumns.count)
        let ft = try table(f, nil, at: head.count + 2, "findings", W.itemColumns, itemFields)
        try f.setUp(W.itemColumns, repeatRows: ft.header...ft.header)
        let e = WeeklySheetBuilder(sheet: try book.addSheet(team ? W.TeamSheet.escalations : W.OfficeSheet.escalations))
        try e.titleBlock(team ? "VIỆC CẦN TRƯỞNG PHÒNG HCSN HỖ TRỢ" : "VIỆC CẦN GIÁM ĐỐC VĂN PHÒNG, BAN GIÁM ĐỐC XỬ LÝ", lines: head, width: W.escalationColumns.count)
        let et = try table(e, nil, at: head.count + 2, "escalations", W.escalationColumns, escalationFields)
        try e.setUp(W.escalationColumns, repeatRows: et.header...et.header)
    }

    /// The trend, one row per week and team (the built-in report sets the teams side by side,
    /// with line charts).
    static func trend(_ book: WorkbookWriter, team: Bool) throws {
        typealias W = WeeklyWorkbook
        let head: [(String, CellValue)] = team ? [("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}"))] : [("Tuần:", .string("{{weekText}}"))]
        let t = WeeklySheetBuilder(sheet: try book.addSheet(W.trendSheet))
        try t.titleBlock("XU HƯỚNG \(WeeklyReport.trendWeeks) TUẦN THEO NHÓM", lines: head, width: 8)
        let tt = try table(t, nil, at: head.count + 2, "trend", W.trendColumns, trendFields)
        try t.setUp(W.trendColumns, repeatRows: tt.header...tt.header)
    }

    /// The week's reports and daily logs against their deadlines.
    static func reporting(_ book: WorkbookWriter, team: Bool) throws {
        typealias W = WeeklyWorkbook
        let head: [(String, CellValue)] = team ? [("Nhóm:", .string("{{team}}")), ("Tuần:", .string("{{weekText}}"))] : [("Tuần:", .string("{{weekText}}"))]
        let r = WeeklySheetBuilder(sheet: try book.addSheet(team ? W.TeamSheet.reporting : W.OfficeSheet.reporting))
        try r.titleBlock("BÁO CÁO TUẦN VÀ NHẬT KÝ NGÀY SO VỚI HẠN", lines: head, width: W.reportingColumns.count)
        let rt = try table(r, nil, at: head.count + 2, "reporting", W.reportingColumns, reportingFields)
        try r.setUp(W.reportingColumns, repeatRows: rt.header...rt.header)
    }
}
