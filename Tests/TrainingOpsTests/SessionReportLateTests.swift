import Testing
import XLSX
@testable import TrainingOps

/// SESSION_REPORT_LATE at its boundaries: the course's first day is Monday 07/12/2026, sessions
/// start at 08:00 and 13:30, a report is due within 60 minutes.
@Suite struct SessionReportLateTests {
    static func report(_ part: SessionPart, at: LocalMoment?, row: Int = 2) -> SessionReport {
        var s = SessionReport(courseId: "K-01", date: LocalDate(2026, 12, 7), session: part,
                              source: ruleRow("Báo cáo buổi", row, ["courseId", "date", "session", "reportedAt"]))
        s.reportedAt = at
        return s
    }

    static func late(_ reports: [SessionReport], settings: Settings = Settings()) -> [Finding] {
        findings(SessionReportLate(), dataset([ruleCourse()]) { $0.sessionReports = reports }, asOf: lateAsOf, settings: settings)
    }

    @Test(arguments: [
        (SessionPart.morning, LocalTime(9, 0), nil as Int?),   // 60 minutes: on time
        (.morning, LocalTime(9, 1), 61),
        (.morning, LocalTime(7, 45), nil),                     // before the session: on time
        (.afternoon, LocalTime(14, 30), nil),
        (.afternoon, LocalTime(14, 31), 61),
        (.afternoon, LocalTime(9, 0), nil),                    // sent in the morning for the afternoon
    ])
    func boundary(_ part: SessionPart, _ time: LocalTime, _ minutes: Int?) {
        let got = Self.late([Self.report(part, at: LocalMoment(LocalDate(2026, 12, 7), time))])
        #expect(got.count == (minutes == nil ? 0 : 1))
        if let minutes, let f = got.first {
            #expect(f.rule == "SESSION_REPORT_LATE" && f.severity == .warning && f.course == "K-01")
            #expect(f.sheet == "Báo cáo buổi" && f.cell == "D2")
            #expect(f.data["minutesLate"] == .int(minutes) && f.data["allowedMinutes"] == .int(60))
        }
    }

    @Test func aReportOfTheNextDayIsLateByADay() {
        let got = Self.late([Self.report(.morning, at: LocalMoment(LocalDate(2026, 12, 8), LocalTime(8, 0)))])
        #expect(got.first?.data["minutesLate"] == .int(24 * 60))
        #expect(got.first?.messageVi == "Báo cáo buổi Sáng 07/12/2026 gửi lúc 08/12/2026 08:00, 1440 phút sau khi buổi bắt đầu (08:00); hạn 60 phút.")
    }

    @Test func aDateWithoutTimeOrNoTimeIsNotJudged() {
        #expect(Self.late([Self.report(.morning, at: LocalMoment(LocalDate(2026, 12, 8))), Self.report(.afternoon, at: nil)]).isEmpty)
    }

    @Test func settingsMoveTheDeadline() {
        var s = Settings()
        s.sessionReportGraceMinutes = 15
        s.morningSession = LocalTime(7, 30)
        let got = Self.late([Self.report(.morning, at: LocalMoment(LocalDate(2026, 12, 7), LocalTime(7, 46)))], settings: s)
        #expect(got.first?.data["minutesLate"] == .int(16) && got.first?.data["allowedMinutes"] == .int(15))
    }
}

/// A session-report row with only its keys (as `taphuan forms` writes it before the session)
/// is no report: the session is still missing until the row is filled.
@Suite struct UnfilledSessionReportTests {
    static func row(_ part: SessionPart, fill: (inout SessionReport) -> Void = { _ in }) -> SessionReport {
        var s = SessionReport(courseId: "K-01", date: LocalDate(2026, 12, 7), session: part,
                              source: ruleRow("Báo cáo buổi", 2, ["courseId", "date", "session", "reporter"]))
        s.reporter = "Nguyễn Văn An"
        fill(&s)
        return s
    }

