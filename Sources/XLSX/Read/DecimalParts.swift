/// A decimal number as written in a cell (`-12.5E3`): sign, the digits as one integer
/// (at most 19 significant), and the power of ten that scales it.
struct DecimalParts {
    var negative = false
    var mantissa: UInt64 = 0
    /// Significant digits (leading zeros not counted).
    var digits = 0
    var exponent = 0

    /// The parts of the `n` bytes at `p`, or nil when they are not a plain decimal of at most
    /// 19 significant digits (then `strtod` decides).
    @inline(__always)
    init?(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n > 0 else { return nil }
        var i = 0
        if p[0] == 0x2D { negative = true; i = 1 }
        var sawDigit = false
        var mantissa: UInt64 = 0
        var digits = 0
        /// Reads a run of digits into the mantissa; returns how many.
        func digitRun() -> Int {
            let start = i
            while i < n {
                let d = p[i] &- 0x30
                if d >= 10 { break }
                sawDigit = true
                if mantissa != 0 || d != 0 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            return i - start
        }
        _ = digitRun()
        if i < n, p[i] == 0x2E {
            i += 1
            exponent -= digitRun()
        }
        self.mantissa = mantissa
        self.digits = digits
        guard sawDigit, digits <= 19 else { return nil }
        if i < n, p[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < n, p[i] == 0x2D || p[i] == 0x2B { expNegative = p[i] == 0x2D; i += 1 }
            var e = 0
            let start = i
            while i < n, i - start < 4 {
                let d = p[i] &- 0x30
                if d >= 10 { break }
                e = e * 10 + Int(d)
                i += 1
            }
            guard i > start else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
    }

    /// The double nearest to `mantissa × 10^exponent` (ties to even, as `strtod` rounds),
    /// for exponents from −20 to 19: the value is scaled by a power of two into a 128-bit
    /// integer quotient with at least 55 bits, whose remainder decides the rounding. Nil
    /// outside that range, or for a result that would not be a normal double.
    func exact() -> Double? {
        guard exponent >= -20, exponent <= 19 else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        var ten: UInt128 = 1
        for _ in 0..<abs(exponent) { ten *= 10 }
        let quotient: UInt128
        let sticky: Bool
        var scale: Int  // the value is quotient × 2^-scale
        if exponent >= 0 {
            quotient = UInt128(mantissa) * ten  // < 10^38 < 2^127
            sticky = false
            scale = 0
        } else {
            // m × 2^s ÷ 10^k with s making the quotient at least 2^55 while m × 2^s stays below 2^128.
            let mBits = 64 - mantissa.leadingZeroBitCount
            let dBits = 128 - ten.leadingZeroBitCount
            scale = 56 + dBits - mBits
            guard scale >= 0, mBits + scale <= 127 else { return nil }
            let numerator = UInt128(mantissa) << scale
            quotient = numerator / ten
            sticky = numerator % ten != 0
        }
        let bits = 128 - quotient.leadingZeroBitCount
        var significand: UInt128
        if bits <= 53 {
            guard !sticky else { return nil }
            significand = quotient
        } else {
            let shift = bits - 53
            significand = quotient >> shift
            let rest = quotient & ((1 << shift) - 1)
            let half: UInt128 = 1 << (shift - 1)
            if rest > half || (rest == half && (sticky || significand & 1 == 1)) { significand += 1 }
            scale -= shift
        }
        let value = Double(sign: negative ? .minus : .plus, exponent: -scale, significand: Double(UInt64(significand)))
        guard value.isNormal else { return nil }
        return value
    }
}
