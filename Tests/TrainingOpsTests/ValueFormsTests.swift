import Testing
import XLSX
@testable import TrainingOps

/// Values as office staff write them: yes/no in words, checklist evidence, dates in words or
/// without their year, times in the Vietnamese ways.
@Suite struct ValueFormsTests {
    static func isInvalid<T>(_ p: Parsed<T>) -> Bool { if case .invalid = p { return true } else { return false } }

    @Test(arguments: [
        ("Đã gọi", true), ("đã gọi xin lỗi", true), ("Rồi", true), ("Xong", true), ("XONG", true), ("Đạt", true), ("x", true), ("X", true),
        ("✓", true), ("✔", true), ("OK", true), ("Có mặt", true), ("Đủ", true), ("Hoàn thành", true), ("Đã cài", true),
        ("Vắng", false), ("vắng mặt", false), ("Chưa", false), ("Không có", false), ("Chưa gọi", false), ("Không mang máy tính", false),
        ("Không đạt", false), ("Nghỉ", false), ("ko", false),
    ])
    func yesNoInWords(_ text: String, _ expected: Bool) {
        #expect(CellParser.yesNo(.string(text)).value == expected, "\(text)")
        // The same after folding, written without diacritics or in another normal form.
        #expect(CellParser.yesNo(.string(text.decomposedStringWithCanonicalMapping)).value == expected, "\(text) NFD")
    }

    @Test(arguments: ["Đã hủy", "đã báo vắng", "Đã từ chối", "hôm qua", "Chị Hoa", "15 đơn vị", "Có thể", "có lẽ mai"])
    func notYesNoOutsideAChecklist(_ text: String) {
        #expect(Self.isInvalid(CellParser.yesNo(.string(text))), "\(text)")
    }

