import XLSX

/// The process rules an input workbook checks by itself: each rule that depends only on cells
/// of the same workbook is a conditional format, so a cell turns red (or yellow) the moment a
/// late date is typed, without running anything. The thresholds are those of the settings in
/// force when the workbook was made, and the "Chú giải" sheet explains every colour.
///
/// Only values typed are judged: a date not yet typed is left to `taphuan validate`, which
/// knows the as-of moment.
public enum LiveRules {
    /// Name of the legend sheet.
    public static let legendSheet = "Chú giải"

    /// One live rule: the rule id `validate` reports it under, the sheet and column it colours,
    /// its Vietnamese explanation, and its formula for the first data row.
    public struct Rule: Sendable {
        /// The rule id of the same check in `taphuan validate` (or the import finding's id).
        public var id: String
        /// The sheet whose cells it colours.
        public var kind: SheetType
        /// The column key it colours (nil: every required column).
        public var column: String?
        /// What the colour means, in Vietnamese.
        public var meaning: String
        /// Error (red) or warning (yellow).
        public var severity: Severity
        /// The formula for the first data row (row 2), relative to its first cell; nil for the
        /// per-column rule of required cells.
        var formula: String?
        /// Where the legend says it colours, when not the kind's own sheet and column.
        var place: String?
    }

    /// Red fill with dark red text, for a broken rule.
    static let errorStyle = DifferentialStyle.background(.hex("FFC7CE"), text: .hex("9C0006"))
    /// Yellow fill with dark yellow text, for something missing.
    static let warningStyle = DifferentialStyle.background(.hex("FFEB9C"), text: .hex("9C5700"))

