#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import XLSX

/// The decimal parser of cell values (`RawCell.fastDecimal`: Clinger's fast path, then exact
/// 128-bit rounding up to 19 digits) against libc's `strtod`, the judge: the same double, bit
/// for bit, or nil (then `strtod` is used anyway).
@Suite struct ReadDecimalTests {
    static func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    static func fast(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { RawCell.fastDecimal($0.baseAddress!, $0.count) }
    }

    @Test(arguments: ["639426.7984578838", "-22.49706816308807", "45678.5456712963", "0.5355288103362383", "1.7976931348623157",
                      "9007199254740993", "9007199254740992.5", "0.30000000000000004", "123456789012345678.9", "1E19", "9999999999999999999",
                      "0.00000000000000000001", "2.2250738585072014", "5e-20", "-0.1", "4503599627370496.5", "4503599627370497.5"])
    func handWorkedValues(_ text: String) {
        let value = Self.fast(text)
        if let value { #expect(value.bitPattern == Self.strtodValue(text).bitPattern, "\(text)") }
    }

    @Test func seventeenDigitFloatsTakeTheExactPath() {
        // xlsxwriter writes doubles with 17 significant digits: these no longer need strtod.
        #expect(Self.fast("639426.79845788383") != nil)
        #expect(Self.fast("0.12345678901234567") == 0.12345678901234567)
        // Ties between two doubles round to even: 2^53 + 1 lies halfway between 2^53 and 2^53 + 2.
        #expect(Self.fast("9007199254740993") == 9007199254740992)
        #expect(Self.fast("9007199254740995") == 9007199254740996)
    }

    @Test func agreesWithStrtodOnRandomDecimals() {
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<300_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let point = Int.random(in: 0...digits, using: &generator)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Bool.random(using: &generator) { text = "-" + text }
            if Int.random(in: 0..<4, using: &generator) == 0 { text += "E\(Int.random(in: -25...25, using: &generator))" }
            if text.hasPrefix(".") || text.hasPrefix("-.") || text.hasSuffix(".") { continue }
            guard let value = Self.fast(text) else { continue }
            taken += 1
            #expect(value.bitPattern == Self.strtodValue(text).bitPattern, "\(text)")
        }
        #expect(taken > 200_000)
    }
}
