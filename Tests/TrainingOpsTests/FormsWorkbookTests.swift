import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The forms of a course, read back through the importer as staff would send them.
@Suite struct FormsWorkbookTests {
    static let data = SamplesTests.data

    /// Writes the forms of `id` and reads them back as a dataset.
    static func roundTrip(_ id: String) throws -> (Course, Dataset) {
        let course = try #require(data.course(id))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-forms-\(id)-\(ProcessInfo.processInfo.processIdentifier).xlsx")
        defer { try? FileManager.default.removeItem(at: path) }
        try #require(try FormsWorkbook.workbook(course: id, data: data)).write(to: path.path)
        return (course, Dataset.load(paths: [path.path]))
    }

    /// An in-person course over two days and an online one.
    @Test(arguments: ["TL-2610-01", "TL-2611-06", "HD-2611-03"]) func sessionRowsAndChecklistOfTheMode(_ id: String) throws {
        let (course, back) = try Self.roundTrip(id)
        #expect(back.findings.filter { $0.kind == .unrecognisedSheet }.isEmpty)
        // One row per session, two a day, pre-filled; nothing else is filled.
        let sessions = back.sessionReports(of: id)
        #expect(sessions.count == 2 * course.days.count)
        #expect(sessions.map(\.date) == course.days.flatMap { [$0, $0] })
        #expect(sessions.map(\.session) == course.days.flatMap { _ in [SessionPart.morning, .afternoon] })
        #expect(sessions.allSatisfy { $0.absentCount == nil && $0.partnerSpoke == nil })
        // The checklist row carries exactly the mode's items as columns.
        let sheet = try #require(back.sheets.first { $0.header.kind == .preCheck })
        let mode = try #require(course.mode)
        let itemKeys = Set(PreCheckItem.allCases.map(\.rawValue))
        let columns = Set(sheet.header.columns.keys).intersection(itemKeys)
        #expect(columns == Set(PreCheckItem.checklist(for: mode).map(\.rawValue)))
        #expect(back.preCheck(of: id)?.answers.isEmpty == true)
        #expect(back.preCheck(of: id)?.checkedBy == course.teamLead)
    }

    @Test func dropDownsForTheAnswers() throws {
        let book = try #require(try FormsWorkbook.workbook(course: "HD-2611-03", data: Self.data))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-forms-dv-\(ProcessInfo.processInfo.processIdentifier).xlsx")
        defer { try? FileManager.default.removeItem(at: path) }
        try book.write(to: path.path)
        let archive = try ZipArchive(path: path.path)
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"] {
            let xml = String(decoding: try archive.contents(of: try #require(archive.entry(named: sheet))), as: UTF8.self)
            #expect(xml.contains("<formula1>\"Có,Không\"</formula1>"), "\(sheet)")
        }
        let sessions = String(decoding: try archive.contents(of: try #require(archive.entry(named: "xl/worksheets/sheet3.xml"))), as: UTF8.self)
        #expect(sessions.contains("<formula1>\"Sáng,Chiều\"</formula1>"))
        #expect(try FormsWorkbook.workbook(course: "NO-SUCH", data: Self.data) == nil)
    }
}
