/// Estimates how wide a column must be to show a value, in Excel's width unit (the width of
/// one digit of the default font), without a font renderer.
///
/// Vietnamese text is measured by what shows: combining marks (the tone and vowel marks of
/// decomposed text, U+0300–U+036F and the like) take no width, so `Trường` measures the same
/// whether written precomposed (NFC) or decomposed (NFD); wide East Asian characters count
/// double; capitals and `m`/`w` a little more than a digit, `i`/`l`/`.` less.
public enum ColumnWidth {
    /// The width needed for a value, padding included.
    public static func measure(_ value: CellValue, font: Font = .standard) -> Double {
        let scale = font.size / 11 * (font.bold ? 1.1 : 1)
        switch value.resolved {
        case .empty: return 0
        case .string(let s): return text(s) * scale + 1.5
        case .richText(let runs): return text(runs.map(\.text).joined()) * scale + 1.5
        case .number(let d): return Double(shortNumber(d).count) * scale + 1.5
        case .bool: return 5 * scale + 1.5
        case .error(let e): return Double(e.count) * scale + 1.5
        case .date(let d):
            switch d.kind {
            case .date: return 10 * scale + 1.5
            case .dateTime: return 16 * scale + 1.5
            case .time, .duration: return 8 * scale + 1.5
            }
        case .formula: return 8 * scale
        }
    }

    /// The width of text in digit widths; with several lines, the widest line.
    public static func text(_ s: String) -> Double {
        var widest = 0.0, line = 0.0
        for scalar in s.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, line)
                line = 0
                continue
            }
            line += width(of: scalar)
        }
        return max(widest, line)
    }

    static func width(of s: Unicode.Scalar) -> Double {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let v = s.value
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
            return 2
        }
        if "iIl.,:;'|!".unicodeScalars.contains(s) { return 0.5 }
        if "mwMW@".unicodeScalars.contains(s) { return 1.5 }
        if s.properties.isUppercase { return 1.2 }
        return 1
    }

    private static func shortNumber(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
