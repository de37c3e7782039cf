import TrainingOps

/// The value of one column of one record, before the team's way of writing it.
extension SampleOffice {
    func value(_ kind: SheetType, _ i: Int, _ key: String) -> Any? {
        switch kind {
        case .handover: return courseValue(courses[i], key)
        case .units: return unitValue(i, key)
        case .staffPlan: return staffValue(staff[i], key)
        case .tracking: return trackingValue(trackings[i], key)
        case .preCheck: return preCheckValue(preChecks[i], key)
        case .sessionReport: return sessionValue(sessions[i], key)
        case .opinions: return opinionValue(opinions[i], key)
        case .dailyLog: return dailyValue(dailyLogs[i], key)
        case .reportLog: return reportValue(reports[i], key)
        }
    }

    func courseValue(_ c: Course, _ key: String) -> Any? {
        switch key {
        case "courseId": return c.id
        case "courseName": return c.name
        case "product": return c.product
        case "agency": return c.agency
        case "mode": return c.mode
        case "venue": return c.venue
        case "startDate": return c.startDate
        case "endDate": return c.endDate
        case "unitCount": return c.unitCount
        case "handedOverBy": return c.handedOverBy
        case "handoverDate": return c.handoverDate
        case "team": return c.team
        case "teamLead": return c.teamLead
        case "scheduleConfirmed": return c.scheduleConfirmed
        default: return c.notes
        }
    }

    func unitValue(_ i: Int, _ key: String) -> Any? {
        let u = units[i]
        switch key {
        case "courseId": return u.courseId
        case "unitId": return u.id
        case "unitName": return u.name
        case "contact": return u.contact
        case "phone": return phoneTyped[i]
        case "email": return u.email
        case "confirmed": return u.confirmed
        case "bringsLaptop": return u.bringsLaptop
        case "bringsDocuments": return u.bringsDocuments
        case "zoomInstalled": return u.zoomInstalled
        case "present": return u.present
        case "absenceReason": return u.absenceReason
        case "dataEntered": return u.dataEntered
        case "surveyScore": return u.surveyScore
        case "usingSoftware": return u.usingSoftware
        case "supportCalled": return u.supportCalled
        default: return u.notes
        }
    }

    func staffValue(_ s: StaffAssignment, _ key: String) -> Any? {
        switch key {
        case "courseId": return s.courseId
        case "staff": return s.staff
        case "role": return s.role
        case "from": return s.from
        case "to": return s.to
        case "plannedBy": return s.plannedBy
        case "sentToHead": return s.sentToHead
        default: return s.notes
        }
    }

    func trackingValue(_ t: CourseTracking, _ key: String) -> Any? {
        switch key {
        case "courseId": return t.courseId
        case "planApproved": return t.planApproved
        case "departmentsNotified": return t.departmentsNotified
        case "firstSessionReport": return t.firstSessionReport
        case "contract": return t.contract
        case "liquidation": return t.liquidation
        case "debt": return t.debt
        case "surveyLink": return t.surveyLink
        case "surveyResultsEntered": return t.surveyResultsEntered
        case "crmUpdated": return t.crmUpdated
        case "supportChannel": return t.supportChannel
        case "feedbackReviewed": return t.feedbackReviewed
        case "dvcqReportSent": return t.dvcqReportSent
        default: return t.notes
        }
    }

    func preCheckValue(_ p: PreCheck, _ key: String) -> Any? {
        switch key {
        case "courseId": return p.courseId
        case "checkedAt": return p.checkedAt
        case "checkedBy": return p.checkedBy
        case "notes": return p.notes
        default: return PreCheckItem(rawValue: key).flatMap { p.answers[$0] }
        }
    }

    func sessionValue(_ s: SessionReport, _ key: String) -> Any? {
        switch key {
        case "courseId": return s.courseId
        case "date": return s.date
        case "session": return s.session
        case "reportedAt": return s.reportedAt
        case "reporter": return s.reporter
        case "absentCount": return s.absentCount
        case "absentUnits": return s.absentUnits
        case "partnerSpoke": return s.partnerSpoke
        case "partnerReason": return s.partnerReason
        case "difficulties": return s.difficulties
        case "dataEntryRate": return s.dataEntryRate.map(Percent.init)
        case "progress": return s.progress
        default: return s.needsSupport
        }
    }

    func opinionValue(_ o: Opinion, _ key: String) -> Any? {
        switch key {
        case "opinionId": return o.id
        case "courseId": return o.courseId
        case "recorded": return o.recorded
        case "unit": return o.unit
        case "content": return o.content
        case "impact": return o.impact
        case "handler": return o.handler
        case "due": return o.due
        case "status": return o.status
        case "doneDate": return o.doneDate
        case "progressNote": return o.progressNote
        default: return o.escalated
        }
    }

    func dailyValue(_ d: DailyLog, _ key: String) -> Any? {
        switch key {
        case "date": return d.date
        case "staff": return d.staff
        case "team": return d.team
        case "customerSupport": return d.customerSupport
        case "agencyCare": return d.agencyCare
        case "sectorReports": return d.sectorReports
        case "singleTrainings": return d.singleTrainings
        case "handedToDepartment": return d.handedToDepartment
        case "unfinishedUnits": return d.unfinishedUnits
        case "pendingCustomers": return d.pendingCustomers
        default: return d.difficulties
        }
    }

    func reportValue(_ e: ReportLogEntry, _ key: String) -> Any? {
        switch key {
        case "week": return e.week
        case "level": return e.level
        case "team": return e.team
        case "sender": return e.sender
        case "sentAt": return e.sentAt
        default: return e.notes
        }
    }
}
