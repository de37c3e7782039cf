import Foundation
import TestTools
import Testing
@testable import TrainingOps

/// Which defaults the office's process text states, and which the office chose.
@Suite struct SettingsOriginTests {
    /// Read off the process text by hand: lead times 10 and 30 days and the products needing 30
    /// ("trước 10 ngày, với Tính lương và DT lương trước 30ngày"), the staff plan by 9h on
    /// Saturday, survey results and CRM one day after, the check one day before, TNTK → TP on
    /// Friday, TP → GĐVP on Saturday before 12h00. Everything else is the office's own (its own
    /// headers and product names among them, empty by default).
    static let officeDefaults: Set<String> = [
        "scheduleConfirmDays", "paperworkDays", "feedbackReviewDays", "followUpDays", "dvcqReportDays",
        "lowSurveyScore", "lowDataEntryRate", "morningSession", "afternoonSession", "sessionReportGraceMinutes",
        "teamReportTime", "nonWorkingWeekdays", "holidays", "minConfirmedShare", "columnAliases", "productAliases",
    ]

    @Test func theProcessTextStatesOnlyItsOwnThresholds() {
        #expect(Set(Settings.keys.filter { !$0.isStatedByProcess }.map(\.name)) == Self.officeDefaults)
        // The five thresholds of days the process text leaves open (issue 18: 3, 7, 3, 3, 14).
        let days = Settings.keys.filter { $0.kind == .days && !$0.isStatedByProcess }
        #expect(days.map { Settings().text(of: $0) } == ["3", "7", "3", "3", "14"])
    }

    /// Each quotation is in the process text word for word.
    @Test(.requires(.sharedCorpus)) func everyQuotationIsInTheProcessText() throws {
        let folder = try #require(ExternalTools.sharedFolder)
        let text = try String(contentsOf: folder.appendingPathComponent("seed/quy-trinh-tap-huan.txt"), encoding: .utf8)
            .precomposedStringWithCanonicalMapping
        for key in Settings.keys {
            guard let words = key.processText else { continue }
            #expect(text.contains(words.precomposedStringWithCanonicalMapping), "\(key.name): “\(words)” is not in the process text")
        }
    }

    /// docs/rules.md's tables say so.
    @Test func theTablesMarkOfficeDefaults() {
        let settings = RulesReference.settingsTable()
        #expect(settings.contains("| scheduleConfirmDays | Số ngày chốt lịch sau bàn giao | 3 | **office default** |"))
        #expect(settings.contains("| handoverDays | Số ngày bàn giao trước | 10 | process text: “trước 10 ngày” |"))
        let rules = RulesReference.rulesTable()
        #expect(rules.contains("`dvcqReportDays` (14, office default)"))
        #expect(rules.contains("`handoverDays` (10)"))
    }
}
