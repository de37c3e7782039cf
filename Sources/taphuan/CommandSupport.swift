import ArgumentParser
import Foundation
import TrainingOps
import XLSX

extension Language: ExpressibleByArgument {
    /// The language of a command's messages: `--lang`, else `TAPHUAN_LANG`, else Vietnamese.
    static var fromEnvironment: Language {
        ProcessInfo.processInfo.environment["TAPHUAN_LANG"].flatMap(Language.init(rawValue:)) ?? .vi
    }
}

/// `--lang vi|en`, shared by every command; the default comes from `TAPHUAN_LANG`.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of messages: vi or en (default: $TAPHUAN_LANG, else vi).")
    var explicit: Language?

    /// The language in force.
    var lang: Language { explicit ?? .fromEnvironment }
}

/// Checks the office's workbooks under `paths` (the current folder when none) through the one
/// pipeline; a failure becomes a usage error in `lang`, naming file and cell.
func checkOffice(_ paths: [String], asOf: String?, settings: String?, lang: Language) async throws -> OfficeCheck {
    do {
        var options = OfficeCheck.Options()
        options.asOf = try LocalMoment.asOf(asOf)
        options.settingsFile = settings
        return try await OfficeCheck.run(paths.isEmpty ? ["."] : paths, options: options)
    } catch {
        throw ValidationError(error.message(lang))
    }
}

/// The records of a run, kept alive to the end of the process (see `execute`).
final class Retained: @unchecked Sendable {
    let data: Dataset
    init(_ data: Dataset) { self.data = data }
}

/// A progress bar on stderr, drawn only when asked (a terminal) and for many files.
final class ProgressBar: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func advance(_ done: Int, of total: Int) {
        guard enabled, total >= 20 else { return }
        let width = 30, filled = total == 0 ? width : done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Standard output as a text stream.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
}

extension Language {
    /// The same language for the XLSX library's messages.
    var messages: MessageLanguage { self == .vi ? .vi : .en }
}
