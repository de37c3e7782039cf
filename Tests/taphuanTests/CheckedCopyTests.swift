import Foundation
import TestTools
import Testing
@testable import taphuan

@Suite(.serialized) struct CheckedCopyTests {
    /// Bytes of every file under `folder`, by relative path.
    static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) ?? .init() {
            if let d = FileManager.default.contents(atPath: url.path) { out[url.path] = d }
        }
        return out
    }

    @Test(.requires(.openpyxl, .libreOffice)) func copiesCarryFillsNotesAndLinksAndInputsAreUntouched() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-checked-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = Self.snapshot(sampleFolder)
        let (json, status) = try await runCommand(["validate", sampleFolder, "--as-of", "2026-11-28T09:00", "--format", "json",
                                                   "--checked-copy", dir.path])
        #expect(status == 1)
        #expect(Self.snapshot(sampleFolder) == before, "inputs untouched")
        let report = dir.appendingPathComponent("findings.json")
        try Data(json.utf8).write(to: report)
        // Judged by openpyxl and LibreOffice, not by our reader.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/check-checked-copy.py").standardized
        let (judged, output) = try runProgram(try ExternalTool.openpyxl.path(), [script.path, report.path, dir.path])
        #expect(judged == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))

        // A second run never replaces the copies.
        let (_, again) = try await runCommand(["validate", sampleFolder, "--as-of", "2026-11-28T09:00", "--checked-copy", dir.path])
        #expect(again == 2)
    }
}
