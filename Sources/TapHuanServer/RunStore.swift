import Foundation
import TrainingOps

/// The outcome of one check kept for the result page, its filters and its downloads.
struct CheckRun: Sendable {
    /// The run's id: 16 hex digits, made here.
    var id: String
    /// What was checked: the uploaded files, or the shared folder.
    var source: Source
    /// The report, with the client's file names put back.
    var report: ValidationReport
    /// Team of each course.
    var teams: [String: String]
    /// Name of each course.
    var names: [String: String]
    /// The files read, by the names shown.
    var files: [String]
    /// Files not taken, with the reason.
    var skipped: [(name: String, vi: String, en: String)]
    /// The column understanding of each file, when asked for.
    var columns: [(file: String, vi: String, en: String)]
    /// Time the check took, in seconds.
    var seconds: Double
    /// Whether the checked copies were made (a ZIP to download).
    var copies: Bool

    enum Source: Sendable { case upload, folder }

    /// The team a finding belongs to: its course's, or the one it names; `—` for none.
    func team(of f: Finding) -> String {
        if let c = f.course, let t = teams[c] { return t }
        if case .text(let t)? = f.data["team"] { return t }
        return "—"
    }
}

/// A file the server wrote under `--out`, to be downloaded.
struct Output: Sendable {
    /// Where it is.
    var path: String
    /// The name the browser saves it under.
    var fileName: String
    /// Its media type.
    var mediaType: String
}

/// The runs of this server: their results for the pages and their outputs for the downloads,
/// looked up by id only. The oldest runs beyond the bound are forgotten and their outputs
/// removed.
actor RunStore {
    private var runs: [String: CheckRun] = [:]
    private var outputs: [String: [String: Output]] = [:]
    private var order: [String] = []
    private let kept: Int
    private let root: URL

    init(root: URL, kept: Int) {
        self.root = root
        self.kept = max(1, kept)
    }

    /// A new run id and its output folder under `--out`, created.
    func newRun() throws -> (id: String, folder: URL) {
        var id = ""
        repeat {
            id = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        } while outputs[id] != nil
        let folder = root.appendingPathComponent(id, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        outputs[id] = [:]
        order.append(id)
        while order.count > kept {
            let old = order.removeFirst()
            runs[old] = nil
            outputs[old] = nil
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old, isDirectory: true))
        }
        return (id, folder)
    }

    func keep(_ run: CheckRun) { if outputs[run.id] != nil { runs[run.id] = run } }

    func run(_ id: String) -> CheckRun? { runs[id] }

    func add(_ output: Output, key: String, run: String) { outputs[run]?[key] = output }

    func output(run: String, key: String) -> Output? { outputs[run]?[key] }

    /// Forgets a run whose outputs could not be made, removing its folder.
    func drop(_ id: String) {
        runs[id] = nil
        outputs[id] = nil
        order.removeAll { $0 == id }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(id, isDirectory: true))
    }
}

/// At most `width` checks at once; the others wait in arrival order. Reading a workbook takes a
/// core and memory in proportion to the file, so this bounds both under load.
actor CheckGate {
    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { self.width = max(1, width) }

    /// Runs `body` once a place is free.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if running < width {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
