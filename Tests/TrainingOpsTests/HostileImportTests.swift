import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// Hostile workbooks fed to the domain import: a sheet that places one cell in column XFD of
/// each row would make every grid row 16,384 cells wide; the import stops at the grid limit and
/// reports the file instead of eating memory.
@Suite struct HostileImportTests {
    @Test func wideRowsStopAtTheGridLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-wide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wide.xlsx").path
        let writer = try StreamingWorkbookWriter(path: path)
        let sheet = try writer.addSheet("Rộng")
        let rows = Dataset.maxGridCellsPerSheet / 16_384 + 1
        for row in 0..<rows { try sheet.writeRow([.number(1)], at: row, firstColumn: 16_383) }
        try writer.close()

        let start = ContinuousClock.now
        #expect(throws: XLSXError.limitExceeded(limit: .cellCount, entry: "xl/worksheets/sheet1.xml",
                                                value: UInt64(rows * 16_384), maximum: UInt64(Dataset.maxGridCellsPerSheet))) {
            _ = try Dataset.grids(of: URL(fileURLWithPath: path))
        }
        let data = Dataset.load(paths: [path])
        #expect(data.findings(.unreadableFile).count == 1)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func sheetsUnderTheLimitImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-narrow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("narrow.xlsx").path
        let writer = try StreamingWorkbookWriter(path: path)
        let sheet = try writer.addSheet("Hẹp")
        for row in 0..<100 { try sheet.writeRow([.number(Double(row))], at: row, firstColumn: 16_383) }
        try writer.close()
        let grids = try Dataset.grids(of: URL(fileURLWithPath: path))
        #expect(grids.count == 1)
        #expect(grids[0].rows.count == 100)
        #expect(grids[0].rows[99].count == 16_384)
        #expect(grids[0].rows[99][16_383] == .number(99))
    }
}
