// libFuzzer entry point. scripts/fuzz compiles this folder together with the library's sources
// into one binary; FUZZ_TARGET names the target, and each drives the library's real code on the
// fuzzer's bytes.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TrainingOps
@testable import XLSX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = ReadLimits()
    limits.maxEntrySize = 64 << 20
    limits.maxTotalSize = 256 << 20
    limits.maxPartSize = 32 << 20
    selectedTarget(bytes, limits)
    return 0
}

/// Every target by the name `scripts/fuzz` passes in FUZZ_TARGET.
let fuzzTargets: [String: ([UInt8], ReadLimits) -> Void] = [
    "zip-directory": fuzzZipDirectory,
    "zip-inflate": fuzzZipInflate,
    "xml": fuzzXml,
    "part-workbook": fuzzPartWorkbook,
    "part-rels": fuzzPartRels,
    "part-content-types": fuzzPartContentTypes,
    "part-shared-strings": fuzzPartSharedStrings,
    "part-styles": fuzzPartStyles,
    "part-sheet": fuzzPartSheet,
    "part-comments": fuzzPartComments,
    "workbook": fuzzWorkbook,
    "domain-import": fuzzDomainImport,
    "template-fill": fuzzTemplateFill,
]

/// The target this process runs, chosen once from FUZZ_TARGET.
let selectedTarget: ([UInt8], ReadLimits) -> Void = {
    guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }), let target = fuzzTargets[name] else {
        fputs("FUZZ_TARGET must be one of: \(fuzzTargets.keys.sorted().joined(separator: " "))\n", stderr)
        exit(2)
    }
    return target
}()

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

/// The central directory and local headers only.
func fuzzZipDirectory(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    for entry in archive.entries { _ = try? archive.dataOffset(of: entry) }
}
/// Every entry inflated and checked.
func fuzzZipInflate(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    for entry in archive.entries { try? archive.stream(entry, chunkSize: 4096).drain() }
}
/// The hardened push parser on arbitrary bytes, fed in two chunks.
func fuzzXml(_ bytes: [UInt8], limits: ReadLimits) {
    let handler = TouchEverything()
    let parser = XMLPushParser(part: "fuzz.xml", handler: handler, maxDepth: limits.maxXMLDepth)
    bytes.withUnsafeBytes { raw in
        let half = raw.count / 2
        _ = try? parser.feed(UnsafeRawBufferPointer(rebasing: raw[0..<half]))
        _ = try? parser.feed(UnsafeRawBufferPointer(rebasing: raw[half...]))
        _ = try? parser.finish()
    }
}
/// `xl/workbook.xml`: sheets, date system, defined names.
func fuzzPartWorkbook(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = packageArchive(replacing: "xl/workbook.xml", with: bytes, limits: limits) else { return }
    _ = try? WorkbookPart.read(archive)
}
/// `xl/_rels/workbook.xml.rels`: relationships and target resolution, then the workbook open.
func fuzzPartRels(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = packageArchive(replacing: "xl/_rels/workbook.xml.rels", with: bytes, limits: limits) else { return }
    if let relationships = try? RelationshipsReader.read(archive, of: "xl/workbook.xml") {
        for relationship in relationships { _ = archive.entry(named: relationship.target) }
    }
    drainWorkbook(archive)
}
/// `[Content_Types].xml` (with no root relationships, so the workbook is located through it).
func fuzzPartContentTypes(_ bytes: [UInt8], limits: ReadLimits) {
    var package = StoredPackage()
    package.parts.removeAll { $0.0 == "_rels/.rels" }
    package.set("[Content_Types].xml", bytes)
    guard let archive = try? ZipArchive(source: MemoryByteSource(package.bytes()), limits: limits) else { return }
    _ = try? WorkbookPart.locate(archive)
    drainWorkbook(archive)
}
/// `xl/sharedStrings.xml`: the table, every string and its runs, then a sheet that uses it.
func fuzzPartSharedStrings(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = packageArchive(replacing: "xl/sharedStrings.xml", with: bytes, limits: limits),
          let entry = archive.entry(named: "xl/sharedStrings.xml") else { return }
    if let table = try? SharedStrings.read(archive, entry: entry) {
        var sum = 0
        for i in 0..<min(table.count, 10_000) { sum &+= table.string(at: i)?.utf8.count ?? 0 }
        _ = sum
    }
    drainWorkbook(archive)
}
/// `xl/styles.xml`: number formats and cell formats, then a sheet whose cells use them.
func fuzzPartStyles(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = packageArchive(replacing: "xl/styles.xml", with: bytes, limits: limits),
          let entry = archive.entry(named: "xl/styles.xml") else { return }
    if let formats = try? CellFormats.read(archive, entry: entry) {
        for i in -1..<64 { _ = formats.numberFormat(i); _ = formats.dateKind(i) }
    }
    drainWorkbook(archive)
}
/// A worksheet: streamed rows, raw cells and the whole-sheet model.
func fuzzPartSheet(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = packageArchive(replacing: "xl/worksheets/sheet1.xml", with: bytes, limits: limits) else { return }
    drainWorkbook(archive)
}
/// A comments part, read directly and through the sheet that links it.
func fuzzPartComments(_ bytes: [UInt8], limits: ReadLimits) {
    var package = StoredPackage()
    package.set("xl/comments1.xml", bytes)
    package.set("xl/worksheets/_rels/sheet1.xml.rels", Array("""
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>        </Relationships>
        """.utf8))
    guard let archive = try? ZipArchive(source: MemoryByteSource(package.bytes()), limits: limits),
          let entry = archive.entry(named: "xl/comments1.xml") else { return }
    _ = try? CommentsReader.read(archive, entry: entry)
    drainWorkbook(archive)
}
/// A whole package: open, then every sheet streamed, visited raw and built whole.
func fuzzWorkbook(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    drainWorkbook(archive)
}

