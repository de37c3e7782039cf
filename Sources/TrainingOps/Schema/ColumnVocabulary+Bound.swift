import Foundation

/// The quick part of header scoring: a bound on what a text can score, read from its bytes,
/// so that the values in the rows scanned for a header are mostly not scored at all; and the
/// cache of texts already scored.
extension ColumnVocabulary {
    /// The keys of `text` worth scoring when only a score of at least ``threshold`` matters
    /// (what a row needs to be tried as a header), none when no key can reach it. Scored with
    /// ``scores(_:keys:bounded:)``; the scores under the threshold (near misses) of the row
    /// taken are then read with ``scores(_:)``.
    func strongKeys(_ text: String) -> [String] {
        guard HeaderNormalizer.hasBrackets(text) else {
            // One key: nothing to gather.
            let key = HeaderNormalizer.key(Self.splittingCamelCase(text))
            return bound(key) >= Float(Self.threshold) ? [key] : []
        }
        let keys = Self.keys(text)
        let bounds = keys.map(bound)
        guard bounds.contains(where: { $0 >= Float(Self.threshold) }) else { return [] }
        return zip(keys, bounds).filter { $0.1 >= Float(Self.nearMissFloor) }.map(\.0)
    }

    /// Whether a folded key may name a column (``bound(_:)`` reaches the near-miss floor).
    func mayName(_ key: String) -> Bool { bound(key) >= Float(Self.nearMissFloor) }

    /// The most any concept can score for a folded key, 0 for a sentence (a meaning, a list of
    /// names, a note), a code such as a course id (`TL-01`: abbreviations and numbers only) or
    /// a key without a word of the vocabulary. A word no concept uses counts against precision
    /// in any case, so with known words weighing K and the others U, precision is at most
    /// K / (K + U) and the F-measure at most 2q / (1 + q). Most values in data rows stop here;
    /// it reads the key's bytes once, looking each syllable (and each run of syllables that may
    /// be a word of several, longest first as ``HeaderWords/words(_:)`` reads them) up by its
    /// hash: a collision only lets a text on to scoring.
    func bound(_ key: String) -> Float {
        var key = key
        return key.withUTF8 { b -> Float in
            let n = b.count
            guard n > 0, b.lazy.filter({ $0 == 0x20 }).count < Self.maxHeaderSyllables else { return 0 }
            var known: Float = 0, unknown: Float = 0
            var code = true, number = false, abbreviation = false
            var i = 0
            while i < n {
                var j = i, digits = true, h = Self.fnvBasis
                while j < n, b[j] != 0x20 {
                    if b[j] < 0x30 || b[j] > 0x39 { digits = false }
                    h = (h ^ UInt64(Self.spelt(b, j, n))) &* Self.fnvPrime
                    j += 1
                }
                if digits {
                    number = true
                    unknown += Self.stopWeight
                    i = j + 1
                    continue
                }
                var entry = syllables[h] ?? SyllableEntry(flags: 0, weight: unknownWeight)
                // Abbreviations typed together (`tlhd`): letters without a vowel, read by
                // HeaderWords.glued(_:); no bound, as for any abbreviation.
                if entry.flags == 0, j - i >= 4, j - i <= 12,
                   b[i..<j].allSatisfy(HeaderWords.isConsonantLetter) {
                    entry = SyllableEntry(flags: Self.wordFlag | Self.abbreviationFlag, weight: unknownWeight)
                }
                if entry.flags & Self.abbreviationFlag == 0 { code = false } else { abbreviation = true }
                if entry.flags & Self.compoundFlag != 0 {
                    // The longest run of the next syllables that is a word of several.
                    var run = h, k = j, more = 0
                    var longest: (end: Int, weight: Float)?
                    while more < 3, k < n {
                        run = (run ^ 0x20) &* Self.fnvPrime
                        k += 1
                        while k < n, b[k] != 0x20 { run = (run ^ UInt64(Self.spelt(b, k, n))) &* Self.fnvPrime; k += 1 }
                        more += 1
                        if let w = compounds[run] { longest = (k, w) }
                    }
                    if let longest {
                        if longest.weight > 0 { known += longest.weight } else { unknown += unknownWeight }
                        code = false
                        i = longest.end + 1
                        continue
                    }
                }
                if entry.flags & Self.wordFlag != 0 { known += entry.weight } else { unknown += entry.weight }
                i = j + 1
            }
            guard known > 0, !(code && number) else { return 0 }
            // An abbreviation may stand for several words of the vocabulary: no bound.
            if abbreviation { return 1 }
            let q = known / (known + unknown)
            return 2 * q / (1 + q)
        }
    }

    /// Byte `j` of a folded key as ``HeaderWords/spelling(_:)`` spells its syllable: the `y`
    /// of a two-letter syllable after a consonant read as `i`.
    @inline(__always)
    static func spelt(_ b: UnsafeBufferPointer<UInt8>, _ j: Int, _ n: Int) -> UInt8 {
        guard b[j] == UInt8(ascii: "y"), j >= 1, j + 1 == n || b[j + 1] == 0x20, j == 1 || b[j - 2] == 0x20,
              HeaderWords.isConsonant(b[j - 1]) else { return b[j] }
        return UInt8(ascii: "i")
    }

    /// FNV-1a, 64 bits: the hash ``mayName(_:)`` looks syllables up by.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// The FNV-1a hash of a text's UTF-8 bytes.
    static func fnv(_ text: String) -> UInt64 {
        text.utf8.reduce(fnvBasis) { ($0 ^ UInt64($1)) &* fnvPrime }
    }

    /// ``syllables`` flags: a word or an abbreviation by itself.
    static let wordFlag: UInt8 = 1
    /// ``syllables`` flags: the first syllable of a word of several.
    static let compoundFlag: UInt8 = 2
    /// ``syllables`` flags: an abbreviation.
    static let abbreviationFlag: UInt8 = 4
}

/// Scores of texts already scored, shared by the threads reading workbooks: a header row is
/// the same in every workbook of an office. Bounded: once full, texts are scored every time.
final class ScoreCache: @unchecked Sendable {
    /// How many texts are kept at most.
    static let capacity = 4096
    private let lock = NSLock()
    private var scores: [String: [ConceptScore]] = [:]

    subscript(text: String) -> [ConceptScore]? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return scores[text]
        }
        set {
            guard let newValue else { return }
            lock.lock()
            defer { lock.unlock() }
            if scores.count < Self.capacity { scores[text] = newValue }
        }
    }
}
