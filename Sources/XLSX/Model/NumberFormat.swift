/// A number format code (`dd/mm/yyyy`, `#,##0`, `0.0%`) and what kind of value it shows.
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    /// The format code as Excel writes it.
    public var code: String

    public init(_ code: String) { self.code = code }

    public static let general = NumberFormat("General")
    public static let integer = NumberFormat("0")
    public static let decimal2 = NumberFormat("0.00")
    public static let thousands = NumberFormat("#,##0")
    public static let percent = NumberFormat("0%")
    public static let percent1 = NumberFormat("0.0%")
    public static let text = NumberFormat("@")
    /// Vietnamese day-first date.
    public static let dayMonthYear = NumberFormat("dd/mm/yyyy")
    /// Vietnamese day-first date and time.
    public static let dayMonthYearTime = NumberFormat("dd/mm/yyyy hh:mm")
    public static let time = NumberFormat("hh:mm")
    public static let isoDate = NumberFormat("yyyy-mm-dd")
    public static let duration = NumberFormat("[h]:mm:ss")

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
        case general, number, text, date, time, dateTime, duration
    }

    /// Classifies the code: date and time tokens outside quotes, escapes and brackets make a
    /// date, time or date-time; `[h]`, `[m]` or `[s]` make a duration. Locale prefixes such as
    /// `[$-42A]` and colours such as `[Red]` are ignored. Only the first section counts.
    public var kind: Kind {
        NumberFormat.classify(code)
    }

    static func classify(_ code: String) -> Kind {
        if code == "General" || code.isEmpty { return .general }
        if code == "@" { return .text }
        var hasDate = false, hasTime = false, elapsed = false
        var chars = Array(code.unicodeScalars)[...]
        var section: [Unicode.Scalar] = []
        // The first section, with quoted text, escapes and fill/padding characters removed.
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\"":
                while let d = chars.first { chars = chars.dropFirst(); if d == "\"" { break } }
            case "\\", "_", "*":
                chars = chars.dropFirst()
            case ";":
                chars = []
            case "[":
                var inside = ""
                while let d = chars.first { chars = chars.dropFirst(); if d == "]" { break }; inside.unicodeScalars.append(d) }
                let lower = inside.lowercased()
                if !lower.isEmpty, lower.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { elapsed = true }
            default:
                section.append(c)
            }
        }
        let text = String(String.UnicodeScalarView(section)).lowercased()
        if text.contains("general") && !text.contains(where: { "dyhs".contains($0) }) { return .general }
        var previousLetter: Character = " "
        for ch in text {
            switch ch {
            case "d", "y": hasDate = true
            case "h", "s": hasTime = true
            case "m":
                // `m` is minutes next to h or s, months otherwise; decided below by neighbours.
                break
            case "e":
                // `e` is the era-year in some locales only after `b` (`bbbb`); exponents come after digits.
                if previousLetter == "b" { hasDate = true }
            case "b":
                if text.contains("bbbb") || text.contains("bb") { hasDate = true }
            default: break
            }
            if ch.isLetter { previousLetter = ch }
        }
        if elapsed { return .duration }
        if !hasDate && !hasTime {
            if text.contains("m") && !text.contains("e+") && !text.contains("e-") {
                // `mmm-yy` has y; a lone `m`/`mm`/`mmm` is a month.
                hasDate = text.contains(where: { $0 == "m" })
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default:
            let numeric = text.contains(where: { "0#?".contains($0) })
            return numeric ? .number : .general
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
