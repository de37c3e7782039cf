import Foundation

/// Byte and scalar tables the value parsers use on their fast paths, each derived once from
/// the very predicate the slow path applies (Foundation's character sets, `Character`
/// properties), so a fast answer is always the slow one.
enum CharacterClasses {
    /// ASCII bytes in `CharacterSet.whitespacesAndNewlines` (what ``CellParser/text(_:)`` trims).
    static let asciiTrimmed: [Bool] = (0..<128).map { CharacterSet.whitespacesAndNewlines.contains(Unicode.Scalar(UInt8($0))) }

    /// ASCII bytes in `CharacterSet.whitespaces` (what a phone number part is trimmed of).
    static let asciiSpaces: [Bool] = (0..<128).map { CharacterSet.whitespaces.contains(Unicode.Scalar(UInt8($0))) }

    /// ASCII bytes that are `Character.isWhitespace`.
    static let asciiWhitespace: [Bool] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isWhitespace }

    /// Bit `s` set when scalar `s` of the Basic Multilingual Plane is in
    /// `CharacterSet.whitespacesAndNewlines`.
    private static let bmpTrimmed: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        let set = CharacterSet.whitespacesAndNewlines
        for v in 0..<0x10000 {
            guard let s = Unicode.Scalar(UInt32(v)), set.contains(s) else { continue }
            bits[v >> 6] |= 1 << UInt64(v & 63)
        }
        return bits
    }()

    /// True when `s` is in `CharacterSet.whitespacesAndNewlines`.
    @inline(__always)
    static func isTrimmed(_ s: Unicode.Scalar) -> Bool {
        let v = Int(s.value)
        if v < 128 { return asciiTrimmed[v] }
        if v < 0x10000 { return bmpTrimmed[v >> 6] & (1 << UInt64(v & 63)) != 0 }
        return CharacterSet.whitespacesAndNewlines.contains(s)
    }
}
