/// The step of the office's process a rule enforces (the stages of shared/DOMAIN.md).
public enum ProcessStep: String, Sendable, CaseIterable, Codable {
    /// 1. Request and plan: handover, schedule, staff plan.
    case requestAndPlan
    /// The day-before check.
    case dayBefore
    /// 2. Running the course: plan approval, units, first report, paperwork, survey, CRM.
    case running
    /// Reports at the start of each session.
    case duringCourse
    /// 3. Wrap-up and evaluation: feedback, follow-up calls, ĐVCQ report, weekly reports.
    case wrapUp
    /// Work outside courses: the daily log.
    case outsideCourses
    /// What a lead expects beyond the office's text.
    case leadChecks

    /// The step's name in `language`.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.requestAndPlan, .vi): return "1. Tiếp nhận yêu cầu, lập kế hoạch"
        case (.requestAndPlan, .en): return "1. Request and plan"
        case (.dayBefore, .vi): return "Chuẩn bị trước TH 1 ngày"
        case (.dayBefore, .en): return "Day-before check"
        case (.running, .vi): return "2. Triển khai khóa tập huấn"
        case (.running, .en): return "2. Running the course"
        case (.duringCourse, .vi): return "Báo cáo trong TH (đầu mỗi buổi)"
        case (.duringCourse, .en): return "Session reports"
        case (.wrapUp, .vi): return "3. Tổng kết, đánh giá"
        case (.wrapUp, .en): return "3. Wrap-up and evaluation"
        case (.outsideCourses, .vi): return "Công việc ngoài tập huấn"
        case (.outsideCourses, .en): return "Work outside courses"
        case (.leadChecks, .vi): return "Kiểm tra thêm của trưởng nhóm"
        case (.leadChecks, .en): return "Lead's extra checks"
        }
    }
}

/// One rule of the process: a stable id, a severity, the step it enforces, and a check that
/// turns a dataset into findings, judged at the context's as-of moment.
public protocol Rule: Sendable {
    /// The stable id (`HANDOVER_LATE`).
    var id: String { get }
    /// The severity of its findings.
    var severity: Severity { get }
    /// The step it enforces.
    var step: ProcessStep { get }
    /// What it checks, in `language`, with the thresholds of `settings`.
    func summary(_ language: Language, _ settings: Settings) -> String
    /// When it fires and where, for docs/rules.md.
    var documentation: RuleDocumentation { get }
    /// The findings in `context`.
    func check(_ context: RuleContext) -> [Finding]
    /// Whether the rule's findings stand on a cell whose value could not be read. A value
    /// that cannot be read is reported once, at its cell (`IMPORT_INVALID_VALUE`); a rule that
    /// finds that value missing says nothing more of it, unless it judges something the
    /// reading does not (false by default).
    var judgesUnreadableCells: Bool { get }
}

extension Rule {
    /// False: a rule is silent on a cell already reported as unreadable.
    public var judgesUnreadableCells: Bool { false }

    /// What it checks in `language`, with the office's default thresholds.
    public func summary(_ language: Language) -> String { summary(language, Settings()) }

    /// A finding of this rule on a record's row.
    func finding(_ course: String?, _ source: SourceRow, _ column: String?, vi: String, en: String,
                 _ data: [String: FindingValue] = [:]) -> Finding {
        Finding(rule: id, severity: severity, course: course, at: source, column: column, messageVi: vi, messageEn: en, data: data)
    }

    /// A finding of this rule on a course's handover row.
    func finding(_ course: Course, _ column: String?, vi: String, en: String, _ data: [String: FindingValue] = [:]) -> Finding {
        finding(course.id, course.source, column, vi: vi, en: en, data.merging(["course": .text(course.id)]) { a, _ in a })
    }
}

extension LocalMoment {
    /// Minutes since 1970-01-01 00:00 local time (a date without time counts as its midnight).
    var minutes: Int { date.dayNumber * 1440 + (time?.minuteOfDay ?? 0) }

    /// `28/11/2026 09:00` or `28/11/2026`.
    var vietnamese: String { date.vietnamese + (time.map { " \($0)" } ?? "") }
}

extension FindingValue {
    /// A date as data.
    static func date(_ d: LocalDate) -> FindingValue { .text(d.description) }
    /// A moment as data.
    static func moment(_ m: LocalMoment) -> FindingValue { .text(m.description) }
}

