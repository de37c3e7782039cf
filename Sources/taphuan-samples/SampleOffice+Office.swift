import TrainingOps
import XLSX

/// Opinions, daily logs, the weekly report log and the faults of form.
extension SampleOffice {
    static let opinionTexts: [(String, OpinionImpact)] = [
        ("Đề nghị bổ sung mẫu báo cáo quyết toán theo Thông tư 24", .other),
        ("Đơn vị phản ánh phần mềm chậm khi tính lương tháng 11", .other),
        ("Đề nghị gia hạn thời gian dùng thử trước khi ký hợp đồng", .sales),
        ("Đơn vị chưa thanh toán phí triển khai, xin lùi sang quý 1", .debtCollection),
        ("Đề nghị tổ chức thêm một buổi cho kế toán mới", .sales),
        ("Lỗi in bảng lương có phụ cấp thâm niên vượt khung", .other),
        ("Chủ quản yêu cầu báo cáo tổng hợp toàn huyện", .sales),
        ("Đơn vị xin giảm giá gói gia hạn năm 2027", .debtCollection),
        ("Đề nghị hướng dẫn nhập số dư đầu kỳ từ phần mềm cũ", .other),
        ("Giảng viên nói nhanh, đề nghị gửi video bài giảng", .other),
    ]

    mutating func makeOpinions() {
        let ended = courses.indices.filter { self.ended(courses[$0]) }
        for (n, i) in ended.enumerated() where n % 4 != 3 {
            let c = courses[i]
            guard let end = c.endDate else { continue }
            let text = Self.opinionTexts[n % Self.opinionTexts.count]
            var o = Opinion(recorded: end, content: text.0, source: Self.nowhere)
            o.id = "YK-\(two(opinions.count + 1))"
            o.courseId = c.id
            o.unit = units.first { $0.courseId == c.id }?.name
            o.impact = text.1
            o.handler = r.chance(0.5) ? teams[courseTeam[i]].lead : head
            o.due = end.adding(days: 10)
            if let due = o.due, due < asOfDate {
                o.status = .done
                o.doneDate = end.adding(days: r.int(2...9))
                o.progressNote = "Đã xử lý, đơn vị xác nhận"
            } else {
                o.status = r.chance(0.5) ? .inProgress : .new
                o.progressNote = o.status == .inProgress ? "Đang làm việc với đơn vị" : nil
            }
            o.escalated = text.1 != .other && n % 3 == 0
            opinions.append(o)
        }
        // Past due and still open.
        for n in [1, 5] where n < opinions.count {
            opinions[n].status = n == 1 ? .inProgress : .new
            opinions[n].doneDate = nil
            opinions[n].progressNote = n == 1 ? "Chờ bộ phận kỹ thuật" : nil
            key.append(KeyEntry(rule: "OPINION_OVERDUE", courseId: opinions[n].courseId, place: .cell(.opinions, n, "status"),
                                note: "Hạn xử lý \(opinions[n].due?.vietnamese ?? "") đã qua, trạng thái \(opinions[n].status?.label ?? "")."))
        }
    }

    // MARK: - Daily logs

    mutating func makeDailyLogs() {
        let missing: Set<String> = ["Lê Văn Hậu|2026-11-03", "Dương Thị Mỹ Duyên|2026-11-19"]
        var day = Self.firstMonday
        while day < asOfDate {
            defer { day = day.adding(days: 1) }
            guard day.isoWeekday <= 5 else { continue }
            for (t, team) in teams.enumerated() {
                for name in team.staff where !isBusy(name, on: day) {
                    if missing.contains("\(name)|\(day)") {
                        key.append(KeyEntry(rule: "DAILY_LOG_MISSING", courseId: nil, place: .sheet(.dailyLog, team: nil),
                                            note: "\(name) (\(team.name)) không có nhật ký ngày \(day.vietnamese), không đi lớp."))
                        continue
                    }
                    var d = DailyLog(date: day, staff: name, source: Self.nowhere)
                    d.team = team.name
                    d.customerSupport = r.int(0...6)
                    d.agencyCare = r.int(0...2)
                    d.sectorReports = r.int(0...3)
                    d.singleTrainings = r.int(0...1)
                    let unfinished = r.chance(0.3) ? r.int(1...4) : 0
                    d.handedToDepartment = unfinished > 0 ? r.pick(["Phòng Chăm sóc khách hàng", "Bộ phận Kinh doanh", "Bộ phận Kỹ thuật"]) : nil
                    d.unfinishedUnits = unfinished
                    d.pendingCustomers = r.int(0...5)
                    d.difficulties = r.chance(0.1) ? r.pick(["Đơn vị gọi ngoài giờ", "Thiếu máy demo", "Chưa có mẫu báo cáo mới"]) : nil
                    _ = t
                    dailyLogs.append(d)
                }
            }
        }
    }

    // MARK: - Weekly report log

