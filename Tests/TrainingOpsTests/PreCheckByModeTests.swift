import Testing
import XLSX
@testable import TrainingOps

/// The day-before check as the process text lists it: list A for in-person classes, list B for
/// online ones; counts are answers; the units confirmed against the seats and the plan.
@Suite struct PreCheckByModeTests {
    /// Read off the process text (II.A and II.B) by hand, in the sheet's column order.
    static let listA: [PreCheckItem] = [.attendanceConfirmed, .loginChecked, .formsChecked, .partnerMet, .partnerName,
                                        .partnerWillSpeak, .partnerNoSpeakReason, .partnerSupervisor, .surveyLinkReady,
                                        .seats, .wifi, .projector, .airConditioning, .water, .powerSockets, .parking,
                                        .laptopsCount, .documentsCount]
    static let listB: [PreCheckItem] = [.loginChecked, .formsChecked, .partnerWillSpeak, .documentsCount,
                                        .zoomInstalledCount, .partnerZoomLoggedIn, .partnerSupervising]

    @Test func theChecklistsAreTheProcessTextsTwoLists() {
        #expect(PreCheckItem.checklist(for: .inPerson) == Self.listA)
        #expect(PreCheckItem.checklist(for: .online) == Self.listB)
        // "Chuẩn bị user tập huấn" heads both lists; it is not an item of either.
        #expect(PreCheckItem.accountsReady.modes.isEmpty)
    }

    /// A check of `mode` with every item of `items` answered yes (counts 20, names filled).
    static func check(_ items: [PreCheckItem], course: String = "K-01") -> PreCheck {
        var p = PreCheck(courseId: course, source: ruleRow("Chuẩn bị", 2, ["courseId"] + PreCheckItem.allCases.map(\.rawValue)))
        for item in items {
            switch item.column.type {
            case .count: p.answers[item] = .count(20)
            case .yesNo: p.answers[item] = .yesNo(true)
            default: p.answers[item] = .text("Bà Trần Thị Lan")
            }
        }
        return p
    }

    static func online(_ c: Course) -> Course {
        var c = c
        c.mode = .online
        return c
    }

    /// An online class is not asked for the room, the seats, the survey link or the partner
    /// meeting; an in-person class is not asked for Zoom.
    @Test(arguments: [TrainingMode.inPerson, .online])
    func aCheckOfItsOwnListIsComplete(_ mode: TrainingMode) {
        let course = mode == .online ? Self.online(ruleCourse()) : ruleCourse()
        let p = Self.check(mode == .online ? Self.listB : Self.listA.filter { $0 != .partnerNoSpeakReason })
        #expect(p.openItems(for: mode).isEmpty)
        #expect(findings(PreCheckIncomplete(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf).isEmpty)
    }

    /// One item of the mode's own list left empty is open; the same item of the other list is not asked.
    @Test(arguments: [(TrainingMode.online, PreCheckItem.zoomInstalledCount, true), (.online, .seats, false),
                      (.online, .surveyLinkReady, false), (.online, .attendanceConfirmed, false),
                      (.inPerson, .seats, true), (.inPerson, .surveyLinkReady, true),
                      (.inPerson, .partnerZoomLoggedIn, false), (.inPerson, .zoomInstalledCount, false)])
    func anEmptyItemIsOpenOnlyInItsOwnList(_ mode: TrainingMode, _ item: PreCheckItem, _ open: Bool) {
        var p = Self.check(PreCheckItem.allCases.filter { $0 != .partnerNoSpeakReason })
        p.answers[item] = nil
        #expect(p.openItems(for: mode) == (open ? [item] : []))
    }

    /// A count of zero answers the item (no laptops in a computer room, no Zoom yet); "Không"
    /// does not.
    @Test(arguments: [(PreCheckItem.laptopsCount, PreCheck.Answer.count(0), false), (.documentsCount, .count(0), false),
                      (.attendanceConfirmed, .count(0), false), (.seats, .count(0), false),
                      (.wifi, .yesNo(false), true), (.parking, .yesNo(true), false)])
    func aCountOfZeroIsAnAnswer(_ item: PreCheckItem, _ answer: PreCheck.Answer, _ open: Bool) {
        var p = Self.check(Self.listA.filter { $0 != .partnerNoSpeakReason })
        p.answers[item] = answer
        #expect(p.openItems(for: .inPerson) == (open ? [item] : []))
    }

