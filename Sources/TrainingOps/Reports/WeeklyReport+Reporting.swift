/// Who reported: each team's weekly report and daily logs against their deadlines, and the
/// head's own report to the director, as the report log stands at the report's moment.
extension WeeklyReport {
    /// One weekly report of the week: a team's (TNTK → TP) or the head's (TP → GĐVP).
    public struct Reporting: Hashable, Sendable {
        /// The team, nil for the head's report to the director.
        public var team: String?
        /// Who sends it: the team lead or the head.
        public var sender: String?
        /// Its deadline.
        public var due: LocalMoment
        /// When it was sent, per the report log; nil when not logged by the report's moment.
        public var sent: LocalMoment?
        /// Minutes past the deadline (sent late, or not sent once the deadline passed).
        public var minutesLate: Int?
        /// Working days of the week without a daily log, `Name (dd/mm/yyyy)` (DAILY_LOG_MISSING).
        public var dailyLogsMissing: [String]
        /// Daily log rows written in the week up to the report's moment.
        public var dailyLogs: Int

        /// `Đúng hạn`, `Trễ 15 giờ 0 phút`, `Chưa gửi, quá hạn 2 ngày 0 giờ`, `Chưa gửi, còn hạn`.
        public func status(_ language: Language = .vi) -> String {
            let vi = language == .vi
            switch (sent, minutesLate) {
            case (.some, nil): return vi ? "Đúng hạn" : "On time"
            case (.some, .some(let m)): return vi ? "Trễ \(Self.span(m, vi))" : "Late by \(Self.span(m, vi))"
            case (nil, .some(let m)): return vi ? "Chưa gửi, quá hạn \(Self.span(m, vi))" : "Not sent, \(Self.span(m, vi)) overdue"
            case (nil, nil): return vi ? "Chưa gửi, còn hạn" : "Not sent yet, not due"
            }
        }

        /// `2 ngày 3 giờ`, `15 giờ 30 phút`, `45 phút`.
        static func span(_ minutes: Int, _ vi: Bool) -> String {
            let d = minutes / 1440, h = minutes % 1440 / 60, m = minutes % 60
            if d > 0 { return vi ? "\(d) ngày \(h) giờ" : "\(d) d \(h) h" }
            if h > 0 { return vi ? "\(h) giờ \(m) phút" : "\(h) h \(m) min" }
            return vi ? "\(m) phút" : "\(m) min"
        }
    }

    /// The week's reports of `teams` (and the head's, when `head` is true) as of `asOf`; a
    /// report logged after `asOf` counts as not sent yet.
    static func reporting(_ data: Dataset, teams: [String], head: Bool, week: Week, findings: [Finding],
                          settings: Settings, asOf: LocalMoment) -> [Reporting] {
        let scope = FindingScope(data)
        let logged = data.reportLog.filter { $0.week == week }
        func line(_ team: String?, _ entry: ReportLogEntry?, due: LocalMoment, sender: String?) -> Reporting {
            let sent = entry?.sentAt.flatMap { $0.minutes <= asOf.minutes ? $0 : nil }
            let late: Int?
            if let sent { late = sent.minutes > due.minutes ? sent.minutes - due.minutes : nil } else { late = asOf.minutes > due.minutes ? asOf.minutes - due.minutes : nil }
            var missing: [String] = [], logs = 0
            if let team {
                let key = HeaderNormalizer.key(team)
                for f in findings where f.rule == "DAILY_LOG_MISSING" && scope.team(of: f).map(HeaderNormalizer.key) == key {
                    guard case .text(let d)? = f.data["date"], let day = isoMoment(d)?.date, week.contains(day),
                          case .text(let who)? = f.data["staff"] else { continue }
                    missing.append("\(who) (\(day.vietnamese))")
                }
                logs = data.dailyLogs.filter { l in
                    week.contains(l.date) && l.date <= asOf.date
                        && (l.team ?? scope.staffTeam[HeaderNormalizer.key(l.staff)]).map(HeaderNormalizer.key) == key
                }.count
            }
            return Reporting(team: team, sender: entry?.sender ?? sender, due: due, sent: sent, minutesLate: late,
                             dailyLogsMissing: missing, dailyLogs: logs)
        }
        var out: [Reporting] = teams.map { team in
            let key = HeaderNormalizer.key(team)
            let entry = logged.first { $0.level == .teamToHead && $0.team.map(HeaderNormalizer.key) == key }
            let lead = data.courses.first { $0.team.map(HeaderNormalizer.key) == key }?.teamLead
            return line(team, entry, due: LocalMoment(week.monday.adding(days: settings.teamReportWeekday - 1), settings.teamReportTime), sender: lead)
        }
        if head {
            let entry = logged.first { $0.level == .headToDirector }
            let sender = data.reportLog.first { $0.level == .headToDirector && $0.sender != nil }?.sender
            out.append(line(nil, entry, due: LocalMoment(week.monday.adding(days: settings.officeReportWeekday - 1), settings.officeReportTime), sender: sender))
        }
        return out
    }
}
