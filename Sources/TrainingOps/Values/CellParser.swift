import Foundation
import XLSX

/// What reading one cell gave.
public enum Parsed<Value: Sendable>: Sendable {
    /// The cell is empty (or only spaces).
    case empty
    /// The value, read exactly.
    case value(Value)
    /// The value, read after correcting a small spelling slip (reported as a warning).
    case corrected(Value)
    /// The cell holds something that is not a value of the column's type.
    case invalid

    /// The value, corrected or not.
    public var value: Value? {
        switch self {
        case .value(let v), .corrected(let v): return v
        case .empty, .invalid: return nil
        }
    }
}

/// Reads typed values out of cells, the way the office types them.
public enum CellParser {
    /// Trimmed text of a cell; numbers without a needless `.0`; `nil` when empty.
    public static func text(_ cell: CellValue) -> String? {
        switch cell.resolved {
        case .empty, .error: return nil
        case .string(let s): return trimmed(s)
        case .richText: return trimmed(cell.resolved.plainText ?? "")
        case .number(let d): return formatNumber(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.description
        case .formula: return nil
        }
    }

    /// `s` without leading and trailing white space and newlines, `nil` when nothing is left.
    /// Text that neither starts nor ends with one (nearly every cell) is returned as is, without
    /// going through Foundation.
    static func trimmed(_ s: String) -> String? {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return nil }
        if !CharacterClasses.isTrimmed(first), !CharacterClasses.isTrimmed(last) { return s }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// `12.0` → `12`, `0.5` → `0.5`.
    static func formatNumber(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    /// A date, with its time when one was given: real Excel dates, serial numbers, or text
    /// written day first. `system` is the workbook's date system for bare serials; a day and
    /// month written without a year are read nearest `reference` (none: not a date).
    public static func moment(_ cell: CellValue, system: DateSystem = .date1900, reference: LocalDate? = nil) -> Parsed<LocalMoment> {
        switch cell.resolved {
        case .empty: return .empty
        case .date(let d):
            guard d.kind != .time, d.kind != .duration, d.serial >= 1 else { return .invalid }
            let c = d.components
            let dateOnly = d.kind == .date && c.hour == 0 && c.minute == 0
            return .value(LocalMoment(c, dateOnly: dateOnly))
        case .number(let n):
            guard n >= 1, n < 2_958_466 else { return .invalid }
            let c = ExcelDateTime(serial: n, system: system, kind: .dateTime).components
            let dateOnly = n == n.rounded(.down)
            return .value(LocalMoment(c, dateOnly: dateOnly))
        case .string, .richText:
            guard let t = text(cell) else { return .empty }
            return TextDateParser.parse(t, reference: reference).map(Parsed.value) ?? .invalid
        default:
            return .invalid
        }
    }

    /// A calendar day (a time, if given, is ignored).
    public static func date(_ cell: CellValue, system: DateSystem = .date1900, reference: LocalDate? = nil) -> Parsed<LocalDate> {
        switch moment(cell, system: system, reference: reference) {
        case .empty: return .empty
        case .invalid: return .invalid
        case .value(let m), .corrected(let m): return .value(m.date)
        }
    }

    /// Yes/no: Có/Không, C/K, x, ✓, TRUE/FALSE, Yes/No, Rồi/Chưa, 1/0, Xong, Đạt, OK, Vắng,
    /// and answers that say what was done (`Đã gọi`, `Chưa cài`, `Không mang`).
    public static func yesNo(_ cell: CellValue) -> Parsed<Bool> { yesNo(cell, sense: .general) }

    /// Yes/no read in the sense of its column: besides the general answers, the column's own
    /// words say yes (`Có mặt` under "Có mặt", `Đã cài Zoom` under "Cài Zoom") and their
    /// negation no (`Không mang máy tính`), and the column's words of absence say no (`Vắng`).
    public static func yesNo(_ cell: CellValue, sense: YesNoSense) -> Parsed<Bool> {
        switch cell.resolved {
        case .empty: return .empty
        case .bool(let b): return .value(b)
        case .number(let n): return n == 1 ? .value(true) : n == 0 ? .value(false) : .invalid
        case .string, .richText:
            guard let t = text(cell) else { return .empty }
            // Each mark is at most three UTF-8 bytes and has no other spelling that compares
            // equal, so comparing bytes is comparing strings.
            if t.utf8.count <= 3 {
                let code = markCode(t)
                if yesMarkCodes.contains(code) { return .value(true) }
                if noMarkCodes.contains(code) { return .value(false) }
            }
            if let answer = commonAnswers[t] { return .value(answer) }
            let key = HeaderNormalizer.key(t)
            return (answer(folded: key) ?? sense.answer(folded: key)).map(Parsed.value) ?? .invalid
        default:
            return .invalid
        }
    }

    /// A yes or no written in words, folded (`Có` → `co`); `nil` for any other text.
    static func foldedAnswer(_ t: String) -> Bool? { answer(folded: HeaderNormalizer.key(t)) }

    /// The general answer of a folded text: a yes or no word, or a sentence opening with one
    /// (`da goi` yes, `chua cai` and `khong mang` no), unless a word of refusal follows a yes
    /// (`da huy`, `da bao vang`).
    static func answer(folded key: String) -> Bool? {
        if yesWords.contains(key) { return true }
        if noWords.contains(key) { return false }
        guard let space = key.firstIndex(of: " ") else { return nil }
        let first = key[..<space], rest = key[key.index(after: space)...]
        if noOpenings.contains(first) { return false }
        if yesOpenings.contains(first) {
            let words = rest.split(separator: " ")
            if let next = words.first, hedges.contains(next) { return nil }
            let refused = words.contains(where: { refusalWords.contains($0) }) || zip(words, words.dropFirst()).contains { $0 == "tu" && $1 == "choi" }
            return refused ? nil : true
        }
        return nil
    }

    /// The answers as people usually write them (`Có`, `không`, `ĐÃ CÓ`, `Xong`, `Vắng`…), each
    /// with what ``foldedAnswer(_:)`` gives it: looked up as written, before any folding.
    static let commonAnswers: [String: Bool] = {
        let words = ["Có", "Không", "Rồi", "Chưa", "Đã", "Đúng", "Sai", "Có rồi", "Đã có", "Không có", "Chưa có",
                     "Xong", "Đã xong", "Chưa xong", "Đạt", "Không đạt", "Đủ", "Có mặt", "Vắng", "Vắng mặt", "Đã gọi", "Chưa gọi",
                     "Hoàn thành", "Đồng ý", "Không đồng ý", "Yes", "No", "OK", "Ok", "x", "X", "c", "C", "k", "K", "ko", "Ko", "KO", "y", "Y", "n", "N", "1", "0"]
        var answers: [String: Bool] = [:]
        for word in words {
            for spelling in [word, word.lowercased(), word.uppercased()] { answers[spelling] = foldedAnswer(spelling) }
        }
        return answers
    }()

    static let yesMarks = ["✓", "✔", "☑", "✅", "v", "V", "√"]
    static let noMarks = ["✗", "✘", "☐", "❌"]
    /// The marks' bytes packed by ``markCode(_:)``, compared as numbers.
    static let yesMarkCodes = yesMarks.map(markCode)
    static let noMarkCodes = noMarks.map(markCode)

    /// The UTF-8 bytes of a text of at most three bytes in one number (its length in the top byte).
    @inline(__always)
    static func markCode(_ t: String) -> UInt32 {
        var code = UInt32(t.utf8.count) << 24
        for (i, b) in t.utf8.prefix(3).enumerated() { code |= UInt32(b) << (8 * UInt32(i)) }
        return code
    }
    static let yesWords: Set<String> = ["co", "c", "x", "yes", "y", "true", "1", "roi", "da", "dung", "ok", "okay", "co roi", "da co",
                                        "xong", "da xong", "dat", "du", "co mat", "hoan thanh", "da hoan thanh", "tot", "on",
                                        "dong y", "da dong y", "nhat tri"]
    static let noWords: Set<String> = ["khong", "k", "ko", "no", "n", "false", "0", "chua", "sai", "khong co", "chua co",
                                       "chua xong", "khong dat", "chua dat", "vang", "vang mat", "thieu", "khong du", "nghi",
                                       "khong dong y", "tu choi"]
    /// First words of an answer that says what was done: `Đã gọi`, `Có mang`, `Rồi ạ`.
    static let yesOpenings: Set<Substring> = ["da", "co", "roi"]
    /// First words of an answer that says what was not: `Chưa gọi`, `Không mang`.
    static let noOpenings: Set<Substring> = ["chua", "khong", "ko"]
    /// Words that make a yes a maybe: `có lẽ`, `có thể`, `có khi`, `có vẻ`.
    static let hedges: Set<Substring> = ["le", "the", "khi", "ve"]
    /// Words that turn a "done" into a refusal: `Đã hủy`, `Đã báo vắng`, `Đã nghỉ` (and `từ chối`).
    static let refusalWords: Set<Substring> = ["huy", "vang", "nghi", "khong", "chua"]

    /// A checklist answer (the day-before check): yes/no in the column's sense, or the
    /// evidence that the item was done, which counts as yes: a count (`15`, `15 đơn vị`, `0`
    /// is no), a link (`https://…`, `zoom.us/j/…`, `bit.ly/…`) or a person's name (`Chị Hoa`,
    /// `Nguyễn Văn An`).
    public static func checklist(_ cell: CellValue, sense: YesNoSense = .general) -> Parsed<Bool> {
        let answer = yesNo(cell, sense: sense)
        guard case .invalid = answer else { return answer }
        switch cell.resolved {
        case .number(let n): return n >= 0 && n == n.rounded() ? .value(n > 0) : .invalid
        case .string, .richText:
            guard let t = text(cell) else { return .empty }
            if let n = leadingCount(t) { return .value(n > 0) }
            if isLink(t) || isPersonName(t) { return .value(true) }
            return .invalid
        default: return .invalid
        }
    }

    /// The whole number opening `15 đơn vị`, `15 ĐV`, `15đv`, `15`, followed by nothing or by
    /// words.
    static func leadingCount(_ t: String) -> Int? {
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 7, let n = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let next = rest.first else { return n }
        if next.isLetter { return n }
        return next == " " && rest.dropFirst().first?.isLetter == true ? n : nil
    }

    /// A web or Zoom link: `https://…`, `www.…`, `zoom.us/…`, `bit.ly/…`, `forms.gle/…`.
    static func isLink(_ t: String) -> Bool {
        let lower = t.lowercased()
        guard !lower.contains(" ") else { return false }
        if lower.contains("://") || lower.hasPrefix("www.") || lower.hasPrefix("zoom") { return true }
        return [".vn/", ".com/", ".us/", ".ly/", ".gle/", ".net/", ".me/"].contains { lower.contains($0) }
    }

    /// Forms of address written before a name.
    static let addressWords: Set<String> = ["anh", "chị", "chi", "ông", "ong", "bà", "ba", "cô", "co", "thầy", "thay", "em", "a", "c"]

    /// A person's name: two to six words of letters, each capitalised (a form of address such
    /// as `chị`, `anh`, `thầy` may open it in lower case).
    static func isPersonName(_ t: String) -> Bool {
        let words = t.split(whereSeparator: { $0 == " " || $0 == "." })
        guard (2...6).contains(words.count) else { return false }
        for (i, w) in words.enumerated() {
            guard w.allSatisfy(\.isLetter), let first = w.first else { return false }
            if first.isUppercase { continue }
            if i == 0, addressWords.contains(w.lowercased()) { continue }
            return false
        }
        return true
    }

    /// A Vietnamese phone number as ten or eleven digits starting with `0`: accepts `+84`,
    /// `84…`, spaces, dots, dashes, brackets, and numbers whose leading zero Excel dropped.
    /// Several numbers separated by `/`, `;` or `,` give the first (all must be valid).
    public static func phone(_ cell: CellValue) -> Parsed<String> {
        if case .number(let n) = cell.resolved {
            guard n >= 0, n == n.rounded(), n < 1e12 else { return .invalid }
            return normalisePhone(String(Int(n))).map(Parsed.value) ?? .invalid
        }
        guard let t = text(cell) else { return cell.isEmpty ? .empty : .invalid }
        if let phone = ASCIIParsers.phone(t) ?? phoneText(t) { return .value(phone) }
        // Notes in brackets go (`(anh Nam)`); several numbers may be joined by ` - ` or `và`.
        let cleaned = withoutNotes(t).replacingOccurrences(of: " - ", with: "/").replacingOccurrences(of: " và ", with: "/")
        guard cleaned != t else { return .invalid }
        return (ASCIIParsers.phone(cleaned) ?? phoneText(cleaned)).map(Parsed.value) ?? .invalid
    }

    /// The first number of phone text (`nil` unless every part is a phone number), read by
    /// `Character`s: the general path behind ``ASCIIParsers/phone(_:)``.
    static func phoneText(_ t: String) -> String? {
        let parts = t.split(whereSeparator: { "/;,|".contains($0) }).map(String.init)
        var first: String?
        for part in parts {
            guard let p = normalisePhone(part) else { return nil }
            if first == nil { first = p }
        }
        return first
    }

    /// One phone number as ten or eleven digits, or `nil`.
    static func normalisePhone(_ raw: String) -> String? {
        ASCIIParsers.normalisePhone(raw) ?? normalisePhoneText(raw)
    }

    /// ``normalisePhone(_:)`` by `Character`s: the general path.
    static func normalisePhoneText(_ raw: String) -> String? {
        var s = raw.trimmingCharacters(in: .whitespaces)
        var international = false
        if s.hasPrefix("+") { international = true; s.removeFirst() }
        var digits = ""
        for ch in s {
            if ch.isASCII, ch.isNumber { digits.append(ch) }
            else if " .-()\u{00A0}".contains(ch) { continue }
            else { return nil }
        }
        if digits.hasPrefix("0084") { digits = "0" + digits.dropFirst(4) }
        else if international || (digits.hasPrefix("84") && digits.count >= 11) {
            guard digits.hasPrefix("84") else { return nil }
            digits = "0" + digits.dropFirst(2)
        } else if !digits.hasPrefix("0"), digits.count == 9 || digits.count == 10 {
            digits = "0" + digits
        }
        let mobile = digits.count == 10 && "35789".contains(digits[digits.index(after: digits.startIndex)])
        let landline = digits.count == 11 && digits.hasPrefix("02")
        return mobile || landline ? digits : nil
    }

    /// A share from 0 to 1: `80`, `80%`, `0.8`, `0,8` all give 0.8; `1` gives 1 (all).
    public static func percent(_ cell: CellValue) -> Parsed<Double> {
        var n: Double
        switch cell.resolved {
        case .empty: return .empty
        case .number(let d): n = d
        case .string, .richText:
            guard var t = text(cell) else { return .empty }
            var hadSign = false
            if t.hasSuffix("%") { t.removeLast(); hadSign = true }
            guard let d = decimalNumber(t.trimmingCharacters(in: .whitespaces)) else { return .invalid }
            n = hadSign ? d / 100 : d
        default: return .invalid
        }
        if n > 1 { n /= 100 }
        return (0...1).contains(n) ? .value(n) : .invalid
    }

    /// A whole number ≥ 0.
    public static func count(_ cell: CellValue) -> Parsed<Int> {
        switch cell.resolved {
        case .empty: return .empty
        case .number(let d): return d >= 0 && d == d.rounded() && d < 1e9 ? .value(Int(d)) : .invalid
        case .string, .richText:
            guard let raw = text(cell) else { return .empty }
            // A count with what it counts: `23 đơn vị`, `2 ĐV`, `15đv`; then without a note in brackets.
            if let n = wholeNumber(raw) ?? leadingCount(raw) { return .value(n) }
            let t = withoutNotes(raw)
            guard t != raw else { return .invalid }
            return (wholeNumber(t) ?? leadingCount(t)).map(Parsed.value) ?? .invalid
        default: return .invalid
        }
    }

    /// A whole number typed with its thousands grouped (`1.250`, `1,250`, `1 250`: every group
    /// after the first of three digits) or with a decimal part of zeros (`25,0`, `25.00`); `nil`
    /// for anything else (`1,25` and `25,5` are no whole numbers).
    static func wholeNumber(_ t: String) -> Int? {
        var s = Substring(t)
        if let mark = s.lastIndex(where: { $0 == "," || $0 == "." }) {
            let tail = s[s.index(after: mark)...]
            if (1...2).contains(tail.count), tail.allSatisfy({ $0 == "0" }) { s = s[..<mark] }
        }
        let groups = s.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," || $0 == " " || $0 == "\u{00A0}" }
        guard let first = groups.first, !first.isEmpty, groups.count == 1 || first.count <= 3,
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let digits = groups.joined()
        return digits.count < 10 ? Int(digits) : nil
    }

    /// `t` without the notes in brackets that hold words and no digits (`25 (dự kiến)`,
    /// `0905 123 456 (anh Nam)`); brackets around digits stay (`(0236) 3812 345`), and so does a
    /// note naming things by their codes (`2 (DV03, DV05)`, which is no count).
    static func withoutNotes(_ t: String) -> String {
        guard t.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return t }
        var out = "", note = "", depth = 0
        for c in t {
            if c == "(" || c == "[" {
                depth += 1
                note.append(c)
            } else if depth > 0 {
                note.append(c)
                if c == ")" || c == "]" {
                    depth -= 1
                    if depth == 0 {
                        if !note.contains(where: \.isLetter) || note.contains(where: \.isNumber) { out += note }
                        note = ""
                    }
                }
            } else {
                out.append(c)
            }
        }
        return (out + note).trimmingCharacters(in: .whitespaces)
    }

    /// A decimal number; a comma is read as the decimal mark (`4,5`).
    public static func decimal(_ cell: CellValue) -> Parsed<Double> {
        switch cell.resolved {
        case .empty: return .empty
        case .number(let d): return .value(d)
        case .string, .richText:
            guard let t = text(cell) else { return .empty }
            return decimalNumber(t).map(Parsed.value) ?? .invalid
        default: return .invalid
        }
    }

    static func decimalNumber(_ t: String) -> Double? {
        let s = t.replacingOccurrences(of: ",", with: ".")
        guard !s.isEmpty, s.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" }) else { return nil }
        return Double(s)
    }

    /// A survey score from 1 to 5 (decimals allowed).
    public static func score(_ cell: CellValue) -> Parsed<Double> {
        switch decimal(cell) {
        case .value(let d) where (1...5).contains(d): return .value(d)
        case .empty: return .empty
        default: return .invalid
        }
    }

    /// An e-mail address (one `@`, a dot in the domain, no spaces).
    public static func email(_ cell: CellValue) -> Parsed<String> {
        guard let t = text(cell) else { return cell.isEmpty ? .empty : .invalid }
        return ASCIIParsers.isEmail(t) ?? isEmailText(t) ? .value(t) : .invalid
    }

    /// ``email(_:)``'s test by `Character`s: the general path behind ``ASCIIParsers/isEmail(_:)``.
    static func isEmailText(_ t: String) -> Bool {
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasSuffix(".")
            && !t.contains(where: \.isWhitespace)
    }

    /// A week: any date in it, or `48/2026`, `Tuần 48/2026`, `T48-2026`, `2026-W48`.
    public static func week(_ cell: CellValue, system: DateSystem = .date1900) -> Parsed<Week> {
        if case .value(let m) = moment(cell, system: system) { return .value(Week(containing: m.date)) }
        guard let t = text(cell) else { return cell.isEmpty ? .empty : .invalid }
        // "Tuần 45 (02/11 - 06/11/2026)", "Từ 02/11/2026 đến 06/11/2026": a full date names the
        // week it falls in, whatever number the office gives that week.
        if let (date, _) = TextDateParser.findDate(in: TextDateParser.tokenize(t).filter { $0 != .filler }) {
            return .value(Week(containing: date))
        }
        let numbers = t.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).compactMap { Int($0) }
        guard numbers.count == 2 else { return .invalid }
        let (year, number) = numbers[0] > 53 ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
        return Week.iso(year: year < 100 ? 2000 + year : year, number: number).map(Parsed.value) ?? .invalid
    }

    /// A value of a closed list, by label or variant, or by a near spelling (``Parsed/corrected(_:)``).
    public static func choice<V: Vocabulary>(_ cell: CellValue, as type: V.Type) -> Parsed<V> {
        guard let t = text(cell) else { return cell.isEmpty ? .empty : .invalid }
        if let v = V.exactMatch(t) { return .value(v) }
        if let v = V.nearMatch(t) { return .corrected(v) }
        if let v = V.mentionedMatch(t) { return .value(v) }
        return .invalid
    }
}
