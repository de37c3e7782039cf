/// Weekly reports: TNTK → TP by Friday (end of day), TP → GĐVP by Saturday 12:00.
struct WeeklyReportLate: Rule {
    let id = "WEEKLY_REPORT_LATE"
    let severity = Severity.error
    let step = ProcessStep.wrapUp
    let documentation = RuleDocumentation(firesWhen: "TNTK→TP sent after {teamReportWeekday} {teamReportTime}; TP→GĐVP after {officeReportWeekday} {officeReportTime}; or a team's / the office's report of a week missing once due",
                                                 cell: "Thời điểm gửi, or — for a missing one")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let s = settings
        return language.pick("Báo cáo tuần gửi trễ hoặc không gửi: TNTK → TP hạn \(s.teamReportTime) \(Settings.weekdayName(s.teamReportWeekday)), TP → GĐVP hạn \(s.officeReportTime) \(Settings.weekdayName(s.officeReportWeekday)).",
                             "Weekly report late or missing: TNTK → TP due \(Settings.weekdayNameEnglish(s.teamReportWeekday)) \(s.teamReportTime), TP → GĐVP \(Settings.weekdayNameEnglish(s.officeReportWeekday)) \(s.officeReportTime).")
    }
    /// The rule.
    init() {}

    func deadline(_ week: Week, _ level: ReportLevel, _ s: Settings) -> LocalMoment {
        level == .teamToHead ? LocalMoment(week.monday.adding(days: s.teamReportWeekday - 1), s.teamReportTime)
            : LocalMoment(week.monday.adding(days: s.officeReportWeekday - 1), s.officeReportTime)
    }

    func levelName(_ level: ReportLevel) -> String { level == .teamToHead ? "TNTK→TP" : "TP→GĐVP" }
    /// The level in English, with the office's own abbreviation the workbooks use.
    func levelNameEn(_ level: ReportLevel) -> String { "\(level.englishLabel.lowercased()) (\(levelName(level)))" }

    func check(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let log = ctx.data.reportLog
        for e in log {
            let due = deadline(e.week, e.level, ctx.settings)
            let who = e.team.map { " (\($0))" } ?? ""
            let data: [String: FindingValue] = ["week": .text(e.week.description), "level": .text(levelName(e.level)), "deadline": .moment(due)]
            if let sent = e.sentAt, !ctx.happened(sent) {
                // Sent after the moment judged at: not sent yet then, and overdue once its deadline is past.
                if ctx.isPast(due) {
                    out.append(finding(nil, e.source, "sentAt",
                                       vi: "Báo cáo \(levelName(e.level)) tuần \(e.week)\(who) chưa gửi lúc \(ctx.asOf.vietnamese), hạn \(due.vietnamese).",
                                       en: "The \(levelNameEn(e.level)) report for \(e.week)\(who) not sent by \(ctx.asOf.vietnamese), due \(due.vietnamese).", data))
                }
            } else if let sent = e.sentAt, sent.minutes > due.minutes {
                out.append(finding(nil, e.source, "sentAt",
                                   vi: "Báo cáo \(levelName(e.level)) tuần \(e.week)\(who) gửi \(sent.vietnamese), hạn \(due.vietnamese).",
                                   en: "The \(levelNameEn(e.level)) report for \(e.week)\(who) sent \(sent.vietnamese), due \(due.vietnamese).",
                                   data.merging(["sentAt": .moment(sent)]) { a, _ in a }))
            } else if e.sentAt == nil, ctx.isPast(due) {
                out.append(finding(nil, e.source, "sentAt", vi: "Báo cáo \(levelName(e.level)) tuần \(e.week)\(who) chưa ghi thời điểm gửi, hạn \(due.vietnamese).",
                                   en: "The \(levelNameEn(e.level)) report for \(e.week)\(who) has no time sent, due \(due.vietnamese).", data))
            }
        }
        // Reports never sent: every team each week, and the office each week, once due.
        // The teams of the handover plan report every week; a team named only in the log
        // (a team without courses, or a name no course uses) from the first week it reported.
        var teams: [String: String] = [:]
        for c in ctx.data.courses { if let t = c.team, let k = TeamName.key(t) { teams[k] = teams[k] ?? t } }
        var fromLog: [String: LocalDate] = [:]
        for e in log where e.level == .teamToHead {
            guard let t = e.team, let k = TeamName.key(t), teams[k] == nil || fromLog[k] != nil else { continue }
            if fromLog[k] == nil { teams[k] = t }
            fromLog[k] = min(fromLog[k] ?? e.week.monday, e.week.monday)
        }
        let weeks = log.map(\.week.monday) + ctx.data.courses.compactMap(\.startDate).filter { $0 <= ctx.asOf.date }
        guard let first = weeks.min() else { return out }
        let sheet = ctx.sheet(of: .reportLog).map { ($0.file, $0.sheet) } ?? log.first.map { ($0.source.file, $0.source.sheet) }
        let sent = Set(log.map { "\($0.week)|\($0.level.rawValue)|\($0.level == .teamToHead ? TeamName.key($0.team ?? "") ?? "" : "")" })
        var week = Week(containing: first)
        while week.monday <= ctx.asOf.date {
            for level in [ReportLevel.teamToHead, .headToDirector] {
                let due = deadline(week, level, ctx.settings)
                guard ctx.isPast(due) else { continue }
                let teamKeys = level == .teamToHead ? teams.keys.sorted().filter { fromLog[$0].map { $0 <= week.monday } ?? true } : [""]
                for key in teamKeys where !sent.contains("\(week)|\(level.rawValue)|\(key)") {
                    let who = level == .teamToHead ? " (\(teams[key] ?? key))" : ""
                    var data: [String: FindingValue] = ["week": .text(week.description), "level": .text(levelName(level)), "deadline": .moment(due)]
                    if level == .teamToHead { data["team"] = .text(teams[key] ?? key) }
                    out.append(Finding(rule: id, severity: severity, course: nil, file: sheet?.0, sheet: sheet?.1, cell: nil,
                                       messageVi: "Không có báo cáo \(levelName(level)) tuần \(week)\(who), hạn \(due.vietnamese).",
                                       messageEn: "No \(levelNameEn(level)) report for \(week)\(who), due \(due.vietnamese).", data: data))
                }
            }
            week = Week(containing: week.monday.adding(days: 7))
        }
        return out
    }
}

