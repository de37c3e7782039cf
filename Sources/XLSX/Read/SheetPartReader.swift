/// Reads one worksheet part into a ``SheetSink``, a chunk at a time, by one of two paths that
/// give the same events and the same errors:
///
/// - **scanner**: libxml2 parses the part up to and including `<sheetData>` and from
///   `</sheetData>` on (everything around the cells, into ``metadata``); ``SheetScanner``
///   reads the rows and cells in between from the bytes directly;
/// - **libxml2**: ``SheetHandler`` alone, as every part was read before the scanner.
///
/// The scanner path falls back to the libxml2 path whenever it meets something it does not
/// take, or any error: the part is read again from its start, and the events the scanner
/// already delivered are counted off (they are the same, which the differential fuzz target
/// and the corpus test check), so the sink sees one stream and any error comes from libxml2,
/// where it always came from. A fault of the sink itself stops either path at once.
///
/// The scanner reads a chunk only once the next one has inflated (or the entry has ended
/// and checked out), so an inflate error mid-part finds it no further along than libxml2 was.
final class SheetPartReader<Sink: SheetSink> {
    private let archive: ZipArchive
    private let entry: ZipEntry
    private let sink: Sink
    private let wantsFormulas: Bool
    private let dateSystem: DateSystem
    private let chunkSize: Int
    private var stream: ZipEntryStream
    /// The stream inflated on another thread, for a large part read by the scanner.
    private var ahead: InflateAhead?
    private var handler: SheetHandler<Sink>
    private var parser: XMLPushParser

    private enum Mode { case prologue, scanning, epilogue, libxml2, finished }
    private var mode: Mode
    private var scanner: SheetScanner<Sink>?
    /// Bytes inflated but not yet used: the prologue, or an incomplete unit, then the last
    /// chunk, which is read once the next one has inflated.
    private let work = ByteAccumulator(capacity: 256 * 1024)
    /// Set when the sink stopped the parse: its error is thrown, not read again.
    private var sinkStopped = false
    /// The search for `<sheetData>`, carried on from chunk to chunk.
    private var prologue = SheetPrologue()
    /// What the unit the scanner stopped in must receive before the scanner looks again.
    private var watch = UnitWatch()
    /// The bytes the scanner and its watch looked at, each look counted from its first byte.
    private var scannerLookedAt = 0
    /// The bytes the prologue search, the scanner and its watch looked at, each look counted
    /// from its first byte (tests check it stays linear in the part's length).
    var bytesLookedAt: Int { prologue.examined + scannerLookedAt }

    /// The longest prologue, and the longest incomplete unit, the scanner holds before it leaves the part to libxml2.
    static var maxHeld: Int { 4 << 20 }

    /// The scanner is not a way to fail: anything it declines goes to libxml2.
    private struct Declined: Error {}

    init(archive: ZipArchive, entry: ZipEntry, sink: Sink, wantsFormulas: Bool, dateSystem: DateSystem,
         chunkSize: Int, scanner: Bool = true) throws {
        self.archive = archive
        self.entry = entry
        self.sink = sink
        self.wantsFormulas = wantsFormulas
        self.dateSystem = dateSystem
        self.chunkSize = chunkSize
        stream = try archive.stream(entry, chunkSize: chunkSize)
        let scanning = scanner && archive.limits.maxXMLDepth >= SheetScanner<Sink>.depthNeeded
        mode = scanning ? .prologue : .libxml2
        if scanning && entry.uncompressedSize >= InflateAhead.worthwhileFrom { ahead = InflateAhead(stream, chunkSize: chunkSize) }
        handler = SheetHandler(part: entry.name, sink: sink, wantsFormulas: wantsFormulas, dateSystem: dateSystem)
        // Around <sheetData> the handler meets no rows or cells; any it met would be held back.
        if scanning { handler.cells.suppressed = .max }
        parser = XMLPushParser(part: entry.name, handler: handler, maxDepth: archive.limits.maxXMLDepth)
        handler.parser = parser
        sink.parser = parser
    }

    /// What the part says besides its cells, complete once ``step()`` has returned false.
    var metadata: SheetMetadata { handler.metadata }

    /// Whether the scanner gave the part back to libxml2 (tests use it to see which path read a part).
    private(set) var fellBack = false

    /// Reads the next chunk; false once the part is read to its end.
    func step() throws -> Bool {
        switch mode {
        case .finished:
            return false
        case .libxml2:
            if let chunk = try stream.next() {
                try parser.feed(chunk)
                return true
            }
            try parser.finish()
            mode = .finished
            return false
        case .prologue, .scanning, .epilogue:
            do {
                return try scannerStep()
            } catch {
                if sinkStopped { throw error }
                try fallBack()
                return true
            }
        }
    }

    private func scannerStep() throws -> Bool {
        let chunk: UnsafeRawBufferPointer?
        if let ahead { chunk = try ahead.next() } else { chunk = try stream.next() }
        // The stream got past the chunk before: what is held can be read now.
        try process(final: chunk == nil)
        if let chunk {
            work.append(chunk)
            return true
        }
        guard mode == .epilogue else { throw Declined() }
        try parser.finish()
        try checkQuiet()
        mode = .finished
        return false
    }