    mutating func makeReportLog() {
        for w in 0..<6 {
            let monday = Self.firstMonday.adding(days: 7 * w)
            let week = Week(containing: monday)
            let friday = monday.adding(days: 4), saturday = monday.adding(days: 5)
            for (t, team) in teams.enumerated() {
                if w == 4 && t == 2 {
                    key.append(KeyEntry(rule: "WEEKLY_REPORT_LATE", courseId: nil, place: .sheet(.reportLog, team: nil),
                                        note: "\(team.name) không gửi báo cáo tuần \(week) (TNTK→TP)."))
                    continue
                }
                var e = ReportLogEntry(week: week, level: .teamToHead, source: Self.nowhere)
                e.team = team.name
                e.sender = team.lead
                e.sentAt = LocalMoment(friday, LocalTime(r.int(15...17), r.pick([0, 20, 40])))
                if w == 3 && t == 1 { e.sentAt = LocalMoment(saturday, LocalTime(8, 0)) }
                reports.append(e)
                if w == 3 && t == 1 {
                    key.append(KeyEntry(rule: "WEEKLY_REPORT_LATE", courseId: nil, place: .cell(.reportLog, reports.count - 1, "sentAt"),
                                        note: "Báo cáo TNTK→TP tuần \(week) gửi 08:00 thứ Bảy (hạn thứ Sáu)."))
                }
            }
            guard LocalMoment(saturday, LocalTime(12, 0)) < Self.asOf else { continue }
            var e = ReportLogEntry(week: week, level: .headToDirector, source: Self.nowhere)
            e.sender = head
            e.sentAt = LocalMoment(saturday, LocalTime(r.int(9...11), r.pick([0, 15, 30])))
            if w == 2 { e.sentAt = LocalMoment(saturday, LocalTime(14, 30)) }
            if w == 1 { e.sentAt = LocalMoment(saturday, LocalTime(12, 0)) }
            reports.append(e)
            if w == 2 {
                key.append(KeyEntry(rule: "WEEKLY_REPORT_LATE", courseId: nil, place: .cell(.reportLog, reports.count - 1, "sentAt"),
                                    note: "Báo cáo TP→GĐVP tuần \(week) gửi 14:30 thứ Bảy (hạn 12:00)."))
            }
            if w == 1 {
                key.append(KeyEntry(rule: "WEEKLY_REPORT_LATE", courseId: nil, place: .cell(.reportLog, reports.count - 1, "sentAt"),
                                    note: "Biên: TP→GĐVP gửi đúng 12:00 thứ Bảy — KHÔNG được báo.", fires: false))
            }
        }
    }

    // MARK: - Faults of form

    mutating func form(_ kind: ImportFinding.Kind, _ sheet: SheetType, _ index: Int, _ column: String?, _ raw: CellValue?, note: String) {
        if let column, let raw { overrides[Self.overrideKey(sheet, index, column)] = raw }
        expectedImport.append((kind, sheet, index, column, note))
    }

    mutating func plantFormFaults() {
        // A misspelt product (read, with a warning) and an unknown one (not read).
        let payroll = courses.indices.filter { courses[$0].product == .payroll && $0 < 30 }
        form(.correctedValue, .handover, payroll[2], "product", .string("Tính lươg"), note: "Sản phẩm gõ sai \"Tính lươg\" → hiểu là Tính lương.")
        let other = courses.indices.filter { courses[$0].product == .eInvoice && $0 < 30 }
        courses[other[1]].product = nil
        form(.unknownValue, .handover, other[1], "product", .string("Phần mềm quản lý văn bản"), note: "Sản phẩm không thuộc nhóm nào đã biết: cảnh báo, dùng thời hạn bàn giao mặc định (10 ngày).")
        // A required cell left empty.
        let nameless = indexOfCourse(week: 5, team: 0)
        courses[nameless].name = nil
        form(.missingValue, .handover, nameless, "courseName", nil, note: "Tên khóa để trống.")
        if let s = staff.indices.dropFirst(12).first {
            staff[s].plannedBy = nil
            form(.missingValue, .staffPlan, s, "plannedBy", nil, note: "Người lập để trống.")
        }
        // Text dates that are not dates.
        if let s = staff.indices.dropFirst(20).first(where: { staff[$0].from == staff[$0].to && staff[$0].from != nil }) {
            staff[s].to = nil
            form(.invalidValue, .staffPlan, s, "to", .string("31/11/2026"), note: "Ngày 31/11 không tồn tại.")
        }
        if let o = opinions.indices.first(where: { opinions[$0].status == .done }) {
            opinions[o].due = nil
            form(.invalidValue, .opinions, o, "due", .string("15/13/2026"), note: "Tháng 13 không tồn tại.")
        }
        // A phone number with a digit missing: unreadable, so the unit is also incomplete.
        if let u = units.indices.dropFirst(100).first(where: { units[$0].contact != nil && units[$0].phone != nil }) {
            units[u].phone = nil
            form(.invalidValue, .units, u, "phone", .string("0905 123 45"), note: "Số điện thoại thiếu một chữ số.")
            key.append(KeyEntry(rule: "UNIT_INCOMPLETE", courseId: units[u].courseId, place: .cell(.units, u, "phone"),
                                note: "Số điện thoại không đọc được (\"0905 123 45\") nên coi như thiếu."))
        }
    }
}
