import XLSX

/// Everything read from the office's workbooks, joined by course id, with the problems met
/// on the way. Built from sheets of any kind in any order; the cross-sheet checks
/// (duplicate course ids, rows of unknown courses, conflicting rows) run once all are in.
public struct Dataset: Sendable {
    /// Courses from the handover plan, in reading order, one per id.
    public var courses: [Course] = []
    /// Units from the unit lists.
    public var units: [Unit] = []
    /// Staff assignments.
    public var staffAssignments: [StaffAssignment] = []
    /// Course tracking rows, one per course.
    public var trackings: [CourseTracking] = []
    /// Day-before checks, one per course.
    public var preChecks: [PreCheck] = []
    /// Session reports, one per course, date and session.
    public var sessionReports: [SessionReport] = []
    /// Recorded opinions.
    public var opinions: [Opinion] = []
    /// Daily logs, one per staff member and day.
    public var dailyLogs: [DailyLog] = []
    /// Weekly reports sent.
    public var reportLog: [ReportLogEntry] = []
    /// Problems met while importing.
    public var findings: [ImportFinding] = []
    /// The sheets recognised, in reading order.
    public var sheets: [RecognisedSheet] = []

    /// An empty dataset.
    public init() {}

    /// A dataset from sheets, each tagged with its file name; cross-sheet checks included.
    public init(sheets: [(file: String, grid: SheetGrid)]) {
        for (file, grid) in sheets { add(grid, file: file) }
        runChecks()
    }

    /// The course with `id` (compared as ``Dataset`` canonicalises ids).
    public func course(_ id: String) -> Course? {
        let key = canonicalCourseId(id)
        return courses.first { $0.id == key }
    }

    /// The units of a course.
    public func units(of courseId: String) -> [Unit] { units.filter { $0.courseId == canonicalCourseId(courseId) } }

    /// The staff assignments of a course.
    public func staff(of courseId: String) -> [StaffAssignment] {
        staffAssignments.filter { $0.courseId == canonicalCourseId(courseId) }
    }

    /// The tracking row of a course.
    public func tracking(of courseId: String) -> CourseTracking? {
        trackings.first { $0.courseId == canonicalCourseId(courseId) }
    }

    /// The day-before check of a course.
    public func preCheck(of courseId: String) -> PreCheck? {
        preChecks.first { $0.courseId == canonicalCourseId(courseId) }
    }

    /// The session reports of a course, in date and session order.
    public func sessionReports(of courseId: String) -> [SessionReport] {
        sessionReports.filter { $0.courseId == canonicalCourseId(courseId) }.sorted { ($0.date, $0.session) < ($1.date, $1.session) }
    }

    /// Findings of `kind`.
    public func findings(_ kind: ImportFinding.Kind) -> [ImportFinding] { findings.filter { $0.kind == kind } }

    /// Recognises one sheet and reads its rows; a sheet of no known kind is reported.
    public mutating func add(_ grid: SheetGrid, file: String) {
        // A layout to fill (ours in samples/layouts, a lead's own) holds placeholders, not data.
        if grid.isLayout { return }
        guard let match = HeaderRecognizer.recognise(grid.rows) else {
            // The instructions sheet of our own templates, and the printable checklist of our
            // forms (its answers feed the pre-course check sheet), are not data.
            let isInstructions = [TemplateGuide.sheetName, FormsWorkbook.listSheet].contains { HeaderNormalizer.key(grid.name) == HeaderNormalizer.key($0) }
            if !isInstructions, grid.rows.contains(where: { $0.contains { !$0.isEmpty } }) {
                findings.append(ImportFinding(.unrecognisedSheet, file: file, sheet: grid.name,
                    message: "Không nhận ra sheet \"\(grid.name)\": không thấy dòng tiêu đề của loại sheet nào.",
                    messageEnglish: "Sheet \"\(grid.name)\" not recognised: no header row of a known kind."))
            }
            return
        }
        let schema = match.kind.schema
        let headerRow = match.headerRow + 1
        for (c, header) in match.unknownColumns {
            findings.append(ImportFinding(.unknownColumn, file: file, sheet: grid.name,
                cell: CellReference.columnName(c) + String(headerRow), header: header,
                message: "Cột \"\(header)\" không thuộc mẫu \"\(schema.sheetName)\": giữ nguyên, không đọc.",
                messageEnglish: "Column \"\(header)\" is not part of \"\(schema.sheetName)\": kept, not read."))
        }
        for (c, header, key) in match.duplicateColumns {
            findings.append(ImportFinding(.duplicateColumn, file: file, sheet: grid.name,
                cell: CellReference.columnName(c) + String(headerRow), columnKey: key, header: header,
                message: "Cột \"\(header)\" trùng với cột \(schema.column(key)?.header ?? key) đã có; chỉ đọc cột đầu.",
                messageEnglish: "Column \"\(header)\" repeats \(schema.column(key)?.header ?? key); only the first is read."))
        }
        for spec in match.missingRequired {
            findings.append(ImportFinding(.missingColumn, file: file, sheet: grid.name, cell: "\(headerRow):\(headerRow)",
                columnKey: spec.key, header: spec.header,
                message: "Thiếu cột bắt buộc \"\(spec.header)\" trên sheet \(schema.sheetName).",
                messageEnglish: "Required column \"\(spec.header)\" missing from \(schema.sheetName)."))
        }
        var dataRows = 0
        for r in (match.headerRow + 1)..<max(match.headerRow + 1, grid.rows.count) {
            let cells = grid.rows[r]
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            dataRows += 1
            var extras: [String: String] = [:]
            for (c, header) in match.unknownColumns where c < cells.count {
                if let text = CellParser.text(cells[c]) { extras[header] = text }
            }
            let source = SourceRow(file: file, sheet: grid.name, row: r + 1, columns: match.columns, extras: extras)
            let reader = RowReader(cells: cells, schema: schema, match: match, source: source, system: grid.dateSystem)
            decode(match.kind, reader)
            findings += reader.findings
        }
        sheets.append(RecognisedSheet(file: file, sheet: grid.name, header: match, dataRows: dataRows))
    }
}

extension SheetGrid {
    /// Whether a cell holds a template placeholder or block marker (`{{team}}`, `Tuần
    /// {{week}}`, `{{#courses}}`): the sheet is a report layout waiting to be filled.
    public var isLayout: Bool {
        rows.contains { row in
            row.contains { cell in
                guard case .string(let s) = cell, let open = s.range(of: "{{") else { return false }
                return s[open.upperBound...].contains("}}")
            }
        }
    }
}
