import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The trend over the last eight weeks: counted from the sample sheets by hand, and each earlier
/// week equal to the report made for that week at its own deadline.
@Suite struct WeeklyTrendTests {
    static let office = WeeklyOpenItemsTests.report(team: nil, week: 48)

    @Test func eightWeeksEveryTeam() {
        let t = Self.office.trend
        #expect(t.count == 8 * 3)
        #expect(t.first?.week == Week.iso(year: 2026, number: 41) && t.last?.week == Week.iso(year: 2026, number: 48))
        // Courses per team, from the session reports and the handover: W43 — TL-2610-01 (Nhóm 1);
        // DTL-2610-01, HCSN-2610-01 (Nhóm 2); XA-2610-01, TS-2610-01 (Nhóm 3). W44 — HD-2610-01,
        // TL-2610-02; HCSN-2610-02, DTL-2610-02; XA-2610-02. No course before W43.
        func courses(_ week: Int) -> [Int] { t.filter { $0.week == Week.iso(year: 2026, number: week) }.map(\.courses) }
        #expect(courses(43) == [1, 2, 2])
        #expect(courses(44) == [2, 2, 1])
        #expect(courses(41) == [0, 0, 0] && courses(42) == [0, 0, 0])
        // Earlier weeks are judged at their office deadline, Saturday 12:00.
        #expect(t.first?.moment == LocalMoment(LocalDate(2026, 10, 10), LocalTime(12, 0)))
        #expect(t.last?.moment == WeeklyOpenItemsTests.asOf)
    }

    /// A week's open items in the trend are those of that week's own office report.
    @Test(arguments: [45, 47]) func earlierWeekEqualsItsOwnReport(_ week: Int) {
        let saturday = Week.iso(year: 2026, number: week)!.monday.adding(days: 5)
        let then = WeeklyOpenItemsTests.report(team: nil, week: week, asOf: LocalMoment(saturday, LocalTime(12, 0)))
        for team in WeeklyReportTests.teams {
            let point = Self.office.trend.first { $0.week == then.week && $0.team == team }
            #expect(point?.openItems == then.items.filter { $0.team == team && $0.state == .open }.count, "\(team)")
            #expect(point?.courses == then.teams.first { $0.team == team }?.courses)
        }
    }

    /// The built-in sheet: a column per team, two native line charts over the weeks.
    @Test func trendSheetHasLineCharts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-trend-\(ProcessInfo.processInfo.processIdentifier).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WeeklyWorkbook.workbook(Self.office, deterministic: true).write(to: path)
        let rows = try Workbook(path: path).sheet(named: WeeklyWorkbook.trendSheetName()).rows
        let header = try #require(rows.first { $0.cells.first?.value == .string("Tuần") })
        #expect(header.cells.dropFirst(2).prefix(3).map(\.value) == WeeklyReportTests.teams.map { CellValue.string($0) })
        let zip = try ZipArchive(path: path)
        let charts = try zip.entries.filter { $0.name.hasPrefix("xl/charts/chart") }.map { String(decoding: try zip.contents(of: $0), as: UTF8.self) }
        let lines = charts.filter { $0.contains("<c:lineChart><c:grouping val=\"standard\"/>") }
        // Two column charts and the opinions' doughnut on the summary, two lines on the trend.
        let doughnuts = charts.filter { $0.contains("<c:doughnutChart>") }
        #expect(charts.count == 5 && lines.count == 2 && doughnuts.count == 1)
        #expect(doughnuts.first?.components(separatedBy: "<c:dPt>").count == 5)
        #expect(lines.allSatisfy { $0.components(separatedBy: "<c:ser>").count - 1 == 3 && $0.contains("<c:marker val=\"1\"/>") })
    }
}
