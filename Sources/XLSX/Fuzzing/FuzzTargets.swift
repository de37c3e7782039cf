#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzz targets of the XLSX layer: each takes arbitrary bytes and drives the reader's (or
/// the template filler's) real code over them, touching every value. `Fuzz/Harness.swift` runs
/// them under libFuzzer (`scripts/fuzz`); `HostileFuzzRegressionTests` runs every input the
/// fuzzers kept through the very same functions. A failure is handed to `failed`: the fuzzer
/// ignores it, the test requires it to be an ``XLSXError``.
enum FuzzTargets {
    /// The limits the targets read with: the defaults with smaller entries and parts, so a
    /// run stays within the fuzzer's memory.
    static var limits: ReadLimits {
        var limits = ReadLimits()
        limits.maxEntrySize = 64 << 20
        limits.maxTotalSize = 256 << 20
        limits.maxPartSize = 32 << 20
        return limits
    }

    /// Every target of this layer by the name `scripts/fuzz` gives it.
    static let all: [String: @Sendable ([UInt8], ReadLimits) -> Void] = [
        "zip-directory": fuzzZipDirectory,
        "zip-inflate": fuzzZipInflate,
        "xml": fuzzXml,
        "part-workbook": fuzzPartWorkbook,
        "part-rels": fuzzPartRels,
        "part-content-types": fuzzPartContentTypes,
        "part-shared-strings": fuzzPartSharedStrings,
        "part-styles": fuzzPartStyles,
        "part-sheet": fuzzPartSheet,
        "sheet-scanner": fuzzSheetScanner,
        "part-comments": fuzzPartComments,
        "workbook": fuzzWorkbook,
        "template-fill": fuzzTemplateFill,
    ]

    /// Where a target's failures go (nowhere under the fuzzer); each target catches them where it
    /// would go on. Set for a run with `FuzzTargets.$failed.withValue(handler) { … }`.
    @TaskLocal static var failed: (@Sendable (any Error) -> Void)?

