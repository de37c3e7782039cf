import ArgumentParser
import Foundation
import TrainingOps

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
