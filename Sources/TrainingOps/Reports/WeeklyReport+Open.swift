/// Everything still open at the report's moment: every finding of error or warning severity
/// in the report's scope, whatever week its step fell due in, with the step of the process,
/// the due date and how long it has been overdue.
extension WeeklyReport {
    /// One finding as a lead reads it in the weekly report.
    public struct Item: Hashable, Sendable {
        /// Where the item stands.
        public enum State: String, Hashable, Sendable, CaseIterable {
            /// Nothing done yet.
            case open
            /// Done during the report's week, after its deadline.
            case closedThisWeek
            /// Done before the report's week, after its deadline: a breach on record.
            case closedEarlier

            /// The label in `language`.
            public func label(_ language: Language = .vi) -> String {
                switch (self, language) {
                case (.open, .vi): return "Còn mở"
                case (.open, .en): return "Open"
                case (.closedThisWeek, .vi): return "Xong trong tuần, trễ hạn"
                case (.closedThisWeek, .en): return "Done this week, late"
                case (.closedEarlier, .vi): return "Đã xong, trễ hạn"
                case (.closedEarlier, .en): return "Done earlier, late"
                }
            }
        }

        /// The finding.
        public var finding: Finding
        /// The step of the process its rule enforces; nil for a fault met reading the workbooks.
        public var step: ProcessStep?
        /// The team it belongs to, when known (course, staff member or report).
        public var team: String?
        /// When the step was due, when that is known.
        public var due: LocalMoment?
        /// When the step was done (late), for a step done after its deadline.
        public var done: LocalMoment?
        /// Open, done late this week, or done late before.
        public var state: State
        /// Whole days past the due date at the report's moment (open items past due).
        public var daysOverdue: Int?
        /// The week the item first counted as overdue.
        public var overdueSince: Week?

        /// The step's label, or "reading the workbooks" for a fault of form.
        public func stepLabel(_ language: Language = .vi) -> String {
            step?.label(language) ?? (language == .vi ? "Lỗi nhập liệu (khi đọc file)" : "Faults met reading the workbooks")
        }

        /// `quá hạn 9 ngày, từ tuần 46`, `chưa đến hạn (05/12/2026)`, `xong 23/10/2026, hạn 22/10/2026`.
        public func age(_ language: Language = .vi) -> String {
            let vi = language == .vi
            switch state {
            case .closedThisWeek, .closedEarlier:
                let d = done.map(\.vietnamese) ?? "?", h = due.map(\.vietnamese) ?? "?"
                return vi ? "xong \(d), hạn \(h)" : "done \(d), due \(h)"
            case .open:
                if let days = daysOverdue, let week = overdueSince {
                    let n = week.isoYearAndNumber.number
                    if days == 0 { return vi ? "quá hạn từ hôm nay (tuần \(n))" : "overdue since today (week \(n))" }
                    return vi ? "quá hạn \(days) ngày, từ tuần \(n)" : "\(days) days overdue, since week \(n)"
                }
                guard let due else { return "—" }
                return vi ? "chưa đến hạn (\(due.vietnamese))" : "not yet due (\(due.vietnamese))"
            }
        }
    }

    /// The order of the groups: the process's steps in order, faults of form last.
    static func stepRank(_ s: ProcessStep?) -> Int { s.flatMap { ProcessStep.allCases.firstIndex(of: $0) } ?? ProcessStep.allCases.count }

    /// The items of `findings` (error and warning only) whose team is `team` (every one when nil),
    /// by step of the process, then due date (oldest first), then report order.
    static func items(_ findings: [Finding], team: String?, week: Week, data: Dataset, settings: Settings, asOf: LocalMoment,
                      scope: FindingScope? = nil) -> [Item] {
        let scope = scope ?? FindingScope(data)
        let key = team.map(HeaderNormalizer.key)
        var out: [Item] = []
        for f in findings where f.severity != .info {
            let owner = scope.team(of: f)
            if let key, owner.map(HeaderNormalizer.key) != key { continue }
            let due = dueMoment(f, data: data, settings: settings)
            // A step recorded as done after the report's moment was not done yet at that moment.
            let done = doneMoment(f).flatMap { $0.minutes <= asOf.minutes ? $0 : nil }
            var item = Item(finding: f, step: RuleRegistry.rule(f.rule)?.step, team: owner, due: due, done: done, state: .open)
            if let done {
                item.state = done.date >= week.monday ? .closedThisWeek : .closedEarlier
            } else if let due, due.minutes < asOf.minutes {
                item.daysOverdue = max(0, due.date.days(to: asOf.date))
                item.overdueSince = Week(containing: due.time == nil ? due.date.adding(days: 1) : due.date)
            }
            out.append(item)
        }
        return out.sorted { a, b in
            let ra = stepRank(a.step), rb = stepRank(b.step)
            if ra != rb { return ra < rb }
            let da = a.due?.minutes ?? Int.max, db = b.due?.minutes ?? Int.max
            if da != db { return da < db }
            return Finding.reportOrder(a.finding, b.finding)
        }
    }

