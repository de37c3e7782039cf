import XLSX

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything read from the office's workbooks, joined by course id, with the problems met
/// on the way. Built from sheets of any kind in any order; the cross-sheet checks
/// (duplicate course ids, rows of unknown courses, conflicting rows) run once all are in.
public struct Dataset: Sendable {
    /// Courses from the handover plan, in reading order, one per id.
    public var courses: [Course] = []
    /// Units from the unit lists.
    public var units: [Unit] = [] {
        didSet { unitRepeats = nil }
    }
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
    /// The repeats among `units`, when the thread that decoded them found them ahead of
    /// ``runChecks()``; forgotten whenever `units` changes.
    var unitRepeats: Repeats?

    /// An empty dataset.
    public init() {}

    /// A dataset from sheets, each tagged with its file name; cross-sheet checks included.
    public init(sheets: [(file: String, grid: SheetGrid)]) {
        for (file, grid) in sheets { add(grid, file: file) }
        runChecks()
    }

    /// The course with `id` (compared as ``Dataset`` canonicalises ids).
    public func course(_ id: String) -> Course? {
        let key = courseKey(id)
        return courses.first { $0.id == key }
    }

    /// The units of a course.
    public func units(of courseId: String) -> [Unit] { units.filter { $0.courseId == courseKey(courseId) } }

    /// The staff assignments of a course.
    public func staff(of courseId: String) -> [StaffAssignment] {
        staffAssignments.filter { $0.courseId == courseKey(courseId) }
    }

    /// The tracking row of a course.
    public func tracking(of courseId: String) -> CourseTracking? {
        trackings.first { $0.courseId == courseKey(courseId) }
    }

    /// The day-before check of a course.
    public func preCheck(of courseId: String) -> PreCheck? {
        preChecks.first { $0.courseId == courseKey(courseId) }
    }

    /// The session reports of a course, in date and session order.
    public func sessionReports(of courseId: String) -> [SessionReport] {
        sessionReports.filter { $0.courseId == courseKey(courseId) }.sorted { ($0.date, $0.session) < ($1.date, $1.session) }
    }

    /// The records of each kind, and the findings, in the order of their rows (stable): after
    /// rows of one sheet were decoded out of order (``SheetImporter``).
    mutating func sortBySourceRow() {
        func sorted<T>(_ items: inout [T], _ row: (T) -> Int) {
            items = items.enumerated().sorted { (row($0.element), $0.offset) < (row($1.element), $1.offset) }.map(\.element)
        }
        sorted(&courses) { $0.source.row }
        sorted(&units) { $0.source.row }
        sorted(&staffAssignments) { $0.source.row }
        sorted(&trackings) { $0.source.row }
        sorted(&preChecks) { $0.source.row }
        sorted(&sessionReports) { $0.source.row }
        sorted(&opinions) { $0.source.row }
        sorted(&dailyLogs) { $0.source.row }
        sorted(&reportLog) { $0.source.row }
        sorted(&findings) { f in
            guard let cell = f.cell else { return Int.min }
            return Int(cell.reversed().prefix { $0.isNumber }.reversed().map(String.init).joined()) ?? Int.min
        }
    }

    /// Findings of `kind`.
    public func findings(_ kind: ImportFinding.Kind) -> [ImportFinding] { findings.filter { $0.kind == kind } }

    /// Recognises one sheet and reads its rows (headers by `vocabulary`); a sheet of no known
    /// kind is reported.
    public mutating func add(_ grid: SheetGrid, file: String, vocabulary: ColumnVocabulary = .standard) {
        // A layout to fill (ours in samples/layouts, a lead's own) holds placeholders, not data.
        if grid.isLayout { return }
        var importer = SheetImporter(name: grid.name, file: file, dateSystem: grid.dateSystem, vocabulary: vocabulary)
        for (index, cells) in grid.rows.enumerated() { importer.add(row: index, cells: cells) }
        append(importer.finish(merges: grid.merges))
    }

