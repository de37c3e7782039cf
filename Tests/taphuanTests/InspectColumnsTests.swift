import Foundation
import Testing
import XLSX
@testable import taphuan

/// `taphuan inspect FILE --columns` says what was understood of each header.
@Suite struct InspectColumnsTests {
    @Test func saysWhatWasUnderstood() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-columns-\(ProcessInfo.processInfo.processIdentifier).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = WorkbookWriter(options: .init(deterministic: true))
        let tracking = try w.addSheet("Theo dõi")
        try tracking.appendRow(["Mã khóa", "Báo cáo nhanh tình hình buổi đầu tiên", "Báo cáo ĐVCQ", "", "Người nhập"].map { CellValue.string($0) })
        try tracking.appendRow(["", "", "Ngày gửi", "Người nhận", ""].map { CellValue.string($0) })
        try tracking.appendRow(["TL-01", "07/12/2026 9h15", "10/12/2026", "Phòng GD", "An"].map { CellValue.string($0) })
        let staff = try w.addSheet("Nhân sự")
        try staff.appendRow(["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Gửi"].map { CellValue.string($0) })
        let notes = try w.addSheet("Ghi chép")
        try notes.appendRow([.string("Họp nhóm thứ Hai")])
        try w.write(to: path)

        let workbook = try Workbook(path: path)
        let vi = try Inspect.columnsReport(workbook, sheet: nil, english: false)
        #expect(vi.contains("Sheet \"Theo dõi\": Theo dõi khóa (tracking), điểm "))
        #expect(vi.contains("  Dòng tiêu đề: 2 (nhóm tiêu đề: dòng 1)"))
        #expect(vi.contains("    B  \"Báo cáo nhanh tình hình buổi đầu tiên\" → firstSessionReport \"Báo cáo buổi đầu\"  1.10"))
        #expect(vi.contains("    C  \"Báo cáo ĐVCQ / Ngày gửi\" → dvcqReportSent \"Ngày gửi BC ĐVCQ\"  1.00"))
        #expect(vi.contains("    D  \"Báo cáo ĐVCQ / Người nhận\""))
        #expect(vi.contains("    E  \"Người nhập\"\n"))
        #expect(vi.contains("  Cột bắt buộc chưa thấy: sentToHead \"Thời điểm gửi TP\""))
        #expect(vi.contains("    G  \"Gửi\" có thể là \"Thời điểm gửi TP\" (sentToHead), điểm 0."))
        #expect(vi.contains("Sheet \"Ghi chép\": không nhận ra loại sheet"))

        let en = try Inspect.columnsReport(workbook, sheet: nil, english: true)
        #expect(en.contains("  Header row: 2 (group headers: row 1)"))
        #expect(en.contains("  Required columns not found: sentToHead \"Thời điểm gửi TP\""))
        #expect(en.contains("    G  \"Gửi\" may be \"Thời điểm gửi TP\" (sentToHead), score 0."))
    }
}
