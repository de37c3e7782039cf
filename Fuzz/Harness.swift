// libFuzzer entry point. scripts/fuzz compiles this folder together with the library's sources
// into one binary; FUZZ_TARGET names the target, and each drives the library's real code on the
// fuzzer's bytes.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TrainingOps
@testable import XLSX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    selectedTarget(Array(UnsafeBufferPointer(start: data, count: size)), FuzzTargets.limits)
    return 0
}

/// Every target by the name `scripts/fuzz` passes in FUZZ_TARGET: the XLSX layer's
/// (`Sources/XLSX/Fuzzing/FuzzTargets.swift`, which the regression tests run too) and the
/// domain import.
let fuzzTargets: [String: @Sendable ([UInt8], ReadLimits) -> Void] = FuzzTargets.all.merging(["domain-import": fuzzDomainImport]) { a, _ in a }

/// The target this process runs, chosen once from FUZZ_TARGET.
let selectedTarget: @Sendable ([UInt8], ReadLimits) -> Void = {
    guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }), let target = fuzzTargets[name] else {
        fputs("FUZZ_TARGET must be one of: \(fuzzTargets.keys.sorted().joined(separator: " "))\n", stderr)
        exit(2)
    }
    return target
}()

/// The domain import: the bytes as a workbook file, loaded into a dataset with every check run.
@Sendable func fuzzDomainImport(_ bytes: [UInt8], limits: ReadLimits) {
    let path = "/dev/shm/taphuan-fuzz-\(getpid()).xlsx"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
    defer { unlink(path) }
    let dataset = Dataset.load(paths: [path])
    _ = dataset.findings.count
}
