import XLSX

/// A calendar day in the office's local time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Year, month (1–12) and day (1–31).
    public var year: Int, month: Int, day: Int

    /// A date, not checked: use ``LocalDate/validated(year:month:day:)`` for typed input.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date when it exists in the calendar.
    public static func validated(year: Int, month: Int, day: Int) -> LocalDate? {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...daysInMonth(year: year, month: month)).contains(day) else { return nil }
        return LocalDate(year, month, day)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { DateTimeComponents(year: year, month: month, day: day).daysSinceUnixEpoch }

    /// The date of a day number since 1970-01-01.
    public init(dayNumber: Int) {
        let c = DateTimeComponents.civil(daysSinceUnixEpoch: dayNumber)
        self.init(c.year, c.month, c.day)
    }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Monday = 1 … Sunday = 7.
    public var isoWeekday: Int { DateTimeComponents(year: year, month: month, day: day).isoWeekday }

    /// The Monday of this date's week (weeks start on Monday).
    public var weekStart: LocalDate { adding(days: 1 - isoWeekday) }

    /// `2026-11-28`.
    public var description: String { DateTimeComponents(year: year, month: month, day: day).isoDate }

    /// `28/11/2026`, as staff write it.
    public var vietnamese: String { "\(two(day))/\(two(month))/\(year)" }

    /// Chronological order.
    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days in a month of the Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A time of day, to the minute.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hour 0–23 and minute 0–59.
    public var hour: Int, minute: Int

    /// A time, not checked.
    public init(_ hour: Int, _ minute: Int = 0) {
        self.hour = hour
        self.minute = minute
    }

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// `09:00`.
    public var description: String { "\(two(hour)):\(two(minute))" }

    /// Earlier first.
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minuteOfDay < b.minuteOfDay }
}

/// A moment in local time as typed in a sheet: a date, and the time when one was given.
public struct LocalMoment: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The day.
    public var date: LocalDate
    /// The time of day, `nil` when the cell held only a date.
    public var time: LocalTime?

    /// A moment from its parts.
    public init(_ date: LocalDate, _ time: LocalTime? = nil) {
        self.date = date
        self.time = time
    }

    /// A moment from XLSX components (seconds dropped); midnight counts as "no time given"
    /// only when `dateOnly` is true.
    public init(_ c: DateTimeComponents, dateOnly: Bool) {
        date = LocalDate(c.year, c.month, c.day)
        time = dateOnly ? nil : LocalTime(c.hour, c.minute)
    }

    /// The moment as XLSX components (midnight when no time was given).
    public var components: DateTimeComponents {
        DateTimeComponents(year: date.year, month: date.month, day: date.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0)
    }

    /// `2026-11-28T09:00` or `2026-11-28`.
    public var description: String { time.map { "\(date)T\($0)" } ?? date.description }

    /// Chronological order; a date without time sorts as its midnight.
    public static func < (a: LocalMoment, b: LocalMoment) -> Bool {
        (a.date, a.time?.minuteOfDay ?? 0) < (b.date, b.time?.minuteOfDay ?? 0)
    }
}

/// A week, named by its Monday.
public struct Week: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The Monday the week starts on.
    public var monday: LocalDate

    /// The week containing `date`.
    public init(containing date: LocalDate) { monday = date.weekStart }

    /// ISO 8601 week `number` of `year` (week 1 holds the year's first Thursday).
    public static func iso(year: Int, number: Int) -> Week? {
        guard (1900...9999).contains(year), number >= 1 else { return nil }
        let jan4 = LocalDate(year, 1, 4)
        let monday = jan4.weekStart.adding(days: (number - 1) * 7)
        let week = Week(containing: monday)
        guard week.isoYearAndNumber.year == year else { return nil }
        return week
    }

    /// The ISO year and week number.
    public var isoYearAndNumber: (year: Int, number: Int) {
        let thursday = monday.adding(days: 3)
        let jan1 = LocalDate(thursday.year, 1, 1)
        return (thursday.year, jan1.days(to: thursday) / 7 + 1)
    }

    /// The Sunday the week ends on.
    public var sunday: LocalDate { monday.adding(days: 6) }

    /// `2026-W48`.
    public var description: String {
        let (y, n) = isoYearAndNumber
        return "\(y)-W\(two(n))"
    }

    /// Earlier first.
    public static func < (a: Week, b: Week) -> Bool { a.monday < b.monday }
}

func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }
