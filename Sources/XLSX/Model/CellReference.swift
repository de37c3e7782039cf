/// A cell's position: zero-based row and column, within Excel's grid of
/// 1,048,576 rows × 16,384 columns. Written `B7` in A1 notation.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row (row 1 is 0).
    public var row: Int
    /// Zero-based column (column A is 0).
    public var column: Int

    /// Rows in Excel's grid: 1,048,576 (2²⁰).
    public static let maxRows = 1_048_576
    /// Columns in Excel's grid: 16,384 (2¹⁴), A to XFD.
    public static let maxColumns = 16_384

    /// A reference from zero-based indices; nil outside Excel's grid.
    public init?(row: Int, column: Int) {
        guard (0..<CellReference.maxRows).contains(row), (0..<CellReference.maxColumns).contains(column) else { return nil }
        self.row = row
        self.column = column
    }

    init(unchecked row: Int, _ column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B7`, `$B$7` or lower case `b7`; nil when it is not a reference inside the grid.
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)[...]
        guard let parsed = CellReference.parse(&utf8), utf8.isEmpty else { return nil }
        self = parsed
    }

    /// Parses a reference from ASCII bytes (the `r` attribute of a cell).
    package init?(bytes: UnsafeRawBufferPointer) {
        var column = 0, row = 0, i = 0
        let n = bytes.count
        if i < n, bytes[i] == 0x24 { i += 1 }
        let letters = i
        while i < n {
            var b = bytes[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            column = column * 26 + Int(b - 0x40)
            i += 1
            if i - letters > 3 { return nil }
        }
        guard i > letters else { return nil }
        if i < n, bytes[i] == 0x24 { i += 1 }
        let digits = i
        while i < n {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            row = row * 10 + Int(b - 0x30)
            i += 1
            if i - digits > 7 { return nil }
        }
        guard i > digits, row >= 1, row <= CellReference.maxRows, column <= CellReference.maxColumns else { return nil }
        self.init(unchecked: row - 1, column - 1)
    }

    static func parse(_ s: inout ArraySlice<UInt8>) -> CellReference? {
        // Letters then digits, each optionally preceded by `$`.
        var end = s.startIndex
        if end < s.endIndex, s[end] == 0x24 { end += 1 }
        while end < s.endIndex, (s[end] | 0x20) >= 0x61, (s[end] | 0x20) <= 0x7A { end += 1 }
        if end < s.endIndex, s[end] == 0x24 { end += 1 }
        while end < s.endIndex, s[end] >= 0x30, s[end] <= 0x39 { end += 1 }
        let token = Array(s[s.startIndex..<end])
        guard let ref = token.withUnsafeBytes({ CellReference(bytes: $0) }) else { return nil }
        s = s[end...]
        return ref
    }

    /// Column letters for a zero-based column: 0 → `A`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Zero-based column for letters (`A` → 0); nil when not letters within the grid.
    public static func columnIndex(_ letters: String) -> Int? {
        var column = 0
        for b in letters.utf8 {
            let u = b & ~0x20
            guard u >= 0x41, u <= 0x5A else { return nil }
            column = column * 26 + Int(u - 0x40)
            if column > maxColumns { return nil }
        }
        return column > 0 ? column - 1 : nil
    }

    /// `B7`.
    public var description: String { CellReference.columnName(column) + String(row + 1) }

    /// Row-major order: `A2` comes after `XFD1`.
    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells, `A1:C10`; a single cell is a range of one.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var start: CellReference
    /// The bottom-right cell.
    public var end: CellReference

    /// The range spanned by two corners, in either order.
    public init(_ start: CellReference, _ end: CellReference) {
        self.start = CellReference(unchecked: min(start.row, end.row), min(start.column, end.column))
        self.end = CellReference(unchecked: max(start.row, end.row), max(start.column, end.column))
    }

    /// Parses `A1:C10`, `$A$1:$C$10` or `B7`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellReference(String(parts[0])),
              let b = parts.count == 2 ? CellReference(String(parts[1])) : a else { return nil }
        self.init(a, b)
    }

    /// The number of rows it spans.
    public var rowCount: Int { end.row - start.row + 1 }
    /// The number of columns it spans.
    public var columnCount: Int { end.column - start.column + 1 }

    /// True when the cell lies inside the range.
    public func contains(_ ref: CellReference) -> Bool {
        (start.row...end.row).contains(ref.row) && (start.column...end.column).contains(ref.column)
    }

    /// `A1:C10`, or `B7` for a single cell.
    public var description: String { start == end ? start.description : "\(start):\(end)" }
}

extension CellReference {
    /// Letters then digits (each optionally after `$`): A1 syntax, whatever the numbers.
    static func looksLikeA1(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        if i < n, bytes[i] == 0x24 { i += 1 }
        let letters = i
        while i < n, isLetter(bytes[i]) { i += 1 }
        guard i > letters else { return false }
        if i < n, bytes[i] == 0x24 { i += 1 }
        let digits = i
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        return i > digits && i == n
    }
}