    @Test func aPrefilledRowIsNoReport() {
        let asOf = LocalMoment(LocalDate(2026, 12, 7), LocalTime(18, 0))
        let prefilled = [Self.row(.morning), Self.row(.afternoon)]
        let missing = findings(SessionReportMissing(), dataset([ruleCourse()]) { $0.sessionReports = prefilled }, asOf: asOf)
        #expect(missing.count == 2)
        // Filled in: the morning with its time, the afternoon with a count only.
        let filled = [Self.row(.morning) { $0.reportedAt = LocalMoment(LocalDate(2026, 12, 7), LocalTime(8, 10)) },
                      Self.row(.afternoon) { $0.absentCount = 0 }]
        #expect(findings(SessionReportMissing(), dataset([ruleCourse()]) { $0.sessionReports = filled }, asOf: asOf).isEmpty)
    }
}

/// FIRST_SESSION_REPORT_MISSING: the quick report on the first session is the tracking's
/// "Báo cáo buổi đầu" or the report of the first day's first session logged that day. The
/// course starts Monday 07/12/2026; the tracking row leaves "Báo cáo buổi đầu" empty.
@Suite struct FirstSessionReportTests {
    static func quickReportMissing(_ reports: [SessionReport], asOf: LocalMoment = lateAsOf) -> [Finding] {
        let data = dataset([ruleCourse()]) {
            $0.trackings = [CourseTracking(courseId: "K-01", source: ruleRow("Theo dõi", 5, ["courseId", "firstSessionReport"]))]
            $0.sessionReports = reports
        }
        return findings(FirstSessionReportMissing(), data, asOf: asOf)
    }

    static func filled(_ part: SessionPart, day: LocalDate = LocalDate(2026, 12, 7), at: LocalMoment?) -> SessionReport {
        var s = SessionReportLateTests.report(part, at: at)
        s.date = day
        if at == nil { s.progress = "Đúng tiến độ" }
        return s
    }

    @Test func noReportAtAllFiresAtTheTrackingCell() {
        let got = Self.quickReportMissing([])
        #expect(got.count == 1)
        #expect(got.first?.sheet == "Theo dõi" && got.first?.cell == "B5")
    }

    @Test(arguments: [
        (LocalTime(8, 20), 0, 0),     // first session, logged that morning
        (LocalTime(23, 59), 0, 0),    // logged late, but still on the first day
        (LocalTime(0, 0), 1, 1),      // logged the next day: no quick report
    ])
    func theFirstSessionsReportLoggedThatDayIsTheQuickReport(_ time: LocalTime, _ daysAfter: Int, _ expected: Int) {
        let logged = LocalMoment(LocalDate(2026, 12, 7).adding(days: daysAfter), time)
        #expect(Self.quickReportMissing([Self.filled(.morning, at: logged)]).count == expected)
    }

    @Test func aReportWithoutATimeCounts() {
        #expect(Self.quickReportMissing([Self.filled(.morning, at: nil)]).isEmpty)
    }

    @Test func onlyTheFirstSessionOfTheFirstDayCounts() {
        let afternoon = Self.filled(.afternoon, at: LocalMoment(LocalDate(2026, 12, 7), LocalTime(13, 40)))
        let secondDay = Self.filled(.morning, day: LocalDate(2026, 12, 8), at: LocalMoment(LocalDate(2026, 12, 7), LocalTime(8, 10)))
        #expect(Self.quickReportMissing([afternoon, secondDay]).count == 1)
    }

    @Test func aRowOfKeysAloneIsNoReport() {
        let blank = SessionReport(courseId: "K-01", date: LocalDate(2026, 12, 7), session: .morning,
                                  source: ruleRow("Báo cáo buổi", 2, ["courseId", "date", "session"]))
        #expect(Self.quickReportMissing([blank]).count == 1)
    }

    @Test func notDueBeforeTheFirstDayIsOver() {
        #expect(Self.quickReportMissing([], asOf: LocalMoment(LocalDate(2026, 12, 7), LocalTime(23, 59))).isEmpty)
        #expect(Self.quickReportMissing([], asOf: LocalMoment(LocalDate(2026, 12, 8), LocalTime(0, 0))).count == 1)
    }
}
