import XLSX

/// The figures of a ``WeeklyReport`` as template data: the names a lead's layout can use
/// (`{{team}}`, `{{#courses}}` … `{{/courses}}`, …), listed in docs/weekly.md.
public enum WeeklyTemplateData {
    /// The report as a tree of values; dates as `yyyy-mm-dd` text (dates in date-formatted cells);
    /// steps, severities, states, labels and yes/no in the report's ``WeeklyReport/language``.
    public static func value(_ r: WeeklyReport) -> TemplateValue {
        let lang = r.language
        var root: [String: TemplateValue] = [
            "level": .string(r.team == nil ? "office" : "team"),
            "team": text(r.team), "week": .string(r.week.description),
            "weekStart": day(r.week.monday), "weekEnd": day(r.week.sunday),
            "weekText": .string(WeeklyWorkbook.weekText(r.week)),
            "preparedBy": text(r.preparedBy), "due": moment(r.due), "asOf": moment(r.asOf),
            "courses": .array(r.courses.enumerated().map { course($0.offset + 1, $0.element, lang) }),
            "findings": .array(r.items.map { item($0, lang) }),
            "escalations": .array(r.escalations.map { escalation($0, lang) }),
            "reporting": .array(r.reporting.map { reporting($0, lang) }),
            "trend": .array(r.trend.map(trend)),
            "openOpinions": .array(r.openOpinions.map { opinion($0, asOf: r.asOf.date, lang) }),
            "paperwork": .array(r.openPaperwork.map { paperwork($0, lang) }),
            "opinionsOpened": .array(r.opinionsOpened.map { opinion($0, asOf: r.asOf.date, lang) }),
            "opinionsClosed": .array(r.opinionsClosed.map { opinion($0, asOf: r.asOf.date, lang) }),
            "nextCourses": .array(r.nextCourses.map { next($0, lang) }),
            "teams": .array(r.teams.map(team)),
            "opinions": .array(r.opinionTracker.map { opinion($0, asOf: r.asOf.date, lang) }),
            "urgent": .array(r.urgent.map { opinion($0, asOf: r.asOf.date, lang) }), "urgentCount": int(r.urgent.count),
        ]
        let counts = r.progressCounts
        var progress = Dictionary(uniqueKeysWithValues: WeeklyReport.Progress.allCases.map { ($0.rawValue, int(counts[$0] ?? 0)) })
        progress["total"] = int(r.opinionTracker.count)
        root["progress"] = .object(progress)
        return .object(root)
    }

    static func text(_ s: String?) -> TemplateValue { s.map { .string($0) } ?? .null }
    static func day(_ d: LocalDate?) -> TemplateValue { d.map { .string($0.description) } ?? .null }
    static func moment(_ m: LocalMoment?) -> TemplateValue { m.map { .string($0.description) } ?? .null }
    static func int(_ n: Int) -> TemplateValue { .number(Double(n)) }
    static func num(_ x: Double?) -> TemplateValue { x.map { .number($0) } ?? .null }

    static func course(_ n: Int, _ l: WeeklyReport.CourseLine, _ language: Language) -> TemplateValue {
        let c = l.course
        return .object([
            "no": int(n), "id": .string(c.id), "name": text(c.name), "start": day(c.startDate), "end": day(c.endDate),
            "product": text(c.product?.label(language)), "agency": text(c.agency), "mode": text(c.mode?.label(language)), "team": text(c.team),
            "planned": int(l.planned), "present": int(l.present), "absent": int(l.absent), "dataEntryRate": num(l.dataEntryRate),
            "surveyAverage": num(l.surveyAverage), "surveyCount": int(l.surveyCount), "lowScores": int(l.lowScores),
            "followUpsNeeded": int(l.followUpsNeeded), "followUpsDone": int(l.followUpsDone), "findings": int(l.findings),
        ])
    }

