/// The cross-sheet checks: duplicate course ids, rows naming unknown courses, and rows
/// about the same thing that repeat (identical: ignored) or disagree (conflict: first kept).
extension Dataset {
    /// Runs every check once; called by ``Dataset/init(sheets:)`` and ``Dataset/load(paths:)``.
    public mutating func runChecks() {
        courses = dedupe(courses, what: "khóa", whatEN: "course", key: { $0.id }, course: { $0.id }, source: { $0.source },
                         strip: { var c = $0; c.source = Dataset.placeholder; return c }, duplicateKind: .duplicateCourse)
        units = dedupe(units, what: "đơn vị", whatEN: "unit", key: { "\($0.courseId)|\($0.id)" }, course: { $0.courseId },
                       source: { $0.source }, strip: { var u = $0; u.source = Dataset.placeholder; return u })
        staffAssignments = dedupe(staffAssignments, what: "phân công", whatEN: "assignment",
                                  key: { "\($0.courseId)|\(HeaderNormalizer.key($0.staff))|\($0.from?.description ?? "")" },
                                  course: { $0.courseId }, source: { $0.source }, strip: { var s = $0; s.source = Dataset.placeholder; return s })
        trackings = dedupe(trackings, what: "dòng theo dõi", whatEN: "tracking row", key: { $0.courseId }, course: { $0.courseId },
                           source: { $0.source }, strip: { var t = $0; t.source = Dataset.placeholder; return t })
        preChecks = dedupe(preChecks, what: "dòng kiểm tra", whatEN: "check", key: { $0.courseId }, course: { $0.courseId },
                           source: { $0.source }, strip: { var p = $0; p.source = Dataset.placeholder; return p })
        sessionReports = dedupe(sessionReports, what: "báo cáo buổi", whatEN: "session report",
                                key: { "\($0.courseId)|\($0.date)|\($0.session.rawValue)" }, course: { $0.courseId },
                                source: { $0.source }, strip: { var s = $0; s.source = Dataset.placeholder; return s })
        dailyLogs = dedupe(dailyLogs, what: "nhật ký ngày", whatEN: "daily log", key: { "\($0.date)|\(HeaderNormalizer.key($0.staff))" },
                           course: { _ in nil }, source: { $0.source }, strip: { var d = $0; d.source = Dataset.placeholder; return d })
        reportLog = dedupe(reportLog, what: "báo cáo tuần", whatEN: "weekly report",
                           key: { "\($0.week)|\($0.level.rawValue)|\(HeaderNormalizer.key($0.team ?? ""))" }, course: { _ in nil },
                           source: { $0.source }, strip: { var e = $0; e.source = Dataset.placeholder; return e })

        let known = Set(courses.map(\.id))
        guard !courses.isEmpty else { return }
        func unknown<T>(_ items: [T], _ id: (T) -> String?, _ source: (T) -> SourceRow, _ sheet: String) {
            items.withUnsafeBufferPointer { items in
                for item in items {
                    guard let id = id(item), !known.contains(id) else { continue }
                    report(id, source(item), sheet)
                }
            }
        }
        func report(_ id: String, _ source: SourceRow, _ sheet: String) {
            findings.append(ImportFinding(.unknownCourse, file: source.file, sheet: source.sheet, cell: source.cell("courseId"),
                columnKey: "courseId", raw: id, courseId: id,
                message: "Mã khóa \"\(id)\" trên \(sheet) không có trong bảng bàn giao kế hoạch.",
                messageEnglish: "Course id \"\(id)\" on the \(sheet) is not in the handover plan."))
        }
        unknown(units, { $0.courseId }, { $0.source }, "danh sách đơn vị")
        unknown(staffAssignments, { $0.courseId }, { $0.source }, "kế hoạch nhân sự")
        unknown(trackings, { $0.courseId }, { $0.source }, "sheet theo dõi khóa")
        unknown(preChecks, { $0.courseId }, { $0.source }, "sheet chuẩn bị trước TH")
        unknown(sessionReports, { $0.courseId }, { $0.source }, "báo cáo trong TH")
        unknown(opinions, { $0.courseId }, { $0.source }, "sheet kiến nghị")
    }

    private static var placeholder: SourceRow { SourceRow(file: "", sheet: "", row: 0, columns: [:]) }

    private mutating func dedupe<T: Hashable>(_ items: [T], what: String, whatEN: String, key: (T) -> String,
                                              course: (T) -> String?, source: (T) -> SourceRow, strip: (T) -> T,
                                              duplicateKind: ImportFinding.Kind? = nil) -> [T] {
        // Keys map to positions: the records themselves are copied only when some are dropped.
        var firstByKey: [String: Int] = [:]
        firstByKey.reserveCapacity(items.count)
        var dropped: [Int] = []
        let keys = items.withUnsafeBufferPointer { $0.map(key) }
        for (i, k) in keys.enumerated() {
            guard let f = firstByKey[k] else {
                firstByKey[k] = i
                continue
            }
            dropped.append(i)
            let item = items[i], first = items[f]
            let here = source(item), there = source(first)
            let firstPlace = "\(there.file) › \(there.sheet) dòng \(there.row)"
            let firstPlaceEN = "\(there.file) › \(there.sheet) row \(there.row)"
            let kind: ImportFinding.Kind = duplicateKind ?? (strip(item) == strip(first) ? .duplicateRow : .conflictingRow)
            let (vi, en): (String, String)
            switch kind {
            case .duplicateRow:
                (vi, en) = ("Dòng lặp lại \(what) đã có ở \(firstPlace); bỏ qua.", "Repeats the \(whatEN) at \(firstPlaceEN); ignored.")
            case .duplicateCourse:
                (vi, en) = ("Mã khóa \(k) trùng với dòng \(firstPlace); chỉ dùng dòng đầu.",
                            "Course id \(k) repeats \(firstPlaceEN); only the first row is used.")
            default:
                (vi, en) = ("Dòng \(what) mâu thuẫn với \(firstPlace) (cùng khóa nhưng khác giá trị); dùng dòng đầu.",
                            "This \(whatEN) conflicts with \(firstPlaceEN) (same key, different values); the first is used.")
            }
            findings.append(ImportFinding(kind, file: here.file, sheet: here.sheet, cell: "\(here.row):\(here.row)",
                                          courseId: course(item), message: vi, messageEnglish: en))
        }
        guard !dropped.isEmpty else { return items }
        var kept: [T] = []
        kept.reserveCapacity(items.count - dropped.count)
        var next = 0
        for i in items.indices {
            if next < dropped.count, dropped[next] == i { next += 1 } else { kept.append(items[i]) }
        }
        return kept
    }
}
