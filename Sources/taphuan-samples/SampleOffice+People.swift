import TrainingOps
import XLSX

/// Staff plans and units.
extension SampleOffice {
    /// The Saturday 09:00 deadline for a course's staff plan: the week before the course's week.
    static func staffDeadline(_ start: LocalDate) -> LocalMoment {
        LocalMoment(start.weekStart.adding(days: -2), LocalTime(9, 0))
    }

    func isBusy(_ name: String, on day: LocalDate) -> Bool {
        staff.contains { $0.staff == name && ($0.from ?? day) <= day && day <= ($0.to ?? day) }
    }

    mutating func assignStaff() {
        let noStaff: Set<Int> = [indexOfCourse(week: 1, team: 2), indexOfCourse(week: 4, team: 0)]
        for (i, c) in courses.enumerated() {
            guard let start = c.startDate, let end = c.endDate else { continue }
            let team = teams[courseTeam[i]]
            if noStaff.contains(i) {
                key.append(KeyEntry(rule: "STAFF_MISSING", courseId: c.id, place: .cell(.handover, i, "courseId"),
                                    note: "Không có dòng nào trên kế hoạch nhân sự cho khóa này (khóa đã diễn ra)."))
                continue
            }
            let free = team.staff.filter { name in c.days.allSatisfy { !isBusy(name, on: $0) } }
            let pool = free.count >= 2 ? free : team.staff
            let roles: [StaffRole] = (c.unitCount ?? 0) > 24 ? [.trainer, .assistant, .support] : [.trainer, .assistant]
            let deadline = Self.staffDeadline(start)
            let sent = LocalMoment(deadline.date.adding(days: r.pick([-1, -1, -2])), LocalTime(r.int(9...17), r.pick([0, 30])))
            var first = r.int(0...(pool.count - 1))
            for role in roles {
                var a = StaffAssignment(courseId: c.id, staff: pool[first % pool.count], source: Self.nowhere)
                first += 1
                a.role = role
                a.from = start
                a.to = end
                a.plannedBy = team.lead
                a.sentToHead = sent
                staff.append(a)
            }
        }
        plantStaffFaults()
    }

    /// The index of the first course a team starts in a given week (0 = week of 19/10).
    func indexOfCourse(week: Int, team: Int, nth: Int = 0) -> Int {
        let monday = Self.firstMonday.adding(days: 7 * week)
        let found = courses.indices.filter {
            courseTeam[$0] == team && ($0 < 30) && (courses[$0].startDate.map { monday <= $0 && $0 <= monday.adding(days: 6) } ?? false)
        }
        return found[min(nth, found.count - 1)]
    }

    mutating func setSent(_ course: Int, _ moment: LocalMoment) -> Int? {
        var firstRow: Int?
        for j in staff.indices where staff[j].courseId == courses[course].id {
            staff[j].sentToHead = moment
            if firstRow == nil { firstRow = j }
        }
        return firstRow
    }

