import XLSX

/// What a column's values say about its meaning, read from the rows under the header: the
/// evidence that settles a column whose header names no concept clearly. Staff head a column
/// of sessions `Sáng/Chiều`, a column of phone numbers `ĐT liên hệ`, a column of roles
/// `Phân công`; the header alone leaves these unread, their values do not.
///
/// Only the concepts whose values have a shape of their own take part (a phone number, an
/// e-mail, a value of a closed list, a course id, a team, a time of day…); free text and plain
/// numbers tell nothing. A column is given to a concept left without one when its header's own
/// score for it plus the weight of the shape (``weight(_:key:)``) times the share of its values
/// that have the shape reaches ``threshold``, better than for any other free concept by
/// ``ColumnVocabulary/margin``, each concept taken once.
enum ColumnContent {
    /// At most this many rows under the header are looked at.
    static let sampleRows = 40
    /// A column needs at least this many values to be judged by them.
    static let minimumValues = 3
    /// Under this share of values of the shape, the values say nothing.
    static let minimumShare = 0.8
    /// Header score plus evidence from which a column is taken.
    static let threshold = 0.6

    /// The evidence a concept's values carry: how much a column of values of its shape says
    /// that the column is this concept, 0 when the shape is common to most columns.
    static func weight(_ type: ColumnType, key: String) -> Double {
        if key == "courseId" { return 0.7 }
        if key == "team" { return 0.6 }
        switch type {
        case .text where namesPeople(key: key): return 0.3
        case .phone, .email: return 0.7
        case .choice: return 0.65
        case .moment: return 0.45
        case .week: return 0.4
        case .date, .percent, .score: return 0.3
        case .yesNo: return 0.2
        case .text, .count, .decimal: return 0
        }
    }

    /// Whether `cell` has the shape of the values of a column of `type` keyed `key`.
    static func fits(_ cell: CellValue, _ type: ColumnType, key: String) -> Bool {
        if key == "courseId" {
            guard let t = CellParser.text(cell) else { return false }
            return CourseIdentifier.normalised(t) != nil || (asciiCanonicalIdForm(t) != nil && t.contains("-"))
        }
        if key == "team" {
            guard case .string(let s) = cell.resolved, s.contains(where: \.isLetter) else { return false }
            return TeamName.key(s)?.hasPrefix("#") == true
        }
        switch type {
        case .text:
            guard namesPeople(key: key), case .string(let s) = cell.resolved else { return false }
            return CellParser.isPersonName(s)
        case .phone: return CellParser.phone(cell).value != nil
        case .email: return CellParser.email(cell).value != nil
        case .choice(let list): return list.accepts(cell)
        case .moment: return hasTime(cell)
        case .week:
            guard case .string = cell.resolved else { return false }
            return CellParser.week(cell).value != nil
        case .date: return CellParser.date(cell).value != nil
        case .percent:
            if case .number(let n) = cell.resolved { return n >= 0 && n <= 1 }
            return CellParser.text(cell)?.hasSuffix("%") == true
        case .score:
            if case .number(let n) = cell.resolved { return n >= 1 && n <= 5 && n != n.rounded() }
            return false
        // Only the answers themselves: a name or a link counts as a checklist's yes when read,
        // but as evidence it would make any column of names look like a checklist.
        case .yesNo: return CellParser.yesNo(cell).value != nil
        case .text, .count, .decimal: return false
        }
    }

    /// Words opening the header of a column of people (`Người báo cáo`, `Nhân viên`, `TNTK
    /// phụ trách`): a column of names is evidence for it.
    static let personWords = ["nguoi", "nhan vien", "truong nhom", "can bo", "giang vien"]

    /// Whether the concept keyed `key` holds people, by its declared header (of any kind).
    static func namesPeople(key: String) -> Bool { peopleKeys.contains(key) }

    /// The keys whose declared header opens with one of ``personWords`` (abbreviations spelt out).
    static let peopleKeys: Set<String> = {
        var keys: Set<String> = []
        for kind in SheetType.allCases {
            for column in kind.schema.columns where column.type == .text {
                guard let reading = HeaderWords.readings(HeaderNormalizer.key(column.header), readingAmbiguous: false).first else { continue }
                let words = reading.joined(separator: " ")
                if personWords.contains(where: { words.hasPrefix($0) }) { keys.insert(column.key) }
            }
        }
        return keys
    }()

