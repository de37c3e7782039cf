import XLSX

/// Recognises and decodes one sheet from its rows as they arrive, top to bottom: the rows
/// where a header may sit (the first ``HeaderRecognizer/scanRows``) are held until the header
/// is known; every later row is decoded as soon as it comes and not kept.
///
/// ``Dataset/add(_:file:)`` runs a whole grid through it, so a streamed sheet and a grid give
/// the same records and findings in the same order.
struct SheetImporter: Sendable {
    /// The sheet's name.
    let name: String
    /// The file name findings give.
    let file: String
    /// The workbook's date system, for bare serial numbers.
    let dateSystem: DateSystem
    /// The header words, the office's own included.
    let vocabulary: ColumnVocabulary

    /// What is known of the sheet so far.
    private enum State: Sendable {
        /// Holding the top rows until the header can be found.
        case scanning
        /// The header is known: rows below it are decoded.
        case reading(ColumnPlan)
        /// No header of a known kind; remembers whether any cell holds something.
        case unrecognised(hasContent: Bool)
    }

    private var state = State.scanning
    /// Rows `0..<scanRows` held while scanning, a missing row as `[]`.
    private var head: [[CellValue]] = []
    /// The smallest row index the next row may have.
    private var nextIndex = 0
    private var data = Dataset()
    private var dataRows = 0
    /// Tells records from totals, notes, signatures, spacers and repeated headers.
    private var rows: RowClassifier?
    /// On a sheet with spread columns (``ColumnSpread``), each one's column and the plan and
    /// columns of the rows read from it: its names as the pair's names, its header's value as
    /// their choice.
    private var spreadPlans: [(column: Int, plan: ColumnPlan, columns: [String: Int])] = []
    /// The columns a block of rows may write once (``SheetSchema/repeatsDown``), by column.
    private var repeats: [(column: Int, key: String, how: RepeatDown)] = []
    /// In those columns (by their place in ``repeats``), the last value of the records above,
    /// since the last row that is not one; `.empty` for none.
    private var carried: [CellValue] = []
    /// Records with an empty cell under a value in such a column: decoded once the sheet's
    /// merged cells are known (they come after the rows), with the values above them.
    private var held: [(index: Int, cells: [CellValue], above: [Int: CellValue])] = []
    /// The most records held; past it they are decoded as they come, with the value above
    /// only where a block key is written once (memory stays bounded on a sheet of any length).
    static var maxHeld: Int { 20_000 }
    /// Set once more than ``maxHeld`` records were held.
    private var overflowed = false
    /// How many empty cells of each column were read as the value above them, not merged.
    private var filledDown: [Int: Int] = [:]
    /// The sheet's dates so far, for dates written without a year.
    private let dates = DateContext()
    /// Whether the text the records keep is copied rather than shared with the cells: set
    /// when the sheet is decoded on a thread other than the one reading it, so that the
    /// reader's strings are all freed by the reader, whose memory then stays small and is
    /// reused while hot, instead of growing by every string a record holds on to.
    var copiesText = false

    /// An importer for the sheet `name` of `file`.
    init(name: String, file: String, dateSystem: DateSystem, vocabulary: ColumnVocabulary = .standard) {
        self.name = name
        self.file = file
        self.dateSystem = dateSystem
        self.vocabulary = vocabulary
    }

    /// Takes sheet row `index` (zero-based), its cells indexed by column. Rows must come in
    /// increasing order; `false` (the row not taken) when one does not, and the sheet must
    /// then be read whole as a grid.
    @discardableResult
    mutating func add(row index: Int, cells: [CellValue]) -> Bool {
        guard index >= nextIndex else { return false }
        nextIndex = index + 1
        if case .scanning = state {
            if index < HeaderRecognizer.scanRows {
                if head.count < index { head.append(contentsOf: repeatElement([], count: index - head.count)) }
                head.append(cells)
                return true
            }
            recognise()
        }
        take(index, cells)
        return true
    }

