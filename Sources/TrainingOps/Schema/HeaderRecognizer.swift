import XLSX

/// A column that nearly names a concept the sheet lacks: its best concept, scoring under
/// ``ColumnVocabulary/threshold`` but from ``ColumnVocabulary/nearMissFloor``.
public struct NearMiss: Hashable, Sendable {
    /// Zero-based column.
    public var column: Int
    /// The header as written.
    public var header: String
    /// The key of the concept it may be.
    public var key: String
    /// Its score for that concept.
    public var score: Double
}

/// A header row found on a sheet: which kind, where, which column holds each key, and the
/// headers that match nothing.
public struct HeaderMatch: Hashable, Sendable {
    /// The recognised kind.
    public var kind: SheetType
    /// Zero-based index of the header row among the sheet's rows (the lower row of a header
    /// written in two rows).
    public var headerRow: Int
    /// Zero-based column of each matched key.
    public var columns: [String: Int]
    /// Headers matching no column of the kind: zero-based column and the text as written.
    public var unknownColumns: [(column: Int, header: String)]
    /// Headers tying with another for a key it took: column, header, key.
    public var duplicateColumns: [(column: Int, header: String, key: String)]
    /// Required columns not found.
    public var missingRequired: [ColumnSpec]
    /// The header text of each matched key, as written (`Group / Sub-header` under a group).
    public var headers: [String: String]
    /// The score of each matched key's column for it.
    public var scores: [String: Double] = [:]
    /// How well the row names the kind (``HeaderRecognizer/kindScore``).
    public var kindScore: Double = 0
    /// The row of group headers above ``headerRow``, when the header is written in two rows.
    public var groupRow: Int?
    /// Columns nearly naming a concept the sheet lacks, one per column.
    public var nearMisses: [NearMiss] = []
    /// The keys whose column was settled by its values rather than by its header alone
    /// (``ColumnContent``): `Sáng/Chiều` over a column of sessions.
    public var byValues: Set<String> = []
    /// The columns holding the schema's spread pair (``ColumnSpread``): a column per value of
    /// the choice, each read as the names of that value.
    public var spreadColumns: [SpreadColumn] = []

    /// Equality on kind, place and columns.
    public static func == (a: HeaderMatch, b: HeaderMatch) -> Bool {
        a.kind == b.kind && a.headerRow == b.headerRow && a.columns == b.columns
    }

    /// Hash of kind, place and columns.
    public func hash(into h: inout Hasher) {
        h.combine(kind)
        h.combine(headerRow)
        h.combine(columns)
    }
}

/// Finds the header row of a sheet and its kind, scoring each of the first rows (and the row
/// under the best, when it holds sub-headers of merged group headers) against every kind by the meaning
/// of its headers (``ColumnVocabulary``), so title rows, merged banners, abbreviations and an
/// office's own wording do not matter.
public enum HeaderRecognizer {
    /// How many rows from the top are tried as the header.
    public static let scanRows = 30

    /// The key `header` names in `kind`: its best concept there, when it scores at least the
    /// threshold and not ambiguously (``isAmbiguous(_:)``).
    public static func columnKey(for header: String, in kind: SheetType, vocabulary: ColumnVocabulary = .standard) -> String? {
        let range = vocabulary.concepts(of: kind)
        let scores = vocabulary.scores(header).filter { range.contains($0.concept) }
        guard let best = scores.max(by: { $0.score < $1.score }), best.score >= ColumnVocabulary.threshold,
              !isAmbiguous(scores) else { return nil }
        return vocabulary.concepts[best.concept].key
    }

    /// One row as the recognizer sees it: each column's text and its scores.
    struct ScoredRow {
        /// The text of each column holding text; `nil` for an empty cell or a number, date or truth value.
        var texts: [String?]
        /// Each column's scores (empty for a column without text).
        var scores: [[ConceptScore]]
        /// Cells holding something (text, number, date, truth value).
        var filled: Int
        /// Cells holding a number, date or truth value.
        var others = 0
        /// Each column's ``ColumnVocabulary/strongKinds(_:)``.
        var strongKinds: [UInt16] = []

        /// Appends a column.
        mutating func add(_ text: String?, _ columnScores: [ConceptScore], _ strong: UInt16) {
            texts.append(text)
            scores.append(columnScores)
            strongKinds.append(strong)
        }

