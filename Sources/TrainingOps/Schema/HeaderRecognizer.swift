import XLSX

/// A header row found on a sheet: which kind, where, which column holds each key, and the
/// headers that match nothing.
public struct HeaderMatch: Hashable, Sendable {
    /// The recognised kind.
    public var kind: SheetType
    /// Zero-based index of the header row among the sheet's rows.
    public var headerRow: Int
    /// Zero-based column of each matched key.
    public var columns: [String: Int]
    /// Headers matching no column of the kind: zero-based column and the text as written.
    public var unknownColumns: [(column: Int, header: String)]
    /// Later headers matching a key already taken: column, header, key.
    public var duplicateColumns: [(column: Int, header: String, key: String)]
    /// Required columns not found.
    public var missingRequired: [ColumnSpec]
    /// The header text of each matched key, as written.
    public var headers: [String: String]

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

/// Finds the header row of a sheet and its kind, scoring each of the first rows against
/// every schema, so title rows and merged banners above the header do not matter.
public enum HeaderRecognizer {
    /// How many rows from the top are tried as the header.
    public static let scanRows = 30

    /// Folded header key → column key, per kind.
    static let lookup: [SheetType: [String: String]] = {
        var all: [SheetType: [String: String]] = [:]
        for kind in SheetType.allCases {
            var map: [String: String] = [:]
            // Headers first so a header always wins over another column's alias.
            for column in kind.schema.columns {
                for k in [HeaderNormalizer.key(column.header), HeaderNormalizer.keyWithoutParentheses(column.header)] where map[k] == nil {
                    map[k] = column.key
                }
            }
            for column in kind.schema.columns {
                for k in column.matchKeys where map[k] == nil { map[k] = column.key }
            }
            all[kind] = map
        }
        return all
    }()

    /// The key of `header` in `kind`, if any.
    public static func columnKey(for header: String, in kind: SheetType) -> String? {
        columnKey(for: HeaderKeys(header), in: kind)
    }

    /// A header looked up once for every kind it is tried against: the column key its folded
    /// key has in each kind, then the one its key without parentheses has.
    struct HeaderKeys {
        /// Kinds where ``HeaderNormalizer/key(_:)`` of the header names a column.
        let exact: [(kind: SheetType, column: String)]
        /// Kinds where ``HeaderNormalizer/keyWithoutParentheses(_:)`` of the header names a column.
        let withoutParentheses: [(kind: SheetType, column: String)]

        /// The keys of a text that names no column.
        static let namingNothing = HeaderKeys(exact: [], withoutParentheses: [])

        private init(exact: [(kind: SheetType, column: String)], withoutParentheses: [(kind: SheetType, column: String)]) {
            self.exact = exact
            self.withoutParentheses = withoutParentheses
        }

        init(_ header: String) {
            exact = byKey[HeaderNormalizer.key(header)] ?? []
            // Without a bracket both keys are the same.
            withoutParentheses = HeaderNormalizer.hasBrackets(header)
                ? byKey[HeaderNormalizer.keyWithoutParentheses(header)] ?? [] : exact
        }

        /// True when the header names a column of `kind` either way.
        func names(_ kind: SheetType) -> Bool {
            exact.contains { $0.kind == kind } || withoutParentheses.contains { $0.kind == kind }
        }
    }

    /// ``lookup`` turned around: folded header key → the kinds it names a column of, and which.
    static let byKey: [String: [(kind: SheetType, column: String)]] = {
        var all: [String: [(kind: SheetType, column: String)]] = [:]
        for kind in SheetType.allCases {
            for (key, column) in lookup[kind] ?? [:] { all[key, default: []].append((kind, column)) }
        }
        return all
    }()

    static func columnKey(for keys: HeaderKeys, in kind: SheetType) -> String? {
        keys.exact.first { $0.kind == kind }?.column ?? keys.withoutParentheses.first { $0.kind == kind }?.column
    }

