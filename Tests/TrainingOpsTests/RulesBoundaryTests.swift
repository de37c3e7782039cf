import Testing
import XLSX
@testable import TrainingOps

/// A row on sheet `sheet` whose columns are the keys given, in order (A, B, C…).
func ruleRow(_ sheet: String, _ row: Int, _ keys: [String]) -> SourceRow {
    SourceRow(file: "office.xlsx", sheet: sheet, row: row, columns: Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
}

/// A course starting Monday 07/12/2026 (one day unless `days`), handed over in time.
func ruleCourse(_ id: String = "K-01", start: LocalDate = LocalDate(2026, 12, 7), days: Int = 1, product: Product = .publicAccounting,
                handover: LocalMoment? = LocalMoment(LocalDate(2026, 11, 1), LocalTime(9, 0))) -> Course {
    var c = Course(id: id, source: ruleRow("Bàn giao", 2, ["courseId", "product", "startDate", "unitCount", "handoverDate", "scheduleConfirmed"]))
    c.product = product
    c.mode = .inPerson
    c.startDate = start
    c.endDate = start.adding(days: days - 1)
    c.handoverDate = handover
    c.scheduleConfirmed = handover?.date.adding(days: 1)
    c.team = "Nhóm 1"
    return c
}

/// The findings of one rule.
func findings(_ rule: any Rule, _ data: Dataset, asOf: LocalMoment, settings: Settings = Settings()) -> [Finding] {
    rule.check(RuleContext(data: data, settings: settings, asOf: asOf))
}

func dataset(_ courses: [Course], _ fill: (inout Dataset) -> Void = { _ in }) -> Dataset {
    var d = Dataset()
    d.courses = courses
    fill(&d)
    return d
}

let lateAsOf = LocalMoment(LocalDate(2027, 3, 1), LocalTime(9, 0))

@Suite struct HandoverBoundaryTests {
    /// Course starts Monday 07/12/2026 at 08:00 (the morning session).
    @Test(arguments: [
        (LocalMoment(LocalDate(2026, 11, 27), LocalTime(8, 0)), Product.publicAccounting, nil as Int?),   // exactly 10 days
        (LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)), .publicAccounting, 9),                    // 9 days 23 hours
        (LocalMoment(LocalDate(2026, 11, 7), LocalTime(8, 0)), .payroll, nil),                            // exactly 30 days
        (LocalMoment(LocalDate(2026, 11, 8), LocalTime(9, 0)), .salaryBudget, 29),                        // 29 days 23 hours
        (LocalMoment(LocalDate(2026, 12, 1)), .payroll, 6),
        (LocalMoment(LocalDate(2026, 12, 9)), .eInvoice, -2),
    ])
    func leadTime(_ handover: LocalMoment, _ product: Product, _ late: Int?) throws {
        let got = findings(HandoverLate(), dataset([ruleCourse(product: product, handover: handover)]), asOf: lateAsOf)
        #expect(got.count == (late == nil ? 0 : 1))
        if let late, let f = got.first {
            let need = [.payroll, .salaryBudget].contains(product) ? 30 : 10
            #expect(f.data["daysBefore"] == .int(late) && f.data["requiredDays"] == .int(need))
            #expect(f.cell == "E2" && f.file == "office.xlsx" && f.sheet == "Bàn giao" && f.course == "K-01")
            #expect(f.messageVi.contains(late >= 0 ? "Bàn giao trước \(late) ngày, yêu cầu \(need) ngày (sản phẩm \(product.label))"
                                                   : "Bàn giao sau ngày bắt đầu \(-late) ngày, yêu cầu trước \(need) ngày"))
        }
    }

    @Test func settingsChangeTheLeadTime() {
        var s = Settings()
        s.handoverDays = 7
        let c = ruleCourse(handover: LocalMoment(LocalDate(2026, 11, 29)))
        #expect(findings(HandoverLate(), dataset([c]), asOf: lateAsOf).count == 1)
        #expect(findings(HandoverLate(), dataset([c]), asOf: lateAsOf, settings: s).isEmpty)
    }

    @Test(arguments: [(LocalMoment(LocalDate(2026, 11, 26), LocalTime(23, 59)), 0), (LocalMoment(LocalDate(2026, 11, 27)), 1)])
    func missingDateOnlyOnceDue(_ asOf: LocalMoment, _ count: Int) {
        let c = ruleCourse(handover: nil)
        #expect(findings(HandoverMissingDate(), dataset([c]), asOf: asOf).count == count)
    }

    @Test(arguments: [(LocalDate(2026, 11, 27), 0), (LocalDate(2026, 11, 28), 1)])
    func unitsMissingOnceTheHandoverDayIsOver(_ asOfDay: LocalDate, _ count: Int) {
        let c = ruleCourse(handover: nil)
        #expect(findings(UnitsMissing(), dataset([c]), asOf: LocalMoment(asOfDay, LocalTime(9, 0))).count == count)
        var u = Unit(courseId: "K-01", id: "1", source: ruleRow("Đơn vị", 2, ["courseId"]))
        u.name = "THCS A"
        #expect(findings(UnitsMissing(), dataset([c]) { $0.units = [u] }, asOf: lateAsOf).isEmpty)
    }

    @Test func unitCountMismatch() throws {
        var c = ruleCourse()
        c.unitCount = 3
        let units = (0..<2).map { Unit(courseId: "K-01", id: "\($0)", source: ruleRow("Đơn vị", 2 + $0, ["courseId"])) }
        let f = try #require(findings(UnitCountMismatch(), dataset([c]) { $0.units = units }, asOf: lateAsOf).first)
        #expect(f.cell == "D2" && f.data["planned"] == .int(3) && f.data["listed"] == .int(2))
        c.unitCount = 2
        #expect(findings(UnitCountMismatch(), dataset([c]) { $0.units = units }, asOf: lateAsOf).isEmpty)
    }

    @Test(arguments: [(LocalDate(2026, 11, 5), 0), (LocalDate(2026, 11, 6), 1)])
    func scheduleConfirmation(_ asOfDay: LocalDate, _ count: Int) {
        var c = ruleCourse() // handed over 01/11, confirmation due 04/11... plus the whole day
        c.scheduleConfirmed = nil
        c.handoverDate = LocalMoment(LocalDate(2026, 11, 2))
        #expect(findings(ScheduleUnconfirmed(), dataset([c]), asOf: LocalMoment(asOfDay, LocalTime(8, 0))).count == count)
    }
}

