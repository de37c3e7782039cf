import Foundation
import Testing

/// The XLSX library stands on the standard library, libxml2 and zlib alone: a program that
/// reads or writes workbooks does not load Foundation (about 8 MB of resident memory and its
/// start-up). Swift makes one file's import visible to the whole module, so a single
/// `import Foundation` would bring it back for every file.
@Suite struct DependencyTests {
    @Test func noFileOfTheLibraryImportsFoundation() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/XLSX")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "the library's sources were not found under \(sources.path)")
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import Foundation") || $0.hasPrefix("@_exported import Foundation") }
            #expect(imports.isEmpty, "\(file) imports Foundation")
        }
    }
}
