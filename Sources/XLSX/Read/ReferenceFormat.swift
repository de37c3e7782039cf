/// The corpus's reference reading format: one line per non-empty cell,
/// `sheet<TAB>ref<TAB>type<TAB>value`, so any workbook read by this library can be compared
/// line for line with another tool's reading (see `shared/corpus/README.md`).
///
/// Types: `n` number (shortest text that round-trips, integral values without `.0`), `s`
/// string, `b` bool (`1`/`0`), `e` error, `d` date or time. Dates follow the convention of
/// the reference files: a serial in [0, 1) is a time of day (`09:30:00`), any other serial a
/// date-time (`2024-12-01T00:00:00`), a duration its total hours (`26:00:00`), a `t="d"` cell
/// its own ISO text. Tab, newline, carriage return and backslash are escaped; empty strings
/// are left out.
package enum ReferenceFormat {
    /// The line for one cell, or nil when the cell is empty (or an empty string).
    package static func line(sheet: String, cell: Cell) -> String? {
        guard let (type, value) = typeAndValue(cell.value) else { return nil }
        return "\(escape(sheet))\t\(cell.reference)\t\(type)\t\(value)"
    }

    /// The type letter and value text of a value, nil when empty.
    package static func typeAndValue(_ value: CellValue) -> (String, String)? {
        switch value.resolved {
        case .empty: return nil
        case .number(let n): return ("n", number(n))
        case .string(let s): return s.isEmpty ? nil : ("s", escape(s))
        case .richText:
            let s = value.plainText ?? ""
            return s.isEmpty ? nil : ("s", escape(s))
        case .bool(let b): return ("b", b ? "1" : "0")
        case .error(let e): return ("e", escape(e))
        case .date(let d):
            guard let text = date(d) else { return ("e", "#VALUE!") }
            return ("d", text)
        case .formula: return nil
        }
    }

    /// The shortest text that reads back as the same double; integral values without `.0`.
    package static func number(_ n: Double) -> String {
        if n == n.rounded(.towardZero), abs(n) < 1e16 {
            if n == 0 { return n.sign == .minus ? "-0" : "0" }
            return String(Int64(n))
        }
        return n.description
    }

    /// A date cell as the reference files write it; nil when the serial is outside years 1–9999.
    package static func date(_ d: ExcelDateTime) -> String? {
        let v = d.serial
        guard v.isFinite, v > -693_594, v < 2_958_466 else { return nil }
        if d.kind == .duration {
            let totalMs = Int64((v * 86_400_000).rounded(.toNearestOrEven))
            let sign = totalMs < 0 ? "-" : ""
            let ms = abs(totalMs)
            let base = "\(sign)\(ms / 3_600_000):\(pad2(Int(ms / 60_000 % 60))):\(pad2(Int(ms / 1000 % 60)))"
            return ms % 1000 == 0 ? base : base + "." + trimmedMilliseconds(Int(ms % 1000))
        }
        let day = v.rounded(.down)
        let fractionMs = Int(((v - day) * 86_400_000).rounded(.toNearestOrEven))
        if v >= 0, v < 1, fractionMs < 86_400_000 {
            return time(fractionMs)
        }
        var days = Int(day)
        if d.system == .date1900, v > 0, v < 60 { days += 1 }
        // Epochs: 1899-12-30 (1900 system, with the leap-day shift above) or 1904-01-01.
        let unixDays = (d.system == .date1900 ? -25_569 : -24_107) + days + fractionMs / 86_400_000
        let ms = fractionMs % 86_400_000
        let civil = DateTimeComponents.civil(daysSinceUnixEpoch: unixDays)
        guard civil.year >= 1, civil.year <= 9999 else { return nil }
        return "\(pad(civil.year, 4))-\(pad2(civil.month))-\(pad2(civil.day))T" + time(ms)
    }

    /// The text of a `t="d"` cell as the reference files write it: a date alone stays a date
    /// (`2021-01-01`), a time alone a time, both a date-time; nil when it is not ISO 8601.
    package static func isoDate(_ text: String) -> String? {
        guard let (c, kind) = ISODate.parse(text) else { return nil }
        switch kind {
        case .date: return c.isoDate
        case .time: return time(c.millisecondOfDay)
        default: return c.isoDate + "T" + time(c.millisecondOfDay)
        }
    }

    private static func time(_ ms: Int) -> String {
        let base = "\(pad2(ms / 3_600_000)):\(pad2(ms / 60_000 % 60)):\(pad2(ms / 1000 % 60))"
        return ms % 1000 == 0 ? base : base + "." + trimmedMilliseconds(ms % 1000)
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }

    /// Escapes tab, newline, carriage return and backslash.
    package static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s.unicodeScalars {
            switch ch {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
