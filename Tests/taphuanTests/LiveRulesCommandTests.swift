import Foundation
import TestTools
import Testing

/// The live rules of `taphuan template`, judged by LibreOffice (which evaluates the conditional
/// formats on its own) and compared with `taphuan validate` on the same filled workbook: see
/// scripts/check-live-rules.py.
struct LiveRulesCommandTests {
    @Test(.requires(.openpyxl, .libreOffice)) func coloursAreTheBrokenRulesAndAgreeWithValidate() throws {
        let binary = Bundle.main.bundleURL.appendingPathComponent("taphuan").path
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no taphuan beside the tests at \(binary)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/check-live-rules.py").standardized
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(), [script.path, "--taphuan", binary], standardError: true)
        #expect(status == 0, "\(output)")
        #expect(output.contains("11 cells coloured by LibreOffice, 11 expected, 11 reported by validate"), "\(output)")
    }
}
