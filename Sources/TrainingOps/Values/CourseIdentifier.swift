import XLSX

/// Course ids as staff type them: `TL 2610 02`, `tl-2610-02`, `TL_2610_02`, `TL–2610–02`,
/// `TL.2610.02` are all the id `TL-2610-02` of the handover plan.
///
/// An id is a group of letters (the product's prefix) followed by groups of digits (the
/// month, the number in the month), joined by any mix of spaces, hyphens, dashes, underscores
/// or dots. Its canonical form has the letters upper-cased and the groups joined by `-`.
/// Text of another shape (`K 1`, `Khóa Tính lương`, `TL2610`) is not an id of this form and
/// is kept as written (see ``canonicalCourseId(_:)``).
public enum CourseIdentifier {
    /// The canonical form of `raw` when it has the shape of an id: letters, then two or more
    /// groups of digits, or one group of at least four; `nil` otherwise.
    public static func normalised(_ raw: String) -> String? {
        var groups: [[UInt8]] = []
        var current: [UInt8] = []
        var currentIsLetters = false
        func close() {
            if !current.isEmpty { groups.append(current) }
            current = []
        }
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v >= 0x30 && v <= 0x39 || v >= 0x41 && v <= 0x5A || v >= 0x61 && v <= 0x7A {
                let isLetter = v >= 0x41
                // Letters glued to digits (`TL2610`) are not split: that is another way of writing.
                if !current.isEmpty, isLetter != currentIsLetters { return nil }
                currentIsLetters = isLetter
                current.append(UInt8(v >= 0x61 ? v - 32 : v))
            } else if isSeparator(scalar) {
                close()
            } else {
                return nil
            }
        }
        close()
        guard groups.count >= 2, let prefix = groups.first, prefix.allSatisfy({ $0 >= 0x41 }), prefix.count <= 8 else { return nil }
        let numbers = groups.dropFirst()
        guard numbers.allSatisfy({ $0.allSatisfy { $0 <= 0x39 } }) else { return nil }
        guard numbers.count >= 2 || (numbers.first?.count ?? 0) >= 4 else { return nil }
        var out: [UInt8] = []
        for (i, g) in groups.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "-")) }
            out += g
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Spaces (including the no-break space), hyphens and dashes, underscores and dots.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x2D, 0x5F, 0x2E, 0x2010...0x2015, 0x2212, 0x3000: return true
        default: return false
        }
    }
}

/// The key a course id is joined on: its canonical form (``CourseIdentifier/normalised(_:)``)
/// when it has the shape of an id, else ``canonicalCourseId(_:)``.
func courseKey(_ raw: String?) -> String? {
    guard let raw else { return nil }
    if let fast = asciiCanonicalIdForm(raw) { return fast }
    return CourseIdentifier.normalised(raw) ?? canonicalCourseId(raw)
}

/// `raw` itself when it is already an id in canonical form (upper-case ASCII letters, digits,
/// single hyphens between groups): what nearly every cell holds, answered without building
/// anything.
func asciiCanonicalIdForm(_ raw: String) -> String? {
    var previousHyphen = true
    for b in raw.utf8 {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousHyphen = false
        case UInt8(ascii: "-"):
            if previousHyphen { return nil }
            previousHyphen = true
        default: return nil
        }
    }
    return previousHyphen ? nil : raw
}

extension CellParser {
    /// A course id: ``Parsed/value(_:)`` when written in its canonical form (or in a form of
    /// another shape, kept as ``canonicalCourseId(_:)`` gives it), ``Parsed/corrected(_:)``
    /// when re-formed from another way of writing it (`tl 2610 02` → `TL-2610-02`).
    public static func courseId(_ cell: CellValue) -> Parsed<String> {
        // Read as text was read before: a blank, an error or a formula without a value is no id.
        guard let t = text(cell) else { return .empty }
        if let id = asciiCanonicalIdForm(t) { return .value(id) }
        if let id = CourseIdentifier.normalised(t) { return .corrected(id) }
        return canonicalCourseId(t).map(Parsed.value) ?? .empty
    }
}
