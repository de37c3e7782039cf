/// The last eight weeks team by team: courses, attendance, survey average, and how many items
/// were still open at each week's office deadline (Saturday 12:00).
extension WeeklyReport {
    /// How many weeks the trend covers, the report's week last.
    public static let trendWeeks = 8

    /// One team in one week of the trend.
    public struct TrendPoint: Hashable, Sendable {
        /// The week.
        public var week: Week
        /// The team.
        public var team: String
        /// The moment the open items were counted at: the week's office deadline, or the
        /// report's moment for the report's week (whichever is earlier).
        public var moment: LocalMoment
        /// Courses with a day in the week.
        public var courses: Int
        /// Present over present + absent on those courses (nil when nobody was marked).
        public var attendanceRate: Double?
        /// Mean survey score of their answering units.
        public var surveyAverage: Double?
        /// Errors and warnings of the team still open at `moment` (``Item/State/open``).
        public var openItems: Int
    }

    /// The trend of `teams` over the ``trendWeeks`` weeks ending with `week`. The rules are run
    /// again at each earlier week's moment; `findings` are those at `asOf`, used for `week` itself.
    static func trend(_ data: Dataset, teams: [String], week: Week, findings: [Finding], settings: Settings, asOf: LocalMoment) -> [TrendPoint] {
        var out: [TrendPoint] = []
        let scope = FindingScope(data)
        for back in stride(from: trendWeeks - 1, through: 0, by: -1) {
            let w = Week(containing: week.monday.adding(days: -7 * back))
            let deadline = LocalMoment(w.monday.adding(days: settings.officeReportWeekday - 1), settings.officeReportTime)
            let moment = back == 0 || asOf.minutes < deadline.minutes ? asOf : deadline
            let fs = moment == asOf ? findings : RuleRegistry.evaluate(data, settings: settings, asOf: moment)
            for team in teams {
                let key = HeaderNormalizer.key(team)
                let own = courses(in: w, data.courses.filter { $0.team.map(HeaderNormalizer.key) == key })
                let units = own.flatMap { data.units(of: $0.id) }
                let present = units.filter { $0.present == true }.count, absent = units.filter { $0.present == false }.count
                let scores = units.compactMap(\.surveyScore)
                let open = items(fs, team: team, week: w, data: data, settings: settings, asOf: moment, scope: scope).filter { $0.state == .open }.count
                out.append(TrendPoint(week: w, team: team, moment: moment, courses: own.count,
                                      attendanceRate: present + absent > 0 ? Double(present) / Double(present + absent) : nil,
                                      surveyAverage: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), openItems: open))
            }
        }
        return out
    }
}
