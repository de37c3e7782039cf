import ArgumentParser
import Foundation
import TrainingOps

/// `taphuan rules`: the rules `validate` checks, and the settings behind them.
struct Rules: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Liệt kê các quy tắc kiểm tra và cấu hình mặc định.",
        discussion: """
            Prints every rule of `taphuan validate` with its stable id, severity and the step of the \
            office's process it enforces, then every setting with its value and where the value \
            comes from. Given workbooks or folders (and --settings), the values are the ones a \
            check of them runs with: their "Cấu hình" sheets, then the JSON file, over the \
            defaults. Each setting says whether the office's process text states its default \
            (quoting it) or the default is the office's own. The ids are the ones in the validate \
            report and in docs/rules.md.

            Examples:
              taphuan rules
              taphuan rules --lang en
              taphuan rules samples --settings settings.json
            """
    )

    @OptionGroup var language: LanguageOption

    @Option(help: "A JSON file of settings, applied over the workbooks' \"Cấu hình\" sheets.")
    var settings: String?

    @Argument(help: "Workbooks or folders whose settings to show (default: none, the defaults).")
    var paths: [String] = []

    /// The language of messages.
    var lang: Language { language.lang }

    func run() async throws {
        var inForce = SettingsInForce()
        if !paths.isEmpty {
            inForce = try await checkOffice(paths, asOf: nil, settings: settings, lang: lang).settings
        } else if let settings {
            do { try inForce.apply(jsonFile: settings) } catch { throw ValidationError(error.message(lang)) }
        }
        var out = StandardOutput()
        out.write(Self.render(lang, settings: inForce))
    }

    /// The listing.
    static func render(_ lang: Language, settings inForce: SettingsInForce = SettingsInForce()) -> String {
        let vi = lang == .vi
        var s = ""
        var step: ProcessStep?
        for rule in RuleRegistry.all {
            if rule.step != step {
                step = rule.step
                s += "\n\(rule.step.label(lang))\n"
            }
            let sev = vi ? rule.severity.vietnamese : rule.severity.rawValue
            s += "  \(rule.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \(sev.padding(toLength: 9, withPad: " ", startingAt: 0)) \(rule.summary(lang, inForce.settings))\n"
        }
        s += "\n" + (vi ? "Cấu hình (sửa trong sheet \"\(Settings.sheetName)\" hoặc file JSON):" : "Settings (edit in a \"\(Settings.sheetName)\" sheet or a JSON file):") + "\n"
        for key in Settings.keys {
            let source = inForce.source(of: key)
            let from = source == .builtIn ? "" : " [" + source.label(lang) + "]"
            let origin = key.processText.map { (vi ? " (quy trình: “" : " (process text: “") + $0 + "”)" }
                ?? (vi ? " (mặc định của văn phòng, quy trình không nêu)" : " (office default, not in the process text)")
            s += "  \(key.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(vi ? key.label : key.meaning): \(inForce.settings.text(of: key))\(from)\(origin)\n"
        }
        return s
    }
}
