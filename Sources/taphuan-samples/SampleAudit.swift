import TrainingOps

/// An independent reading of the rules as the answer key words them, run over the imported
/// samples: every rule must fire exactly where the key says, and nowhere else.
struct SampleAudit {
    let data: Dataset
    let asOf = SampleOffice.asOf
    var hits: [(rule: String, course: String?)] = []
    static let holidays: Set<LocalDate> = [LocalDate(2027, 1, 1), LocalDate(2026, 9, 2), LocalDate(2026, 9, 1)]

    init(_ data: Dataset) {
        self.data = data
        run()
    }

    mutating func hit(_ rule: String, _ course: String?) { hits.append((rule, course)) }

    func lead(_ p: Product?) -> Int { p == .payroll || p == .salaryBudget ? 30 : 10 }

    mutating func run() {
        let today = asOf.date
        for c in data.courses {
            guard let start = c.startDate, let end = c.endDate else { continue }
            let started = start < today, ended = end < today
            if c.handoverDate == nil { hit("HANDOVER_MISSING_DATE", c.id) }
            if let h = c.handoverDate, h.date.days(to: start) < lead(c.product) { hit("HANDOVER_LATE", c.id) }
            let units = data.units(of: c.id)
            if units.isEmpty, start.adding(days: -lead(c.product)) <= today { hit("UNITS_MISSING", c.id) }
            if !units.isEmpty, units.count != c.unitCount { hit("UNIT_COUNT_MISMATCH", c.id) }
            if c.scheduleConfirmed == nil { hit("SCHEDULE_UNCONFIRMED", c.id) }
            let deadline = LocalMoment(start.weekStart.adding(days: -2), LocalTime(9, 0))
            let staff = data.staff(of: c.id)
            if staff.isEmpty, deadline < asOf { hit("STAFF_MISSING", c.id) }
            if !staff.isEmpty, staff.contains(where: { ($0.sentToHead.map { $0 > deadline } ?? (deadline < asOf)) }) { hit("STAFF_PLAN_LATE", c.id) }
            if c.days.contains(where: { $0.isoWeekday == 7 || Self.holidays.contains($0) }) { hit("COURSE_ON_NON_WORKING_DAY", c.id) }
            let t = data.tracking(of: c.id)
            if started, t?.planApproved.map({ $0 >= start }) ?? true { hit("PLAN_UNAPPROVED", c.id) }
            let firstReport = data.sessionReports(of: c.id).contains { $0.date == start && $0.session == .morning && ($0.reportedAt?.date ?? start) <= start }
            if started, t?.firstSessionReport == nil, !firstReport { hit("FIRST_SESSION_REPORT_MISSING", c.id) }
            if ended {
                if end.adding(days: 7) < today, [t?.contract, t?.liquidation, t?.debt].contains(where: { !($0?.isClosed ?? false) }) {
                    hit("PAPERWORK_OPEN", c.id)
                }
                func late(_ d: LocalDate?) -> Bool { d.map { $0 > end.adding(days: 1) } ?? (end.adding(days: 1) < today) }
                if late(t?.surveyResultsEntered) { hit("SURVEY_LATE", c.id) }
                if late(t?.crmUpdated) { hit("CRM_LATE", c.id) }
                if t?.supportChannel == nil { hit("SUPPORT_CHANNEL_MISSING", c.id) }
                if t?.feedbackReviewed == nil, end.adding(days: 3) < today { hit("FEEDBACK_OPEN", c.id) }
                if t?.dvcqReportSent == nil, end.adding(days: 14) <= today { hit("DVCQ_REPORT_MISSING", c.id) }
                for u in units where (u.surveyScore.map { $0 < 3 } ?? false || u.usingSoftware == false) && u.supportCalled != true {
                    hit("FOLLOW_UP_MISSING", c.id)
                }
            }
            for u in units where u.contact == nil || u.phone == nil { hit("UNIT_INCOMPLETE", c.id) }
            for u in units where u.present == false && u.absenceReason == nil { hit("UNIT_ABSENCE_NO_REASON", c.id) }
            if started, let mode = c.mode {
                if let p = data.preCheck(of: c.id) {
                    if !p.openItems(for: mode).isEmpty { hit("PRECHECK_INCOMPLETE", c.id) }
                    if let at = p.checkedAt, at.date >= start { hit("PRECHECK_LATE", c.id) }
                    if case .count(let confirmed)? = p.answers[.attendanceConfirmed] {
                        var seats: Int?
                        if mode == .inPerson, case .count(let n)? = p.answers[.seats] { seats = n }
                        let overSeats = seats.map { confirmed > $0 } ?? false
                        let offPlan = c.unitCount.map { $0 > 0 && (confirmed > $0 || Double(confirmed) < 0.8 * Double($0)) } ?? false
                        if overSeats || offPlan { hit("PRECHECK_UNITS_MISMATCH", c.id) }
                    }
                } else {
                    hit("PRECHECK_MISSING", c.id)
                }
                let reports = Set(data.sessionReports(of: c.id).map { "\($0.date)|\($0.session)" })
                for day in c.days {
                    for (part, time) in [(SessionPart.morning, LocalTime(8, 0)), (.afternoon, LocalTime(13, 30))]
                    where LocalMoment(day, time) < asOf && !reports.contains("\(day)|\(part)") {
                        hit("SESSION_REPORT_MISSING", c.id)
                    }
                }
            }
        }
        for s in data.sessionReports where (s.absentCount ?? 0) > 0 && s.absentUnits == nil { hit("ABSENCE_UNEXPLAINED", s.courseId) }
        for (n, a) in data.staffAssignments.enumerated() {
            guard let from = a.from else { continue }
            let to = a.to ?? from
            for b in data.staffAssignments.prefix(n) where b.staff == a.staff && b.courseId != a.courseId {
                if let bf = b.from, bf <= to, from <= (b.to ?? bf) { hit("STAFF_DOUBLE_BOOKED", a.courseId) }
            }
        }
        for o in data.opinions where (o.due.map { $0 < today } ?? false) && !(o.status?.isClosed ?? false) { hit("OPINION_OVERDUE", o.courseId) }
        auditDailyLogs()
        auditWeeklyReports()
    }

