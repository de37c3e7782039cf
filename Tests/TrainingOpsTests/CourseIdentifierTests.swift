import Testing
import XLSX
@testable import TrainingOps

@Suite struct CourseIdentifierTests {
    @Test(arguments: [
        ("TL 2610 02", "TL-2610-02"), ("tl-2610-02", "TL-2610-02"), ("TL_2610_02", "TL-2610-02"), ("TL–2610–02", "TL-2610-02"),
        ("TL—2610—02", "TL-2610-02"), ("TL.2610.02", "TL-2610-02"), ("Tl - 2610 - 02", "TL-2610-02"), ("dtl 2611_03", "DTL-2611-03"),
        ("HCSN\u{00A0}2610\u{00A0}01", "HCSN-2610-01"), ("TL 261002", "TL-261002"),
    ])
    func idsTypedOtherwiseAreReformed(_ written: String, _ id: String) {
        #expect(CourseIdentifier.normalised(written) == id)
        guard case .corrected(let read) = CellParser.courseId(.string(written)) else {
            Issue.record("\(written) should be read as corrected")
            return
        }
        #expect(read == id)
    }

    @Test(arguments: ["TL2610", "K 1", "Tuần 45", "NHÓM 1", "Khóa Tính lương", "2610 02", "TL-26A0-02", "TL/2610/02", "", "ĐTL 2610 01"])
    func otherShapesAreNotIds(_ written: String) {
        #expect(CourseIdentifier.normalised(written) == nil)
    }

    @Test func canonicalIdsAreReadAsTheyAre() {
        guard case .value(let id) = CellParser.courseId(.string("TL-2610-02")) else {
            Issue.record("canonical id")
            return
        }
        #expect(id == "TL-2610-02")
        // Another shape keeps the old reading: upper-cased, spaces collapsed, no correction.
        guard case .value(let other) = CellParser.courseId(.string("k  1")) else {
            Issue.record("other shape")
            return
        }
        #expect(other == "K 1")
        if case .empty = CellParser.courseId(.string("  ")) {} else { Issue.record("blank") }
    }

    @Test func oneWarningAtTheCellAndTheRowsJoin() throws {
        let handover = grid("BG", [
            DatasetTests.handoverHeader,
            ["TL–2610–02", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "07/12/2026", "08/12/2026", "2", "An", "01/11/2026", "02/11/2026"],
        ])
        let units = grid("DS", [
            ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "Điện thoại"],
            ["tl 2610 02", "DV1", "Trường A", "Chị Hoa", "0905123456"],
            ["TL-2610-02", "DV2", "Trường B", "Anh Nam", "0905123457"],
        ])
        let data = Dataset(sheets: [("bg.xlsx", handover), ("ds.xlsx", units)])
        #expect(data.courses.map(\.id) == ["TL-2610-02"])
        #expect(data.units.map(\.courseId) == ["TL-2610-02", "TL-2610-02"])
        let corrected = data.findings(.correctedValue)
        #expect(corrected.map(\.place) == ["bg.xlsx › BG!A2", "ds.xlsx › DS!A2"])
        #expect(corrected.first?.message == "Đã hiểu \"TL–2610–02\" là \"TL-2610-02\" (viết lại theo dạng mã khóa).")
        #expect(corrected.allSatisfy { $0.courseId == "TL-2610-02" })
        #expect(data.findings(.unknownCourse).isEmpty)
        #expect(data.findings.count == 2, "\(data.findings.map(\.message))")
        #expect(data.course("tl 2610 02")?.id == "TL-2610-02")
        #expect(data.units(of: "TL_2610_02").count == 2)
    }
}