    /// The required columns of each kind.
    static let requiredColumns: [SheetType: [ColumnSpec]] = Dictionary(uniqueKeysWithValues: SheetType.allCases.map {
        ($0, $0.schema.requiredColumns)
    })

    /// The best header row and kind, or `nil` when no row looks like a known header.
    /// `only` restricts the kinds tried.
    public static func recognise(_ rows: [[CellValue]], only kinds: [SheetType] = SheetType.allCases) -> HeaderMatch? {
        var best: (match: HeaderMatch, score: Int, fraction: Double)?
        // Each column's last text and its keys: a column repeats its values down a sheet (course
        // ids, yes/no answers), and a text is folded once while it repeats.
        var previous: [(text: String, keys: HeaderKeys)?] = []
        for (r, row) in rows.prefix(scanRows).enumerated() {
            var keys: [HeaderKeys?] = []
            keys.reserveCapacity(row.count)
            var filled = 0
            for (c, cell) in row.enumerated() {
                switch cell.resolved {
                case .string, .richText:
                    guard let text = CellParser.text(cell) else { keys.append(nil); continue }
                    filled += 1
                    if c < previous.count, let last = previous[c], last.text == text {
                        keys.append(last.keys)
                        continue
                    }
                    let folded = HeaderKeys(text)
                    if c >= previous.count { previous += repeatElement(nil, count: c + 1 - previous.count) }
                    previous[c] = (text, folded)
                    keys.append(folded)
                case .number, .bool, .date:
                    // The text of a number, date or truth value names no column (a test checks
                    // every key): it is made only for a row that matches.
                    filled += 1
                    keys.append(HeaderKeys.namingNothing)
                default:
                    keys.append(nil)
                }
            }
            guard filled >= 2 else { continue }
            var texts: [String?]?
            for kind in kinds {
                // Fewer than two texts naming a column of the kind cannot match two columns.
                guard keys.lazy.filter({ $0?.names(kind) == true }).prefix(2).count == 2 else { continue }
                if texts == nil { texts = row.map { CellParser.text($0) } }
                let m = match(texts ?? [], keys, row: r, kind: kind)
                let required = (requiredColumns[kind] ?? kind.schema.requiredColumns).count
                let requiredFound = required - m.missingRequired.count
                let matched = m.columns.count
                guard matched >= 2, requiredFound * 2 >= required, requiredFound >= 1 else { continue }
                let score = requiredFound * 3 + matched - m.unknownColumns.count
                let fraction = Double(matched) / Double(kind.schema.columns.count)
                if let b = best, score < b.score || (score == b.score && fraction <= b.fraction) { continue }
                best = (m, score, fraction)
            }
        }
        return best?.match
    }

    /// Matches one row's texts against one kind.
    static func match(_ texts: [String?], row: Int, kind: SheetType) -> HeaderMatch {
        match(texts, texts.map { $0.map(HeaderKeys.init) }, row: row, kind: kind)
    }

    /// Matches one row's texts, with their folded keys, against one kind.
    static func match(_ texts: [String?], _ keys: [HeaderKeys?], row: Int, kind: SheetType) -> HeaderMatch {
        var columns: [String: Int] = [:]
        var headers: [String: String] = [:]
        var unknown: [(Int, String)] = []
        var duplicates: [(Int, String, String)] = []
        for (c, text) in texts.enumerated() {
            guard let text, let folded = keys[c] else { continue }
            guard let key = columnKey(for: folded, in: kind) else {
                unknown.append((c, text))
                continue
            }
            if columns[key] != nil {
                duplicates.append((c, text, key))
            } else {
                columns[key] = c
                headers[key] = text
            }
        }
        let missing = (requiredColumns[kind] ?? kind.schema.requiredColumns).filter { columns[$0.key] == nil }
        return HeaderMatch(kind: kind, headerRow: row, columns: columns, unknownColumns: unknown,
                           duplicateColumns: duplicates, missingRequired: missing, headers: headers)
    }
}