    static func sense(_ sheet: SheetType, _ key: String) throws -> YesNoSense {
        YesNoSense(try #require(sheet.schema.column(key)))
    }

    @Test func theColumnsOwnWordsAnswerIt() throws {
        let present = try Self.sense(.units, "present")
        #expect(CellParser.yesNo(.string("Báo vắng"), sense: present).value == false)
        #expect(Self.isInvalid(CellParser.yesNo(.string("Báo vắng"))))
        let laptop = try Self.sense(.units, "bringsLaptop")
        #expect(CellParser.yesNo(.string("Mang laptop"), sense: laptop).value == true)
        #expect(CellParser.yesNo(.string("Mang máy tính"), sense: laptop).value == true)
        #expect(Self.isInvalid(CellParser.yesNo(.string("Mang laptop"), sense: present)))
        let zoom = try Self.sense(.units, "zoomInstalled")
        #expect(CellParser.yesNo(.string("Cài Zoom"), sense: zoom).value == true)
    }

    @Test(arguments: [
        (CellValue.string("Chị Hoa"), true), (.string("Nguyễn Văn An"), true), (.string("thầy Lê Văn Tám"), true),
        (.string("https://survey.misa.vn/s/TL-2610-02"), true), (.string("zoom.us/j/81234567890"), true), (.string("bit.ly/ks-tl"), true),
        (.number(15), true), (.string("15 đơn vị"), true), (.string("0 đơn vị"), false), (.number(0), false),
        (.string("Có"), true), (.string("Đã chụp gửi nhóm"), true), (.string("Chưa"), false),
    ])
    func checklistEvidenceCountsAsDone(_ cell: CellValue, _ expected: Bool) {
        #expect(CellParser.checklist(cell).value == expected, "\(cell)")
    }

    @Test(arguments: ["Wifi yếu", "nguyễn văn an", "???", "15/20 đơn vị"])
    func notEvidence(_ text: String) {
        #expect(Self.isInvalid(CellParser.checklist(.string(text))), "\(text)")
    }

    @Test(arguments: [("23 đơn vị", 23), ("2 ĐV", 2), ("15đv", 15), ("0 đơn vị", 0), ("1.200", 1200)])
    func countsWithWhatTheyCount(_ text: String, _ expected: Int) {
        #expect(CellParser.count(.string(text)).value == expected, "\(text)")
    }

    @Test(arguments: ["hai mươi", "12/20", "2 (DV03, DV05)", "khoảng 20", "-3"])
    func notCounts(_ text: String) {
        #expect(Self.isInvalid(CellParser.count(.string(text))), "\(text)")
    }

    static let reference = LocalDate(2026, 11, 20)

    @Test(arguments: [
        ("ngày 05 tháng 10 năm 2026", "2026-10-05"), ("Ngày 5 tháng 10 năm 2026", "2026-10-05"), ("5 tháng 10 năm 26", "2026-10-05"),
        ("ngày 05 tháng 10 năm 2026 lúc 9h15", "2026-10-05T09:15"), ("5/10", "2026-10-05"), ("ngày 5 tháng 10", "2026-10-05"),
        ("5/10 14h", "2026-10-05T14:00"), ("05-10", "2026-10-05"), ("5/10/26", "2026-10-05"), ("05-10-2026", "2026-10-05"),
        ("05/10/2026 9h15", "2026-10-05T09:15"), ("05/10/2026 9h", "2026-10-05T09:00"), ("05/10/2026 9 giờ 15", "2026-10-05T09:15"),
        ("05/10/2026 9g15", "2026-10-05T09:15"), ("05/10/2026 09:15 sáng", "2026-10-05T09:15"), ("05/10/2026 2 giờ chiều", "2026-10-05T14:00"),
        ("05/10/2026 12 giờ trưa", "2026-10-05T12:00"), ("05/10/2026 1 giờ trưa", "2026-10-05T13:00"),
        // Not dates.
        ("ngày 31 tháng 11 năm 2026", nil), ("31/11", nil), ("5/10/2026/1", nil), ("tháng 10 năm 2026", nil), ("5/10 hoặc 6/10", nil),
    ])
    func datesAsWritten(_ text: String, _ expected: String?) {
        #expect(TextDateParser.parse(text, reference: Self.reference)?.description == expected, "\(text)")
    }

    @Test func aYearlessDateIsReadNearestItsReference() {
        #expect(TextDateParser.parse("03/01", reference: LocalDate(2026, 12, 28))?.description == "2027-01-03")
        #expect(TextDateParser.parse("28/12", reference: LocalDate(2027, 1, 4))?.description == "2026-12-28")
        #expect(TextDateParser.parse("29/02", reference: LocalDate(2027, 11, 1))?.description == "2028-02-29")
        // Without a reference, a day and month are not a complete date.
        #expect(TextDateParser.parse("5/10") == nil)
        #expect(Self.isInvalid(CellParser.moment(.string("5/10"))))
    }

    @Test func aSheetLendsItsYearToDatesWithoutOne() throws {
        let staff = grid("NS", [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            ["TL-2612-01", "Lê Văn Hậu", "Giảng viên", "28/12/2026", "29/12", "Lê Thị Nhung", "ngày 19 tháng 12 năm 2026 lúc 8h30"],
            ["TL-2612-01", "Dương Thị Mỹ Duyên", "Trợ giảng", "31/12", "2/1", "Lê Thị Nhung", "19/12 8 giờ 30"],
        ])
        let data = Dataset(sheets: [("ns.xlsx", staff)])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        #expect(data.staffAssignments.map { $0.to?.description } == ["2026-12-29", "2027-01-02"])
        #expect(data.staffAssignments.map { $0.from?.description } == ["2026-12-28", "2026-12-31"])
        #expect(data.staffAssignments.map { $0.sentToHead?.description } == ["2026-12-19T08:30", "2026-12-19T08:30"])
    }

    @Test func aReportTimeAloneIsOnItsSessionsDay() {
        let rows: [[CellValue]] = [
            ["Mã khóa", "Ngày", "Buổi", "Giờ báo cáo", "Số ĐV vắng"].map { .string($0) },
            [.string("TL-2611-01"), .string("20/11/2026"), .string("Sáng"), .string("7h50"), .number(0)],
            [.string("TL-2611-01"), .string("20/11/2026"), .string("Chiều"), .date(ExcelDateTime(serial: 0.5625, kind: .time)), .number(1)],
            [.string("TL-2611-01"), .string("21/11/2026"), .string("Sáng"), .string("21/11/2026 8 giờ 5"), .number(0)],
            [.string("TL-2611-01"), .string("21/11/2026"), .string("Chiều"), .string("1 giờ 30 chiều"), .number(0)],
        ]
        let data = Dataset(sheets: [("bc.xlsx", SheetGrid(name: "BC", rows: rows))])
        #expect(data.sessionReports.map { $0.reportedAt?.description } == ["2026-11-20T07:50", "2026-11-20T13:30", nil, "2026-11-21T13:30"])
        // "8 giờ 5" is no time (minutes are written with two digits): reported once, at its cell.
        #expect(data.findings.map(\.kind) == [.invalidValue])
        #expect(data.findings.map(\.cell) == ["D4"])
    }

    static let preCheckHeader = ["Mã khóa", "Ngày kiểm tra", "Số ĐV xác nhận", "Đã chuẩn bị user", "Đã kiểm tra đăng nhập",
                                 "Đã kiểm tra mẫu biểu", "Đã gặp ĐVCQ", "Tên đối tác", "ĐVCQ đồng ý phát biểu", "Người giám sát lớp",
                                 "Đã có link khảo sát", "Số ĐV đã cài Zoom", "Số ĐV có chứng từ", "Đối tác đã vào Zoom", "Đối tác giám sát lớp"]

    static func course(_ mode: String) -> SheetGrid {
        grid("BG", [DatasetTests.handoverHeader,
                    ["HD-2611-05", "Lớp 1", "Hóa đơn điện tử", "Phòng TC-KH", mode, "", "16/11/2026", "17/11/2026", "2", "An", "01/11/2026", "02/11/2026"]])
    }

    @Test func aChecklistAnsweredWithItsEvidenceIsComplete() {
        let check = grid("CB", [Self.preCheckHeader,
            ["HD-2611-05", "14/11/2026 16h", "18 đơn vị", "Xong", "Rồi", "OK", "Đã gặp", "Ông Trần Văn Bình", "Đồng ý phát biểu", "Bà Lê Thị Hà",
             "https://survey.misa.vn/s/hd-2611-05", "17", "15 ĐV", "Anh Bình", "✔"]])
        let data = Dataset(sheets: [("bg.xlsx", Self.course("Trực tuyến")), ("cb.xlsx", check)])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        let findings = RuleRegistry.evaluate(data, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)), rules: [PreCheckIncomplete()])
        #expect(findings.isEmpty, "\(findings.map(\.messageVi))")
    }

    @Test func anUnreadableItemIsReportedOnceAndTheOthersStillCount() {
        let check = grid("CB", [Self.preCheckHeader,
            ["HD-2611-05", "14/11/2026 16h", "18", "Wifi yếu", "Rồi", "", "Đã gặp", "Ông Bình", "Có", "Bà Hà", "Có", "17", "15", "Có", "Có"]])
        let data = Dataset(sheets: [("bg.xlsx", Self.course("Trực tuyến")), ("cb.xlsx", check)])
        let findings = RuleRegistry.evaluate(data, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)), rules: [PreCheckIncomplete()])
        #expect(findings.map(\.rule) == ["IMPORT_INVALID_VALUE", "PRECHECK_INCOMPLETE"], "\(findings.map(\.messageVi))")
        #expect(findings.map(\.cell) == ["D2", "F2"])
        #expect(findings.last?.data["items"] == .text("formsChecked"))
    }
}

