import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wall and CPU time (all threads) of each phase, printed on stderr when enabled (`--timings`).
/// Laps may come from the pipeline's thread; one at a time, under a lock.
final class PhaseClock: @unchecked Sendable {
    let enabled: Bool
    private var wall: UInt64 = 0
    private var cpu = 0.0
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
        if enabled { (wall, cpu) = (DispatchTime.now().uptimeNanoseconds, Self.processCPU()) }
    }

    func lap(_ phase: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let nowWall = DispatchTime.now().uptimeNanoseconds, nowCPU = Self.processCPU()
        let line = phase.padding(toLength: 20, withPad: " ", startingAt: 0)
            + String(format: " %7.3f s wall %7.3f s CPU\n", Double(nowWall - wall) / 1e9, nowCPU - cpu)
        FileHandle.standardError.write(Data(line.utf8))
        (wall, cpu) = (nowWall, nowCPU)
    }

    /// User + system time of the whole process so far, in seconds.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