@Suite struct StaffPlanBoundaryTests {
    static func plan(_ sent: LocalMoment?) -> Dataset {
        var a = StaffAssignment(courseId: "K-01", staff: "Lê Văn Hậu", source: ruleRow("Nhân sự", 5, ["courseId", "staff", "sentToHead"]))
        a.sentToHead = sent
        return dataset([ruleCourse()]) { $0.staffAssignments = [a] }
    }

    /// Course week starts Monday 07/12/2026: the plan is due Saturday 05/12/2026 09:00.
    @Test(arguments: [
        (LocalMoment(LocalDate(2026, 12, 5), LocalTime(9, 0)), nil as Int?),
        (LocalMoment(LocalDate(2026, 12, 5), LocalTime(9, 1)), 1),
        (LocalMoment(LocalDate(2026, 12, 5)), nil),
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(8, 0)), 2 * 1440 - 60),
    ])
    func saturdayNine(_ sent: LocalMoment, _ minutesLate: Int?) {
        let got = findings(StaffPlanLate(), Self.plan(sent), asOf: lateAsOf)
        #expect(got.map { $0.data["minutesLate"] } == (minutesLate.map { [.int($0)] } ?? []))
        #expect(got.allSatisfy { $0.cell == "C5" })
    }

    @Test(arguments: [(LocalTime(9, 0), 0), (LocalTime(9, 1), 1)])
    func notSentIsLateOnlyOnceDue(_ asOfTime: LocalTime, _ count: Int) {
        let asOf = LocalMoment(LocalDate(2026, 12, 5), asOfTime)
        #expect(findings(StaffPlanLate(), Self.plan(nil), asOf: asOf).count == count)
        #expect(findings(StaffMissing(), dataset([ruleCourse()]), asOf: asOf).count == count)
    }

    @Test func doubleBookingFlagsTheBookingOutsideTheTeam() throws {
        var mine = ruleCourse("A", start: LocalDate(2026, 12, 8), days: 2)
        mine.team = "Nhóm 1"
        var other = ruleCourse("B", start: LocalDate(2026, 12, 9))
        other.team = "Nhóm 2"
        var earlier = ruleCourse("C", start: LocalDate(2026, 12, 1))
        earlier.team = "Nhóm 1"
        let rows = [("A", 2), ("C", 3), ("B", 4)].map { id, r in
            StaffAssignment(courseId: id, staff: "Lê Văn Hậu", source: ruleRow("Nhân sự", r, ["courseId", "staff"]))
        }
        let got = findings(StaffDoubleBooked(), dataset([mine, other, earlier]) { $0.staffAssignments = rows }, asOf: lateAsOf)
        let f = try #require(got.first)
        #expect(got.count == 1 && f.course == "B" && f.cell == "B4" && f.data["otherCourse"] == .text("A"))
        #expect(f.data["firstOverlap"] == .text("2026-12-09"))
    }
}

