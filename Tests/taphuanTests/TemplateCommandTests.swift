import Foundation
import Testing
import TrainingOps
@testable import taphuan

@Suite struct TemplateCommandTests {
    func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-template-cmd-\(UUID().uuidString)").path
    }

    @Test func writesOneWorkbookPerKindThatImportsClean() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Template.parse(["handover", "Danh sách đơn vị", "-o", dir]).run()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["Ban giao ke hoach.xlsx", "Danh sach don vi.xlsx"])
        let data = Dataset.load(paths: [dir])
        #expect(data.findings.isEmpty)
        #expect(data.sheets.map(\.header.kind) == [.handover, .units])
    }

    @Test func singleWorkbookAndNoSilentOverwrite() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Template.parse(["--single", "Mau.xlsx", "-o", dir]).run()
        let data = Dataset.load(paths: [dir + "/Mau.xlsx"])
        #expect(data.sheets.map(\.header.kind) == SheetType.allCases)
        #expect(throws: (any Error).self) { try Template.parse(["--single", "Mau.xlsx", "-o", dir]).run() }
        try Template.parse(["--single", "Mau.xlsx", "--force", "-o", dir]).run()
    }

    @Test func unknownKindIsRefused() {
        #expect(throws: (any Error).self) { try Template.parse(["khoahoc", "-o", temporaryFolder()]).run() }
    }
}