        /// How many columns may be taken for `kind`.
        func strongCount(_ kind: SheetType) -> Int {
            let bit = ColumnVocabulary.bit(kind)
            var n = 0
            for bits in strongKinds where bits & bit != 0 { n += 1 }
            return n
        }
    }

    /// The best header row and kind, or `nil` when no row looks like a known header.
    /// `only` restricts the kinds tried.
    public static func recognise(_ rows: [[CellValue]], only kinds: [SheetType] = SheetType.allCases,
                                 vocabulary: ColumnVocabulary = .standard) -> HeaderMatch? {
        var best: (match: HeaderMatch, fraction: Double)?
        // Each column's last text and its scores: a column repeats its values down a sheet
        // (course ids, yes/no answers), and a text is scored once while it repeats.
        var previous: [(text: String, scores: [ConceptScore], strong: UInt16)?] = []
        var scoredRows: [ScoredRow] = []
        func consider(_ scored: ScoredRow, _ row: [CellValue], headerRow: Int) {
            // Most promising kinds first; a kind whose score cannot reach the best so far is
            // not matched: each column it may take scores at most 1, plus 3 if required.
            var tried: [(place: Int, kind: SheetType, most: Double)] = []
            for (place, kind) in kinds.enumerated() {
                let count = scored.strongCount(kind)
                guard count >= 2 else { continue }
                tried.append((place, kind, Double(count + 3 * min(count, vocabulary.requiredCount(kind)))))
            }
            tried.sort { $0.most > $1.most }
            var found: [(place: Int, match: HeaderMatch)] = []
            var top = best?.match.kindScore ?? -Double.infinity
            for (place, kind, most) in tried where most >= top - 1e-9 {
                guard let m = match(scored, row, headerRow: headerRow, kind: kind, vocabulary: vocabulary) else { continue }
                found.append((place, m))
                top = max(top, m.kindScore)
            }
            // Chosen in the kinds' order, as if every kind had been matched.
            for (_, m) in found.sorted(by: { $0.place < $1.place }) {
                let fraction = Double(m.columns.count) / Double(m.kind.schema.columns.count)
                if let b = best, m.kindScore < b.match.kindScore + 1e-9
                    && (m.kindScore < b.match.kindScore - 1e-9 || fraction <= b.fraction) { continue }
                best = (m, fraction)
            }
        }
        // What any kind's header can score at most per column that may be taken (1, plus 3 if required).
        let mostRequired = kinds.map { vocabulary.requiredCount($0) }.max() ?? 0
        var keys: [[String]?] = [], texts: [String?] = []
        for (r, row) in rows.prefix(scanRows).enumerated() {
            var scored = ScoredRow(texts: [], scores: [], filled: 0)
            scored.texts.reserveCapacity(row.count)
            scored.scores.reserveCapacity(row.count)
            scored.strongKinds.reserveCapacity(row.count)
            // A row whose columns that may be taken cannot beat the best header so far is not
            // scored: it cannot be the header (a row read with the one taken as a two-row header
            // is scored in full below). Counted first by its texts, then by those whose keys may
            // score strongly (nil: a repeat of the column's last text, whose scores are known).
            keys.removeAll(keepingCapacity: true)
            texts.removeAll(keepingCapacity: true)
            for cell in row {
                switch cell.resolved {
                case .string, .richText: texts.append(CellParser.text(cell))
                default: texts.append(nil)
                }
            }
            func beaten(_ columns: Int) -> Bool {
                best.map { Double(columns + 3 * min(columns, mostRequired)) < $0.match.kindScore - 1e-9 } ?? false
            }
            var hopeless = beaten(texts.lazy.filter { $0 != nil }.count)
            if !hopeless {
                var mayTake = 0
                for (c, text) in texts.enumerated() {
                    guard let text else { keys.append([]); continue }
                    if Self.repeats(previous, c, text) {
                        keys.append(nil)
                        if previous[c]!.strong != 0 { mayTake += 1 }
                    } else {
                        let cellKeys = vocabulary.strongKeys(text)
                        keys.append(cellKeys)
                        if !cellKeys.isEmpty { mayTake += 1 }
                    }
                }
                hopeless = beaten(mayTake)
            }
            for (c, cell) in row.enumerated() {
                switch cell.resolved {
                case .string, .richText:
                    guard let text = texts[c] else { scored.add(nil, [], 0); continue }
                    scored.filled += 1
                    if hopeless { scored.add(text, [], 0); continue }
                    guard let cellKeys = keys[c] else {
                        let last = previous[c]!
                        scored.add(text, last.scores, last.strong)
                        continue
                    }
                    let s = cellKeys.isEmpty ? [] : vocabulary.scores(text, keys: cellKeys, bounded: true)
                    let strong = vocabulary.strongKinds(s)
                    if c >= previous.count { previous += repeatElement(nil, count: c + 1 - previous.count) }
                    previous[c] = (text, s, strong)
                    scored.add(text, s, strong)
                case .number, .bool, .date:
                    // The text of a number, date or truth value names no column (a test checks
                    // every word): it is made only for a row that matches.
                    scored.filled += 1
                    scored.others += 1
                    scored.add(nil, [], 0)
                default:
                    scored.add(nil, [], 0)
                }
            }
            if scored.filled >= 2 && !hopeless { consider(scored, row, headerRow: r) }
            scoredRows.append(scored)
        }
        // The row taken (and any row read with it as a two-row header) read again with every
        // score, for near misses.
        var fullRows = Set<Int>()
        func full(_ r: Int) {
            guard r < scoredRows.count, fullRows.insert(r).inserted else { return }
            for (c, text) in scoredRows[r].texts.enumerated() {
                guard let text else { continue }
                scoredRows[r].scores[c] = vocabulary.scores(text)
                scoredRows[r].strongKinds[c] = vocabulary.strongKinds(scoredRows[r].scores[c])
            }
        }
        if let chosen = best?.match {
            full(chosen.headerRow)
            if var m = match(scoredRows[chosen.headerRow], rows[chosen.headerRow], headerRow: chosen.headerRow, kind: chosen.kind, vocabulary: vocabulary) {
                m.groupRow = chosen.groupRow
                best = (m, best?.fraction ?? 0)
            }
        }
        guard let chosen = best?.match else { return nil }
        // Rows `top` and `top + 1` read as one header, when the lower one reads as the second
        // row of the upper and the two together take at least `least` columns.
        func twoRows(_ top: Int, taking least: Int) -> HeaderMatch? {
            guard top >= 0, top + 1 < scoredRows.count, TwoRowHeader.isSubHeaderRow(scoredRows[top + 1], under: scoredRows[top]) else { return nil }
            full(top)
            full(top + 1)
            guard let combined = TwoRowHeader.combine(scoredRows[top], scoredRows[top + 1], vocabulary: vocabulary),
                  var m = match(combined, nil, headerRow: top + 1, kind: chosen.kind, vocabulary: vocabulary),
                  m.columns.count >= least else { return nil }
            m.groupRow = top
            return m
        }
        if chosen.groupRow == nil {
            // Texts right under the header, with a header merged down beside them: its second row.
            if let m = twoRows(chosen.headerRow, taking: chosen.columns.count) {
                return DateRanges.apply(ColumnSpread.apply(ColumnContent.complete(m, rows: rows, vocabulary: vocabulary), rows: rows), rows: rows)
            }
            // The row taken may itself be the lower row, with headers merged down from the row
            // above it beside group headers (`Mã khóa` over both rows, `Thời gian` over `Từ ngày`).
            if chosen.headerRow > 0 {
                if let m = twoRows(chosen.headerRow - 1, taking: chosen.columns.count + 1) {
                    return DateRanges.apply(ColumnSpread.apply(ColumnContent.complete(m, rows: rows, vocabulary: vocabulary), rows: rows), rows: rows)
                }
            }
        }
        return DateRanges.apply(ColumnSpread.apply(ColumnContent.complete(chosen, rows: rows, vocabulary: vocabulary), rows: rows), rows: rows)
    }