@Suite struct AfterCourseBoundaryTests {
    /// Course ends Monday 07/12/2026: the day after is 08/12.
    static func tracked(_ fill: (inout CourseTracking) -> Void) -> Dataset {
        var t = CourseTracking(courseId: "K-01", source: ruleRow("Theo dõi", 3, ["courseId", "surveyResultsEntered", "crmUpdated", "dvcqReportSent"]))
        fill(&t)
        return dataset([ruleCourse()]) { $0.trackings = [t] }
    }

    @Test(arguments: [(LocalDate(2026, 12, 8), 0), (LocalDate(2026, 12, 9), 1)])
    func enteredTheDayAfterOrLater(_ entered: LocalDate, _ count: Int) {
        let d = Self.tracked { $0.surveyResultsEntered = entered; $0.crmUpdated = entered }
        #expect(findings(SurveyLate(), d, asOf: lateAsOf).count == count)
        #expect(findings(CrmLate(), d, asOf: lateAsOf).count == count)
        #expect(findings(SurveyLate(), d, asOf: lateAsOf).allSatisfy { $0.cell == "B3" && $0.data["daysAfterEnd"] == .int(2) })
    }

    @Test(arguments: [
        (LocalMoment(LocalDate(2026, 12, 8), LocalTime(23, 59)), 0),   // the day after the end, 23:59: not yet due
        (LocalMoment(LocalDate(2026, 12, 9), LocalTime(0, 0)), 1),     // the day after that
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(9, 0)), 0),     // during the course
    ])
    func notRecorded(_ asOf: LocalMoment, _ count: Int) {
        let d = Self.tracked { _ in }
        #expect(findings(SurveyLate(), d, asOf: asOf).count == count)
        #expect(findings(CrmLate(), d, asOf: asOf).count == count)
    }

    @Test(arguments: [(LocalDate(2026, 12, 21), 0), (LocalDate(2026, 12, 22), 1)])
    func dvcqReportTwoWeeksAfter(_ asOfDay: LocalDate, _ count: Int) {
        #expect(findings(DvcqReportMissing(), Self.tracked { _ in }, asOf: LocalMoment(asOfDay, LocalTime(12, 0))).count == count)
    }

    @Test(arguments: [(2.0, nil as Bool?, true), (3.0, nil, false), (2.0, true, false), (5.0, false as Bool?, true)])
    func followUp(_ score: Double, _ called: Bool?, _ fires: Bool) {
        var u = Unit(courseId: "K-01", id: "1", source: ruleRow("Đơn vị", 4, ["courseId", "surveyScore", "supportCalled"]))
        u.surveyScore = score
        u.supportCalled = called
        if called == false { u.usingSoftware = false; u.supportCalled = nil }
        let d = dataset([ruleCourse()]) { $0.units = [u] }
        #expect(findings(FollowUpMissing(), d, asOf: lateAsOf).count == (fires ? 1 : 0))
        #expect(findings(FollowUpMissing(), d, asOf: LocalMoment(LocalDate(2026, 12, 8))).isEmpty, "not yet due")
    }

    @Test(arguments: [(LocalDate(2026, 12, 10), OpinionStatus.inProgress, 0), (LocalDate(2026, 12, 11), .inProgress, 1),
                      (LocalDate(2026, 12, 11), .done, 0), (LocalDate(2026, 12, 11), .new, 1)])
    func opinionOverdue(_ asOfDay: LocalDate, _ status: OpinionStatus, _ count: Int) {
        var o = Opinion(recorded: LocalDate(2026, 12, 1), content: "Đề nghị thêm mẫu", source: ruleRow("Kiến nghị", 2, ["content", "status"]))
        o.due = LocalDate(2026, 12, 10)
        o.status = status
        let got = findings(OpinionOverdue(), dataset([]) { $0.opinions = [o] }, asOf: LocalMoment(asOfDay, LocalTime(8, 0)))
        #expect(got.count == count && got.allSatisfy { $0.cell == "B2" })
    }
}

