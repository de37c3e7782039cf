/// The handover lead time: TNXT hands over at least 10 days before the start (30 for the
/// long-lead products). Days are counted between calendar days, so a handover on day −10 at
/// any hour is on time and one on day −9 is late.
struct HandoverLate: Rule {
    let id = "HANDOVER_LATE"
    let severity = Severity.error
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "handover day is fewer than {handoverDays} days before the start; {longHandoverDays} for {longHandoverProducts}",
                                                 cell: "Ngày bàn giao")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let long = settings.longHandoverProductList
        return language.pick("Bàn giao kế hoạch trước ngày bắt đầu ít hơn số ngày yêu cầu (\(settings.handoverDays) ngày; \(settings.longHandoverDays) ngày với \(long)).",
                             "Handover fewer days before the start than required (\(settings.handoverDays) days; \(settings.longHandoverDays) for \(long)).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, let handed = c.handoverDate else { return nil }
            let need = ctx.settings.handoverDays(for: c.product)
            let lead = handed.date.days(to: start)
            guard lead < need else { return nil }
            let product = c.product.map { " (sản phẩm \($0.label))" } ?? ""
            let productEn = c.product.map { " (product \($0.englishLabel))" } ?? ""
            let vi = lead >= 0 ? "Bàn giao trước \(lead) ngày, yêu cầu \(need) ngày\(product)."
                : "Bàn giao sau ngày bắt đầu \(-lead) ngày, yêu cầu trước \(need) ngày\(product)."
            let en = lead >= 0 ? "Handed over \(lead) days before the start, \(need) required\(productEn)."
                : "Handed over \(-lead) days after the start, \(need) days before required\(productEn)."
            return finding(c, "handoverDate", vi: vi, en: en,
                           ["daysBefore": .int(lead), "requiredDays": .int(need), "handoverDate": .moment(handed), "startDate": .date(start)])
        }
    }
}

/// A handover row without its handover date, once the handover was due.
struct HandoverMissingDate: Rule {
    let id = "HANDOVER_MISSING_DATE"
    let severity = Severity.warning
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "no handover date once the handover was due",
                                                 cell: "Ngày bàn giao")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Khóa trên bảng bàn giao không ghi ngày bàn giao (khi đã đến hạn bàn giao).",
                      "A course on the handover plan without its handover date (once the handover was due).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard c.handoverDate == nil, let start = c.startDate else { return nil }
            let need = ctx.settings.handoverDays(for: c.product)
            let due = start.adding(days: -need)
            guard ctx.hasBegun(due) else { return nil }
            return finding(c, "handoverDate", vi: "Không ghi ngày bàn giao (hạn bàn giao \(due.vietnamese), trước \(need) ngày).",
                           en: "No handover date (handover due \(due.vietnamese), \(need) days ahead).",
                           ["dueDate": .date(due), "requiredDays": .int(need)])
        }
    }
}

/// No unit on the unit list for a course whose handover (which carries the list) is due.
struct UnitsMissing: Rule {
    let id = "UNITS_MISSING"
    let severity = Severity.error
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "no unit on any unit list once the handover (which carries it) was due",
                                                 cell: "Mã khóa (handover)")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Không có danh sách đơn vị cho khóa đã đến hạn bàn giao.",
                      "No unit list for a course whose handover is due.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard ctx.unitCount(c.id) == 0, let start = c.startDate else { return nil }
            let due = start.adding(days: -ctx.settings.handoverDays(for: c.product))
            guard ctx.isOver(due) else { return nil }
            return finding(c, "courseId", vi: "Không có đơn vị nào trên danh sách đơn vị (hạn gửi \(due.vietnamese)).",
                           en: "No unit on the unit list (due \(due.vietnamese)).", ["dueDate": .date(due), "plannedUnits": .int(c.unitCount ?? 0)])
        }
    }
}

/// TNTK confirms the schedule within a few days of the handover, and before the course starts.
struct ScheduleUnconfirmed: Rule {
    let id = "SCHEDULE_UNCONFIRMED"
    let severity = Severity.warning
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "no Ngày chốt lịch once {scheduleConfirmDays} after the handover (or the start, if earlier) is over",
                                                 cell: "Ngày chốt lịch")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("TNTK chưa chốt lịch (Ngày chốt lịch trống) khi đã quá hạn chốt sau bàn giao.",
                      "TNTK has not confirmed the schedule (no confirmation date) past the deadline after handover.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard c.scheduleConfirmed == nil, let start = c.startDate else { return nil }
            let afterHandover = c.handoverDate.map { $0.date.adding(days: ctx.settings.scheduleConfirmDays) } ?? start
            let due = min(afterHandover, start)
            guard ctx.isOver(due) else { return nil }
            return finding(c, "scheduleConfirmed", vi: "Chưa chốt lịch (hạn \(due.vietnamese)).",
                           en: "Schedule not confirmed (due \(due.vietnamese)).", ["dueDate": .date(due)])
        }
    }
}

/// The handover's unit count differs from the number of units on the list.
struct UnitCountMismatch: Rule {
    let id = "UNIT_COUNT_MISMATCH"
    let severity = Severity.warning
    let step = ProcessStep.leadChecks
    let documentation = RuleDocumentation(firesWhen: "Số đơn vị on the handover differs from the rows on the unit list",
                                                 cell: "Số đơn vị")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Số đơn vị trên bảng bàn giao khác số dòng trên danh sách đơn vị.",
                      "The handover's unit count differs from the unit list.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            let listed = ctx.unitCount(c.id)
            guard let planned = c.unitCount, listed > 0, listed != planned else { return nil }
            return finding(c, "unitCount", vi: "Bàn giao ghi \(planned) đơn vị, danh sách có \(listed).",
                           en: "The handover says \(planned) units, the list has \(listed).", ["planned": .int(planned), "listed": .int(listed)])
        }
    }
}
