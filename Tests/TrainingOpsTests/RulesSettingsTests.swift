import Foundation
import Testing
import XLSX
@testable import TrainingOps

@Suite struct RulesSettingsTests {
    @Test func defaultsAreTheOfficeText() {
        let s = Settings()
        #expect(s.handoverDays(for: .payroll) == 30 && s.handoverDays(for: .salaryBudget) == 30 && s.handoverDays(for: .eInvoice) == 10)
        #expect(s.handoverDays(for: nil) == 10)
        #expect(s.staffPlanDeadline(courseStart: LocalDate(2026, 12, 9)) == LocalMoment(LocalDate(2026, 12, 5), LocalTime(9, 0)))
        #expect(s.staffPlanDeadline(courseStart: LocalDate(2026, 11, 30)) == LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)))
        #expect(s.staffPlanDeadline(courseStart: LocalDate(2026, 12, 6)) == LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)))
        for d in [LocalDate(2026, 1, 1), LocalDate(2026, 2, 14), LocalDate(2026, 2, 22), LocalDate(2026, 4, 27), LocalDate(2026, 4, 30),
                  LocalDate(2026, 5, 1), LocalDate(2026, 9, 1), LocalDate(2026, 9, 2)] {
            #expect(s.isNonWorking(d), "\(d)")
        }
        #expect(!s.isNonWorking(LocalDate(2026, 2, 23)) && !s.isNonWorking(LocalDate(2026, 11, 28)))
        // Every threshold has a value; only the office's own words start empty.
        #expect(Settings.keys.filter { s.text(of: $0).isEmpty }.map(\.name) == ["columnAliases", "productAliases"])
    }

    @Test func jsonOverridesDefaults() throws {
        let json = #"{"handoverDays": 12, "longHandoverProducts": ["Tính lương"], "staffPlanTime": "10:30", "staffPlanWeekday": "Thứ 6", "#
            + #""holidays": [{"date": "2027-02-05", "name": "Tết"}, "06/02/2027 Tết"], "nonWorkingWeekdays": [6, 7]}"#
        let s = try Settings.load(json: Data(json.utf8), file: "cauhinh.json")
        #expect(s.handoverDays == 12 && s.longHandoverProducts == [.payroll] && s.staffPlanTime == LocalTime(10, 30) && s.staffPlanWeekday == 5)
        #expect(s.holidays.map(\.date) == [LocalDate(2027, 2, 5), LocalDate(2027, 2, 6)] && s.nonWorkingWeekdays == [6, 7])
        #expect(s.crmDays == 1)
    }

    @Test(arguments: [
        (#"{"handoverDay": 12}"#, "handoverDay"),
        (#"{"handoverDays": "mười"}"#, "handoverDays"),
        (#"{"staffPlanTime": "25:00"}"#, "staffPlanTime"),
        (#"{"longHandoverProducts": ["Bảo hiểm"]}"#, "longHandoverProducts"),
        (#"{"staffPlanWeekday": "thứ tám"}"#, "staffPlanWeekday"),
        (#"[1, 2]"#, "—"),
    ])
    func badJSONIsAClearError(_ json: String, _ key: String) {
        do {
            _ = try Settings.load(json: Data(json.utf8), file: "cauhinh.json")
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.key == key)
            #expect(error.message(.vi).hasPrefix("cauhinh.json") && error.message(.en).contains("bad setting"))
        }
    }

    @Test func sheetOverridesDefaults() throws {
        let rows: [[CellValue]] = [
            [.string("Tham số"), .string("Giá trị")],
            [.string("Số ngày bàn giao trước"), .number(14)],
            [.string("Giờ hạn gửi kế hoạch nhân sự"), .string("8h30")],
            [],
            [.string("Ngày lễ"), .string("05/02/2027"), .string("Tết Nguyên đán")],
            [.string("ngay le"), .date(ExcelDateTime(serial: 46424, system: .date1900, kind: .date)), .string("Tết")],
        ]
        let s = try Settings.load(sheet: SheetGrid(name: "Cấu hình", rows: rows), file: "a.xlsx")
        #expect(s.handoverDays == 14 && s.staffPlanTime == LocalTime(8, 30))
        #expect(s.holidays == [Holiday(LocalDate(2027, 2, 5), "Tết Nguyên đán"), Holiday(LocalDate(2027, 2, 6), "Tết")])
        #expect(Settings.isSettingsSheet("Cau hinh") && Settings.isSettingsSheet("CẤU HÌNH"))
    }

    @Test(arguments: [
        ([[CellValue.string("Số ngày bàn"), .number(3)]], "Cấu hình!A1"),
        ([[CellValue.string("handoverDays"), .empty]], "Cấu hình!B1"),
        ([[CellValue.string("Tham số"), .string("Giá trị")], [.string("Ngày lễ"), .string("30/02/2027")]], "Cấu hình!B2"),
    ])
    func badSheetNamesTheCell(_ rows: [[CellValue]], _ place: String) {
        do {
            _ = try Settings.load(sheet: SheetGrid(name: "Cấu hình", rows: rows), file: "a.xlsx")
            Issue.record("accepted")
        } catch {
            #expect(error.place == place, "\(error)")
            #expect(error.message(.vi).contains("a.xlsx › \(place)"))
        }
    }
}
