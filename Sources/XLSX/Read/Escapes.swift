/// Excel's `_xHHHH_` escapes in string content: a UTF-16 code unit written as four hex digits
/// (`_x000D_` is a carriage return, `_x005F_` a literal underscore); only a lower-case `x`
/// makes an escape, as in Excel (`_X000D_` is text). Surrogate pairs written as
/// two escapes are joined; a lone surrogate becomes U+FFFD.
enum Escapes {
    /// Decodes the escapes of `count` UTF-8 bytes at `base` in place; returns the new length.
    static func decodeInPlace(_ base: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        // Fast exit: no "_x" at all.
        var i = 0
        var found = false
        while i + 6 < count {
            if base[i] == 0x5F, base[i + 1] == 0x78 { found = true; break }
            i += 1
        }
        guard found else { return count }
        var read = 0, write = 0
        while read < count {
            if let unit = codeUnit(base, read, count) {
                var scalar: UInt32 = UInt32(unit)
                var consumed = 7
                if unit >= 0xD800, unit < 0xDC00 {
                    if let low = codeUnit(base, read + 7, count), low >= 0xDC00, low < 0xE000 {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        consumed = 14
                    } else {
                        scalar = 0xFFFD
                    }
                } else if unit >= 0xDC00, unit < 0xE000 {
                    scalar = 0xFFFD
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                for b in UTF8.encode(s)! { base[write] = b; write += 1 }
                read += consumed
            } else {
                base[write] = base[read]
                write += 1
                read += 1
            }
        }
        return write
    }

    /// The code unit of an escape starting at `i`, or nil.
    @inline(__always)
    private static func codeUnit(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ count: Int) -> UInt16? {
        guard i + 6 < count, p[i] == 0x5F, p[i + 1] == 0x78, p[i + 6] == 0x5F,
              let a = hexValue(p[i + 2]), let b = hexValue(p[i + 3]), let c = hexValue(p[i + 4]), let d = hexValue(p[i + 5])
        else { return nil }
        return UInt16(a) << 12 | UInt16(b) << 8 | UInt16(c) << 4 | UInt16(d)
    }

    /// The string with its escapes decoded.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(0x5F) else { return text }
        var bytes = Array(text.utf8)
        let n = bytes.withUnsafeMutableBufferPointer { decodeInPlace($0.baseAddress!, count: $0.count) }
        return String(decoding: bytes[0..<n], as: UTF8.self)
    }
}