    static func item(_ i: WeeklyReport.Item, _ language: Language) -> TemplateValue {
        let f = i.finding
        return .object(["step": .string(i.stepLabel(language)), "severity": .string(WeeklyWorkbook.severityLabel(f.severity, language)),
                        "course": text(f.course), "team": text(i.team), "rule": .string(f.rule),
                        "message": .string(WeeklyWorkbook.message(f, language)), "due": day(i.due?.date), "age": .string(i.age(language)),
                        "status": .string(i.state.label(language)), "place": .string(f.place)])
    }

    static func trend(_ t: WeeklyReport.TrendPoint) -> TemplateValue {
        .object(["week": .string(t.week.description), "team": .string(t.team), "at": moment(t.moment), "courses": int(t.courses),
                 "attendanceRate": num(t.attendanceRate), "surveyAverage": num(t.surveyAverage), "openItems": int(t.openItems)])
    }

    static func escalation(_ e: WeeklyReport.Escalation, _ language: Language) -> TemplateValue {
        .object(["kind": .string(e.kind.label(language)), "team": text(e.team), "course": text(e.course), "date": day(e.date),
                 "who": text(e.who), "text": .string(e.text), "note": text(e.note),
                 "boardTold": text(e.boardTold.map { WeeklyText.yesNo($0, language) }), "place": .string(e.place)])
    }

    static func reporting(_ r: WeeklyReport.Reporting, _ language: Language) -> TemplateValue {
        .object(["report": .string(WeeklyWorkbook.reportName(r, language)), "sender": text(r.sender), "due": moment(r.due),
                 "sent": moment(r.sent), "status": .string(r.status(language)), "dailyLogs": r.team == nil ? .null : int(r.dailyLogs),
                 "dailyLogsMissing": .string(WeeklyWorkbook.missingText(r, language))])
    }

    static func paperwork(_ p: WeeklyReport.OpenPaperwork, _ language: Language) -> TemplateValue {
        .object(["id": .string(p.course.id), "name": text(p.course.name), "end": day(p.course.endDate ?? p.course.startDate),
                 "contract": .string(WeeklyWorkbook.paperworkState(p.contract, language)),
                 "liquidation": .string(WeeklyWorkbook.paperworkState(p.liquidation, language)),
                 "debt": .string(WeeklyWorkbook.paperworkState(p.debt, language))])
    }

    static func opinion(_ l: WeeklyReport.OpinionLine, asOf: LocalDate, _ language: Language) -> TemplateValue {
        let o = l.opinion
        return .object(["recorded": day(o.recorded), "course": text(o.courseId), "team": text(l.team), "content": .string(o.content),
                        "impact": text(o.impact?.label(language)), "handler": text(o.handler), "due": day(o.due),
                        "status": text(o.status?.label(language)), "done": day(o.doneDate), "progress": .string(l.progress.label(language)),
                        "age": .string(l.age(asOf: asOf, language)), "note": text(o.progressNote),
                        "boardTold": text(o.escalated.map { WeeklyText.yesNo($0, language) })])
    }

    static func next(_ n: WeeklyReport.NextCourse, _ language: Language) -> TemplateValue {
        .object(["id": .string(n.course.id), "name": text(n.course.name), "team": text(n.course.team), "start": day(n.course.startDate), "end": day(n.course.endDate),
                 "mode": text(n.course.mode?.label(language)), "staff": .string(n.staff.joined(separator: "; ")),
                 "staffPlanDue": moment(n.staffPlanDue), "staffPlanSent": moment(n.staffPlanSent),
                 "onTime": .string(WeeklyText.yesNo(n.staffPlanOnTime, language))])
    }

    static func team(_ t: WeeklyReport.TeamLine) -> TemplateValue {
        .object(["team": .string(t.team), "lead": text(t.lead), "courses": int(t.courses), "planned": int(t.planned),
                 "present": int(t.present), "absent": int(t.absent), "attendanceRate": num(t.attendanceRate),
                 "surveyAverage": num(t.surveyAverage), "lowScores": int(t.lowScores), "errors": int(t.errors), "warnings": int(t.warnings)])
    }
}