    /// The sheet's records, findings and recognised header, once every row is in. With
    /// `findingRepeats` the repeats among its units are looked for too (``Dataset/runChecks()``
    /// then needs not): what a sheet decoded on a thread of its own does while the reader goes on.
    /// `merges` are the sheet's merged ranges: an empty cell inside one, below its top, reads
    /// as the top cell's value in the columns that may be written once for a block of rows.
    mutating func finish(merges: [CellRange] = [], findingRepeats: Bool = false) -> Dataset {
        if case .scanning = state { recognise() }
        if case .reading(let plan) = state {
            if !held.isEmpty { release(plan, merges: merges) }
            reportFilledDown(plan)
        }
        if findingRepeats, !data.units.isEmpty { data.unitRepeats = Dataset.unitRepeats(in: data.units) }
        switch state {
        case .reading(let plan):
            data.sheets.append(RecognisedSheet(file: file, sheet: name, header: plan.match, dataRows: dataRows))
        case .unrecognised(let hasContent):
            // The instructions sheet of our own blank workbooks, and the printable checklist of our
            // forms (its answers feed the pre-course check sheet), are not data.
            let isInstructions = [InputGuide.sheetName, FormsWorkbook.listSheet, LiveRules.legendSheet].contains { HeaderNormalizer.key(name) == HeaderNormalizer.key($0) }
            if !isInstructions, hasContent {
                data.findings.append(ImportFinding(.unrecognisedSheet, file: file, sheet: name,
                    message: "Không nhận ra sheet \"\(name)\": không thấy dòng tiêu đề của loại sheet nào.",
                    messageEnglish: "Sheet \"\(name)\" not recognised: no header row of a known kind."))
            }
        case .scanning:
            break
        }
        return data
    }

    /// Finds the header among the held rows, reports its columns, and decodes the held rows below it.
    private mutating func recognise() {
        let rows = head
        head = []
        guard let match = HeaderRecognizer.recognise(rows, vocabulary: vocabulary) else {
            state = .unrecognised(hasContent: rows.contains { $0.contains { !$0.isEmpty } })
            return
        }
        let plan = ColumnPlan(schema: match.kind.schema, match: match)
        state = .reading(plan)
        repeats = match.kind.schema.repeatsDown.compactMap { key, how in match.columns[key].map { ($0, key, how) } }.sorted { $0.column < $1.column }
        carried = Array(repeating: .empty, count: repeats.count)
        if let spread = match.kind.schema.spread {
            spreadPlans = match.spreadColumns.map { s in
                var m = match
                m.columns[spread.names] = s.column
                m.headers[spread.names] = s.header
                m.headers[spread.choice] = s.header
                let plan = ColumnPlan(schema: match.kind.schema, match: m, fixed: [spread.choice: .string(s.value)])
                var columns = m.columns
                columns[spread.choice] = s.column
                return (s.column, plan, columns)
            }
        }
        self.rows = RowClassifier(match: match)
        reportColumns(match)
        for (index, cells) in rows.enumerated() { take(index, cells) }
    }

    /// One row once the state is settled: decoded when below the header, looked at for
    /// content on an unrecognised sheet.
    private mutating func take(_ index: Int, _ cells: [CellValue]) {
        switch state {
        case .reading(let plan):
            guard index > plan.match.headerRow, cells.contains(where: { !$0.isEmpty }) else { return }
            // Totals, notes, signature blocks, spacers and repeated headers are not records; the
            // values above end at them (an empty row inside a block does not end it).
            guard rows?.classify(cells) ?? .record == .record else {
                for k in carried.indices { carried[k] = .empty }
                return
            }
            dataRows += 1
            if !repeats.isEmpty {
                var above: [Int: CellValue] = [:]
                for (k, r) in repeats.enumerated() {
                    if r.column < cells.count, !cells[r.column].isEmpty {
                        carried[k] = cells[r.column]
                    } else if !carried[k].isEmpty {
                        above[r.column] = carried[k]
                    }
                }
                if !above.isEmpty {
                    if !overflowed && held.count >= Self.maxHeld {
                        // Too many to hold: these rows go without the merged cells' values.
                        release(plan, merges: [])
                        overflowed = true
                    }
                    guard overflowed else {
                        held.append((index, cells, above))
                        return
                    }
                    record(index, filled(cells, above, index: index, merged: { _, _ in false }, blank: { _ in true }), plan)
                    return
                }
            }
            record(index, cells, plan)
        case .unrecognised(let hasContent):
            if !hasContent, cells.contains(where: { !$0.isEmpty }) { state = .unrecognised(hasContent: true) }
        case .scanning:
            break
        }
    }

