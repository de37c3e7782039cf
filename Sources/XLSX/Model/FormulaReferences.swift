/// One part of a reference in a formula: a cell (`$B7`), a whole row (`7`) or a whole column
/// (`B`). Rows and columns are one-based; `$` marks an absolute part.
struct ReferencePart: Hashable, Sendable {
    /// One-based column, nil for a whole row.
    var column: Int?
    /// One-based row, nil for a whole column.
    var row: Int?
    /// True when the column is written with `$`.
    var absoluteColumn: Bool
    /// True when the row is written with `$`.
    var absoluteRow: Bool

    /// Appends the text of the part, as Excel writes it.
    func write(into out: inout [UInt8]) {
        if let column {
            if absoluteColumn { out.append(0x24) }
            CellReference.appendColumnName(column - 1, into: &out)
        }
        if let row {
            if absoluteRow { out.append(0x24) }
            appendDecimal(row, into: &out)
        }
    }

    /// The text of the part, as Excel writes it.
    var text: String {
        var s = ""
        if let column { s += (absoluteColumn ? "$" : "") + CellReference.columnName(column - 1) }
        if let row { s += (absoluteRow ? "$" : "") + String(row) }
        return s
    }
}

/// A reference found in a formula: an optional sheet, then a cell, or a range of cells, rows or
/// columns.
struct FormulaReference: Hashable, Sendable {
    /// The sheet named before `!`, unquoted (`Kế hoạch` for `'Kế hoạch'!A1`); nil when none.
    var sheet: String?
    /// True when the sheet belongs to another workbook (`[1]Sheet1!A1`).
    var isExternal: Bool
    /// The first (or only) part.
    var first: ReferencePart
    /// The end of a range, if any.
    var second: ReferencePart?
}

/// A small tokenizer for Excel formulas that finds every cell, row and column reference —
/// skipping string literals, function names, defined names and structured references — and
/// rewrites the ones a caller changes, copying all other text as it was.
enum FormulaReferences {
    /// Calls `body` with each reference of `formula`; `body` edits it in place and returns false
    /// when the reference no longer exists (it becomes `#REF!`). Unchanged references keep
    /// their original text.
    static func rewrite(_ formula: String, _ body: (inout FormulaReference) -> Bool) -> String {
        var out: [UInt8] = []
        let changed = render(pieces(formula), into: &out, body)
        return changed ? String(decoding: out, as: UTF8.self) : formula
    }

    /// A formula taken apart once, to be rendered many times (a block's formula in each copy).
    enum Piece {
        /// Text copied as it was (sheet prefixes included).
        case literal([UInt8])
        /// A reference and the text it was written with.
        case reference(FormulaReference, text: [UInt8])
    }

    /// Writes the formula of `pieces` into `out`, each reference passed through `body` as in
    /// ``rewrite(_:_:)``; true when some reference changed.
    @discardableResult
    static func render(_ pieces: [Piece], into out: inout [UInt8], _ body: (inout FormulaReference) -> Bool) -> Bool {
        var changed = false
        for piece in pieces {
            switch piece {
            case let .literal(bytes):
                out.append(contentsOf: bytes)
            case let .reference(original, text):
                var reference = original
                if !body(&reference) {
                    out.append(contentsOf: [0x23, 0x52, 0x45, 0x46, 0x21])  // #REF!
                    changed = true
                } else if reference.first == original.first && reference.second == original.second {
                    out.append(contentsOf: text)
                } else {
                    reference.first.write(into: &out)
                    if let second = reference.second {
                        out.append(0x3A)
                        second.write(into: &out)
                    }
                    changed = true
                }
            }
        }
        return changed
    }

