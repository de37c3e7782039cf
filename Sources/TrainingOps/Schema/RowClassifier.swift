import Foundation
import XLSX

/// What a non-empty row below a sheet's header is.
public enum RowKind: String, Hashable, Sendable, CaseIterable {
    /// One record of the sheet's kind: decoded.
    case record
    /// A total or subtotal ("Tổng cộng", "Cộng", "Tổng số", "TỔNG").
    case total
    /// A note below or between the records ("Ghi chú: …", "* …", "Lưu ý").
    case note
    /// A signature block: roles ("Người lập biểu", "Trưởng nhóm"), "(Ký, ghi rõ họ tên)", the
    /// place-date line ("Đà Nẵng, ngày … tháng … năm …") and the names written under them.
    case signature
    /// A spacer or section heading between records: a lone label ("Tuần 45", "NHÓM 1") or a
    /// rule of dashes or dots.
    case spacer
    /// The header repeated in the middle of the sheet (a second page, pasted blocks), or the
    /// row of column numbers "(1) (2) (3) …" printed under a header.
    case repeatedHeader
}

/// Tells the records of a recognised sheet from the rows around them that are not records:
/// totals, notes, signature blocks, spacers and repeated headers, so that none is reported as
/// a record or as a record missing its values.
///
/// A row is judged by its shape first: its anchor cell (the course id, or the sheet's first
/// required column) holding an id or a date makes it a record at once, without folding any
/// text, which is what nearly every row of a large sheet takes. The other rows are read
/// further: the vocabulary of a label in the first columns, where the numbers sit, which key
/// columns are filled. Once a signature block has begun, a row that is not plainly a record
/// belongs to it (the names under the titles).
public struct RowClassifier: Sendable {
    /// The anchor column: a record always has it filled.
    let anchor: Int
    /// What the anchor holds: an id (text with letters and digits) or a date or number.
    let anchorIsText: Bool
    /// Columns of the sheet's required columns: a non-record row leaves them empty, or holds
    /// its own label there.
    let keyColumns: Set<Int>
    /// Columns holding numbers in a record (counts, rates, scores), where a total puts its sums.
    let numericColumns: Set<Int>
    /// Columns holding dates: a number there is a date, not a sum.
    let dateColumns: Set<Int>
    /// The leftmost column of the header.
    let firstColumn: Int
    /// The column key of each header column, to recognise a repeated header.
    let keyByColumn: [Int: String]
    /// The sheet's kind.
    let kind: SheetType
    /// A signature block has begun: later rows that are not plainly records belong to it.
    private(set) var inFooter = false

