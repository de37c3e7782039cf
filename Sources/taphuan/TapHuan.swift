import ArgumentParser

@main
struct TapHuan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taphuan",
        abstract: "Kiểm tra và lập báo cáo cho quy trình tập huấn từ các sổ tính Excel.",
        discussion: "TapHuan reads the office's training-deployment workbooks, checks them against the process rules and writes the reports and forms the staff would otherwise assemble by hand.",
        version: "0.1.0",
        subcommands: [ZipList.self, Inspect.self, Template.self, Validate.self, Rules.self, Fill.self]
    )
}
