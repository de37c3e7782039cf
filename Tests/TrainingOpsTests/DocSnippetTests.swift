import Foundation
import Testing
import TrainingOps
import XLSX

/// The code samples of the TrainingOps documentation catalogue, compiled and run so they
/// cannot drift from the API. Expected counts come from samples/README.md (the answer key),
/// which the golden files of `taphuan validate samples` are checked against.
@Suite struct DocSnippetTests {
    static let samples = SheetReferenceTests.repository.appendingPathComponent("samples").path

    /// TrainingOps.md (and README.md): check the samples through the pipeline, render the report.
    @Test func overviewValidatesTheSamples() async throws {
        var options = OfficeCheck.Options()
        options.asOf = LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))
        let check = try await OfficeCheck.run([Self.samples], options: options)
        let report = check.report
        let text = report.text(.en)
        #expect(!report.isValid)
        // The answer key's totals: 28 errors, 41 warnings, 2 info.
        #expect(report.stats.errors == 28)
        #expect(report.stats.warnings == 41)
        #expect(text.contains("Result: 28 errors, 41 warnings, 2 info."))
    }

    /// TheRules.md: running two rules only gives only their findings.
    @Test func runningSomeRules() throws {
        let data = Dataset.load(paths: [Self.samples])
        let asOf = LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))
        let late = ["HANDOVER_LATE", "STAFF_PLAN_LATE"].compactMap(RuleRegistry.rule)
        #expect(late.count == 2)
        let findings = RuleRegistry.evaluate(data, asOf: asOf, rules: late)
        let ruleIds = Set(findings.map(\.rule)).filter { !$0.hasPrefix("IMPORT_") }
        #expect(ruleIds.isSubset(of: ["HANDOVER_LATE", "STAFF_PLAN_LATE"]))
        #expect(ruleIds.contains("STAFF_PLAN_LATE"))
    }

    /// SettingsArticle.md: a JSON object overriding a threshold and adding a holiday.
    @Test func settingsFromJSON() throws {
        let json = Data(#"{"handoverDays": 14, "holidays": [{"date": "2026-12-24", "name": "Nghỉ bù"}]}"#.utf8)
        let settings = try Settings.load(json: json, file: "settings.json")
        #expect(settings.handoverDays == 14)
        #expect(settings.holiday(on: LocalDate(2026, 12, 24))?.name == "Nghỉ bù")
        #expect(settings.longHandoverDays == 30)
    }

    /// Reports.md: a blank workbook for two kinds holds their sheets and the instructions.
    @Test func blankTemplate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doc-blank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mau-nhap-lieu.xlsx").path
        try BlankWorkbook.write([.handover, .units], to: path)
        let names = try Workbook(path: path).sheets.map(\.name)
        #expect(names.contains(SheetType.handover.sheetName))
        #expect(names.contains(SheetType.units.sheetName))
        #expect(names.contains("Hướng dẫn"))
    }
}
