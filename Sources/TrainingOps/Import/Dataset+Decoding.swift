/// Turning one data row of each kind into its model value.
extension Dataset {
    mutating func decode(_ kind: SheetType, _ r: RowReader) {
        switch kind {
        case .handover: decodeCourse(r)
        case .units: decodeUnit(r)
        case .staffPlan: decodeStaff(r)
        case .tracking: decodeTracking(r)
        case .preCheck: decodePreCheck(r)
        case .sessionReport: decodeSession(r)
        case .opinions: decodeOpinion(r)
        case .dailyLog: decodeDailyLog(r)
        case .reportLog: decodeReportLog(r)
        }
    }

    /// Reads the course id first, so every later finding of the row names the course.
    private func courseId(_ r: RowReader) -> String? {
        let id = r.courseIdValue()
        if id == nil { r.skip("thiếu mã khóa.", "no course id.", keys: "courseId") }
        return id
    }

    private mutating func decodeCourse(_ r: RowReader) {
        guard let id = courseId(r) else { return }
        var c = Course(id: id, source: r.source)
        c.name = r.text("courseName")
        c.product = r.product("product")
        c.productText = CellParser.text(r.cell("product")).map { r.copiesText ? ownedCopy(of: $0) : $0 }
        c.agency = r.text("agency")
        c.mode = r.choice("mode", TrainingMode.self)
        c.venue = r.text("venue")
        c.startDate = r.date("startDate")
        c.endDate = r.date("endDate")
        c.unitCount = r.count("unitCount")
        c.handedOverBy = r.text("handedOverBy")
        c.handoverDate = r.moment("handoverDate")
        c.team = r.text("team")
        c.teamLead = r.text("teamLead")
        c.scheduleConfirmed = r.date("scheduleConfirmed")
        c.notes = r.text("notes")
        courses.append(c)
    }

    private mutating func decodeUnit(_ r: RowReader) {
        guard let course = courseId(r) else { return }
        guard let id = r.text("unitId") else { return r.skip("thiếu mã đơn vị.", "no unit id.", keys: "unitId") }
        var u = Unit(courseId: course, id: id, source: r.source)
        u.name = r.text("unitName")
        u.contact = r.text("contact")
        u.phone = r.phone("phone")
        u.email = r.email("email")
        u.confirmed = r.yesNo("confirmed")
        u.bringsLaptop = r.yesNo("bringsLaptop")
        u.bringsDocuments = r.yesNo("bringsDocuments")
        u.zoomInstalled = r.yesNo("zoomInstalled")
        u.present = r.yesNo("present")
        u.absenceReason = r.text("absenceReason")
        u.dataEntered = r.yesNo("dataEntered")
        u.surveyScore = r.score("surveyScore")
        u.usingSoftware = r.yesNo("usingSoftware")
        u.supportCalled = r.yesNo("supportCalled")
        u.notes = r.text("notes")
        units.append(u)
    }

    private mutating func decodeStaff(_ r: RowReader) {
        guard let course = courseId(r) else { return }
        guard let text = r.text("staff") else { return r.skip("thiếu tên nhân viên.", "no staff name.", keys: "staff") }
        var s = StaffAssignment(courseId: course, staff: text, source: r.source)
        s.role = r.choice("role", StaffRole.self)
        s.from = r.date("from")
        s.to = r.date("to")
        s.plannedBy = r.text("plannedBy")
        s.sentToHead = r.moment("sentToHead")
        s.notes = r.text("notes")
        // Several people in one cell (`Võ Thành Trung, Đặng Ngọc Ánh`): one assignment each.
        for name in StaffNames.split(text) {
            s.staff = name
            staffAssignments.append(s)
        }
    }

    private mutating func decodeTracking(_ r: RowReader) {
        guard let course = courseId(r) else { return }
        var t = CourseTracking(courseId: course, source: r.source)
        t.planApproved = r.date("planApproved")
        t.departmentsNotified = r.yesNo("departmentsNotified")
        t.firstSessionReport = r.moment("firstSessionReport")
        t.contract = r.choice("contract", PaperworkStatus.self)
        t.liquidation = r.choice("liquidation", PaperworkStatus.self)
        t.debt = r.choice("debt", PaperworkStatus.self)
        t.surveyLink = r.text("surveyLink")
        t.surveyResultsEntered = r.date("surveyResultsEntered")
        t.crmUpdated = r.date("crmUpdated")
        t.supportChannel = r.text("supportChannel")
        t.feedbackReviewed = r.date("feedbackReviewed")
        t.dvcqReportSent = r.date("dvcqReportSent")
        t.notes = r.text("notes")
        trackings.append(t)
    }