    /// Reads what ``work`` holds, as far as the mode allows.
    private func process(final: Bool) throws {
        if mode == .scanning, !final, !watch.arrived(work.base, work.count, examined: &scannerLookedAt) {
            if work.count > Self.maxHeld { throw Declined() }
            return
        }
        switch mode {
        case .epilogue:
            try parser.feed(UnsafeRawBufferPointer(start: work.base, count: work.count))
            work.reset()
            try checkQuiet()
        case .prologue:
            switch prologue.find(work.base, work.count) {
            case .found(let start, let prefixes):
                try parser.feed(UnsafeRawBufferPointer(start: work.base, count: start))
                try checkQuiet()
                // libxml2 must have parsed all of it (it waits for more bytes after an `&`
                // with no `;` yet, say): only then has it judged everything before the cells.
                guard handler.sheetDataCount == 1 else { throw Declined() }
                work.removeFirst(start)
                let cells = SheetCellBuilder(part: entry.name, sink: sink, wantsFormulas: wantsFormulas)
                scanner = SheetScanner(cells: cells, parser: parser, prefixes: prefixes, maxDepth: archive.limits.maxXMLDepth)
                mode = .scanning
                try scan(final: final)
            case .needMore:
                if final || work.count > Self.maxHeld { throw Declined() }
            case .unsuitable:
                throw Declined()
            }
        case .scanning:
            try scan(final: final)
        case .libxml2, .finished:
            break
        }
    }

    private func scan(final: Bool) throws {
        guard let scanner else { throw Declined() }
        scannerLookedAt += work.count
        switch scanner.scan(work.base, count: work.count) {
        case .needMore(let used):
            work.removeFirst(used)
            if final || work.count > Self.maxHeld { throw Declined() }
            watch = UnitWatch(held: work.count, cellBody: scanner.pendingCellBody >= 0 ? scanner.pendingCellBody - used : nil)
        case .end(let at):
            mode = .epilogue
            try parser.feed(UnsafeRawBufferPointer(start: work.base + at, count: work.count - at))
            work.reset()
            try checkQuiet()
        case .refused:
            throw Declined()
        case .stopped:
            sinkStopped = true
            // The sink failed its parser: this throws the sink's error.
            try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0))
            throw XLSXError.invalidOperation("the sheet's reader stopped without an error")
        }
    }

    /// Declines when libxml2 met rows or cells outside the `<sheetData>` the scanner read.
    private func checkQuiet() throws {
        if handler.cells.events > 0 { throw Declined() }
    }

    /// Reads the part again from its start with libxml2 alone, counting off the events the
    /// scanner delivered, as far as the chunk holding the last of them.
    private func fallBack() throws {
        let delivered = scanner?.cells.events ?? 0
        fellBack = true
        scanner = nil
        ahead = nil
        work.reset()
        stream = try archive.stream(entry, chunkSize: chunkSize)
        handler = SheetHandler(part: entry.name, sink: sink, wantsFormulas: wantsFormulas, dateSystem: dateSystem)
        handler.cells.suppressed = delivered
        parser = XMLPushParser(part: entry.name, handler: handler, maxDepth: archive.limits.maxXMLDepth)
        handler.parser = parser
        sink.parser = parser
        mode = .libxml2
        // Catch up within this step: libxml2 reads on until it has passed every delivered
        // event. Were it to fail on the way, the failure belongs to this step, as it would
        // have without the scanner (the rows API shows no row of a chunk that failed).
        while handler.cells.suppressed > 0 {
            guard let chunk = try stream.next() else {
                try parser.finish()
                mode = .finished
                return
            }
            try parser.feed(chunk)
        }
    }
}

/// What must arrive before the scanner, stopped in an unfinished unit (held at the start of the
/// bytes), can deliver anything: the `>` that ends every unit, or for a cell whose start tag it
/// has read, the cell's end tag `</c>`. Each look reads the unit again from its first byte, so
/// looking at every small chunk would take time quadratic in the unit's length; skipping the
/// looks that cannot deliver changes nothing the sink sees, nor the step at which it sees it.
/// (A fault in the unit, which libxml2 would meet earlier, is then met later; as no event came
/// in between, the sink sees the same events before the error either way.)
struct UnitWatch {
    /// Where the search for the awaited bytes goes on (what was held at the look was read).
    private var searched = 0
    /// Where the cell's content starts in the held bytes, when the awaited bytes are `</c>`.
    private var cellBody: Int?

    /// Nothing awaited: the next bytes are looked at.
    init() { searched = -1 }

    init(held: Int, cellBody: Int?) {
        self.cellBody = cellBody
        // `</c` and what follows may straddle the bytes held and the next ones.
        searched = cellBody.map { max($0, held - 3) } ?? held
    }

    /// Whether `p[0..<n]` holds the awaited bytes; counts what it reads into `examined`.
    mutating func arrived(_ p: UnsafePointer<UInt8>, _ n: Int, examined: inout Int) -> Bool {
        guard searched >= 0 else { return true }
        var j = searched
        defer { examined += j - searched; searched = j }
        if cellBody != nil {
            while j + 3 <= n {
                if p[j] == 0x3C, p[j + 1] == 0x2F, p[j + 2] == 0x63, j + 3 == n || p[j + 3] == 0x3E || p[j + 3] <= 0x20 {
                    return true
                }
                j += 1
            }
            return false
        }
        while j < n {
            if p[j] == 0x3E { return true }
            j += 1
        }
        return false
    }
}