    /// When the finding's step was due: the date the rule recorded (`dueDate`, `deadline`, the
    /// day of a missing daily log or session report), else the deadline the rule judges by,
    /// derived from the course; nil for a fault of form.
    static func dueMoment(_ f: Finding, data: Dataset, settings: Settings) -> LocalMoment? {
        for k in ["dueDate", "deadline", "date", "firstOverlap"] {
            if case .text(let t)? = f.data[k], let m = isoMoment(t) {
                // A missing session report is due when the session starts.
                if f.rule == "SESSION_REPORT_MISSING", case .text(let part)? = f.data["session"],
                   let p = [SessionPart.morning, .afternoon].first(where: { $0.label == part }), let start = settings.sessionTimes[p] {
                    return LocalMoment(m.date, start)
                }
                return m
            }
        }
        guard let id = f.course, let c = data.course(id), let start = c.startDate else { return nil }
        let end = c.endDate ?? start
        switch f.rule {
        case "PLAN_UNAPPROVED": return LocalMoment(start.adding(days: -1))
        case "FIRST_SESSION_REPORT_MISSING", "COURSE_ON_NON_WORKING_DAY": return LocalMoment(start)
        case "PRECHECK_INCOMPLETE", "PRECHECK_UNITS_MISMATCH": return LocalMoment(start.adding(days: -settings.preCheckDaysBefore))
        case "PAPERWORK_OPEN": return LocalMoment(end.adding(days: settings.paperworkDays))
        case "SUPPORT_CHANNEL_MISSING", "UNIT_ABSENCE_NO_REASON": return LocalMoment(end)
        case "UNIT_INCOMPLETE", "UNIT_COUNT_MISMATCH", "HANDOVER_LATE":
            return LocalMoment(start.adding(days: -settings.handoverDays(for: c.product)))
        default: return nil
        }
    }

    /// When a step flagged as late was done: the date or moment the rule recorded.
    static func doneMoment(_ f: Finding) -> LocalMoment? {
        for k in ["doneDate", "sentAt", "checkedAt", "handoverDate"] {
            if case .text(let t)? = f.data[k], let m = isoMoment(t) { return m }
        }
        return nil
    }

    /// `2026-11-28` or `2026-11-28T09:00`, as the rules write dates and moments into a finding's data.
    static func isoMoment(_ text: String) -> LocalMoment? {
        let parts = text.split(separator: "T")
        let d = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        guard d.count == 3, (1...12).contains(d[1]), (1...31).contains(d[2]) else { return nil }
        let date = LocalDate(d[0], d[1], d[2])
        guard parts.count == 2 else { return LocalMoment(date) }
        let t = parts[1].split(separator: ":").compactMap { Int($0) }
        guard t.count >= 2, (0...23).contains(t[0]), (0...59).contains(t[1]) else { return LocalMoment(date) }
        return LocalMoment(date, LocalTime(t[0], t[1]))
    }
}

/// Which team a finding belongs to: its course's team; for a weekly report, the team of the
/// report (TNTK → TP); for a missing daily log, the staff member's team.
struct FindingScope {
    let courseTeam: [String: String]
    let staffTeam: [String: String]
    let logTeam: [String: String]

    init(_ data: Dataset) {
        var courseTeam: [String: String] = [:]
        for c in data.courses { if let t = c.team { courseTeam[c.id] = t } }
        var staffTeam: [String: String] = [:]
        // The daily log's own "Nhóm" first; else the team of the courses the person is planned on.
        for l in data.dailyLogs { if let t = l.team, staffTeam[HeaderNormalizer.key(l.staff)] == nil { staffTeam[HeaderNormalizer.key(l.staff)] = t } }
        for a in data.staffAssignments {
            let k = HeaderNormalizer.key(a.staff)
            if staffTeam[k] == nil, let t = courseTeam[a.courseId] { staffTeam[k] = t }
        }
        var logTeam: [String: String] = [:]
        for e in data.reportLog where e.level == .teamToHead {
            if let t = e.team { logTeam["\(e.source.file)|\(e.source.sheet)|\(e.source.row)"] = t }
        }
        self.courseTeam = courseTeam
        self.staffTeam = staffTeam
        self.logTeam = logTeam
    }

    func team(of f: Finding) -> String? {
        if let c = f.course { return courseTeam[c] }
        if case .text(let t)? = f.data["team"] { return t }
        if f.rule == "DAILY_LOG_MISSING", case .text(let s)? = f.data["staff"] { return staffTeam[HeaderNormalizer.key(s)] }
        if f.rule == "WEEKLY_REPORT_LATE", let file = f.file, let sheet = f.sheet, let cell = f.cell {
            return logTeam["\(file)|\(sheet)|\(Finding.cellOrder(cell).row)"]
        }
        return nil
    }
}
