import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// Builds a sheet from rows of strings ("" for an empty cell).
func grid(_ name: String, _ rows: [[String]]) -> SheetGrid {
    SheetGrid(name: name, rows: rows.map { $0.map { $0.isEmpty ? CellValue.empty : .string($0) } })
}

@Suite struct RecognitionTests {
    static let canonical = ["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Địa điểm / link",
                            "Ngày bắt đầu", "Ngày kết thúc", "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"]
    static let plain = ["Ma khoa", "Ten khoa", "San pham", "Don vi chu quan", "Hinh thuc", "Dia diem / link",
                        "Ngay bat dau", "Ngay ket thuc", "So don vi", "Nguoi ban giao", "Ngay ban giao"]
    static let english = ["Course ID", "Course name", "Product", "Supervising agency", "Mode", "Venue",
                          "Start date", "End date", "Units", "Handed over by", "Handover date"]
    static let abbreviated = ["MÃ KH", "Tên lớp", "SP", "ĐVCQ", "HT", "Link", "Ngày BĐ", "Ngày KT", "Số ĐV", "TNXT", "Ngày gửi"]
    static let nfd = canonical.map { $0.decomposedStringWithCanonicalMapping }
    static let row = ["TL-01", "Tập huấn Tính lương", "Tính lương", "Phòng GD&ĐT Hòa Vang", "Trực tiếp", "Hội trường UBND",
                      "07/12/2026", "08/12/2026", "25", "Nguyễn Văn An", "05/11/2026 9h"]

    @Test(arguments: [canonical, plain, english, abbreviated, nfd])
    func everySpellingImportsTheSame(_ headers: [String]) throws {
        let data = Dataset(sheets: [("a.xlsx", grid("Sheet1", [headers, Self.row]))])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        let course = try #require(data.courses.first)
        #expect(course.id == "TL-01")
        #expect(course.product == .payroll)
        #expect(course.mode == .inPerson)
        #expect(course.startDate == LocalDate(2026, 12, 7))
        #expect(course.endDate == LocalDate(2026, 12, 8))
        #expect(course.unitCount == 25)
        #expect(course.handoverDate == LocalMoment(LocalDate(2026, 11, 5), LocalTime(9, 0)))
        #expect(course.source.cell("handoverDate") == "K2")
    }

    /// The rows' numbers (`STT`, `TT`, `#`), in nearly every table, are no column to report.
    @Test(arguments: ["STT", "TT", "Số TT", "No.", "#"])
    func aRowNumberColumnIsNotReported(_ first: String) throws {
        let data = Dataset(sheets: [("a.xlsx", grid("Sheet1", [[first] + Self.canonical + ["Cột lạ"], ["1"] + Self.row + ["x"]]))])
        #expect(data.courses.map(\.id) == ["TL-01"])
        #expect(data.findings(.unknownColumn).map(\.header) == ["Cột lạ"])
    }

    @Test func headerBelowTitlesAndBanners() throws {
        let rows: [[String]] = [
            ["CÔNG TY CỔ PHẦN MISA – VĂN PHÒNG ĐÀ NẴNG"],
            ["BẢNG BÀN GIAO KẾ HOẠCH TRIỂN KHAI THÁNG 12/2026"],
            [],
            ["", "Thông tin khóa", "", "", "Thời gian"],
            [""] + Self.canonical + ["Ghi chú của TNXT"],
            [""] + Self.row + ["gọi trước"],
        ]
        let data = Dataset(sheets: [("b.xlsx", grid("Kế hoạch T12", rows))])
        let sheet = try #require(data.sheets.first)
        #expect(sheet.header.kind == .handover)
        #expect(sheet.header.headerRow == 4)
        #expect(data.courses.count == 1)
        #expect(data.courses.first?.source.cell("courseId") == "B6")
        let unknown = data.findings(.unknownColumn)
        #expect(unknown.count == 1)
        #expect(unknown.first?.header == "Ghi chú của TNXT")
        #expect(unknown.first?.cell == "M5")
        // The unknown column's values are kept with the row.
        #expect(data.courses.first?.source.extras == ["Ghi chú của TNXT": "gọi trước"])
    }