@Suite struct CourseDayBoundaryTests {
    @Test(arguments: [
        (LocalMoment(LocalDate(2026, 12, 6), LocalTime(17, 0)), nil as String?),  // the day before
        (LocalMoment(LocalDate(2026, 12, 5), LocalTime(17, 0)), nil),            // Saturday before a Monday course
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(7, 30)), "checkedAt"),     // the first morning
    ])
    func preCheckDayBefore(_ at: LocalMoment, _ cell: String?) {
        var p = PreCheck(courseId: "K-01", source: ruleRow("Chuẩn bị", 2, ["courseId", "checkedAt"]))
        p.checkedAt = at
        let got = findings(PreCheckLate(), dataset([ruleCourse()]) { $0.preChecks = [p] }, asOf: lateAsOf)
        #expect(got.map(\.cell) == (cell == nil ? [] : ["B2"]))
    }

    @Test(arguments: [(LocalMoment(LocalDate(2026, 12, 6), LocalTime(23, 59)), 0), (LocalMoment(LocalDate(2026, 12, 7)), 1)])
    func preCheckMissingOnceTheCourseBegins(_ asOf: LocalMoment, _ count: Int) {
        #expect(findings(PreCheckMissing(), dataset([ruleCourse()]), asOf: asOf).count == count)
    }

    /// A check dated after the moment judged had not been made then: not judged incomplete or
    /// late, and the course that had begun had no check.
    @Test func aCheckMadeAfterTheMomentJudgedIsNotYetMade() {
        var p = PreCheck(courseId: "K-01", source: ruleRow("Chuẩn bị", 2, ["courseId", "checkedAt"] + PreCheckItem.allCases.map(\.rawValue)))
        p.checkedAt = LocalMoment(LocalDate(2026, 12, 7), LocalTime(10, 0))
        let d = dataset([ruleCourse()]) { $0.preChecks = [p] }
        let before = LocalMoment(LocalDate(2026, 12, 7), LocalTime(9, 0))
        #expect(findings(PreCheckIncomplete(), d, asOf: before).isEmpty)
        #expect(findings(PreCheckLate(), d, asOf: before).isEmpty)
        #expect(findings(PreCheckMissing(), d, asOf: before).count == 1)
        #expect(findings(PreCheckLate(), d, asOf: lateAsOf).count == 1)
        #expect(findings(PreCheckMissing(), d, asOf: lateAsOf).isEmpty)
    }

    @Test func preCheckIncompleteNamesTheFirstOpenItem() throws {
        var p = PreCheck(courseId: "K-01", source: ruleRow("Chuẩn bị", 2, ["courseId"] + PreCheckItem.allCases.map(\.rawValue)))
        for item in PreCheckItem.checklist(for: .inPerson) where item != .partnerNoSpeakReason { p.answers[item] = .yesNo(true) }
        let d = dataset([ruleCourse()]) { $0.preChecks = [p] }
        #expect(findings(PreCheckIncomplete(), d, asOf: lateAsOf).isEmpty)
        var q = p
        q.answers[.wifi] = .yesNo(false)
        q.answers[.seats] = nil
        let f = try #require(findings(PreCheckIncomplete(), dataset([ruleCourse()]) { $0.preChecks = [q] }, asOf: lateAsOf).first)
        #expect(f.data["count"] == .int(2) && f.cell == CellReference.columnName(1 + PreCheckItem.allCases.firstIndex(of: .seats)!) + "2")
    }

    /// A two-day course on 07–08/12: four sessions, morning due 08:00 (+60 min), afternoon 13:30.
    @Test(arguments: [
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(9, 0)), 0),
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(9, 1)), 1),
        (LocalMoment(LocalDate(2026, 12, 7), LocalTime(14, 31)), 2),
        (LocalMoment(LocalDate(2026, 12, 9)), 4),
    ])
    func sessionReportsTwiceADay(_ asOf: LocalMoment, _ count: Int) {
        #expect(findings(SessionReportMissing(), dataset([ruleCourse(days: 2)]), asOf: asOf).count == count)
        var one = SessionReport(courseId: "K-01", date: LocalDate(2026, 12, 7), session: .morning, source: ruleRow("Báo cáo buổi", 2, ["courseId"]))
        one.reportedAt = LocalMoment(LocalDate(2026, 12, 7), LocalTime(8, 5))
        let got = findings(SessionReportMissing(), dataset([ruleCourse(days: 2)]) { $0.sessionReports = [one] }, asOf: asOf)
        #expect(got.count == max(0, count - 1))
        #expect(got.allSatisfy { $0.sheet == "Báo cáo buổi" && $0.cell == nil })
    }

    @Test(arguments: [(LocalDate(2026, 12, 6), "Chủ nhật"), (LocalDate(2026, 9, 2), "Quốc khánh"), (LocalDate(2027, 1, 1), "Tết Dương lịch"),
                      (LocalDate(2026, 12, 5), nil as String?)])
    func nonWorkingDays(_ start: LocalDate, _ name: String?) {
        let got = findings(CourseOnNonWorkingDay(), dataset([ruleCourse(start: start)]), asOf: lateAsOf)
        #expect(got.count == (name == nil ? 0 : 1))
        if let name { #expect(got.first?.messageVi.contains(name) == true) }
    }

    @Test(arguments: [(LocalDate(2026, 12, 14), 0), (LocalDate(2026, 12, 15), 1)])
    func paperworkAWeekAfter(_ asOfDay: LocalDate, _ count: Int) {
        var t = CourseTracking(courseId: "K-01", source: ruleRow("Theo dõi", 3, ["courseId", "contract", "liquidation", "debt"]))
        t.contract = .done
        t.liquidation = .notApplicable
        t.debt = .inProgress
        let got = findings(PaperworkOpen(), dataset([ruleCourse()]) { $0.trackings = [t] }, asOf: LocalMoment(asOfDay))
        #expect(got.count == count && got.allSatisfy { $0.cell == "D3" })
    }
}

