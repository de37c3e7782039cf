extension WeeklyReport {
    /// The team report (TNTK → TP) of `team` for `week`; `findings` are the rules' findings
    /// over the same dataset (``RuleRegistry/evaluate(_:settings:asOf:rules:)``).
    /// `language` is the language of the report's own text (``language``).
    public static func team(_ team: String, week: Week, data: Dataset, findings: [Finding],
                            settings: Settings = Settings(), asOf: LocalMoment, language: Language = .vi) -> WeeklyReport {
        let key = TeamName.key(team)
        let own = data.courses.filter { $0.team.flatMap(TeamName.key) == key }
        let name = own.first?.team ?? team
        let due = LocalMoment(week.monday.adding(days: settings.teamReportWeekday - 1), settings.teamReportTime)
        var report = WeeklyReport(week: week, asOf: asOf, team: name,
                                  preparedBy: own.compactMap(\.teamLead).first, due: due, language: language)
        let ids = Set(own.map(\.id))
        let weekCourses = courses(in: week, own)
        report.courses = weekCourses.map { line($0, data: data, findings: findings, settings: settings) }
        report.items = items(findings, team: name, week: week, data: data, settings: settings, asOf: asOf)
        report.openPaperwork = openPaperwork(own, data: data, by: week.sunday)
        let lines = opinionLines(data, asOf: asOf)
        let mine = lines.filter { $0.opinion.courseId.map(ids.contains) ?? false }
        report.opinionsOpened = mine.filter { week.contains($0.opinion.recorded) }
        report.opinionsClosed = mine.filter { $0.opinion.doneDate.map(week.contains) ?? false }
        report.openOpinions = mine.filter { $0.progress != .done && $0.opinion.recorded <= asOf.date }
        report.escalations = escalations(data, team: name, week: week, asOf: asOf, opinions: lines, settings: settings, language: language)
        report.reporting = reporting(data, teams: [name], head: false, week: week, findings: findings, settings: settings, asOf: asOf)
        report.trend = trend(data, teams: [name], week: week, findings: findings, settings: settings, asOf: asOf)
        let next = Week(containing: week.monday.adding(days: 7))
        report.nextCourses = courses(in: next, own).map { nextCourse($0, data: data, settings: settings, language: language) }
        return report
    }

    /// The office report (TP → GĐVP) for `week`: every team, the opinion tracker, the urgent cases.
    /// `language` is the language of the report's own text (``language``).
    public static func office(week: Week, data: Dataset, findings: [Finding], head: String? = nil,
                              settings: Settings = Settings(), asOf: LocalMoment, language: Language = .vi) -> WeeklyReport {
        let due = LocalMoment(week.monday.adding(days: settings.officeReportWeekday - 1), settings.officeReportTime)
        let sender = data.reportLog.first { $0.level == .headToDirector && $0.sender != nil }?.sender
        var report = WeeklyReport(week: week, asOf: asOf, team: nil, preparedBy: head ?? sender, due: due, language: language)
        let weekCourses = courses(in: week, data.courses)
        report.courses = weekCourses.map { line($0, data: data, findings: findings, settings: settings) }
        report.items = items(findings, team: nil, week: week, data: data, settings: settings, asOf: asOf)
        report.teams = teams(data).map { team in
            let key = TeamName.key(team)
            let lines = report.courses.filter { $0.course.team.flatMap(TeamName.key) == key }
            let fs = report.items.filter { $0.team.flatMap(TeamName.key) == key }.map(\.finding)
            let units = lines.flatMap { data.units(of: $0.course.id) }
            let scores = units.compactMap(\.surveyScore)
            let present = lines.reduce(0) { $0 + $1.present }, absent = lines.reduce(0) { $0 + $1.absent }
            return TeamLine(team: team, lead: data.courses.first { $0.team.flatMap(TeamName.key) == key }?.teamLead,
                            courses: lines.count, planned: lines.reduce(0) { $0 + $1.planned }, present: present, absent: absent,
                            attendanceRate: present + absent > 0 ? Double(present) / Double(present + absent) : nil,
                            surveyAverage: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                            lowScores: scores.filter { $0 <= settings.lowSurveyScore }.count,
                            errors: fs.filter { $0.severity == .error }.count, warnings: fs.filter { $0.severity == .warning }.count)
        }
        report.openPaperwork = openPaperwork(data.courses, data: data, by: week.sunday)
        let lines = opinionLines(data, asOf: asOf).filter { $0.opinion.recorded <= week.sunday }
        report.opinionTracker = lines
        report.opinionsOpened = lines.filter { week.contains($0.opinion.recorded) }
        report.opinionsClosed = lines.filter { $0.opinion.doneDate.map(week.contains) ?? false }
        report.urgent = lines.filter { $0.progress != .done && ($0.opinion.impact == .sales || $0.opinion.impact == .debtCollection) }
        report.openOpinions = lines.filter { $0.progress != .done && $0.opinion.recorded <= asOf.date }
        report.escalations = escalations(data, team: nil, week: week, asOf: asOf, opinions: lines, settings: settings, language: language)
        report.reporting = reporting(data, teams: teams(data), head: true, week: week, findings: findings, settings: settings, asOf: asOf)
        report.trend = trend(data, teams: teams(data), week: week, findings: findings, settings: settings, asOf: asOf)
        let next = Week(containing: week.monday.adding(days: 7))
        // Next week's courses team by team, each team's by start date.
        let order = Dictionary(teams(data).enumerated().map { (HeaderNormalizer.key($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
        report.nextCourses = courses(in: next, data.courses).enumerated().sorted { a, b in
            let ta = a.element.team.flatMap { order[HeaderNormalizer.key($0)] } ?? Int.max
            let tb = b.element.team.flatMap { order[HeaderNormalizer.key($0)] } ?? Int.max
            return (ta, a.offset) < (tb, b.offset)
        }.map { nextCourse($0.element, data: data, settings: settings, language: language) }
        return report
    }

    /// The teams named on the handover, in first-seen order.
    public static func teams(_ data: Dataset) -> [String] {
        var seen: Set<String> = [], out: [String] = []
        for c in data.courses { if let t = c.team, let k = TeamName.key(t), seen.insert(k).inserted { out.append(t) } }
        return out
    }

    /// Courses with a training day in `week`, by start date then id.
    static func courses(in week: Week, _ courses: [Course]) -> [Course] {
        courses.filter { c in
            guard let s = c.startDate else { return false }
            let e = c.endDate ?? s
            return s <= week.sunday && e >= week.monday
        }.sorted { ($0.startDate ?? week.monday, $0.id) < ($1.startDate ?? week.monday, $1.id) }
    }

    static func line(_ c: Course, data: Dataset, findings: [Finding], settings: Settings) -> CourseLine {
        let units = data.units(of: c.id)
        let present = units.filter { $0.present == true }
        let scores = units.compactMap(\.surveyScore)
        let needing = units.filter { u in (u.surveyScore.map { $0 <= settings.lowSurveyScore } ?? false) || u.usingSoftware == false }
        return CourseLine(course: c, planned: c.unitCount ?? units.count, present: present.count,
                          absent: units.filter { $0.present == false }.count,
                          dataEntryRate: present.isEmpty ? nil : Double(present.filter { $0.dataEntered == true }.count) / Double(present.count),
                          surveyAverage: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count), surveyCount: scores.count,
                          lowScores: scores.filter { $0 <= settings.lowSurveyScore }.count,
                          followUpsNeeded: needing.count, followUpsDone: needing.filter { $0.supportCalled == true }.count,
                          findings: findings.filter { $0.course == c.id }.count)
    }

    static func openPaperwork(_ courses: [Course], data: Dataset, by day: LocalDate) -> [OpenPaperwork] {
        courses.compactMap { c in
            guard let end = c.endDate ?? c.startDate, end <= day else { return nil }
            let t = data.tracking(of: c.id)
            let states = [t?.contract, t?.liquidation, t?.debt]
            guard states.contains(where: { !($0?.isClosed ?? false) }) else { return nil }
            return OpenPaperwork(course: c, contract: t?.contract, liquidation: t?.liquidation, debt: t?.debt)
        }.sorted { ($0.course.endDate ?? day, $0.course.id) < ($1.course.endDate ?? day, $1.course.id) }
    }

    static func nextCourse(_ c: Course, data: Dataset, settings: Settings, language: Language = .vi) -> NextCourse {
        let staff = data.staff(of: c.id)
        let monday = (c.startDate ?? c.endDate ?? LocalDate(1970, 1, 5)).weekStart
        let due = LocalMoment(monday.adding(days: settings.staffPlanWeekday - 8), settings.staffPlanTime)
        return NextCourse(course: c, staff: staff.map { s in s.role.map { "\(s.staff) (\($0.label(language)))" } ?? s.staff },
                          staffPlanDue: due, staffPlanSent: staff.compactMap(\.sentToHead).max())
    }

    /// Every opinion with its progress and its course's team, in recording order.
    static func opinionLines(_ data: Dataset, asOf: LocalMoment) -> [OpinionLine] {
        data.opinions.map { o in
            let team = o.courseId.flatMap { data.course($0)?.team }
            return OpinionLine(opinion: o, team: team, progress: progress(o, asOf: asOf.date))
        }.sorted { ($0.opinion.recorded, $0.opinion.source.row) < ($1.opinion.recorded, $1.opinion.source.row) }
    }

    /// Done or dropped → done; past due (as OPINION_OVERDUE judges) → overdue; else new or in progress.
    public static func progress(_ o: Opinion, asOf day: LocalDate) -> Progress {
        if o.status == .done || o.status == .dropped { return .done }
        if let due = o.due, due < day { return .overdue }
        return o.status == .inProgress ? .inProgress : .new
    }
}

extension Week {
    /// Whether `day` falls in the week.
    public func contains(_ day: LocalDate) -> Bool { day >= monday && day <= sunday }
}
