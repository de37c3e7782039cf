import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The weekly reports over the committed samples, for the fixed week 2026-W48 judged at the
/// samples' as-of moment (Saturday 28/11/2026 09:00).
@Suite struct WeeklyReportTests {
    static let data = SamplesTests.data
    static let asOf = LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))
    static let week = Week.iso(year: 2026, number: 48)!
    static let findings = RuleRegistry.evaluate(data, asOf: asOf)
    static let teams = ["Nhóm 1", "Nhóm 2", "Nhóm 3"]

    static func team(_ name: String) -> WeeklyReport {
        WeeklyReport.team(name, week: week, data: data, findings: findings, asOf: asOf)
    }
    static let office = WeeklyReport.office(week: week, data: data, findings: findings, asOf: asOf)

    @Test func weekIsTheSamplesLastWeek() {
        #expect(Self.week.monday == LocalDate(2026, 11, 23))
        #expect(Self.week.sunday == LocalDate(2026, 11, 29))
        #expect(WeeklyReport.teams(Self.data) == Self.teams)
    }

    /// Every figure of the course lines recomputed here from the unit rows with plain loops.
    @Test(arguments: teams) func courseFiguresRecomputed(_ team: String) {
        let report = Self.team(team)
        let expectedIds = Self.data.courses.filter { c in
            guard c.team == team, let s = c.startDate else { return false }
            return s <= LocalDate(2026, 11, 29) && (c.endDate ?? s) >= LocalDate(2026, 11, 23)
        }.map(\.id).sorted()
        #expect(report.courses.map(\.course.id).sorted() == expectedIds)
        #expect(!expectedIds.isEmpty)
        for line in report.courses {
            var present = 0, absent = 0, entered = 0, answered = 0, low = 0, need = 0, called = 0
            var total = 0.0
            for u in Self.data.units where u.courseId == line.course.id {
                if u.present == true { present += 1; if u.dataEntered == true { entered += 1 } }
                if u.present == false { absent += 1 }
                if let s = u.surveyScore { answered += 1; total += s; if s <= 2 { low += 1 } }
                if (u.surveyScore ?? 5) <= 2 || u.usingSoftware == false { need += 1; if u.supportCalled == true { called += 1 } }
            }
            #expect(line.present == present && line.absent == absent, "\(line.course.id)")
            #expect(line.dataEntryRate == (present == 0 ? nil : Double(entered) / Double(present)))
            #expect(line.surveyCount == answered && line.lowScores == low)
            #expect(line.surveyAverage == (answered == 0 ? nil : total / Double(answered)))
            #expect(line.followUpsNeeded == need && line.followUpsDone == called)
            #expect(line.planned == line.course.unitCount)
            #expect(line.findings == Self.findings.filter { $0.course == line.course.id }.count)
        }
    }

    @Test func officeTeamsAddUpTheCourseLines() {
        let r = Self.office
        #expect(r.teams.map(\.team) == Self.teams)
        for t in r.teams {
            let lines = Self.team(t.team).courses
            #expect(t.courses == lines.count)
            #expect(t.present == lines.map(\.present).reduce(0, +))
            #expect(t.absent == lines.map(\.absent).reduce(0, +))
            #expect(t.planned == lines.map(\.planned).reduce(0, +))
        }
        #expect(r.courses.count == r.teams.map(\.courses).reduce(0, +))
    }

    @Test func opinionProgressAtTheBoundaries() {
        let src = SourceRow(file: "f", sheet: "s", row: 2, columns: [:])
        var o = Opinion(recorded: LocalDate(2026, 11, 20), content: "x", source: src)
        o.due = LocalDate(2026, 11, 28)
        #expect(WeeklyReport.progress(o, asOf: LocalDate(2026, 11, 28)) == .new, "due today is not overdue")
        #expect(WeeklyReport.progress(o, asOf: LocalDate(2026, 11, 29)) == .overdue)
        o.status = .inProgress
        #expect(WeeklyReport.progress(o, asOf: LocalDate(2026, 11, 28)) == .inProgress)
        o.status = .dropped
        #expect(WeeklyReport.progress(o, asOf: LocalDate(2026, 12, 28)) == .done)
        // The tracker agrees with OPINION_OVERDUE.
        let overdue = Self.findings.filter { $0.rule == "OPINION_OVERDUE" }.count
        let lines = WeeklyReport.opinionLines(Self.data, asOf: Self.asOf)
        #expect(lines.filter { $0.progress == .overdue }.count == overdue)
    }

    @Test func staffPlanDueSaturdayNineBefore() throws {
        for next in Self.office.nextCourses {
            let monday = try #require(next.course.startDate).weekStart
            #expect(next.staffPlanDue == LocalMoment(monday.adding(days: -2), LocalTime(9, 0)))
            let late = Self.findings.contains { $0.course == next.course.id && ($0.rule == "STAFF_PLAN_LATE" || $0.rule == "STAFF_MISSING") }
            #expect(next.staffPlanOnTime == !late, "\(next.course.id)")
        }
    }

    /// The report's figures as text, one fact a line, for the golden files.
    static func golden(_ r: WeeklyReport) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "-" }
        var out = ["week \(r.week) team \(r.team ?? "-") by \(r.preparedBy ?? "-") due \(r.due) asOf \(r.asOf)"]
        for l in r.courses {
            out.append("course \(l.course.id) \(l.course.startDate?.description ?? "-")..\(l.course.endDate?.description ?? "-") \(l.course.team ?? "-") planned \(l.planned) present \(l.present) absent \(l.absent) entry \(f(l.dataEntryRate)) survey \(f(l.surveyAverage))/\(l.surveyCount) low \(l.lowScores) calls \(l.followUpsDone)/\(l.followUpsNeeded) findings \(l.findings)")
        }
        for t in r.teams {
            out.append("team \(t.team) courses \(t.courses) planned \(t.planned) present \(t.present) absent \(t.absent) attendance \(f(t.attendanceRate)) survey \(f(t.surveyAverage)) low \(t.lowScores) errors \(t.errors) warnings \(t.warnings)")
        }
        for i in r.items {
            let x = i.finding
            out.append("item \(i.state) \(i.step?.rawValue ?? "import") \(x.severity) \(x.rule) \(x.course ?? "-") \(i.team ?? "-") \(x.place) due \(i.due?.description ?? "-") \(i.age())")
        }
        for o in r.openOpinions { out.append("open \(o.opinion.id ?? "-") \(o.progress) \(o.age(asOf: r.asOf.date))") }
        for e in r.escalations { out.append("escalation \(e.kind) \(e.team ?? "-") \(e.course ?? "-") \(e.date?.description ?? "-") \(e.text) | \(e.note ?? "-") | board \(e.boardTold.map(String.init) ?? "-")") }
        for t in r.trend { out.append("trend \(t.week) \(t.team) at \(t.moment) courses \(t.courses) attendance \(f(t.attendanceRate)) survey \(f(t.surveyAverage)) open \(t.openItems)") }
        for p in r.reporting { out.append("reporting \(p.team ?? "TP→GĐVP") due \(p.due) sent \(p.sent?.description ?? "-") \(p.status()) logs \(p.dailyLogs) missing \(p.dailyLogsMissing.joined(separator: "; "))") }
        for p in r.openPaperwork { out.append("paperwork \(p.course.id) \(p.contract?.rawValue ?? "-") \(p.liquidation?.rawValue ?? "-") \(p.debt?.rawValue ?? "-")") }
        for o in r.opinionsOpened { out.append("opened \(o.opinion.id ?? "-") \(o.progress)") }
        for o in r.opinionsClosed { out.append("closed \(o.opinion.id ?? "-") \(o.progress)") }
        for o in r.opinionTracker { out.append("tracker \(o.opinion.id ?? "-") \(o.team ?? "-") \(o.progress)") }
        for o in r.urgent { out.append("urgent \(o.opinion.id ?? "-") \(o.opinion.impact?.rawValue ?? "-")") }
        for n in r.nextCourses { out.append("next \(n.course.id) staff \(n.staff.joined(separator: "; ")) due \(n.staffPlanDue) sent \(n.staffPlanSent?.description ?? "-") onTime \(n.staffPlanOnTime)") }
        return out.joined(separator: "\n") + "\n"
    }

    static func expectGolden(_ actual: String, _ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("WeeklyGolden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "differs from WeeklyGolden/\(name)")
    }

    @Test(arguments: teams) func teamGolden(_ team: String) throws {
        try Self.expectGolden(Self.golden(Self.team(team)), "team-2026-W48-\(team.suffix(1)).txt")
    }

    @Test func officeGolden() throws {
        try Self.expectGolden(Self.golden(Self.office), "office-2026-W48.txt")
    }
}