    @Test func kindsAreTold() {
        let cases: [([String], SheetType)] = [
            (["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "SĐT"], .units),
            (["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"], .staffPlan),
            (["Mã khóa", "Ngày duyệt KH", "Hợp đồng", "Thanh lý", "Thu nợ", "Ngày cập nhật CRM"], .tracking),
            (["Mã khóa", "Ngày kiểm tra", "Wifi mạnh", "Máy lạnh"], .preCheck),
            (["Mã khóa", "Ngày", "Buổi", "Số ĐV vắng", "Tỷ lệ nhập liệu"], .sessionReport),
            (["STT", "Ngày ghi nhận", "Nội dung", "Ảnh hưởng", "Trạng thái"], .opinions),
            (["Ngày", "Nhân viên", "Hỗ trợ KH từ bộ phận", "Số KH tồn"], .dailyLog),
            (["Tuần", "Cấp", "Người gửi", "Thời điểm gửi"], .reportLog),
        ]
        for (headers, kind) in cases {
            #expect(HeaderRecognizer.recognise([headers.map { CellValue.string($0) }])?.kind == kind, "\(headers)")
        }
        #expect(HeaderRecognizer.recognise([[.string("Họ và tên"), .string("Lớp"), .string("Điểm")]]) == nil)
    }
}

@Suite struct DatasetTests {
    static let handoverHeader = RecognitionTests.canonical + ["Ngày chốt lịch"]

    @Test func invalidValuesBecomeFindingsWithTheirCell() throws {
        let rows = [
            Self.handoverHeader,
            ["TL-01", "Lớp 1", "Tính lươg", "Phòng GD", "Trực tiếp", "", "07/12/2026", "32/12/2026", "hai mươi", "An", "", ""],
        ]
        let data = Dataset(sheets: [("c.xlsx", grid("BG", rows))])
        let course = try #require(data.courses.first)
        #expect(course.product == .payroll)
        #expect(course.endDate == nil)
        #expect(course.unitCount == nil)
        #expect(course.handoverDate == nil)
        let invalid = data.findings(.invalidValue)
        #expect(invalid.map(\.cell) == ["H2", "I2"])
        #expect(invalid.map(\.raw) == ["32/12/2026", "hai mươi"])
        #expect(invalid.allSatisfy { $0.file == "c.xlsx" && $0.sheet == "BG" && $0.courseId == "TL-01" })
        #expect(data.findings(.correctedValue).map(\.cell) == ["C2"])
        // The empty handover date is the HANDOVER_MISSING_DATE rule's business, not an import finding.
        #expect(data.findings(.missingValue).isEmpty)
    }

    @Test func missingRequiredCellsAndColumns() {
        let units = grid("DS", [
            ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ"],
            ["TL-01", "DV1", "", "Chị Hoa"],
            ["", "DV2", "Trường B", "Anh Nam"],
        ])
        let data = Dataset(sheets: [("d.xlsx", units)])
        #expect(data.findings(.missingColumn).map(\.header) == ["Điện thoại"])
        #expect(data.findings(.missingValue).map(\.cell) == ["C2", "A3"])
        #expect(data.findings(.skippedRow).map(\.cell) == ["3:3"])
        #expect(data.units.map(\.id) == ["DV1"])
    }

    @Test func crossSheetChecks() {
        let handover = grid("BG", [
            Self.handoverHeader,
            ["TL-01", "Lớp 1", "Tính lương", "Phòng GD", "Trực tiếp", "", "07/12/2026", "08/12/2026", "2", "An", "01/11/2026", ""],
            ["tl-01 ", "Lớp 1 bis", "Tính lương", "Phòng GD", "Trực tiếp", "", "07/12/2026", "08/12/2026", "2", "An", "01/11/2026", ""],
            ["KT-02", "Lớp 2", "Mimosa", "Phòng TC", "Trực tuyến", "", "09/12/2026", "09/12/2026", "1", "Bình", "20/11/2026", ""],
        ])
        let units = grid("DS", [
            ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "Điện thoại"],
            ["TL-01", "DV1", "Trường A", "Chị Hoa", "0905 111 222"],
            ["TL-01", "DV1", "Trường A", "Chị Hoa", "0905.111.222"],
            ["TL-01", "DV2", "Trường B", "Anh Nam", "0905 333 444"],
            ["TL-01", "DV2", "Trường B", "Anh Nam", "0905 333 445"],
            ["XX-99", "DV9", "Trường Z", "Cô Mai", "0905 999 999"],
        ])
        let data = Dataset(sheets: [("bg.xlsx", handover), ("ds.xlsx", units)])
        #expect(data.courses.map(\.id) == ["TL-01", "KT-02"])
        #expect(data.courses.first?.name == "Lớp 1")
        #expect(data.findings(.duplicateCourse).map(\.cell) == ["3:3"])
        #expect(data.findings(.duplicateRow).map(\.cell) == ["3:3"])   // same unit, same phone once normalised
        #expect(data.findings(.conflictingRow).map(\.cell) == ["5:5"])
        #expect(data.findings(.unknownCourse).map(\.cell) == ["A6"])
        #expect(data.units(of: "tl-01").map(\.id) == ["DV1", "DV2"])
        #expect(data.units.first?.phone == "0905111222")
    }

    @Test func preCheckAnswersAndOpenItems() throws {
        let header = ["Mã khóa", "Ngày kiểm tra"] + PreCheckItem.checklist(for: .online).map(\.column.header)
        var values = ["ON-1", "06/12/2026 16h"]
        for item in PreCheckItem.checklist(for: .online) {
            switch item {
            case .documentsCount: values.append("20")
            case .zoomInstalledCount: values.append("0")
            case .partnerSupervising: values.append("")
            case .partnerWillSpeak: values.append("Không")
            default: values.append("x")
            }
        }
        let data = Dataset(sheets: [("e.xlsx", grid("CB", [header, values]))])
        let check = try #require(data.preChecks.first)
        #expect(check.checkedAt == LocalMoment(LocalDate(2026, 12, 6), LocalTime(16, 0)))
        #expect(check.answers[.partnerWillSpeak] == .yesNo(false))
        // No unit with Zoom yet is an answer (a count), the partner's supervision left empty is not.
        #expect(check.answers[.zoomInstalledCount] == .count(0))
        #expect(check.openItems(for: .online) == [.partnerSupervising])
        #expect(data.findings.isEmpty)
    }
}
