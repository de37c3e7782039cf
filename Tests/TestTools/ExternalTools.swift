import Foundation
import Testing

/// A program, Python package or folder outside this package that some tests judge our files
/// with. A test needing one declares it with ``Testing/Trait/requires(_:)``: where it is missing
/// the test is skipped, and the skip names what is missing and how to get it.
///
/// With `TAPHUAN_REQUIRE_TOOLS=1` in the environment (as `.ci/run` sets it) nothing is skipped:
/// a missing tool fails the tests that need it, with the same message.
public enum ExternalTool: String, CaseIterable, Sendable {
    /// A Python 3 interpreter.
    case python3
    /// openpyxl, in that Python.
    case openpyxl
    /// Pillow, in that Python: without it openpyxl drops the pictures of what it reads.
    case pillow
    /// LibreOffice's `soffice`, run headless.
    case libreOffice
    /// `pdftoppm`, from poppler-utils.
    case pdftoppm
    /// Info-ZIP's `unzip`.
    case unzip
    /// The shared corpus of other tools' workbooks, `../shared/corpus` beside the checkout.
    case sharedCorpus

    /// Its name as a user knows it.
    public var name: String {
        switch self {
        case .python3: return "python3"
        case .openpyxl: return "openpyxl"
        case .pillow: return "Pillow"
        case .libreOffice: return "LibreOffice (soffice)"
        case .pdftoppm: return "pdftoppm"
        case .unzip: return "unzip"
        case .sharedCorpus: return "../shared/corpus"
        }
    }

    /// How to get it.
    public var installation: String {
        switch self {
        case .python3: return "apt-get install -y python3"
        case .openpyxl: return "pip install openpyxl"
        case .pillow: return "pip install pillow"
        case .libreOffice: return "apt-get install -y libreoffice-calc-nogui"
        case .pdftoppm: return "apt-get install -y poppler-utils"
        case .unzip: return "apt-get install -y unzip"
        case .sharedCorpus: return "the shared folder laid beside the checkout"
        }
    }

    /// Whether it is here.
    public var isAvailable: Bool { ExternalTools.found.contains(self) }

    /// The program to run it with (the Python that has the package, for a Python package), or
    /// the folder; throws naming what is missing.
    public func path() throws -> String {
        let found: String?
        switch self {
        case .python3: found = ExternalTools.python
        case .openpyxl, .pillow: found = isAvailable ? ExternalTools.python : nil
        case .libreOffice: found = ExternalTools.soffice
        case .pdftoppm: found = ExternalTools.pdftoppm
        case .unzip: found = ExternalTools.unzip
        case .sharedCorpus: found = ExternalTools.sharedFolder?.path
        }
        guard let found else { throw MissingTool(tools: [self]) }
        return found
    }
}

/// Tools a test needed and did not find.
public struct MissingTool: Error, CustomStringConvertible {
    /// What is missing.
    public var tools: [ExternalTool]

    /// `needs openpyxl, Pillow (not found: pip install openpyxl; pip install pillow)`.
    public var description: String {
        "needs " + tools.map(\.name).joined(separator: ", ") + " (not found: "
            + tools.map(\.installation).joined(separator: "; ") + ")"
    }
}

/// Where the external tools are, looked up once per test process.
public enum ExternalTools {
    /// Whether missing tools fail their tests instead of skipping them (`TAPHUAN_REQUIRE_TOOLS=1`).
    public static let required = ProcessInfo.processInfo.environment["TAPHUAN_REQUIRE_TOOLS"] == "1"

    /// The first executable named `name` on the `PATH`, or among `extra`.
    static func executable(_ name: String, extra: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/\(name)" } + extra
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The Python 3 interpreter.
    public static let python = executable("python3")
    /// LibreOffice.
    public static let soffice = executable("soffice", extra: ["/usr/bin/soffice", "/usr/local/bin/soffice"])
    /// pdftoppm.
    public static let pdftoppm = executable("pdftoppm")
    /// unzip.
    public static let unzip = executable("unzip")

    /// The folder holding `corpus/MANIFEST.tsv`, beside the checkout.
    public static let sharedFolder: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let shared = url.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/MANIFEST.tsv").path) ? shared : nil
    }()

    /// Every tool found.
    static let found: Set<ExternalTool> = {
        var found: Set<ExternalTool> = []
        if soffice != nil { found.insert(.libreOffice) }
        if pdftoppm != nil { found.insert(.pdftoppm) }
        if unzip != nil { found.insert(.unzip) }
        if sharedFolder != nil { found.insert(.sharedCorpus) }
        if let python {
            found.insert(.python3)
            let probe = "import importlib.util as u; print(' '.join(m for m in ('openpyxl', 'PIL') if u.find_spec(m)))"
            let modules = (try? output(of: python, ["-c", probe])) ?? ""
            let names = modules.split(whereSeparator: \.isWhitespace)
            if names.contains("openpyxl") { found.insert(.openpyxl) }
            if names.contains("PIL") { found.insert(.pillow) }
        }
        return found
    }()

    /// What `executable` prints on standard output.
    static func output(of executable: String, _ arguments: [String]) throws -> String {
        try runProgram(executable, arguments, standardError: false).output
    }
}

/// Runs a program to its end: its exit status and what it printed (standard output, and
/// standard error too unless `standardError` is false). The one process runner of the tests.
public func runProgram(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                       standardError: Bool = true) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = standardError ? pipe : FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where every tool of `tools` is found; otherwise it is skipped with a
    /// comment naming what is missing and how to get it. Under `TAPHUAN_REQUIRE_TOOLS=1` it
    /// always runs.
    public static func requires(_ tools: ExternalTool...) -> Self {
        let missing = tools.filter { !$0.isAvailable }
        return .enabled(if: missing.isEmpty || ExternalTools.required,
                        Comment(rawValue: missing.isEmpty ? "needs " + tools.map(\.name).joined(separator: ", ")
                                                          : MissingTool(tools: missing).description))
    }
}
