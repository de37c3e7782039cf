import Foundation
import Testing
import TrainingOps
import XLSX
@testable import taphuan

@Suite(.serialized) struct ValidateCommandTests {
    static let asOf = "2026-11-28T09:00"

    @Test func samplesText() async throws {
        let (out, status) = try await runCommand(["validate", sampleFolder, "--as-of", Self.asOf])
        #expect(status == 1)
        try expectGolden(out, "validate-samples.txt")
        let (en, _) = try await runCommand(["validate", sampleFolder, "--as-of", Self.asOf, "--lang", "en"])
        try expectGolden(en, "validate-samples.en.txt")
        // English names, not the code's: a state is "in progress", never `inProgress`.
        #expect(en.range(of: "\\b[a-z]+[A-Z][A-Za-z]*\\b", options: .regularExpression) == nil)
    }

    @Test func samplesJSONIsTheAnswerKey() async throws {
        let (out, status) = try await runCommand(["validate", sampleFolder, "--as-of", Self.asOf, "--format", "json"])
        #expect(status == 1)
        try expectGolden(out, "validate-samples.json")
        struct Doc: Decodable {
            var valid: Bool
            var asOf: String
            var findings: [Finding]
        }
        let doc = try JSONDecoder().decode(Doc.self, from: Data(out.utf8))
        #expect(!doc.valid && doc.asOf == Self.asOf)
        let want = try answerKey()
        #expect(want.count > 60, "the answer key was read")
        let got = doc.findings.map { f in
            "\(f.rule) \(f.rule.hasPrefix("IMPORT_") ? "—" : f.course ?? "—") \(f.file ?? "?") › \(f.sheet ?? "?")!\(f.cell ?? "—")"
        }
        #expect(Multiset(want).subtracting(Multiset(got)).isEmpty, "missing: \(Multiset(want).subtracting(Multiset(got)))")
        #expect(Multiset(got).subtracting(Multiset(want)).isEmpty, "extra: \(Multiset(got).subtracting(Multiset(want)))")
    }

    static let unusable: [([String], Int32)] = [
        (["validate", "/nonexistent/folder"], 2),
        (["validate", "SAMPLES", "--as-of", "31/02/2026"], 2),
        (["validate", "SAMPLES", "--as-of", "hôm qua"], 2),
    ]

    @Test(arguments: unusable)
    func unusableInput(_ args: [String], _ status: Int32) async throws {
        let (out, got) = try await runCommand(args.map { $0 == "SAMPLES" ? sampleFolder : $0 })
        #expect(got == status && out.isEmpty)
    }

    /// In a folder, a workbook that cannot be read and a spreadsheet of another format are
    /// reported and the others checked; the damaged workbook named alone stops the check.
    @Test func aFolderIsCheckedPastAnUnreadableWorkbook() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: (sampleFolder as NSString).appendingPathComponent("Ban giao ke hoach.xlsx"),
                                         toPath: dir.appendingPathComponent("Ban giao ke hoach.xlsx").path)
        // An OLE2 compound file under an .xlsx name (what a password-protected workbook is), and an .xls.
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 1_024)
        try ole2.write(to: dir.appendingPathComponent("Nhom 1 - Trien khai.xlsx"))
        try ole2.write(to: dir.appendingPathComponent("Danh sach cu.xls"))
        let (out, status) = try await runCommand(["validate", dir.path, "--as-of", Self.asOf, "--format", "json"])
        #expect(status == 1)
        struct Doc: Decodable { var findings: [Finding] }
        let findings = try JSONDecoder().decode(Doc.self, from: Data(out.utf8)).findings
        #expect(findings.filter { $0.rule == "IMPORT_UNREADABLE_FILE" }.compactMap(\.file).sorted() == ["Danh sach cu.xls", "Nhom 1 - Trien khai.xlsx"])
        #expect(findings.contains { $0.rule == "HANDOVER_LATE" }, "the readable workbook is checked")
        let (alone, aloneStatus) = try await runCommand(["validate", dir.appendingPathComponent("Nhom 1 - Trien khai.xlsx").path, "--as-of", Self.asOf])
        #expect(aloneStatus == 2 && alone.isEmpty)
    }

    @Test func aCleanWorkbookExitsZeroAndABadSettingsSheetTwo() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-clean-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(settings: [[CellValue]]) throws {
            let w = WorkbookWriter(options: .init(deterministic: true))
            let s = try w.addSheet("Bàn giao")
            try s.appendRow(["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Ngày bắt đầu", "Ngày kết thúc", "Số đơn vị",
                             "Người bàn giao (TNXT)", "Ngày bàn giao", "Ngày chốt lịch"].map { CellValue.string($0) })
            try s.appendRow(["HD-01", "Tập huấn hóa đơn", "Hóa đơn điện tử", "Phòng TC-KH", "Trực tuyến", "15/01/2027", "15/01/2027", "1",
                             "Lê Hoàng Phúc", "20/12/2026", "21/12/2026"].map { CellValue.string($0) })
            let c = try w.addSheet("Cấu hình")
            for row in settings { try c.appendRow(row) }
            try w.write(to: dir.appendingPathComponent("a.xlsx").path)
        }
        try write(settings: [[.string("Số ngày bàn giao trước"), .number(12)]])
        var (out, status) = try await runCommand(["validate", dir.path, "--as-of", "2026-12-26T08:00", "--format", "json"])
        #expect(status == 0, "\(out)")
        #expect(out.contains("\"valid\" : true"))
        try write(settings: [[.string("Số ngày bàn giao trước"), .number(40)]])
        (out, status) = try await runCommand(["validate", dir.path, "--as-of", "2026-12-26T08:00", "--format", "json"])
        #expect(status == 1 && out.contains("HANDOVER_LATE") && out.contains("\"requiredDays\" : 40"))
        try write(settings: [[.string("Số ngày bàn giao trước"), .string("mười")]])
        (out, status) = try await runCommand(["validate", dir.path, "--as-of", "2026-12-26T08:00"])
        #expect(status == 2 && out.isEmpty)
    }

    @Test func rulesListsEveryRuleAndSetting() async throws {
        let (out, status) = try await runCommand(["rules"])
        #expect(status == 0)
        for rule in RuleRegistry.all { #expect(out.contains(rule.id)) }
        for key in Settings.keys { #expect(out.contains(key.name)) }
        #expect(Set(RuleRegistry.all.map(\.id)).count == RuleRegistry.all.count)
        let lines = out.split(separator: "\n")
        #expect(lines.contains { $0.contains("paperworkDays") && $0.hasSuffix(": 7 (mặc định của văn phòng, quy trình không nêu)") })
        #expect(lines.contains { $0.contains("handoverDays") && $0.hasSuffix(": 10 (quy trình: “trước 10 ngày”)") })
        let (en, _) = try await runCommand(["rules", "--lang", "en"])
        #expect(en.split(separator: "\n").contains { $0.contains("followUpDays") && $0.hasSuffix(": 3 (office default, not in the process text)") })
    }
}
