/// The figures of a weekly report, computed once from the dataset and the findings, and
/// written by ``WeeklyWorkbook`` (built-in layout) or filled into a lead's template.
public struct WeeklyReport: Sendable {
    /// One course of the week, with its attendance, data entry and survey figures.
    public struct CourseLine: Hashable, Sendable {
        /// The course.
        public var course: Course
        /// Units planned on the handover (Số đơn vị), or the unit rows when it is empty.
        public var planned: Int
        /// Units marked present.
        public var present: Int
        /// Units marked absent.
        public var absent: Int
        /// Units that entered data, over the units present (nil when none present).
        public var dataEntryRate: Double?
        /// Mean survey score of the units that answered (nil when none did).
        public var surveyAverage: Double?
        /// Units that answered the survey.
        public var surveyCount: Int
        /// Units scoring at or below ``Settings/lowSurveyScore``.
        public var lowScores: Int
        /// Units needing a follow-up call (low score or not using the software).
        public var followUpsNeeded: Int
        /// Of those, units already called.
        public var followUpsDone: Int
        /// Process findings on the course.
        public var findings: Int
    }

    /// A course of the next week, with its staff and whether the staff plan went out on time.
    public struct NextCourse: Hashable, Sendable {
        /// The course.
        public var course: Course
        /// Staff assigned, `Name (role)`, in sheet order.
        public var staff: [String]
        /// The staff plan's deadline (Saturday 09:00 of the week before the course's week).
        public var staffPlanDue: LocalMoment
        /// When the plan was sent (latest row), nil when not sent.
        public var staffPlanSent: LocalMoment?
        /// Sent by the deadline.
        public var staffPlanOnTime: Bool { staffPlanSent.map { $0.minutes <= staffPlanDue.minutes } ?? false }
    }

    /// A course whose contract, liquidation or debt collection is still open.
    public struct OpenPaperwork: Hashable, Sendable {
        /// The course.
        public var course: Course
        /// Hợp đồng, Thanh lý, Thu nợ (nil: not filled).
        public var contract: PaperworkStatus?, liquidation: PaperworkStatus?, debt: PaperworkStatus?
    }

    /// One team's line in the office report.
    public struct TeamLine: Hashable, Sendable {
        /// Team name.
        public var team: String
        /// TNTK.
        public var lead: String?
        /// Courses of the week.
        public var courses: Int
        /// Units planned, present, absent.
        public var planned: Int, present: Int, absent: Int
        /// Present over present + absent (nil when nobody was marked).
        public var attendanceRate: Double?
        /// Mean survey score over the team's answering units.
        public var surveyAverage: Double?
        /// Low scores.
        public var lowScores: Int
        /// Findings in the team's scope at the report's moment, whatever week they began, by severity.
        public var errors: Int, warnings: Int
    }

    /// Where an opinion stands at the as-of date.
    public enum Progress: String, Hashable, Sendable, CaseIterable {
        /// Recorded, nothing done yet.
        case new
        /// Being handled, due date not passed.
        case inProgress
        /// Not done and past its due date.
        case overdue
        /// Done or dropped.
        case done

        /// The Vietnamese label.
        public var label: String { label(.vi) }

        /// The label in `language`.
        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.new, .vi): return "Mới"
            case (.new, .en): return "New"
            case (.inProgress, .vi): return "Đang xử lý"
            case (.inProgress, .en): return "In progress"
            case (.overdue, .vi): return "Quá hạn"
            case (.overdue, .en): return "Overdue"
            case (.done, .vi): return "Đã xong"
            case (.done, .en): return "Done"
            }
        }
    }

    /// An opinion with its progress and the team of its course.
    public struct OpinionLine: Hashable, Sendable {
        /// The opinion.
        public var opinion: Opinion
        /// The team of its course, when known.
        public var team: String?
        /// Its progress.
        public var progress: Progress

        /// `ghi nhận 12 ngày, quá hạn 5 ngày` at `asOf` (English with `.en`).
        public func age(asOf: LocalDate, _ language: Language = .vi) -> String {
            let vi = language == .vi
            let open = max(0, opinion.recorded.days(to: opinion.doneDate ?? asOf))
            var text = vi ? "ghi nhận \(open) ngày" : "recorded \(open) days ago"
            if progress == .overdue, let due = opinion.due {
                let late = due.days(to: asOf)
                text += vi ? ", quá hạn \(late) ngày" : ", \(late) days overdue"
            }
            return text
        }
    }

    /// The week.
    public var week: Week
    /// The moment the figures are judged at.
    public var asOf: LocalMoment
    /// The team (team report), nil for the office report.
    public var team: String?
    /// The team lead, or the department head for the office report.
    public var preparedBy: String?
    /// The report's deadline.
    public var due: LocalMoment
    /// The language of the report's own text: its workbook's titles, headings and labels, and
    /// the lines it composes (escalations, staff roles).
    public var language: Language = .vi
    /// The week's courses, by start date then id.
    public var courses: [CourseLine] = []
    /// Every finding of error or warning severity in the report's scope at its moment, whatever
    /// week it began: by step of the process, then due date (``items(_:team:week:data:settings:asOf:)``).
    public var items: [Item] = []
    /// What needs TP (team report) or the director and the board (office report).
    public var escalations: [Escalation] = []
    /// The week's weekly reports and daily logs against their deadlines.
    public var reporting: [Reporting] = []
    /// Opinions not done at the report's moment, in the report's scope.
    public var openOpinions: [OpinionLine] = []
    /// The last ``trendWeeks`` weeks of the team (team report) or of every team (office report).
    public var trend: [TrendPoint] = []
    /// Courses (ended by the week's end) with paperwork still open.
    public var openPaperwork: [OpenPaperwork] = []
    /// Opinions recorded in the week.
    public var opinionsOpened: [OpinionLine] = []
    /// Opinions finished in the week.
    public var opinionsClosed: [OpinionLine] = []
    /// Next week's courses.
    public var nextCourses: [NextCourse] = []
    /// The teams side by side (office report).
    public var teams: [TeamLine] = []
    /// Every opinion recorded up to the week's end, with its progress (office report).
    public var opinionTracker: [OpinionLine] = []
    /// Unfinished opinions affecting sales or debt collection, for the board (office report).
    public var urgent: [OpinionLine] = []

    /// How many opinions of the tracker are at each progress.
    public var progressCounts: [Progress: Int] {
        Dictionary(grouping: opinionTracker, by: \.progress).mapValues(\.count)
    }
}
