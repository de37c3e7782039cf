import Foundation
import Synchronization
import Testing
@testable import XLSX

/// Every input the fuzzers found (and the crash inputs found by reading the code), kept under
/// `Fixtures/fuzz/TARGET/` and run through the fuzz target of that name itself
/// (`Sources/XLSX/Fuzzing/FuzzTargets.swift`, which `Fuzz/Harness.swift` runs under libFuzzer):
/// each ends with every failure an `XLSXError`, never a crash, a hang or another error type.
@Suite struct HostileFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    /// `TARGET/file` for every kept input.
    static let inputs: [String] = {
        var found: [String] = []
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for target in targets.sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []
            found += files.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
        return found
    }()

    /// The failures a target meets reach the test: garbage is no ZIP, and says so.
    @Test func failuresReachTheTest() throws {
        let run = try #require(FuzzTargets.all["zip-directory"])
        let seen = Mutex<[String]>([])
        FuzzTargets.$failed.withValue({ error in seen.withLock { $0.append("\(error)") } }) {
            run(Array("not a zip at all, just text".utf8), FuzzTargets.limits)
        }
        #expect(seen.withLock { $0.count } == 1)
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 1)
    }

    @Test(arguments: inputs)
    func inputEndsInSuccessOrAnXLSXError(_ input: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(input)))
        let target = String(input.prefix { $0 != "/" })
        let run = try #require(FuzzTargets.all[target], "no fuzz target of the XLSX layer named \(target)")
        let start = ContinuousClock.now
        // The very function the fuzzer runs; every failure it meets must be a named XLSXError.
        FuzzTargets.$failed.withValue({ error in
            if !(error is XLSXError) { Issue.record("\(input): \(type(of: error)): \(error)") }
        }) {
            run(bytes, FuzzTargets.limits)
        }
        #expect(ContinuousClock.now - start < .seconds(10), "\(input) took too long")
    }
}
