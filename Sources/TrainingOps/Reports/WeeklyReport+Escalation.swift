/// What needs the head of department or the director: what staff asked for help with, the
/// difficulties they reported, supervising agencies that do not speak, low data-entry rates,
/// and the urgent opinions (sales, debt collection) with whether the board was told.
extension WeeklyReport {
    /// One thing to raise with TP (team report) or the director (office report).
    public struct Escalation: Hashable, Sendable {
        /// Why it is raised.
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            /// An open opinion affecting sales or debt collection.
            case urgentOpinion
            /// "Cần hỗ trợ" filled on a session report.
            case supportNeeded
            /// ĐVCQ did not speak at the course.
            case partnerSilent
            /// The latest data-entry rate of the week below ``Settings/lowDataEntryRate``.
            case lowDataEntry
            /// "Khó khăn" on a session report.
            case difficulty
            /// "Khó khăn / đề xuất" on the daily log.
            case dailyDifficulty

            /// The label in `language`.
            public func label(_ language: Language = .vi) -> String {
                switch (self, language) {
                case (.urgentOpinion, .vi): return "Việc gấp (doanh số, thu nợ)"
                case (.urgentOpinion, .en): return "Urgent (sales, debt)"
                case (.supportNeeded, .vi): return "Cần hỗ trợ"
                case (.supportNeeded, .en): return "Support needed"
                case (.partnerSilent, .vi): return "ĐVCQ không phát biểu"
                case (.partnerSilent, .en): return "Supervising agency did not speak"
                case (.lowDataEntry, .vi): return "Tỷ lệ nhập liệu thấp"
                case (.lowDataEntry, .en): return "Low data entry"
                case (.difficulty, .vi): return "Khó khăn trong buổi học"
                case (.difficulty, .en): return "Difficulty in class"
                case (.dailyDifficulty, .vi): return "Khó khăn, đề xuất (nhật ký ngày)"
                case (.dailyDifficulty, .en): return "Difficulty, proposal (daily log)"
                }
            }
        }

