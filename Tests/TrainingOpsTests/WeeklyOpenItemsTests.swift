import Foundation
import Testing
@testable import TrainingOps

/// What a lead acts on: everything still open whatever week it began, what needs TP or the
/// director, and who reported on time. Expected values come from the samples' answer key
/// (samples/README.md) and the sample sheets, not from the code.
@Suite struct WeeklyOpenItemsTests {
    static let data = SamplesTests.data
    static let asOf = WeeklyReportTests.asOf
    static let findings = WeeklyReportTests.findings

    static func report(team: String?, week: Int, asOf: LocalMoment = asOf) -> WeeklyReport {
        let w = Week.iso(year: 2026, number: week)!
        let fs = asOf == Self.asOf ? findings : RuleRegistry.evaluate(data, asOf: asOf)
        return team.map { WeeklyReport.team($0, week: w, data: data, findings: fs, asOf: asOf) }
            ?? WeeklyReport.office(week: w, data: data, findings: fs, asOf: asOf)
    }

    /// The wrap-up steps that fall due after their course's week, which the old reports lost.
    @Test func wrapUpStepsOfEarlierWeeksAreListed() throws {
        let office = Self.report(team: nil, week: 48)
        let rules = Set(office.items.map(\.finding.rule))
        for rule in ["DVCQ_REPORT_MISSING", "OPINION_OVERDUE", "WEEKLY_REPORT_LATE", "DAILY_LOG_MISSING", "FEEDBACK_OPEN"] {
            #expect(rules.contains(rule), "\(rule) missing from the office report")
        }
        // Answer key #10: XA-2611-03 (Nhóm 3) ran on 02/11 (its one session report), report to ĐVCQ
        // due 14 days later (16/11, a Monday); at 28/11 that is 12 days overdue, since week 47.
        let team3 = Self.report(team: "Nhóm 3", week: 48)
        let dvcq = try #require(team3.items.first { $0.finding.rule == "DVCQ_REPORT_MISSING" && $0.finding.course == "XA-2611-03" })
        #expect(dvcq.state == .open && dvcq.step == .wrapUp)
        #expect(dvcq.due == LocalMoment(LocalDate(2026, 11, 16)))
        #expect(dvcq.age() == "quá hạn 12 ngày, từ tuần 47")
        #expect(dvcq.age(.en) == "12 days overdue, since week 47")
        // Answer key #24: the opinion on DTL-2610-01 (Nhóm 2) due 31/10 is 28 days overdue.
        let team2 = Self.report(team: "Nhóm 2", week: 48)
        let opinion = try #require(team2.items.first { $0.finding.rule == "OPINION_OVERDUE" })
        #expect(opinion.finding.course == "DTL-2610-01" && opinion.age() == "quá hạn 28 ngày, từ tuần 44")
        // Answer key #7 and #8: the missing daily logs go to Nhóm 1 (Lê Văn Hậu) and Nhóm 3 (Dương Thị Mỹ Duyên).
        let logs1 = Self.report(team: "Nhóm 1", week: 48).items.filter { $0.finding.rule == "DAILY_LOG_MISSING" }
        #expect(logs1.map(\.finding.messageVi).contains { $0.hasPrefix("Lê Văn Hậu") && $0.contains("03/11/2026") })
        #expect(!team2.items.contains { $0.finding.rule == "DAILY_LOG_MISSING" })
        #expect(team3.items.contains { $0.finding.rule == "DAILY_LOG_MISSING" && $0.finding.messageVi.hasPrefix("Dương Thị Mỹ Duyên") })
        // Answer key #64: Nhóm 3 sent no W47 report; #62: Nhóm 2's W46 report was late.
        #expect(team3.items.contains { $0.finding.rule == "WEEKLY_REPORT_LATE" && $0.finding.messageVi.contains("2026-W47") })
        #expect(team2.items.contains { $0.finding.rule == "WEEKLY_REPORT_LATE" && $0.finding.messageVi.contains("2026-W46") })
        // The head's late W45 report (#61) is the office's alone.
        let head = office.items.filter { $0.finding.rule == "WEEKLY_REPORT_LATE" && $0.finding.messageVi.contains("TP→GĐVP") }
        #expect(head.count == 1 && head.allSatisfy { $0.team == nil })
    }

    /// Every error and warning once, in the office report; the teams' reports partition those of a team.
    @Test func officeHoldsEveryFindingAndTeamsTheirOwn() {
        let office = Self.report(team: nil, week: 48)
        let serious = Self.findings.filter { $0.severity != .info }
        #expect(office.items.count == serious.count)
        #expect(Set(office.items.map(\.finding)) == Set(serious))
        var inTeams = 0
        for team in WeeklyReportTests.teams {
            let r = Self.report(team: team, week: 48)
            #expect(r.items.allSatisfy { $0.team == team })
            inTeams += r.items.count
        }
        #expect(inTeams == office.items.filter { $0.team != nil }.count)
        // Steps in the process's order, faults of form last.
        let ranks = office.items.map { WeeklyReport.stepRank($0.step) }
        #expect(ranks == ranks.sorted())
    }

