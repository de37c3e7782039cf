/// Reads the date texts a template's data may hold for a date-formatted cell.
enum TemplateDates {
    /// The serial of `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (or with a space) or `DD/MM/YYYY`;
    /// nil for any other text or an impossible date.
    static func serial(_ text: String, system: DateSystem) -> Double? {
        let s = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count, !range.isEmpty else { return nil }
            var n = 0
            for i in range {
                guard s[i] >= 0x30, s[i] <= 0x39 else { return nil }
                n = n * 10 + Int(s[i] - 0x30)
            }
            return n
        }
        var year: Int, month: Int, day: Int
        var rest = 10
        if s.count >= 10, s[4] == 0x2D, s[7] == 0x2D, let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
            (year, month, day) = (y, m, d)
        } else if s.count == 10, s[2] == 0x2F, s[5] == 0x2F, let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        var hour = 0, minute = 0, second = 0
        if s.count > 10 {
            guard s[10] == 0x54 || s[10] == 0x20, s.count >= 16, s[13] == 0x3A,
                  let h = number(11..<13), let mi = number(14..<16) else { return nil }
            (hour, minute) = (h, mi)
            rest = 16
            if s.count >= 19, s[16] == 0x3A, let se = number(17..<19) { second = se; rest = 19 }
            guard rest == s.count, hour < 24, minute < 60, second < 60 else { return nil }
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month, year), year >= 1900, year <= 9999 else { return nil }
        let components = DateTimeComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return ExcelDateTime.serial(of: components, system: system)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
