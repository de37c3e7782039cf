/// The staff plan reaches TP HCSN by Saturday 09:00 of the week before the course's week.
struct StaffPlanLate: Rule {
    let id = "STAFF_PLAN_LATE"
    let severity = Severity.error
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "a staff row sent to TP after {staffPlanWeekday} {staffPlanTime} of the week before the course's week, or not sent after it",
                                                 cell: "Thời điểm gửi TP")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let s = settings
        return language.pick("Kế hoạch nhân sự gửi TP HCSN sau \(s.staffPlanTime) \(Settings.weekdayName(s.staffPlanWeekday)) của tuần trước tuần học (hoặc chưa gửi khi đã quá hạn).",
                             "Staff plan sent to TP HCSN after \(Settings.weekdayNameEnglish(s.staffPlanWeekday)) \(s.staffPlanTime) of the week before the course's week (or not sent past the deadline).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate else { return nil }
            let rows = ctx.staff(c.id)
            guard !rows.isEmpty else { return nil }
            let deadline = ctx.settings.staffPlanDeadline(courseStart: start)
            let data: [String: FindingValue] = ["deadline": .moment(deadline)]
            if let late = rows.first(where: { ($0.sentToHead?.minutes ?? Int.min) > deadline.minutes }), let sent = late.sentToHead {
                let minutes = sent.minutes - deadline.minutes
                return finding(c.id, late.source, "sentToHead",
                               vi: "Gửi TP lúc \(sent.vietnamese), hạn \(deadline.vietnamese) (trễ \(Self.span(minutes, .vi))).",
                               en: "Sent to the head (TP) at \(sent.vietnamese), due \(deadline.vietnamese) (\(Self.span(minutes, .en)) late).",
                               data.merging(["sentAt": .moment(sent), "minutesLate": .int(minutes)]) { a, _ in a })
            }
            if ctx.isPast(deadline), let unsent = rows.first(where: { $0.sentToHead == nil }) {
                return finding(c.id, unsent.source, "sentToHead", vi: "Chưa gửi kế hoạch nhân sự cho TP, hạn \(deadline.vietnamese).",
                               en: "Staff plan not sent to the head (TP), due \(deadline.vietnamese).", data)
            }
            return nil
        }
    }

    /// `30 phút`, `2 giờ 5 phút`, `2 ngày 3 giờ`.
    static func span(_ minutes: Int, _ language: Language) -> String {
        let d = minutes / 1440, h = minutes % 1440 / 60, m = minutes % 60
        var parts: [String] = []
        if d > 0 { parts.append(language == .vi ? "\(d) ngày" : "\(d) day\(d == 1 ? "" : "s")") }
        if h > 0 { parts.append(language == .vi ? "\(h) giờ" : "\(h) h") }
        if m > 0 || parts.isEmpty { parts.append(language == .vi ? "\(m) phút" : "\(m) min") }
        return parts.joined(separator: " ")
    }
}

/// No staff planned for a course once its staff plan is due.
struct StaffMissing: Rule {
    let id = "STAFF_MISSING"
    let severity = Severity.error
    let step = ProcessStep.requestAndPlan
    let documentation = RuleDocumentation(firesWhen: "no staff row for the course after that deadline",
                                                 cell: "Mã khóa (handover)")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Khóa không có dòng nào trên kế hoạch nhân sự khi đã quá hạn gửi kế hoạch.",
                      "A course with no row on the staff plan past the staff plan deadline.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, ctx.staff(c.id).isEmpty else { return nil }
            let deadline = ctx.settings.staffPlanDeadline(courseStart: start)
            guard ctx.isPast(deadline) else { return nil }
            return finding(c, "courseId", vi: "Không có nhân sự nào trên kế hoạch nhân sự (hạn \(deadline.vietnamese)).",
                           en: "No staff on the staff plan (due \(deadline.vietnamese)).", ["deadline": .moment(deadline)])
        }
    }
}

/// One person booked on two courses whose days overlap.
struct StaffDoubleBooked: Rule {
    let id = "STAFF_DOUBLE_BOOKED"
    let severity = Severity.error
    let step = ProcessStep.leadChecks
    let documentation = RuleDocumentation(firesWhen: "one person on two courses whose days overlap; the booking outside the person's own team (the team of most of their courses) is flagged, else the later row",
                                                 cell: "Nhân viên")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Một người được xếp vào hai khóa trùng ngày.",
                      "One person booked on two courses on the same days.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        struct Booking {
            var row: StaffAssignment
            var from: LocalDate
            var to: LocalDate
            var team: String
        }
        var byPerson: [String: [Booking]] = [:]
        for a in ctx.data.staffAssignments {
            let c = ctx.course(a.courseId)
            guard let from = a.from ?? c?.startDate else { continue }
            let to = a.to ?? c?.endDate ?? from
            guard from <= to else { continue }
            byPerson[HeaderNormalizer.key(a.staff), default: []].append(
                Booking(row: a, from: from, to: to, team: HeaderNormalizer.key(c?.team ?? "")))
        }
        var out: [Finding] = []
        for key in byPerson.keys.sorted() {
            let bookings = byPerson[key] ?? []
            guard bookings.count > 1 else { continue }
            // The person's own team: the team of most of their courses.
            var teams: [String: Int] = [:]
            for b in bookings { teams[b.team, default: 0] += 1 }
            let home = teams.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let sorted = bookings.sorted { ($0.from, $0.row.courseId) < ($1.from, $1.row.courseId) }
            for i in sorted.indices {
                for j in sorted.indices where j > i {
                    let a = sorted[i], b = sorted[j]
                    guard a.row.courseId != b.row.courseId, b.from <= a.to, a.from <= b.to else { continue }
                    // Report the booking outside the person's team; otherwise the later row read.
                    let aAway = a.team != home, bAway = b.team != home
                    let (flag, other) = aAway != bAway ? (aAway ? (a, b) : (b, a))
                        : (Self.readOrder(a.row.source, b.row.source) ? (b, a) : (a, b))
                    let day = max(a.from, b.from)
                    out.append(finding(flag.row.courseId, flag.row.source, "staff",
                                       vi: "\(flag.row.staff) đã được xếp cho khóa \(other.row.courseId) cùng ngày \(day.vietnamese).",
                                       en: "\(flag.row.staff) is already booked on \(other.row.courseId) on \(day.vietnamese).",
                                       ["staff": .text(flag.row.staff), "otherCourse": .text(other.row.courseId), "firstOverlap": .date(day)]))
                }
            }
        }
        return out
    }

    /// Whether `a` is read before `b`.
    static func readOrder(_ a: SourceRow, _ b: SourceRow) -> Bool { (a.file, a.sheet, a.row) < (b.file, b.sheet, b.row) }
}