/// The domain import: the bytes as a workbook file, loaded into a dataset with every check run.
func fuzzDomainImport(_ bytes: [UInt8], limits: ReadLimits) {
    let path = "/dev/shm/taphuan-fuzz-\(getpid()).xlsx"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
    defer { unlink(path) }
    let dataset = Dataset.load(paths: [path])
    _ = dataset.findings.count
}

/// The data of `templates/bao-cao-tuan.json`: scalars, a list of objects, text with markup.
let templateData = TemplateValue.object([
    "week": .number(48), "team": .string("Nhóm A"), "date": .string("2026-11-30"),
    "title": .string("<b>&amp;</b> ${x}"), "name": .string("Nguyễn Văn A"),
    "courses": .array((0..<3).map { i in
        .object(["title": .string("Khóa \(i)"), "students": .number(Double(20 + i)), "note": .string(i == 1 ? "học bù" : "")])
    }),
])

/// Template filling: the bytes as a template package, filled with fixed data (missing values
/// left empty), the output written to /dev/shm and read back.
func fuzzTemplateFill(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    let output = "/dev/shm/taphuan-fuzz-template-\(getpid()).xlsx"
    defer { unlink(output) }
    var options = TemplateFillOptions(missing: .empty, replaceExisting: true, limits: limits)
    options.rewriteAllSheets = bytes.count % 2 == 0
    guard (try? WorkbookTemplate.fill(archive: archive, data: templateData, output: output, options: options)) != nil,
          let filled = try? ZipArchive(path: output, limits: limits) else { return }
    drainWorkbook(filled)
}

/// The stored one-sheet package with `name` replaced by the fuzzer's bytes, opened.
func packageArchive(replacing name: String, with bytes: [UInt8], limits: ReadLimits) -> ZipArchive? {
    var package = StoredPackage()
    package.set(name, bytes)
    return try? ZipArchive(source: MemoryByteSource(package.bytes()), limits: limits)
}

/// Opens the workbook and reads every sheet three ways, touching every value.
func drainWorkbook(_ archive: ZipArchive) {
    guard let workbook = try? Workbook(archive: archive, path: nil) else { return }
    var sum = 0
    for info in workbook.sheets.prefix(8) {
        if let reader = try? workbook.rows(of: info) {
            while let row = try? reader.next() {
                for cell in row.cells { sum &+= "\(cell.value)".utf8.count }
            }
        }
        _ = try? workbook.forEachRawCell(in: info) { cell in sum &+= cell.row &+ cell.column }
        if let sheet = try? workbook.sheet(info) {
            sum &+= sheet.rows.count &+ sheet.notes.count
            _ = sheet.dimension
        }
    }
    _ = sum
}
