/// The two date systems of Excel workbooks.
public enum DateSystem: Sendable, Hashable {
    /// Serial 1 is 1 Jan 1900, with Lotus's phantom 29 Feb 1900 at serial 60.
    case date1900
    /// Serial 0 is 1 Jan 1904 (old Mac workbooks; `<workbookPr date1904="1"/>`).
    case date1904
}

/// Calendar date and time of day, without time zone (Excel has none).
public struct DateTimeComponents: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year (1900–9999 in Excel's range).
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int
    /// The hour, 0–23.
    public var hour: Int
    /// The minute, 0–59.
    public var minute: Int
    /// The second, 0–59.
    public var second: Int
    /// Milliseconds within the second (Excel keeps no finer resolution worth trusting).
    public var millisecond: Int

    /// A date and time from its parts; they are taken as given, not checked.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// Days since 1970-01-01 of the civil date (proleptic Gregorian).
    public var daysSinceUnixEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    package static func civil(daysSinceUnixEpoch z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Milliseconds since midnight.
    public var millisecondOfDay: Int { ((hour * 60 + minute) * 60 + second) * 1000 + millisecond }

    /// Monday = 1 … Sunday = 7 (ISO 8601).
    public var isoWeekday: Int {
        let d = daysSinceUnixEpoch  // 1970-01-01 was a Thursday (4)
        return ((d % 7) + 7 + 3) % 7 + 1
    }

    /// ISO 8601: `2024-12-01T09:30:00`, with `.25` for 250 milliseconds.
    public var description: String { isoDate + "T" + isoTime }

    /// The date as ISO 8601: `2024-12-01`.
    public var isoDate: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// The time of day as ISO 8601: `09:30:00`, with `.25` when there are milliseconds.
    public var isoTime: String {
        let base = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        return millisecond == 0 ? base : base + "." + trimmedMilliseconds(millisecond)
    }

    /// True when `a` comes before `b` in time.
    public static func < (a: DateTimeComponents, b: DateTimeComponents) -> Bool {
        (a.year, a.month, a.day, a.millisecondOfDay) < (b.year, b.month, b.day, b.millisecondOfDay)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// `250` → `25`, `5` → `005`: a fraction of a second written without trailing zeros.
func trimmedMilliseconds(_ ms: Int) -> String {
    var s = pad(ms, 3)
    while s.hasSuffix("0") { s.removeLast() }
    return s
}

/// A date, time, date-time or duration from a cell: the serial number the file stores, the
/// date system it counts in, and what the cell's number format makes of it.
public struct ExcelDateTime: Hashable, Sendable, CustomStringConvertible {
    /// What the cell's number format shows of the serial.
    public enum Kind: Sendable, Hashable {
        /// A calendar date; the fraction of a day, if any, is not shown.
        case date
        /// A time of day; the whole days are not shown.
        case time
        /// A date with a time of day.
        case dateTime
        /// Elapsed time (`[h]:mm:ss`): hours may pass 24.
        case duration
    }

    /// The stored number, in `system`'s days.
    public var serial: Double
    /// The date system the serial counts in.
    public var system: DateSystem
    /// What the cell's number format shows: date, time, both, or a duration.
    public var kind: Kind

    /// A value from a serial number as a cell stores it: days since the system's start, the fraction the time of day.
    public init(serial: Double, system: DateSystem = .date1900, kind: Kind) {
        self.serial = serial
        self.system = system
        self.kind = kind
    }

    /// A value from calendar components: the serial is computed for `system`.
    public init(_ components: DateTimeComponents, kind: Kind = .dateTime, system: DateSystem = .date1900) {
        self.system = system
        self.kind = kind
        self.serial = ExcelDateTime.serial(of: components, system: system)
    }

    /// The serial number of a civil date-time.
    public static func serial(of c: DateTimeComponents, system: DateSystem) -> Double {
        let days = c.daysSinceUnixEpoch
        var serial: Double
        switch system {
        case .date1904:
            serial = Double(days + 24_107)
        case .date1900:
            // 1899-12-30 is unix day -25569; before 1 Mar 1900 the phantom leap day shifts by one.
            serial = Double(days + 25_569)
            if serial < 61 { serial -= 1 }
            if c.year == 1900, c.month == 2, c.day == 29 { serial = 60 }
        }
        return serial + Double(c.millisecondOfDay) / 86_400_000
    }

    /// The calendar date-time (the time part rounded to the millisecond).
    public var components: DateTimeComponents {
        var day = serial.rounded(.down)
        var ms = Int(((serial - day) * 86_400_000).rounded())
        if ms >= 86_400_000 { ms -= 86_400_000; day += 1 }
        let whole = Int(day)
        var result: (year: Int, month: Int, day: Int)
        switch system {
        case .date1904:
            result = DateTimeComponents.civil(daysSinceUnixEpoch: whole - 24_107)
        case .date1900:
            if whole == 60 {
                result = (1900, 2, 29)
            } else {
                result = DateTimeComponents.civil(daysSinceUnixEpoch: whole - 25_569 + (whole < 60 ? 1 : 0))
            }
        }
        return DateTimeComponents(
            year: result.year, month: result.month, day: result.day,
            hour: ms / 3_600_000, minute: ms / 60_000 % 60, second: ms / 1000 % 60, millisecond: ms % 1000)
    }

    /// ISO 8601 as the reference format writes it: `2024-12-01`, `09:30:00`,
    /// `2024-12-01T09:30:00`, or for a duration the total hours first (`26:00:00`).
    public var description: String {
        switch kind {
        case .date: return components.isoDate
        case .time: return components.isoTime
        case .dateTime: return components.description
        case .duration:
            let totalMs = Int((serial * 86_400_000).rounded())
            let sign = totalMs < 0 ? "-" : ""
            let ms = abs(totalMs)
            let base = "\(sign)\(ms / 3_600_000):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2))"
            return ms % 1000 == 0 ? base : base + "." + trimmedMilliseconds(ms % 1000)
        }
    }
}
