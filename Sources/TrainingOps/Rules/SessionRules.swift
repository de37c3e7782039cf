/// The day-before check of a course that has begun.
struct PreCheckMissing: Rule {
    let id = "PRECHECK_MISSING"
    let severity = Severity.error
    let step = ProcessStep.dayBefore
    let documentation = RuleDocumentation(firesWhen: "the course has begun and has no day-before check",
                                                 cell: "Mã khóa (handover)")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Khóa đã bắt đầu mà không có dòng kiểm tra chuẩn bị trước TH.",
                      "A course that has begun without a day-before check.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.courses.compactMap { c in
            guard let start = c.startDate, ctx.hasBegun(start), ctx.preCheck(c.id) == nil else { return nil }
            let due = start.adding(days: -ctx.settings.preCheckDaysBefore)
            return finding(c, "courseId", vi: "Không có kiểm tra chuẩn bị trước TH (hạn \(due.vietnamese), khóa bắt đầu \(start.vietnamese)).",
                           en: "No day-before check (due \(due.vietnamese), course started \(start.vietnamese)).",
                           ["dueDate": .date(due), "startDate": .date(start)])
        }
    }
}

/// Items of the mode's checklist left empty or answered "Không".
struct PreCheckIncomplete: Rule {
    let id = "PRECHECK_INCOMPLETE"
    let severity = Severity.warning
    let step = ProcessStep.dayBefore
    let documentation = RuleDocumentation(firesWhen: "items of the mode's checklist (the process text's list A in person, B online) empty or \"Không\"; a count, zero included, is an answer; the reason for not speaking only needed when ĐVCQ will not speak; a check sheet without a column for an item asked is reported once, at its header row",
                                                 cell: "first open item; the header row for a missing column")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Kiểm tra trước TH còn mục để trống hoặc trả lời Không (theo hình thức trực tiếp/trực tuyến).",
                      "Items of the day-before checklist left empty or answered No (for the course's mode).")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        itemsWithoutColumn(ctx) + ctx.preChecks.compactMap { p in
            guard let mode = ctx.course(p.courseId)?.mode else { return nil }
            let open = p.openItems(for: mode)
            guard let first = open.first else { return nil }
            let names = open.map(\.column.header)
            return finding(p.courseId, p.source, first.rawValue,
                           vi: "Chưa đạt hoặc để trống: \(names.joined(separator: ", ")) (lớp \(mode.label.lowercased())).",
                           en: "Not ready or empty: \(names.joined(separator: ", ")) (\(mode == .online ? "online" : "in-person") class).",
                           ["items": .text(open.map(\.rawValue).joined(separator: ",")), "count": .int(open.count)])
        }
    }

    /// One finding per check sheet lacking columns for items the checklist of its courses'
    /// modes asks: those items cannot be judged on any of its rows, which say nothing of them.
    func itemsWithoutColumn(_ ctx: RuleContext) -> [Finding] {
        var modes: [String: Set<TrainingMode>] = [:]
        for p in ctx.preChecks where !p.source.sheet.isEmpty {
            if let mode = ctx.course(p.courseId)?.mode { modes[p.source.file + "\u{0}" + p.source.sheet, default: []].insert(mode) }
        }
        return ctx.data.sheets.compactMap { sheet in
            guard sheet.header.kind == .preCheck, let asked = modes[sheet.file + "\u{0}" + sheet.sheet] else { return nil }
            let absent = PreCheckItem.allCases.filter { item in
                !item.isOptional && !asked.isDisjoint(with: item.modes) && sheet.header.columns[item.rawValue] == nil
            }
            guard !absent.isEmpty else { return nil }
            let row = sheet.header.headerRow + 1
            let names = absent.map(\.column.header)
            return Finding(rule: id, severity: severity, course: nil, file: sheet.file, sheet: sheet.sheet, cell: "\(row):\(row)",
                           messageVi: "Sheet không có cột cho mục: \(names.joined(separator: ", ")); các mục này không kiểm tra được trên sheet.",
                           messageEn: "The sheet has no column for: \(names.joined(separator: ", ")); these items cannot be checked on it.",
                           data: ["items": .text(absent.map(\.rawValue).joined(separator: ",")), "count": .int(absent.count)])
        }
    }
}

/// The day-before check made on the first day or later.
struct PreCheckLate: Rule {
    let id = "PRECHECK_LATE"
    let severity = Severity.warning
    let step = ProcessStep.dayBefore
    let documentation = RuleDocumentation(firesWhen: "checked after {preCheckDaysBefore} day before the start",
                                                 cell: "Ngày kiểm tra")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Kiểm tra chuẩn bị làm muộn hơn \(settings.preCheckDaysBefore) ngày trước ngày bắt đầu.",
                      "The day-before check made later than \(settings.preCheckDaysBefore) day(s) before the start.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.preChecks.compactMap { p in
            guard let at = p.checkedAt, let start = ctx.course(p.courseId)?.startDate else { return nil }
            let due = start.adding(days: -ctx.settings.preCheckDaysBefore)
            guard at.date > due else { return nil }
            return finding(p.courseId, p.source, "checkedAt",
                           vi: "Kiểm tra lúc \(at.vietnamese), khóa bắt đầu \(start.vietnamese) (phải kiểm tra chậm nhất ngày \(due.vietnamese)).",
                           en: "Checked at \(at.vietnamese), course started \(start.vietnamese) (due by \(due.vietnamese)).",
                           ["checkedAt": .moment(at), "dueDate": .date(due)])
        }
    }
}

