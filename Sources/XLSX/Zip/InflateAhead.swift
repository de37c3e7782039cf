import Dispatch

/// A ``ZipEntryStream`` inflated ahead on another thread, into a ring of buffers: the reader
/// parses one chunk while the next ones inflate, so reading a large part uses two cores.
/// ``next()`` gives the same chunks, in the same order, with the same errors at the same
/// place as the stream itself would (an error is handed over after the chunks before it).
/// Memory is the ring: `slots` buffers of the stream's chunk size. Dropping the reader early
/// stops the thread and waits for it.
final class InflateAhead {
    /// The inflated size from which a second thread pays for itself.
    static let worthwhileFrom: UInt64 = 1 << 20

    private let ring: Ring
    private var readIndex = 0
    /// Whether a chunk handed out by the last ``next()`` is to be given back on the following call.
    private var holding = false
    private var finished = false

    init(_ stream: ZipEntryStream, chunkSize: Int, slots: Int = 4) {
        ring = Ring(stream, chunkSize: chunkSize, slots: max(2, slots))
        let ring = self.ring
        DispatchQueue.global().async { ring.produce() }
    }

    deinit { ring.cancel() }

    /// The next chunk, valid until the next call; nil at the end of the entry.
    func next() throws -> UnsafeRawBufferPointer? {
        if holding {
            holding = false
            ring.free.signal()
        }
        if finished { return nil }
        ring.filled.wait()
        let slot = ring.slots[readIndex]
        readIndex = (readIndex + 1) % ring.slots.count
        if let error = slot.error { finished = true; throw error }
        if slot.ended { finished = true; return nil }
        holding = true
        return UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: slot.count)
    }

    /// The state both threads share; the producer keeps it alive until it stops.
    private final class Ring: @unchecked Sendable {
        final class Slot {
            let buffer: UnsafeMutableRawBufferPointer
            var count = 0
            var ended = false
            var error: (any Error)?
            init(capacity: Int) { buffer = .allocate(byteCount: capacity, alignment: 16) }
            deinit { buffer.deallocate() }
        }

        let stream: ZipEntryStream
        let slots: [Slot]
        let free: DispatchSemaphore
        let filled = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private let lock = PthreadMutex()
        private var cancelled = false

        init(_ stream: ZipEntryStream, chunkSize: Int, slots count: Int) {
            self.stream = stream
            slots = (0..<count).map { _ in Slot(capacity: max(1, chunkSize)) }
            // Counted up from zero: libdispatch traps when a semaphore is freed below its initial value.
            free = DispatchSemaphore(value: 0)
            for _ in 0..<count { free.signal() }
        }

        func produce() {
            var index = 0
            while true {
                free.wait()
                if lock.locked({ cancelled }) { break }
                let slot = slots[index]
                do {
                    if let chunk = try stream.next() {
                        slot.buffer.baseAddress!.copyMemory(from: chunk.baseAddress!, byteCount: chunk.count)
                        slot.count = chunk.count
                    } else {
                        slot.ended = true
                    }
                } catch {
                    slot.error = error
                }
                let last = slot.ended || slot.error != nil
                filled.signal()
                if last { break }
                index = (index + 1) % slots.count
            }
            done.signal()
        }

        /// Stops the producer (wherever it is) and waits until it has.
        func cancel() {
            lock.locked { cancelled = true }
            free.signal()
            done.wait()
        }
    }
}
