import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The committed samples, read back through the XLSX reader and the importer.
@Suite struct SamplesTests {
    static let samples = SheetReferenceTests.repository.appendingPathComponent("samples")
    static let data = Dataset.load(paths: [samples.path])

    /// The rows of the markdown table that follows `heading` in samples/README.md.
    static func table(after heading: String, header: String? = nil) throws -> [[String]] {
        let text = try String(contentsOf: samples.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = header.flatMap({ text.range(of: "\n" + $0) }) ?? text.range(of: heading) else { return [] }
        var rows: [[String]] = []
        var inTable = false
        for line in text[(header == nil ? start.upperBound : start.lowerBound)...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                inTable = true
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.first?.hasPrefix("---") == false { rows.append(cells) }
            } else if inTable {
                break
            }
        }
        return Array(rows.dropFirst())  // the header row
    }

    @Test func exactCounts() {
        let d = Self.data
        #expect(d.courses.count == 38)
        #expect(d.units.count == 763)
        #expect(d.staffAssignments.count == 83)
        #expect(d.trackings.count == 38)
        #expect(d.preChecks.count == 29)
        #expect(d.sessionReports.count == 80)
        #expect(d.opinions.count == 24)
        #expect(d.dailyLogs.count == 271)
        #expect(d.reportLog.count == 22)
        #expect(d.sheets.count == 21)
        #expect(Set(d.courses.compactMap(\.team)) == ["Nhóm 1", "Nhóm 2", "Nhóm 3"])
        #expect(d.courses.contains { $0.product == .payroll } && d.courses.contains { $0.product == .salaryBudget })
        #expect(d.courses.contains { $0.mode == .online } && d.courses.contains { $0.mode == .inPerson })
    }

    /// The importer reports exactly the faults of form the answer key lists, at the same cells.
    @Test func formFaultsMatchTheKey() throws {
        let key = try Self.table(after: "## Đáp án: lỗi hình thức")
        #expect(key.count == 9)
        let expected = Set(key.map { "\($0[1]) \($0[2]) \($0[3]) \($0[4])" })
        let found = Set(Self.data.findings.map { "\($0.kind.rawValue) \($0.file) \($0.sheet ?? "") \($0.cell ?? "")" })
        #expect(found == expected)
        // The lock file is skipped without a finding.
        #expect(!Self.data.findings.contains { $0.file.contains("~$") })
    }

    /// Spot checks of meaning, against the key's notes (worked out by hand from the calendar).
    @Test func boundaryCases() throws {
        let d = Self.data
        let late = try #require(d.course("TL-2610-02"))
        let start = try #require(late.startDate), handover = try #require(late.handoverDate)
        #expect(handover.date.days(to: start) == 20 && late.product == .payroll)
        let exact = try #require(d.course("TS-2611-02"))
        #expect(exact.handoverDate.map { $0.date.days(to: exact.startDate ?? $0.date) } == 10)
        let budget = try #require(d.course("DTL-2611-03"))
        #expect(budget.handoverDate.map { $0.date.days(to: budget.startDate ?? $0.date) } == 30)
        // Sent exactly at 09:00 on the Saturday before the course's week.
        let onTime = try #require(d.course("HD-2611-02")?.startDate)
        let sent = try #require(d.staff(of: "HD-2611-02").first?.sentToHead)
        #expect(sent.date == onTime.weekStart.adding(days: -2) && sent.date.isoWeekday == 6 && sent.time == LocalTime(9, 0))
        // The Sunday and the New Year courses.
        #expect(d.course("HD-2611-05")?.startDate?.isoWeekday == 7)
        #expect(d.course("TS-2701-05")?.startDate == LocalDate(2027, 1, 1))
        // The misspelt product is read as Tính lương; the unknown one is left empty.
        #expect(d.findings(.correctedValue).count == 1)
        #expect(d.courses.filter { $0.product == nil }.count == 1)
    }

    /// Every cell the process-fault key points at exists on its sheet.
    @Test func processKeyPointsAtRealCells() throws {
        let key = try Self.table(after: "### Số lần", header: "| # | Quy tắc | Báo?")
        #expect(key.count == 70)
        let rules = Set(key.filter { $0[2] == "có" }.map { $0[1] })
        for rule in ["HANDOVER_LATE", "HANDOVER_MISSING_DATE", "UNITS_MISSING", "SCHEDULE_UNCONFIRMED", "STAFF_PLAN_LATE",
                     "STAFF_MISSING", "PLAN_UNAPPROVED", "UNIT_INCOMPLETE", "FIRST_SESSION_REPORT_MISSING", "PAPERWORK_OPEN",
                     "SURVEY_LATE", "SUPPORT_CHANNEL_MISSING", "CRM_LATE", "FEEDBACK_OPEN", "FOLLOW_UP_MISSING",
                     "DVCQ_REPORT_MISSING", "WEEKLY_REPORT_LATE", "PRECHECK_MISSING", "PRECHECK_INCOMPLETE", "PRECHECK_LATE",
                     "PRECHECK_UNITS_MISMATCH",
                     "SESSION_REPORT_MISSING", "ABSENCE_UNEXPLAINED", "DAILY_LOG_MISSING"] {
            #expect(key.filter { $0[1] == rule && $0[2] == "có" }.count >= 2, "\(rule)")
            #expect(rules.contains(rule))
        }
        let sheets = Dictionary(Self.data.sheets.map { ("\($0.file)|\($0.sheet)", $0) }, uniquingKeysWith: { a, _ in a })
        for row in key where row[6] != "—" {
            let sheet = try #require(sheets["\(row[4])|\(row[5])"], "\(row)")
            let ref = try #require(CellReference(row[6]), "\(row)")
            #expect(ref.row > sheet.header.headerRow, "\(row)")
            #expect(sheet.header.columns.values.contains(ref.column), "\(row)")
        }
    }
}

/// The same samples opened and saved again by LibreOffice Calc (scripts/make-samples-libreoffice)
/// import identically: same records, same cells, same findings.
@Suite struct LibreOfficeRoundTripTests {
    static let copies = SheetReferenceTests.repository.appendingPathComponent("Tests/TrainingOpsTests/LibreOffice")

    @Test func importsIdentically() throws {
        try #require(FileManager.default.fileExists(atPath: Self.copies.path), "run scripts/make-samples-libreoffice")
        let ours = SamplesTests.data
        let theirs = Dataset.load(paths: [Self.copies.path])
        #expect(theirs.courses == ours.courses)
        #expect(theirs.units == ours.units)
        #expect(theirs.staffAssignments == ours.staffAssignments)
        #expect(theirs.trackings == ours.trackings)
        #expect(theirs.preChecks == ours.preChecks)
        #expect(theirs.sessionReports == ours.sessionReports)
        #expect(theirs.opinions == ours.opinions)
        #expect(theirs.dailyLogs == ours.dailyLogs)
        #expect(theirs.reportLog == ours.reportLog)
        #expect(theirs.findings == ours.findings)
        #expect(theirs.sheets == ours.sheets)
    }
}
