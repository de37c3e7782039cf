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
    mutating func finish(findingRepeats: Bool = false) -> Dataset {
        if findingRepeats, !data.units.isEmpty { data.unitRepeats = Dataset.unitRepeats(in: data.units) }
        if case .scanning = state { recognise() }
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
            // Totals, notes, signature blocks, spacers and repeated headers are not records.
            guard rows?.classify(cells) ?? .record == .record else { return }
            dataRows += 1
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
            var seen = Set<String>()
            let row = data.findings[before...].filter { seen.insert("\($0.kind) \($0.cell ?? "") \($0.message)").inserted }
            data.findings.replaceSubrange(before..., with: row)
        case .unrecognised(let hasContent):
            if !hasContent, cells.contains(where: { !$0.isEmpty }) { state = .unrecognised(hasContent: true) }
        case .scanning:
            break
        }
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
        for (c, header) in match.unknownColumns where !namedAsMissing.contains(c) {
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