/// Two session reports a training day, each at the start of its session.
struct SessionReportMissing: Rule {
    let id = "SESSION_REPORT_MISSING"
    let severity = Severity.error
    let step = ProcessStep.duringCourse
    let documentation = RuleDocumentation(firesWhen: "no report for a session (Sáng {morningSession}, Chiều {afternoonSession}) of a training day, {sessionReportGraceMinutes} minutes after it started; a row with only the course, day, session and trainer (a form written in advance) is no report",
                                                 cell: "— (sheet of the course's reports)")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let m = settings.morningSession, a = settings.afternoonSession, grace = settings.sessionReportGraceMinutes
        return language.pick("Thiếu báo cáo đầu buổi (mỗi ngày học 2 buổi: Sáng \(m), Chiều \(a)) \(grace) phút sau khi buổi bắt đầu.",
                             "A session report missing (two a training day: Sáng \(m), Chiều \(a)) \(grace) minutes after the session started.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let reportSheet = ctx.sheet(of: .sessionReport)
        for c in ctx.data.courses {
            let reports = ctx.sessions(c.id)
            // A row of keys alone (a form written in advance, not yet filled) is no report.
            let have = Set(reports.filter(\.isFilled).map { "\($0.date)|\($0.session.rawValue)" })
            let place = reports.first?.source
            for day in c.days {
                for (part, start) in ctx.settings.sessions {
                    let due = LocalMoment(day, start)
                    guard ctx.asOf.minutes > due.minutes + ctx.settings.sessionReportGraceMinutes,
                          !have.contains("\(day)|\(part.rawValue)") else { continue }
                    let vi = "Thiếu báo cáo buổi \(part.label) ngày \(day.vietnamese)."
                    let en = "No report for the \(part == .morning ? "morning" : "afternoon") session of \(day.vietnamese)."
                    let data: [String: FindingValue] = ["date": .date(day), "session": .text(part.label)]
                    if let place {
                        out.append(Finding(rule: id, severity: severity, course: c.id, file: place.file, sheet: place.sheet, cell: nil,
                                           messageVi: vi, messageEn: en, data: data))
                    } else if let sheet = reportSheet {
                        out.append(Finding(rule: id, severity: severity, course: c.id, file: sheet.file, sheet: sheet.sheet, cell: nil,
                                           messageVi: vi, messageEn: en, data: data))
                    } else {
                        out.append(finding(c, "courseId", vi: vi, en: en, data))
                    }
                }
            }
        }
        return out
    }
}

/// A session report counting absent units without listing them and their reasons.
struct AbsenceUnexplained: Rule {
    let id = "ABSENCE_UNEXPLAINED"
    let severity = Severity.warning
    let step = ProcessStep.duringCourse
    let documentation = RuleDocumentation(firesWhen: "Số ĐV vắng > 0 without the list of units and reasons",
                                                 cell: "ĐV vắng và lý do")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Báo cáo buổi có đơn vị vắng nhưng không kèm danh sách và lý do.",
                      "A session report with absent units but no list of them and their reasons.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.data.sessionReports.compactMap { s in
            guard let n = s.absentCount, n > 0, (s.absentUnits ?? "").isEmpty else { return nil }
            return finding(s.courseId, s.source, "absentUnits",
                           vi: "Buổi \(s.session.label) \(s.date.vietnamese): \(n) đơn vị vắng nhưng không có danh sách và lý do.",
                           en: "\(s.session == .morning ? "Morning" : "Afternoon") of \(s.date.vietnamese): \(n) units absent, no list or reasons.",
                           ["absent": .int(n), "date": .date(s.date), "session": .text(s.session.label)])
        }
    }
}

/// A unit marked absent with no reason.
struct UnitAbsenceNoReason: Rule {
    let id = "UNIT_ABSENCE_NO_REASON"
    let severity = Severity.warning
    let step = ProcessStep.leadChecks
    let documentation = RuleDocumentation(firesWhen: "Có mặt = Không without Lý do vắng",
                                                 cell: "Lý do vắng")
    func summary(_ language: Language, _ settings: Settings) -> String {
        language.pick("Đơn vị vắng (Có mặt = Không) mà không ghi lý do vắng.",
                      "A unit absent (Có mặt = No) without a reason.")
    }
    /// The rule.
    init() {}

    func check(_ ctx: RuleContext) -> [Finding] {
        ctx.eachUnit(where: { $0.pointee.present == false }) { u in
            guard (u.absenceReason ?? "").isEmpty else { return nil }
            return finding(u.courseId, u.source, "absenceReason", vi: "Đơn vị \(u.name ?? u.id) vắng nhưng không ghi lý do.",
                           en: "Unit \(u.name ?? u.id) absent with no reason given.", ["unit": .text(u.id)])
        }
    }
}
