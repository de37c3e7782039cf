import Foundation

/// Folds header and vocabulary text to a comparable key: case, spacing, punctuation,
/// Unicode normalisation (NFC/NFD), diacritics (including đ/Đ) and tone placement
/// (`khóa`/`khoá`, `hòa`/`hoà`, `thủy`/`thuỷ`) do not matter.
public enum HeaderNormalizer {
    /// The folded key: lowercase ASCII-like words separated by single spaces.
    ///
    /// `"  Mã  Khoá-học* "` → `"ma khoa hoc"`; `"SĐT"` → `"sdt"`; `"Tỷ lệ (%)"` → `"ty le"`.
    public static func key(_ text: String) -> String {
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

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
