/// Parses the ISO 8601 text of a `t="d"` cell: a date (`2024-12-01`), a time (`09:30:00`,
/// with an optional fraction) or both (`2024-12-01T09:30:00Z`; a zone suffix is ignored, as
/// Excel has no time zones).
enum ISODate {
    static func parse(_ text: String) -> (DateTimeComponents, ExcelDateTime.Kind)? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var v = 0
            for k in 0..<digits {
                let d = s[i + k] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            i += digits
            return v
        }
        func expect(_ b: UInt8) -> Bool {
            guard i < s.count, s[i] == b else { return false }
            i += 1
            return true
        }
        var c = DateTimeComponents(year: 1899, month: 12, day: 30)
        var hasDate = false, hasTime = false
        if s.count >= 10, s[4] == 0x2D {
            guard let y = number(4), expect(0x2D), let m = number(2), expect(0x2D), let d = number(2),
                  (1...12).contains(m), (1...31).contains(d) else { return nil }
            c.year = y; c.month = m; c.day = d
            hasDate = true
            if i < s.count, s[i] == 0x54 || s[i] == 0x20 { i += 1 } else if i < s.count, s[i] != 0x5A { return nil }
        }
        if i + 5 <= s.count, s[i + 2] == 0x3A {
            guard let h = number(2), expect(0x3A), let mi = number(2) else { return nil }
            var sec = 0, ms = 0
            if expect(0x3A) {
                guard let v = number(2) else { return nil }
                sec = v
                if expect(0x2E) {
                    var scale = 100
                    while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                        ms += Int(s[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                }
            }
            guard h <= 24, mi < 60, sec < 61 else { return nil }
            c.hour = h; c.minute = mi; c.second = sec; c.millisecond = ms
            hasTime = true
        }
        guard hasDate || hasTime else { return nil }
        let kind: ExcelDateTime.Kind = hasDate && hasTime ? .dateTime : (hasDate ? .date : .time)
        return (c, kind)
    }
}