        /// Why.
        public var kind: Kind
        /// The team concerned.
        public var team: String?
        /// The course concerned.
        public var course: String?
        /// The day it was reported (or recorded).
        public var date: LocalDate?
        /// Who reported it, or who handles it.
        public var who: String?
        /// What was reported.
        public var text: String
        /// The reason given, or the handling's progress note.
        public var note: String?
        /// "Đã báo Ban GĐ" (opinions only).
        public var boardTold: Bool?
        /// Where it was written.
        public var place: String
    }

    /// The escalations of `week` up to `asOf` for the courses and people of `team` (all when nil),
    /// their texts in `language`.
    static func escalations(_ data: Dataset, team: String?, week: Week, asOf: LocalMoment, opinions: [OpinionLine],
                            settings: Settings, language: Language = .vi) -> [Escalation] {
        let lowDataEntryRate = settings.lowDataEntryRate
        let vi = language == .vi
        func session(_ s: SessionReport) -> String { vi ? "Buổi \(s.session.label)" : "\(s.session.englishLabel) session" }
        let scope = FindingScope(data)
        let key = team.map(HeaderNormalizer.key)
        func mine(_ t: String?) -> Bool { key == nil || t.map(HeaderNormalizer.key) == key }
        func place(_ s: SourceRow) -> String { "\(s.file) › \(s.sheet)!\(s.row):\(s.row)" }
        let until = min(week.sunday, asOf.date)
        var out: [Escalation] = []

        for l in opinions where l.progress != .done && l.opinion.recorded <= asOf.date && mine(l.team) {
            guard let impact = l.opinion.impact, impact == .sales || impact == .debtCollection else { continue }
            let o = l.opinion
            out.append(Escalation(kind: .urgentOpinion, team: l.team, course: o.courseId, date: o.recorded, who: o.handler,
                                  text: "\(impact.label(language)): \(o.content)" + (o.unit.map { " (\($0))" } ?? ""),
                                  note: [l.progress.label(language), o.progressNote].compactMap { $0 }.joined(separator: "; "),
                                  boardTold: o.escalated, place: place(o.source)))
        }

        let sessions = data.sessionReports.filter { $0.date >= week.monday && $0.date <= until && mine(scope.courseTeam[$0.courseId]) }
            .sorted { ($0.courseId, $0.date, $0.session) < ($1.courseId, $1.date, $1.session) }
        for s in sessions {
            let t = scope.courseTeam[s.courseId]
            if let need = s.needsSupport, !need.isEmpty {
                out.append(Escalation(kind: .supportNeeded, team: t, course: s.courseId, date: s.date, who: s.reporter,
                                      text: need, note: session(s), place: place(s.source)))
            }
        }
        let byCourse = Dictionary(grouping: sessions, by: \.courseId)
        for id in byCourse.keys.sorted() {
            let reports = byCourse[id] ?? []
            let t = scope.courseTeam[id]
            let silent = reports.filter { $0.partnerSpoke == false }
            let everSpoke = data.sessionReports.contains { $0.courseId == id && $0.date <= asOf.date && $0.partnerSpoke == true }
            let unexplained = silent.filter { ($0.partnerReason ?? "").isEmpty }
            if let first = silent.first, !everSpoke || !unexplained.isEmpty {
                let reasons = Array(Set(silent.compactMap(\.partnerReason).filter { !$0.isEmpty })).sorted()
                let what = vi
                    ? "ĐVCQ không phát biểu \(silent.count)/\(reports.count) buổi báo cáo trong tuần"
                        + (everSpoke ? "" : ", chưa phát biểu buổi nào")
                        + (unexplained.isEmpty ? "" : "; \(unexplained.count) buổi không ghi lý do")
                    : "Supervising agency did not speak at \(silent.count) of \(reports.count) sessions reported this week"
                        + (everSpoke ? "" : ", at none so far")
                        + (unexplained.isEmpty ? "" : "; \(unexplained.count) with no reason written")
                out.append(Escalation(kind: .partnerSilent, team: t, course: id, date: first.date, who: first.reporter, text: what,
                                      note: reasons.isEmpty ? language.pick("(không ghi lý do)", "(no reason written)")
                                          : language.pick("Lý do: ", "Reasons: ") + reasons.joined(separator: "; "),
                                      place: place(first.source)))
            }
            if let last = reports.last(where: { $0.dataEntryRate != nil }), let rate = last.dataEntryRate, rate < lowDataEntryRate {
                let pct = Int((rate * 100).rounded())
                out.append(Escalation(kind: .lowDataEntry, team: t, course: id, date: last.date, who: last.reporter,
                                      text: vi ? "Tỷ lệ nhập liệu \(pct)% (buổi \(last.session.label) \(last.date.vietnamese)), dưới \(Int(lowDataEntryRate * 100))%"
                                          : "Data entry \(pct)% (\(last.session.label(language).lowercased()) \(last.date.vietnamese)), below \(Int(lowDataEntryRate * 100))%",
                                      note: last.progress, place: place(last.source)))
            }
        }
        for s in sessions {
            if let d = s.difficulties, !d.isEmpty {
                out.append(Escalation(kind: .difficulty, team: scope.courseTeam[s.courseId], course: s.courseId, date: s.date, who: s.reporter,
                                      text: d, note: session(s), place: place(s.source)))
            }
        }

        // The daily log's difficulties, one line per person and text with the days it was written.
        var seen: [String: Int] = [:]
        for l in data.dailyLogs.sorted(by: { ($0.date, $0.source.row) < ($1.date, $1.source.row) }) where l.date >= week.monday && l.date <= until {
            guard let d = l.difficulties, !d.isEmpty else { continue }
            let t = l.team ?? scope.staffTeam[HeaderNormalizer.key(l.staff)]
            guard mine(t) else { continue }
            let k = "\(HeaderNormalizer.key(l.staff))|\(d)"
            if let i = seen[k] {
                out[i].note = (out[i].note ?? "") + ", " + l.date.vietnamese
            } else {
                seen[k] = out.count
                out.append(Escalation(kind: .dailyDifficulty, team: t, course: nil, date: l.date, who: l.staff, text: d,
                                      note: language.pick("Ngày ", "Days: ") + l.date.vietnamese, place: place(l.source)))
            }
        }
        return out
    }
}