    /// Appends the records, findings and sheets of `other` (read after `self`), before the
    /// cross-sheet checks run once over the whole. Only the shorter of two lists is copied
    /// record by record: a list still empty here takes `other`'s as it is, and a long list of
    /// `other` that nothing else holds gets this one's records inserted at its front.
    public mutating func append(_ other: consuming Dataset) {
        func join<T>(_ mine: inout [T], _ theirs: inout [T]) {
            // (Appending nothing would still give an empty list storage of its own.)
            guard !theirs.isEmpty else { return }
            if mine.capacity - mine.count >= theirs.count {
                // Room made ahead (``append(contentsOf:)``): nothing of this list moves.
                mine += theirs
            } else if mine.isEmpty {
                swap(&mine, &theirs)
            } else if theirs.count > mine.count {
                theirs.insert(contentsOf: mine, at: 0)
                swap(&mine, &theirs)
            } else {
                mine += theirs
            }
        }
        // Repeats found in one list stand for the joined list when the other is empty.
        let repeats = units.isEmpty ? other.unitRepeats : other.units.isEmpty ? unitRepeats : nil
        join(&courses, &other.courses)
        join(&units, &other.units)
        unitRepeats = repeats
        join(&staffAssignments, &other.staffAssignments)
        join(&trackings, &other.trackings)
        join(&preChecks, &other.preChecks)
        join(&sessionReports, &other.sessionReports)
        join(&opinions, &other.opinions)
        join(&dailyLogs, &other.dailyLogs)
        join(&reportLog, &other.reportLog)
        join(&findings, &other.findings)
        join(&sheets, &other.sheets)
    }

    /// Appends `parts` in order, as ``append(_:)`` one by one would, with room for each list
    /// made once for all of them: a list that grows part by part is copied again every time
    /// it outgrows its room, faulting in fresh memory each time.
    public mutating func append(contentsOf parts: consuming [Dataset]) {
        // Records per list and how many parts have any, each part looked at in place: one
        // looked at by value (or through a key path) is copied, retaining all its lists.
        var counts = [Int](repeating: 0, count: 11), holders = [Int](repeating: 0, count: 11)
        func tally(_ k: Int, _ n: Int) {
            guard n > 0 else { return }
            counts[k] += n
            holders[k] += 1
        }
        parts.withUnsafeBufferPointer { parts in
            guard let base = parts.baseAddress else { return }
            for p in base..<base + parts.count {
                tally(0, p.pointee.courses.count)
                tally(1, p.pointee.units.count)
                tally(2, p.pointee.staffAssignments.count)
                tally(3, p.pointee.trackings.count)
                tally(4, p.pointee.preChecks.count)
                tally(5, p.pointee.sessionReports.count)
                tally(6, p.pointee.opinions.count)
                tally(7, p.pointee.dailyLogs.count)
                tally(8, p.pointee.reportLog.count)
                tally(9, p.pointee.findings.count)
                tally(10, p.pointee.sheets.count)
            }
        }
        // A list that only one part has is taken whole by ``append(_:)``, not copied.
        func reserve<T>(_ list: inout [T], _ k: Int) {
            let more = counts[k]
            guard holders[k] + (list.isEmpty ? 0 : 1) > 1, list.count + more > list.capacity else { return }
            list.reserveCapacity(list.count + more)
        }
        reserve(&courses, 0)
        reserve(&units, 1)
        reserve(&staffAssignments, 2)
        reserve(&trackings, 3)
        reserve(&preChecks, 4)
        reserve(&sessionReports, 5)
        reserve(&opinions, 6)
        reserve(&dailyLogs, 7)
        reserve(&reportLog, 8)
        reserve(&findings, 9)
        reserve(&sheets, 10)
        for i in parts.indices {
            // Taken out, so that the part's lists are held by it alone while they are appended.
            var part = Dataset()
            swap(&part, &parts[i])
            append(part)
        }
    }
}

extension SheetGrid {
    /// Whether a cell holds a template placeholder or block marker (`{{team}}`, `Tuần
    /// {{week}}`, `{{#courses}}`): the sheet is a report layout waiting to be filled.
    public var isLayout: Bool {
        rows.contains { row in row.contains(where: \.isPlaceholder) }
    }
}

extension CellValue {
    /// A string holding `{{…}}`: a template placeholder, not data.
    var isPlaceholder: Bool {
        // Looked for in every cell read: a brace is searched for in the bytes first.
        guard case .string(let s) = self,
              s.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? false : memchr($0.baseAddress!, 0x7B, $0.count) != nil }) ?? s.utf8.contains(0x7B),
              let open = s.range(of: "{{") else { return false }
        return s[open.upperBound...].contains("}}")
    }
}
