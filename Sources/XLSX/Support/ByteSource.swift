#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random-access bytes an archive is read from: a file opened read-only, or bytes in memory.
package protocol ByteSource: Sendable {
    /// Total size in bytes.
    var size: UInt64 { get }
    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (fewer only at the end).
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
    /// Reads exactly `count` bytes at `offset`, or fails naming the offset.
    func bytes(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw XLSXError.corruptArchive(reason: "a record runs past the end of the file", offset: offset)
        }
        var result = [UInt8](repeating: 0, count: count)
        let n = try result.withUnsafeMutableBytes { (buffer) throws -> Int in
            try read(at: offset, into: buffer)
        }
        guard n == count else {
            throw XLSXError.corruptArchive(reason: "the file ends inside a record", offset: offset)
        }
        return result
    }
}

/// Bytes held in memory (tests, fuzzing, data already downloaded).
package struct MemoryByteSource: ByteSource {
    package let data: [UInt8]
    package init(_ data: [UInt8]) { self.data = data }
    package var size: UInt64 { UInt64(data.count) }

    package func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < size else { return 0 }
        let start = Int(offset)
        let n = min(buffer.count, data.count - start)
        data.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: n)
        }
        return n
    }
}

/// A file opened read-only; the descriptor is closed when the last copy goes.
package final class FileByteSource: ByteSource, @unchecked Sendable {
    package let path: String
    package let size: UInt64
    private let descriptor: Int32

    /// Opens `path` for reading only: an input is never opened for writing.
    package init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw XLSXError.io(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw XLSXError.io(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw XLSXError.io(path: path, reason: "not a regular file")
        }
        self.path = path
        self.descriptor = fd
        self.size = UInt64(info.st_size)
    }

    deinit { close(descriptor) }

    package func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
            if n < 0 {
                if errno == EINTR { continue }
                throw XLSXError.io(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
        }
        return total
    }
}
