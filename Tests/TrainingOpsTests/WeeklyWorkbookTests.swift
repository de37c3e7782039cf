import Foundation
import TestTools
import Testing
import XLSX
@testable import TrainingOps

/// The weekly workbooks and the forms judged by other tools: openpyxl recomputes the figures
/// from the sample workbooks and reads ours; LibreOffice converts them (scripts/interop-weekly).
@Suite(.serialized) struct WeeklyWorkbookTests {
    static let repository = SheetReferenceTests.repository

    static func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs scripts/interop-weekly; returns its output and exit status.
    static func interop(_ arguments: [String]) throws -> (String, Int32) {
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(),
                                              [repository.appendingPathComponent("scripts/interop-weekly").path] + arguments)
        return (output, status)
    }

    @Test(.requires(.openpyxl, .libreOffice, .pdftoppm)) func builtInLayoutsJudgedByOpenpyxlAndLibreOffice() throws {
        let dir = try Self.folder("weekly")
        defer { try? FileManager.default.removeItem(at: dir) }
        var teamFiles: [String] = []
        for team in WeeklyReportTests.teams {
            let path = dir.appendingPathComponent("team-\(team.suffix(1)).xlsx").path
            try WeeklyWorkbook.write(WeeklyReportTests.team(team), to: path)
            teamFiles.append(path)
        }
        let office = dir.appendingPathComponent("office.xlsx").path
        try WeeklyWorkbook.write(WeeklyReportTests.office, to: office)
        let forms = dir.appendingPathComponent("forms.xlsx").path
        try #require(try FormsWorkbook.workbook(course: "TL-2611-06", data: WeeklyReportTests.data)).write(to: forms)
        let (output, status) = try Self.interop([Self.repository.appendingPathComponent("samples").path, "2026-11-23", "2026-11-28"]
                                                + teamFiles + ["--office", office, "--forms", forms, "TL-2611-06", "--render", dir.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
        #expect(output.contains("5 courses in the week"))
    }

    @Test func shippedLayoutsAreTheGeneratedOnes() throws {
        let dir = try Self.folder("layouts")
        defer { try? FileManager.default.removeItem(at: dir) }
        for team in [true, false] {
            let fresh = dir.appendingPathComponent(WeeklyLayout.fileName(team: team))
            try WeeklyLayout.write(team: team, to: fresh.path)
            let shipped = Self.repository.appendingPathComponent("samples/layouts/\(WeeklyLayout.fileName(team: team))")
            let a = try Workbook(path: fresh.path), b = try Workbook(path: shipped.path)
            #expect(a.sheets.map(\.name) == b.sheets.map(\.name))
            for info in a.sheets {
                #expect(try a.sheet(named: info.name).rows == b.sheet(named: info.name).rows, "\(info.name)")
            }
        }
    }

    /// The office layout filled, in both languages: the opinions by stage with their doughnut
    /// and the page break right above them, as in the built-in report (the same builder).
    @Test(arguments: Language.allCases) func filledOfficeLayoutHasDoughnutAndBreak(_ language: Language) throws {
        let dir = try Self.folder("filled-office-\(language)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = dir.appendingPathComponent(WeeklyLayout.fileName(team: false, language: language)).path
        try WeeklyLayout.write(team: false, language: language, to: layout)
        let report = WeeklyReport.office(week: WeeklyReportTests.week, data: WeeklyReportTests.data, findings: WeeklyReportTests.findings,
                                         asOf: WeeklyReportTests.asOf, language: language)
        let filled = dir.appendingPathComponent("filled.xlsx").path
        try WorkbookTemplate.fill(template: layout, data: WeeklyTemplateData.value(report), output: filled,
                                  options: TemplateFillOptions(missing: .empty))
        let summary = WeeklyWorkbook.OfficeSheet.summary.name(language)
        let rows = try Workbook(path: filled).sheet(named: summary).rows
        let heading = try #require(rows.first { $0.cells.first?.value == .string(WeeklyText.progressSection(language)) })
        // The stages' figures under the heading, then the total and the urgent cases.
        let counts = report.progressCounts
        let expected = WeeklyReport.Progress.allCases.map { counts[$0] ?? 0 } + [report.opinionTracker.count, report.urgent.count]
        let figures = rows.filter { $0.index > heading.index && $0.index <= heading.index + 6 }.map { $0[column: 2]?.value }
        #expect(figures == expected.map { .number(Double($0)) })
        #expect(expected == [3, 3, 2, 16, 24, 3])
        let zip = try ZipArchive(path: filled)
        let sheet = String(decoding: try zip.contents(of: try #require(zip.entries.first { $0.name == "xl/worksheets/sheet1.xml" })), as: UTF8.self)
        // One break, below the row above the heading (`<brk id>` is that row, 1-based: the heading's 0-based index).
        #expect(sheet.contains("<rowBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"\(heading.index)\" max=\"16383\" man=\"1\"/></rowBreaks>"))
        let charts = try zip.entries.filter { $0.name.hasPrefix("xl/charts/chart") }.map { String(decoding: try zip.contents(of: $0), as: UTF8.self) }
        let doughnut = try #require(charts.first { $0.contains("<c:doughnutChart>") })
        let quoted = "'\(summary)'"
        #expect(doughnut.contains("<c:f>\(quoted)!$C$\(heading.index + 2):$C$\(heading.index + 5)</c:f>"))
        #expect(charts.count == 3)
    }

    @Test(.requires(.openpyxl)) func filledOfficeLayoutJudgedByOpenpyxl() throws {
        let dir = try Self.folder("filled-office")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = Self.repository.appendingPathComponent("samples/layouts/\(WeeklyLayout.fileName(team: false))").path
        let filled = dir.appendingPathComponent("filled.xlsx").path
        try WorkbookTemplate.fill(template: layout, data: WeeklyTemplateData.value(WeeklyReportTests.office), output: filled,
                                  options: TemplateFillOptions(missing: .empty))
        let (output, status) = try Self.interop([Self.repository.appendingPathComponent("samples").path, "2026-11-23", "2026-11-28",
                                                 "--filled-office", filled])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
    }

    /// The team layout edited as a lead would (columns swapped, a logo, an extra row), filled
    /// through the template engine: the edits survive and the figures land in the moved columns.
    @Test(.requires(.openpyxl)) func leadsEditedLayoutKeepsItsEdits() throws {
        let dir = try Self.folder("edited")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = Self.repository.appendingPathComponent("samples/layouts/\(WeeklyLayout.fileName(team: true))").path
        let edited = dir.appendingPathComponent("lead.xlsx").path
        let (made, ok) = try Self.interop(["--edit-layout", layout, edited])
        #expect(ok == 0, "\(made)")
        let filled = dir.appendingPathComponent("filled.xlsx").path
        try WorkbookTemplate.fill(template: edited, data: WeeklyTemplateData.value(WeeklyReportTests.team("Nhóm 1")), output: filled,
                                  options: TemplateFillOptions(missing: .empty))
        let (output, status) = try Self.interop([Self.repository.appendingPathComponent("samples").path, "2026-11-23", "2026-11-28",
                                                 "--edited", filled])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
    }
}
