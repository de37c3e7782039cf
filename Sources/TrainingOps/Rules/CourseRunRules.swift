/// TNTK approves the course organisation plan (and notifies the departments) before the course.
struct PlanUnapproved: Rule {
    let id = "PLAN_UNAPPROVED"
    let severity = Severity.error
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "the course has begun without Ngày duyệt KH, approved on/after the start, or Đã báo bộ phận = Không",
                                                 cell: "Ngày duyệt KH")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Kế hoạch tổ chức khóa chưa được TNTK duyệt trước ngày bắt đầu (hoặc chưa báo các bộ phận).",
                      "The course organisation plan not approved by TNTK before the start (or departments not notified).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, ctx.hasBegun(start) else { return nil }
            let t = ctx.tracking(c.id)
            let source = t?.source ?? c.source
            guard let approved = t?.planApproved else {
                return finding(c.id, source, t == nil ? "courseId" : "planApproved",
                               vi: "Khóa đã bắt đầu (\(start.vietnamese)) mà chưa có ngày duyệt kế hoạch.",
                               en: "The course started (\(start.vietnamese)) without an approved plan.", ["startDate": .date(start)])
            }
            if approved >= start {
                return finding(c.id, source, "planApproved",
                               vi: "Duyệt kế hoạch ngày \(approved.vietnamese), không trước ngày bắt đầu \(start.vietnamese).",
                               en: "Plan approved on \(approved.vietnamese), not before the start on \(start.vietnamese).",
                               ["approved": .date(approved), "startDate": .date(start)])
            }
            if t?.departmentsNotified == false {
                return finding(c.id, source, "departmentsNotified", vi: "Kế hoạch đã duyệt nhưng chưa báo các bộ phận liên quan.",
                               en: "Plan approved but the departments concerned were not notified.", ["approved": .date(approved)])
            }
            return nil
        }
    }
}

/// A unit on the list without its contact person or phone.
struct UnitIncomplete: Rule {
    let id = "UNIT_INCOMPLETE"
    let severity = Severity.warning
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "a unit without its name, contact person or phone (an unreadable phone counts as none)",
                                                 cell: "first missing")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Đơn vị trên danh sách thiếu tên, người liên hệ hoặc số điện thoại.",
                      "A unit on the list without its name, contact person or phone.")
    }
    /// A phone number that cannot be read leaves the unit without a number to call: the
    /// office counts it as missing (samples/README.md), beside the reading's own finding.
    let judgesUnreadableCells = true
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        let labels: [(String, String, String)] = [("name", "tên đơn vị", "unit name"), ("contact", "người liên hệ", "contact person"),
                                                 ("phone", "số điện thoại", "phone")]
        return ctx.eachUnit(where: { $0.pointee.name?.isEmpty != false || $0.pointee.contact?.isEmpty != false || $0.pointee.phone?.isEmpty != false }) { u in
            // A column the sheet lacks is reported once, at its header (IMPORT_MISSING_COLUMN):
            // its cells are not read as empty on every unit.
            let missing = labels.filter { key, _, _ in
                guard u.source.columns[key == "name" ? "unitName" : key] != nil || u.source.sheet.isEmpty else { return false }
                switch key {
                case "name": return (u.name ?? "").isEmpty
                case "contact": return (u.contact ?? "").isEmpty
                default: return (u.phone ?? "").isEmpty
                }
            }
            guard let first = missing.first else { return nil }
            return finding(u.courseId, u.source, first.0,
                           vi: "Đơn vị \(u.name ?? u.id) thiếu \(missing.map(\.1).joined(separator: ", ")).",
                           en: "Unit \(u.name ?? u.id) lacks \(missing.map(\.2).joined(separator: ", ")).",
                           ["unit": .text(u.id), "missing": .text(missing.map(\.0).joined(separator: ","))])
        }
    }
}

/// The quick report on the first session, due by the end of the first day. The report of the
/// first day's first session, logged that day, is such a report: the lead has it whether or
/// not "Báo cáo buổi đầu" is filled in.
struct FirstSessionReportMissing: Rule {
    let id = "FIRST_SESSION_REPORT_MISSING"
    let severity = Severity.warning
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "no Báo cáo buổi đầu once the first day is over, and no report of the first day's first session logged that day",
                                                 cell: "Báo cáo buổi đầu")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Không có báo cáo nhanh buổi đầu cho TNTK (hạn hết ngày học đầu tiên).",
                      "No quick report on the first session to TNTK (due by the end of the first day).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, ctx.isOver(start) else { return nil }
            let t = ctx.tracking(c.id)
            guard t?.firstSessionReport == nil, !Self.firstSessionReported(ctx, c.id, start) else { return nil }
            return finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : "firstSessionReport",
                           vi: "Không có báo cáo nhanh buổi đầu (khóa bắt đầu \(start.vietnamese)).",
                           en: "No quick report on the first session (course started \(start.vietnamese)).", ["startDate": .date(start)])
        }
    }

    /// Whether the session report of the first session of `start` is filled in and was logged
    /// by the end of that day (a report without a time counts: its timing is another rule's).
    static func firstSessionReported(_ ctx: RuleContext, _ course: String, _ start: LocalDate) -> Bool {
        guard let first = ctx.settings.sessions.first?.part else { return false }
        return ctx.sessions(course).contains { s in
            s.date == start && s.session == first && s.isFilled && (s.reportedAt.map { $0.date <= start } ?? true)
        }
    }
}