    /// A time of day, alone or with its date.
    static func hasTime(_ cell: CellValue) -> Bool {
        switch cell.resolved {
        case .date(let d): return d.kind != .date
        case .number(let n): return n > 0 && n < 1
        default:
            guard let t = CellParser.text(cell) else { return false }
            if CellParser.moment(cell).value?.time != nil { return true }
            return TextDateParser.parseTime(t) != nil
        }
    }

    /// `match` with the free columns its values settle given to the free concepts: the
    /// columns taken leave ``HeaderMatch/unknownColumns`` and the near misses, the concepts
    /// their ``HeaderMatch/missingRequired``, and are listed in ``HeaderMatch/byValues``.
    static func complete(_ match: HeaderMatch, rows: [[CellValue]], vocabulary: ColumnVocabulary) -> HeaderMatch {
        let kind = match.kind
        let range = vocabulary.concepts(of: kind)
        let taken = Set(match.columns.keys)
        let free = range.filter { !taken.contains(vocabulary.concepts[$0].key) }
        guard !free.isEmpty, !match.unknownColumns.isEmpty else { return match }
        let schema = kind.schema
        let shaped: [(concept: Int, spec: ColumnSpec, weight: Double)] = free.compactMap { c in
            guard let spec = schema.column(vocabulary.concepts[c].key) else { return nil }
            let w = weight(spec.type, key: spec.key)
            return w > 0 ? (c, spec, w) : nil
        }
        guard !shaped.isEmpty else { return match }
        let first = match.headerRow + 1
        let sample = rows.count > first ? rows[first..<min(rows.count, first + sampleRows)] : []
        var columns: [(column: Int, scores: [ConceptScore])] = []
        for (column, header) in match.unknownColumns {
            let values = sample.compactMap { row in column < row.count && !row[column].isEmpty ? row[column] : nil }
            guard values.count >= minimumValues else { continue }
            let headerScores = vocabulary.scores(header)
            var scores: [ConceptScore] = []
            for (concept, spec, w) in shaped {
                let share = Double(values.lazy.filter { fits($0, spec.type, key: spec.key) }.count) / Double(values.count)
                guard share >= minimumShare else { continue }
                let h = headerScores.first { $0.concept == concept }?.score ?? 0
                scores.append(ConceptScore(concept: concept, score: min(h, ColumnVocabulary.threshold) + w * share))
            }
            // A column whose values fit two free concepts about equally is not guessed.
            let sorted = scores.map(\.score).sorted(by: >)
            guard let best = sorted.first, best >= threshold,
                  sorted.count < 2 || best - sorted[1] >= ColumnVocabulary.margin else { continue }
            columns.append((column, scores))
        }
        guard !columns.isEmpty else { return match }
        let assignment = ColumnAssignment(columns, threshold: threshold)
        guard !assignment.byColumn.isEmpty else { return match }
        var m = match
        for pick in assignment.byColumn.values {
            let key = vocabulary.concepts[pick.concept].key
            guard let header = m.unknownColumns.first(where: { $0.column == pick.column })?.header else { continue }
            m.columns[key] = pick.column
            m.headers[key] = header
            m.scores[key] = pick.score
            m.byValues.insert(key)
        }
        let settled = Set(assignment.byColumn.keys)
        m.unknownColumns.removeAll { settled.contains($0.column) }
        m.nearMisses.removeAll { settled.contains($0.column) || m.columns[$0.key] != nil }
        m.missingRequired.removeAll { m.columns[$0.key] != nil }
        return m
    }
}

extension ChoiceList {
    /// Whether `cell` holds a value of the list (its label, a variant or a near spelling).
    func accepts(_ cell: CellValue) -> Bool {
        switch self {
        case .mode: return CellParser.choice(cell, as: TrainingMode.self).value != nil
        case .session: return CellParser.choice(cell, as: SessionPart.self).value != nil
        case .product: return CellParser.choice(cell, as: Product.self).value != nil
        case .role: return CellParser.choice(cell, as: StaffRole.self).value != nil
        case .paperwork: return CellParser.choice(cell, as: PaperworkStatus.self).value != nil
        case .impact: return CellParser.choice(cell, as: OpinionImpact.self).value != nil
        case .opinionStatus: return CellParser.choice(cell, as: OpinionStatus.self).value != nil
        case .reportLevel: return CellParser.choice(cell, as: ReportLevel.self).value != nil
        }
    }
}
