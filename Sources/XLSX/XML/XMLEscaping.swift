/// Where escaped XML goes: the writer's buffer or a rewriter's byte array.
protocol XMLByteSink {
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer)
}

extension Array: XMLByteSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// The one escaping loop of the package, for everything written as XML text: cells and markup
/// by ``XMLWriter``, values put back into existing parts by the edit layer.
///
/// Unchanged runs are copied whole; only `&`, `<`, `>`, `"`, `_`, bytes below 0x20 and the
/// first byte of U+FFFE/U+FFFF stop the copy.
enum XMLEscaping {
    enum Mode {
        /// A string cell's text (ST_Xstring) as Excel writes it, so that it reads back as it
        /// was: `&`, `<`, `>` as entities; tab and line feed as they are; carriage returns,
        /// other control characters and U+FFFE/U+FFFF as `_xHHHH_`; a literal `_xHHHH_` kept
        /// literal by escaping its underscore (`_x005F_x0041_`).
        case cellText
        /// A double-quoted attribute value the writer builds: entities for `&`, `<`, `>`, `"`;
        /// tab and line feed as character references (an attribute's white space is otherwise
        /// normalised to spaces); other control characters as `_xHHHH_`.
        case attribute
        /// Text going back into a part that is being edited (names, targets, formulas), in an
        /// element or an attribute alike: entities for `&`, `<`, `>`, `"`; tab, line feed and
        /// carriage return as character references; what XML 1.0 cannot carry is dropped.
        case markup
    }

    /// Appends `bytes` (UTF-8) to `sink`, escaped for `mode`.
    @inline(__always)
    static func escape<Sink: XMLByteSink>(_ bytes: UnsafeRawBufferPointer, _ mode: Mode, into sink: inout Sink) {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let n = bytes.count
        var run = 0  // start of the bytes not yet copied
        var i = 0
        while i < n {
            let b = start[i]
            guard special(b) else { i += 1; continue }
            var replacement: StaticString? = nil
            var hexCode: UInt32? = nil
            var width = 1  // bytes of the input replaced
            switch b {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: if mode != .cellText { replacement = "&quot;" }
            case 0x09: if mode != .cellText { replacement = "&#9;" }
            case 0x0A: if mode != .cellText { replacement = "&#10;" }
            case 0x0D: if mode == .markup { replacement = "&#13;" } else { hexCode = 0x0D }
            case 0x5F: if mode == .cellText, looksLikeEscape(start, i, n) { replacement = "_x005F_" }
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                if i + 2 < n, start[i + 1] == 0xBF, start[i + 2] >= 0xBE {
                    width = 3
                    if mode == .markup { replacement = "" } else { hexCode = start[i + 2] == 0xBE ? 0xFFFE : 0xFFFF }
                }
            default:
                if mode == .markup { replacement = "" } else { hexCode = UInt32(b) }  // below 0x20
            }
            if replacement == nil && hexCode == nil { i += 1; continue }
            sink.appendBytes(UnsafeRawBufferPointer(start: start + run, count: i - run))
            if let replacement {
                sink.appendBytes(UnsafeRawBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            } else if let hexCode {
                appendHexEscape(hexCode, into: &sink)
            }
            i += width
            run = i
        }
        sink.appendBytes(UnsafeRawBufferPointer(start: start + run, count: n - run))
    }

    /// Appends `text` to `sink`, escaped for `mode`.
    static func escape<Sink: XMLByteSink>(_ text: String, _ mode: Mode, into sink: inout Sink) {
        var text = text
        text.withUTF8 { escape(UnsafeRawBufferPointer($0), mode, into: &sink) }
    }

    /// True when `b` starts something that may not be copied as it is.
    @inline(__always)
    private static func special(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x5F || b == 0xEF
    }

    /// `_xHHHH_` at `i`: Excel would decode it, so a literal one needs its underscore escaped.
    @inline(__always)
    private static func looksLikeEscape(_ s: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        guard i + 6 < n, s[i + 1] == 0x78 || s[i + 1] == 0x58, s[i + 6] == 0x5F else { return false }
        for k in 2...5 {
            let c = s[i + k] | 0x20
            guard (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) else { return false }
        }
        return true
    }

    private static func appendHexEscape<Sink: XMLByteSink>(_ code: UInt32, into sink: inout Sink) {
        let digits: StaticString = "0123456789ABCDEF"
        let d = digits.utf8Start
        let escape: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0x5F, 0x78, d[Int(code >> 12 & 0xF)], d[Int(code >> 8 & 0xF)], d[Int(code >> 4 & 0xF)], d[Int(code & 0xF)], 0x5F)
        withUnsafeBytes(of: escape) { sink.appendBytes($0) }
    }
}
