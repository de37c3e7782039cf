import Dispatch

/// The cross-sheet checks: duplicate course ids, rows naming unknown courses, and rows
/// about the same thing that repeat (identical: ignored) or disagree (conflict: first kept).
extension Dataset {
    /// Runs every check once; called by ``Dataset/init(sheets:)`` and ``Dataset/load(paths:)``.
    public mutating func runChecks() {
        // One name per team across the files, before anything compares teams.
        resolveTeams()
        // Each list is taken out of `self` while it is checked, so that it is the only
        // reference to its records and the duplicates can be removed in place.
        func check<T: Hashable, K: Hashable>(_ list: WritableKeyPath<Dataset, [T]>, what: String, whatEN: String,
                                             key: (UnsafePointer<T>) -> K, course: (T) -> String?, source: (T) -> SourceRow,
                                             strip: (T) -> T, duplicateKind: ImportFinding.Kind? = nil) {
            var items = self[keyPath: list]
            self[keyPath: list] = []
            findings += Dataset.dedupe(&items, what: what, whatEN: whatEN, key: key, course: course, source: source,
                                       strip: strip, duplicateKind: duplicateKind)
            self[keyPath: list] = items
        }
        // The unit lists are by far the longest: their repeats are looked for on a second
        // thread while the other lists are checked here, unless the thread that decoded them
        // found them already; the findings keep their order.
        let unitCheck = UnitCheck(units, repeats: unitRepeats)
        units = []
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { unitCheck.run() }
        check(\.courses, what: "khóa", whatEN: "course", key: { $0.pointee.id }, course: { $0.id }, source: { $0.source },
              strip: { var c = $0; c.source = Dataset.placeholder; return c }, duplicateKind: .duplicateCourse)
        let unitFindingsAt = findings.count
        check(\.staffAssignments, what: "phân công", whatEN: "assignment",
              key: { "\($0.pointee.courseId)|\(HeaderNormalizer.key($0.pointee.staff))|\($0.pointee.from?.description ?? "")" },
              course: { $0.courseId }, source: { $0.source }, strip: { var s = $0; s.source = Dataset.placeholder; return s })
        check(\.trackings, what: "dòng theo dõi", whatEN: "tracking row", key: { $0.pointee.courseId }, course: { $0.courseId },
              source: { $0.source }, strip: { var t = $0; t.source = Dataset.placeholder; return t })
        check(\.preChecks, what: "dòng kiểm tra", whatEN: "check", key: { $0.pointee.courseId }, course: { $0.courseId },
              source: { $0.source }, strip: { var p = $0; p.source = Dataset.placeholder; return p })
        check(\.sessionReports, what: "báo cáo buổi", whatEN: "session report",
              key: { "\($0.pointee.courseId)|\($0.pointee.date)|\($0.pointee.session.rawValue)" }, course: { $0.courseId },
              source: { $0.source }, strip: { var s = $0; s.source = Dataset.placeholder; return s })
        check(\.dailyLogs, what: "nhật ký ngày", whatEN: "daily log", key: { "\($0.pointee.date)|\(HeaderNormalizer.key($0.pointee.staff))" },
              course: { _ in nil }, source: { $0.source }, strip: { var d = $0; d.source = Dataset.placeholder; return d })
        check(\.reportLog, what: "báo cáo tuần", whatEN: "weekly report",
              key: { "\($0.pointee.week)|\($0.pointee.level.rawValue)|\(HeaderNormalizer.key($0.pointee.team ?? ""))" }, course: { _ in nil },
              source: { $0.source }, strip: { var e = $0; e.source = Dataset.placeholder; return e })

        group.wait()
        units = unitCheck.take()
        findings.insert(contentsOf: unitCheck.findings, at: unitFindingsAt)

        let known = Set(courses.map(\.id))
        guard !courses.isEmpty else { return }
        func unknown<T>(_ items: [T], _ id: (UnsafePointer<T>) -> String?, _ source: (T) -> SourceRow, _ sheet: String) {
            items.withUnsafeBufferPointer { items in
                guard let base = items.baseAddress else { return }
                for i in items.indices {
                    guard let id = id(base + i), !known.contains(id) else { continue }
                    report(id, source(items[i]), sheet)
                }
            }
        }
        func report(_ id: String, _ source: SourceRow, _ sheet: String) {
            findings.append(ImportFinding(.unknownCourse, file: source.file, sheet: source.sheet, cell: source.cell("courseId"),
                columnKey: "courseId", raw: id, courseId: id,
                message: "Mã khóa \"\(id)\" trên \(sheet) không có trong bảng bàn giao kế hoạch.",
                messageEnglish: "Course id \"\(id)\" on the \(sheet) is not in the handover plan."))
        }
        unknown(units, { $0.pointee.courseId }, { $0.source }, "danh sách đơn vị")
        unknown(staffAssignments, { $0.pointee.courseId }, { $0.source }, "kế hoạch nhân sự")
        unknown(trackings, { $0.pointee.courseId }, { $0.source }, "sheet theo dõi khóa")
        unknown(preChecks, { $0.pointee.courseId }, { $0.source }, "sheet chuẩn bị trước TH")
        unknown(sessionReports, { $0.pointee.courseId }, { $0.source }, "báo cáo trong TH")
        unknown(opinions, { $0.pointee.courseId }, { $0.source }, "sheet kiến nghị")
    }

