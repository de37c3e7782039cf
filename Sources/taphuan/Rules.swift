import ArgumentParser
import TrainingOps

/// `taphuan rules`: the rules `validate` checks, and the settings behind them.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Liệt kê các quy tắc kiểm tra và cấu hình mặc định.",
        discussion: """
            Prints every rule of `taphuan validate` with its stable id, severity and the step of the \
            office's process it enforces, then every setting with its current value. The ids \
            are the ones in the validate report and in docs/rules.md; the settings can be changed \
            with a "Cấu hình" sheet or `taphuan validate --settings FILE.json`.

            Examples:
              taphuan rules
              taphuan rules --lang en
            """
    )

    @Option(help: "Language: vi or en.")
    var lang: Language = .vi

    func run() throws {
        var out = StandardOutput()
        out.write(Self.render(lang))
    }

    /// The listing.
    static func render(_ lang: Language) -> String {
        let vi = lang == .vi
        var s = ""
        var step: ProcessStep?
        for rule in RuleRegistry.all {
            if rule.step != step {
                step = rule.step
                s += "\n\(rule.step.label(lang))\n"
            }
            let sev = vi ? rule.severity.vietnamese : rule.severity.rawValue
            s += "  \(rule.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \(sev.padding(toLength: 9, withPad: " ", startingAt: 0)) \(rule.summary(lang))\n"
        }
        s += "\n" + (vi ? "Cấu hình (sửa trong sheet \"\(Settings.sheetName)\" hoặc file JSON):" : "Settings (edit in a \"\(Settings.sheetName)\" sheet or a JSON file):") + "\n"
        let settings = Settings()
        for key in Settings.keys {
            s += "  \(key.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(vi ? key.label : key.meaning): \(settings.text(of: key))\n"
        }
        return s
    }
}
