/// Every rule, in the order of the office's process; the one list `taphuan rules` prints and
/// `taphuan validate` runs.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any Rule] = [
        HandoverLate(), HandoverMissingDate(), UnitsMissing(), ScheduleUnconfirmed(), StaffPlanLate(), StaffMissing(),
        PreCheckMissing(), PreCheckIncomplete(), PreCheckLate(),
        PlanUnapproved(), UnitIncomplete(), FirstSessionReportMissing(), PaperworkOpen(), SurveyLate(), SupportChannelMissing(), CrmLate(),
        SessionReportMissing(), AbsenceUnexplained(),
        FeedbackOpen(), FollowUpMissing(), DvcqReportMissing(), WeeklyReportLate(),
        DailyLogMissing(),
        StaffDoubleBooked(), UnitCountMismatch(), UnitAbsenceNoReason(), OpinionOverdue(), CourseOnNonWorkingDay(),
    ]

    /// The rule with `id`.
    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }

    /// The findings of every rule, with the import findings first, in report order.
    public static func evaluate(_ data: Dataset, settings: Settings = Settings(), asOf: LocalMoment,
                                rules: [any Rule] = RuleRegistry.all) -> [Finding] {
        let ctx = RuleContext(data: data, settings: settings, asOf: asOf)
        var out = data.findings.map(Finding.init)
        for rule in rules { out += rule.check(ctx) }
        return out.sorted(by: Finding.reportOrder)
    }
}