    /// Splits a formula into literal text and references.
    static func pieces(_ formula: String) -> [Piece] {
        let s = Array(formula.utf8)
        var pieces: [Piece] = []
        var out: [UInt8] = []
        var i = 0
        var afterBracket = false
        while i < s.count {
            let b = s[i]
            if b == 0x22 {  // string literal
                let start = i
                i += 1
                while i < s.count {
                    if s[i] == 0x22 {
                        if i + 1 < s.count && s[i + 1] == 0x22 { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i = min(i + 1, s.count)
                out.append(contentsOf: s[start..<i])
                afterBracket = false
                continue
            }
            if b == 0x5B {  // [ … ]: external book index or structured reference
                let start = i
                var depth = 0
                while i < s.count {
                    if s[i] == 0x5B { depth += 1 } else if s[i] == 0x5D { depth -= 1; if depth == 0 { i += 1; break } }
                    i += 1
                }
                out.append(contentsOf: s[start..<i])
                afterBracket = true
                continue
            }
            var sheet: String?
            var prefixEnd = i
            if b == 0x27 {  // 'quoted sheet'!
                var j = i + 1
                var name: [UInt8] = []
                while j < s.count {
                    if s[j] == 0x27 {
                        if j + 1 < s.count && s[j + 1] == 0x27 { name.append(0x27); j += 2; continue }
                        break
                    }
                    name.append(s[j]); j += 1
                }
                if j + 1 < s.count, s[j + 1] == 0x21 {
                    sheet = String(decoding: name, as: UTF8.self)
                    prefixEnd = j + 2
                } else {
                    out.append(contentsOf: s[i..<min(j + 1, s.count)])
                    i = min(j + 1, s.count)
                    continue
                }
            } else if isWordByte(b) {
                let wordEnd = scanWord(s, i)
                if wordEnd < s.count, s[wordEnd] == 0x21 {
                    sheet = String(decoding: s[i..<wordEnd], as: UTF8.self)
                    prefixEnd = wordEnd + 1
                } else if wordEnd < s.count, s[wordEnd] == 0x28 || (i > 0 && (s[i - 1] == 0x2E)) {
                    out.append(contentsOf: s[i..<wordEnd])  // a function name
                    i = wordEnd
                    afterBracket = false
                    continue
                }
            } else {
                out.append(b)
                i += 1
                afterBracket = false
                continue
            }
            let external = afterBracket && sheet != nil
            afterBracket = false
            // The reference itself after any prefix.
            let refStart = prefixEnd
            let firstEnd = scanWord(s, refStart)
            guard let first = parsePart(s[refStart..<firstEnd]) else {
                out.append(contentsOf: s[i..<max(firstEnd, prefixEnd)])
                i = max(firstEnd, prefixEnd)
                if i == refStart && i < s.count && sheet != nil { continue }
                continue
            }
            var second: ReferencePart?
            var end = firstEnd
            if firstEnd < s.count, s[firstEnd] == 0x3A {
                let secondEnd = scanWord(s, firstEnd + 1)
                if let part = parsePart(s[(firstEnd + 1)..<secondEnd]),
                   (part.row == nil) == (first.row == nil), (part.column == nil) == (first.column == nil) {
                    second = part
                    end = secondEnd
                }
            }
            // A lone whole row or column is not a reference (it is a number or a name).
            if second == nil && (first.row == nil || first.column == nil) {
                out.append(contentsOf: s[i..<firstEnd])
                i = firstEnd
                continue
            }
            if end < s.count, s[end] == 0x28 {  // LOG10( and friends
                out.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            out.append(contentsOf: s[i..<refStart])
            pieces.append(.literal(out))
            out.removeAll()
            pieces.append(.reference(FormulaReference(sheet: sheet, isExternal: external, first: first, second: second),
                                     text: Array(s[refStart..<end])))
            i = end
        }
        if !out.isEmpty { pieces.append(.literal(out)) }
        return pieces
    }

    /// Moves the relative parts of every reference by `rows` and `columns`, as Excel does when
    /// it copies a formula: the reader and the template engine expand shared formulas with it.
    static func translate(_ formula: String, rows: Int, columns: Int) -> String {
        guard rows != 0 || columns != 0 else { return formula }
        return rewrite(formula) { reference in
            if reference.isExternal { return true }
            func move(_ part: inout ReferencePart) -> Bool {
                if let r = part.row, !part.absoluteRow {
                    part.row = r + rows
                    if r + rows < 1 || r + rows > CellReference.maxRows { return false }
                }
                if let c = part.column, !part.absoluteColumn {
                    part.column = c + columns
                    if c + columns < 1 || c + columns > CellReference.maxColumns { return false }
                }
                return true
            }
            var ok = move(&reference.first)
            if var second = reference.second { ok = move(&second) && ok; reference.second = second }
            return ok
        }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == 0x5F || b == 0x24 || b == 0x2E || b == 0x5C || b >= 0x80
    }

    static func scanWord(_ s: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < s.count, isWordByte(s[i]) { i += 1 }
        return i
    }

    /// Parses `$B$7`, `B7`, `7`, `$7`, `B` or `$B`; nil for anything else.
    static func parsePart(_ w: ArraySlice<UInt8>) -> ReferencePart? {
        var i = w.startIndex
        let n = w.endIndex
        var absColumn = false, absRow = false
        if i < n, w[i] == 0x24 { absColumn = true; i += 1 }
        let lettersStart = i
        var column = 0
        while i < n, i - lettersStart < 4 {
            var b = w[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            column = column * 26 + Int(b - 0x40)
            i += 1
        }
        let letters = i - lettersStart
        if letters > 3 { return nil }
        if letters == 0 && absColumn {
            // `$7`: the `$` belonged to the row.
            absColumn = false
            absRow = true
        }
        if letters > 0, i < n, w[i] == 0x24 { absRow = true; i += 1 }
        let digitsStart = i
        var row = 0
        while i < n, w[i] >= 0x30, w[i] <= 0x39, i - digitsStart < 8 { row = row * 10 + Int(w[i] - 0x30); i += 1 }
        let digits = i - digitsStart
        guard i == n, letters + digits > 0 else { return nil }
        if absRow && digits == 0 { return nil }
        if letters > 0 && column > CellReference.maxColumns { return nil }
        if digits > 0 && (row < 1 || row > CellReference.maxRows) { return nil }
        return ReferencePart(column: letters > 0 ? column : nil, row: digits > 0 ? row : nil,
                             absoluteColumn: absColumn, absoluteRow: absRow)
    }
}

/// Appends the decimal digits of a non-negative number.
func appendDecimal(_ value: Int, into out: inout [UInt8]) {
    if value < 10 { out.append(0x30 + UInt8(value)); return }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = value, count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        while n > 0 && count < 20 {
            buffer[19 - count] = 0x30 + UInt8(n % 10)
            n /= 10
            count += 1
        }
        out.append(contentsOf: buffer[(20 - count)...])
    }
}

extension CellRange {
    /// Appends the text of ``description`` (`A1`, `A1:B2`).
    func write(into out: inout [UInt8]) {
        CellReference.appendColumnName(start.column, into: &out)
        appendDecimal(start.row + 1, into: &out)
        guard start != end else { return }
        out.append(0x3A)
        CellReference.appendColumnName(end.column, into: &out)
        appendDecimal(end.row + 1, into: &out)
    }
}

extension CellReference {
    /// Appends the letters of a zero-based column (`0` → `A`).
    static func appendColumnName(_ column: Int, into out: inout [UInt8]) {
        let n = column + 1
        if n > 702 {
            let m = n - 703
            out.append(0x41 + UInt8(m / 676 % 26))
            out.append(0x41 + UInt8(m / 26 % 26))
            out.append(0x41 + UInt8(m % 26))
        } else if n > 26 {
            out.append(0x41 + UInt8((n - 27) / 26))
            out.append(0x41 + UInt8((n - 27) % 26))
        } else {
            out.append(0x40 + UInt8(max(n, 1)))
        }
    }
}