    private mutating func decodePreCheck(_ r: RowReader) {
        guard let course = courseId(r) else { return }
        var p = PreCheck(courseId: course, source: r.source)
        p.checkedAt = r.moment("checkedAt")
        p.checkedBy = r.text("checkedBy")
        for item in PreCheckItem.allCases {
            let key = item.rawValue
            switch item.column.type {
            case .yesNo: if let b = r.checklist(key) { p.answers[item] = .yesNo(b) }
            case .count: if let a = r.checklistCount(key) { p.answers[item] = a }
            default: if let t = r.text(key) { p.answers[item] = .text(t) }
            }
            if r.lastReadWasInvalid { p.unreadable.insert(item) }
        }
        p.notes = r.text("notes")
        preChecks.append(p)
    }

    private mutating func decodeSession(_ r: RowReader) {
        guard let course = courseId(r) else { return }
        let date = r.date("date"), session = r.choice("session", SessionPart.self)
        guard let date, let session else { return r.skip("thiếu ngày hoặc buổi.", "no date or session.", keys: "date", "session") }
        var s = SessionReport(courseId: course, date: date, session: session, source: r.source)
        s.reportedAt = r.moment("reportedAt", onDay: date)
        s.reporter = r.text("reporter")
        s.absentCount = r.count("absentCount")
        s.absentUnits = r.text("absentUnits")
        s.partnerSpoke = r.yesNo("partnerSpoke")
        s.partnerReason = r.text("partnerReason")
        s.difficulties = r.text("difficulties")
        s.dataEntryRate = r.percent("dataEntryRate")
        s.progress = r.text("progress")
        s.needsSupport = r.text("needsSupport")
        sessionReports.append(s)
    }

    private mutating func decodeOpinion(_ r: RowReader) {
        let course = r.courseIdValue()
        let recorded = r.date("recorded"), content = r.text("content")
        guard let recorded, let content else { return r.skip("thiếu ngày ghi nhận hoặc nội dung.", "no date recorded or content.", keys: "recorded", "content") }
        var o = Opinion(recorded: recorded, content: content, source: r.source)
        o.courseId = course
        o.id = r.text("opinionId")
        o.unit = r.text("unit")
        o.impact = r.choice("impact", OpinionImpact.self)
        o.handler = r.text("handler")
        o.due = r.date("due")
        o.status = r.choice("status", OpinionStatus.self)
        o.doneDate = r.date("doneDate")
        o.progressNote = r.text("progressNote")
        o.escalated = r.yesNo("escalated")
        opinions.append(o)
    }

    private mutating func decodeDailyLog(_ r: RowReader) {
        let date = r.date("date"), staff = r.text("staff")
        guard let date, let staff else { return r.skip("thiếu ngày hoặc nhân viên.", "no date or staff.", keys: "date", "staff") }
        var d = DailyLog(date: date, staff: staff, source: r.source)
        d.team = r.text("team")
        d.customerSupport = r.count("customerSupport")
        d.agencyCare = r.count("agencyCare")
        d.sectorReports = r.count("sectorReports")
        d.singleTrainings = r.count("singleTrainings")
        d.handedToDepartment = r.text("handedToDepartment")
        d.unfinishedUnits = r.count("unfinishedUnits")
        d.pendingCustomers = r.count("pendingCustomers")
        d.difficulties = r.text("difficulties")
        dailyLogs.append(d)
    }

    private mutating func decodeReportLog(_ r: RowReader) {
        let week = r.week("week"), level = r.choice("level", ReportLevel.self)
        guard let week, let level else { return r.skip("thiếu tuần hoặc cấp báo cáo.", "no week or level.", keys: "week", "level") }
        var e = ReportLogEntry(week: week, level: level, source: r.source)
        e.team = r.text("team")
        e.sender = r.text("sender")
        e.sentAt = r.moment("sentAt")
        e.notes = r.text("notes")
        reportLog.append(e)
    }
}