    /// The rules that apply to a workbook holding `kinds`, with the thresholds of `settings`;
    /// rules that look up a course's dates need the handover sheet in the same workbook.
    public static func rules(for kinds: [SheetType], settings: Settings, lastRow: Int = BlankWorkbook.preparedRows + 1) -> [Rule] {
        var out: [Rule] = []
        let handover = kinds.contains(.handover)
        func col(_ kind: SheetType, _ key: String) -> String {
            CellReference.columnName(kind.schema.columns.firstIndex { $0.key == key } ?? 0)
        }
        let h = SheetName.quoted(SheetType.handover.sheetName)
        func lookup(_ kind: SheetType, _ key: String) -> String {
            "INDEX(\(h)!$\(col(.handover, key))$2:$\(col(.handover, key))$\(lastRow),MATCH($\(col(kind, "courseId"))2,\(h)!$A$2:$A$\(lastRow),0))"
        }
        if handover {
            let k = SheetType.handover
            let (id, start, handed, product) = (col(k, "courseId"), col(k, "startDate"), col(k, "handoverDate"), col(k, "product"))
            let long = settings.longHandoverProducts.sorted { $0.rawValue < $1.rawValue }.flatMap { [$0.label] + $0.variants }
            let isLong = "OR(" + long.map { "TRIM($\(product)2)=\"\($0)\"" }.joined(separator: ",") + ")"
            out.append(Rule(id: "HANDOVER_LATE", kind: k, column: "handoverDate",
                            meaning: "Bàn giao trước ngày bắt đầu ít hơn \(settings.handoverDays) ngày (\(settings.longHandoverDays) ngày với \(settings.longHandoverProductList)).",
                            severity: .error,
                            formula: "AND(ISNUMBER($\(handed)2),ISNUMBER($\(start)2),$\(start)2-INT($\(handed)2)<IF(\(isLong),\(settings.longHandoverDays),\(settings.handoverDays)))"))
            out.append(Rule(id: "IMPORT_DUPLICATE_COURSE", kind: k, column: "courseId",
                            meaning: "Mã khóa đã có ở một dòng phía trên (chỉ dòng đầu được dùng).", severity: .error,
                            formula: "AND(LEN($\(id)2)>0,COUNTIF($\(id)$2:$\(id)2,$\(id)2)>1)"))
        }
        if handover && kinds.contains(.sessionReport) {
            // A course ended before today with fewer filled report rows than two a day. A row
            // holding only the keys (course, day, session, reporter) is a form, not a report.
            let k = SheetType.sessionReport
            let r = SheetName.quoted(k.sheetName)
            func range(_ key: String) -> String { "\(r)!$\(col(k, key))$2:$\(col(k, key))$\(lastRow)" }
            let filled = ["reportedAt", "absentCount", "absentUnits", "partnerSpoke", "partnerReason", "difficulties",
                          "dataEntryRate", "progress", "needsSupport"].map { "(\(range($0))<>\"\")" }.joined(separator: "+")
            let hk = SheetType.handover
            let (id, start, end) = (col(hk, "courseId"), col(hk, "startDate"), col(hk, "endDate"))
            out.append(Rule(id: "SESSION_REPORT_MISSING", kind: hk, column: "endDate",
                            meaning: "Khóa đã kết thúc (trước hôm nay) mà thiếu báo cáo đầu buổi: ít hơn 2 dòng báo cáo đã điền mỗi ngày học trên sheet \(k.sheetName).",
                            severity: .error,
                            formula: "AND(ISNUMBER($\(start)2),ISNUMBER($\(end)2),$\(end)2<TODAY(),SUMPRODUCT((\(range("courseId"))=$\(id)2)*((\(filled))>0))<2*($\(end)2-$\(start)2+1))"))
        }
        if handover && kinds.contains(.staffPlan) {
            let k = SheetType.staffPlan
            let sent = col(k, "sentToHead"), s = lookup(k, "startDate")
            let monday = "\(s)-WEEKDAY(\(s),3)"
            let time = "TIME(\(settings.staffPlanTime.hour),\(settings.staffPlanTime.minute),0)"
            let deadline = "(\(monday)-7+\(settings.staffPlanWeekday - 1)+\(time))"
            let id = col(k, "courseId")
            out.append(Rule(id: "STAFF_PLAN_LATE", kind: k, column: "sentToHead",
                            meaning: "Gửi kế hoạch nhân sự cho TP sau \(settings.staffPlanTime) \(Settings.weekdayName(settings.staffPlanWeekday)) của tuần trước tuần học (dòng trễ đầu tiên của khóa).",
                            severity: .error,
                            // Late, and the first late row of its course (validate names that one).
                            formula: "AND(ISNUMBER($\(sent)2),ISNUMBER(\(s)),ROUND(($\(sent)2-\(deadline))*1440,0)>0,"
                                + "SUMPRODUCT(($\(id)$1:$\(id)1=$\(id)2)*(IFERROR(ROUND(($\(sent)$1:$\(sent)1-\(deadline))*1440,0),0)>0))=0)"))
        }
        if handover && kinds.contains(.tracking) {
            let k = SheetType.tracking
            let end = lookup(k, "endDate")
            for (key, id, days, what) in [("surveyResultsEntered", "SURVEY_LATE", settings.surveyDays, "Kết quả khảo sát"),
                                          ("crmUpdated", "CRM_LATE", settings.crmDays, "CRM")] {
                let c = col(k, key)
                out.append(Rule(id: id, kind: k, column: key,
                                meaning: "\(what) cập nhật quá \(days) ngày sau ngày kết thúc khóa.", severity: .error,
                                formula: "AND(ISNUMBER($\(c)2),ISNUMBER(\(end)),INT($\(c)2)-\(end)>\(days))"))
            }
        }
        if handover && kinds.contains(.preCheck) {
            let k = SheetType.preCheck
            let at = col(k, "checkedAt"), start = lookup(k, "startDate")
            out.append(Rule(id: "PRECHECK_LATE", kind: k, column: "checkedAt",
                            meaning: "Kiểm tra chuẩn bị muộn hơn \(settings.preCheckDaysBefore) ngày trước ngày bắt đầu.", severity: .warning,
                            formula: "AND(ISNUMBER($\(at)2),ISNUMBER(\(start)),INT($\(at)2)>\(start)-\(settings.preCheckDaysBefore))"))
        }
        if handover && kinds.contains(.units) {
            let k = SheetType.units
            let score = col(k, "surveyScore"), using = col(k, "usingSoftware"), called = col(k, "supportCalled")
            let low = CellParser.text(.number(settings.lowSurveyScore)) ?? "2"
            out.append(Rule(id: "FOLLOW_UP_MISSING", kind: k, column: "supportCalled",
                            meaning: "Đơn vị chấm khảo sát ≤ \(low) điểm hoặc chưa sử dụng được phần mềm mà chưa được gọi hỗ trợ.", severity: .warning,
                            formula: "AND(ISNUMBER(\(lookup(k, "endDate"))),OR(AND(ISNUMBER($\(score)2),$\(score)2<=\(low)),TRIM($\(using)2)=\"Không\"),TRIM($\(called)2)<>\"Có\")"))
        }
        for k in kinds where k.schema.columns.contains(where: \.required) {
            out.append(Rule(id: "IMPORT_MISSING_VALUE", kind: k, column: nil,
                            meaning: "Ô bắt buộc (cột có dấu *) còn trống trong một dòng đã điền.", severity: .warning, formula: nil))
        }
        return out
    }