    /// Decodes one record row.
    private mutating func record(_ index: Int, _ cells: [CellValue], _ plan: ColumnPlan) {
        var extras: [String: String] = [:]
        for (c, header) in plan.match.unknownColumns where c < cells.count {
            if let text = CellParser.text(cells[c]) { extras[header] = copiesText ? ownedCopy(of: text) : text }
        }
        guard !spreadPlans.isEmpty else {
            decode(index, cells, plan, columns: plan.match.columns, extras: extras)
            return
        }
        // A row per name column holding names; a row with none is read once, to say so. A
        // cell they share (the course, the dates) is reported once, not once per column.
        let filled = spreadPlans.filter { $0.column < cells.count && !cells[$0.column].isEmpty }
        let before = data.findings.count
        for spread in filled.isEmpty ? [spreadPlans[0]] : filled {
            decode(index, cells, spread.plan, columns: spread.columns, extras: extras)
        }
        var seen = Set<ImportFinding>()
        let row = data.findings[before...].filter { seen.insert($0).inserted }
        data.findings.replaceSubrange(before..., with: row)
    }

    /// Decodes the held records, their empty cells filled where the value above is meant:
    /// inside a merged cell, or in a block key written once on at least two rows. Says which
    /// columns were read so, and puts the records back in the sheet's order.
    private mutating func release(_ plan: ColumnPlan, merges: [CellRange]) {
        // The merges over several rows in those columns, by column.
        var spans: [Int: [ClosedRange<Int>]] = [:]
        for m in merges where m.end.row > m.start.row {
            for r in repeats where m.start.column <= r.column && r.column <= m.end.column {
                spans[r.column, default: []].append(m.start.row...m.end.row)
            }
        }
        func merged(_ row: Int, _ column: Int) -> Bool {
            spans[column]?.contains { $0.lowerBound < row && $0.contains(row) } ?? false
        }
        var written = [Int: Int]()
        for h in held {
            for r in repeats where r.how == .blank && h.above[r.column] != nil && !merged(h.index, r.column) { written[r.column, default: 0] += 1 }
        }
        let rows = held
        held = []
        for h in rows {
            record(h.index, filled(h.cells, h.above, index: h.index, merged: merged, blank: { written[$0, default: 0] >= 2 }), plan)
        }
        data.sortBySourceRow()
    }

    /// `cells` with the values above filled in: in a merged cell, and in a block key written once
    /// (`blank` says whether the sheet writes that column so); counted into ``filledDown``.
    private mutating func filled(_ cells: [CellValue], _ above: [Int: CellValue], index: Int,
                                 merged: (Int, Int) -> Bool, blank: (Int) -> Bool) -> [CellValue] {
        var cells = cells
        for r in repeats {
            guard let value = above[r.column] else { continue }
            let inMerge = merged(index, r.column)
            guard inMerge || (r.how == .blank && blank(r.column)) else { continue }
            if r.column >= cells.count { cells += repeatElement(.empty, count: r.column + 1 - cells.count) }
            cells[r.column] = value
            if !inMerge { filledDown[r.column, default: 0] += 1 }
        }
        return cells
    }

    /// One finding per column whose empty cells were read as the value above them.
    private mutating func reportFilledDown(_ plan: ColumnPlan) {
        let headerRow = plan.match.headerRow + 1
        for r in repeats {
            guard let n = filledDown[r.column] else { continue }
            let header = plan.match.headers[r.key] ?? r.key
            data.findings.append(ImportFinding(.filledDown, file: file, sheet: name, cell: CellReference.columnName(r.column) + String(headerRow),
                columnKey: r.key, header: header,
                message: "Cột \"\(header)\": \(n) ô trống được đọc là giá trị của ô bên trên (ghi một lần cho nhiều dòng).",
                messageEnglish: "Column \"\(header)\": \(n) empty cells read as the value of the cell above (written once for several rows)."))
        }
    }

