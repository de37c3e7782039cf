import Dispatch

/// Every rule, in the order of the office's process; the one list `taphuan rules` prints and
/// `taphuan validate` runs.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any Rule] = [
        HandoverLate(), HandoverMissingDate(), UnitsMissing(), ScheduleUnconfirmed(), StaffPlanLate(), StaffMissing(),
        PreCheckMissing(), PreCheckIncomplete(), PreCheckLate(), PreCheckUnitsMismatch(),
        PlanUnapproved(), UnitIncomplete(), FirstSessionReportMissing(), PaperworkOpen(), SurveyLate(), SupportChannelMissing(), CrmLate(),
        SessionReportMissing(), SessionReportLate(), AbsenceUnexplained(),
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
        // The rules are independent: they run side by side, each filling its own slot.
        let slots = RuleResults(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { i in slots.set(i, rules[i].check(ctx)) }
        var found = slots.all
        // One finding per cause: a cell whose value could not be read is reported once, by
        // the reading, and not again as missing by a rule or by the reading itself.
        let unreadable = Set(data.findings.lazy.filter { $0.kind == .invalidValue }.compactMap { f in f.cell.map { Place(f.file, f.sheet, $0) } })
        var imported = data.findings
        if !unreadable.isEmpty {
            imported.removeAll { f in f.kind == .missingValue && f.cell.map { unreadable.contains(Place(f.file, f.sheet, $0)) } == true }
            for i in found.indices where !rules[i].judgesUnreadableCells {
                found[i].removeAll { f in f.cell.map { unreadable.contains(Place(f.file ?? "", f.sheet, $0)) } == true }
            }
        }
        var out = imported.map(Finding.init)
        out.reserveCapacity(out.count + found.reduce(0) { $0 + $1.count })
        for f in found { out += f }
        // Sorted in place: the findings move, they are not copied.
        out.sort(by: Finding.reportOrder)
        return out
    }
}

/// A cell of a sheet of a file.
private struct Place: Hashable {
    let file: String, sheet: String?, cell: String
    init(_ file: String, _ sheet: String?, _ cell: String) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }
}

/// One slot of findings per rule, filled from the threads the rules run on; each slot is
/// written once by one thread and read after all have finished (memory of its own, so no
/// two threads ever access the same Swift variable).
private final class RuleResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[Finding]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ findings: [Finding]) { slots[i] = findings }

    var all: [[Finding]] { Array(slots) }
}
