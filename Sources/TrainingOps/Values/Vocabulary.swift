/// A closed list of values typed into a sheet (modes, sessions, products, statuses): each
/// case has a Vietnamese label for drop-downs and the spelling variants staff use.
public protocol Vocabulary: CaseIterable, Hashable, Sendable {
    /// The label written in templates and reports.
    var label: String { get }
    /// Other spellings accepted on import (compared folded, see ``HeaderNormalizer``).
    var variants: [String] { get }
}

extension Vocabulary {
    /// All labels, in declaration order: the drop-down list of a template.
    public static var labels: [String] { allCases.map(\.label) }

    /// The case whose label or variant folds to the same key as `text`.
    public static func exactMatch(_ text: String) -> Self? {
        let key = HeaderNormalizer.key(text)
        guard !key.isEmpty else { return nil }
        for value in allCases {
            if HeaderNormalizer.key(value.label) == key { return value }
            if value.variants.contains(where: { HeaderNormalizer.key($0) == key }) { return value }
        }
        return nil
    }

    /// The closest case within a small edit distance (a typing slip such as `Tính lươg`),
    /// when exactly one case is that close.
    public static func nearMatch(_ text: String) -> Self? {
        let key = HeaderNormalizer.key(text)
        guard key.count >= 4 else { return nil }
        var best: (value: Self, distance: Int)?
        var tie = false
        for value in allCases {
            for spelling in [value.label] + value.variants {
                let candidate = HeaderNormalizer.key(spelling)
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
        }
        return tie ? nil : best?.value
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
