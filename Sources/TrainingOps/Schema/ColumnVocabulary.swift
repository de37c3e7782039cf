import Foundation

/// One column concept: a column of one sheet kind, as the scorer knows it.
public struct ColumnConcept: Hashable, Sendable {
    /// The sheet kind.
    public let kind: SheetType
    /// The column's key (``ColumnSpec/key``).
    public let key: String
    /// The header templates write.
    public let header: String
    /// Whether the column is required.
    public let required: Bool
}

/// How well one header text names one concept.
public struct ConceptScore: Hashable, Sendable {
    /// Index of the concept in ``ColumnVocabulary/concepts``.
    public let concept: Int
    /// Weighted word overlap, 0…1, plus ``ColumnVocabulary/exactBonus`` when a phrase of the
    /// concept is the header's words exactly.
    public let score: Double
}

/// The words of every column concept, built once, and the scoring of a header against them.
///
/// Each concept's words come from its header, its aliases and the process text's own phrases
/// (``SheetSchema/processPhrases``), abbreviations spelt out (``HeaderWords``). A word weighs
/// more the fewer concepts use it (`ln(1 + K / df)` over the K distinct column keys), so
/// `vắng` or `xúc tiến` tell more than `ngày` or `mã`. A header scores against a phrase by
/// the F-measure of their weighted word overlap, a synonym counting ``synonymCredit`` of a
/// word; its score for a concept is its best over the concept's phrases.
public final class ColumnVocabulary: Sendable {
    /// The catalogue's vocabulary with the process text's phrases.
    public static let standard = ColumnVocabulary()

    /// Score from which a header is taken for a concept.
    public static let threshold = 0.6
    /// Score from which a header that is not taken is named as a near miss.
    public static let nearMissFloor = 0.35
    /// Under this score a header is taken only when its best concept beats the next by
    /// ``margin``: a header naming two concepts about equally is not guessed.
    public static let clearScore = 0.9
    /// See ``clearScore``.
    public static let margin = 0.1
    /// What a header scores on top when its words are a phrase's words, in order.
    public static let exactBonus = 0.1
    /// Texts of more syllables than this are sentences, not headers.
    static let maxHeaderSyllables = 16
    /// Factor on the score of a reading of an ambiguous abbreviation (`KH` read `khách hàng`).
    static let readingFactor = 0.95
    /// Credit of a synonym (`thời điểm` for `ngày`) relative to the word itself.
    static let synonymCredit: Float = 0.8
    /// Weight of a stop word (``HeaderWords/stopWords``).
    static let stopWeight: Float = 0.25

    /// Every concept, the kinds one after the other in ``SheetType/allCases`` order.
    public let concepts: [ColumnConcept]
    /// The concepts of each kind.
    let kindRanges: [SheetType: Range<Int>]

    private let wordIndex: [String: Int32]
    private let weights: [Float]
    private let groupOf: [Int32]
    /// Weight of a header word no concept uses.
    private let unknownWeight: Float
    private let phraseConcept: [Int32]
    private let phraseWords: [[Int32]]
    private let phraseWeight: [Float]
    /// Each phrase's words, each once.
    private let phraseDistinct: [[Int32]]
    /// The bit of each concept's kind (its place in ``SheetType/allCases``).
    private let kindBits: [UInt16]
    /// What a syllable may be and weighs, for ``bound(_:)``.
    struct SyllableEntry: Sendable {
        /// ``wordFlag``, ``compoundFlag``, ``abbreviationFlag``.
        var flags: UInt8
        /// Its weight as a word (known or not).
        var weight: Float
    }

    /// What each syllable may be, by its hash.
    private let syllables: [UInt64: SyllableEntry]
    /// The weight of each word of several syllables, by its hash: 0 for one no concept uses.
    private let compounds: [UInt64: Float]
    /// Scores of texts already scored (headers repeat across workbooks).
    private let cache = ScoreCache()
    /// The phrases holding each word or a synonym of it.
    private let reach: [[Int32]]

    /// The catalogue's vocabulary, with `extraPhrases` (per kind, per column key) added to
    /// the process text's: the entry point for headers an office declares itself.
    public convenience init(extraPhrases: [SheetType: [String: [String]]] = [:]) {
        var entries: [(concept: ColumnConcept, phrases: [String])] = []
        for kind in SheetType.allCases {
            for column in kind.schema.columns {
                let concept = ColumnConcept(kind: kind, key: column.key, header: column.header, required: column.required)
                entries.append((concept, [column.header] + column.aliases + (SheetSchema.processPhrases[kind]?[column.key] ?? [])
                    + (extraPhrases[kind]?[column.key] ?? [])))
            }
        }
        self.init(entries)
    }

