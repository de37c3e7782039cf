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
    /// column for the last day and the first day's column holds spans among the rows held.
    static func apply(_ match: HeaderMatch, rows: [[CellValue]]) -> HeaderMatch {
        guard let pair = pair(match.kind), let column = match.columns[pair.first], match.columns[pair.last] == nil else { return match }
        let spans = rows.dropFirst(match.headerRow + 1).contains { row in
            guard column < row.count, case .invalid = CellParser.moment(row[column]), let text = CellParser.text(row[column]) else { return false }
            return TextDateParser.parseRange(text) != nil
        }
        guard spans else { return match }
        var m = match
        m.columns[pair.last] = column
        m.headers[pair.last] = match.headers[pair.first]
        m.missingRequired.removeAll { $0.key == pair.last }
        m.nearMisses.removeAll { $0.key == pair.last }
        return m
    }
}
