import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// A value written once for a block of rows — a cell merged down over the block, or a course id
/// typed on the first of its units only — reads on every row of the block; a lone empty cell
/// stays a missing value.
@Suite struct BlocksWrittenOnceTests {
    static let unitHeader = ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Điện thoại"]

    @Test func aCourseIdTypedOnceOverItsUnits() throws {
        let rows = [
            Self.unitHeader,
            ["TL-01", "DV1", "Trường A", "0912345678"],
            ["", "DV2", "Trường B", "0912345679"],
            ["", "DV3", "Trường C", "0912345670"],
            ["TL-02", "DV4", "Trường D", "0912345671"],
            ["", "DV5", "Trường E", "0912345672"],
        ]
        let data = Dataset(sheets: [("u.xlsx", grid("DS đơn vị", rows))])
        // Worked out from the rows: each unit under the id above it, in the sheet's order.
        #expect(data.units.map { "\($0.courseId) \($0.id)" } == ["TL-01 DV1", "TL-01 DV2", "TL-01 DV3", "TL-02 DV4", "TL-02 DV5"])
        #expect(data.findings(.skippedRow).isEmpty)
        let said = try #require(data.findings(.filledDown).first)
        #expect(data.findings(.filledDown).count == 1)
        #expect(said.cell == "A1" && said.severity == .info && said.message.contains("3 ô trống"))
    }

    /// An empty row inside a block does not end it; a total row does.
    @Test func theValueAboveEndsAtARowThatIsNoRecord() {
        let rows = [
            Self.unitHeader,
            ["TL-01", "DV1", "Trường A", "0912345678"],
            ["", "DV2", "Trường B", "0912345679"],
            [],
            ["", "DV3", "Trường C", "0912345670"],
            ["Tổng cộng", "3 đơn vị", "", ""],
            ["", "DV4", "Trường D", "0912345671"],
        ]
        let data = Dataset(sheets: [("u.xlsx", grid("DS đơn vị", rows))])
        #expect(data.units.map { "\($0.courseId) \($0.id)" } == ["TL-01 DV1", "TL-01 DV2", "TL-01 DV3"])
        #expect(data.findings(.skippedRow).map(\.cell) == ["7:7"])
    }

    @Test func aLoneEmptyIdIsStillMissing() {
        let rows = [
            Self.unitHeader,
            ["TL-01", "DV1", "Trường A", "0912345678"],
            ["", "DV2", "Trường B", "0912345679"],
            ["TL-01", "DV3", "Trường C", "0912345670"],
        ]
        let data = Dataset(sheets: [("u.xlsx", grid("DS đơn vị", rows))])
        #expect(data.units.map(\.id) == ["DV1", "DV3"])
        #expect(data.findings(.skippedRow).map(\.cell) == ["3:3"])
        #expect(data.findings(.filledDown).isEmpty)
    }

    /// A session report with the course and the day merged over the morning and afternoon rows,
    /// and a staff plan with the time sent merged over a course's rows, read as they stream and
    /// as grids alike.
    @Test func mergedCellsReadOnEveryRowTheyCover() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-merged-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let book = WorkbookWriter()
        let sessions = try book.addSheet("Báo cáo buổi")
        try sessions.appendRow(["Mã khóa", "Ngày", "Buổi", "Giờ báo cáo", "Người báo cáo"].map(CellValue.string))
        for (r, day) in [(1, "20/10/2026"), (3, "21/10/2026")] {
            try sessions.merge(CellRange(CellReference(row: r, column: 0)!, CellReference(row: r + 1, column: 0)!), value: .string("TL-01"))
            try sessions.merge(CellRange(CellReference(row: r, column: 1)!, CellReference(row: r + 1, column: 1)!), value: .string(day))
            for (k, part) in ["Sáng", "Chiều"].enumerated() {
                try sessions.set(.string(part), at: CellReference(row: r + k, column: 2)!)
                try sessions.set(.string(k == 0 ? "07:50" : "13:20"), at: CellReference(row: r + k, column: 3)!)
                try sessions.set(.string("Lê Văn Hậu"), at: CellReference(row: r + k, column: 4)!)
            }
        }
        let staff = try book.addSheet("Nhân sự")
        try staff.appendRow(["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"].map(CellValue.string))
        let people = [("TL-01", "Phạm Oanh", "Giảng viên"), ("TL-01", "Võ Trung", "Trợ giảng"), ("TL-02", "Lê Hậu", "Giảng viên"), ("TL-02", "Đặng Ánh", "Hỗ trợ")]
        for (k, p) in people.enumerated() {
            let row = k + 1
            for (c, v) in [p.0, p.1, p.2, "20/10/2026", "21/10/2026", "Đức"].enumerated() {
                try staff.set(.string(v), at: CellReference(row: row, column: c)!)
            }
        }
        // TL-01's time sent merged over its two rows; TL-02's typed on its first row only.
        try staff.merge(CellRange(CellReference(row: 1, column: 6)!, CellReference(row: 2, column: 6)!), value: .string("16/10/2026 16:00"))
        try staff.set(.string("23/10/2026 12:30"), at: CellReference(row: 3, column: 6)!)
        try book.write(to: url.path)

        var streamed = Dataset()
        for case .data(let sheet) in try Dataset.importSheets(of: url, file: "m.xlsx") { streamed.append(sheet) }
        StreamingImportTests.expectSame(streamed, try StreamingImportTests.fromGrids(url, file: "m.xlsx"))

        // Worked out from the cells written above.
        #expect(streamed.sessionReports.map { "\($0.courseId) \($0.date) \($0.session.label)" }
                == ["TL-01 2026-10-20 Sáng", "TL-01 2026-10-20 Chiều", "TL-01 2026-10-21 Sáng", "TL-01 2026-10-21 Chiều"])
        let sent = streamed.staffAssignments.map { $0.sentToHead?.description ?? "-" }
        #expect(sent == ["2026-10-16T16:00", "2026-10-16T16:00", "2026-10-23T12:30", "-"])
        // Merged cells are what the sheet shows: nothing to say about them.
        #expect(streamed.findings(.filledDown).isEmpty)
        #expect(streamed.findings(.skippedRow).isEmpty)
    }
}
