import Foundation
import Testing
@testable import XLSX

/// Every input the fuzzers found (and the crash inputs found by reading the code), kept under
/// `Fixtures/fuzz/TARGET/` and run through the same library calls as the fuzz target of that
/// name (`Fuzz/Harness.swift`): each ends in success or an `XLSXError`, never a crash, a hang or
/// another error type.
@Suite struct HostileFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    /// `TARGET/file` for every kept input.
    static let inputs: [String] = {
        var found: [String] = []
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for target in targets.sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []
            found += files.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
        return found
    }()

    /// The fuzz limits (`Fuzz/Harness.swift`): the defaults with smaller entries and parts.
    static var limits: ReadLimits {
        var limits = ReadLimits()
        limits.maxEntrySize = 64 << 20
        limits.maxTotalSize = 256 << 20
        limits.maxPartSize = 32 << 20
        return limits
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 1)
    }

    @Test(arguments: inputs)
    func inputEndsInSuccessOrAnXLSXError(_ input: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(input)))
        let target = String(input.prefix { $0 != "/" })
        let start = ContinuousClock.now
        do {
            try Self.run(target, bytes)
        } catch is XLSXError {
            // A named failure is a good outcome for a broken input.
        }
        #expect(ContinuousClock.now - start < .seconds(10), "\(input) took too long")
    }

    /// The target's library calls; errors propagate (an error of another type fails the test).
    static func run(_ target: String, _ bytes: [UInt8]) throws {
        switch target {
        case "zip-directory":
            let archive = try ZipArchive(source: MemoryByteSource(bytes), limits: limits)
            for entry in archive.entries { _ = try archive.dataOffset(of: entry) }
        case "zip-inflate":
            let archive = try ZipArchive(source: MemoryByteSource(bytes), limits: limits)
            for entry in archive.entries { try archive.stream(entry, chunkSize: 4096).drain() }
        case "xml":
            final class Touch: XMLContentHandler {
                func startElement(_ name: XMLName, attributes: XMLAttributes) { for a in attributes.all { _ = a.value.utf8.count } }
                func endElement(_ name: XMLName) {}
                func characters(_ bytes: UnsafeRawBufferPointer) {}
            }
            let parser = XMLPushParser(part: "fuzz.xml", handler: Touch(), maxDepth: limits.maxXMLDepth)
            try bytes.withUnsafeBytes { raw in
                try parser.feed(UnsafeRawBufferPointer(rebasing: raw[0..<raw.count / 2]))
                try parser.feed(UnsafeRawBufferPointer(rebasing: raw[(raw.count / 2)...]))
                try parser.finish()
            }
        case "part-workbook": try drain(replacing: "xl/workbook.xml", bytes)
        case "part-rels": try drain(replacing: "xl/_rels/workbook.xml.rels", bytes)
        case "part-content-types":
            var package = HostilePackage()
            package.remove("_rels/.rels")
            package.set("[Content_Types].xml", bytes)
            try drain(try ZipArchive(source: MemoryByteSource(try package.bytes()), limits: limits))
        case "part-shared-strings": try drain(replacing: "xl/sharedStrings.xml", bytes)
        case "part-styles": try drain(replacing: "xl/styles.xml", bytes)
        case "part-sheet": try drain(replacing: "xl/worksheets/sheet1.xml", bytes)
        case "part-comments":
            var package = HostilePackage()
            package.set("xl/comments1.xml", bytes)
            package.set("xl/worksheets/_rels/sheet1.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(HostilePackage.relationshipType)comments" Target="../comments1.xml"/></Relationships>
                """)
            let archive = try ZipArchive(source: MemoryByteSource(try package.bytes()), limits: limits)
            if let entry = archive.entry(named: "xl/comments1.xml") { _ = try? CommentsReader.read(archive, entry: entry) }
            try drain(archive)
        case "template-fill":
            let archive = try ZipArchive(source: MemoryByteSource(bytes), limits: limits)
            let folder = try makeTemporaryDirectory("fuzz-template")
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = folder.appendingPathComponent("out.xlsx").path
            var options = TemplateFillOptions(missing: .empty, replaceExisting: true, limits: limits)
            options.rewriteAllSheets = bytes.count % 2 == 0
            _ = try WorkbookTemplate.fill(archive: archive, data: templateData, output: output, options: options)
            try drain(try ZipArchive(path: output, limits: limits))
        case "workbook", "domain-import":
            try drain(try ZipArchive(source: MemoryByteSource(bytes), limits: limits))
        default:
            Issue.record("no fuzz target named \(target)")
        }
    }

    /// The fuzz target's template data (`Fuzz/Harness.swift`).
    static let templateData = TemplateValue.object([
        "week": .number(48), "team": .string("Nhóm A"), "date": .string("2026-11-30"),
        "title": .string("<b>&amp;</b> ${x}"), "name": .string("Nguyễn Văn A"),
        "courses": .array((0..<3).map { i in
            .object(["title": .string("Khóa \(i)"), "students": .number(Double(20 + i)), "note": .string(i == 1 ? "học bù" : "")])
        }),
    ])

    static func drain(replacing name: String, _ bytes: [UInt8]) throws {
        var package = HostilePackage()
        package.set(name, bytes)
        try drain(try ZipArchive(source: MemoryByteSource(try package.bytes()), limits: limits))
    }

    /// Opens the workbook and reads every sheet streamed, raw and whole, as the harness does.
    static func drain(_ archive: ZipArchive) throws {
        let workbook = try Workbook(archive: archive, path: nil)
        var failure: (any Error)?
        for info in workbook.sheets.prefix(8) {
            do { try workbook.rows(of: info).forEach { row in for cell in row.cells { _ = "\(cell.value)" } } } catch { failure = failure ?? error }
            do { try workbook.forEachRawCell(in: info) { _ in } } catch { failure = failure ?? error }
            do { _ = try workbook.sheet(info).dimension } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }
}
