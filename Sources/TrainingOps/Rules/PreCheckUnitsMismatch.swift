/// The units confirmed at the day-before check weighed against the room and the plan: the
/// process asks TNTK the day before how many units will attend ("Số lượng tham gia?") and how
/// many seats the room has ("Số lượng chỗ ngồi"); the handover plans "Số đơn vị".
struct PreCheckUnitsMismatch: Rule {
    let id = "PRECHECK_UNITS_MISMATCH"
    let severity = Severity.warning
    let step = ProcessStep.dayBefore
    let documentation = RuleDocumentation(
        firesWhen: "Số ĐV xác nhận above Số chỗ ngồi (in person), above Số đơn vị on the handover, or below {minConfirmedShare} of it",
        cell: "Số ĐV xác nhận")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let share = Self.percent(settings.minConfirmedShare)
        return language.pick("Số ĐV xác nhận tham gia vượt số chỗ ngồi (lớp trực tiếp) hoặc số đơn vị dự kiến, hoặc dưới \(share) số dự kiến.",
                             "Units confirmed at the day-before check above the seats (in person) or the planned units, or below \(share) of the planned.")
    }

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.preChecks.compactMap { p in
            guard let course = ctx.course(p.courseId), case .count(let confirmed)? = p.answers[.attendanceConfirmed] else { return nil }
            // A check made after the moment judged had not told anyone anything yet.
            if let at = p.checkedAt, at.minutes > ctx.asOf.minutes { return nil }
            var vi: [String] = [], en: [String] = []
            var data: [String: FindingValue] = ["confirmedUnits": .int(confirmed)]
            // Seats are asked of in-person classes only.
            if course.mode == .inPerson, case .count(let seats)? = p.answers[.seats] {
                data["seats"] = .int(seats)
                if confirmed > seats {
                    vi.append("\(confirmed) đơn vị xác nhận nhưng phòng chỉ có \(seats) chỗ ngồi")
                    en.append("\(confirmed) units confirmed for \(seats) seats")
                }
            }
            if let planned = course.unitCount, planned > 0 {
                data["plannedUnits"] = .int(planned)
                let least = ctx.settings.minConfirmedShare
                if confirmed > planned {
                    vi.append("\(confirmed) đơn vị xác nhận, nhiều hơn \(planned) đơn vị dự kiến trên bàn giao")
                    en.append("\(confirmed) units confirmed, more than the \(planned) planned on the handover")
                } else if Double(confirmed) < least * Double(planned) {
                    data["minConfirmedPercent"] = .int(Int((least * 100).rounded()))
                    vi.append("chỉ \(confirmed)/\(planned) đơn vị dự kiến xác nhận tham gia (cần ít nhất \(Self.percent(least)))")
                    en.append("only \(confirmed) of \(planned) planned units confirmed (at least \(Self.percent(least)) expected)")
                }
            }
            guard !vi.isEmpty else { return nil }
            return finding(p.courseId, p.source, PreCheckItem.attendanceConfirmed.rawValue,
                           vi: Self.sentence(vi), en: Self.sentence(en), data)
        }
    }

    /// The clauses as one sentence.
    static func sentence(_ clauses: [String]) -> String {
        let text = clauses.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// `80%`.
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
