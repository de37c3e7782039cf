#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written under a temporary name in the target folder and renamed into place
/// only when complete: a crash, a full disk or an error never leaves a partial file under the
/// final name, and an existing file there stays intact until the new one is whole.
package final class AtomicFile {
    /// The final path.
    package let path: String
    /// The temporary path being written.
    package let temporaryPath: String
    private var descriptor: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    /// Bytes written so far (buffered included).
    package private(set) var offset: UInt64 = 0
    private var done = false
    private let replaceExisting: Bool

    /// Creates the temporary file next to `path`. With `replaceExisting` false, an existing file at `path` is an error.
    package init(path: String, replaceExisting: Bool = true) throws {
        if !replaceExisting, access(path, F_OK) == 0 {
            throw XLSXError.io(path: path, reason: "the file exists already (choose another name or allow replacing it)")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw XLSXError.io(path: path, reason: String(cString: strerror(errno))) }
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        self.path = path
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.descriptor = fd
        self.replaceExisting = replaceExisting
        self.buffer = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    deinit {
        if !done { abandon() }
        buffer.deallocate()
    }

    /// Appends bytes.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !done else { throw XLSXError.invalidOperation("write after the file was closed") }
        offset += UInt64(bytes.count)
        if bytes.count >= buffer.count {
            try flush()
            try writeAll(bytes)
            return
        }
        if buffered + bytes.count > buffer.count { try flush() }
        (buffer.baseAddress! + buffered).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        buffered += bytes.count
    }

    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    /// Overwrites bytes already written at `position` (header fix-ups).
    package func patch(_ bytes: [UInt8], at position: UInt64) throws {
        try flush()
        let n = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, off_t(position)) }
        guard n == bytes.count else { throw ioError() }
    }

    package func flush() throws {
        guard buffered > 0 else { return }
        let pending = UnsafeRawBufferPointer(rebasing: buffer[0..<buffered])
        buffered = 0
        try writeAll(pending)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError()
            }
            done += n
        }
    }

    private func ioError() -> XLSXError {
        .io(path: path, reason: String(cString: strerror(errno)))
    }

    /// Flushes, syncs and renames the file into place.
    package func commit() throws {
        guard !done else { throw XLSXError.invalidOperation("the file was already closed") }
        do {
            try flush()
            guard fsync(descriptor) == 0 else { throw ioError() }
            guard close(descriptor) == 0 else { throw ioError() }
            descriptor = -1
            if !replaceExisting, access(path, F_OK) == 0 {
                throw XLSXError.io(path: path, reason: "the file appeared while it was being written; not replaced")
            }
            guard rename(temporaryPath, path) == 0 else { throw ioError() }
            done = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Deletes the temporary file; the final path is left as it was.
    package func abandon() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(temporaryPath)
        done = true
    }
}
