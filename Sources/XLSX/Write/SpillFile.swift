#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file a streaming sheet spills its compressed XML into; it is deleted when
/// the writer is done with it, whatever happens.
final class SpillFile {
    let path: String
    private var descriptor: Int32
    private(set) var size: UInt64 = 0

    /// Creates the file in `directory` (the output's folder, so it shares its disk).
    init(directory: String, label: String) throws {
        var template = Array("\(directory)/.\(label).spill-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw XLSXError.io(path: directory, reason: String(cString: strerror(errno))) }
        descriptor = fd
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { remove() }

    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(descriptor, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw XLSXError.io(path: path, reason: String(cString: strerror(errno)))
            }
            p += n
            left -= n
        }
        size += UInt64(bytes.count)
    }

    /// Closes and deletes the file.
    func remove() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
            unlink(path)
        }
    }
}
