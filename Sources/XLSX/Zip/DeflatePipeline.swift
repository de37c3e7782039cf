import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw deflate of one stream on several cores: input is cut into blocks that worker
/// threads compress independently (each primed with the 32 KiB before it, see
/// ``BlockDeflater``); the compressed blocks go to the sink in order, and the CRC-32 of the
/// whole is combined from the blocks'. The producer keeps writing while earlier blocks
/// compress, and at most a few blocks are in flight, so memory stays bounded.
final class DeflatePipeline {
    /// Uncompressed bytes per block.
    static let blockSize = 1 << 20
    private static let window = 32 * 1024

    private final class Job: @unchecked Sendable {
        let input: UnsafeMutableRawBufferPointer
        var count = 0
        var dictionary: [UInt8] = []
        var last = false
        var output: [UInt8] = []
        var crc: UInt32 = 0
        var error: Error?
        let done = DispatchSemaphore(value: 0)

        init(capacity: Int) { input = .allocate(byteCount: capacity, alignment: 16) }
        deinit { input.deallocate() }
    }

    private final class Pool: @unchecked Sendable {
        private var idle: [BlockDeflater] = []
        private let lock = PthreadMutex()
        let level: Int
        init(level: Int) { self.level = level }
        func take() throws -> BlockDeflater {
            if let d = lock.locked({ idle.popLast() }) { return d }
            return try BlockDeflater(level: level)
        }
        func give(_ d: BlockDeflater) { lock.locked { idle.append(d) } }
    }

    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private let pool: Pool
    private let maxInFlight: Int
    private var pending: [Job] = []
    private var current: Job
    private var spare: [Job] = []
    private(set) var crc: UInt32 = 0
    private(set) var compressed: UInt64 = 0
    private(set) var uncompressed: UInt64 = 0
    private var finished = false

    /// A pipeline at zlib `level` using up to `threads` workers; compressed bytes go to `sink`.
    init(level: Int, threads: Int, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        self.pool = Pool(level: level)
        self.maxInFlight = max(2, threads * 2)
        self.current = Job(capacity: DeflatePipeline.blockSize)
    }

    /// Appends bytes to the stream.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        uncompressed += UInt64(remaining)
        while remaining > 0 {
            let n = min(remaining, current.input.count - current.count)
            (current.input.baseAddress! + current.count).copyMemory(from: source, byteCount: n)
            current.count += n
            source += n
            remaining -= n
            if current.count == current.input.count { try submit(last: false) }
        }
    }

    /// Ends the stream: compresses what is left, waits for every block and hands it to the sink.
    func finish() throws {
        guard !finished else { return }
        finished = true
        try submit(last: true)
        while !pending.isEmpty { try drainOne() }
    }

    private func submit(last: Bool) throws {
        let job = current
        job.last = last
        let next = spare.popLast() ?? Job(capacity: DeflatePipeline.blockSize)
        // The next block's dictionary: the last 32 KiB of this one (or of both, if this is short).
        if !last {
            let keep = min(job.count, DeflatePipeline.window)
            var dictionary = job.count < DeflatePipeline.window ? Array(job.dictionary.suffix(DeflatePipeline.window - keep)) : []
            dictionary.append(contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(job.input)[(job.count - keep)..<job.count]))
            next.dictionary = dictionary
        }
        next.count = 0
        next.last = false
        current = next
        let pool = self.pool
        DispatchQueue.global().async {
            do {
                let deflater = try pool.take()
                let result = try job.dictionary.withUnsafeBytes { d in
                    try deflater.compress(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(job.input)[0..<job.count]), dictionary: d, last: job.last)
                }
                pool.give(deflater)
                job.output = result.bytes
                job.crc = result.crc
            } catch {
                job.error = error
            }
            job.done.signal()
        }
        pending.append(job)
        if pending.count >= maxInFlight { try drainOne() }
    }

    private func drainOne() throws {
        let job = pending.removeFirst()
        job.done.wait()
        if let error = job.error { throw error }
        try job.output.withUnsafeBytes { try sink($0) }
        compressed += UInt64(job.output.count)
        crc = CRC32.combine(crc, job.crc, secondLength: job.count)
        job.output = []
        job.dictionary = []
        spare.append(job)
    }

    deinit {
        for job in pending { job.done.wait() }
    }
}

/// A mutex on pthreads, small enough to keep this file free of Foundation.
final class PthreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