@Suite struct WeeklyReportBoundaryTests {
    static func log(_ level: ReportLevel, _ sent: LocalMoment) -> Dataset {
        var e = ReportLogEntry(week: Week(containing: LocalDate(2026, 11, 23)), level: level, source: ruleRow("Nhật ký BC", 2, ["week", "level", "sentAt"]))
        e.team = level == .teamToHead ? "Nhóm 1" : nil
        e.sentAt = sent
        return dataset([]) { $0.reportLog = [e] }
    }

    @Test(arguments: [
        (ReportLevel.teamToHead, LocalMoment(LocalDate(2026, 11, 27), LocalTime(23, 59)), 0),
        (.teamToHead, LocalMoment(LocalDate(2026, 11, 28), LocalTime(0, 0)), 1),
        (.teamToHead, LocalMoment(LocalDate(2026, 11, 28)), 1),
        (.headToDirector, LocalMoment(LocalDate(2026, 11, 28), LocalTime(12, 0)), 0),
        (.headToDirector, LocalMoment(LocalDate(2026, 11, 28), LocalTime(12, 1)), 1),
    ])
    func deadlines(_ level: ReportLevel, _ sent: LocalMoment, _ count: Int) {
        let got = findings(WeeklyReportLate(), Self.log(level, sent), asOf: LocalMoment(LocalDate(2026, 11, 29), LocalTime(9, 0)))
        #expect(got.filter { $0.cell == "C2" }.count == count)
    }

