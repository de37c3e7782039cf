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