    /// Whether column `c`'s last scored text was `text`.
    private static func repeats(_ previous: [(text: String, scores: [ConceptScore], strong: UInt16)?], _ c: Int, _ text: String) -> Bool {
        c < previous.count && previous[c]?.text == text
    }

    /// A row's match for `kind`, `nil` when it cannot be the kind's header: fewer than two
    /// columns taken, or fewer than half the required ones (and at least one).
    static func match(_ scored: ScoredRow, _ row: [CellValue]?, headerRow: Int, kind: SheetType,
                      vocabulary: ColumnVocabulary) -> HeaderMatch? {
        let range = vocabulary.concepts(of: kind)
        var candidates: [(column: Int, scores: [ConceptScore])] = []
        var clear: [(column: Int, scores: [ConceptScore])] = []
        for (c, scores) in scored.scores.enumerated() where !scores.isEmpty {
            let inKind = scores.filter { range.contains($0.concept) }
            guard !inKind.isEmpty else { continue }
            candidates.append((c, inKind))
            if !isAmbiguous(inKind) { clear.append((c, inKind)) }
        }
        // Fewer than two columns naming a concept of the kind cannot match two columns.
        guard clear.lazy.filter({ $0.scores.contains { $0.score >= ColumnVocabulary.threshold } }).prefix(2).count == 2 else { return nil }
        let assignment = ColumnAssignment(clear, threshold: ColumnVocabulary.threshold)
        let requiredTotal = range.filter { vocabulary.concepts[$0].required }.count
        var requiredFound = 0, requiredScore = 0.0, matchedScore = 0.0
        for pick in assignment.byColumn.values {
            let s = min(pick.score, 1)
            matchedScore += s
            if vocabulary.concepts[pick.concept].required { requiredFound += 1; requiredScore += s }
        }
        guard assignment.byColumn.count >= 2, requiredFound * 2 >= requiredTotal, requiredFound >= 1 else { return nil }

        // Texts of numbers, dates and truth values only now, for a row that matches.
        let texts: [String?] = row.map { cells in cells.enumerated().map { c, cell in
            c < scored.texts.count ? scored.texts[c] ?? CellParser.text(cell) : CellParser.text(cell)
        } } ?? scored.texts
        var columns: [String: Int] = [:], headers: [String: String] = [:], scores: [String: Double] = [:]
        var unknown: [(Int, String)] = []
        let tied = Dictionary(assignment.ties.map { ($0.column, $0.concept) }, uniquingKeysWith: { a, _ in a })
        var duplicates: [(Int, String, String)] = []
        for (c, text) in texts.enumerated() {
            guard let text else { continue }
            if let pick = assignment.byColumn[c] {
                let key = vocabulary.concepts[pick.concept].key
                columns[key] = c
                headers[key] = text
                scores[key] = pick.score
            } else if let concept = tied[c] {
                duplicates.append((c, text, vocabulary.concepts[concept].key))
            } else {
                unknown.append((c, text))
            }
        }
        let schema = kind.schema
        let missing = schema.requiredColumns.filter { columns[$0.key] == nil }
        var m = HeaderMatch(kind: kind, headerRow: headerRow, columns: columns, unknownColumns: unknown,
                            duplicateColumns: duplicates, missingRequired: missing, headers: headers)
        m.scores = scores
        m.kindScore = requiredScore * 3 + matchedScore - Double(unknown.count)
        m.nearMisses = nearMisses(candidates, assignment, texts: texts, tied: tied, vocabulary: vocabulary)
        return m
    }

