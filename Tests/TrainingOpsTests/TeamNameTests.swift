import Testing
import XLSX
@testable import TrainingOps

@Suite struct TeamNameTests {
    @Test(arguments: ["Nhóm 1", "Nhóm TK 1", "N1", "nhom1", "Nhóm triển khai 1", "Team 1", "NHÓM 01", "nhóm  1", "Nhom TK1", "Nhóm số 1",
                      "Nho\u{0301}m 1"])
    func oneTeamHowever(_ written: String) {
        #expect(TeamName.key(written) == "#1", "\(written)")
    }

    @Test func otherTeamsStayApart() {
        #expect(TeamName.key("Nhóm 2") == "#2")
        #expect(TeamName.key("N12") == "#12")
        #expect(TeamName.key("Nhóm Hòa Vang") == "hoa vang")
        #expect(TeamName.key("Nhóm triển khai Hòa Vang") == "hoa vang")
        #expect(TeamName.key("Nhóm") == "nhom")
        #expect(TeamName.key("  ") == nil)
    }

    static let asOf = LocalMoment(LocalDate(2026, 11, 23), LocalTime(9, 0))

    static func office(reportTeams: [(team: String, sender: String)]) -> Dataset {
        let handover = grid("BG", [
            DatasetTests.handoverHeader + ["Nhóm triển khai", "TNTK phụ trách"],
            ["TL-2611-01", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "16/11/2026", "17/11/2026", "2", "An", "01/10/2026", "02/10/2026",
             "Nhóm 1", "Trần Minh Đức"],
            ["HD-2611-02", "Lớp 2", "Hóa đơn điện tử", "Phòng TC", "Trực tiếp", "", "18/11/2026", "18/11/2026", "2", "An", "01/10/2026", "02/10/2026",
             "Nhóm 2", "Lê Thị Hồng Nhung"],
        ])
        let staff = grid("NS", [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-2611-01", "Lê Văn Hậu", "Giảng viên", "16/11/2026", "17/11/2026", "Trần Minh Đức", "07/11/2026 8h"],
        ])
        let log = grid("NK", [["Tuần", "Cấp", "Nhóm", "Người gửi", "Thời điểm gửi"]]
            + reportTeams.map { ["Tuần 47/2026", "TNTK→TP", $0.team, $0.sender, "20/11/2026 15:00"] }
            + [["Tuần 47/2026", "TP→GĐVP", "", "Nguyễn Thị Thu Hà", "21/11/2026 09:00"]])
        let daily = grid("CV", [["Ngày", "Nhân viên", "Nhóm"], ["18/11/2026", "Lê Văn Hậu", ""], ["19/11/2026", "Lê Văn Hậu", "nhom1"]])
        return Dataset(sheets: [("bg.xlsx", handover), ("ns.xlsx", staff), ("nk.xlsx", log), ("cv.xlsx", daily)])
    }

    @Test func everyFileNamesTheTeamAsTheHandoverPlanDoes() {
        let data = Self.office(reportTeams: [("Nhóm TK 1", "Trần Minh Đức"), ("", "Lê Thị Hồng Nhung")])
        #expect(data.reportLog.map(\.team) == ["Nhóm 1", "Nhóm 2", nil])
        #expect(data.dailyLogs.map(\.team) == ["Nhóm 1", "Nhóm 1"])
        let roster = Dataset.TeamRoster(data)
        #expect(roster.names == ["#1": "Nhóm 1", "#2": "Nhóm 2"])
        #expect(roster.team(of: "Lê Thị Hồng Nhung") == "Nhóm 2")
        #expect(roster.team(of: "le van hau") == "Nhóm 1")
    }

    @Test func noPhantomTeamMissesItsReport() {
        let data = Self.office(reportTeams: [("N1", "Trần Minh Đức"), ("", "Lê Thị Hồng Nhung")])
        let findings = RuleRegistry.evaluate(data, asOf: Self.asOf, rules: [WeeklyReportLate()])
        #expect(findings.filter { $0.rule == "WEEKLY_REPORT_LATE" }.isEmpty, "\(findings.map(\.messageVi))")
        // A team that did not send is still found missing, under the handover plan's name.
        let missing = RuleRegistry.evaluate(Self.office(reportTeams: [("Team 1", "Trần Minh Đức")]), asOf: Self.asOf, rules: [WeeklyReportLate()])
        #expect(missing.map { $0.data["team"] } == [.text("Nhóm 2")], "\(missing.map(\.messageVi))")
    }
}
