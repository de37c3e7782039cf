import Testing
import XLSX
@testable import TrainingOps

/// More of the ways staff write values: minute marks, agreement, weeks with their dates, modes
/// in a sentence. Expected values worked out by hand (02/11/2026 is the Monday of ISO week 45).
@Suite struct ValueFormsMoreTests {
    @Test(arguments: [("9h15'", LocalTime(9, 15)), ("9h15’", LocalTime(9, 15)), ("13h05p", LocalTime(13, 5)), ("8 giờ 30 phút", LocalTime(8, 30))])
    func timesWithAMinuteMark(_ text: String, _ time: LocalTime) {
        #expect(TextDateParser.parseTime(text) == time)
    }

    @Test func aDateTimeWithAMinuteMark() {
        #expect(CellParser.moment(.string("20/10/2026 9h15'")).value == LocalMoment(LocalDate(2026, 10, 20), LocalTime(9, 15)))
    }

    @Test(arguments: [("Đồng ý", true), ("đồng ý", true), ("Đã đồng ý", true), ("Nhất trí", true), ("Không đồng ý", false), ("Từ chối", false)])
    func agreementIsAnAnswer(_ text: String, _ answer: Bool) {
        #expect(CellParser.yesNo(.string(text)).value == answer)
    }

    @Test(arguments: [
        ("Tuần 45 (02/11 - 06/11/2026)", 2026, 45),
        ("Tuần 45 - 06/11/2026", 2026, 45),
        ("Từ 02/11/2026 đến 06/11/2026", 2026, 45),
        ("Tuần 1 (28/12/2026 - 01/01/2027)", 2026, 53),   // the dates win: 28/12/2026 is in ISO week 53 of 2026
        ("45/2026", 2026, 45),
        ("2026-W48", 2026, 48),
    ])
    func weeksAsWritten(_ text: String, _ year: Int, _ number: Int) {
        guard case .value(let week) = CellParser.week(.string(text)) else {
            Issue.record("\(text) not read as a week")
            return
        }
        #expect(week == Week.iso(year: year, number: number))
    }

    @Test(arguments: [("Trực tiếp tại hội trường", TrainingMode.inPerson), ("Online qua Zoom", .online),
                      ("Học trực tuyến qua Zoom", .online), ("Tập trung tại phòng máy", .inPerson)])
    func modesInASentence(_ text: String, _ mode: TrainingMode) {
        #expect(CellParser.choice(.string(text), as: TrainingMode.self).value == mode)
    }

    @Test func aSentenceNamingBothModesIsNotGuessed() {
        #expect(CellParser.choice(.string("Trực tiếp kết hợp trực tuyến"), as: TrainingMode.self).value == nil)
        // A single word is no mention: in person with Zoom as a fallback is in person.
        #expect(CellParser.choice(.string("Trực tiếp, có Zoom dự phòng"), as: TrainingMode.self).value == .inPerson)
        #expect(CellParser.choice(.string("Lương hưu"), as: Product.self).value == nil)
    }
}
