import XLSX

/// The first and last day a sheet kind records (a course's start and end, a person's first and
/// last busy day), which a schedule often writes as one column of spans: `Thời gian tập huấn`
/// holding `20-21/10/2026`. A span in either column reads as its first or last day
/// (``TextDateParser/parseRange(_:)``); a header with the first day's column and not the last's,
/// whose cells under it hold spans, reads the last day from that column too (a single day then
/// being both).
enum DateRanges {
    /// The keys of the first and the last day of `kind`, if it has such a pair.
    static func pair(_ kind: SheetType) -> (first: String, last: String)? {
        switch kind {
        case .handover: return ("startDate", "endDate")
        case .staffPlan: return ("from", "to")
        default: return nil
        }
    }

    /// For `key`, whether a span gives its last day (true) or its first (false); nil for a key
    /// of no pair.
    static func takesLastDay(_ kind: SheetType, _ key: String) -> Bool? {
        guard let pair = pair(kind) else { return nil }
        return key == pair.last ? true : key == pair.first ? false : nil
    }

    /// `match` with the last day read from the first day's column, when the header lacks a
    /// column for the last day and the first day's column holds spans among the rows held; or
    /// with both days read from a column the header nearly names as either (`Thời gian`), when
    /// it has neither and that column holds nothing but days and spans, one span at least.
    static func apply(_ match: HeaderMatch, rows: [[CellValue]]) -> HeaderMatch {
        guard let pair = pair(match.kind), match.columns[pair.last] == nil else { return match }
        let below = rows.dropFirst(match.headerRow + 1)
        func isSpan(_ cell: CellValue) -> Bool {
            guard case .invalid = CellParser.moment(cell), let text = CellParser.text(cell) else { return false }
            return TextDateParser.parseRange(text) != nil
        }
        var m = match
        if let column = match.columns[pair.first] {
            guard below.contains(where: { column < $0.count && isSpan($0[column]) }) else { return match }
            m.columns[pair.last] = column
            m.headers[pair.last] = match.headers[pair.first]
        } else {
            guard let near = match.nearMisses.first(where: { $0.key == pair.first || $0.key == pair.last }) else { return match }
            let cells = below.compactMap { near.column < $0.count && !$0[near.column].isEmpty ? $0[near.column] : nil }
            guard cells.contains(where: isSpan), cells.allSatisfy({ isSpan($0) || CellParser.moment($0).value != nil }) else { return match }
            for key in [pair.first, pair.last] {
                m.columns[key] = near.column
                m.headers[key] = near.header
            }
            m.unknownColumns.removeAll { $0.column == near.column }
            m.nearMisses.removeAll { $0.column == near.column || $0.key == pair.first }
            m.missingRequired.removeAll { $0.key == pair.first }
        }
        m.missingRequired.removeAll { $0.key == pair.last }
        m.nearMisses.removeAll { $0.key == pair.last }
        return m
    }
}