    /// True when a column's best concept scores under ``ColumnVocabulary/clearScore`` and the
    /// next one within ``ColumnVocabulary/margin`` of it: `Ghi chú của TNXT` names a note and the
    /// person handing over about equally.
    static func isAmbiguous(_ scores: [ConceptScore]) -> Bool {
        var first = 0.0, second = 0.0
        for s in scores {
            if s.score > first { second = first; first = s.score } else if s.score > second { second = s.score }
        }
        return first < ColumnVocabulary.clearScore && first - second < ColumnVocabulary.margin
    }

    /// For each concept of the kind left without a column, the free column scoring best for
    /// it under the threshold (or ambiguously), when that concept is the column's best: each
    /// column named once.
    static func nearMisses(_ candidates: [(column: Int, scores: [ConceptScore])], _ assignment: ColumnAssignment,
                           texts: [String?], tied: [Int: Int], vocabulary: ColumnVocabulary) -> [NearMiss] {
        var byConcept: [Int: NearMiss] = [:]
        for (column, scores) in candidates where assignment.byColumn[column] == nil && tied[column] == nil {
            guard let top = scores.max(by: { $0.score < $1.score }), top.score < ColumnVocabulary.threshold || isAmbiguous(scores),
                  assignment.byConcept[top.concept] == nil, column < texts.count, let text = texts[column] else { continue }
            if let other = byConcept[top.concept], other.score >= top.score { continue }
            byConcept[top.concept] = NearMiss(column: column, header: text, key: vocabulary.concepts[top.concept].key, score: top.score)
        }
        return byConcept.values.sorted { $0.column < $1.column }
    }
}