    /// Adds the rules of `sheet` (data rows 2 to `lastRow`, one-based) as conditional formats,
    /// with a note on each coloured column's header saying what its colour means.
    static func apply(_ rules: [Rule], to sheet: SheetWriter, kind: SheetType, lastRow: Int) throws {
        let columns = kind.schema.columns
        var notes: [Int: [String]] = [:]
        let last = CellReference.columnName(columns.count - 1)
        for rule in rules where rule.kind == kind {
            let style = rule.severity == .error ? errorStyle : warningStyle
            let colour = rule.severity == .error ? "Đỏ" : "Vàng"
            if let formula = rule.formula, let key = rule.column, let c = columns.firstIndex(where: { $0.key == key }) {
                let range = CellRange(CellReference(row: 1, column: c)!, CellReference(row: lastRow - 1, column: c)!)
                try sheet.addConditionalFormat(ConditionalFormat(.expression(formula), style: style), to: range)
                notes[c, default: []].append("\(colour): \(rule.meaning) [\(rule.id)]")
            } else {
                for (c, spec) in columns.enumerated() where spec.required {
                    let name = CellReference.columnName(c)
                    let range = CellRange(CellReference(row: 1, column: c)!, CellReference(row: lastRow - 1, column: c)!)
                    try sheet.addConditionalFormat(ConditionalFormat(.expression("AND(COUNTA($A2:$\(last)2)>0,LEN(TRIM($\(name)2))=0)"), style: style),
                                                   to: range)
                }
            }
        }
        for (c, lines) in notes.sorted(by: { $0.key < $1.key }) {
            try sheet.addNote(Note("Kiểm tra ngay trong Excel:\n" + lines.joined(separator: "\n"), author: "taphuan"),
                              at: CellReference(row: 0, column: c)!)
        }
    }

