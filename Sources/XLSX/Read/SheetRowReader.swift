/// Reads a sheet's rows one at a time, inflating and parsing only as far as needed: memory
/// depends on the longest row, not on the sheet. Empty cells (styled blanks) are left out.
///
/// ```swift
/// let reader = try workbook.rows(of: workbook.sheets[0])
/// while let row = try reader.next() { ... }
/// ```
public final class SheetRowReader {
    /// The sheet being read.
    public let info: SheetInfo
    private let workbook: Workbook
    private let part: SheetPartReader<RowCollector>
    private let collector: RowCollector
    private let entry: ZipEntry
    private var finished = false
    private var position = 0
    /// The metadata with hyperlink targets resolved, once the last row is read.
    private var resolved: SheetMetadata?

    init(workbook: Workbook, info: SheetInfo, entry: ZipEntry, cache: StringCache? = nil) throws {
        self.workbook = workbook
        self.info = info
        collector = RowCollector(workbook: workbook, cache: cache)
        self.entry = entry
        part = try SheetPartReader(archive: workbook.archive, entry: entry, sink: collector, wantsFormulas: true,
                                   dateSystem: workbook.dateSystem, chunkSize: workbook.sheetChunkSize ?? 64 * 1024, scanner: workbook.scansSheets)
    }

    /// The next row in file order, or nil after the last; throws on malformed or hostile content.
    public func next() throws -> Row? {
        while true {
            if position < collector.rows.count {
                let row = collector.rows[position]
                position += 1
                return row
            }
            collector.rows.removeAll(keepingCapacity: true)
            position = 0
            if finished { return nil }
            try workbook.located {
                if try !part.step() {
                    collector.flush()
                    finished = true
                    var metadata = part.metadata
                    try workbook.resolveLinks(&metadata, of: info, entry: entry)
                    resolved = metadata
                }
            }
        }
    }

    /// Calls `body` with each remaining row; stops at the first error and throws it.
    public func forEach(_ body: (Row) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    /// What the sheet says besides its cells; complete once ``next()`` has returned nil.
    public var metadata: SheetMetadata { resolved ?? part.metadata }

    /// Whether the scanner gave the sheet back to libxml2.
    var fellBack: Bool { part.fellBack }

    /// The bytes the scanner and its prologue search looked at (tests check it stays linear).
    var bytesLookedAt: Int { part.bytesLookedAt }
}

/// Turns the engine's cells into ``Row`` values.
final class RowCollector: SheetSink {
    let workbook: Workbook
    let cache: StringCache?
    var parser: XMLPushParser?
    var rows: [Row] = []
    private var current: Row?
    /// The current row's cells, reused; each row gets an exact-size copy (no growth slack).
    private var scratch: [Cell] = []

    init(workbook: Workbook, cache: StringCache?) {
        self.workbook = workbook
        self.cache = cache
    }

    func beginRow(index: Int, height: Double?, hidden: Bool) {
        flush()
        current = Row(index: index, cells: [], height: height, hidden: hidden)
    }

    func endRow(index: Int) { flush() }

    func flush() {
        if var row = current {
            row.cells = [Cell](unsafeUninitializedCapacity: scratch.count) { buffer, count in
                for (i, cell) in scratch.enumerated() { (buffer.baseAddress! + i).initialize(to: cell) }
                count = scratch.count
            }
            rows.append(row)
        }
        scratch.removeAll(keepingCapacity: true)
        current = nil
    }

    func cell(_ cell: RawCell, formula: String?) {
        do {
            var value = try workbook.plainValue(of: cell, cache: cache)
            if let formula { value = .formula(formula, cached: value) }
            if case .empty = value { return }
            if case .string(let s) = value, s.isEmpty { return }
            if current == nil { current = Row(index: cell.row, cells: []) }
            if cell.row != current?.index {
                // A cell whose reference names another row than its <row>: the reference wins.
                flush()
                current = Row(index: cell.row, cells: [])
            }
            scratch.append(Cell(reference: cell.reference, value: value, styleIndex: cell.styleIndex))
        } catch let error as XLSXError {
            parser?.fail(error)
        } catch {
            parser?.fail(.invalidOperation("\(error)"))
        }
    }
}

extension SheetRowReader {
    /// The remaining rows as an `AsyncSequence`: `for try await row in reader.asyncRows { … }`
    /// throws where ``next()`` would, so no error is lost.
    public var asyncRows: AsyncRows { AsyncRows(reader: self) }

    /// Rows as an asynchronous, throwing sequence over a ``SheetRowReader``.
    public struct AsyncRows: AsyncSequence {
        /// Each element is a row.
        public typealias Element = Row
        let reader: SheetRowReader

        /// The iterator: pulls the reader's next row.
        public struct AsyncIterator: AsyncIteratorProtocol {
            let reader: SheetRowReader
            /// The next row, or nil after the last.
            public mutating func next() async throws -> Row? { try reader.next() }
        }

        /// An iterator over the remaining rows.
        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(reader: reader) }
    }
}