    /// Judged at a moment before the report was sent, the report had not been sent: nothing
    /// while it is not yet due, "not sent" once it is — not "sent late", which was not known then.
    @Test func aReportSentAfterTheMomentJudgedWasNotSentThen() {
        let d = Self.log(.headToDirector, LocalMoment(LocalDate(2026, 11, 30), LocalTime(8, 0)))
        #expect(findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))).isEmpty)
        let overdue = findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 11, 29), LocalTime(9, 0)))
        #expect(overdue.map(\.cell) == ["C2"])
        #expect(overdue.first?.messageEn.contains("not sent by 29/11/2026 09:00") == true, "\(overdue.map(\.messageEn))")
        let late = findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 12, 1), LocalTime(9, 0)))
        #expect(late.first?.messageEn.contains("sent 30/11/2026 08:00") == true)
    }

    /// A team named only in the log is expected from the first week it reported, not from
    /// the first week of the office's records.
    @Test func aTeamOnlyInTheLogReportsFromItsFirstReport() {
        func entry(_ monday: LocalDate, _ team: String, _ row: Int) -> ReportLogEntry {
            var e = ReportLogEntry(week: Week(containing: monday), level: .teamToHead, source: ruleRow("Nhật ký BC", row, ["week", "level", "sentAt"]))
            e.team = team
            e.sentAt = LocalMoment(monday.adding(days: 3), LocalTime(16, 0))
            return e
        }
        let d = dataset([]) { $0.reportLog = [entry(LocalDate(2026, 11, 9), "Nhóm 1", 2), entry(LocalDate(2026, 11, 23), "Nhóm 9", 3)] }
        let missing = findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 11, 29), LocalTime(9, 0)))
            .filter { $0.data["level"] == .text("TNTK→TP") }
        #expect(missing.map { "\($0.data["team"]!) \($0.data["week"]!)" }.sorted() == ["Nhóm 1 2026-W47", "Nhóm 1 2026-W48"])
    }

    @Test func missingReportsOnlyOnceDue() {
        let d = Self.log(.teamToHead, LocalMoment(LocalDate(2026, 11, 27), LocalTime(16, 0)))
        // At Saturday 09:00 the office report of the week is not yet due.
        #expect(findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(12, 0))).isEmpty)
        let late = findings(WeeklyReportLate(), d, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(12, 1)))
        #expect(late.map { $0.data["level"] } == [.text("TP→GĐVP")] && late.first?.sheet == "Nhật ký BC" && late.first?.cell == nil)
    }
}

@Suite struct DailyLogTests {
    @Test func workingDaysOffCoursesNeedALog() {
        func log(_ d: LocalDate) -> DailyLog { DailyLog(date: d, staff: "Lê Văn Hậu", source: ruleRow("Nhật ký", 2, ["date", "staff"])) }
        var a = StaffAssignment(courseId: "K-01", staff: "Lê Văn Hậu", source: ruleRow("Nhân sự", 2, ["courseId"]))
        a.from = LocalDate(2026, 12, 7)
        // Mon 30/11 logged; Tue 1/12 missing; Wed 2/12 logged; Sat–Sun skipped; Mon 7/12 on a course; Tue 8/12 is as-of day.
        let d = dataset([ruleCourse()]) { $0.dailyLogs = [log(LocalDate(2026, 11, 30)), log(LocalDate(2026, 12, 2)), log(LocalDate(2026, 12, 3)),
                                                           log(LocalDate(2026, 12, 4))]; $0.staffAssignments = [a] }
        let got = findings(DailyLogMissing(), d, asOf: LocalMoment(LocalDate(2026, 12, 8), LocalTime(17, 0)))
        #expect(got.map { $0.data["date"] } == [.text("2026-12-01")])
    }
}
