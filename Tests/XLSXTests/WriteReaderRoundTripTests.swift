import Foundation
import Testing
@testable import XLSX

/// The feature workbook read back by our own reader (`Workbook`): every value written comes
/// back equal, and the sheet features the reader models come back as written.
@Suite struct WriteReaderRoundTripTests {
    /// Values as the reader gives them: dates by their serial and kind, rich text flattened
    /// (its runs are checked apart), formulas with their cached value.
    func same(_ read: CellValue?, _ written: CellValue) -> Bool {
        switch (read, written) {
        case let (.date(a)?, .date(b)): return a.serial == b.serial && a.kind == b.kind
        case let (.richText(a)?, .richText(b)): return a.map(\.text) == b.map(\.text)
        case let (.formula(fa, ca)?, .formula(fb, cb)): return fa == fb && same(ca, cb)
        case let (r?, w): return r == w
        default: return false
        }
    }

    @Test(arguments: [false, true])
    func everyValueReadsBack(streaming: Bool) throws {
        let dir = try makeTemporaryDirectory("roundtrip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("features.xlsx").path
        if streaming { try FeatureWorkbook.writeStreaming(to: path) } else { try FeatureWorkbook.write(to: path) }
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == (streaming ? ["Kế hoạch tuần", "Danh mục"] : ["Kế hoạch tuần", "Danh mục", "Ẩn"]))
        let plan = try workbook.sheet(named: FeatureWorkbook.planSheet)
        for (i, header) in FeatureWorkbook.header.enumerated() {
            #expect(plan[row: 1, column: i]?.value == .string(header))
        }
        for (r, row) in FeatureWorkbook.classes.enumerated() {
            for (c, value) in row.enumerated() {
                let read = plan[row: r + 2, column: c]?.value
                #expect(same(read, value), "\(CellReference(row: r + 2, column: c)!): read \(String(describing: read)), wrote \(value)")
            }
        }
        let extras = streaming ? Array(FeatureWorkbook.extras.prefix(4)) : FeatureWorkbook.extras
        for (ref, value) in extras {
            let read = plan[ref]?.value
            #expect(same(read, value), "\(ref): read \(String(describing: read)), wrote \(value)")
        }
        #expect(plan.mergedRanges == [CellRange("A1:J1")!])
        #expect(plan.freezePane?.rows == 2 && plan.freezePane?.columns == 1)
        #expect(plan.notes[CellReference("B3")!]?.text == "Lớp thí điểm")
        #expect(plan.hyperlinks[CellRange("B8")!]?.target == "https://example.gov.vn/tap-huan?tuan=48&nam=2026")
        #expect(plan.hyperlinks[CellRange("B7")!]?.location == "'Danh mục'!A1")
        #expect(plan.dataValidations.contains { $0.rule == .list(["Chưa bắt đầu", "Đang học", "Hoàn thành"]) })
        let list = try workbook.sheet(named: FeatureWorkbook.listSheet)
        for (i, unit) in FeatureWorkbook.units.enumerated() {
            #expect(list[row: i + 1, column: 0]?.value == .string(unit))
        }
        if !streaming {
            if case .richText(let runs)? = plan["A9"]?.value {
                #expect(runs.first?.font?.bold == true && runs.first?.font?.color == .red)
            } else {
                Issue.record("A9 is not rich text: \(String(describing: plan["A9"]?.value))")
            }
            #expect(plan.dataValidations.contains {
                $0.rule == .date(.between(DateTimeComponents(year: 2026, month: 1, day: 1), DateTimeComponents(year: 2026, month: 12, day: 31)))
            })
            #expect(workbook.definedNames.contains { $0.name == "DanhSachDonVi" && $0.refersTo == "'Danh mục'!$A$2:$A$6" })
        }
    }

    /// The 200k-row workload's shape written by both writers reads back cell for cell.
    @Test(arguments: [false, true])
    func aLargerSheetReadsBack(streaming: Bool) throws {
        let dir = try makeTemporaryDirectory("roundtrip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rows.xlsx").path
        var rows: [[CellValue]] = []
        var state: UInt64 = 99
        for r in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1
            rows.append([.number(Double(r)), .number(Double(state >> 11) / 9e15), .string("Hồ sơ \(r) – Trần Thị Lan"),
                         .date(ExcelDateTime(serial: Double(40_000 + r), kind: .date)), .bool(r % 3 == 0), .string("Trạm Y tế xã Cư Êbur")])
        }
        if streaming {
            let wb = try StreamingWorkbookWriter(path: path)
            let s = try wb.addSheet("Dữ liệu")
            for row in rows { try s.appendRow(row) }
            try wb.close()
        } else {
            let wb = WorkbookWriter()
            let s = try wb.addSheet("Dữ liệu")
            for row in rows { try s.appendRow(row) }
            try wb.write(to: path)
        }
        let sheet = try Workbook(path: path).sheet(at: 0)
        #expect(sheet.rows.count == rows.count)
        var mismatches = 0
        for (r, row) in rows.enumerated() {
            for (c, value) in row.enumerated() where !same(sheet[row: r, column: c]?.value, value) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
