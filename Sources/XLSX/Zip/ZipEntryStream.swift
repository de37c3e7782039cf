/// The inflated bytes of one entry, chunk by chunk.
///
/// Reads the compressed data in 64 KiB pieces, inflates (raw deflate) or copies (stored) into a
/// reusable buffer, counts the bytes against the declared size and the limits, and checks the
/// CRC-32 once the entry ends. A chunk from ``next()`` stays valid until the next call.
package final class ZipEntryStream {
    package let entry: ZipEntry
    private let source: any ByteSource
    private let limits: ReadLimits
    private let inflater: Inflater?
    private var inputOffset: UInt64
    private var inputRemaining: UInt64
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private let output: UnsafeMutableRawBufferPointer
    private var crc: UInt32 = 0
    /// Bytes produced so far.
    package private(set) var produced: UInt64 = 0
    private var finished = false

    init(archive: ZipArchive, entry: ZipEntry, chunkSize: Int) throws {
        guard !entry.isEncrypted else { throw XLSXError.encryptedEntry(entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw XLSXError.unsupportedCompression(entry: entry.name, method: entry.method)
        }
        let limits = archive.limits
        guard entry.uncompressedSize <= limits.maxEntrySize else {
            throw XLSXError.limitExceeded(limit: .entrySize, entry: entry.name, value: entry.uncompressedSize, maximum: limits.maxEntrySize)
        }
        if entry.method == 0, entry.compressedSize != entry.uncompressedSize {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "a stored entry whose sizes differ")
        }
        try ZipEntryStream.checkRatio(entry: entry, produced: entry.uncompressedSize, limits: limits)
        self.entry = entry
        self.source = archive.source
        self.limits = limits
        self.inputOffset = try archive.dataOffset(of: entry)
        self.inputRemaining = entry.compressedSize
        self.inflater = entry.method == 8 ? try Inflater() : nil
        self.input = .allocate(byteCount: 64 * 1024, alignment: 16)
        self.output = .allocate(byteCount: max(1, chunkSize), alignment: 16)
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    static func checkRatio(entry: ZipEntry, produced: UInt64, limits: ReadLimits) throws {
        guard produced > limits.ratioThreshold else { return }
        let compressed = max(entry.compressedSize, 1)
        if produced / compressed > limits.maxCompressionRatio {
            throw XLSXError.limitExceeded(limit: .compressionRatio, entry: entry.name, value: produced / compressed, maximum: limits.maxCompressionRatio)
        }
    }

    /// The next chunk of inflated bytes, or nil at the end of the entry (after its CRC-32 checked out).
    package func next() throws -> UnsafeRawBufferPointer? {
        if finished { return nil }
        let count: Int
        if let inflater {
            count = try inflateChunk(inflater)
        } else {
            count = try copyChunk()
        }
        if count == 0 {
            try finish()
            return nil
        }
        produced += UInt64(count)
        guard produced <= entry.uncompressedSize else {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "it inflates past its declared size of \(entry.uncompressedSize) bytes")
        }
        let chunk = UnsafeRawBufferPointer(rebasing: output[0..<count])
        crc = CRC32.update(crc, chunk)
        return chunk
    }

    /// Reads the rest and discards it, verifying the CRC-32.
    package func drain() throws {
        while try next() != nil {}
    }

    private func refill() throws {
        guard inputStart == inputEnd, inputRemaining > 0 else { return }
        let want = Int(min(UInt64(input.count), inputRemaining))
        let n = try source.read(at: inputOffset, into: UnsafeMutableRawBufferPointer(rebasing: input[0..<want]))
        guard n == want else {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "the file ends inside its data (truncated?)")
        }
        inputOffset += UInt64(n)
        inputRemaining -= UInt64(n)
        inputStart = 0
        inputEnd = n
    }

    private func copyChunk() throws -> Int {
        try refill()
        let n = inputEnd - inputStart
        guard n > 0 else { return 0 }
        let count = min(n, output.count)
        output.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
        inputStart += count
        return count
    }

    private var streamEnded = false

    private func inflateChunk(_ inflater: Inflater) throws -> Int {
        var total = 0
        while total < output.count && !streamEnded {
            try refill()
            let available = UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd])
            if available.isEmpty && inputRemaining == 0 {
                throw XLSXError.corruptEntry(entry: entry.name, reason: "its compressed data ends before the deflate stream does")
            }
            let result = inflater.inflate(
                input: available, output: UnsafeMutableRawBufferPointer(rebasing: output[total...]))
            if let message = result.error {
                throw XLSXError.corruptEntry(entry: entry.name, reason: "deflate data is invalid (\(message))")
            }
            inputStart += result.consumed
            total += result.produced
            if result.outcome == .streamEnd { streamEnded = true }
            if result.consumed == 0 && result.produced == 0 && result.outcome != .streamEnd && !available.isEmpty {
                throw XLSXError.corruptEntry(entry: entry.name, reason: "deflate data makes no progress")
            }
            try ZipEntryStream.checkRatio(entry: entry, produced: produced + UInt64(total), limits: limits)
        }
        return total
    }

    private func finish() throws {
        finished = true
        guard produced == entry.uncompressedSize else {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "it inflates to \(produced) bytes, not the declared \(entry.uncompressedSize)")
        }
        guard crc == entry.crc32 else {
            throw XLSXError.checksumMismatch(entry: entry.name, expected: entry.crc32, actual: crc)
        }
    }
}
