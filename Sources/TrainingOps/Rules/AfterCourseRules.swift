/// A step due a number of days after the course ends, recorded as a date on the tracking
/// sheet: late when recorded after the due day, or missing once the due day is over.
struct AfterEndDeadline {
    var column: String
    /// `Cập nhật CRM`: what was done, as the message's subject.
    var whatVi: String
    var whatEn: String
    /// `cập nhật CRM`: the same inside a sentence (acronyms kept).
    var nounVi: String

    func check<R: Rule>(_ rule: R, _ ctx: RuleContext, days: Int, value: (CourseTracking) -> LocalDate?) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let end = c.endDate else { return nil }
            let due = end.adding(days: days)
            let t = ctx.tracking(c.id)
            let data: [String: FindingValue] = ["endDate": .date(end), "dueDate": .date(due), "allowedDays": .int(days)]
            if let done = t.flatMap(value) {
                guard done > due else { return nil }
                let after = end.days(to: done)
                return rule.finding(c.id, t?.source ?? c.source, column,
                                    vi: "\(whatVi) ngày \(done.vietnamese), \(after) ngày sau khi kết thúc (hạn \(days) ngày).",
                                    en: "\(whatEn) on \(done.vietnamese), \(after) days after the end (\(days) allowed).",
                                    data.merging(["doneDate": .date(done), "daysAfterEnd": .int(after)]) { a, _ in a })
            }
            guard ctx.isOver(due) else { return nil }
            return rule.finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : column,
                                vi: "Chưa có ngày \(nounVi) (khóa kết thúc \(end.vietnamese), hạn \(due.vietnamese)).",
                                en: "\(whatEn) not recorded (course ended \(end.vietnamese), due \(due.vietnamese)).", data)
        }
    }
}

/// Survey results entered within 1 day after the course ends.
struct SurveyLate: Rule {
    let id = "SURVEY_LATE"
    let severity = Severity.error
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "survey results entered later than {surveyDays} after the end, or not entered once that day is over",
                                                 cell: "Ngày cập nhật KQ khảo sát")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Kết quả khảo sát cập nhật quá \(settings.surveyDays) ngày sau khi kết thúc khóa (hoặc chưa cập nhật khi đã quá hạn).",
                      "Survey results entered more than \(settings.surveyDays) day(s) after the end (or not entered past the deadline).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        AfterEndDeadline(column: "surveyResultsEntered", whatVi: "Cập nhật KQ khảo sát", whatEn: "Survey results entered", nounVi: "cập nhật KQ khảo sát")
            .check(self, ctx, days: ctx.settings.surveyDays) { $0.surveyResultsEntered }
    }
}

/// CRM updated within 1 day after the course ends.
struct CrmLate: Rule {
    let id = "CRM_LATE"
    let severity = Severity.error
    let step = ProcessStep.running
    let documentation = RuleDocumentation(firesWhen: "CRM updated later than {crmDays} after the end, or not updated once that day is over",
                                                 cell: "Ngày cập nhật CRM")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("CRM cập nhật quá \(settings.crmDays) ngày sau khi kết thúc khóa (hoặc chưa cập nhật khi đã quá hạn).",
                      "CRM updated more than \(settings.crmDays) day(s) after the end (or not updated past the deadline).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        AfterEndDeadline(column: "crmUpdated", whatVi: "Cập nhật CRM", whatEn: "CRM updated", nounVi: "cập nhật CRM")
            .check(self, ctx, days: ctx.settings.crmDays) { $0.crmUpdated }
    }
}

/// TNTK reads the survey results and recommendations after the course.
struct FeedbackOpen: Rule {
    let id = "FEEDBACK_OPEN"
    let severity = Severity.warning
    let step = ProcessStep.wrapUp
    let documentation = RuleDocumentation(firesWhen: "TNTK has not read the survey results {feedbackReviewDays} after the end",
                                                 cell: "Ngày xem KQ khảo sát")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("TNTK chưa xem kết quả khảo sát và kiến nghị khi đã quá hạn (\(settings.feedbackReviewDays) ngày sau khi kết thúc).",
                      "TNTK has not read the survey results and recommendations past the deadline (\(settings.feedbackReviewDays) days after the end).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let end = c.endDate else { return nil }
            let due = end.adding(days: ctx.settings.feedbackReviewDays)
            let t = ctx.tracking(c.id)
            guard ctx.isOver(due), t?.feedbackReviewed == nil else { return nil }
            return finding(c.id, t?.source ?? c.source, t == nil ? "courseId" : "feedbackReviewed",
                           vi: "TNTK chưa xem kết quả khảo sát, kiến nghị (hạn \(due.vietnamese)).",
                           en: "The team lead (TNTK) has not read the survey results and recommendations (due \(due.vietnamese)).", ["dueDate": .date(due)])
        }
    }
}