    /// A vocabulary of the given concepts (each kind's together) and their phrases.
    init(_ entries: [(concept: ColumnConcept, phrases: [String])]) {
        var concepts: [ColumnConcept] = []
        var ranges: [SheetType: Range<Int>] = [:]
        var phrases: [(concept: Int, words: [String])] = []
        for (concept, texts) in entries {
            let index = concepts.count
            concepts.append(concept)
            ranges[concept.kind] = (ranges[concept.kind]?.lowerBound ?? index)..<(index + 1)
            var seen: Set<[String]> = []
            for text in texts {
                for key in Self.keys(text) {
                    for reading in HeaderWords.readings(key, readingAmbiguous: false) {
                        // Numbers (`1-5`) tell nothing of a column's meaning.
                        let words = reading.filter { !$0.allSatisfy(\.isNumber) }
                        if !words.isEmpty, seen.insert(words).inserted { phrases.append((index, words)) }
                    }
                }
            }
        }

        // Words: every phrase word and every synonym, each with the keys using it.
        var wordIndex: [String: Int32] = [:]
        var users: [Set<String>] = []
        func id(_ word: String) -> Int32 {
            if let i = wordIndex[word] { return i }
            wordIndex[word] = Int32(users.count)
            users.append([])
            return Int32(users.count - 1)
        }
        let phraseWords = phrases.map { phrase in phrase.words.map { word -> Int32 in
            let i = id(word)
            users[Int(i)].insert(concepts[phrase.concept].key)
            return i
        } }
        var groupOf: [Int32] = []
        var groupPairs: [(Int32, Int32)] = []
        for (g, group) in HeaderWords.synonymGroups.enumerated() {
            for word in group { groupPairs.append((id(word), Int32(g))) }
        }
        groupOf = Array(repeating: -1, count: users.count)
        for (word, group) in groupPairs { groupOf[Int(word)] = group }
        let keyCount = Float(Set(concepts.map(\.key)).count)
        let rare = Float(log(1 + Double(keyCount)))
        var weights: [Float] = []
        for (word, index) in wordIndex.sorted(by: { $0.value < $1.value }) {
            precondition(Int(index) == weights.count)
            let df = Float(users[Int(index)].count)
            weights.append(HeaderWords.stopWords.contains(word) ? Self.stopWeight : (df == 0 ? rare : Float(log(1 + Double(keyCount / df)))))
        }

        var postings = Array(repeating: [Int32](), count: users.count)
        for (p, words) in phraseWords.enumerated() {
            for w in Set(words) { postings[Int(w)].append(Int32(p)) }
        }
        var members: [Int32: [Int32]] = [:]
        for (w, g) in groupOf.enumerated() where g >= 0 { members[g, default: []].append(Int32(w)) }
        reach = (0..<users.count).map { w in
            let related = groupOf[w] >= 0 ? members[groupOf[w]] ?? [Int32(w)] : [Int32(w)]
            return Array(Set(related.flatMap { postings[Int($0)] })).sorted()
        }

        self.concepts = concepts
        self.kindRanges = ranges
        self.wordIndex = wordIndex
        self.weights = weights
        self.groupOf = groupOf
        self.unknownWeight = rare * 0.6
        self.phraseConcept = phrases.map { Int32($0.concept) }
        self.phraseWords = phraseWords
        let distinct = phraseWords.map { words in words.enumerated().filter { !words[..<$0.offset].contains($0.element) }.map(\.element) }
        self.phraseDistinct = distinct
        self.phraseWeight = distinct.map { words in words.reduce(0) { $0 + weights[Int($1)] } }
        var kindBits: [UInt16] = []
        for concept in concepts {
            let k = SheetType.allCases.firstIndex(of: concept.kind) ?? 0
            kindBits.append(UInt16(1) << UInt16(k))
        }
        self.kindBits = kindBits
        let unknown = rare * 0.6
        var syllables: [UInt64: SyllableEntry] = [:]
        var compounds: [UInt64: Float] = [:]
        for (word, index) in wordIndex where !word.contains(" ") {
            syllables[Self.fnv(word)] = SyllableEntry(flags: Self.wordFlag, weight: weights[Int(index)])
        }
        for word in HeaderWords.stopWords where wordIndex[word] == nil {
            syllables[Self.fnv(word)] = SyllableEntry(flags: 0, weight: Self.stopWeight)
        }
        for first in HeaderWords.compounds.keys {
            syllables[Self.fnv(first), default: SyllableEntry(flags: 0, weight: unknown)].flags |= Self.compoundFlag
            for syllablesOfWord in HeaderWords.compounds[first] ?? [] {
                let word = syllablesOfWord.joined(separator: " ")
                compounds[Self.fnv(word)] = wordIndex[word].map { weights[Int($0)] } ?? 0
            }
        }
        for abbreviation in Array(HeaderWords.abbreviations.keys) + Array(HeaderWords.ambiguousAbbreviations.keys) {
            syllables[Self.fnv(abbreviation), default: SyllableEntry(flags: 0, weight: unknown)].flags |= Self.wordFlag | Self.abbreviationFlag
        }
        self.syllables = syllables
        self.compounds = compounds
    }

