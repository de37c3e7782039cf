import Testing
import XLSX
@testable import TrainingOps

@Suite struct CellParserTests {
    static let dateCases: [(String, String?)] = [
        ("28/11/2026", "2026-11-28"),
        ("5/1/26", "2026-01-05"),
        ("05/01/2026", "2026-01-05"),
        ("28-11-2026", "2026-11-28"),
        ("28.11.2026", "2026-11-28"),
        ("2026-11-28", "2026-11-28"),
        ("  28/11/2026 ", "2026-11-28"),
        ("28/11/2026 9h", "2026-11-28T09:00"),
        ("28/11/2026 9h30", "2026-11-28T09:30"),
        ("28/11/2026 09:00", "2026-11-28T09:00"),
        ("28/11/2026 9:00 SA", "2026-11-28T09:00"),
        ("28/11/2026 2:30 CH", "2026-11-28T14:30"),
        ("28/11/2026 12:00 SA", "2026-11-28T00:00"),
        ("28/11/2026 12:15 CH", "2026-11-28T12:15"),
        ("9h 28/11/2026", "2026-11-28T09:00"),
        ("8h45, 27/11/2026", "2026-11-27T08:45"),
        ("2026-11-28T09:00", "2026-11-28T09:00"),
        ("2026-11-28 09:00:00", "2026-11-28T09:00"),
        ("28/11/2026 lúc 16g", "2026-11-28T16:00"),
        ("29/02/2028", "2028-02-29"),
        // The weekday written with it, as offices write schedules; brackets; a part of the day alone.
        ("T3, 20/10/2026", "2026-10-20"),
        ("Thứ 3 (20/10/2026)", "2026-10-20"),
        ("thứ Ba 20/10/2026 8h30", "2026-10-20T08:30"),
        ("CN 25/10/2026", "2026-10-25"),
        ("Chủ nhật, 25/10/2026", "2026-10-25"),
        ("20 tháng 10, 2026", "2026-10-20"),
        ("20/10/2026 (sáng)", "2026-10-20"),
        ("2026-10-20T07:30", "2026-10-20T07:30"),
        // Day first, never month first.
        ("12/01/2026", "2026-01-12"),
        ("13/01/2026", "2026-01-13"),
        // Not dates.
        ("01/13/2026", nil),
        ("29/02/2027", nil),
        ("31/04/2026", nil),
        ("28/11", nil),
        ("28/11/2026 25h", nil),
        ("28/11/2026 9:75", nil),
        ("28/11/2026 13:00 CH", nil),
        ("28/11-2026", nil),
        ("hôm qua", nil),
        ("28/11/2026 hoặc 29/11/2026", nil),
        ("28/11/2026 9", nil),
        // A weekday that is not the date's: which was meant cannot be told.
        ("T4, 20/10/2026", nil),
        ("Thứ 2 (20/10/2026)", nil),
    ]

    @Test(arguments: dateCases)
    func textDates(_ text: String, _ expected: String?) {
        #expect(TextDateParser.parse(text)?.description == expected)
        let parsed = CellParser.moment(.string(text))
        if expected == nil {
            if case .invalid = parsed {} else { Issue.record("\(text) should be invalid") }
        } else {
            #expect(parsed.value?.description == expected)
        }
    }

    @Test func excelDates() {
        // 46354 = 2026-11-28 in the 1900 system (checked with openpyxl.utils.datetime.from_excel).
        #expect(CellParser.moment(.number(46354)).value?.description == "2026-11-28")
        #expect(CellParser.moment(.number(46354.375)).value?.description == "2026-11-28T09:00")
        #expect(CellParser.moment(.number(44892), system: .date1904).value?.description == "2026-11-28")
        let d = ExcelDateTime(serial: 46354, kind: .date)
        #expect(CellParser.date(.date(d)).value == LocalDate(2026, 11, 28))
        let dt = ExcelDateTime(serial: 46354.5, kind: .dateTime)
        #expect(CellParser.moment(.date(dt)).value?.description == "2026-11-28T12:00")
        let time = ExcelDateTime(serial: 0.375, kind: .time)
        if case .invalid = CellParser.moment(.date(time)) {} else { Issue.record("a time alone is not a date") }
        if case .invalid = CellParser.moment(.number(-3)) {} else { Issue.record("negative serial") }
        if case .invalid = CellParser.moment(.bool(true)) {} else { Issue.record("bool") }
        if case .empty = CellParser.moment(.string("   ")) {} else { Issue.record("blank") }
        if case .empty = CellParser.moment(.empty) {} else { Issue.record("empty") }
    }

    @Test(arguments: [
        (CellValue.string("Có"), true), (.string("co"), true), (.string("C"), true), (.string("x"), true),
        (.string("X"), true), (.string("✓"), true), (.string("TRUE"), true), (.string("Yes"), true), (.bool(true), true),
        (.number(1), true), (.string("Rồi"), true), (.string("Đã"), true),
        (.string("Không"), false), (.string("khong"), false), (.string("K"), false), (.string("FALSE"), false),
        (.string("No"), false), (.bool(false), false), (.number(0), false), (.string("Chưa"), false),
        (.string("Không\u{0300}"), false),
    ])
    func yesNo(_ cell: CellValue, _ expected: Bool) {
        #expect(CellParser.yesNo(cell).value == expected)
    }

