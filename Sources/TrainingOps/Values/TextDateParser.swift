import Foundation

/// Reads dates typed as text, always day first: `28/11/2026`, `5/1/26`, `28-11-2026`,
/// `28.11.2026`, ISO `2026-11-28`, in words `ngày 05 tháng 10 năm 2026` or `5 tháng 10, 2026`,
/// each optionally with a time: `9h`, `9h30`, `9g15`, `9 giờ 15`, `09:00`, `9:00 SA`,
/// `09:15 sáng`, `2 giờ chiều`, before or after the date, and with its weekday (`Thứ 3`, `T3`,
/// `thứ Ba`, `CN`), which must be the date's. A day and month without a year (`5/10`,
/// `ngày 5 tháng 10`) take the year that puts them nearest a reference day, when one is given.
/// Brackets are read as spaces (`Thứ 3 (20/10/2026)`), and a part of the day without an hour
/// (`20/10/2026 (sáng)`) says nothing more than the date.
public enum TextDateParser {
    /// The moment in `text`, or `nil` when it is not a complete, valid date. `reference` is the
    /// day a date without a year is read near (the sheet's other dates); without it such a
    /// date is not complete.
    public static func parse(_ text: String, reference: LocalDate? = nil) -> LocalMoment? {
        var tokens = tokenize(text)
        let found = findDate(in: tokens) ?? findDateInWords(in: tokens, reference: reference)
            ?? reference.flatMap { findDayAndMonth(in: tokens, reference: $0) }
        guard let (date, range) = found else { return nil }
        tokens.removeSubrange(range)
        tokens.removeAll { if case .filler = $0 { return true } else { return false } }
        // The weekday written with the date must be its own (`Thứ 3, 21/10/2026` is not a date).
        if let (weekday, at) = weekday(in: tokens) {
            guard weekday == date.isoWeekday else { return nil }
            tokens.removeSubrange(at)
        }
        if tokens.count == 1, case .word(let part) = tokens[0], ["sang", "trua", "chieu", "toi"].contains(part) { tokens = [] }
        if tokens.isEmpty { return LocalMoment(date) }
        guard let time = parseTime(tokens) else { return nil }
        return LocalMoment(date, time)
    }

    /// A weekday among `tokens` (fillers removed), ISO numbered (Monday 1, Sunday 7), and the
    /// tokens it takes: `thu 3`, `thu ba`, `t3`, `chu nhat`, `cn`.
    static func weekday(in tokens: [Token]) -> (Int, Range<Int>)? {
        let names = ["hai": 1, "ba": 2, "tu": 3, "nam": 4, "sau": 5, "bay": 6]
        for (i, token) in tokens.enumerated() {
            switch token {
            case .weekday(let n):
                return (n - 1, i..<(i + 1))
            case .word("cn"):
                return (7, i..<(i + 1))
            case .word("chu"):
                if i + 1 < tokens.count, case .word("nhat") = tokens[i + 1] { return (7, i..<(i + 2)) }
            case .word("thu"):
                guard i + 1 < tokens.count else { return nil }
                if case .number(let n, 1) = tokens[i + 1], (2...7).contains(n) { return (n - 1, i..<(i + 2)) }
                if case .word(let w) = tokens[i + 1], let n = names[w] { return (n, i..<(i + 2)) }
            default:
                continue
            }
        }
        return nil
    }