    /// The repeats of a unit list, looked for on a thread of their own.
    private final class UnitCheck: @unchecked Sendable {
        private var units: [Unit]
        private let repeats: Repeats?
        private(set) var findings: [ImportFinding] = []

        init(_ units: [Unit], repeats: Repeats?) {
            self.units = units
            self.repeats = repeats
        }

        func run() {
            findings = Dataset.drop(repeats ?? Dataset.unitRepeats(in: units), from: &units, what: "đơn vị", whatEN: "unit",
                                    course: { $0.courseId }, source: { $0.source },
                                    strip: { var u = $0; u.source = Dataset.placeholder; return u }, duplicateKind: nil)
        }

        /// The list once checked; the box is empty afterwards.
        func take() -> [Unit] {
            var taken: [Unit] = []
            swap(&taken, &units)
            return taken
        }
    }

    /// The repeats found in a list of `count` records, in list order: each repeat's position
    /// with that of the first record of its key.
    struct Repeats: Sendable {
        let count: Int
        var pairs: [(repeat: Int, first: Int)] = []
    }

    /// Two parts of a record's identity, hashed without joining them into one string.
    private struct RecordKey: Hashable, CustomStringConvertible {
        var first: String
        var second: String
        init(_ first: String, _ second: String) {
            self.first = first
            self.second = second
        }
        var description: String { "\(first)|\(second)" }
    }

    private static var placeholder: SourceRow { SourceRow(file: "", sheet: "", row: 0, columns: [:]) }

    /// The repeats among `units` (same course and unit id as an earlier one).
    static func unitRepeats(in units: [Unit]) -> Repeats {
        repeats(in: units, key: { RecordKey($0.pointee.courseId, $0.pointee.id) })
    }