    /// The folded keys a text is read by: as written and, when it holds brackets, without them.
    static func keys(_ text: String) -> [String] {
        let key = HeaderNormalizer.key(text)
        guard HeaderNormalizer.hasBrackets(text) else { return [key] }
        let bare = HeaderNormalizer.keyWithoutParentheses(text)
        return bare == key || bare.isEmpty ? [key] : [key, bare]
    }

    /// The concepts of `kind`.
    public func concepts(of kind: SheetType) -> Range<Int> { kindRanges[kind] ?? 0..<0 }

    /// How many concepts of `kind` are required.
    func requiredCount(_ kind: SheetType) -> Int {
        var n = 0
        for c in concepts(of: kind) where concepts[c].required { n += 1 }
        return n
    }

    /// The index of `key` among the concepts of `kind`.
    public func concept(_ key: String, in kind: SheetType) -> Int? {
        concepts(of: kind).first { concepts[$0].key == key }
    }

    /// The kinds (bits by place in ``SheetType/allCases``) for which `scores` holds a score of
    /// at least ``threshold``: a quick test before a row is matched against a kind.
    func strongKinds(_ scores: [ConceptScore]) -> UInt16 {
        var bits: UInt16 = 0
        for s in scores where s.score >= Self.threshold { bits |= kindBits[s.concept] }
        return bits
    }

    /// The bit of `kind` in ``strongKinds(_:)``.
    static func bit(_ kind: SheetType) -> UInt16 { UInt16(1) << UInt16(SheetType.allCases.firstIndex(of: kind) ?? 0) }

    /// Every concept `text` scores at least ``nearMissFloor`` for, by concept index.
    public func scores(_ text: String) -> [ConceptScore] { scores(text, keys: Self.keys(text).filter(mayName), bounded: true) }

    /// ``scores(_:)``; `bounded: false` scores every key, even one ``bound(_:)`` rules out, and
    /// keeps nothing in the cache (for tests of the bound).
    func scores(_ text: String, bounded: Bool) -> [ConceptScore] {
        scores(text, keys: bounded ? Self.keys(text).filter(mayName) : Self.keys(text).filter { !$0.isEmpty }, bounded: bounded)
    }

    /// The scores of `text` read by `keys` (its keys that may name a concept).
    private func scores(_ text: String, keys: [String], bounded: Bool) -> [ConceptScore] {
        guard !keys.isEmpty else { return [] }
        if bounded, let known = cache[text] { return known }
        var best: [ConceptScore] = []
        for key in keys {
            // The first reading is the text as written; the others read its ambiguous
            // abbreviations one way or another, and count a little less.
            for (n, reading) in HeaderWords.readings(key, readingAmbiguous: true).enumerated() {
                score(reading, asWritten: n == 0, into: &best)
            }
        }
        best.sort { $0.concept < $1.concept }
        if bounded { cache[text] = best }
        return best
    }

