import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// A staff plan written a row per course, with a column of names per role, reads as the plan
/// written a row per person; and several names in one cell are several people.
@Suite struct SpreadColumnsTests {
    static let header = ["Mã khóa", "GV chính", "Trợ giảng (TG)", "Người hỗ trợ", "Số hỗ trợ", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"]

    /// What the plan holds, one line a person: course, name, role, the cell naming them.
    static func people(_ data: Dataset) -> [String] {
        data.staffAssignments.map { "\($0.courseId) \($0.staff) \($0.role?.label ?? "-") \($0.source.cell("staff") ?? "?")" }
    }

    @Test func aColumnPerRole() throws {
        let rows = [
            Self.header,
            ["TL-01", "Lê Văn An", "Trần Bình, Phạm Cúc", "", "0", "20/10/2026", "21/10/2026", "Đức", "16/10/2026 16:00"],
            ["TL-02", "", "", "Võ Dũng\nĐặng Én", "2", "27/10/2026", "27/10/2026", "", "23/10/2026 12:30"],
            ["TL-03", "", "", "", "", "03/11/2026", "03/11/2026", "Đức", "30/10/2026 11:00"],
        ]
        let data = Dataset(sheets: [("n.xlsx", grid("Nhân sự", rows))])
        let sheet = try #require(data.sheets.first)
        #expect(sheet.header.kind == .staffPlan)
        // Worked out from the rows above: a person per name, the role of their column.
        #expect(Self.people(data) == ["TL-01 Lê Văn An Giảng viên B2", "TL-01 Trần Bình Trợ giảng C2", "TL-01 Phạm Cúc Trợ giảng C2",
                                      "TL-02 Võ Dũng Hỗ trợ D3", "TL-02 Đặng Én Hỗ trợ D3"])
        let first = try #require(data.staffAssignments.first)
        #expect(first.from == LocalDate(2026, 10, 20) && first.to == LocalDate(2026, 10, 21))
        #expect(first.sentToHead == LocalMoment(LocalDate(2026, 10, 16), LocalTime(16, 0)))
        // The pair's columns are not missing; the count column (numbers under a role's name) is not a role.
        #expect(data.findings(.missingColumn).isEmpty)
        #expect(data.findings(.unknownColumn).map(\.header) == ["Số hỗ trợ"])
        // The empty planner of TL-02 is said once, not once per name column; TL-03 names nobody
        // (said as a row per person with no name says it).
        #expect(data.findings(.missingValue).map(\.cell) == ["H3", "B4"])
        #expect(data.findings(.skippedRow).map(\.cell) == ["4:4"])
    }

    @Test func thePairPresentIsNeverSpread() throws {
        let rows = [
            ["Mã khóa", "Nhân viên", "Vai trò", "Giảng viên", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-01", "Lê Văn An", "Trợ giảng", "Ghi chú", "20/10/2026", "21/10/2026", "Đức", "16/10/2026 16:00"],
        ]
        let data = Dataset(sheets: [("n.xlsx", grid("Nhân sự", rows))])
        #expect(Self.people(data) == ["TL-01 Lê Văn An Trợ giảng B2"])
        #expect(data.findings(.unknownColumn).map(\.header) == ["Giảng viên"])
    }

    @Test func severalNamesInTheNamesColumn() throws {
        let rows = [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-01", "Võ Thành Trung; Đặng Ngọc Ánh", "Trợ giảng", "20/10/2026", "21/10/2026", "Đức", "16/10/2026 16:00"],
            ["TL-01", "Phạm Thị Kiều Oanh", "Giảng viên", "20/10/2026", "21/10/2026", "Đức", "16/10/2026 16:00"],
        ]
        let data = Dataset(sheets: [("n.xlsx", grid("Nhân sự", rows))])
        #expect(Self.people(data) == ["TL-01 Võ Thành Trung Trợ giảng B2", "TL-01 Đặng Ngọc Ánh Trợ giảng B2",
                                      "TL-01 Phạm Thị Kiều Oanh Giảng viên B3"])
    }

    @Test(arguments: [
        ("Lê Văn Hậu", ["Lê Văn Hậu"]),
        ("Lê Văn Hậu, Dương Thị Mỹ Duyên", ["Lê Văn Hậu", "Dương Thị Mỹ Duyên"]),
        ("Lê Văn Hậu và Dương Thị Mỹ Duyên", ["Lê Văn Hậu", "Dương Thị Mỹ Duyên"]),
        ("Lê Văn Hậu\nDương Thị Mỹ Duyên / Võ Thành Trung", ["Lê Văn Hậu", "Dương Thị Mỹ Duyên", "Võ Thành Trung"]),
        ("Vũ Văn Vàng + Hà Thị Vân", ["Vũ Văn Vàng", "Hà Thị Vân"]),
    ])
    func namesInOneCell(_ text: String, _ names: [String]) {
        #expect(StaffNames.split(text) == names)
    }

    @Test(arguments: [
        ("Giảng viên", "Giảng viên"), ("GV chính", "Giảng viên"), ("Trợ giảng viên", "Trợ giảng"), ("TG", "Trợ giảng"),
        ("Người hỗ trợ", "Hỗ trợ"), ("HTKT", "Hỗ trợ"), ("Support", "Hỗ trợ"), ("Ghi chú", nil), ("Trợ giảng / Hỗ trợ", nil),
    ] as [(String, String?)])
    func headersNamingARole(_ header: String, _ role: String?) {
        #expect(ChoiceList.role.valueNamed(byHeader: header) == role)
    }
}
