/// A sheet's columns given to concepts one to one, by best total score.
///
/// Greedy by descending score (ties by column, leftmost first), then improved by exchanges: a
/// column left without a concept takes one held by another column when that column can move
/// to a free concept and the two together score more (`A` 0.9 for X, 0.85 for Y, `B` 0.88 for
/// X only: A gets Y and B gets X), as long as the moved column loses at most
/// ``maximumMove``. Two columns scoring the same for the concept that is best
/// for both are a tie: the left one keeps it, the other is reported, not read.
struct ColumnAssignment: Sendable {
    /// One column's concept and score.
    struct Pick: Hashable, Sendable {
        let column: Int
        let concept: Int
        let score: Double
    }

    /// The concept of each column given one, by column.
    private(set) var byColumn: [Int: Pick] = [:]
    /// The column holding each concept given.
    private(set) var byConcept: [Int: Int] = [:]
    /// Columns tying with the holder of their best concept: the column, the concept, its holder.
    private(set) var ties: [(column: Int, concept: Int, holder: Int)] = []

    /// Scores of two columns closer than this are equal.
    static let epsilon = 1e-9
    /// An exchange moves a column only to a concept it names nearly as well as the one it
    /// holds: `Team lead`, the very name of one concept, is not moved to a weak second reading
    /// so that `Nhóm phụ trách` may take it, however the sum comes out.
    static let maximumMove = 0.25

    /// Assigns `columns` (column index, its scores by concept) with scores from `threshold`.
    init(_ columns: [(column: Int, scores: [ConceptScore])], threshold: Double) {
        var pairs: [Pick] = []
        var best: [Int: Double] = [:]
        for (column, scores) in columns {
            for s in scores where s.score >= threshold {
                pairs.append(Pick(column: column, concept: s.concept, score: s.score))
                best[column] = max(best[column] ?? 0, s.score)
            }
        }
        pairs.sort { a, b in
            if abs(a.score - b.score) > Self.epsilon { return a.score > b.score }
            return a.column != b.column ? a.column < b.column : a.concept < b.concept
        }
        var tied: Set<Int> = []
        for pick in pairs where byColumn[pick.column] == nil && !tied.contains(pick.column) {
            if let holder = byConcept[pick.concept] {
                let held = byColumn[holder]?.score ?? 0
                if abs(held - pick.score) <= Self.epsilon, abs((best[pick.column] ?? 0) - pick.score) <= Self.epsilon {
                    tied.insert(pick.column)
                    ties.append((pick.column, pick.concept, holder))
                }
                continue
            }
            take(pick)
        }
        improve(pairs, skipping: tied)
    }

    private mutating func take(_ pick: Pick) {
        byColumn[pick.column] = pick
        byConcept[pick.concept] = pick.column
    }

    /// Exchanges that raise the total: a free column takes a held concept whose holder moves
    /// to a free concept, while one is found (each raises the total, so this ends).
    private mutating func improve(_ pairs: [Pick], skipping tied: Set<Int>) {
        var changed = true
        var rounds = 0
        while changed, rounds < 64 {
            changed = false
            rounds += 1
            search: for pick in pairs where byColumn[pick.column] == nil && !tied.contains(pick.column) {
                guard let holder = byConcept[pick.concept], let held = byColumn[holder] else { continue }
                for alternative in pairs where alternative.column == holder && byConcept[alternative.concept] == nil {
                    if pick.score + alternative.score > held.score + Self.epsilon,
                       held.score - alternative.score <= Self.maximumMove + Self.epsilon {
                        byConcept[held.concept] = nil
                        take(alternative)
                        take(pick)
                        changed = true
                        break search
                    }
                }
            }
        }
    }

    /// Total score of the assignment.
    var total: Double { byColumn.values.reduce(0) { $0 + $1.score } }
}
