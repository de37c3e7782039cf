import ArgumentParser
import XLSX

/// Lists the parts of a workbook's ZIP package: a first look at any .xlsx file.
struct Parts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parts",
        abstract: "Liệt kê các phần (part) trong gói ZIP của một sổ tính.",
        discussion: """
            Lists each entry of the workbook's ZIP container, one a line: its uncompressed size, \
            its compressed size and its name, after inflating it and checking its CRC-32. Use it \
            to see what a workbook is made of, or to find which part of a damaged file is broken: \
            a bad entry stops the listing with its name and the reason.

            Examples:
              taphuan parts "samples/Ban giao ke hoach.xlsx"
              taphuan parts report.xlsx | grep worksheets
            """
    )

    @Argument(help: "The .xlsx file.")
    var file: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        do {
            let archive = try ZipArchive(path: file)
            for entry in archive.entries {
                try archive.stream(entry).drain()
                print("\(entry.uncompressedSize)\t\(entry.compressedSize)\t\(entry.name)")
            }
        } catch let error as XLSXError {
            throw ValidationError(error.located(in: file).message(language.lang.messages))
        }
    }
}