    /// Whether a header heads the rows' numbers (`STT`, `TT`, `Số TT`, `No.`, `#`), a column
    /// nearly every table has and no process step reads: not worth a finding on every check.
    static func isRowNumber(_ header: String) -> Bool {
        let key = HeaderNormalizer.key(header)
        return ["stt", "tt", "so tt", "so thu tu", "thu tu", "no", "nr", ""].contains(key)
    }

    /// Decodes sheet row `index` with `plan`, its findings placed by `columns`.
    private mutating func decode(_ index: Int, _ cells: [CellValue], _ plan: ColumnPlan, columns: [String: Int], extras: [String: String]) {
        let source = SourceRow(file: file, sheet: name, row: index + 1, columns: columns, extras: extras)
        let reader = RowReader(cells: cells, plan: plan, source: source, system: dateSystem, copiesText: copiesText, dates: dates)
        data.decode(plan.match.kind, reader)
        data.findings += reader.findings
    }

    /// The findings about the header row: unknown, repeated and missing columns. A column
    /// nearly naming a missing concept is named once: in the missing-column finding of a
    /// required concept, else in its own unknown-column finding.
    private mutating func reportColumns(_ match: HeaderMatch) {
        let schema = match.kind.schema
        let headerRow = match.headerRow + 1
        let nearMisses = Dictionary(match.nearMisses.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let namedAsMissing = Set(match.missingRequired.compactMap { nearMisses[$0.key]?.column })
        for (c, header) in match.unknownColumns where !namedAsMissing.contains(c) && !Self.isRowNumber(header) {
            let cell = CellReference.columnName(c) + String(headerRow)
            if let near = match.nearMisses.first(where: { $0.column == c }), let spec = schema.column(near.key) {
                data.findings.append(ImportFinding(.unknownColumn, file: file, sheet: name, cell: cell, columnKey: near.key, header: header,
                    message: "Cột \"\(header)\" không thuộc mẫu \"\(schema.sheetName)\": giữ nguyên, không đọc. Có thể là \"\(spec.header)\"? Nếu đúng, đổi tên cột cho rõ.",
                    messageEnglish: "Column \"\(header)\" is not part of \"\(schema.sheetName)\": kept, not read. It may be \"\(spec.header)\"; if so, rename it."))
                continue
            }
            data.findings.append(ImportFinding(.unknownColumn, file: file, sheet: name,
                cell: cell, header: header,
                message: "Cột \"\(header)\" không thuộc mẫu \"\(schema.sheetName)\": giữ nguyên, không đọc.",
                messageEnglish: "Column \"\(header)\" is not part of \"\(schema.sheetName)\": kept, not read."))
        }
        for (c, header, key) in match.duplicateColumns {
            data.findings.append(ImportFinding(.duplicateColumn, file: file, sheet: name,
                cell: CellReference.columnName(c) + String(headerRow), columnKey: key, header: header,
                message: "Cột \"\(header)\" trùng với cột \(schema.column(key)?.header ?? key) đã có; chỉ đọc cột đầu.",
                messageEnglish: "Column \"\(header)\" repeats \(schema.column(key)?.header ?? key); only the first is read."))
        }
        for spec in match.missingRequired {
            if let near = nearMisses[spec.key] {
                data.findings.append(ImportFinding(.missingColumn, file: file, sheet: name,
                    cell: CellReference.columnName(near.column) + String(headerRow), columnKey: spec.key, header: spec.header,
                    message: "Thiếu cột bắt buộc \"\(spec.header)\" trên sheet \(schema.sheetName); cột \"\(near.header)\" có thể là \"\(spec.header)\": nếu đúng, đổi tên cột.",
                    messageEnglish: "Required column \"\(spec.header)\" missing from \(schema.sheetName); column \"\(near.header)\" may be \"\(spec.header)\": if so, rename it."))
                continue
            }
            data.findings.append(ImportFinding(.missingColumn, file: file, sheet: name, cell: "\(headerRow):\(headerRow)",
                columnKey: spec.key, header: spec.header,
                message: "Thiếu cột bắt buộc \"\(spec.header)\" trên sheet \(schema.sheetName).",
                messageEnglish: "Required column \"\(spec.header)\" missing from \(schema.sheetName)."))
        }
    }
}
