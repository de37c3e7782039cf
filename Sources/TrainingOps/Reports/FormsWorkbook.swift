import XLSX

/// The forms of one course staff fill and send back: the day-before checklist with the items
/// of the course's mode (a printable list, one item a line, whose answers feed the importer's
/// one-row sheet by formulas), and the session report with one row per session (Sáng, Chiều of
/// each training day). The importer's sheets keep their headers, so the filled workbook is
/// read back by `taphuan validate` like any other. The rules a form can check by itself
/// (``LiveRules``) colour its cells, the "Chú giải" sheet explains them, and every sheet is
/// protected (no password) except the cells staff fill.
public enum FormsWorkbook {
    /// Sheet name of the printable checklist, one item a line.
    public static let listSheet = "Danh sách kiểm tra"
    /// Sheet name of the day-before check in the importer's layout (filled by formulas).
    public static let checklistSheet = "Chuẩn bị trước TH"
    /// Sheet name of the session reports.
    public static let sessionSheet = "Báo cáo trong TH"
    /// Rows of course information above each sheet's header row.
    static let infoRows = 8

    /// The columns of the checklist: course, when and who, the items of `mode`, notes.
    public static func checklistColumns(_ mode: TrainingMode) -> [ColumnSpec] {
        let items = Set(PreCheckItem.checklist(for: mode).map(\.rawValue))
        let all = Set(PreCheckItem.allCases.map(\.rawValue))
        return SheetType.preCheck.schema.columns.filter { !all.contains($0.key) || items.contains($0.key) }
    }

    /// The sessions of a course: each training day, morning then afternoon.
    public static func sessions(_ course: Course) -> [(LocalDate, SessionPart)] {
        course.days.flatMap { [($0, SessionPart.morning), ($0, SessionPart.afternoon)] }
    }

    /// The forms of `courseId` from `data`, the live rules following `settings`; nil when the
    /// course is not on the handover.
    public static func workbook(course courseId: String, data: Dataset, settings: Settings = Settings(), deterministic: Bool = false) throws -> WorkbookWriter? {
        guard let course = data.course(courseId) else { return nil }
        let book = WorkbookWriter(options: WorkbookWriter.Options(deterministic: deterministic))
        book.properties = DocumentProperties(title: "Biểu mẫu khóa \(course.id)", creator: course.teamLead ?? "taphuan")
        let staff = data.staff(of: course.id)
        let trainer = staff.first { $0.role == .trainer }?.staff ?? staff.first?.staff
        let mode = course.mode ?? .inPerson

        let columns = checklistColumns(mode)
        let list = try book.addSheet(listSheet)
        let answerRows = try checklist(list, course, staff, columns)
        let check = try book.addSheet(checklistSheet)
        try info(check, course, staff, title: "KẾT QUẢ KIỂM TRA TRƯỚC NGÀY TẬP HUẤN (tự điền từ sheet \(listSheet))",
                 width: columns.count, extra: ("Hạn kiểm tra:", course.startDate.map { .day($0.adding(days: -1)) } ?? .empty))
        try header(check, columns)
        var values: [String: CellValue] = ["courseId": .string(course.id)]
        let quoted = "'\(listSheet)'"
        for (key, row) in answerRows {
            let cell = "\(quoted)!$C$\(row + 1)"
            let cached: CellValue = key == "checkedBy" ? .text(course.teamLead) : .string("")
            values[key] = .formula("IF(\(cell)=\"\",\"\",\(cell))", cached: cached)
        }
        try dataRows(check, columns, [values])
        check.protect()

        let report = try book.addSheet(sessionSheet)
        let sColumns = SheetType.sessionReport.schema.columns
        try info(report, course, staff, title: "BÁO CÁO ĐẦU BUỔI TRONG THỜI GIAN TẬP HUẤN (2 BUỔI/NGÀY)",
                 width: sColumns.count, extra: ("Số buổi:", .int(sessions(course).count)))
        try header(report, sColumns)
        let sessionList = sessions(course)
        try dataRows(report, sColumns, sessionList.map { day, part in
            ["courseId": .string(course.id), "date": .day(day), "session": .string(part.label), "reporter": .text(trainer)]
        }, keys: ["courseId", "date", "session"])
        let sessionRows = sessionList.isEmpty ? nil : (infoRows + 1)...(infoRows + sessionList.count)
        if let rows = sessionRows {
            try report.addTable(Table(name: "BaoCaoBuoi", range: CellRange(CellReference(row: infoRows, column: 0)!, CellReference(row: rows.upperBound, column: sColumns.count - 1)!),
                                      columns: sColumns.map { Table.Column($0.header) }, style: Table.Style(name: "TableStyleLight9")))
        }
        report.protect(SheetProtection(allowed: [.selectLockedCells, .selectUnlockedCells, .sort, .autoFilter, .formatColumns, .formatRows]))

        let checkedAt = answerRows.first { $0.0 == "checkedAt" }.map { CellReference(row: $0.1, column: 2)! }
        let live = LiveRules.formsRules(course, settings: settings, checkedAtCell: checkedAt, sessionRows: sessionRows)
        for (rule, range, formula) in live {
            let sheet = rule.kind == .preCheck ? list : report
            try sheet.addConditionalFormat(ConditionalFormat(.expression(formula), style: rule.severity == .error ? LiveRules.errorStyle : LiveRules.warningStyle),
                                           to: range)
        }
        try LiveRules.addLegend(live.map(\.0), to: book)
        return book
    }

