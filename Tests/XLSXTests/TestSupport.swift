import Foundation
import TestTools
import Testing
@testable import XLSX

/// A fresh folder under the system's temporary directory, removed by the caller when done.
func makeTemporaryDirectory(_ label: String = "xlsx") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("taphuan-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The shared corpus of other tools' workbooks (`../shared/corpus`); a test using it declares
/// `.requires(.sharedCorpus)`, so this throws only where that requirement is forced.
func sharedCorpus() throws -> URL {
    URL(fileURLWithPath: try ExternalTool.sharedCorpus.path())
}

/// Converts the workbook at `path` with headless LibreOffice (`filter` as `--convert-to` takes
/// it: `pdf`, `xlsx`, `csv:…`) into `folder`, with a profile of its own there so that
/// conversions may run side by side; LibreOffice's status and output, and the file it writes
/// (named after the input, with `fileExtension`).
func libreOfficeConvert(_ soffice: String, _ path: String, to filter: String, fileExtension: String,
                        into folder: URL) throws -> (status: Int32, output: String, file: URL) {
    let profile = folder.appendingPathComponent("lo-profile")
    let (status, output) = try runProgram(soffice, ["-env:UserInstallation=file://" + profile.path, "--headless",
                                             "--convert-to", filter, "--outdir", folder.path, path])
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "." + fileExtension
    return (status, output, folder.appendingPathComponent(name))
}
