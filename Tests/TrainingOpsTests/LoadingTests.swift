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

    @Test func unreadableFilesAreReportedAndTheRestRead() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = Dataset.load(paths: [root.path]) { url in
            if url.lastPathComponent == "b.xlsx" { throw XLSXError.corruptArchive(reason: "test", offset: nil) }
            return [grid("S", [["Tuần", "Cấp", "Người gửi", "Thời điểm gửi"], ["48/2026", "TP→GĐVP", "Hà", "28/11/2026 11h"]])]
        }
        #expect(data.reportLog.count == 1)
        #expect(data.findings(.unreadableFile).map(\.file) == ["b.xlsx"])
        // Same week, level and (no) team in three files: the copies are identical rows.
        #expect(data.findings(.duplicateRow).count == 2)
    }
}
