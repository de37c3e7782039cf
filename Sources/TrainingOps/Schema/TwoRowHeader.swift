/// A header written in two rows: merged group headers above sub-headers, such as
/// `Báo cáo ĐVCQ` spanning `Ngày gửi` | `Người nhận`, with the other headers merged down
/// both rows.
///
/// Merged cells hold their text in their first cell only, so a group is read from its text
/// rightwards over the columns where the upper row is empty and the lower one is not. A column
/// with text in both rows reads `group / sub-header`; one with text in the upper row only (a
/// header merged down) reads as that text; one with text in the lower row only, outside a
/// group, as the lower text.
enum TwoRowHeader {
    /// True when `sub`, right under a header row `top`, reads as its second row: text only,
    /// with at least one header of `top` merged down over it (an empty cell under a text), so
    /// that a first data row, filled under every header, is not taken for sub-headers.
    static func isSubHeaderRow(_ sub: HeaderRecognizer.ScoredRow, under top: HeaderRecognizer.ScoredRow) -> Bool {
        guard sub.others == 0 else { return false }
        return top.texts.indices.contains { c in top.texts[c] != nil && (c >= sub.texts.count || sub.texts[c] == nil) }
    }

    /// The combined row, or `nil` unless the upper row holds at least two texts and some group
    /// spans a column beyond its first (else the rows are not a two-row header).
    static func combine(_ top: HeaderRecognizer.ScoredRow, _ sub: HeaderRecognizer.ScoredRow,
                        vocabulary: ColumnVocabulary) -> HeaderRecognizer.ScoredRow? {
        guard top.texts.lazy.compactMap({ $0 }).prefix(2).count == 2 else { return nil }
        let width = max(top.texts.count, sub.texts.count)
        var texts: [String?] = [], scores: [[ConceptScore]] = []
        texts.reserveCapacity(width)
        scores.reserveCapacity(width)
        var group: String?
        var spanning = 0
        for c in 0..<width {
            let upper = c < top.texts.count ? top.texts[c] : nil
            let lower = c < sub.texts.count ? sub.texts[c] : nil
            switch (upper, lower) {
            case (let u?, let l?):
                group = u
                let text = u + " / " + l
                texts.append(text)
                scores.append(grouped(text, l, vocabulary))
            case (nil, let l?):
                if let g = group {
                    spanning += 1
                    let text = g + " / " + l
                    texts.append(text)
                    scores.append(grouped(text, l, vocabulary))
                } else {
                    texts.append(l)
                    scores.append(sub.scores[c])
                }
            case (let u?, nil):
                group = nil
                texts.append(u)
                scores.append(top.scores[c])
            case (nil, nil):
                group = nil
                texts.append(nil)
                scores.append([])
            }
        }
        guard spanning > 0 else { return nil }
        var row = HeaderRecognizer.ScoredRow(texts: texts, scores: scores, filled: texts.lazy.compactMap { $0 }.count)
        row.strongKinds = scores.map(vocabulary.strongKinds)
        return row
    }

    /// The scores of a sub-header under its group: for each concept the better of the two
    /// read together (`Báo cáo ĐVCQ / Ngày gửi`) and of the sub-header alone, which is often a
    /// whole header itself (`Trong tập huấn / Attended`) that the group's words only dilute.
    static func grouped(_ text: String, _ sub: String, _ vocabulary: ColumnVocabulary) -> [ConceptScore] {
        var best: [Int: Double] = [:]
        for s in vocabulary.scores(text) + vocabulary.scores(sub) { best[s.concept] = max(best[s.concept] ?? 0, s.score) }
        return best.map { ConceptScore(concept: $0.key, score: $0.value) }.sorted { $0.concept < $1.concept }
    }
}