    /// The usual spellings are answered as written, without folding, and as folding answers them.
    @Test func usualAnswersAreLookedUpAsWritten() {
        #expect(CellParser.commonAnswers["Có"] == true && CellParser.commonAnswers["CÓ"] == true)
        #expect(CellParser.commonAnswers["Không"] == false && CellParser.commonAnswers["chưa có"] == false)
        #expect(CellParser.commonAnswers["Đã có"] == true && CellParser.commonAnswers["ko"] == false)
        #expect(CellParser.commonAnswers["Sai"] == false && CellParser.commonAnswers["có lẽ"] == nil)
        for (text, answer) in CellParser.commonAnswers { #expect(CellParser.foldedAnswer(text) == answer, "\(text)") }
    }

    @Test(arguments: [CellValue.string("có lẽ"), .string("2"), .number(2), .string("?")])
    func yesNoInvalid(_ cell: CellValue) {
        if case .invalid = CellParser.yesNo(cell) {} else { Issue.record("\(cell) should be invalid") }
    }

    @Test(arguments: [
        ("0912345678", "0912345678"), ("0912 345 678", "0912345678"), ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"), ("+84912345678", "0912345678"), ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"), ("(024) 3765 4321", "02437654321"), ("0236-3812-345", "02363812345"),
        ("0912345678 / 0987654321", "0912345678"), ("912345678", "0912345678"),
        // A note in brackets, two numbers joined as people join them: the first.
        ("0905 123 456 (anh Nam)", "0905123456"), ("0905123456 - 0236 3812345", "0905123456"),
        ("0905123456 và 0987654321", "0905123456"),
    ])
    func phones(_ text: String, _ expected: String) {
        #expect(CellParser.phone(.string(text)).value == expected)
    }

    @Test func phoneNumbersFromNumberCells() {
        #expect(CellParser.phone(.number(912_345_678)).value == "0912345678")
        #expect(CellParser.phone(.number(2_437_654_321)).value == "02437654321")
    }

    @Test(arguments: ["091234567", "09123456789", "0112345678", "+1 212 555 0100", "0912abc678", "0912345678 / 12", "0905 (anh Nam) 123"])
    func badPhones(_ text: String) {
        if case .invalid = CellParser.phone(.string(text)) {} else { Issue.record("\(text) should be invalid") }
    }

    @Test(arguments: [
        (CellValue.number(80), 0.8), (.number(0.8), 0.8), (.string("80%"), 0.8), (.string("80 %"), 0.8),
        (.string("80"), 0.8), (.string("0,8"), 0.8), (.string("0.8"), 0.8), (.number(100), 1.0), (.number(1), 1.0),
        (.string("12,5%"), 0.125), (.number(0), 0.0),
    ])
    func percentages(_ cell: CellValue, _ expected: Double) {
        let v = CellParser.percent(cell).value
        #expect(v != nil && abs((v ?? -1) - expected) < 1e-9, "\(cell) → \(String(describing: v))")
    }

    @Test(arguments: [CellValue.number(120), .string("abc"), .string("-5%"), .number(-0.1)])
    func badPercentages(_ cell: CellValue) {
        if case .invalid = CellParser.percent(cell) {} else { Issue.record("\(cell) should be invalid") }
    }

    @Test func counts() {
        #expect(CellParser.count(.number(12)).value == 12)
        #expect(CellParser.count(.string(" 12 ")).value == 12)
        #expect(CellParser.count(.string("1.200")).value == 1200)
        if case .invalid = CellParser.count(.number(2.5)) {} else { Issue.record("2.5") }
        if case .invalid = CellParser.count(.string("mười")) {} else { Issue.record("words") }
        // Thousands grouped, a decimal part of zeros, a note in brackets.
        #expect(CellParser.count(.string("1,250")).value == 1250)
        #expect(CellParser.count(.string("1 250")).value == 1250)
        #expect(CellParser.count(.string("25,0")).value == 25, "a decimal comma, not a thousands mark")
        #expect(CellParser.count(.string("25.00")).value == 25)
        #expect(CellParser.count(.string("25 (dự kiến)")).value == 25)
        #expect(CellParser.count(.string("25 đơn vị")).value == 25)
        for text in ["1,25", "25,5", "khoảng 25", "12.34.567"] {
            if case .invalid = CellParser.count(.string(text)) {} else { Issue.record("\(text) should be invalid") }
        }
    }

    @Test func scores() {
        #expect(CellParser.score(.number(4)).value == 4)
        #expect(CellParser.score(.string("4,5")).value == 4.5)
        if case .invalid = CellParser.score(.number(6)) {} else { Issue.record("6 is out of range") }
        if case .invalid = CellParser.score(.number(0)) {} else { Issue.record("0 is out of range") }
    }