/// Products as an open list: the family named by the words, a warning for an unknown one.
@Suite struct ProductFamilyTests {
    @Test(arguments: [
        ("Phần mềm Tính lương MISA", Product.payroll), ("PM tính lương", .payroll), ("Dự toán lương", .salaryBudget),
        ("Phần mềm lập dự toán lương 2027", .salaryBudget), ("MISA Bamboo.VN", .communeAccounting), ("MISA Mimosa.NET 2026", .publicAccounting),
        ("Hóa đơn điện tử meInvoice", .eInvoice), ("Phần mềm quản lý tài sản công", .assetManagement), ("Tính lương", .payroll),
        ("DT lương", .salaryBudget),
    ])
    func productTextsMapByFamily(_ text: String, _ expected: Product) {
        #expect(CellParser.product(.string(text)).value == expected, "\(text)")
    }

    @Test(arguments: ["Phần mềm quản lý văn bản", "Lương hưu", "Kế toán trường học mầm non", "Bảo hiểm xã hội"])
    func otherProductsBelongToNoFamily(_ text: String) {
        if case .invalid = CellParser.product(.string(text)) {} else { Issue.record("\(text) should be of no family") }
    }

    @Test func aSlipIsStillCorrected() {
        guard case .corrected(.payroll) = CellParser.product(.string("Tính lươg")) else {
            Issue.record("expected a correction")
            return
        }
    }

    @Test func anUnknownProductIsAWarningWithTheDefaultLeadTime() throws {
        let rows = [DatasetTests.handoverHeader,
                    ["VB-2611-01", "Lớp 1", "Phần mềm quản lý văn bản", "Phòng GD", "Trực tiếp", "", "20/11/2026", "20/11/2026", "2", "An", "05/11/2026", "06/11/2026"],
                    ["TL-2611-09", "Lớp 2", "Phần mềm Tính lương MISA", "Phòng GD", "Trực tiếp", "", "20/11/2026", "20/11/2026", "2", "An", "05/11/2026", "06/11/2026"]]
        let data = Dataset(sheets: [("bg.xlsx", grid("BG", rows))])
        #expect(data.courses.count == 2)
        let unknown = data.findings(.unknownValue)
        #expect(unknown.map(\.cell) == ["C2"])
        #expect(unknown.first?.severity == .warning)
        #expect(data.findings.count == 1, "\(data.findings.map(\.message))")
        #expect(data.courses[0].product == nil && data.courses[0].productText == "Phần mềm quản lý văn bản")
        #expect(data.courses[1].product == .payroll)
        // Handed over 15 days ahead: enough for the default 10 days, not for payroll's 30.
        let late = RuleRegistry.evaluate(data, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)), rules: [HandoverLate()])
            .filter { $0.rule == "HANDOVER_LATE" }
        #expect(late.map(\.course) == ["TL-2611-09"])
        #expect(late.first?.data["requiredDays"] == .int(30))
    }
}