    /// The live rules of a course's forms (``FormsWorkbook``): the day-before check answered
    /// too late (the course's start is known, so it is a constant), and a session whose start
    /// (plus the grace minutes) has passed with its row still empty, read from the clock.
    static func formsRules(_ course: Course, settings: Settings, checkedAtCell: CellReference?, sessionRows: ClosedRange<Int>?) -> [(Rule, CellRange, String)] {
        var out: [(Rule, CellRange, String)] = []
        if let start = course.startDate, let cell = checkedAtCell {
            let c = "$\(CellReference.columnName(cell.column))$\(cell.row + 1)"
            let due = start.adding(days: -settings.preCheckDaysBefore)
            out.append((Rule(id: "PRECHECK_LATE", kind: .preCheck, column: "checkedAt",
                             meaning: "Kiểm tra chuẩn bị sau ngày \(due.vietnamese) (\(settings.preCheckDaysBefore) ngày trước ngày bắt đầu \(start.vietnamese)).",
                             severity: .warning, place: "\(FormsWorkbook.listSheet) › Trả lời (Ngày kiểm tra)"),
                        CellRange(cell, cell), "AND(ISNUMBER(\(c)),INT(\(c))>DATE(\(due.year),\(due.month),\(due.day)))"))
        }
        if let rows = sessionRows {
            let columns = SheetType.sessionReport.schema.columns
            func col(_ key: String) -> String { CellReference.columnName(columns.firstIndex { $0.key == key } ?? 0) }
            let r = rows.lowerBound + 1
            let filled = ["reportedAt", "absentCount", "absentUnits", "partnerSpoke", "partnerReason", "difficulties",
                          "dataEntryRate", "progress", "needsSupport"].map { "($\(col($0))\(r)<>\"\")" }.joined(separator: "+")
            let m = settings.morningSession, a = settings.afternoonSession
            let start = "$\(col("date"))\(r)+IF(TRIM($\(col("session"))\(r))=\"\(SessionPart.morning.label)\",TIME(\(m.hour),\(m.minute),0),TIME(\(a.hour),\(a.minute),0))"
            let c = columns.firstIndex { $0.key == "reportedAt" } ?? 0
            out.append((Rule(id: "SESSION_REPORT_MISSING", kind: .sessionReport, column: "reportedAt",
                             meaning: "Buổi học đã bắt đầu quá \(settings.sessionReportGraceMinutes) phút mà dòng báo cáo của buổi vẫn trống.", severity: .error),
                        CellRange(CellReference(row: rows.lowerBound, column: c)!, CellReference(row: rows.upperBound, column: c)!),
                        "AND(ISNUMBER($\(col("date"))\(r)),NOW()>\(start)+\(settings.sessionReportGraceMinutes)/1440,(\(filled))=0)"))
        }
        return out
    }

    /// The legend sheet: each colour, the sheet and column it marks, what it means, and the
    /// rule id `taphuan validate` reports for the same thing.
    static func addLegend(_ rules: [Rule], to book: WorkbookWriter) throws {
        let sheet = try book.addSheet(legendSheet)
        try sheet.appendRow([.string("CHÚ GIẢI MÀU KIỂM TRA TỰ ĐỘNG")], style: BlankWorkbook.titleStyle)
        try sheet.appendRow([.string("Các ô tự đổi màu khi giá trị vừa nhập vi phạm quy trình (theo cấu hình lúc tạo sổ). Ô chưa nhập thì chưa xét: chạy `taphuan validate` để kiểm tra hạn theo ngày hiện tại.")],
                            style: BlankWorkbook.noteStyle)
        try sheet.appendRow([])
        // Sheet and column in one cell: a row naming both would read as a header row.
        try sheet.appendRow(["Màu", "Ô được tô (sheet › cột)", "Ý nghĩa", "Mã lỗi (validate)"].map { .string($0) }, style: BlankWorkbook.headerStyle)
        for rule in rules {
            let d = rule.severity == .error ? errorStyle : warningStyle
            let sample = CellStyle(font: Font(color: d.fontColor), fill: d.fill ?? .none, border: .all(BorderEdge(.thin, color: .rgb("FFBFBFBF"))))
            let column = rule.column.flatMap { key in rule.kind.schema.columns.first { $0.key == key }?.header } ?? "Các cột có dấu *"
            try sheet.appendRow([.string(rule.severity == .error ? "Đỏ" : "Vàng"), .string(rule.place ?? "\(rule.kind.sheetName) › \(column)"),
                                 .string(rule.meaning), .string(rule.id)],
                                styles: [sample, BlankWorkbook.noteStyle, BlankWorkbook.noteStyle, BlankWorkbook.noteStyle])
        }
        for (c, w) in [10.0, 44, 70, 26].enumerated() { try sheet.setColumnWidth(w, column: c) }
    }
}
