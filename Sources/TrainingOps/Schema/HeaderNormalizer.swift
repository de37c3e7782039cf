import Foundation

/// Folds header and vocabulary text to a comparable key: case, spacing, punctuation,
/// Unicode normalisation (NFC/NFD), diacritics (including đ/Đ) and tone placement
/// (`khóa`/`khoá`, `hòa`/`hoà`, `thủy`/`thuỷ`) do not matter.
public enum HeaderNormalizer {
    /// The folded key: lowercase ASCII-like words separated by single spaces.
    ///
    /// `"  Mã  Khoá-học* "` → `"ma khoa hoc"`; `"SĐT"` → `"sdt"`; `"Tỷ lệ (%)"` → `"ty le"`.
    public static func key(_ text: String) -> String {
        FoldTable.key(text) ?? foldedKey(text)
    }

    /// ``key(_:)`` the general way: canonical decomposition, then scalar by scalar.
    static func foldedKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            let folded = fold(scalar)
            if isWordScalar(folded) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                for lower in String(folded).lowercased().unicodeScalars { out.append(lower) }
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The key with any parenthesised or bracketed parts removed first:
    /// `"Người bàn giao (TNXT)"` → `"nguoi ban giao"`.
    public static func keyWithoutParentheses(_ text: String) -> String {
        guard hasBrackets(text) else { return key(text) }
        var kept = ""
        var depth = 0
        for ch in text {
            switch ch {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            default: if depth == 0 { kept.append(ch) }
            }
        }
        return key(kept)
    }

    /// True when `text` holds a bracket, so ``keyWithoutParentheses(_:)`` may differ from ``key(_:)``.
    static func hasBrackets(_ text: String) -> Bool {
        text.utf8.contains { b in
            b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
        }
    }

    /// Combining diacritical marks (tones, circumflex, breve, horn) left by decomposition.
    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    /// Letters that do not decompose: đ/Đ and a few look-alikes.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x0111, 0x0110, 0x00F0, 0x00D0, 0x0189: return "d"
        default: return s
        }
    }

    /// Letters and digits: what a key keeps.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}

/// ``HeaderNormalizer/key(_:)`` without Foundation for text made of ASCII and the scalars of
/// a table: Latin letters with their diacritics (all of Vietnamese, precomposed or not),
/// combining marks and general punctuation. Each table entry is what the general fold gives
/// that scalar, computed once with the same functions; other text returns `nil`.
enum FoldTable {
    /// What one scalar contributes to a key.
    enum Entry: Sendable {
        /// A combining mark, dropped without separating words (`a` + `◌́`).
        case skip
        /// Not a letter or digit: ends a word.
        case separator
        /// Letters or digits, folded and lowercased (`Ế` → `e`, `Đ` → `d`).
        case word([UInt8])
    }

    /// Scalar ranges covered by the table.
    static let ranges: [Range<UInt32>] = [0x80..<0x370, 0x1E00..<0x1F00, 0x2000..<0x2070]

    /// Every covered scalar's entry packed in 16 bits, the ranges one after the other, so that
    /// looking one up copies nothing: 0 not taken (a decomposition that mixes letters and other
    /// signs, or keeps a reorderable mark), 1 skip, 2 separator, 3 several letters (in
    /// ``longWords``), `0x100 + b` the one letter `b` — nearly every letter of Vietnamese.
    static let codes: [UInt16] = ranges.flatMap { range in
        range.map { v -> UInt16 in
            switch Unicode.Scalar(v).flatMap(entry) {
            case nil: return 0
            case .skip?: return 1
            case .separator?: return 2
            case .word(let w)? where w.count == 1: return 0x100 | UInt16(w[0])
            case .word?: return 3
            }
        }
    }

    /// The letters of the scalars whose code is 3.
    static let longWords: [UInt32: [UInt8]] = {
        var words: [UInt32: [UInt8]] = [:]
        for range in ranges {
            for v in range {
                if case .word(let w)? = Unicode.Scalar(v).flatMap(entry), w.count > 1 { words[v] = w }
            }
        }
        return words
    }()

    /// The position of `v` in ``codes``, `nil` outside the ranges.
    @inline(__always)
    static func codeIndex(_ v: UInt32) -> Int? {
        if v >= 0x80, v < 0x370 { return Int(v - 0x80) }
        if v >= 0x1E00, v < 0x1F00 { return 0x2F0 + Int(v - 0x1E00) }
        if v >= 0x2000, v < 0x2070 { return 0x3F0 + Int(v - 0x2000) }
        return nil
    }

    /// The general fold of a lone scalar, when it is one of the simple shapes of ``Entry``.
    static func entry(_ scalar: Unicode.Scalar) -> Entry? {
        var word: [UInt8] = []
        var others = 0
        for s in String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars {
            if HeaderNormalizer.isCombiningMark(s) { continue }
            guard s.properties.canonicalCombiningClass == .notReordered else { return nil }
            let folded = HeaderNormalizer.fold(s)
            if HeaderNormalizer.isWordScalar(folded) {
                word += Array(String(folded).lowercased().utf8)
            } else {
                others += 1
            }
        }
        switch (word.isEmpty, others) {
        case (true, 0): return .skip
        case (true, 1): return .separator
        case (false, 0): return .word(word)
        default: return nil
        }
    }

    /// The key of `text`, or `nil` when it holds a scalar outside the table.
    static func key(_ text: String) -> String? {
        var text = text
        if let ascii = text.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? asciiKey($0) : nil }) { return ascii }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(word: some Sequence<UInt8>) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: word)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if let lower = asciiWordByte(UInt8(v)) { append(word: CollectionOfOne(lower)) } else { pendingSpace = true }
                continue
            }
            guard let i = codeIndex(v) else { return nil }
            switch codes[i] {
            case 0: return nil
            case 1: continue
            case 2: pendingSpace = true
            case 3: append(word: longWords[v] ?? [])
            case let code: append(word: CollectionOfOne(UInt8(truncatingIfNeeded: code)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key of ASCII text: letters lowercased, digits kept, anything else a single space
    /// between words.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pendingSpace = false
            for b in bytes {
                guard let lower = asciiWordByte(b) else { pendingSpace = true; continue }
                if pendingSpace, n > 0 { out[n] = 0x20; n += 1 }
                pendingSpace = false
                out[n] = lower
                n += 1
            }
            return n
        }
    }

    /// A letter (lowercased) or digit, `nil` for any other ASCII byte.
    @inline(__always)
    static func asciiWordByte(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return b
        default: return nil
        }
    }
}
