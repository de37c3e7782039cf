/// A public holiday: no course should be held on it.
public struct Holiday: Hashable, Sendable, Codable {
    /// The day.
    public var date: LocalDate
    /// Its name (`Quốc khánh`).
    public var name: String

    /// A holiday.
    public init(_ date: LocalDate, _ name: String) {
        self.date = date
        self.name = name
    }
}

/// Every threshold of the rules in one place, with the office's defaults. A lead overrides
/// them in a JSON file or a "Cấu hình" sheet (see ``Settings/load(json:)`` and
/// ``Settings/load(sheet:file:)``); every key is documented in docs/rules.md.
public struct Settings: Hashable, Sendable {
    /// Days between handover and start for most products (10).
    public var handoverDays = 10
    /// Days between handover and start for the products of ``longHandoverProducts`` (30).
    public var longHandoverDays = 30
    /// Products that need the long lead time: Tính lương and DT lương.
    public var longHandoverProducts: Set<Product> = [.payroll, .salaryBudget]
    /// Days after the handover by which TNTK confirms the schedule (3; never later than the start).
    public var scheduleConfirmDays = 3
    /// Weekday of the staff plan deadline in the week before the course's week (6 = Saturday).
    public var staffPlanWeekday = 6
    /// Time of the staff plan deadline (09:00).
    public var staffPlanTime = LocalTime(9, 0)
    /// Days after the end by which survey results are entered (1).
    public var surveyDays = 1
    /// Days after the end by which CRM is updated (1).
    public var crmDays = 1
    /// Days after the end by which paperwork (contract, liquidation, debt) is closed (7).
    public var paperworkDays = 7
    /// Days after the end by which TNTK has read the survey results (3).
    public var feedbackReviewDays = 3
    /// Days after the end by which unhappy or stuck units are called (3).
    public var followUpDays = 3
    /// Days after the end by which the report to ĐVCQ is sent (14).
    public var dvcqReportDays = 14
    /// A survey score at or below this needs a call (2).
    public var lowSurveyScore = 2.0
    /// A data-entry rate below this, on the latest session report of the week, is raised with
    /// TP and the director in the weekly reports (0.7, written 70 %).
    public var lowDataEntryRate = 0.7
    /// Days before the start on which TNTK checks the preparations (1): a check on the first
    /// day or later is late.
    public var preCheckDaysBefore = 1
    /// At the day-before check, fewer units confirmed than this share of the planned units is
    /// raised (0.8, written 80 %).
    public var minConfirmedShare = 0.8
    /// Start time of each session of a training day, one report per session (Sáng 08:00, Chiều 13:30).
    public var sessionTimes: [SessionPart: LocalTime] = [.morning: LocalTime(8, 0), .afternoon: LocalTime(13, 30)]
    /// Minutes after a session's start by which its report is due (60).
    public var sessionReportGraceMinutes = 60
    /// Weekday of the TNTK → TP weekly report deadline (5 = Friday, end of day).
    public var teamReportWeekday = 5
    /// Time of the TNTK → TP deadline (23:59: the whole Friday counts).
    public var teamReportTime = LocalTime(23, 59)
    /// Weekday of the TP → GĐVP weekly report deadline (6 = Saturday).
    public var officeReportWeekday = 6
    /// Time of the TP → GĐVP deadline (12:00).
    public var officeReportTime = LocalTime(12, 0)
    /// Weekdays without work, Monday = 1 … Sunday = 7 (Sunday).
    public var nonWorkingWeekdays: Set<Int> = [7]
    /// Public holidays (Vietnam 2026 and New Year 2027 by default).
    public var holidays: [Holiday] = Settings.vietnamHolidays
    /// The office's own headers for columns, by sheet kind and column key, read besides the
    /// headers the vocabulary knows (none by default).
    public var columnAliases: [SheetType: [String: [String]]] = [:]
    /// The office's own names of products, folded (``HeaderNormalizer/key(_:)``), with the
    /// product each stands for, and so its lead time (none by default).
    public var productAliases: [String: Product] = [:]

    /// The office's defaults.
    public init() {}

    /// The public holidays of Vietnam for 2026 (and New Year's Day 2027), as decreed; a lead
    /// edits them for later years.
    public static let vietnamHolidays: [Holiday] = {
        var h = [Holiday(LocalDate(2026, 1, 1), "Tết Dương lịch")]
        for d in 14...22 { h.append(Holiday(LocalDate(2026, 2, d), "Tết Nguyên đán")) }
        h += [
            Holiday(LocalDate(2026, 4, 26), "Giỗ Tổ Hùng Vương"),
            Holiday(LocalDate(2026, 4, 27), "Giỗ Tổ Hùng Vương (nghỉ bù)"),
            Holiday(LocalDate(2026, 4, 30), "Ngày Giải phóng miền Nam"),
            Holiday(LocalDate(2026, 5, 1), "Quốc tế Lao động"),
            Holiday(LocalDate(2026, 9, 1), "Quốc khánh"),
            Holiday(LocalDate(2026, 9, 2), "Quốc khánh"),
            Holiday(LocalDate(2027, 1, 1), "Tết Dương lịch"),
        ]
        return h
    }()

    /// The products of ``longHandoverProducts`` by name, in the catalogue's order (`Tính lương, DT lương`).
    public var longHandoverProductList: String {
        Product.allCases.filter(longHandoverProducts.contains).map(\.label).joined(separator: ", ")
    }

    /// The lead time a product needs.
    public func handoverDays(for product: Product?) -> Int {
        product.map { longHandoverProducts.contains($0) } == true ? longHandoverDays : handoverDays
    }

    /// The holiday on `date`, if any.
    public func holiday(on date: LocalDate) -> Holiday? { holidays.first { $0.date == date } }

    /// Whether `date` is a Sunday (or another day off) or a public holiday.
    public func isNonWorking(_ date: LocalDate) -> Bool {
        nonWorkingWeekdays.contains(date.isoWeekday) || holiday(on: date) != nil
    }

    /// The moment the staff plan of a course starting on `start` is due: the deadline weekday
    /// and time of the week before the course's week.
    public func staffPlanDeadline(courseStart start: LocalDate) -> LocalMoment {
        LocalMoment(start.weekStart.adding(days: -7 + staffPlanWeekday - 1), staffPlanTime)
    }

    /// Start of the morning session (08:00).
    public var morningSession: LocalTime {
        get { sessionTimes[.morning] ?? LocalTime(8, 0) }
        set { sessionTimes[.morning] = newValue }
    }

    /// Start of the afternoon session (13:30).
    public var afternoonSession: LocalTime {
        get { sessionTimes[.afternoon] ?? LocalTime(13, 30) }
        set { sessionTimes[.afternoon] = newValue }
    }

    /// The sessions of a training day, in order.
    public var sessions: [(part: SessionPart, start: LocalTime)] {
        sessionTimes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
