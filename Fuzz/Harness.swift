// libFuzzer entry points. scripts/fuzz compiles this file together with the library's sources
// and one -D TARGET_… flag, so each target drives the library's real code on the fuzzer's bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = ReadLimits()
    limits.maxEntrySize = 64 << 20
    limits.maxTotalSize = 256 << 20
    limits.maxPartSize = 32 << 20
    fuzzTarget(bytes, limits: limits)
    return 0
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

#if TARGET_ZIP_DIRECTORY
/// The central directory and local headers only.
func fuzzTarget(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    for entry in archive.entries { _ = try? archive.dataOffset(of: entry) }
}
#elseif TARGET_ZIP_INFLATE
/// Every entry inflated and checked.
func fuzzTarget(_ bytes: [UInt8], limits: ReadLimits) {
    guard let archive = try? ZipArchive(source: MemoryByteSource(bytes), limits: limits) else { return }
    for entry in archive.entries { try? archive.stream(entry, chunkSize: 4096).drain() }
}
#elseif TARGET_XML
/// The hardened push parser on arbitrary bytes, fed in two chunks.
func fuzzTarget(_ bytes: [UInt8], limits: ReadLimits) {
    let handler = TouchEverything()
    let parser = XMLPushParser(part: "fuzz.xml", handler: handler, maxDepth: limits.maxXMLDepth)
    bytes.withUnsafeBytes { raw in
        let half = raw.count / 2
        _ = try? parser.feed(UnsafeRawBufferPointer(rebasing: raw[0..<half]))
        _ = try? parser.feed(UnsafeRawBufferPointer(rebasing: raw[half...]))
        _ = try? parser.finish()
    }
}
#endif
