import ArgumentParser

@main
struct TapHuan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taphuan",
        abstract: "Kiểm tra và lập báo cáo cho quy trình tập huấn từ các sổ tính Excel.",
        discussion: """
            TapHuan reads the office's training-deployment workbooks, checks them against the \
            process rules and writes the reports and forms the staff would otherwise assemble by hand. \
            Run `taphuan help SUBCOMMAND` for the options and examples of each subcommand.

            Shell completions:
              taphuan --generate-completion-script bash > /etc/bash_completion.d/taphuan
              taphuan --generate-completion-script zsh > ~/.zfunc/_taphuan
              taphuan --generate-completion-script fish > ~/.config/fish/completions/taphuan.fish

            Examples:
              taphuan validate samples --as-of 2026-11-28T09:00
              taphuan weekly --week 2026-W48 --level office -o tuan48.xlsx samples
              taphuan rules --lang en
              taphuan template -o mau
              taphuan inspect "samples/Ban giao ke hoach.xlsx"
              taphuan serve samples
            """,
        version: TapHuan.version,
        subcommands: [Validate.self, Weekly.self, Forms.self, Template.self, Rules.self, Serve.self, Fill.self, Inspect.self, Parts.self]
    )

    /// The package's version, printed by `taphuan --version`; the one place it is written
    /// (CHANGELOG.md records what each version holds).
    static let version = "0.2.0"
}