/// Units unhappy (score ≤ 2) or not using the software are called by TNTK.
struct FollowUpMissing: Rule {
    let id = "FOLLOW_UP_MISSING"
    let severity = Severity.warning
    let step = ProcessStep.wrapUp
    let documentation = RuleDocumentation(firesWhen: "a unit with survey score ≤ {lowSurveyScore} or Đã sử dụng = Không, Đã gọi hỗ trợ not Có, {followUpDays} after the end",
                                                 cell: "Đã gọi hỗ trợ")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let score = CellParser.text(.number(settings.lowSurveyScore)) ?? ""
        return language.pick("Đơn vị chấm điểm khảo sát ≤ \(score) hoặc chưa sử dụng được phần mềm mà chưa được gọi xin lỗi/hỗ trợ (hạn \(settings.followUpDays) ngày sau khi kết thúc).",
                             "A unit scoring the survey ≤ \(score) or not using the software, not called back (\(settings.followUpDays) days after the end).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        let low = ctx.settings.lowSurveyScore
        func unhappy(_ u: UnsafePointer<Unit>) -> Bool { u.pointee.surveyScore.map { $0 <= low } ?? false }
        return ctx.eachUnit(where: { (unhappy($0) || $0.pointee.usingSoftware == false) && $0.pointee.supportCalled != true }) { u in
            let unhappy = u.surveyScore.map { $0 <= low } ?? false
            let stuck = u.usingSoftware == false
            guard unhappy || stuck, u.supportCalled != true, let end = ctx.course(u.courseId)?.endDate else { return nil }
            let due = end.adding(days: ctx.settings.followUpDays)
            guard ctx.isOver(due) else { return nil }
            let score = u.surveyScore.flatMap { CellParser.text(.number($0)) } ?? ""
            let whyVi = [unhappy ? "điểm khảo sát \(score)" : nil, stuck ? "chưa sử dụng được phần mềm" : nil].compactMap { $0 }.joined(separator: ", ")
            let whyEn = [unhappy ? "survey score \(score)" : nil, stuck ? "not using the software" : nil].compactMap { $0 }.joined(separator: ", ")
            var data: [String: FindingValue] = ["unit": .text(u.id), "dueDate": .date(due)]
            if u.surveyScore != nil { data["score"] = .text(score) }
            return finding(u.courseId, u.source, "supportCalled",
                           vi: "Đơn vị \(u.name ?? u.id): \(whyVi), chưa được gọi xin lỗi/hỗ trợ (hạn \(due.vietnamese)).",
                           en: "Unit \(u.name ?? u.id): \(whyEn), not called back (due \(due.vietnamese)).", data)
        }
    }
}

/// The post-course report to ĐVCQ, sent within two weeks of the end.
struct DvcqReportMissing: Rule {
    let id = "DVCQ_REPORT_MISSING"
    let severity = Severity.warning
    let step = ProcessStep.wrapUp
    let documentation = RuleDocumentation(firesWhen: "no report to ĐVCQ (or one sent late) {dvcqReportDays} after the end",
                                                 cell: "Ngày gửi BC ĐVCQ")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Chưa gửi báo cáo sau tập huấn cho ĐVCQ khi đã quá hạn (\(settings.dvcqReportDays) ngày sau khi kết thúc).",
                      "The post-course report to ĐVCQ not sent past the deadline (\(settings.dvcqReportDays) days after the end).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        AfterEndDeadline(column: "dvcqReportSent", whatVi: "Gửi báo cáo ĐVCQ", whatEn: "Report to the supervising unit (ĐVCQ) sent", nounVi: "gửi báo cáo ĐVCQ")
            .check(self, ctx, days: ctx.settings.dvcqReportDays) { $0.dvcqReportSent }
    }
}

/// A recorded opinion still open past its due date.
struct OpinionOverdue: Rule {
    let id = "OPINION_OVERDUE"
    let severity = Severity.warning
    let step = ProcessStep.wrapUp
    let documentation = RuleDocumentation(firesWhen: "an opinion past Hạn xử lý whose status is not Đã xử lý / Không xử lý",
                                                 cell: "Trạng thái")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Kiến nghị đã quá hạn xử lý mà chưa xong.",
                      "An opinion past its due date and not handled.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.opinions.compactMap { o in
            guard let due = o.due, ctx.isOver(due), o.status != .done, o.status != .dropped else { return nil }
            let late = due.days(to: ctx.asOf.date)
            let status = o.status?.label ?? "trống"
            return finding(o.courseId, o.source, "status",
                           vi: "Kiến nghị \"\(o.content)\": hạn \(due.vietnamese) đã qua \(late) ngày, trạng thái \(status).",
                           en: "Opinion \"\(o.content)\": due \(due.vietnamese), \(late) days ago, status \(o.status?.englishLabel.lowercased() ?? "empty").",
                           ["dueDate": .date(due), "daysOverdue": .int(late), "status": .text(o.status?.rawValue ?? "")])
        }
    }
}