    mutating func auditDailyLogs() {
        let people = Set(data.dailyLogs.map(\.staff))
        let logged = Set(data.dailyLogs.map { "\($0.staff)|\($0.date)" })
        var day = SampleOffice.firstMonday
        while day < asOf.date {
            defer { day = day.adding(days: 1) }
            guard day.isoWeekday <= 5 else { continue }
            for name in people.sorted() where !logged.contains("\(name)|\(day)") {
                let busy = data.staffAssignments.contains { $0.staff == name && ($0.from.map { $0 <= day } ?? false) && day <= ($0.to ?? $0.from ?? day) }
                if !busy { hit("DAILY_LOG_MISSING", nil) }
            }
        }
    }

    mutating func auditWeeklyReports() {
        let teams = Set(data.courses.compactMap(\.team))
        var monday = SampleOffice.firstMonday
        while monday < asOf.date {
            defer { monday = monday.adding(days: 7) }
            let week = Week(containing: monday)
            let friday = monday.adding(days: 4)
            for team in teams.sorted() where friday < asOf.date {
                let sent = data.reportLog.first { $0.week == week && $0.level == .teamToHead && $0.team == team }
                if sent?.sentAt.map({ $0.date > friday }) ?? true { hit("WEEKLY_REPORT_LATE", nil) }
            }
            let deadline = LocalMoment(monday.adding(days: 5), LocalTime(12, 0))
            guard deadline < asOf else { continue }
            let sent = data.reportLog.first { $0.week == week && $0.level == .headToDirector }
            if sent?.sentAt.map({ $0 > deadline }) ?? true { hit("WEEKLY_REPORT_LATE", nil) }
        }
    }
}
