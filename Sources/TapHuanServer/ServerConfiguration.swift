import Foundation
import TrainingOps

/// How `taphuan serve` runs: what it reads, where it writes, where it listens, who may use it.
public struct ServerConfiguration: Sendable {
    /// The shared folder the pages check as it is now; never written.
    public var folder: String = "."
    /// The folder every output (checked copies, reports, forms) is written under.
    public var out: String
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on (0: any free port).
    public var port: Int = 8080
    /// The access token, when one is required.
    public var token: String?
    /// The moment deadlines are judged at when a page does not say (default: the time of each request).
    public var asOf: LocalMoment?
    /// A JSON settings file applied over the defaults and the "Cấu hình" sheets.
    public var settingsFile: String?
    /// Bounds on uploads.
    public var limits = UploadLimits()
    /// How many checks run at once; the others wait their turn.
    public var concurrentChecks: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Where the private folder of each upload is made (default: the system's temporary directory).
    public var uploads: String?
    /// How many runs' outputs are kept under ``out`` (the oldest are removed).
    public var keptRuns: Int = 50
    /// The language of the pages for a visitor who has not chosen one (with the switch, which
    /// a cookie remembers, or `?lang=`).
    public var language: Language = .vi

    /// A configuration reading `folder` and writing under `out`.
    public init(folder: String = ".", out: String) {
        self.folder = folder
        self.out = out
    }

    /// Whether ``host`` is a loopback address, reachable only from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// A configuration that can be served: the folder exists, `out` is not inside it (the
    /// check would read its own outputs) and can be created. Returns the reason otherwise.
    public func problem(_ lang: Language) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            return lang.pick("--folder \(folder): không có thư mục này", "--folder \(folder): no such folder")
        }
        let f = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let o = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        if o == f || o.hasPrefix(f.hasSuffix("/") ? f : f + "/") {
            return lang.pick("--out \(out) nằm trong --folder \(folder): kết quả sẽ bị đọc lại như dữ liệu; hãy chọn thư mục khác",
                             "--out \(out) lies inside --folder \(folder): outputs would be read back as data; choose another folder")
        }
        return nil
    }
}

/// Bounds on what one upload may hold.
public struct UploadLimits: Sendable {
    /// The largest file, in bytes.
    public var fileBytes: Int = 50 << 20
    /// The largest request body, in bytes.
    public var requestBytes: Int = 200 << 20
    /// The most files in one request.
    public var files: Int = 50

    /// The defaults: 50 MB a file, 200 MB a request, 50 files.
    public init() {}

    /// A size in megabytes, for messages: `50 MB`, `0.5 MB`.
    static func megabytes(_ n: Int) -> String {
        n % (1 << 20) == 0 ? "\(n >> 20) MB" : String(format: "%.1f MB", Double(n) / Double(1 << 20))
    }
}