    /// A classifier for the sheet whose header is `match`.
    public init(match: HeaderMatch) {
        let schema = match.kind.schema
        kind = match.kind
        var keyColumns: Set<Int> = [], numeric: Set<Int> = [], dates: Set<Int> = []
        for spec in schema.columns {
            guard let c = match.columns[spec.key] else { continue }
            if spec.required { keyColumns.insert(c) }
            switch spec.type {
            case .count, .percent, .decimal, .score: numeric.insert(c)
            case .date, .moment, .week: dates.insert(c)
            default: break
            }
        }
        // The course id when the kind requires it, else the first required column found.
        let anchorSpec = schema.columns.first { $0.key == "courseId" && $0.required && match.columns[$0.key] != nil }
            ?? schema.columns.first { $0.required && match.columns[$0.key] != nil }
        anchor = anchorSpec.flatMap { match.columns[$0.key] } ?? match.columns.values.min() ?? 0
        anchorIsText = anchorSpec.map { spec -> Bool in
            switch spec.type {
            case .date, .moment, .week, .count, .decimal, .percent, .score: return false
            default: return true
            }
        } ?? true
        self.keyColumns = keyColumns
        numericColumns = numeric
        dateColumns = dates
        firstColumn = match.columns.values.min() ?? 0
        keyByColumn = Dictionary(match.columns.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    /// The kind of a non-empty row, remembering a signature block once it has begun.
    public mutating func classify(_ cells: [CellValue]) -> RowKind {
        if anchorLooksLikeRecord(cells) { return .record }
        let kind = classifyByContent(cells)
        if kind == .signature { inFooter = true }
        return kind
    }

    /// The fast test: an anchor holding an id — one word (no space) with a digit in it, such
    /// as `TL-2610-01`, `ĐV-001`, `05/10/2026`, or a number — unless the number is one of a
    /// row of column numbers; for a date anchor, a date or a number. Nearly every record is
    /// told here without folding any text.
    func anchorLooksLikeRecord(_ cells: [CellValue]) -> Bool {
        guard anchor < cells.count else { return false }
        switch cells[anchor].resolved {
        case .number(let n):
            return !anchorIsText || !numbersColumns(cells, at: n)
        case .date:
            return !anchorIsText
        case .string(let s):
            // `(2)`, `[2]`: a column number, read closely.
            if let first = s.utf8.first, first == UInt8(ascii: "(") || first == UInt8(ascii: "[") { return false }
            var digit = false, allDigits = true, count = 0
            for u in s.unicodeScalars {
                count += 1
                if count > 40 || (u.value < 0x80 ? CharacterClasses.asciiWhitespace[Int(u.value)] : u.properties.isWhitespace) { return false }
                if u.value >= 0x30 && u.value <= 0x39 { digit = true } else { allDigits = false }
            }
            guard digit else { return false }
            guard allDigits, anchorIsText, let n = Double(s) else { return true }
            return !numbersColumns(cells, at: n)
        default:
            return false
        }
    }

    /// Whether the anchor's number `n` sits in a row numbering the columns: the cell beside
    /// it holds `n + 1` (or the one before `n − 1`).
    func numbersColumns(_ cells: [CellValue], at n: Double) -> Bool {
        func value(_ c: Int) -> Double? {
            guard c >= 0, c < cells.count else { return nil }
            switch cells[c].resolved {
            case .number(let d): return d
            case .string(let t): return Double(t)
            default: return nil
            }
        }
        return value(anchor + 1) == n + 1 || value(anchor - 1) == n - 1
    }

    /// One non-empty cell of a row being read closely.
    struct Filled {
        let column: Int
        let text: String?
        /// The number of a number, date or truth value; `nil` for text.
        let number: Double?
        var isNumber: Bool { number != nil }
        /// A number, or a count written with what it counts (`266 đơn vị`): what a total row
        /// puts beside its label.
        var isSum: Bool { isNumber || (text.map { if case .value = CellParser.count(.string($0)) { return true } else { return false } } ?? false) }
    }

    /// The close reading of a row the fast test left open.
    func classifyByContent(_ cells: [CellValue]) -> RowKind {
        var filled: [Filled] = []
        for (c, cell) in cells.enumerated() {
            switch cell.resolved {
            case .number, .date, .bool: filled.append(Filled(column: c, text: nil, number: cell.number))
            case .string, .richText:
                if let t = CellParser.text(cell) { filled.append(Filled(column: c, text: t, number: nil)) }
            default: break
            }
        }
        guard let first = filled.first else { return .spacer }
        if isRepeatedHeader(filled) { return .repeatedHeader }
        let texts = filled.compactMap(\.text)
        // A row of dashes, dots or underscores only.
        if filled.allSatisfy({ $0.text.map(RowVocabulary.isDecoration) ?? false }) { return .spacer }
        if let label = first.text, first.column <= max(firstColumn, anchor) + 2 {
            let keysBesideLabel = filled.contains { $0.column != first.column && keyColumns.contains($0.column) && !$0.isNumber }
            if RowVocabulary.isTotalLabel(label),
               filled.dropFirst().allSatisfy({ ($0.isSum && !dateColumns.contains($0.column)) || $0.text.map(RowVocabulary.isDecoration) == true }) {
                return .total
            }
            if RowVocabulary.isNoteLabel(label), !keysBesideLabel, filled.allSatisfy({ !$0.isNumber }) { return .note }
        }
        if texts.count == filled.count, texts.allSatisfy({ RowVocabulary.isSignatureText($0) || RowVocabulary.isDecoration($0) }) {
            return .signature
        }
        if inFooter { return .signature }
        // A lone label at the left, which is not a course id: a section heading.
        if filled.count == 1, let label = first.text, first.column <= max(firstColumn, anchor),
           CourseIdentifier.normalised(label) == nil, !RowVocabulary.looksLikeDate(label) {
            return .spacer
        }
        return .record
    }

    /// Whether most of the row's texts name, in their own columns, the columns of the header;
    /// or whether the row numbers the columns ("1 2 3 …", "(1) (2) (3) …").
    /// Whether `text` has a digit that is not inside `(…)` or `[…]`.
    static func hasDigitOutsideBrackets(_ text: String) -> Bool {
        var depth = 0
        for ch in text {
            if ch == "(" || ch == "[" { depth += 1 } else if ch == ")" || ch == "]" { depth = max(0, depth - 1) }
            else if depth == 0, ch.isNumber { return true }
        }
        return false
    }

    func isRepeatedHeader(_ filled: [Filled]) -> Bool {
        // A header holds words: a row with numbers, dates or texts with digits (`Tuần 43/2026`,
        // `Nhóm 1`, `15 giờ 20`) is data, however well its words name the columns; a header's
        // own digits stand in brackets (`Điểm khảo sát (1-5)`).
        var named = 0
        if !filled.contains(where: { $0.isNumber || ($0.text.map(Self.hasDigitOutsideBrackets) ?? false) }) {
            for f in filled {
                guard let t = f.text, let key = keyByColumn[f.column] else { continue }
                if HeaderRecognizer.columnKey(for: t, in: kind) == key { named += 1 }
            }
        }
        if named >= 2, named * 2 >= filled.count { return true }
        // Column numbers: at least three, each one more than the one before.
        guard filled.count >= 3 else { return false }
        var previous: Int?
        for f in filled {
            let value: Int?
            if let d = f.number {
                value = d == d.rounded() && abs(d) < 1000 ? Int(d) : nil
            } else {
                value = f.text.flatMap(RowVocabulary.columnNumber)
            }
            guard let value else { return false }
            if let p = previous, value != p + 1 { return false }
            previous = value
        }
        return true
    }
}

/// The words that mark rows which are not records, as the office writes them: drawn from the
/// process text and ordinary Vietnamese office forms. Compared folded (see ``HeaderNormalizer``)
/// except where the marks tell words apart that fold alike (`Cộng` a total, `Công văn` not).
enum RowVocabulary {
    /// First words of a total or subtotal label, lower-cased as written; the unaccented
    /// spellings are for labels typed without diacritics.
    static let totalWords: Set<String> = ["tổng", "cộng", "tong", "cong", "total", "subtotal", "sum", "σ"]

    /// Whether `label` opens with a total's word: `Tổng cộng`, `Cộng`, `Tổng số`, `TỔNG`,
    /// `Cộng nhóm 1`, `Tổng tuần 45:`.
    static func isTotalLabel(_ label: String) -> Bool {
        let word = label.precomposedStringWithCanonicalMapping.lowercased()
            .prefix { $0.isLetter }
        return totalWords.contains(String(word))
    }

    /// Folded openings of a note: `Ghi chú:`, `Lưu ý`, `Chú ý`, `Chú thích`, `Note`, `NB`.
    static let noteOpenings = ["ghi chu", "luu y", "chu y", "chu thich", "note", "notes", "nb"]

    /// Whether `label` is a note: it opens with a note's words or with `*` / `(*)` / `※`.
    static func isNoteLabel(_ label: String) -> Bool {
        if let first = label.unicodeScalars.first, first == "*" || first == "※" { return true }
        if label.hasPrefix("(*)") { return true }
        let key = HeaderNormalizer.key(String(label.prefix(24)))
        return noteOpenings.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// Folded titles of a signature block, and the instructions written under them.
    static let signatureTitles = [
        "nguoi lap bieu", "nguoi lap bang", "nguoi lap", "nguoi ky", "nguoi duyet", "nguoi kiem tra", "nguoi nhan", "nguoi giao",
        "nguoi ban giao", "nguoi tong hop", "truong nhom", "truong phong", "pho truong phong", "pho phong", "truong ban",
        "giam doc", "pho giam doc", "thu truong", "ke toan truong", "tm ban giam doc", "tl giam doc", "kt giam doc", "xac nhan",
        "tnxt", "tntk", "tp hcsn", "gdvp", "noi nhan", "ky ghi ro ho ten", "ky va ghi ro ho ten", "ky ho ten", "ky ten",
        "ghi ro ho ten", "da ky", "prepared by", "approved by", "signature",
    ]
    /// Whole cells that are a signature block's word on their own.
    static let signatureWords: Set<String> = ["ky", "duyet", "ho ten", "ho va ten"]

    /// Whether `text` belongs to a signature block: a title (`Người lập biểu`, `TRƯỞNG NHÓM
    /// TRIỂN KHAI`, `(Ký, ghi rõ họ tên)`) or a place-date line (`Đà Nẵng, ngày 28 tháng 11
    /// năm 2026`, `…, ngày … tháng … năm 20…`).
    static func isSignatureText(_ text: String) -> Bool {
        let key = HeaderNormalizer.key(text)
        let words = key.split(separator: " ")
        guard !words.isEmpty else { return false }
        if isPlaceDateLine(words) { return true }
        guard words.count <= 8 else { return false }
        if signatureWords.contains(key) { return true }
        return signatureTitles.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// `ngày`, then `tháng`, then `năm`, in a line of at most fourteen words.
    static func isPlaceDateLine(_ words: [Substring]) -> Bool {
        guard words.count <= 14, let day = words.firstIndex(of: "ngay"),
              let month = words[day...].firstIndex(of: "thang") else { return false }
        return words[month...].contains("nam")
    }

    /// Text made only of rule marks: dashes, dots, underscores, equals signs, stars, ellipses.
    static func isDecoration(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            switch s.value {
            case 0x20, 0x09, 0xA0, 0x2D, 0x2E, 0x5F, 0x3D, 0x2A, 0x7E, 0x2010...0x2015, 0x2026, 0x00B7, 0x2022, 0x2500...0x257F: return true
            default: return false
            }
        }
    }

    /// A column number as printed under a header: `1`, `(1)`, `[1]`.
    static func columnNumber(_ text: String) -> Int? {
        var t = Substring(text)
        if let f = t.first, f == "(" || f == "[", let l = t.last, l == ")" || l == "]" { t = t.dropFirst().dropLast() }
        guard !t.isEmpty, t.count <= 3, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }

    /// Whether `text` reads as a date (then a lone cell is a record's, not a heading).
    static func looksLikeDate(_ text: String) -> Bool { TextDateParser.parse(text) != nil }
}
