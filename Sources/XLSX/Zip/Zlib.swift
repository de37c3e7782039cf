import CZlib

// Every zlib call of the package lives in this file.

/// CRC-32 as ZIP uses it (zlib's `crc32`).
enum CRC32 {
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        var crc = uLong(crc)
        var pointer = base.assumingMemoryBound(to: Bytef.self)
        var remaining = bytes.count
        while remaining > 0 {
            let n = min(remaining, Int(UInt32.max >> 1))
            crc = CZlib.crc32(crc, pointer, uInt(n))
            pointer += n
            remaining -= n
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { update(0, $0) }
    }
}

/// A raw-deflate decompressor (no zlib or gzip header, as inside ZIP).
final class Inflater {
    private var stream = z_stream()
    private var open = false

    init() throws {
        let status = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw XLSXError.corruptArchive(reason: "zlib inflateInit2 failed (\(status))", offset: nil)
        }
        open = true
    }

    deinit {
        if open { inflateEnd(&stream) }
    }

    func reset() {
        inflateReset(&stream)
    }

    enum Outcome { case progress, streamEnd }

    /// Inflates from `input` into `output`; returns bytes consumed and produced.
    func inflate(
        input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer
    ) -> (consumed: Int, produced: Int, outcome: Outcome, error: String?) {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        stream.next_in = nil
        stream.next_out = nil
        switch status {
        case Z_STREAM_END: return (consumed, produced, .streamEnd, nil)
        case Z_OK: return (consumed, produced, .progress, nil)
        case Z_BUF_ERROR: return (consumed, produced, .progress, nil)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return (consumed, produced, .progress, message)
        }
    }
}

/// Initialises `stream` for raw deflate (no zlib header, as inside ZIP) at `level`.
private func startRawDeflate(_ stream: inout z_stream, level: Int) throws {
    let status = deflateInit2_(
        &stream, Int32(level), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
        ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
        throw XLSXError.cLibrary(library: .zlib, function: "deflateInit2 (level \(level))", code: status, part: nil)
    }
}

/// A raw-deflate compressor writing into a caller-provided sink.
final class Deflater {
    private var stream = z_stream()
    private var open = false
    private var buffer: UnsafeMutableRawBufferPointer

    init(level: Int) throws {
        try startRawDeflate(&stream, level: level)
        open = true
        buffer = .allocate(byteCount: 256 * 1024, alignment: 16)
    }

    deinit {
        if open { deflateEnd(&stream) }
        buffer.deallocate()
    }

    func reset() {
        deflateReset(&stream)
    }

    /// Compresses `input`; with `finish`, ends the stream. Compressed bytes go to `sink`.
    func deflate(
        _ input: UnsafeRawBufferPointer, finish: Bool,
        sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(buffer.count)
            let status = CZlib.deflate(&stream, flush)
            let produced = buffer.count - Int(stream.avail_out)
            if produced > 0 {
                try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<produced]))
            }
            if status == Z_STREAM_END { break }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw XLSXError.cLibrary(library: .zlib, function: "deflate", code: status, part: nil)
            }
            if !finish && stream.avail_in == 0 && stream.avail_out != 0 { break }
        }
        stream.next_in = nil
        stream.next_out = nil
    }
}

extension CRC32 {
    /// The CRC-32 of two pieces joined, from the CRC-32 of each and the second's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(uLong(first), uLong(second), off_t(secondLength)))
    }
}

/// Compresses one block of a larger raw-deflate stream on its own, so that blocks can be
/// compressed in parallel (as pigz does): primed with the previous 32 KiB of input as the
/// dictionary, ended with a sync flush (byte-aligned, no final bit) unless it is the last
/// block, which finishes the stream. Blocks compressed this way concatenate into one valid
/// stream.
final class BlockDeflater {
    private var stream = z_stream()
    private var open = false

    init(level: Int) throws {
        try startRawDeflate(&stream, level: level)
        open = true
    }

    deinit {
        if open { deflateEnd(&stream) }
    }

    /// Compresses `input` after `dictionary`; returns the compressed bytes and the CRC-32 of `input`.
    func compress(
        _ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, last: Bool
    ) throws -> (bytes: [UInt8], crc: UInt32) {
        deflateReset(&stream)
        if let d = dictionary.baseAddress, dictionary.count > 0 {
            let status = deflateSetDictionary(&stream, d.assumingMemoryBound(to: Bytef.self), uInt(dictionary.count))
            guard status == Z_OK else { throw XLSXError.cLibrary(library: .zlib, function: "deflateSetDictionary", code: status, part: nil) }
        }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 64
        var out = [UInt8](repeating: 0, count: bound)
        var produced = 0
        let status: Int32 = out.withUnsafeMutableBytes { o in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = o.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(o.count)
            let s = CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            produced = o.count - Int(stream.avail_out)
            stream.next_in = nil
            stream.next_out = nil
            return s
        }
        guard (last && status == Z_STREAM_END) || (!last && status == Z_OK), stream.avail_in == 0 else {
            throw XLSXError.cLibrary(library: .zlib, function: "deflate", code: status, part: nil)
        }
        out.removeLast(bound - produced)
        return (out, CRC32.update(0, input))
    }
}
