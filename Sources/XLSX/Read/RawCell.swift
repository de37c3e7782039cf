#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The value type a cell declares in the file (its `t` attribute).
public enum RawCellType: UInt8, Sendable {
    /// No `t`, or `t="n"`: a number, possibly a date by its style.
    case number
    /// `t="s"`: an index into the shared strings.
    case sharedString
    /// `t="inlineStr"`: text held in the cell.
    case inlineString
    /// `t="str"`: the text result of a formula.
    case formulaString
    /// `t="b"`: `1` or `0`.
    case boolean
    /// `t="e"`: an error such as `#N/A`.
    case error
    /// `t="d"`: an ISO 8601 date-time.
    case isoDate
    /// A cell without a value (styled blank, or a formula without a cached result).
    case empty
}

/// One cell as the engine sees it, before any `String` or ``CellValue`` is made: position,
/// declared type, style index and the raw value bytes. Valid only during the visit.
public struct RawCell {
    /// Zero-based row.
    public let row: Int
    /// Zero-based column.
    public let column: Int
    /// The declared type.
    public let type: RawCellType
    /// Index into the workbook's cell formats (`s`), 0 by default.
    public let styleIndex: Int
    /// True when the cell has a formula (`<f>`).
    public let hasFormula: Bool
    let base: UnsafePointer<UInt8>
    let count: Int

    init(row: Int, column: Int, type: RawCellType, styleIndex: Int, hasFormula: Bool, base: UnsafePointer<UInt8>, count: Int) {
        self.row = row
        self.column = column
        self.type = type
        self.styleIndex = styleIndex
        self.hasFormula = hasFormula
        self.base = base
        self.count = count
    }

    /// The value's bytes: the text of `<v>`, or of an inline string with escapes decoded.
    @inline(__always)
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The position as a reference.
    public var reference: CellReference { CellReference(unchecked: row, column) }

    /// The value parsed as a number (`strtod` in place, no copy); nil when it is not a number.
    @inline(__always)
    public var number: Double? {
        guard count > 0 else { return nil }
        if let fast = RawCell.fastDecimal(base, count) { return fast }
        var end: UnsafeMutablePointer<CChar>?
        let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        let value = strtod(start, &end)
        guard let end else { return nil }
        var consumed = UnsafeRawPointer(end) - UnsafeRawPointer(base)
        guard consumed > 0 else { return nil }
        while consumed < count, base[consumed] == 0x20 || base[consumed] == 0x0A || base[consumed] == 0x0D || base[consumed] == 0x09 { consumed += 1 }
        guard consumed == count, value.isFinite else { return nil }
        // strtod accepts hex floats, "inf" and "nan"; the format does not.
        if count > 1, base[0] == 0x30, base[1] | 0x20 == 0x78 { return nil }
        return value
    }

    /// Clinger's fast path: a decimal of at most 15 significant digits with a small power of
    /// ten is exact as `m × 10^e` or `m ÷ 10^-e` (one correctly rounded operation), so it
    /// equals what `strtod` returns. Up to 19 digits and 20 places, ``DecimalParts/exact()``
    /// rounds the exact quotient in 128-bit integers instead. Anything else returns nil and
    /// goes to `strtod`.
    @inline(__always)
    static func fastDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard let parts = DecimalParts(p, n) else { return nil }
        if parts.digits <= 15, parts.exponent >= -22, parts.exponent <= 22 {
            var value = Double(parts.mantissa)
            if parts.exponent < 0 { value /= powersOfTen[-parts.exponent] } else if parts.exponent > 0 { value *= powersOfTen[parts.exponent] }
            return parts.negative ? -value : value
        }
        return parts.exact()
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// For a shared-string cell, the index it holds.
    @inline(__always)
    public var sharedStringIndex: Int? {
        guard count > 0, count <= 10 else { return nil }
        var value = 0
        for i in 0..<count {
            let d = base[i] &- 0x30
            guard d < 10 else { return XMLPart.int(bytes) }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// The value bytes as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
