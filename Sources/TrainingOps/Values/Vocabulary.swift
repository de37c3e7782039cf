import Foundation

/// A closed list of values typed into a sheet (modes, sessions, products, statuses): each
/// case has a Vietnamese label for drop-downs and the spelling variants staff use.
public protocol Vocabulary: CaseIterable, Hashable, Sendable {
    /// The label written in blank workbooks and reports.
    var label: String { get }
    /// The label in English, for reports written in English.
    var englishLabel: String { get }
    /// Other spellings accepted on import (compared folded, see ``HeaderNormalizer``).
    var variants: [String] { get }
}

extension Vocabulary {
    /// All labels, in declaration order: the drop-down list of a blank workbook.
    public static var labels: [String] { allCases.map(\.label) }

    /// The label in `language`.
    public func label(_ language: Language) -> String { language.pick(label, englishLabel) }

    /// The case whose label or variant folds to the same key as `text`.
    public static func exactMatch(_ text: String) -> Self? {
        let key = HeaderNormalizer.key(text)
        guard !key.isEmpty else { return nil }
        return VocabularyIndex.of(Self.self).exact[key]
    }

    /// The closest case within a small edit distance (a typing slip such as `Tính lươg`),
    /// when exactly one case is that close.
    public static func nearMatch(_ text: String) -> Self? {
        let key = HeaderNormalizer.key(text)
        guard key.count >= 4 else { return nil }
        var best: (value: Self, distance: Int)?
        var tie = false
        for (value, candidate) in VocabularyIndex.of(Self.self).spellings {
            guard candidate.count >= 4 else { continue }
            let limit = candidate.count >= 8 ? 2 : 1
            let d = editDistance(key, candidate, limit: limit)
            guard d <= limit else { continue }
            if let current = best {
                if d < current.distance { best = (value, d); tie = false }
                else if d == current.distance, current.value != value { tie = true }
            } else {
                best = (value, d)
            }
        }
        return tie ? nil : best?.value
    }

    /// The one case whose label or a variant of two words or more stands as whole words inside
    /// a longer text (`Trực tiếp tại hội trường` holds `trực tiếp`, `Online qua Zoom` holds
    /// `qua zoom`); `nil` when no case or two different cases are named. One word alone is not
    /// enough: `Lương hưu` holds `lương` and is no payroll product.
    public static func mentionedMatch(_ text: String) -> Self? {
        let key = " " + HeaderNormalizer.key(text) + " "
        guard key.count > 2 else { return nil }
        var found: Self?
        for (value, spelling) in VocabularyIndex.of(Self.self).spellings where spelling.contains(" ") {
            guard key.contains(" " + spelling + " ") else { continue }
            if let other = found, other != value { return nil }
            found = value
        }
        return found
    }
}

/// Levenshtein distance over characters, giving up (returning `limit + 1`) once past `limit`.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let x = Array(a), y = Array(b)
    if abs(x.count - y.count) > limit { return limit + 1 }
    var previous = Array(0...y.count)
    var current = Array(repeating: 0, count: y.count + 1)
    for i in 1...max(1, x.count) where !x.isEmpty {
        current[0] = i
        var rowMin = current[0]
        for j in 1...max(1, y.count) where !y.isEmpty {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return x.isEmpty ? y.count : previous[y.count]
}

/// The folded keys of a vocabulary's labels and variants, computed once per type.
final class VocabularyIndex<V: Vocabulary>: Sendable {
    /// Folded key → the first case (in declaration order) with that label or variant.
    let exact: [String: V]
    /// Every case's label then variants, folded, in declaration order.
    let spellings: [(value: V, key: String)]

    private init() {
        var exact: [String: V] = [:]
        var spellings: [(value: V, key: String)] = []
        for value in V.allCases {
            for spelling in [value.label] + value.variants {
                let key = HeaderNormalizer.key(spelling)
                spellings.append((value, key))
                if exact[key] == nil { exact[key] = value }
            }
        }
        self.exact = exact
        self.spellings = spellings
    }

    /// The index of `type`, built on first use.
    static func of(_ type: V.Type) -> VocabularyIndex<V> {
        VocabularyIndexes.lock.withLock {
            let id = ObjectIdentifier(type)
            if let index = VocabularyIndexes.built[id] as? VocabularyIndex<V> { return index }
            let index = VocabularyIndex<V>()
            VocabularyIndexes.built[id] = index
            return index
        }
    }
}

/// The indexes built so far, one per vocabulary type, behind a lock.
private enum VocabularyIndexes {
    static let lock = NSLock()
    nonisolated(unsafe) static var built: [ObjectIdentifier: AnyObject] = [:]
}
