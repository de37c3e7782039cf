import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// A course's days written as one span in one cell, as schedules write them.
@Suite struct DateRangesTests {
    @Test(arguments: [
        ("20-21/10/2026", "2026-10-20 2026-10-21"),
        ("20/10 - 21/10/2026", "2026-10-20 2026-10-21"),
        ("30/10 - 02/11/2026", "2026-10-30 2026-11-02"),
        ("28/12 - 02/01/2027", "2026-12-28 2027-01-02"),
        ("20/10/2026 - 21/10/2026", "2026-10-20 2026-10-21"),
        ("từ 20/10/2026 đến 21/10/2026", "2026-10-20 2026-10-21"),
        ("20/10/2026–21/10/2026", "2026-10-20 2026-10-21"),
        // No span, or one that ends before it begins.
        ("20/10/2026", nil), ("28-11-2026", nil), ("2026-11-28", nil), ("21-20/10/2026", nil), ("20/10 - hôm sau", nil),
    ] as [(String, String?)])
    func spans(_ text: String, _ expected: String?) {
        #expect(TextDateParser.parseRange(text).map { "\($0.0) \($0.1)" } == expected, "\(text)")
    }

    @Test func aHandoverWithOneColumnOfSpans() throws {
        let rows = [
            ["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Thời gian tập huấn", "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"],
            ["HD-01", "Khóa 1", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "20-21/10/2026", "5", "Lê Phúc", "01/10/2026"],
            ["HD-02", "Khóa 2", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "27/10/2026", "5", "Lê Phúc", "01/10/2026"],
            ["HD-03", "Khóa 3", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "30/10 - 02/11/2026", "5", "Lê Phúc", "01/10/2026"],
        ]
        let data = Dataset(sheets: [("b.xlsx", grid("Bàn giao", rows))])
        // Worked out from the cells: a span's first and last day, a single day both.
        #expect(data.courses.map { "\($0.id) \($0.startDate.map { "\($0)" } ?? "-") \($0.endDate.map { "\($0)" } ?? "-")" }
                == ["HD-01 2026-10-20 2026-10-21", "HD-02 2026-10-27 2026-10-27", "HD-03 2026-10-30 2026-11-02"])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
    }

    /// A header with both columns reads each as before; a span typed in the first reads its first day.
    @Test func bothColumnsPresent() throws {
        let rows = [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-01", "Lê Văn An", "Giảng viên", "20-21/10/2026", "21/10/2026", "Đức", "16/10/2026 16:00"],
        ]
        let data = Dataset(sheets: [("n.xlsx", grid("Nhân sự", rows))])
        let s = try #require(data.staffAssignments.first)
        #expect(s.from == LocalDate(2026, 10, 20) && s.to == LocalDate(2026, 10, 21))
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
    }

    /// A header naming neither day well (`Thời gian`) over days and spans: both read from it.
    @Test func aColumnOfSpansUnderAVagueHeader() throws {
        let rows = [
            ["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Thời gian", "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"],
            ["HD-01", "Khóa 1", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "20-21/10/2026", "5", "Lê Phúc", "01/10/2026"],
            ["HD-02", "Khóa 2", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "27/10/2026", "5", "Lê Phúc", "01/10/2026"],
        ]
        let data = Dataset(sheets: [("b.xlsx", grid("Bàn giao", rows))])
        #expect(data.courses.map { "\($0.startDate.map { "\($0)" } ?? "-") \($0.endDate.map { "\($0)" } ?? "-")" }
                == ["2026-10-20 2026-10-21", "2026-10-27 2026-10-27"])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
    }

    /// Without spans in it, a lone first-day column is not taken for the last day as well.
    @Test func noSpansNoLastDay() {
        let rows = [
            ["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Ngày bắt đầu", "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"],
            ["HD-01", "Khóa 1", "Hóa đơn điện tử", "Phòng TC", "Trực tuyến", "20/10/2026", "5", "Lê Phúc", "01/10/2026"],
        ]
        let data = Dataset(sheets: [("b.xlsx", grid("Bàn giao", rows))])
        #expect(data.findings(.missingColumn).map(\.columnKey) == ["endDate"])
    }
}
