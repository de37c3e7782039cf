/// A session report sent later than the start of its session allows: the process asks trainers
/// to report "ngay đầu buổi", at the very start of each session, and the report's own time
/// (Giờ báo cáo) says when it was sent.
struct SessionReportLate: Rule {
    let id = "SESSION_REPORT_LATE"
    let severity = Severity.warning
    let step = ProcessStep.duringCourse
    let documentation = RuleDocumentation(firesWhen: "a session report whose Giờ báo cáo is more than {sessionReportGraceMinutes} minutes after its session started (Sáng {morningSession}, Chiều {afternoonSession}); a report of another day counts as late",
                                          cell: "Giờ báo cáo")
    func summary(_ language: Language, _ settings: Settings) -> String {
        let grace = settings.sessionReportGraceMinutes
        return language.pick("Báo cáo đầu buổi gửi muộn hơn \(grace) phút sau khi buổi bắt đầu.",
                             "A session report sent more than \(grace) minutes after the session started.")
    }

    func check(_ ctx: RuleContext) -> [Finding] {
        let grace = ctx.settings.sessionReportGraceMinutes
        return ctx.data.sessionReports.compactMap { s in
            // A report dated without a time says nothing of the hour: not judged.
            guard let sent = s.reportedAt, sent.time != nil, let start = ctx.settings.sessionTimes[s.session] else { return nil }
            let begins = LocalMoment(s.date, start)
            let late = sent.minutes - begins.minutes
            guard late > grace else { return nil }
            let part = s.session == .morning ? "morning" : "afternoon"
            return finding(s.courseId, s.source, "reportedAt",
                           vi: "Báo cáo buổi \(s.session.label) \(s.date.vietnamese) gửi lúc \(sent.vietnamese), \(late) phút sau khi buổi bắt đầu (\(start)); hạn \(grace) phút.",
                           en: "Report of the \(part) of \(s.date.vietnamese) sent at \(sent.vietnamese), \(late) minutes after the session began (\(start)); \(grace) allowed.",
                           ["reportedAt": .moment(sent), "sessionStart": .moment(begins), "minutesLate": .int(late), "allowedMinutes": .int(grace)])
        }
    }
}