    mutating func plantStaffFaults() {
        // Late: Saturday 09:30, and Monday of the course's own week. Boundary: Saturday 09:00 exactly.
        let late1 = indexOfCourse(week: 2, team: 1)
        if let row = setSent(late1, LocalMoment(Self.staffDeadline(courses[late1].startDate!).date, LocalTime(9, 30))) {
            key.append(KeyEntry(rule: "STAFF_PLAN_LATE", courseId: courses[late1].id, place: .cell(.staffPlan, row, "sentToHead"),
                                note: "Gửi TP 09:30 thứ Bảy, hạn 09:00 (trễ 30 phút)."))
        }
        let late2 = indexOfCourse(week: 5, team: 2)
        let ownMonday = courses[late2].startDate!.weekStart
        if let row = setSent(late2, LocalMoment(ownMonday, LocalTime(8, 0))) {
            key.append(KeyEntry(rule: "STAFF_PLAN_LATE", courseId: courses[late2].id, place: .cell(.staffPlan, row, "sentToHead"),
                                note: "Gửi TP 08:00 thứ Hai của chính tuần học."))
        }
        let onTime = indexOfCourse(week: 3, team: 0)
        if let row = setSent(onTime, Self.staffDeadline(courses[onTime].startDate!)) {
            key.append(KeyEntry(rule: "STAFF_PLAN_LATE", courseId: courses[onTime].id, place: .cell(.staffPlan, row, "sentToHead"),
                                note: "Biên: gửi đúng 09:00 thứ Bảy — KHÔNG được báo trễ.", fires: false))
        }
        // Double bookings: a trainer of one team put on an overlapping course of another team.
        var planted = 0
        var used: Set<Int> = []
        outer: for mine in 0..<30 where !used.contains(mine) {
            guard let row = staff.firstIndex(where: { $0.courseId == courses[mine].id }) else { continue }
            let name = staff[row].staff
            for j in 0..<30 where courseTeam[j] != courseTeam[mine] && !used.contains(j) && j != mine {
                guard !Set(courses[j].days).isDisjoint(with: courses[mine].days),
                      let victim = staff.lastIndex(where: { $0.courseId == courses[j].id }),
                      !staff.contains(where: { $0.courseId == courses[j].id && $0.staff == name }),
                      mine % 7 == 3 || planted > 0 && mine > 15 else { continue }
                staff[victim].staff = name
                key.append(KeyEntry(rule: "STAFF_DOUBLE_BOOKED", courseId: courses[j].id, place: .cell(.staffPlan, victim, "staff"),
                                    note: "\(name) đã được xếp cho \(courses[mine].id) trùng ngày (\(courses[j].startDate?.vietnamese ?? ""))."))
                used.formUnion([mine, j])
                planted += 1
                if planted == 2 { break outer }
                continue outer
            }
        }
    }

    // MARK: - Units

    mutating func makeUnits() {
        let noUnits: Set<Int> = [indexOfCourse(week: 2, team: 2), courses.firstIndex { $0.startDate == LocalDate(2026, 12, 3) } ?? 0]
        let countMismatch: Set<Int> = [indexOfCourse(week: 1, team: 1), indexOfCourse(week: 4, team: 2)]
        for (i, c) in courses.enumerated() {
            if noUnits.contains(i) {
                key.append(KeyEntry(rule: "UNITS_MISSING", courseId: c.id, place: .cell(.handover, i, "courseId"),
                                    note: "Không có đơn vị nào trên danh sách đơn vị (hạn gửi đã qua). Không kèm UNIT_COUNT_MISMATCH."))
                continue
            }
            let district = Names.districts.first { c.agency?.hasSuffix($0.name) ?? false } ?? Names.districts[0]
            let schools = c.agency?.hasPrefix("Phòng GD") ?? false
            var listed = c.unitCount ?? 20
            if countMismatch.contains(i) {
                listed -= 2
                key.append(KeyEntry(rule: "UNIT_COUNT_MISMATCH", courseId: c.id, place: .cell(.handover, i, "unitCount"),
                                    note: "Bàn giao ghi \(c.unitCount ?? 0) đơn vị, danh sách có \(listed)."))
            }
            let ended = (c.endDate ?? asOfDate) < asOfDate
            let started = (c.startDate ?? asOfDate) < asOfDate
            var names: Set<String> = []
            var absentees = started ? r.int(0...2) : 0
            for k in 0..<listed {
                var name = ""
                repeat {
                    let kind = schools ? r.pick(Names.schoolKinds) : r.pick(Names.communeKinds)
                    name = "\(kind) \(r.pick(district.communes))"
                } while names.contains(name)
                names.insert(name)
                var u = Unit(courseId: c.id, id: String(1_000_000 + (i * 131 + k * 7919) % 8_999_999), source: Self.nowhere)
                u.name = name
                let person = Names.person(&r)
                u.contact = person
                let phone = Names.phone(&r)
                u.phone = phone.digits
                phoneTyped[units.count] = phone.typed
                if r.chance(0.6) {
                    let given = person.split(separator: " ").last.map(String.init) ?? "kt"
                    u.email = "\(Names.ascii(given)).\(Names.ascii(name.split(separator: " ").suffix(2).joined()))@gmail.com"
                }
                u.confirmed = true
                if c.mode == .inPerson { u.bringsLaptop = r.chance(0.85) } else { u.zoomInstalled = true }
                u.bringsDocuments = r.chance(0.8)
                if started {
                    if absentees > 0 && k % 5 == 3 {
                        u.present = false
                        u.absenceReason = r.pick(["Kế toán nghỉ ốm", "Trùng lịch họp Hội đồng nhân dân", "Kế toán mới nghỉ việc", "Xe hỏng, xin học bù"])
                        absentees -= 1
                    } else {
                        u.present = true
                    }
                }
                if ended {
                    u.dataEntered = u.present == true && r.chance(0.85)
                    u.surveyScore = u.present == true ? Double(r.pick([3, 4, 4, 5, 5])) : nil
                    u.usingSoftware = u.present == true
                    if u.present == false { u.supportCalled = true }
                }
                units.append(u)
            }
        }
        plantUnitFaults()
    }

