import Foundation
import TestTools
import Testing

/// scripts/check-weekly-complete: for every week of the samples, at the head's deadline, every
/// finding of error or warning severity is on the office report and each on its team's report.
@Suite struct WeeklyCompleteTests {
    /// The `taphuan` built beside the test bundle.
    static func binary() throws -> String {
        let here = Bundle.main.bundleURL
        let candidates = [here.appendingPathComponent("taphuan"), here.deletingLastPathComponent().appendingPathComponent("taphuan"),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("taphuan")]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path,
                            "no taphuan binary beside \(here.path)")
    }

    @Test(.requires(.openpyxl)) func everyFindingOnTheReportsOfWeeks43To48() throws {
        let script = URL(fileURLWithPath: sampleFolder).deletingLastPathComponent().appendingPathComponent("scripts/check-weekly-complete").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-complete-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(),
                                              [script, "--taphuan", try Self.binary(), "--samples", sampleFolder, "--weeks", "43-48", "--keep", dir.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
        // Six weeks were judged, each with the office and three teams.
        for week in 43...48 { #expect(output.contains("2026-W\(week) as of "), "\(output)") }
        #expect(output.contains("2026-W48 as of 2026-11-28T12:00: 69 findings"), "\(output)")
    }
}