    @Test func weeks() {
        let w = Week(containing: LocalDate(2026, 11, 25))
        #expect(w.monday == LocalDate(2026, 11, 23))
        #expect(w.description == "2026-W48")
        #expect(CellParser.week(.string("48/2026")).value == w)
        #expect(CellParser.week(.string("Tuần 48/2026")).value == w)
        #expect(CellParser.week(.string("2026-W48")).value == w)
        #expect(CellParser.week(.string("27/11/2026")).value == w)
        #expect(CellParser.week(.number(46351)).value == w)  // 2026-11-25
        #expect(Week.iso(year: 2026, number: 1)?.monday == LocalDate(2025, 12, 29))
        #expect(Week.iso(year: 2026, number: 53)?.monday == LocalDate(2026, 12, 28))
        #expect(Week.iso(year: 2027, number: 53) == nil)
        if case .invalid = CellParser.week(.string("tuần sau")) {} else { Issue.record("words") }
    }

    @Test func emails() {
        #expect(CellParser.email(.string("ketoan.thcs@gmail.com")).value == "ketoan.thcs@gmail.com")
        for bad in ["ketoan", "a@b", "a b@c.vn", "@c.vn"] {
            if case .invalid = CellParser.email(.string(bad)) {} else { Issue.record("\(bad)") }
        }
    }

    @Test func localCalendar() {
        #expect(LocalDate(2026, 11, 28).isoWeekday == 6)  // a Saturday
        #expect(LocalDate(2026, 11, 29).isoWeekday == 7)
        #expect(LocalDate(2026, 11, 28).weekStart == LocalDate(2026, 11, 23))
        #expect(LocalDate(2026, 11, 18).days(to: LocalDate(2026, 11, 28)) == 10)
        #expect(LocalDate(2026, 12, 31).adding(days: 1) == LocalDate(2027, 1, 1))
        #expect(LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)) > LocalMoment(LocalDate(2026, 11, 28)))
    }
}

@Suite struct VocabularyTests {
    @Test(arguments: [
        ("Trực tiếp", TrainingMode.inPerson), ("truc tiep", .inPerson), ("TRỰC TIẾP", .inPerson), ("Offline", .inPerson),
        ("Trực tuyến", .online), ("Online", .online), ("Zoom", .online), ("truc tuyen", .online),
    ])
    func modes(_ text: String, _ expected: TrainingMode) {
        #expect(CellParser.choice(.string(text), as: TrainingMode.self).value == expected)
    }

    @Test(arguments: [
        ("Tính lương", Product.payroll), ("Tinh luong", .payroll), ("TÍNH LƯƠNG", .payroll),
        ("DT lương", .salaryBudget), ("Dự toán lương", .salaryBudget), ("DT luong", .salaryBudget), ("dt lương", .salaryBudget),
        ("Mimosa", .publicAccounting), ("QLTS", .assetManagement),
    ])
    func products(_ text: String, _ expected: Product) {
        guard case .value(let p) = CellParser.choice(.string(text), as: Product.self) else {
            Issue.record("\(text) not read exactly")
            return
        }
        #expect(p == expected)
    }

    @Test(arguments: [("Tính lươg", Product.payroll), ("Tinh lương", .payroll), ("Dự toán luơng", .salaryBudget), ("Tính luonng", .payroll)])
    func misspeltProducts(_ text: String, _ expected: Product) {
        switch CellParser.choice(.string(text), as: Product.self) {
        case .value(let p): #expect(p == expected)  // a variant without diacritics is exact
        case .corrected(let p): #expect(p == expected)
        default: Issue.record("\(text) not read")
        }
    }

    @Test func correctedIsReportedAsSuch() {
        guard case .corrected(.payroll) = CellParser.choice(.string("Tính lươg"), as: Product.self) else {
            Issue.record("expected a correction")
            return
        }
    }

    @Test(arguments: ["Kế toán trường học mầm non", "xyz", "Lương hưu"])
    func unknownProducts(_ text: String) {
        if case .invalid = CellParser.choice(.string(text), as: Product.self) {} else { Issue.record("\(text) should be invalid") }
    }

    @Test func sessionsAndStatuses() {
        #expect(CellParser.choice(.string("Sáng"), as: SessionPart.self).value == .morning)
        #expect(CellParser.choice(.string("chieu"), as: SessionPart.self).value == .afternoon)
        #expect(CellParser.choice(.string("Buổi chiều"), as: SessionPart.self).value == .afternoon)
        #expect(CellParser.choice(.string("Đang xử lý"), as: OpinionStatus.self).value == .inProgress)
        #expect(CellParser.choice(.string("Đã xử lý"), as: OpinionStatus.self).value == .done)
        #expect(CellParser.choice(.string("Xong"), as: PaperworkStatus.self).value == .done)
        #expect(CellParser.choice(.string("TNTK→TP"), as: ReportLevel.self).value == .teamToHead)
        #expect(CellParser.choice(.string("TP→GĐVP"), as: ReportLevel.self).value == .headToDirector)
        #expect(CellParser.choice(.string("TP gửi GĐVP"), as: ReportLevel.self).value == .headToDirector)
        #expect(CellParser.choice(.string("Thu nợ"), as: OpinionImpact.self).value == .debtCollection)
    }
}