    /// The first and last day of a span typed in one cell, day first, as schedules write one:
    /// `20-21/10/2026`, `20/10 - 21/10/2026`, `30/10 - 02/11/2026`, `20/10/2026 - 21/10/2026`,
    /// `từ 20/10/2026 đến 21/10/2026`. The first part may leave out the year (then the last
    /// part's, or the year before when its month comes later) or the month and year. Nil when
    /// it is no span, or the first day comes after the last.
    public static func parseRange(_ text: String) -> (LocalDate, LocalDate)? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["từ ", "Từ ", "TỪ "] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        var parts: [String] = []
        for separator in [" - ", " – ", " — ", "–", "—", " đến ", " tới ", "~"] where t.contains(separator) {
            parts = t.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            break
        }
        if parts.isEmpty, let dash = t.firstIndex(of: "-"), t[..<dash].allSatisfy(\.isNumber), (1...2).contains(t.distance(from: t.startIndex, to: dash)) {
            // `20-21/10/2026`: the first day alone before the dash.
            parts = [String(t[..<dash]), String(t[t.index(after: dash)...])]
        }
        guard parts.count == 2, let last = parse(parts[1])?.date else { return nil }
        let first: LocalDate?
        if let full = parse(parts[0])?.date {
            first = full
        } else if let day = Int(parts[0]), parts[0].count <= 2 {
            first = LocalDate.validated(year: last.year, month: last.month, day: day)
        } else {
            let bits = parts[0].split(whereSeparator: { "/.-".contains($0) }).compactMap { Int($0) }
            guard bits.count == 2 else { return nil }
            first = LocalDate.validated(year: bits[1] > last.month ? last.year - 1 : last.year, month: bits[1], day: bits[0])
        }
        guard let first, first <= last else { return nil }
        return (first, last)
    }

    /// The tokens other than fillers, with their positions among all tokens.
    static func meaningful(_ tokens: [Token]) -> [(index: Int, token: Token)] {
        tokens.enumerated().compactMap { i, t in
            if case .filler = t { return nil }
            return (i, t)
        }
    }

    /// `5 tháng 10 năm 2026` (after `ngày`, a filler), or `5 tháng 10` near `reference`.
    static func findDateInWords(in tokens: [Token], reference: LocalDate?) -> (LocalDate, Range<Int>)? {
        let m = meaningful(tokens)
        guard m.count >= 3 else { return nil }
        for k in 0...(m.count - 3) {
            guard case .number(let day, let dd) = m[k].token, dd <= 2,
                  case .word("thang") = m[k + 1].token,
                  case .number(let month, let md) = m[k + 2].token, md <= 2 else { continue }
            if k + 4 < m.count, case .word("nam") = m[k + 3].token, case .number(let y, let yd) = m[k + 4].token, yd == 4 || yd == 2 {
                guard let date = LocalDate.validated(year: yd == 2 ? 2000 + y : y, month: month, day: day) else { return nil }
                return (date, m[k].index..<(m[k + 4].index + 1))
            }
            // `5 tháng 10, 2026`: the year of four digits straight after the month.
            if k + 3 < m.count, case .number(let y, 4) = m[k + 3].token {
                guard let date = LocalDate.validated(year: y, month: month, day: day) else { return nil }
                return (date, m[k].index..<(m[k + 3].index + 1))
            }
            guard let reference, let date = nearest(day: day, month: month, to: reference) else { return nil }
            return (date, m[k].index..<(m[k + 2].index + 1))
        }
        return nil
    }

    /// A lone `d/m` (or `d-m`, `d.m`) of one or two digits each, not part of a longer run,
    /// read in the year that puts it nearest `reference`.
    static func findDayAndMonth(in tokens: [Token], reference: LocalDate) -> (LocalDate, Range<Int>)? {
        guard tokens.count >= 3 else { return nil }
        for start in 0...(tokens.count - 3) {
            guard case .number(let day, let dd) = tokens[start], dd <= 2,
                  case .separator(let sep) = tokens[start + 1], sep != ":",
                  case .number(let month, let md) = tokens[start + 2], md <= 2 else { continue }
            if start > 0, case .separator = tokens[start - 1] { return nil }
            if start + 3 < tokens.count, case .separator = tokens[start + 3] { return nil }
            guard let date = nearest(day: day, month: month, to: reference) else { return nil }
            return (date, start..<(start + 3))
        }
        return nil
    }

    /// The valid date of `day`/`month` in the year before, of, or after `reference`'s that
    /// lies nearest it (`03/01` near 28/12/2026 is 03/01/2027).
    static func nearest(day: Int, month: Int, to reference: LocalDate) -> LocalDate? {
        [reference.year, reference.year + 1, reference.year - 1]
            .compactMap { LocalDate.validated(year: $0, month: month, day: day) }
            .min { abs(reference.days(to: $0)) < abs(reference.days(to: $1)) }
    }

    /// A time alone: `9h`, `9h30`, `09:00`, `9:00 SA`, `14:30:00`.
    public static func parseTime(_ text: String) -> LocalTime? {
        var tokens = tokenize(text)
        tokens.removeAll { if case .filler = $0 { return true } else { return false } }
        return parseTime(tokens)
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case separator(Character)
        case word(String)
        /// `T2` … `T7`: Monday … Saturday, as the Vietnamese number them (Thứ Hai is day 2).
        case weekday(Int)
        /// Spaces, commas, `T` between date and time, "lúc", "ngày".
        case filler
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let folded = text.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !HeaderNormalizer.isCombiningMark($0) }
            .map { Character(HeaderNormalizer.fold($0)) }
        var i = 0
        while i < folded.count {
            let ch = folded[i]
            if let d = ch.wholeNumberValue, ch.isASCII {
                var value = d, digits = 1
                i += 1
                while i < folded.count, let next = folded[i].wholeNumberValue, folded[i].isASCII {
                    value = digits < 9 ? value * 10 + next : value
                    digits += 1
                    i += 1
                }
                tokens.append(.number(value, digits: digits))
            } else if ch.isLetter {
                var word = ""
                while i < folded.count, folded[i].isLetter {
                    word.append(folded[i])
                    i += 1
                }
                let lower = word.lowercased()
                // `T3` is Tuesday: one digit 2–7 after a lone T, ending there (not `T09:00`).
                if lower == "t", i < folded.count, let d = folded[i].wholeNumberValue, folded[i].isASCII, (2...7).contains(d),
                   i + 1 == folded.count || !(folded[i + 1].isNumber || ":hHgG".contains(folded[i + 1])) {
                    tokens.append(.weekday(d))
                    i += 1
                    continue
                }
                tokens.append(["t", "luc", "ngay", "vao"].contains(lower) ? .filler : .word(lower))
            } else if "/-.:".contains(ch) {
                tokens.append(.separator(ch))
                i += 1
            } else if ch.isWhitespace || ",()[]".contains(ch) {
                tokens.append(.filler)
                i += 1
            } else {
                tokens.append(.word(String(ch)))
                i += 1
            }
        }
        return tokens
    }

    /// The first `n sep n sep n` run that makes a valid date, and where it sits.
    static func findDate(in tokens: [Token]) -> (LocalDate, Range<Int>)? {
        guard tokens.count >= 5 else { return nil }
        for start in 0...(tokens.count - 5) {
            guard case .number(let a, let da) = tokens[start],
                  case .separator(let s1) = tokens[start + 1],
                  case .number(let b, let db) = tokens[start + 2],
                  case .separator(let s2) = tokens[start + 3],
                  case .number(let c, let dc) = tokens[start + 4],
                  s1 == s2, s1 != ":" else { continue }
            // A date glued to more digits (`28/11/2026/1`) is not a date.
            if start + 5 < tokens.count, case .separator(let s3) = tokens[start + 5], s3 == s1 { return nil }
            var date: LocalDate?
            if da == 4, db <= 2, dc <= 2 {
                date = LocalDate.validated(year: a, month: b, day: c)
            } else if da <= 2, db <= 2, dc == 4 || dc == 2 {
                date = LocalDate.validated(year: dc == 2 ? 2000 + c : c, month: b, day: a)
            }
            guard let found = date else { return nil }
            return (found, start..<(start + 5))
        }
        return nil
    }

    /// `H`, `H h`, `H h MM`, `H : MM`, `H : MM : SS`, then an optional SA/CH/AM/PM.
    static func parseTime(_ tokens: [Token]) -> LocalTime? {
        guard case .number(var hour, let hd)? = tokens.first, hd <= 2 else { return nil }
        var minute = 0
        var rest = tokens.dropFirst()
        var sawMark = false
        if case .word(let w)? = rest.first, ["h", "g", "gio"].contains(w) {
            sawMark = true
            rest = rest.dropFirst()
            if case .number(let m, let md)? = rest.first, md == 2 {
                minute = m
                rest = rest.dropFirst()
                if case .word(let p)? = rest.first, ["p", "phut", "'", "’", "′"].contains(p) { rest = rest.dropFirst() }
            }
        } else if case .separator(":")? = rest.first {
            sawMark = true
            rest = rest.dropFirst()
            guard case .number(let m, let md)? = rest.first, md == 2 else { return nil }
            minute = m
            rest = rest.dropFirst()
            if case .separator(":")? = rest.first {
                rest = rest.dropFirst()
                guard case .number(_, let sd)? = rest.first, sd == 2 else { return nil }
                rest = rest.dropFirst()
            }
        }
        if case .word(let w)? = rest.first {
            switch w {
            case "sa", "am", "sang":
                guard (1...12).contains(hour) else { return nil }
                if hour == 12 { hour = 0 }
            case "ch", "pm", "chieu", "toi":
                guard (1...12).contains(hour) else { return nil }
                if hour < 12 { hour += 12 }
            case "trua":
                // Noon: 11 and 12 as they are, 1 and 2 in the afternoon.
                guard (1...12).contains(hour) else { return nil }
                if hour < 11 { hour += 12 }
            default:
                return nil
            }
            sawMark = true
            rest = rest.dropFirst()
        }
        guard sawMark, rest.isEmpty, (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return LocalTime(hour, minute)
    }
}