    @Test(arguments: [(TrainingMode.online, PreCheckItem.zoomInstalledCount), (.online, .documentsCount)])
    func zeroUnitsOnlineIsAnAnswer(_ mode: TrainingMode, _ item: PreCheckItem) {
        var p = Self.check(Self.listB)
        p.answers[item] = .count(0)
        #expect(p.openItems(for: mode).isEmpty)
    }

    /// 25 units planned on the handover (80 % = 20); in person with `seats` seats.
    @Test(arguments: [
        (25, 30, nil as String?),    // all planned units confirmed
        (26, 30, "plannedUnits"),    // more than planned
        (20, 30, nil),               // exactly 80 %
        (19, 30, "minConfirmedPercent"),  // below 80 %
        (0, 30, "minConfirmedPercent"),   // none confirmed
        (22, 22, nil),               // as many as the seats
        (22, 21, "seats"),           // one more than the seats
    ])
    func confirmedUnitsAgainstSeatsAndPlan(_ confirmed: Int, _ seats: Int, _ why: String?) throws {
        var course = ruleCourse()
        course.unitCount = 25
        var p = Self.check(Self.listA)
        p.answers[.attendanceConfirmed] = .count(confirmed)
        p.answers[.seats] = .count(seats)
        let got = findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf)
        #expect(got.count == (why == nil ? 0 : 1))
        if let f = got.first {
            // Column B: the first item after Mã khóa.
            #expect(f.cell == "B2" && f.data["confirmedUnits"] == .int(confirmed))
            if why == "seats" { #expect(f.messageEn == "22 units confirmed for 21 seats.") }
            if why == "plannedUnits" { #expect(f.messageEn == "26 units confirmed, more than the 25 planned on the handover.") }
            if why == "minConfirmedPercent" {
                #expect(f.data["minConfirmedPercent"] == .int(80))
                #expect(f.messageVi == "Chỉ \(confirmed)/25 đơn vị dự kiến xác nhận tham gia (cần ít nhất 80%).")
            }
        }
    }

    /// A check made after the moment judged is not judged yet (the trend re-runs the rules at
    /// earlier weeks' deadlines).
    @Test(arguments: [(LocalMoment(LocalDate(2026, 12, 5), LocalTime(16, 0)), 1), (LocalMoment(LocalDate(2026, 12, 5), LocalTime(15, 59)), 0)])
    func aCheckNotYetMadeIsNotJudged(_ asOf: LocalMoment, _ count: Int) {
        var course = ruleCourse()
        course.unitCount = 25
        var p = Self.check(Self.listA)
        p.checkedAt = LocalMoment(LocalDate(2026, 12, 5), LocalTime(16, 0))
        p.answers[.attendanceConfirmed] = .count(26)
        #expect(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: asOf).count == count)
    }

    /// Seats are not asked of online classes: a seat count written there is not judged.
    @Test func anOnlineClassHasNoSeatsToCompare() {
        var course = Self.online(ruleCourse())
        course.unitCount = 25
        var p = Self.check(Self.listB)
        p.answers[.attendanceConfirmed] = .count(24)
        p.answers[.seats] = .count(5)
        #expect(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf).isEmpty)
        p.answers[.attendanceConfirmed] = .count(19)
        #expect(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf).count == 1)
    }

    /// Both at once make one finding; a lower share in the settings lets 19 of 25 pass.
    @Test func seatsAndPlanTogetherAndTheSetting() throws {
        var course = ruleCourse()
        course.unitCount = 25
        var p = Self.check(Self.listA)
        p.answers[.attendanceConfirmed] = .count(19)
        p.answers[.seats] = .count(18)
        let f = try #require(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf).first)
        #expect(f.messageEn == "19 units confirmed for 18 seats; only 19 of 25 planned units confirmed (at least 80% expected).")
        var settings = Settings()
        settings.minConfirmedShare = 0.75
        p.answers[.seats] = .count(30)
        #expect(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf, settings: settings).isEmpty)
        // Without a planned number only the seats are weighed.
        course.unitCount = nil
        #expect(findings(PreCheckUnitsMismatch(), dataset([course]) { $0.preChecks = [p] }, asOf: lateAsOf).isEmpty)
    }
}