    /// Where a list's records repeat an earlier one's key, in list order: the position of each
    /// repeat with that of the first record of its key.
    static func repeats<T, K: Hashable>(in items: [T], key: (UnsafePointer<T>) -> K) -> Repeats {
        var found = Repeats(count: items.count)
        // Keys map to positions; each record is looked at in place, never copied whole.
        var firstByKey: [K: Int] = [:]
        firstByKey.reserveCapacity(items.count)
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in buffer.indices {
                let k = key(base + i)
                // One hash per record: the position goes in, and a repeat puts the first back.
                guard let f = firstByKey.updateValue(i, forKey: k) else { continue }
                firstByKey[k] = f
                found.pairs.append((repeat: i, first: f))
            }
        }
        return found
    }

    /// Removes, in place, every record whose key an earlier one has, and returns a finding for
    /// each: a repeated course id, an identical row (ignored) or a conflicting one (the first kept).
    private static func dedupe<T: Hashable, K: Hashable>(_ items: inout [T], what: String, whatEN: String,
                                                         key: (UnsafePointer<T>) -> K, course: (T) -> String?,
                                                         source: (T) -> SourceRow, strip: (T) -> T,
                                                         duplicateKind: ImportFinding.Kind?) -> [ImportFinding] {
        drop(repeats(in: items, key: key), from: &items, what: what, whatEN: whatEN, course: course, source: source,
             strip: strip, duplicateKind: duplicateKind)
    }

    /// Removes the `repeats` found in `items`, in place, and returns a finding for each.
    private static func drop<T: Hashable>(_ repeats: Repeats, from items: inout [T], what: String, whatEN: String,
                                          course: (T) -> String?, source: (T) -> SourceRow, strip: (T) -> T,
                                          duplicateKind: ImportFinding.Kind?) -> [ImportFinding] {
        precondition(repeats.count == items.count, "repeats found in another list")
        var findings: [ImportFinding] = []
        items.withUnsafeBufferPointer { buffer in
            for (i, f) in repeats.pairs {
                let item = buffer[i], first = buffer[f]
                let here = source(item), there = source(first)
                let firstPlace = "\(there.file) › \(there.sheet) dòng \(there.row)"
                let firstPlaceEN = "\(there.file) › \(there.sheet) row \(there.row)"
                let kind: ImportFinding.Kind = duplicateKind ?? (strip(item) == strip(first) ? .duplicateRow : .conflictingRow)
                let (vi, en): (String, String)
                switch kind {
                case .duplicateRow:
                    (vi, en) = ("Dòng lặp lại \(what) đã có ở \(firstPlace); bỏ qua.", "Repeats the \(whatEN) at \(firstPlaceEN); ignored.")
                case .duplicateCourse:
                    let id = course(item) ?? ""
                    (vi, en) = ("Mã khóa \(id) trùng với dòng \(firstPlace); chỉ dùng dòng đầu.",
                                "Course id \(id) repeats \(firstPlaceEN); only the first row is used.")
                default:
                    (vi, en) = ("Dòng \(what) mâu thuẫn với \(firstPlace) (cùng khóa nhưng khác giá trị); dùng dòng đầu.",
                                "This \(whatEN) conflicts with \(firstPlaceEN) (same key, different values); the first is used.")
                }
                findings.append(ImportFinding(kind, file: here.file, sheet: here.sheet, cell: "\(here.row):\(here.row)",
                                              courseId: course(item), message: vi, messageEnglish: en))
            }
        }
        let dropped = repeats.pairs
        guard !dropped.isEmpty else { return findings }
        // Kept records slide down over the dropped ones (swaps move, they do not copy), which
        // end up at the tail and are removed there.
        var kept = 0
        items.withUnsafeMutableBufferPointer { buffer in
            var next = 0
            for i in buffer.indices {
                if next < dropped.count, dropped[next].repeat == i {
                    next += 1
                    continue
                }
                if kept != i { buffer.swapAt(kept, i) }
                kept += 1
            }
        }
        items.removeLast(items.count - kept)
        return findings
    }
}

extension Dataset {
    /// Gives each course whose product is written as one of the office's own names
    /// (``Settings/productAliases``) the product it stands for, and so its lead time; the
    /// warning that the name belongs to no known family is then withdrawn.
    mutating func applyProductAliases(_ settings: Settings) {
        guard !settings.productAliases.isEmpty else { return }
        var named: Set<String> = []
        for i in courses.indices {
            guard let text = courses[i].productText, let product = settings.product(aliasOf: text) else { continue }
            courses[i].product = product
            if let cell = courses[i].source.cell("product") { named.insert(courses[i].source.file + "\u{0}" + courses[i].source.sheet + "\u{0}" + cell) }
        }
        guard !named.isEmpty else { return }
        findings.removeAll { f in
            f.kind == .unknownValue && f.columnKey == "product" && named.contains(f.file + "\u{0}" + (f.sheet ?? "") + "\u{0}" + (f.cell ?? ""))
        }
    }
}
