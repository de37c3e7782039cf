import XLSX

/// A pair of columns a sheet may write spread out: instead of a column of names and a column
/// saying what each name is (a staff plan's `Nhân viên` and `Vai trò`, a row per person), one
/// column per value of the choice, headed by it, holding the names of that value (`Giảng viên`,
/// `Trợ giảng`, `Hỗ trợ`, a row per course). Each name under such a column is read as a row of
/// its own, with the value its column names.
///
/// A header takes this reading only when it has neither column of the pair: then each column it
/// has not otherwise read, whose header names exactly one value of the choice (its label or a
/// spelling of it, as whole words: `GV chính`, `Người hỗ trợ`, `Trợ giảng (TG)`) and whose
/// cells under the header are text, is a column of names.
public struct ColumnSpread: Hashable, Sendable {
    /// The key of the names (`staff`).
    public let names: String
    /// The key of the choice (`role`), a column of type ``ColumnType/choice(_:)``.
    public let choice: String

    /// A pair that may be spread.
    public init(names: String, choice: String) {
        self.names = names
        self.choice = choice
    }

    /// `match` with the spread columns taken, when its schema declares a pair and the header
    /// has neither of its columns; otherwise `match` as it is.
    static func apply(_ match: HeaderMatch, rows: [[CellValue]]) -> HeaderMatch {
        let schema = match.kind.schema
        guard let spread = schema.spread, match.columns[spread.names] == nil, match.columns[spread.choice] == nil,
              case .choice(let list)? = schema.column(spread.choice)?.type else { return match }
        var m = match
        for (column, header) in match.unknownColumns {
            guard let value = list.valueNamed(byHeader: header), holdsText(rows, below: match.headerRow, column) else { continue }
            m.spreadColumns.append(SpreadColumn(column: column, header: header, value: value))
        }
        guard !m.spreadColumns.isEmpty else { return match }
        let taken = Set(m.spreadColumns.map(\.column))
        m.unknownColumns.removeAll { taken.contains($0.column) }
        m.missingRequired.removeAll { $0.key == spread.names || $0.key == spread.choice }
        m.nearMisses.removeAll { taken.contains($0.column) || $0.key == spread.names || $0.key == spread.choice }
        return m
    }

    /// Whether the cells of `column` under the header (among the rows held) are words or empty:
    /// a column of counts or dates, typed or not, is not one of names, whatever its header says.
    private static func holdsText(_ rows: [[CellValue]], below headerRow: Int, _ column: Int) -> Bool {
        for row in rows.dropFirst(headerRow + 1) where column < row.count {
            switch row[column].resolved {
            case .number, .date, .bool: return false
            default:
                if let text = CellParser.text(row[column]), !text.contains(where: \.isLetter) { return false }
            }
        }
        return true
    }
}

/// A column of names of one value of a spread choice (``ColumnSpread``).
public struct SpreadColumn: Hashable, Sendable {
    /// Zero-based column.
    public let column: Int
    /// The header as written.
    public let header: String
    /// The label of the choice's value the header names (`Giảng viên`), read as the choice
    /// column's cell on every row made from this column.
    public let value: String
}

extension ChoiceList {
    /// The label of the one value whose label or spelling `header` holds as whole words; where
    /// spellings of two values overlap, the longer decides (`Trợ giảng viên` is an assistant,
    /// not a trainer). Nil when none does, or two values are named apart (`Trợ giảng / Hỗ trợ`).
    func valueNamed(byHeader header: String) -> String? {
        switch self {
        case .mode: return Self.named(header, TrainingMode.self)
        case .session: return Self.named(header, SessionPart.self)
        case .product: return Self.named(header, Product.self)
        case .role: return Self.named(header, StaffRole.self)
        case .paperwork: return Self.named(header, PaperworkStatus.self)
        case .impact: return Self.named(header, OpinionImpact.self)
        case .opinionStatus: return Self.named(header, OpinionStatus.self)
        case .reportLevel: return Self.named(header, ReportLevel.self)
        }
    }

    private static func named<V: Vocabulary>(_ header: String, _ type: V.Type) -> String? {
        let words = Array((" " + HeaderNormalizer.key(header) + " ").utf8)
        // Every place a spelling is found: its value and the bytes it spans.
        var found: [(value: V, range: Range<Int>)] = []
        for value in V.allCases {
            for spelling in [value.label, value.englishLabel] + value.variants {
                let key = Array((" " + HeaderNormalizer.key(spelling) + " ").utf8)
                guard key.count > 2, key.count <= words.count else { continue }
                for start in 0...(words.count - key.count) where words[start..<(start + key.count)].elementsEqual(key) {
                    found.append((value, start..<(start + key.count)))
                }
            }
        }
        guard let longest = found.max(by: { $0.range.count < $1.range.count }) else { return nil }
        // Another value named outside the longest spelling: the header names two.
        let apart = found.contains { $0.value != longest.value && !longest.range.contains($0.range.lowerBound + 1) }
        return apart ? nil : longest.value.label
    }
}
