/// Code page 437, the encoding of ZIP names without the UTF-8 flag.
enum CP437 {
    private static let high: [Character] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}")

    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var result = ""
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.append(high[Int(byte) - 0x80])
            }
        }
        return result
    }

    /// Decodes a name: UTF-8 when flagged (or when valid UTF-8 that is not plain ASCII, as many tools forget the flag), else CP437.
    static func decodeName<C: Collection>(_ bytes: C, utf8Flag: Bool) -> String where C.Element == UInt8 {
        if utf8Flag || bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return decode(bytes)
    }
}
