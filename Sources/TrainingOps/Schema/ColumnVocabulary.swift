import Foundation

/// One column concept: a column of one sheet kind, as the scorer knows it.
public struct ColumnConcept: Hashable, Sendable {
    /// The sheet kind.
    public let kind: SheetType
    /// The column's key (``ColumnSpec/key``).
    public let key: String
    /// The header blank workbooks write.
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
    let unknownWeight: Float
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
    let syllables: [UInt64: SyllableEntry]
    /// The weight of each word of several syllables, by its hash: 0 for one no concept uses.
    let compounds: [UInt64: Float]
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

    /// The vocabulary to read an office's workbooks with: the standard one, or one with the
    /// office's own headers (``Settings/columnAliases``) added.
    public static func office(_ aliases: [SheetType: [String: [String]]]) -> ColumnVocabulary {
        aliases.isEmpty ? .standard : ColumnVocabulary(extraPhrases: aliases)
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
            for word in group { groupPairs.append((id(HeaderWords.spelled(word)), Int32(g))) }
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
        let key = HeaderNormalizer.key(splittingCamelCase(text))
        guard HeaderNormalizer.hasBrackets(text) else { return [key] }
        let bare = HeaderNormalizer.keyWithoutParentheses(splittingCamelCase(text))
        return bare == key || bare.isEmpty ? [key] : [key, bare]
    }

    /// `text` with a space where a lower-case ASCII letter is followed by an upper-case one
    /// (`Đ` included): words typed together, `BanGĐ` for `Ban GĐ`, `NgàyGửi` for `Ngày gửi`.
    /// Read byte by byte, as every text of the rows scanned for a header comes through here.
    static func splittingCamelCase(_ text: String) -> String {
        var text = text
        let cuts = text.withUTF8 { b -> [Int] in
            var cuts: [Int] = []
            var i = 1
            while i < b.count {
                if (0x61...0x7a).contains(b[i - 1]), (0x41...0x5a).contains(b[i]) || (b[i] == 0xC4 && i + 1 < b.count && b[i + 1] == 0x90) {
                    cuts.append(i)
                }
                i += 1
            }
            return cuts
        }
        guard !cuts.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for cut in cuts.reversed() { bytes.insert(0x20, at: cut) }
        return String(decoding: bytes, as: UTF8.self)
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
    func scores(_ text: String, keys: [String], bounded: Bool) -> [ConceptScore] {
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
