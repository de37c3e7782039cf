/// Byte-level versions of the parsers of ``CellParser`` for text that is plain ASCII (nearly
/// every phone number and e-mail address): the same answers without walking `Character`s.
///
/// Each function returns `nil` when the text is not ASCII, leaving it to the general parser,
/// and otherwise that parser's answer (`.some(nil)` being "not valid").
enum ASCIIParsers {
    /// ``CellParser/phone(_:)`` on text: parts split on `/ ; , |` (empty parts dropped), each
    /// normalised; the first when all are valid.
    static func phone(_ text: String) -> String?? {
        var text = text
        return text.withUTF8 { bytes -> String?? in
            guard isASCII(bytes) else { return nil }
            var first: String?
            var start = 0
            for i in 0...bytes.count {
                guard i == bytes.count || isPhoneSeparator(bytes[i]) else { continue }
                defer { start = i + 1 }
                guard i > start else { continue }
                guard let p = normalisePhone(UnsafeBufferPointer(rebasing: bytes[start..<i])) else { return .some(nil) }
                if first == nil { first = p }
            }
            return .some(first)
        }
    }

    /// ``CellParser/normalisePhone(_:)`` when `raw` is ASCII.
    static func normalisePhone(_ raw: String) -> String?? {
        var raw = raw
        return raw.withUTF8 { bytes -> String?? in
            guard isASCII(bytes) else { return nil }
            return .some(normalisePhone(bytes))
        }
    }

    /// ``CellParser/email(_:)``'s test when `text` is ASCII: one `@` with something before
    /// it, a dot after it but not last, no white space.
    static func isEmail(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard isASCII(bytes) else { return nil }
            var at: Int?
            var dotAfterAt = false
            for (i, b) in bytes.enumerated() {
                if CharacterClasses.asciiWhitespace[Int(b)] { return false }
                if b == UInt8(ascii: "@") {
                    if at != nil { return false }
                    at = i
                } else if b == UInt8(ascii: "."), at != nil {
                    dotAfterAt = true
                }
            }
            guard let at, at > 0, dotAfterAt, bytes[bytes.count - 1] != UInt8(ascii: ".") else { return false }
            return true
        }
    }

    // MARK: Helpers

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    private static func isPhoneSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: ";") || b == UInt8(ascii: ",") || b == UInt8(ascii: "|")
    }

    /// Ten digits starting `03/05/07/08/09`, or eleven starting `02`, from ASCII bytes.
    private static func normalisePhone(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0, hi = raw.count
        while lo < hi, CharacterClasses.asciiSpaces[Int(raw[lo])] { lo += 1 }
        while hi > lo, CharacterClasses.asciiSpaces[Int(raw[hi - 1])] { hi -= 1 }
        var international = false
        if lo < hi, raw[lo] == UInt8(ascii: "+") { international = true; lo += 1 }
        var digits: [UInt8] = []
        digits.reserveCapacity(hi - lo + 1)
        for b in raw[lo..<hi] {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(b)
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return nil
            }
        }
        func hasPrefix(_ p: String) -> Bool { digits.starts(with: p.utf8) }
        if hasPrefix("0084") {
            digits.replaceSubrange(0..<4, with: [UInt8(ascii: "0")])
        } else if international || (hasPrefix("84") && digits.count >= 11) {
            guard hasPrefix("84") else { return nil }
            digits.replaceSubrange(0..<2, with: [UInt8(ascii: "0")])
        } else if !hasPrefix("0"), digits.count == 9 || digits.count == 10 {
            digits.insert(UInt8(ascii: "0"), at: 0)
        }
        let mobile = digits.count == 10 && [UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "7"), UInt8(ascii: "8"),
                                            UInt8(ascii: "9")].contains(digits[1])
        let landline = digits.count == 11 && hasPrefix("02")
        return mobile || landline ? String(decoding: digits, as: UTF8.self) : nil
    }
}
