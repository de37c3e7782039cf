import Foundation
import Testing
@testable import XLSX

/// The byte-level XML writer: escaping as Excel does it, numbers as the shortest round trip.
@Suite struct WriteXMLWriterTests {
    static let textCases: [(String, String)] = [
        ("plain Tiếng Việt", "plain Tiếng Việt"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("quote \" and ' stay in text", "quote \" and ' stay in text"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("carriage\r\nreturn", "carriage_x000D_\nreturn"),
        ("bell\u{7}null\u{0}esc\u{1B}", "bell_x0007_null_x0000_esc_x001B_"),
        ("_x0041_ looks like an escape", "_x005F_x0041_ looks like an escape"),
        ("_x004_ is too short, _xZZZZ_ not hex", "_x004_ is too short, _xZZZZ_ not hex"),
        ("non-characters \u{FFFE}\u{FFFF}", "non-characters _xFFFE__xFFFF_"),
        ("ở cuối_", "ở cuối_"),
        ("", ""),
    ]

    @Test(arguments: textCases)
    func escapesText(_ input: String, _ expected: String) {
        let xml = XMLWriter(capacity: 8)
        xml.text(input)
        #expect(String(decoding: xml.array, as: UTF8.self) == expected)
    }

    @Test func escapesAttributes() {
        let xml = XMLWriter()
        xml.attribute("prompt", "Nhập \"số\" <1–200>\n& bấm Enter\t")
        #expect(String(decoding: xml.array, as: UTF8.self) == " prompt=\"Nhập &quot;số&quot; &lt;1–200&gt;&#10;&amp; bấm Enter&#9;\"")
    }

    /// Doubles are written as Swift's `description` writes them (shortest round trip), and
    /// integers without a fraction; every text reads back to the same `Double`.
    @Test func writesShortestRoundTripNumbers() {
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 0.5, -0.0625, 1.5e-7, 1e-300, 123456789.125, 9007199254740992,
                                1e15, 1e16, 1e21, -1e22, .pi, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                0.30000000000000004, 46357.3125]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            values.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1))
            values.append(Double.random(in: -1...1))
            values.append(Double.random(in: -1e6...1e6))
        }
        let xml = XMLWriter(capacity: 16)
        for v in values {
            xml.removeAll()
            xml.double(v)
            let text = String(decoding: xml.array, as: UTF8.self)
            #expect(Double(text) == v || (v == 0 && text == "0"), "\(v) → \(text)")
            if v == v.rounded(), abs(v) < 9.007_199_254_740_992e15 {
                #expect(text == String(Int(v)), "\(v) → \(text)")
            } else {
                #expect(text == "\(v)", "\(v) → \(text)")
            }
        }
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func writesColumnLetters(_ column: Int, _ letters: String) {
        let xml = XMLWriter()
        xml.columnLetters(column)
        #expect(String(decoding: xml.array, as: UTF8.self) == letters)
        #expect(CellReference.columnName(column) == letters)
    }

    @Test func writesIntegers() {
        let xml = XMLWriter(capacity: 4)
        for v in [0, 7, 10, -10, 1_048_576, Int.max, Int.min + 1] {
            xml.removeAll()
            xml.int(v)
            #expect(String(decoding: xml.array, as: UTF8.self) == String(v))
        }
    }
}