/// Contract, liquidation and debt closed within a week of the end.
struct PaperworkOpen: Rule {
    let id = "PAPERWORK_OPEN"
    let severity = Severity.warning
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "contract, liquidation or debt not Xong / Không áp dụng once {paperworkDays} after the end are over",
                                                 cell: "first open item")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Hợp đồng, thanh lý hoặc thu nợ chưa xong khi khóa đã kết thúc quá số ngày cho phép (\(settings.paperworkDays)).",
                      "Contract, liquidation or debt collection still open past the allowed days after the end (\(settings.paperworkDays)).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let end = c.endDate else { return nil }
            let due = end.adding(days: ctx.settings.paperworkDays)
            guard ctx.isOver(due) else { return nil }
            let t = ctx.tracking(c.id)
            let items: [(String, String, String, PaperworkStatus?)] = [
                ("contract", "Hợp đồng", "contract", t?.contract), ("liquidation", "Thanh lý", "liquidation", t?.liquidation),
                ("debt", "Thu nợ", "debt collection", t?.debt),
            ]
            let open = items.filter { $0.3 != .done && $0.3 != .notApplicable }
            guard let first = open.first else { return nil }
            let days = end.days(to: ctx.asOf.date)
            return finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : first.0,
                           vi: "\(open.map { "\($0.1) = \($0.3?.label ?? "trống")" }.joined(separator: ", ")); khóa kết thúc \(days) ngày trước, hạn \(ctx.settings.paperworkDays) ngày.",
                           en: "\(open.map { "\($0.2): \($0.3?.englishLabel.lowercased() ?? "empty")" }.joined(separator: ", ")); the course ended \(days) days ago, \(ctx.settings.paperworkDays) allowed.",
                           ["open": .text(open.map(\.0).joined(separator: ",")), "daysSinceEnd": .int(days), "allowedDays": .int(ctx.settings.paperworkDays)])
        }
    }
}

/// Units given a support channel once the course is over.
struct SupportChannelMissing: Rule {
    let id = "SUPPORT_CHANNEL_MISSING"
    let severity = Severity.warning
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "no Kênh hỗ trợ once the course has ended",
                                                 cell: "Kênh hỗ trợ")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Khóa đã kết thúc mà chưa ghi kênh hỗ trợ (MISA Support, nhóm Zalo) cho đơn vị.",
                      "A finished course without the support channel given to the units.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let end = c.endDate, ctx.isOver(end) else { return nil }
            let t = ctx.tracking(c.id)
            guard (t?.supportChannel ?? "").isEmpty else { return nil }
            return finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : "supportChannel",
                           vi: "Chưa ghi kênh hỗ trợ cho đơn vị (khóa kết thúc \(end.vietnamese)).",
                           en: "No support channel recorded (course ended \(end.vietnamese)).", ["endDate": .date(end)])
        }
    }
}

/// A course held on a Sunday or a public holiday.
struct CourseOnNonWorkingDay: Rule {
    let id = "COURSE_ON_NON_WORKING_DAY"
    let severity = Severity.warning
    let step = ProcessStep.leadChecks
    let documentation = RuleDocumentation(firesWhen: "a training day on a `nonWorkingWeekdays` day (Sunday) or one of `holidays`",
                                                 cell: "Ngày bắt đầu")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let days = settings.nonWorkingWeekdays.sorted()
        return language.pick("Khóa học rơi vào ngày nghỉ (\(days.map(Settings.weekdayName).joined(separator: ", "))) hoặc ngày lễ.",
                             "A course held on a day off (\(days.map(Settings.weekdayNameEnglish).joined(separator: ", "))) or a public holiday.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            let off = c.days.filter(ctx.settings.isNonWorking)
            guard !off.isEmpty else { return nil }
            func name(_ d: LocalDate, _ l: Language) -> String {
                if let h = ctx.settings.holiday(on: d) { return "\(h.name) \(d.vietnamese)" }
                return (l == .vi ? Settings.weekdayName(d.isoWeekday) : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][d.isoWeekday - 1]) + " \(d.vietnamese)"
            }
            return finding(c, "startDate", vi: "Khóa học vào ngày nghỉ: \(off.map { name($0, .vi) }.joined(separator: ", ")).",
                           en: "Course on a day off: \(off.map { name($0, .en) }.joined(separator: ", ")).",
                           ["days": .text(off.map(\.description).joined(separator: ","))])
        }
    }
}