    /// The printable checklist: the course, then one line per item of the mode (with when and
    /// who first) and its answer cell with a drop-down; returns the answer row of each column key.
    static func checklist(_ sheet: SheetWriter, _ course: Course, _ staff: [StaffAssignment], _ columns: [ColumnSpec]) throws -> [(String, Int)] {
        let mode = course.mode ?? .inPerson
        try info(sheet, course, staff, title: "DANH SÁCH KIỂM TRA TRƯỚC NGÀY TẬP HUẤN (\(mode.label.uppercased()))", width: 4,
                 extra: ("Hạn kiểm tra:", course.startDate.map { .day($0.adding(days: -1)) } ?? .empty))
        let headers = ["STT", "Mục kiểm tra", "Trả lời", "Cách điền"]
        for (c, h) in headers.enumerated() {
            try sheet.set(.string(h), at: CellReference(row: infoRows, column: c)!, style: BlankWorkbook.headerStyle)
        }
        for (c, w) in [6.0, 42, 24, 60].enumerated() { try sheet.setColumnWidth(w, column: c) }
        let border = Border.all(BorderEdge(.thin, color: .rgb("FF8EA9C1")))
        var rows: [(String, Int)] = []
        var row = infoRows + 1
        for col in columns where col.key != "courseId" && col.key != "notes" {
            var answer = BlankWorkbook.dataStyle(col.type) ?? CellStyle()
            answer.locked = false
            answer.border = border
            answer.fill = .solid(.rgb("FFFFF9E6"))
            let text = CellStyle(border: border, alignment: Alignment(vertical: .top, wrapText: true))
            try sheet.set(.int(rows.count + 1), at: CellReference(row: row, column: 0)!, style: text)
            try sheet.set(.string(col.header), at: CellReference(row: row, column: 1)!, style: text)
            try sheet.set(col.key == "checkedBy" ? .text(course.teamLead) : .empty, at: CellReference(row: row, column: 2)!, style: answer)
            try sheet.set(.string(col.meaning), at: CellReference(row: row, column: 3)!, style: text)
            let cell = CellReference(row: row, column: 2)!
            try sheet.addValidation(BlankWorkbook.validation(col), to: CellRange(cell, cell))
            rows.append((col.key, row))
            row += 1
        }
        sheet.printSetup = PrintSetup(orientation: .portrait, paper: .a4, fitToWidth: 1, fitToHeight: 0,
                                      repeatRows: infoRows...infoRows, centerHorizontally: true)
        try sheet.freeze(rows: infoRows + 1)
        sheet.protect()
        return rows
    }

    /// The course's information above the header row.
    static func info(_ sheet: SheetWriter, _ c: Course, _ staff: [StaffAssignment], title: String, width: Int,
                     extra: (String, CellValue)) throws {
        let b = WeeklySheetBuilder(sheet: sheet)
        try b.titleBlock(title, lines: [
            ("Khóa:", .string("\(c.id) – \(c.name ?? "")")),
            ("Thời gian:", .string([c.startDate, c.endDate].compactMap { $0?.vietnamese }.joined(separator: " – "))),
            ("ĐVCQ / địa điểm:", .string([c.agency, c.venue].compactMap { $0 }.joined(separator: " – "))),
            ("Hình thức / số ĐV:", .string("\(c.mode?.label ?? "") – \(c.unitCount.map(String.init) ?? "?") đơn vị")),
            ("Nhân sự:", .string(staff.map { s in s.role.map { "\(s.staff) (\($0.label))" } ?? s.staff }.joined(separator: "; "))),
            extra,
        ], width: width)
        sheet.printSetup = PrintSetup(orientation: .landscape, paper: .a4, fitToWidth: 1, fitToHeight: 0,
                                      repeatRows: infoRows...infoRows, centerHorizontally: true)
    }

    /// The importer's header row at ``infoRows``, frozen, with column widths.
    static func header(_ sheet: SheetWriter, _ columns: [ColumnSpec]) throws {
        for (c, col) in columns.enumerated() {
            try sheet.set(.string(col.header), at: CellReference(row: infoRows, column: c)!, style: BlankWorkbook.headerStyle)
            try sheet.setColumnWidth(max(10, min(col.width, 24)), column: c)
        }
        try sheet.setRowHeight(45, row: infoRows)
        try sheet.freeze(rows: infoRows + 1, columns: 1)
    }

    /// Pre-filled rows under the header, each column with its format and drop-down or bounds;
    /// the cells of the `keys` columns stay locked, the others are open to typing.
    static func dataRows(_ sheet: SheetWriter, _ columns: [ColumnSpec], _ rows: [[String: CellValue]], keys: Set<String>? = nil) throws {
        let first = infoRows + 1
        let border = Border.all(BorderEdge(.thin, color: .rgb("FF8EA9C1")))
        for (c, col) in columns.enumerated() {
            var style = BlankWorkbook.dataStyle(col.type) ?? CellStyle()
            style.border = border
            style.alignment = Alignment(vertical: .top, wrapText: true)
            if let keys { style.locked = keys.contains(col.key) }
            for (r, values) in rows.enumerated() {
                try sheet.set(values[col.key] ?? .empty, at: CellReference(row: first + r, column: c)!, style: style)
            }
            if !rows.isEmpty {
                try sheet.addValidation(BlankWorkbook.validation(col), to: CellRange(CellReference(row: first, column: c)!,
                                                                                     CellReference(row: first + rows.count - 1, column: c)!))
            }
        }
    }
}
