/// Byte-level checks of XML 1.0 for the worksheet scanner: names, characters, references.
/// Each is strict — it accepts only what libxml2 accepts the same way — and never reads
/// past the `count` bytes it is given. Results below zero: ``need`` (the bytes end before the
/// construct does) and ``refuse`` (not something the scanner takes; libxml2 will judge it).
enum XMLBytes {
    static let need = -1
    static let refuse = -2

    /// The length of the UTF-8 sequence at `i` encoding an XML `Char` (U+0080 and up), or
    /// ``refuse`` (an ASCII control, invalid UTF-8, a surrogate, U+FFFE or U+FFFF), or ``need``.
    @inline(__always)
    static func multibyte(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b = p[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return refuse
        }
        if i + length > n { return need }
        let b1 = p[i + 1]
        guard b1 >= low, b1 <= high else { return refuse }
        if length >= 3 {
            let b2 = p[i + 2]
            guard b2 & 0xC0 == 0x80 else { return refuse }
            // U+FFFE and U+FFFF are not characters.
            if b == 0xEF, b1 == 0xBF, b2 >= 0xBE { return refuse }
            if length == 4, p[i + 3] & 0xC0 != 0x80 { return refuse }
        }
        return length
    }

    /// Whether a character reference's value is an XML `Char`.
    @inline(__always)
    static func isChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
    }

    /// At `&` (index `i`): one of the five predefined entities or a character reference.
    /// Returns the index after its `;` and the character it stands for.
    static func reference(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (next: Int, scalar: UInt32) {
        var j = i + 1
        guard j < n else { return (need, 0) }
        if p[j] == 0x23 {  // #
            j += 1
            guard j < n else { return (need, 0) }
            var hex = false
            if p[j] == 0x78 { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < n {
                let b = p[j]
                var d: UInt32
                if b >= 0x30 && b <= 0x39 { d = UInt32(b - 0x30) }
                else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { d = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                digits += 1
                guard digits <= 8 else { return (refuse, 0) }
                value = value * (hex ? 16 : 10) + d
                j += 1
            }
            guard j < n else { return (need, 0) }
            guard p[j] == 0x3B, digits > 0, isChar(value) else { return (refuse, 0) }
            return (j + 1, value)
        }
        for (name, scalar) in predefined {
            let m = name.utf8CodeUnitCount
            let q = name.utf8Start
            var k = 0
            while k < m, j + k < n, p[j + k] == q[k] { k += 1 }
            if k == m { return (j + m, scalar) }
            if j + k == n { return (need, 0) }
        }
        return (refuse, 0)
    }

    /// The five entities XML predefines, with the `;` that ends them.
    private static let predefined: [(StaticString, UInt32)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22), ("apos;", 0x27)]

    /// Appends the text of `p[start..<end]` with its references replaced by their characters
    /// (the text was checked by ``SheetScanner``, so every reference is valid).
    static func appendDecoded(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, to out: ByteAccumulator) {
        var i = start
        var run = start
        while i < end {
            guard p[i] == 0x26 else { i += 1; continue }
            if i > run { out.append(UnsafeRawBufferPointer(start: p + run, count: i - run)) }
            let (next, scalar) = reference(p, i, end)
            guard next > i else { return }
            var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let count = withUnsafeMutableBytes(of: &utf8) { buffer -> Int in
                var k = 0
                for b in UTF8.encode(Unicode.Scalar(scalar)!)! { buffer[k] = b; k += 1 }
                return k
            }
            withUnsafeBytes(of: &utf8) { out.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            i = next
            run = i
        }
        if end > run { out.append(UnsafeRawBufferPointer(start: p + run, count: end - run)) }
    }

    /// An ASCII name character (letters, digits, `_`, `-`, `.`); `:` is handled by the caller.
    @inline(__always)
    static func isNameByte(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E
    }

    /// An ASCII character that may start a name (letters and `_`).
    @inline(__always)
    static func isNameStart(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || b == 0x5F
    }

    /// Space, tab or line feed (a carriage return is left to libxml2, which normalises it).
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }
}
