import Foundation
import XLSX

/// A thread that decodes the rows of large sheets while the caller goes on reading: the
/// reader hands it a sheet's importer, then its rows in batches through a bounded queue (the
/// reader waits when the queue is full, so memory stays flat), then the end of the sheet.
///
/// A dedicated thread rather than a task: the reader blocks on the queue, and a blocked
/// task would hold one of the few threads of the cooperative pool.
final class DecodingThread: @unchecked Sendable {
    /// What the reader sends, in order.
    private enum Message {
        case begin(sheet: Int, SheetImporter)
        case rows([Row])
        case end(merges: [CellRange])
        case abandon
        case stop
    }

    /// Rows per batch handed over.
    static let batchSize = 512
    /// Batches the queue holds before the reader waits.
    static let queueLimit = 8

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Message] = []
    private var queueHead = 0
    private var results: [(sheet: Int, data: Dataset)] = []
    /// Whether a row sent held a `{{placeholder}}` (the workbook is a report layout).
    private var sawPlaceholder = false
    /// Batches decoded, handed back to be freed by the reading thread: memory is then freed
    /// by the thread that allocated it and reused while still hot, rather than freed here and
    /// allocated anew by the reader for every row.
    private var decoded: [[Row]] = []
    private var stopped = false
    // Touched only by the reading thread.
    private var batch: [Row] = []
    private var sending = true

    /// Starts the thread.
    init() {
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in run() }
        thread.name = "taphuan-decode"
        thread.start()
    }

    /// Hands over sheet number `sheet`, its rows so far already given to `importer`.
    func begin(sheet: Int, _ importer: SheetImporter) {
        put(.begin(sheet: sheet, importer))
    }

    /// The next row of the current sheet (turned into cells by column on the thread).
    func send(_ row: Row) {
        batch.append(row)
        if batch.count >= Self.batchSize { flush() }
    }

    /// The current sheet is complete.
    func end(merges: [CellRange]) {
        flush()
        put(.end(merges: merges))
    }

    /// The current sheet is dropped (it is being read again another way).
    func abandon() {
        batch.removeAll(keepingCapacity: true)
        put(.abandon)
    }

    /// Waits for every sheet handed over and returns each one's records by sheet number, and
    /// whether any row sent held a placeholder; the thread then ends.
    func finish() -> (sheets: [(sheet: Int, data: Dataset)], sawPlaceholder: Bool) {
        flush()
        put(.stop)
        condition.lock()
        while !stopped { condition.wait() }
        // Moved out, not shared: the records taken are then held by the caller alone.
        var done: [(sheet: Int, data: Dataset)] = []
        swap(&done, &results)
        let placeholder = sawPlaceholder
        condition.unlock()
        return (done, placeholder)
    }

    /// Ends the thread without waiting for its work (after an error); harmless after ``finish()``.
    func stop() {
        guard sending else { return }
        batch.removeAll()
        put(.stop)
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        put(.rows(batch))
        batch.removeAll(keepingCapacity: true)
    }

    private func put(_ message: Message) {
        guard sending else { return }
        if case .stop = message { sending = false }
        var done: [[Row]] = []
        condition.lock()
        while queue.count - queueHead >= Self.queueLimit { condition.wait() }
        queue.append(message)
        swap(&done, &decoded)
        condition.broadcast()
        condition.unlock()
        // `done` is freed here, on the reading thread.
    }

    private func take() -> Message {
        condition.lock()
        while queueHead == queue.count { condition.wait() }
        let message = queue[queueHead]
        queueHead += 1
        if queueHead > 64 {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        condition.broadcast()
        condition.unlock()
        return message
    }

    private func run() {
        var current: (sheet: Int, importer: SheetImporter)?
        var placeholder = false
        while true {
            switch take() {
            case .begin(let sheet, var importer):
                importer.copiesText = true
                current = (sheet, importer)
            case .rows(let rows):
                for row in rows {
                    if !placeholder, row.cells.contains(where: { $0.value.isPlaceholder }) { placeholder = true }
                    if let cells = Dataset.denseCells(of: row) { current?.importer.add(row: row.index, cells: cells) }
                }
                condition.lock()
                decoded.append(rows)
                condition.unlock()
            case .end(let merges):
                if var done = current {
                    let data = done.importer.finish(merges: merges, findingRepeats: true)
                    condition.lock()
                    results.append((done.sheet, data))
                    condition.unlock()
                }
                current = nil
            case .abandon:
                current = nil
            case .stop:
                condition.lock()
                sawPlaceholder = placeholder
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }
}