    /// Done late during the week versus before it, and a step recorded after the report's moment is still open.
    @Test func closedItemsAreSetApart() throws {
        // Answer key #44: DTL-2611-06's staff plan went to TP at 08:00 Monday 23/11 (W48), due 21/11 09:00.
        let w48 = Self.report(team: "Nhóm 3", week: 48)
        let late = try #require(w48.items.first { $0.finding.rule == "STAFF_PLAN_LATE" && $0.finding.course == "DTL-2611-06" })
        #expect(late.state == .closedThisWeek && late.age() == "xong 23/11/2026 08:00, hạn 21/11/2026 09:00")
        // In the W47 report, at Saturday 21/11 12:00, it had not been sent: open, overdue since that day.
        let w47 = Self.report(team: "Nhóm 3", week: 47, asOf: LocalMoment(LocalDate(2026, 11, 21), LocalTime(12, 0)))
        let open = try #require(w47.items.first { $0.finding.rule == "STAFF_PLAN_LATE" && $0.finding.course == "DTL-2611-06" })
        #expect(open.state == .open && open.age() == "quá hạn từ hôm nay (tuần 47)")
        // Answer key #5: DTL-2610-01's CRM was updated 23/10 (W43), due 22/10: on record in W48.
        let crm = try #require(Self.report(team: "Nhóm 2", week: 48).items.first { $0.finding.rule == "CRM_LATE" && $0.finding.course == "DTL-2610-01" })
        #expect(crm.state == .closedEarlier)
    }

    /// Open opinions of the team whatever week they were recorded, with age and handler (sample "Kiến nghị" sheet).
    @Test func openOpinionsOfTheTeam() {
        let team1 = Self.report(team: "Nhóm 1", week: 48)
        #expect(team1.openOpinions.compactMap(\.opinion.id) == ["YK-06", "YK-17", "YK-20", "YK-21"])
        let yk06 = team1.openOpinions.first { $0.opinion.id == "YK-06" }
        // Recorded 28/10, due 07/11, still "Mới" at 28/11: 31 days old, 21 overdue.
        #expect(yk06?.age(asOf: Self.asOf.date) == "ghi nhận 31 ngày, quá hạn 21 ngày")
        #expect(yk06?.opinion.handler == "Nguyễn Thị Thu Hà")
        #expect(Self.report(team: "Nhóm 2", week: 48).openOpinions.compactMap(\.opinion.id) == ["YK-02", "YK-18"])
    }

    /// Urgent opinions with whether the board was told; the other escalations of the week.
    @Test func escalations() {
        let office = Self.report(team: nil, week: 48)
        let urgent = office.escalations.filter { $0.kind == .urgentOpinion }
        // Open opinions on sales or debt: YK-06 (board told), YK-18 and YK-21 (not told).
        #expect(urgent.map(\.course) == ["TL-2610-02", "HCSN-2611-05", "TL-2611-06"])
        #expect(urgent.map(\.boardTold) == [true, false, false])
        #expect(urgent[1].note == "Đang xử lý; Đang làm việc với đơn vị")
        // Nhóm 1's W48 sessions: HD-2611-03 23/11 "Đơn vị không chịu nhập liệu", TL-2611-06 25/11
        // "Mạng yếu buổi đầu" and "Một số đơn vị chưa mang chứng từ".
        let team1 = Self.report(team: "Nhóm 1", week: 48)
        #expect(team1.escalations.filter { $0.kind == .difficulty }.map(\.text)
            == ["Đơn vị không chịu nhập liệu", "Mạng yếu buổi đầu", "Một số đơn vị chưa mang chứng từ"])
        #expect(!team1.escalations.contains { $0.kind == .partnerSilent })
        // Nhóm 2, W47: XA-2611-05's only report (afternoon 20/11) says ĐVCQ did not speak, and no
        // session of the course says it did.
        let w47 = Self.report(team: "Nhóm 2", week: 47, asOf: LocalMoment(LocalDate(2026, 11, 21), LocalTime(12, 0)))
        let silent = w47.escalations.filter { $0.kind == .partnerSilent }
        #expect(silent.map(\.course) == ["XA-2611-05"])
        #expect(silent.first?.note == "Lý do: Đã phát biểu buổi đầu")
        // Nhóm 2, W46: HCSN-2611-04's last session (afternoon 13/11) reported 60% data entry.
        let w46 = Self.report(team: "Nhóm 2", week: 46, asOf: LocalMoment(LocalDate(2026, 11, 14), LocalTime(12, 0)))
        #expect(w46.escalations.filter { $0.kind == .lowDataEntry }.map(\.course) == ["HCSN-2611-04"])
    }

    /// The week's reports against their deadlines (answer key #61, #62, #64) and the daily logs.
    @Test func whoReported() throws {
        let w45 = Self.report(team: nil, week: 45)
        let head = try #require(w45.reporting.last)
        #expect(head.team == nil && head.status() == "Trễ 2 giờ 30 phút")
        let w46 = Self.report(team: "Nhóm 2", week: 46)
        #expect(w46.reporting.map { $0.status() } == ["Trễ 8 giờ 1 phút"])
        let w47 = Self.report(team: nil, week: 47)
        #expect(w47.reporting.map { $0.status() } == ["Đúng hạn", "Đúng hạn", "Chưa gửi, quá hạn 7 ngày 9 giờ", "Đúng hạn"])
        #expect(w47.reporting[2].dailyLogsMissing == ["Dương Thị Mỹ Duyên (19/11/2026)"])
        let w45team1 = Self.report(team: "Nhóm 1", week: 45)
        #expect(w45team1.reporting.first?.dailyLogsMissing == ["Lê Văn Hậu (03/11/2026)"])
        // At the head's deadline of W45, the report sent at 14:30 is not sent yet.
        let atDeadline = Self.report(team: nil, week: 45, asOf: LocalMoment(LocalDate(2026, 11, 7), LocalTime(12, 0)))
        #expect(atDeadline.reporting.last?.status() == "Chưa gửi, còn hạn")
    }

    /// The office's next week, team by team.
    @Test func officeNextWeekByTeam() {
        let next = Self.report(team: nil, week: 46, asOf: LocalMoment(LocalDate(2026, 11, 14), LocalTime(12, 0))).nextCourses
        #expect(next.map(\.course.id) == ["TL-2611-05", "DTL-2611-05", "HCSN-2611-05", "XA-2611-05", "TS-2611-03"])
    }
}
