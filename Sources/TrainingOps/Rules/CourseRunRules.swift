/// TNTK approves the course organisation plan (and notifies the departments) before the course.
public struct PlanUnapproved: Rule {
    public let id = "PLAN_UNAPPROVED"
    public let severity = Severity.error
    public let step = ProcessStep.running
    public let summaryVi = "Kế hoạch tổ chức khóa chưa được TNTK duyệt trước ngày bắt đầu (hoặc chưa báo các bộ phận)."
    public let summaryEn = "The course organisation plan not approved by TNTK before the start (or departments not notified)."
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
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
public struct UnitIncomplete: Rule {
    public let id = "UNIT_INCOMPLETE"
    public let severity = Severity.warning
    public let step = ProcessStep.running
    public let summaryVi = "Đơn vị trên danh sách thiếu tên, người liên hệ hoặc số điện thoại."
    public let summaryEn = "A unit on the list without its name, contact person or phone."
    /// A phone number that cannot be read leaves the unit without a number to call: the
    /// office counts it as missing (samples/README.md), beside the reading's own finding.
    public let judgesUnreadableCells = true
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
        let labels: [(String, String, String)] = [("name", "tên đơn vị", "unit name"), ("contact", "người liên hệ", "contact person"),
                                                 ("phone", "số điện thoại", "phone")]
        return ctx.eachUnit(where: { $0.pointee.name?.isEmpty != false || $0.pointee.contact?.isEmpty != false || $0.pointee.phone?.isEmpty != false }) { u in
            let missing = labels.filter { key, _, _ in
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

/// The quick report on the first session, due by the end of the first day.
public struct FirstSessionReportMissing: Rule {
    public let id = "FIRST_SESSION_REPORT_MISSING"
    public let severity = Severity.warning
    public let step = ProcessStep.running
    public let summaryVi = "Không có báo cáo nhanh buổi đầu cho TNTK (hạn hết ngày học đầu tiên)."
    public let summaryEn = "No quick report on the first session to TNTK (due by the end of the first day)."
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, ctx.isOver(start) else { return nil }
            let t = ctx.tracking(c.id)
            guard t?.firstSessionReport == nil else { return nil }
            return finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : "firstSessionReport",
                           vi: "Không có báo cáo nhanh buổi đầu (khóa bắt đầu \(start.vietnamese)).",
                           en: "No quick report on the first session (course started \(start.vietnamese)).", ["startDate": .date(start)])
        }
    }
}

/// Contract, liquidation and debt closed within a week of the end.
public struct PaperworkOpen: Rule {
    public let id = "PAPERWORK_OPEN"
    public let severity = Severity.warning
    public let step = ProcessStep.running
    public let summaryVi = "Hợp đồng, thanh lý hoặc thu nợ chưa xong khi khóa đã kết thúc quá số ngày cho phép (7)."
    public let summaryEn = "Contract, liquidation or debt collection still open past the allowed days after the end (7)."
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
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
                           en: "\(open.map { "\($0.2): \($0.3?.rawValue ?? "empty")" }.joined(separator: ", ")); the course ended \(days) days ago, \(ctx.settings.paperworkDays) allowed.",
                           ["open": .text(open.map(\.0).joined(separator: ",")), "daysSinceEnd": .int(days), "allowedDays": .int(ctx.settings.paperworkDays)])
        }
    }
}

/// Units given a support channel once the course is over.
public struct SupportChannelMissing: Rule {
    public let id = "SUPPORT_CHANNEL_MISSING"
    public let severity = Severity.warning
    public let step = ProcessStep.running
    public let summaryVi = "Khóa đã kết thúc mà chưa ghi kênh hỗ trợ (MISA Support, nhóm Zalo) cho đơn vị."
    public let summaryEn = "A finished course without the support channel given to the units."
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
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
public struct CourseOnNonWorkingDay: Rule {
    public let id = "COURSE_ON_NON_WORKING_DAY"
    public let severity = Severity.warning
    public let step = ProcessStep.leadChecks
    public let summaryVi = "Khóa học rơi vào Chủ nhật hoặc ngày lễ."
    public let summaryEn = "A course held on a Sunday or a public holiday."
    /// The rule.
    public init() {}

    public func check(_ ctx: RuleContext) -> [Finding] {
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