    /// ``scores(_:)`` of a text that may name a concept with a score of at least ``threshold``,
    /// nothing for any other: what a row needs to be tried as a header. The scores under the
    /// threshold (near misses) of the row taken are then read with ``scores(_:)``.
    func strongScores(_ text: String) -> [ConceptScore] {
        let keys = Self.keys(text)
        let bounds = keys.map(bound)
        guard bounds.contains(where: { $0 >= Float(Self.threshold) }) else { return [] }
        return scores(text, keys: zip(keys, bounds).filter { $0.1 >= Float(Self.nearMissFloor) }.map(\.0), bounded: true)
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
                    h = (h ^ UInt64(b[j])) &* Self.fnvPrime
                    j += 1
                }
                if digits {
                    number = true
                    unknown += Self.stopWeight
                    i = j + 1
                    continue
                }
                let entry = syllables[h] ?? SyllableEntry(flags: 0, weight: unknownWeight)
                if entry.flags & Self.abbreviationFlag == 0 { code = false } else { abbreviation = true }
                if entry.flags & Self.compoundFlag != 0 {
                    // The longest run of the next syllables that is a word of several.
                    var run = h, k = j, more = 0
                    var longest: (end: Int, weight: Float)?
                    while more < 3, k < n {
                        run = (run ^ 0x20) &* Self.fnvPrime
                        k += 1
                        while k < n, b[k] != 0x20 { run = (run ^ UInt64(b[k])) &* Self.fnvPrime; k += 1 }
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

    /// FNV-1a, 64 bits: the hash ``mayName(_:)`` looks syllables up by.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// The FNV-1a hash of a text's UTF-8 bytes.
    static func fnv(_ text: String) -> UInt64 {
        text.utf8.reduce(fnvBasis) { ($0 ^ UInt64($1)) &* fnvPrime }
    }

    /// ``syllables`` flags: a word or an abbreviation by itself.
    private static let wordFlag: UInt8 = 1
    /// ``syllables`` flags: the first syllable of a word of several.
    private static let compoundFlag: UInt8 = 2
    /// ``syllables`` flags: an abbreviation.
    private static let abbreviationFlag: UInt8 = 4

    /// Scores one reading of a header against every phrase sharing a word with it.
    private func score(_ words: [String], asWritten: Bool, into best: inout [ConceptScore]) {
        let ids = words.map { wordIndex[$0] ?? -1 }
        var header: [(id: Int32, weight: Float)] = []
        var candidates: [Int32] = []
        for (word, id) in zip(words, ids) {
            if id >= 0 {
                guard !header.contains(where: { $0.id == id }) else { continue }
                header.append((id, weights[Int(id)]))
                candidates += reach[Int(id)]
            } else {
                let minor = HeaderWords.stopWords.contains(word) || word.allSatisfy(\.isNumber)
                header.append((-1, minor ? Self.stopWeight : unknownWeight))
            }
        }
        guard !candidates.isEmpty else { return }
        candidates.sort()
        let headerWeight = header.reduce(0) { $0 + $1.weight }
        var last: Int32 = -1
        for p in candidates where p != last {
            last = p
            let phrase = phraseWords[Int(p)]
            var recall: Float = 0
            for w in phraseDistinct[Int(p)] {
                var c: Float = 0
                for h in header where c < 1 { c = max(c, credit(h.id, w)) }
                recall += weights[Int(w)] * c
            }
            var precision: Float = 0
            for h in header where h.id >= 0 {
                var c: Float = 0
                for w in phraseDistinct[Int(p)] where c < 1 { c = max(c, credit(h.id, w)) }
                precision += h.weight * c
            }
            let r = recall / phraseWeight[Int(p)], q = precision / headerWeight
            guard r + q > 0 else { continue }
            var score = Double(2 * r * q / (r + q))
            if !asWritten { score *= Self.readingFactor } else if ids == phrase { score += Self.exactBonus }
            guard score >= Self.nearMissFloor else { continue }
            let concept = Int(phraseConcept[Int(p)])
            if let i = best.firstIndex(where: { $0.concept == concept }) {
                if best[i].score < score { best[i] = ConceptScore(concept: concept, score: score) }
            } else {
                best.append(ConceptScore(concept: concept, score: score))
            }
        }
    }

    /// Credit of header word `a` for phrase word `b`: 1 the same, ``synonymCredit`` synonyms.
    @inline(__always)
    private func credit(_ a: Int32, _ b: Int32) -> Float {
        if a == b { return 1 }
        guard a >= 0, b >= 0 else { return 0 }
        let g = groupOf[Int(a)]
        return g >= 0 && g == groupOf[Int(b)] ? Self.synonymCredit : 0
    }

    /// Every word of the vocabulary.
    var words: [String] { Array(wordIndex.keys) }

    /// The weight of a word, for tests and the reference page; `nil` for a word no concept uses.
    func weight(_ word: String) -> Float? { wordIndex[word].map { weights[Int($0)] } }
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
