/// A number format code (`dd/mm/yyyy`, `#,##0`, `0.0%`) and what kind of value it shows.
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    /// The format code as Excel writes it.
    public var code: String

    /// A format from its code, such as `#,##0.00` or `dd/mm/yyyy`.
    public init(_ code: String) { self.code = code }

    /// Excel's default: as many digits as fit, `1234.5` shows `1234.5`.
    public static let general = NumberFormat("General")
    /// Rounded to a whole number: `1234.5` shows `1235`.
    public static let integer = NumberFormat("0")
    /// Two decimals: `1234.5` shows `1234.50`.
    public static let decimal2 = NumberFormat("0.00")
    /// Whole number with thousands separators: `1234.5` shows `1,235`.
    public static let thousands = NumberFormat("#,##0")
    /// Percent, no decimals: `0.256` shows `26%`.
    public static let percent = NumberFormat("0%")
    /// Percent with one decimal: `0.256` shows `25.6%`.
    public static let percent1 = NumberFormat("0.0%")
    /// Text: what is typed stays as typed (`0123` keeps its zero).
    public static let text = NumberFormat("@")
    /// Vietnamese day-first date.
    public static let dayMonthYear = NumberFormat("dd/mm/yyyy")
    /// Vietnamese day-first date and time.
    public static let dayMonthYearTime = NumberFormat("dd/mm/yyyy hh:mm")
    /// Time of day, 24-hour: `13:45`.
    public static let time = NumberFormat("hh:mm")
    /// ISO 8601 date: `2026-12-01`.
    public static let isoDate = NumberFormat("yyyy-mm-dd")
    /// Elapsed time with hours past 24: `36:00:00` for a day and a half.
    public static let duration = NumberFormat("[h]:mm:ss")

    /// The format code.
    public var description: String { code }

    /// The format of a built-in id (ECMA-376 Part 1, 18.8.30); nil for ids without a fixed code.
    public static func builtIn(_ id: Int) -> NumberFormat? {
        builtInCodes[id].map(NumberFormat.init)
    }

    /// The built-in id of this code, if it is one Excel predefines.
    public var builtInID: Int? { NumberFormat.builtInIDs[code] }

    static let builtInCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
        7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)",
        39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
        41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    static let builtInIDs: [String: Int] = {
        var ids: [String: Int] = [:]
        for (id, code) in builtInCodes where ids[code] == nil { ids[code] = id }
        return ids
    }()

    /// What a format makes of a number.
    public enum Kind: Sendable, Hashable {
        /// The General format: numbers as they are.
        case general
        /// A number format without date or time tokens (decimals, percent, currency).
        case number
        /// The text format `@`.
        case text
        /// A date without a time of day.
        case date
        /// A time of day without a date.
        case time
        /// A date with a time of day.
        case dateTime
        /// Elapsed time (`[h]:mm`): hours, minutes or seconds past their usual bounds.
        case duration
    }

    /// Classifies the code: date and time tokens outside quotes, escapes and brackets make a
    /// date, time or date-time; `[h]`, `[m]` or `[s]` make a duration. Locale prefixes such as
    /// `[$-42A]` and colours such as `[Red]` are ignored. Only the first section counts.
    public var kind: Kind {
        NumberFormat.classify(code)
    }

    static func classify(_ code: String) -> Kind {
        if code.isEmpty || code.lowercased() == "general" { return .general }
        if code == "@" { return .text }
        // Only the first section counts.
        let first = Array(code.unicodeScalars.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? [])
        var letters: [Character] = []   // date/time letters in order, outside literals and brackets
        var numeric = false, elapsed = false, amPm = false
        var i = 0
        while i < first.count {
            let c = first[i]
            switch c {
            case "\\", "_", "*":
                i += 2
                continue
            case "\"":
                i += 1
                while i < first.count, first[i] != "\"" { i += 1 }
            case "[":
                var inside = ""
                i += 1
                while i < first.count, first[i] != "]" { inside.unicodeScalars.append(first[i]); i += 1 }
                let lower = inside.lowercased()
                if ["h", "hh", "m", "mm", "s", "ss"].contains(lower) {
                    elapsed = true
                    letters.append(Character(String(lower.prefix(1))))
                }
            default:
                let lower = Character(String(c).lowercased())
                if "dmyhs".contains(lower) {
                    letters.append(lower)
                } else if lower == "a" || lower == "p" {
                    let rest = String(String.UnicodeScalarView(first[i...])).lowercased()
                    if rest.hasPrefix("am/pm") || rest.hasPrefix("a/p") { amPm = true; i += rest.hasPrefix("am/pm") ? 5 : 3; continue }
                } else if lower == "0" || lower == "#" || lower == "?" {
                    numeric = true
                }
            }
            i += 1
        }
        if elapsed { return .duration }
        guard !letters.isEmpty else { return numeric ? .number : (amPm ? .time : .general) }
        var hasDate = false, hasTime = amPm
        // Collapse runs (`dd`, `mmm`) to tokens, then tell months from minutes by their neighbours.
        var tokens: [Character] = []
        for l in letters where tokens.last != l { tokens.append(l) }
        for (k, t) in tokens.enumerated() {
            switch t {
            case "d", "y": hasDate = true
            case "h", "s": hasTime = true
            default:
                let afterHour = k > 0 && tokens[k - 1] == "h"
                let beforeSecond = k + 1 < tokens.count && tokens[k + 1] == "s"
                if afterHour || beforeSecond { hasTime = true } else { hasDate = true }
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        default: return .time
        }
    }

    /// True for dates, times, date-times and durations.
    public var isDateLike: Bool {
        switch kind {
        case .date, .time, .dateTime, .duration: return true
        default: return false
        }
    }
}