    /// `body`'s value, or nil after handing its error to ``failed``.
    @discardableResult
    static func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch {
            failed?(error)
            return nil
        }
    }

    /// Parses a part with a handler that touches every event.
    final class TouchEverything: XMLContentHandler {
        var sum = 0
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            sum &+= attributes.count
            for attribute in attributes.all { sum &+= attribute.value.utf8.count }
        }
        func endElement(_ name: XMLName) { sum &+= 1 }
        func characters(_ bytes: UnsafeRawBufferPointer) { sum &+= bytes.count }
    }

    static func archive(_ bytes: [UInt8], _ limits: ReadLimits) -> ZipArchive? {
        attempt { try ZipArchive(source: MemoryByteSource(bytes), limits: limits) }
    }

    /// The central directory and local headers only.
    static func fuzzZipDirectory(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = archive(bytes, limits) else { return }
        for entry in archive.entries { attempt { try archive.dataOffset(of: entry) } }
    }

    /// Every entry inflated and checked.
    static func fuzzZipInflate(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = archive(bytes, limits) else { return }
        for entry in archive.entries { attempt { try archive.stream(entry, chunkSize: 4096).drain() } }
    }

    /// The hardened push parser on arbitrary bytes, fed in two chunks.
    static func fuzzXml(_ bytes: [UInt8], limits: ReadLimits) {
        let parser = XMLPushParser(part: "fuzz.xml", handler: TouchEverything(), maxDepth: limits.maxXMLDepth)
        bytes.withUnsafeBytes { raw in
            let half = raw.count / 2
            attempt { try parser.feed(UnsafeRawBufferPointer(rebasing: raw[0..<half])) }
            attempt { try parser.feed(UnsafeRawBufferPointer(rebasing: raw[half...])) }
            attempt { try parser.finish() }
        }
    }

    /// `xl/workbook.xml`: sheets, date system, defined names.
    static func fuzzPartWorkbook(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = packageArchive(replacing: "xl/workbook.xml", with: bytes, limits: limits) else { return }
        attempt { try WorkbookPart.read(archive) }
    }

    /// `xl/_rels/workbook.xml.rels`: relationships and target resolution, then the workbook open.
    static func fuzzPartRels(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = packageArchive(replacing: "xl/_rels/workbook.xml.rels", with: bytes, limits: limits) else { return }
        if let relationships = attempt({ try RelationshipsReader.read(archive, of: "xl/workbook.xml") }) {
            for relationship in relationships { _ = archive.entry(named: relationship.target) }
        }
        drainWorkbook(archive)
    }

    /// `[Content_Types].xml` (with no root relationships, so the workbook is located through it).
    static func fuzzPartContentTypes(_ bytes: [UInt8], limits: ReadLimits) {
        var package = StoredPackage()
        package.parts.removeAll { $0.0 == "_rels/.rels" }
        package.set("[Content_Types].xml", bytes)
        guard let archive = archive(package.bytes(), limits) else { return }
        attempt { try WorkbookPart.locate(archive) }
        drainWorkbook(archive)
    }

    /// `xl/sharedStrings.xml`: the table, every string and its runs, then a sheet that uses it.
    static func fuzzPartSharedStrings(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = packageArchive(replacing: "xl/sharedStrings.xml", with: bytes, limits: limits),
              let entry = archive.entry(named: "xl/sharedStrings.xml") else { return }
        if let table = attempt({ try SharedStrings.read(archive, entry: entry) }) {
            var sum = 0
            for i in 0..<min(table.count, 10_000) { sum &+= table.string(at: i)?.utf8.count ?? 0 }
            _ = sum
        }
        drainWorkbook(archive)
    }

    /// `xl/styles.xml`: number formats and cell formats, then a sheet whose cells use them.
    static func fuzzPartStyles(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = packageArchive(replacing: "xl/styles.xml", with: bytes, limits: limits),
              let entry = archive.entry(named: "xl/styles.xml") else { return }
        if let formats = attempt({ try CellFormats.read(archive, entry: entry) }) {
            for i in -1..<64 { _ = formats.numberFormat(i); _ = formats.dateKind(i) }
        }
        drainWorkbook(archive)
    }

    /// A worksheet: streamed rows, raw cells and the whole-sheet model.
    static func fuzzPartSheet(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = packageArchive(replacing: "xl/worksheets/sheet1.xml", with: bytes, limits: limits) else { return }
        drainWorkbook(archive)
    }

    /// A worksheet read by the scanner and by libxml2 alone, which must agree on every cell,
    /// row, error and limit; the input's own bytes pick the inflate chunk size (so units are
    /// cut across chunks) and tighten the depth and cell limits. A difference stops the run.
    static func fuzzSheetScanner(_ bytes: [UInt8], limits: ReadLimits) {
        var limits = limits
        let seed = bytes.reduce(UInt32(2166136261)) { ($0 ^ UInt32($1)) &* 16777619 }
        if seed & 3 == 0 { limits.maxXMLDepth = Int(seed >> 4 & 15) }
        if seed & 12 == 0 { limits.maxCells = Int(seed >> 8 & 63) }
        let chunkSize = seed & 1 == 0 ? nil : Int(1 + (seed >> 12) % 700)
        guard let archive = packageArchive(replacing: "xl/worksheets/sheet1.xml", with: bytes, limits: limits) else { return }
        if let difference = ScannerDifferential.difference(archive, chunkSize: chunkSize) {
            if let failed { failed(ScannerDifferential.Mismatch(description: difference)) } else { fatalError("scanner and libxml2 differ: \(difference)") }
        }
    }

    /// A comments part, read directly and through the sheet that links it.
    static func fuzzPartComments(_ bytes: [UInt8], limits: ReadLimits) {
        var package = StoredPackage()
        package.set("xl/comments1.xml", bytes)
        package.set("xl/worksheets/_rels/sheet1.xml.rels", Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>\
            </Relationships>
            """.utf8))
        guard let archive = archive(package.bytes(), limits), let entry = archive.entry(named: "xl/comments1.xml") else { return }
        attempt { try CommentsReader.read(archive, entry: entry) }
        drainWorkbook(archive)
    }

    /// A whole package: open, then every sheet streamed, visited raw and built whole.
    static func fuzzWorkbook(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = archive(bytes, limits) else { return }
        drainWorkbook(archive)
    }

    /// The data of `templates/bao-cao-tuan.json`: scalars, a list of objects, text with markup.
    static let templateData = TemplateValue.object([
        "week": .number(48), "team": .string("Nhóm A"), "date": .string("2026-11-30"),
        "title": .string("<b>&amp;</b> ${x}"), "name": .string("Nguyễn Văn A"),
        "courses": .array((0..<3).map { i in
            .object(["title": .string("Khóa \(i)"), "students": .number(Double(20 + i)), "note": .string(i == 1 ? "học bù" : "")])
        }),
    ])

    /// Template filling: the bytes as a template package, filled with fixed data (missing values
    /// left empty), the output written to a temporary file and read back.
    static func fuzzTemplateFill(_ bytes: [UInt8], limits: ReadLimits) {
        guard let archive = archive(bytes, limits) else { return }
        // No Foundation here: it would load into every program linking the library.
        let folder = access("/dev/shm", F_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        let output = folder + "/taphuan-fuzz-template-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx"
        defer { unlink(output) }
        var options = TemplateFillOptions(missing: .empty, replaceExisting: true, limits: limits)
        options.rewriteAllSheets = bytes.count % 2 == 0
        guard attempt({ try WorkbookTemplate.fill(archive: archive, data: templateData, output: output, options: options) }) != nil,
              let filled = attempt({ try ZipArchive(path: output, limits: limits) }) else { return }
        drainWorkbook(filled)
    }

    /// The stored one-sheet package with `name` replaced by the fuzzer's bytes, opened.
    static func packageArchive(replacing name: String, with bytes: [UInt8], limits: ReadLimits) -> ZipArchive? {
        var package = StoredPackage()
        package.set(name, bytes)
        return archive(package.bytes(), limits)
    }

    /// Opens the workbook and reads every sheet three ways, touching every value.
    static func drainWorkbook(_ archive: ZipArchive) {
        guard let workbook = attempt({ try Workbook(archive: archive, path: nil) }) else { return }
        var sum = 0
        for info in workbook.sheets.prefix(8) {
            if let reader = attempt({ try workbook.rows(of: info) }) {
                while let row = attempt({ try reader.next() }), let row {
                    for cell in row.cells { sum &+= "\(cell.value)".utf8.count }
                }
            }
            attempt { try workbook.forEachRawCell(in: info) { cell in sum &+= cell.row &+ cell.column } }
            if let sheet = attempt({ try workbook.sheet(info) }) {
                sum &+= sheet.rows.count &+ sheet.notes.count
                _ = sheet.dimension
            }
        }
        _ = sum
    }
}
