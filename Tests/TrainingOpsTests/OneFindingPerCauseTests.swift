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

    /// A unit list without a phone column: one missing-column finding at the header, and no
    /// unit is "without a phone" because of it.
    @Test func aMissingColumnIsNotAMissingValueOnEveryRow() {
        let units = grid("DS", [
            ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ"],
            ["TL-2610-02", "DV01", "Trường 1", "Chị Lan"],
            ["TL-2610-02", "DV02", "Trường 2", "Anh Minh"],
            ["TL-2610-02", "DV03", "Trường 3", ""],
        ])
        let data = Dataset(sheets: [("ds.xlsx", units)])
        #expect(data.findings.filter { $0.kind == .missingColumn }.map(\.columnKey) == ["phone"])
        let findings = RuleRegistry.evaluate(data, asOf: Self.asOf, rules: [UnitIncomplete()]).filter { $0.rule == "UNIT_INCOMPLETE" }
        // The unit without its contact is still reported, for its contact only.
        #expect(findings.count == 1)
        #expect(findings.first?.cell == "D4")
        #expect(findings.first?.data["missing"] == .text("contact"))
    }

    /// Rows that cannot be read because the sheet lacks a key column are not each reported
    /// as skipped: the header's missing-column finding says why.
    @Test func rowsWithoutAKeyColumnAreNotEachSkipped() {
        let sessions = grid("BC", [
            ["Mã khóa", "Ngày", "Giờ báo cáo", "Người báo cáo"],
            ["TL-2610-02", "05/10/2026", "8:15", "Lê Văn Hậu"],
            ["TL-2610-02", "05/10/2026", "13:40", "Lê Văn Hậu"],
        ])
        let data = Dataset(sheets: [("bc.xlsx", sessions)])
        #expect(data.findings.map(\.kind) == [.missingColumn], "\(data.findings.map(\.message))")
        #expect(data.sessionReports.isEmpty)
        // A row lacking a value of a column the sheet has is still reported.
        let partial = grid("BC", [
            ["Mã khóa", "Ngày", "Buổi", "Giờ báo cáo"],
            ["TL-2610-02", "05/10/2026", "", "8:15"],
        ])
        #expect(Dataset(sheets: [("bc.xlsx", partial)]).findings.map(\.kind).contains(.skippedRow))
    }

    /// A check sheet without a column for an item its courses' checklist asks: one finding at
    /// its header row naming the item, none on the rows.
    @Test func aChecklistItemWithoutAColumnIsReportedOnce() {
        let header = ValueFormsTests.preCheckHeader.filter { $0 != "Số ĐV đã cài Zoom" }
        let answers = ["HD-2611-05", "14/11/2026 16h", "18", "Có", "Có", "Có", "Có", "Ông Trần Văn Bình", "Có", "Bà Lê Thị Hà",
                       "Có", "15", "Có", "Có"]
        let check = grid("CB", [header, answers])
        let data = Dataset(sheets: [("bg.xlsx", ValueFormsTests.course("Trực tuyến")), ("cb.xlsx", check)])
        let findings = RuleRegistry.evaluate(data, asOf: Self.asOf, rules: [PreCheckIncomplete()])
        #expect(findings.map(\.rule) == ["PRECHECK_INCOMPLETE"], "\(findings.map(\.messageVi))")
        #expect(findings.first?.cell == "1:1")
        #expect(findings.first?.course == nil)
        #expect(findings.first?.data["items"] == .text("zoomInstalledCount"))
    }
}
