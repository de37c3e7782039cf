import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The office's own words: headers for columns and names for products, in a "Cấu hình" sheet
/// or a settings file, validated entry by entry, and applied by the pipeline.
@Suite struct OfficeWordsTests {
    static let handoverHeader = ["Mã khóa", "Nội dung đào tạo", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Địa điểm / link",
                                 "Ngày bắt đầu", "Ngày kết thúc", "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"]
    /// A payroll course written with the office's own product name, handed over 20 days ahead:
    /// on time for the 10 days of an unknown product, late for payroll's 30.
    static let handoverRow = ["TL-2612-01", "Lớp lương", "MISA AMIS HRM", "Phòng GD", "Trực tiếp", "", "21/12/2026", "22/12/2026",
                              "2", "An", "01/12/2026"]

    /// A folder with the handover plan and, when `settings` is given, a "Cấu hình" workbook.
    static func office(settings: [[String]]?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plan = WorkbookWriter()
        let sheet = try plan.addSheet("BG")
        for row in [handoverHeader, handoverRow] { try sheet.appendRow(row.map { CellValue.string($0) }) }
        try plan.write(to: dir.appendingPathComponent("Ban giao.xlsx").path)
        if let settings {
            let book = WorkbookWriter()
            let s = try book.addSheet("Cấu hình")
            for row in settings { try s.appendRow(row.map { CellValue.string($0) }) }
            try book.write(to: dir.appendingPathComponent("Cau hinh.xlsx").path)
        }
        return dir
    }

    static func options() -> OfficeCheck.Options {
        var o = OfficeCheck.Options()
        o.asOf = LocalMoment(LocalDate(2026, 12, 4), LocalTime(9, 0))
        return o
    }

    @Test func withoutTheOfficesWordsTheColumnIsMissingAndTheProductUnknown() throws {
        let dir = try Self.office(settings: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let check = try OfficeCheck.load([dir.path], options: Self.options())
        let rules = Set(check.findings.map(\.rule))
        #expect(rules.contains("IMPORT_MISSING_COLUMN"))
        #expect(rules.contains("IMPORT_UNKNOWN_VALUE"))
        #expect(!rules.contains("HANDOVER_LATE"), "an unknown product gets the default 10 days")
    }

    /// The sheet names the column and the product: the workbooks are read with them.
    @Test func aSettingsSheetTeachesHeadersAndProducts() async throws {
        let dir = try Self.office(settings: [
            ["Tham số", "Giá trị"],
            ["Tên cột khác", "Bàn giao kế hoạch › Tên khóa", "Nội dung đào tạo"],
            ["Tên sản phẩm khác", "MISA AMIS HRM = Tính lương"],
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let check = try OfficeCheck.load([dir.path], options: Self.options())
        #expect(check.data.courses.first?.name == "Lớp lương")
        #expect(check.data.courses.first?.product == .payroll)
        let rules = check.findings.map(\.rule)
        #expect(!rules.contains("IMPORT_MISSING_COLUMN"), "\(check.findings.map(\.messageVi))")
        #expect(!rules.contains("IMPORT_UNKNOWN_VALUE"))
        #expect(rules.contains("HANDOVER_LATE"), "payroll needs 30 days")
        let key = try #require(Settings.key(named: "columnAliases"))
        #expect(check.settings.source(of: key) == .sheet(file: "Cau hinh.xlsx", cell: "Cấu hình!B2"))
        // The parallel run reads the same.
        let parallel = try await OfficeCheck.run([dir.path], options: Self.options())
        #expect(parallel.findings == check.findings)
    }

    /// A settings file gives the same words as JSON, known before any workbook is read.
    @Test func aSettingsFileTeachesThemToo() throws {
        let dir = try Self.office(settings: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("settings.json")
        try Data(#"{"columnAliases": {"handover": {"courseName": ["Nội dung đào tạo"]}}, "productAliases": {"MISA AMIS HRM": "payroll"}}"#.utf8).write(to: json)
        var options = Self.options()
        options.settingsFile = json.path
        let check = try OfficeCheck.load([dir.path], options: options)
        #expect(check.settings.settings.columnAliases[.handover]?["courseName"] == ["Nội dung đào tạo"])
        #expect(check.data.courses.first?.product == .payroll)
        #expect(check.findings.map(\.rule).contains("HANDOVER_LATE"))
        #expect(!check.findings.map(\.rule).contains("IMPORT_MISSING_COLUMN"))
    }

    /// Each bad entry is an error naming it and what is known.
    @Test(arguments: [
        ("Bảng lương › Tên khóa = X", "Bảng lương"),
        ("Bàn giao kế hoạch › Màu áo = X", "Màu áo"),
        ("Bàn giao kế hoạch › Tên khóa", "="),
        ("Tên khóa = X", "sheet › cột"),
    ])
    func badColumnEntries(_ entry: String, _ named: String) {
        do {
            _ = try Settings.columnAlias(entry)
            Issue.record("\(entry) accepted")
        } catch {
            #expect(error.vi.contains(named), "\(error.vi)")
        }
    }

    @Test func badProductEntry() {
        #expect(throws: SettingValueError.self) { try Settings.productAlias("Phần mềm X = Phần mềm Y") }
        #expect((try? Settings.productAlias("MISA AMIS HRM = DT lương"))?.1 == .salaryBudget)
    }

    /// Entries add up across rows, sheets and the file; the settings print them back.
    @Test func entriesAddUp() throws {
        var s = Settings()
        let key = try #require(Settings.key(named: "Tên cột khác"))
        try s.set(key, "Danh sách đơn vị › Điện thoại = Số máy bàn", adding: true)
        try s.set(key, "units › phone = ĐT cơ quan; Danh sách đơn vị › Email = Hộp thư", adding: true)
        #expect(s.columnAliases[.units]?["phone"] == ["Số máy bàn", "ĐT cơ quan"])
        #expect(s.columnAliases[.units]?["email"] == ["Hộp thư"])
        #expect(s.text(of: key) == "Danh sách đơn vị › Điện thoại = Số máy bàn; Danh sách đơn vị › Điện thoại = ĐT cơ quan; Danh sách đơn vị › Email = Hộp thư")
    }
}
