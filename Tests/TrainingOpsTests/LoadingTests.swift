import Foundation
import Testing
import XLSX
@testable import TrainingOps

@Suite struct LoadingTests {
    func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-load-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Nhom 2/con"), withIntermediateDirectories: true)
        for name in ["b.xlsx", "a.XLSX", "~$a.xlsx", "ghi chu.txt", ".an.xlsx", "Nhom 2/c.xlsm", "Nhom 2/con/d.xlsx", "Nhom 2/~$c.xlsm"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        return root
    }

    @Test func foldersAreWalkedAndLockFilesSkipped() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let (files, findings) = Dataset.workbookFiles([root.path, root.appendingPathComponent("b.xlsx").path, root.path + "/nope.xlsx"])
        #expect(files.map(\.name) == ["Nhom 2/c.xlsm", "Nhom 2/con/d.xlsx", "a.XLSX", "b.xlsx", "b.xlsx"])
        #expect(findings.map(\.kind) == [.unreadableFile])
    }

    /// Spreadsheets of other formats in a folder are named, with how to save them; other
    /// files and lock files are not.
    @Test func spreadsheetsOfOtherFormatsAreNamed() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["cu.xls", "Nhom 2/nhi phan.XLSB", "lo.ods", "~$cu.xls", "xuat.csv"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        let found = Dataset.spreadsheetsNotRead([root.path, root.appendingPathComponent("cu.xls").path])
        #expect(found.map(\.file) == ["Nhom 2/nhi phan.XLSB", "cu.xls", "lo.ods"])
        #expect(found.allSatisfy { $0.kind == .unreadableFile && $0.messageEnglish.contains("save it as .xlsx") })
    }

    /// In a folder only regular files are workbooks: a folder or a pipe named like one is not
    /// (reading a pipe would wait for a writer forever); a link to a workbook is.
    @Test func onlyRegularFilesAreTaken() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("thu muc.xlsx"), withIntermediateDirectories: false)
        #expect(mkfifo(root.appendingPathComponent("ong.xlsx").path, 0o600) == 0)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("lien ket.xlsx").path, withDestinationPath: "b.xlsx")
        let (files, _) = Dataset.workbookFiles([root.path])
        #expect(files.map(\.name) == ["Nhom 2/c.xlsm", "Nhom 2/con/d.xlsx", "a.XLSX", "b.xlsx", "lien ket.xlsx"])
    }

    /// A workbook holding one report-log row, the same in every file.
    func writeReportLog(to path: String) throws {
        let writer = WorkbookWriter()
        let sheet = try writer.addSheet("S")
        try sheet.appendRow(["Tuần", "Cấp", "Người gửi", "Thời điểm gửi"].map { .string($0) })
        try sheet.appendRow(["48/2026", "TP→GĐVP", "Hà", "28/11/2026 11h"].map { .string($0) })
        try writer.write(to: path)
    }

    @Test func unreadableFilesAreReportedAndTheRestRead() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        // b.xlsx stays two bytes of text; the three other workbooks are real.
        for name in ["a.XLSX", "Nhom 2/c.xlsm", "Nhom 2/con/d.xlsx"] {
            let path = root.appendingPathComponent(name).path
            try FileManager.default.removeItem(atPath: path)
            try writeReportLog(to: path)
        }
        let data = Dataset.load(paths: [root.path])
        #expect(data.reportLog.count == 1)
        #expect(data.findings(.unreadableFile).map(\.file) == ["b.xlsx"])
        // Same week, level and (no) team in three files: the copies are identical rows.
        #expect(data.findings(.duplicateRow).count == 2)

        // The check itself stops at the unreadable file by default, naming it.
        #expect(throws: CheckFailure.self) { try OfficeCheck.load([root.path]) }
        do { _ = try OfficeCheck.load([root.path]) } catch {
            #expect(error.en.contains("b.xlsx: This is text or CSV named like a workbook"), "\(error.en)")
        }
    }
}
