import Testing
import XLSX
@testable import TrainingOps

@Suite struct OneFindingPerCauseTests {
    static let asOf = LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))

    @Test func anUnreadableDateIsReportedOnceAtItsCell() {
        let handover = grid("BG", [
            DatasetTests.handoverHeader,
            // Handover date 31/11 does not exist; the schedule confirmation is unreadable too.
            ["TL-2610-02", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "20/11/2026", "21/11/2026", "2", "An", "31/11/2026", "hôm qua"],
        ])
        let findings = RuleRegistry.evaluate(Dataset(sheets: [("bg.xlsx", handover)]), asOf: Self.asOf,
                                             rules: [HandoverMissingDate(), HandoverLate(), ScheduleUnconfirmed()])
        let atK2 = findings.filter { $0.cell == "K2" }
        #expect(atK2.map(\.rule) == ["IMPORT_INVALID_VALUE"], "\(atK2.map(\.messageVi))")
        let atL2 = findings.filter { $0.cell == "L2" }
        #expect(atL2.map(\.rule) == ["IMPORT_INVALID_VALUE"], "\(atL2.map(\.messageVi))")
    }

    @Test func theSameRulesStillSpeakOfAnEmptyCell() {
        let handover = grid("BG", [
            DatasetTests.handoverHeader,
            ["TL-2610-02", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "20/11/2026", "21/11/2026", "2", "An", "", ""],
        ])
        let findings = RuleRegistry.evaluate(Dataset(sheets: [("bg.xlsx", handover)]), asOf: Self.asOf,
                                             rules: [HandoverMissingDate(), ScheduleUnconfirmed()])
        #expect(findings.map(\.rule).sorted() == ["HANDOVER_MISSING_DATE", "SCHEDULE_UNCONFIRMED"])
        #expect(findings.compactMap(\.cell).sorted() == ["K2", "L2"])
    }

    @Test func aRuleOnAnotherCellOfTheRowStillSpeaks() {
        // The staff plan's "sent" time cannot be read: STAFF_PLAN_LATE would report that very
        // cell and stays silent; the reading reports it once.
        let staff = grid("NS", [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-2610-02", "Lê Văn Hậu", "Giảng viên", "07/12/2026", "08/12/2026", "Lê Thị Nhung", "thứ bảy"],
        ])
        let handover = grid("BG", [
            DatasetTests.handoverHeader,
            ["TL-2610-02", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "01/12/2026", "02/12/2026", "2", "An", "01/10/2026", "02/10/2026"],
        ])
        let findings = RuleRegistry.evaluate(Dataset(sheets: [("bg.xlsx", handover), ("ns.xlsx", staff)]),
                                             asOf: LocalMoment(LocalDate(2026, 12, 3), LocalTime(9, 0)), rules: [StaffPlanLate()])
        #expect(findings.map(\.rule) == ["IMPORT_INVALID_VALUE"], "\(findings.map(\.messageVi))")
        #expect(findings.first?.cell == "G2")
    }
}
