/// The shared-strings table, held as one UTF-8 buffer with offsets: loading it creates no
/// `String` per entry; ``string(at:)`` decodes one on demand, ``utf8(at:)`` reads the bytes in place.
///
/// Rich-text entries are flattened to their text (phonetic runs left out), with the runs kept
/// in ``runs(at:)``; `_xHHHH_` escapes are decoded; an empty `<si/>` keeps its index.
public final class SharedStrings: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var byteCount = 0
    private var offsets: [Int] = [0]
    private var richRuns: [Int: [RichTextRun]] = [:]

    /// An empty table (a workbook without a sharedStrings part).
    public init() {
        capacity = 1024
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Number of entries.
    public var count: Int { offsets.count - 1 }

    /// The UTF-8 bytes of entry `index`, valid as long as the table lives; nil when out of range.
    @inline(__always)
    package func utf8(at index: Int) -> UnsafeRawBufferPointer? {
        guard index >= 0, index < offsets.count - 1 else { return nil }
        return offsets.withUnsafeBufferPointer { o in
            UnsafeRawBufferPointer(start: storage + o[index], count: o[index + 1] - o[index])
        }
    }

    /// The UTF-8 length of entry `index` (0 when out of range).
    @inline(__always)
    public func utf8Count(at index: Int) -> Int {
        guard index >= 0, index < offsets.count - 1 else { return 0 }
        return offsets.withUnsafeBufferPointer { $0[index + 1] - $0[index] }
    }

    /// Entry `index` as a string; nil when out of range.
    public func string(at index: Int) -> String? {
        utf8(at: index).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The formatting runs of entry `index` when it is rich text, nil for plain text.
    public func runs(at index: Int) -> [RichTextRun]? { richRuns[index] }

    // MARK: Building

    fileprivate func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(byteCount + n)
        (storage + byteCount).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        byteCount += n
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var c = capacity * 2
        while c < needed { c *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        fresh.update(from: storage, count: byteCount)
        storage.deallocate()
        storage = fresh
        capacity = c
    }

    /// Ends the entry that started at `start`: decodes `_xHHHH_` escapes in place and records it.
    fileprivate func endEntry(start: Int, runs: [RichTextRun]?) {
        let end = Escapes.decodeInPlace(storage + start, count: byteCount - start)
        byteCount = start + end
        if let runs { richRuns[offsets.count - 1] = runs }
        offsets.append(byteCount)
    }

    /// Reads the shared-strings part.
    static func read(_ archive: ZipArchive, entry: ZipEntry) throws -> SharedStrings {
        let table = SharedStrings()
        if entry.uncompressedSize > 0 { table.reserve(Int(min(entry.uncompressedSize, archive.limits.maxPartSize))) }
        guard entry.uncompressedSize <= archive.limits.maxPartSize else {
            throw XLSXError.limitExceeded(limit: .partSize, entry: entry.name, value: entry.uncompressedSize, maximum: archive.limits.maxPartSize)
        }
        let handler = Handler(table: table, limit: archive.limits.maxSharedStrings, part: entry.name)
        let parser = XMLPushParser(part: entry.name, handler: handler, maxDepth: archive.limits.maxXMLDepth)
        handler.parser = parser
        let stream = try archive.stream(entry, chunkSize: 64 * 1024)
        if entry.uncompressedSize >= InflateAhead.worthwhileFrom {
            // A large table inflates on a second thread while libxml2 parses.
            let ahead = InflateAhead(stream, chunkSize: 64 * 1024)
            while let chunk = try ahead.next() { try parser.feed(chunk) }
        } else {
            while let chunk = try stream.next() { try parser.feed(chunk) }
        }
        try parser.finish()
        return table
    }

    private final class Handler: XMLContentHandler {
        let table: SharedStrings
        let limit: Int
        var parser: XMLPushParser?
        var inItem = false
        var itemStart = 0
        var phonetic = 0
        var inText = false
        var inRun = false
        var sawRun = false
        var runs: [RichTextRun] = []
        var runStart = 0
        var textStart = 0
        var plainRuns: [(Int, Int, Int)] = []
        var font: FontBuilder?
        var inRunProperties = false

        let part: String

        init(table: SharedStrings, limit: Int, part: String) {
            self.table = table
            self.limit = limit
            self.part = part
        }

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("si") {
                inItem = true
                itemStart = table.byteCount
                sawRun = false
                runs = []
                plainRuns = []
            } else if !inItem {
                return
            } else if name.is("t") {
                inText = phonetic == 0
                textStart = table.byteCount
            } else if name.is("rPh") {
                phonetic += 1
            } else if name.is("r"), phonetic == 0 {
                inRun = true
                sawRun = true
                runStart = table.byteCount
                font = nil
            } else if name.is("rPr"), inRun {
                inRunProperties = true
                font = FontBuilder()
            } else if inRunProperties {
                font?.apply(name, attributes)
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("si") {
                if inItem {
                    if table.count >= limit {
                        parser?.fail(.limitExceeded(limit: .sharedStrings, entry: part, value: UInt64(table.count + 1), maximum: UInt64(limit)))
                        inItem = false
                        return
                    }
                    if sawRun {
                        for (at, start, end) in plainRuns.reversed() where end > start {
                            let bytes = UnsafeRawBufferPointer(start: table.storage + start, count: end - start)
                            runs.insert(RichTextRun(Escapes.decode(String(decoding: bytes, as: UTF8.self))), at: at)
                        }
                    }
                    table.endEntry(start: itemStart, runs: sawRun ? runs : nil)
                }
                inItem = false
            } else if name.is("t") {
                if inText, !inRun {
                    // Text directly in <si> beside runs is a run without formatting; kept as
                    // offsets, made a string only when the item turns out to have runs.
                    plainRuns.append((runs.count, textStart, table.byteCount))
                }
                inText = false
            } else if name.is("rPh") {
                phonetic -= 1
            } else if name.is("r"), inRun {
                inRun = false
                let bytes = UnsafeRawBufferPointer(start: table.storage + runStart, count: table.byteCount - runStart)
                var text = String(decoding: bytes, as: UTF8.self)
                text = Escapes.decode(text)
                runs.append(RichTextRun(text, font: font?.font))
            } else if name.is("rPr") {
                inRunProperties = false
            }
        }

        func characters(_ bytes: UnsafeRawBufferPointer) {
            if inText { table.append(bytes) }
        }
    }
}

/// Collects a run's font from `<rPr>` children.
struct FontBuilder {
    var font = Font()

    mutating func apply(_ name: XMLName, _ attributes: XMLAttributes) {
        let val = attributes.bytes("val")
        if name.is("b") { font.bold = XMLPart.bool(val) ?? true }
        else if name.is("i") { font.italic = XMLPart.bool(val) ?? true }
        else if name.is("strike") { font.strike = XMLPart.bool(val) ?? true }
        else if name.is("sz") { font.size = XMLPart.double(val) ?? font.size }
        else if name.is("rFont") || name.is("name") { font.name = XMLPart.string(val) ?? font.name }
        else if name.is("u") {
            switch XMLPart.string(val) {
            case "double": font.underline = .double
            case "singleAccounting": font.underline = .singleAccounting
            case "doubleAccounting": font.underline = .doubleAccounting
            case "none": font.underline = nil
            default: font.underline = .single
            }
        } else if name.is("color") {
            font.color = ColorReader.color(attributes)
        }
    }
}

/// Reads a `<color>`-like element.
enum ColorReader {
    static func color(_ attributes: XMLAttributes) -> Color? {
        if let rgb = attributes.string("rgb") { return .rgb(rgb.uppercased()) }
        if let theme = XMLPart.int(attributes.bytes("theme")) {
            return .theme(theme, tint: XMLPart.double(attributes.bytes("tint")) ?? 0)
        }
        if let indexed = XMLPart.int(attributes.bytes("indexed")) { return .indexed(indexed) }
        return nil
    }
}