/// Each staff member keeps a daily log on every working day they are not on a course.
struct DailyLogMissing: Rule {
    let id = "DAILY_LOG_MISSING"
    let severity = Severity.warning
    let step = ProcessStep.outsideCourses
    let documentation = RuleDocumentation(firesWhen: "a staff member who keeps daily logs has none for a working day (Mon–Fri, not a holiday, before the as-of day) on which they were on no course",
                                                 cell: "— (their log sheet)")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Nhân viên không có nhật ký công việc ngoài TH cho một ngày làm việc không đi lớp.",
                      "A staff member without a daily log for a working day off courses.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        let logs = ctx.data.dailyLogs
        guard let first = logs.map(\.date).min() else { return [] }
        var people: [String: (name: String, source: SourceRow)] = [:]
        var logged: Set<String> = []
        for l in logs {
            let k = HeaderNormalizer.key(l.staff)
            if people[k] == nil { people[k] = (l.staff, l.source) }
            logged.insert("\(k)|\(l.date)")
        }
        var busy: Set<String> = []
        for a in ctx.data.staffAssignments {
            let k = HeaderNormalizer.key(a.staff)
            guard people[k] != nil else { continue }
            let c = ctx.course(a.courseId)
            guard let from = a.from ?? c?.startDate else { continue }
            let to = a.to ?? c?.endDate ?? from
            guard from <= to, from.days(to: to) < 366 else { continue }
            for d in 0...from.days(to: to) { busy.insert("\(k)|\(from.adding(days: d))") }
        }
        var out: [Finding] = []
        var day = first
        while day < ctx.asOf.date {
            defer { day = day.adding(days: 1) }
            guard !ctx.settings.isNonWorking(day), day.isoWeekday != 6 else { continue }
            for k in people.keys.sorted() {
                let key = "\(k)|\(day)"
                guard !logged.contains(key), !busy.contains(key), let p = people[k] else { continue }
                out.append(Finding(rule: id, severity: severity, course: nil, file: p.source.file, sheet: p.source.sheet, cell: nil,
                                   messageVi: "\(p.name) không có nhật ký ngày \(day.vietnamese) (không đi lớp).",
                                   messageEn: "\(p.name) has no daily log for \(day.vietnamese) (not on a course).",
                                   data: ["staff": .text(p.name), "date": .date(day)]))
            }
        }
        return out
    }
}
