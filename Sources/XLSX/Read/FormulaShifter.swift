/// Moves the relative references of a formula, as Excel does when it copies a shared
/// formula from its anchor cell to another cell of the shared range: `A1+$B1` anchored at
/// C1 reads `A3+$B3` at C3. Text in quotes and sheet names are left alone; a reference
/// pushed off the grid becomes `#REF!`.
enum FormulaShifter {
    static func shift(_ formula: String, rows dr: Int, columns dc: Int) -> String {
        if dr == 0 && dc == 0 { return formula }
        let s = Array(formula.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 8)
        var i = 0
        while i < s.count {
            let b = s[i]
            if b == 0x22 || b == 0x27 {  // "text" or 'sheet name'
                let quote = b
                out.append(b)
                i += 1
                while i < s.count {
                    out.append(s[i])
                    if s[i] == quote {
                        if i + 1 < s.count, s[i + 1] == quote { out.append(s[i + 1]); i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                continue
            }
            if b == 0x5B {  // [structured reference] or [external book]
                var depth = 0
                while i < s.count {
                    if s[i] == 0x5B { depth += 1 }
                    if s[i] == 0x5D { depth -= 1 }
                    out.append(s[i])
                    i += 1
                    if depth == 0 { break }
                }
                continue
            }
            let previous = i > 0 ? s[i - 1] : 0x20
            if !isIdentifier(previous), previous != 0x24, let (ref, length) = matchReference(s, i) {
                out.append(contentsOf: shifted(ref, dr, dc))
                i += length
                continue
            }
            // Copy a whole identifier so a reference is never matched inside one.
            if isIdentifier(b) {
                while i < s.count, isIdentifier(s[i]) { out.append(s[i]); i += 1 }
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private struct Ref { var column: Int; var row: Int; var absColumn: Bool; var absRow: Bool }

    @inline(__always)
    private static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2E || b >= 0x80 || b == 0x5C
    }

    private static func matchReference(_ s: [UInt8], _ start: Int) -> (Ref, Int)? {
        var i = start
        var ref = Ref(column: 0, row: 0, absColumn: false, absRow: false)
        if i < s.count, s[i] == 0x24 { ref.absColumn = true; i += 1 }
        let letters = i
        while i < s.count, i - letters < 4, (s[i] | 0x20) >= 0x61, (s[i] | 0x20) <= 0x7A {
            ref.column = ref.column * 26 + Int((s[i] | 0x20) - 0x60)
            i += 1
        }
        guard i > letters, i - letters <= 3 else { return nil }
        if i < s.count, s[i] == 0x24 { ref.absRow = true; i += 1 }
        let digits = i
        while i < s.count, s[i] >= 0x30, s[i] <= 0x39, i - digits < 8 { ref.row = ref.row * 10 + Int(s[i] - 0x30); i += 1 }
        guard i > digits, ref.row >= 1 else { return nil }
        if i < s.count, isIdentifier(s[i]) || s[i] == 0x28 { return nil }  // part of a name, or a function call
        ref.column -= 1
        ref.row -= 1
        guard ref.column < CellReference.maxColumns, ref.row < CellReference.maxRows else { return nil }
        return (ref, i - start)
    }

    private static func shifted(_ r: Ref, _ dr: Int, _ dc: Int) -> [UInt8] {
        let column = r.absColumn ? r.column : r.column + dc
        let row = r.absRow ? r.row : r.row + dr
        guard (0..<CellReference.maxColumns).contains(column), (0..<CellReference.maxRows).contains(row) else {
            return Array("#REF!".utf8)
        }
        var text = r.absColumn ? "$" : ""
        text += CellReference.columnName(column)
        text += r.absRow ? "$" : ""
        text += String(row + 1)
        return Array(text.utf8)
    }
}