/// What the rules judge: the dataset, the settings and the as-of moment, with the records
/// indexed by course once so each rule runs in time linear in the data.
public struct RuleContext: Sendable {
    /// The records.
    public let data: Dataset
    /// The thresholds.
    public let settings: Settings
    /// The moment deadlines are judged at (office local time).
    public let asOf: LocalMoment
    /// Positions in `data.units` by course: the units themselves are not copied.
    let unitsByCourse: [String: [Int]]
    let staffByCourse: [String: [StaffAssignment]]
    let trackingByCourse: [String: CourseTracking]
    let preCheckByCourse: [String: PreCheck]
    /// The day-before checks made by the as-of moment: a check dated later had not been made
    /// then (a report judged at a past moment sees the office as it was).
    let preChecks: [PreCheck]
    let sessionsByCourse: [String: [SessionReport]]
    let courseById: [String: Course]

    /// A context; `asOf` without a time means the start of that day.
    public init(data: Dataset, settings: Settings = Settings(), asOf: LocalMoment) {
        self.data = data
        self.settings = settings
        self.asOf = LocalMoment(asOf.date, asOf.time ?? LocalTime(0, 0))
        var unitsByCourse: [String: [Int]] = [:]
        unitsByCourse.reserveCapacity(data.courses.count)
        data.units.withUnsafeBufferPointer { units in
            for i in units.indices { unitsByCourse[units[i].courseId, default: []].append(i) }
        }
        self.unitsByCourse = unitsByCourse
        staffByCourse = Dictionary(grouping: data.staffAssignments, by: \.courseId)
        trackingByCourse = Dictionary(data.trackings.map { ($0.courseId, $0) }, uniquingKeysWith: { a, _ in a })
        let moment = LocalMoment(asOf.date, asOf.time ?? LocalTime(0, 0))
        let made = data.preChecks.filter { $0.checkedAt.map { $0.minutes <= moment.minutes } ?? true }
        preChecks = made
        preCheckByCourse = Dictionary(made.map { ($0.courseId, $0) }, uniquingKeysWith: { a, _ in a })
        sessionsByCourse = Dictionary(grouping: data.sessionReports, by: \.courseId)
        courseById = Dictionary(data.courses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The findings `check` gives for the units `select` picks. `select` looks at each unit in
    /// place, through a pointer: iterating the array would copy every unit, retaining each of
    /// its strings, only to read a field or two of it.
    func eachUnit(where select: (UnsafePointer<Unit>) -> Bool, _ check: (Unit) -> Finding?) -> [Finding] {
        data.units.withUnsafeBufferPointer { units in
            var found: [Finding] = []
            guard let base = units.baseAddress else { return found }
            for i in units.indices where select(base + i) {
                if let f = check(units[i]) { found.append(f) }
            }
            return found
        }
    }

    /// Whether the deadline has passed: `asOf` is strictly after it (a step due at 09:00 is
    /// on time at 09:00).
    public func isPast(_ deadline: LocalMoment) -> Bool { asOf.minutes > deadline.minutes }

    /// Whether `moment` had come at the as-of moment (a moment not written has).
    public func happened(_ moment: LocalMoment?) -> Bool { moment.map { $0.minutes <= asOf.minutes } ?? true }

    /// Whether the whole of `day` is over at the as-of moment.
    public func isOver(_ day: LocalDate) -> Bool { asOf.date > day }

    /// Whether `day` has begun at the as-of moment.
    public func hasBegun(_ day: LocalDate) -> Bool { asOf.date >= day }

    /// Units of a course.
    public func units(_ course: String) -> [Unit] { unitsByCourse[course]?.map { data.units[$0] } ?? [] }
    /// How many units a course has on its lists.
    public func unitCount(_ course: String) -> Int { unitsByCourse[course]?.count ?? 0 }
    /// Staff assignments of a course.
    public func staff(_ course: String) -> [StaffAssignment] { staffByCourse[course] ?? [] }
    /// Tracking row of a course.
    public func tracking(_ course: String) -> CourseTracking? { trackingByCourse[course] }
    /// Day-before check of a course.
    public func preCheck(_ course: String) -> PreCheck? { preCheckByCourse[course] }
    /// Session reports of a course.
    public func sessions(_ course: String) -> [SessionReport] { sessionsByCourse[course] ?? [] }
    /// The course with `id`.
    public func course(_ id: String) -> Course? { courseById[id] }

    /// The first recognised sheet of `kind`: where something missing from that sheet is reported.
    public func sheet(of kind: SheetType) -> RecognisedSheet? { data.sheets.first { $0.header.kind == kind } }
}