    func unitIndex(course: Int, where predicate: (Unit) -> Bool, skip: Int = 0) -> Int? {
        units.indices.filter { units[$0].courseId == courses[course].id && predicate(units[$0]) }.dropFirst(skip).first
    }

    mutating func plantUnitFaults() {
        let a = indexOfCourse(week: 0, team: 1), b = indexOfCourse(week: 3, team: 1)
        if let u = unitIndex(course: a, where: { $0.present == true }, skip: 1) {
            units[u].contact = nil
            key.append(KeyEntry(rule: "UNIT_INCOMPLETE", courseId: units[u].courseId, place: .cell(.units, u, "contact"), note: "Thiếu người liên hệ."))
        }
        if let u = unitIndex(course: b, where: { $0.present == true }, skip: 2) {
            units[u].phone = nil
            phoneTyped[u] = nil
            key.append(KeyEntry(rule: "UNIT_INCOMPLETE", courseId: units[u].courseId, place: .cell(.units, u, "phone"), note: "Thiếu số điện thoại."))
        }
        // Absent without a reason.
        for (course, skip) in [(indexOfCourse(week: 1, team: 0), 3), (indexOfCourse(week: 4, team: 1), 4)] {
            if let u = unitIndex(course: course, where: { $0.present == true }, skip: skip) {
                units[u].present = false
                units[u].absenceReason = nil
                units[u].dataEntered = false
                units[u].surveyScore = nil
                units[u].usingSoftware = false
                units[u].supportCalled = true
                key.append(KeyEntry(rule: "UNIT_ABSENCE_NO_REASON", courseId: units[u].courseId, place: .cell(.units, u, "absenceReason"),
                                    note: "Có mặt = Không nhưng không ghi lý do vắng."))
            }
        }
        // Unhappy or not using, and nobody called.
        let c1 = indexOfCourse(week: 0, team: 2), c2 = indexOfCourse(week: 2, team: 0)
        if let u = unitIndex(course: c1, where: { $0.present == true }, skip: 1) {
            units[u].surveyScore = 2
            units[u].supportCalled = nil
            key.append(KeyEntry(rule: "FOLLOW_UP_MISSING", courseId: units[u].courseId, place: .cell(.units, u, "supportCalled"),
                                note: "Điểm khảo sát 2 (< 3), chưa gọi xin lỗi/hỗ trợ."))
        }
        if let u = unitIndex(course: c2, where: { $0.present == true }, skip: 2) {
            units[u].usingSoftware = false
            units[u].supportCalled = false
            key.append(KeyEntry(rule: "FOLLOW_UP_MISSING", courseId: units[u].courseId, place: .cell(.units, u, "supportCalled"),
                                note: "Chưa sử dụng được phần mềm, Đã gọi hỗ trợ = Không."))
        }
        // Boundary: low score but already called.
        if let u = unitIndex(course: c2, where: { $0.present == true }, skip: 5) {
            units[u].surveyScore = 1
            units[u].supportCalled = true
            key.append(KeyEntry(rule: "FOLLOW_UP_MISSING", courseId: units[u].courseId, place: .cell(.units, u, "supportCalled"),
                                note: "Biên: điểm 1 nhưng đã gọi hỗ trợ — KHÔNG được báo.", fires: false))
        }
    }
}
