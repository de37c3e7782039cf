#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a ZIP archive entry by entry, streaming each through raw deflate into an
/// ``AtomicFile``. ZIP64 records are added by themselves when the archive passes 4 GiB or
/// 65,535 entries; with `deterministic`, timestamps are fixed so equal input gives equal bytes.
public final class ZipWriter {
    /// How entries are written.
    public struct Options: Sendable {
        /// zlib level, 0–9. The default was chosen by measurement (BENCHMARKS.md).
        public var level: Int = ZipWriter.defaultLevel
        /// Fixed timestamps (1980-01-01 00:00), so equal content gives equal archives.
        public var deterministic: Bool = false
        /// Give every entry ZIP64 fields, for entries that may pass 4 GiB.
        public var forceZip64: Bool = false
        /// Threads compressing an entry (blocks deflated in parallel, see ``DeflatePipeline``);
        /// 1 deflates on the calling thread as one stream.
        public var threads: Int = ZipWriter.defaultThreads
        /// Options for a writer; the defaults are measured level 4, real timestamps, ZIP64 only where needed.
        public init(level: Int = ZipWriter.defaultLevel, deterministic: Bool = false, forceZip64: Bool = false,
                    threads: Int = ZipWriter.defaultThreads) {
            self.level = level
            self.deterministic = deterministic
            self.forceZip64 = forceZip64
            self.threads = threads
        }
    }

    /// The deflate level used unless told otherwise: 4, chosen by measurement (BENCHMARKS.md,
    /// "Writing"): on the 200,000-row workload it costs about half the CPU of level 6 for a
    /// file about 3 % larger, while level 1 files are over 20 % larger.
    public static let defaultLevel = 4

    /// The compression threads used unless told otherwise: the processors online, at most 4.
    public static let defaultThreads: Int = max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    private struct Record {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
        var zip64Local: Bool
        var flags: UInt16 = 1 << 11
        var time: UInt16? = nil
        var date: UInt16? = nil
    }

    private let file: AtomicFile
    /// How entries are written, as given (a level outside 0–9 is refused at creation).
    public private(set) var options: Options
    private var records: [Record] = []
    private var names: Set<String> = []
    private var current: Record?
    private var deflater: Deflater?
    private var pipeline: DeflatePipeline?
    private var precompressed = false
    private var finished = false
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// Starts an archive to be written atomically at `path`.
    public init(path: String, options: Options = Options(), replaceExisting: Bool = true) throws {
        guard (0...9).contains(options.level) else {
            throw XLSXError.invalidOperation("deflate level \(options.level) is outside 0–9")
        }
        self.file = try AtomicFile(path: path, replaceExisting: replaceExisting)
        self.options = options
        if options.deterministic {
            (dosTime, dosDate) = (0, 0x21)
        } else {
            (dosTime, dosDate) = ZipWriter.dosNow()
        }
    }

    /// The final path.
    public var path: String { file.path }

    /// Adds a whole entry.
    public func addEntry(_ name: String, data: [UInt8], compress: Bool = true) throws {
        try beginEntry(name, compress: compress)
        try data.withUnsafeBytes { raw in try write(raw) }
        try endEntry()
    }

    /// Starts an entry; its bytes follow with ``write(_:)``, then ``endEntry()``.
    public func beginEntry(_ name: String, compress: Bool = true) throws {
        guard !finished else { throw XLSXError.invalidOperation("the archive is finished") }
        guard current == nil else { throw XLSXError.invalidOperation("entry \(name) started before the previous one ended") }
        guard !name.isEmpty, names.insert(ZipEntry.lookupKey(name)).inserted else {
            throw XLSXError.invalidOperation("duplicate or empty entry name \(name)")
        }
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= 0xFFFF else { throw XLSXError.invalidOperation("entry name too long") }
        let zip64 = options.forceZip64
        let method: UInt16 = compress && options.level > 0 ? 8 : 0
        let record = Record(
            name: nameBytes, method: method, crc: 0, compressed: 0, uncompressed: 0,
            offset: file.offset, zip64Local: zip64)
        var header: [UInt8] = []
        header.reserveCapacity(30 + nameBytes.count + 20)
        header.appendLE(UInt32(0x0403_4B50))
        header.appendLE(UInt16(zip64 ? 45 : 20))
        header.appendLE(UInt16(1 << 11))
        header.appendLE(method)
        header.appendLE(dosTime)
        header.appendLE(dosDate)
        header.appendLE(UInt32(0))  // CRC-32, patched
        header.appendLE(zip64 ? UInt32.max : 0)  // sizes, patched
        header.appendLE(zip64 ? UInt32.max : 0)
        header.appendLE(UInt16(nameBytes.count))
        header.appendLE(UInt16(zip64 ? 20 : 0))
        header.append(contentsOf: nameBytes)
        if zip64 {
            header.appendLE(UInt16(1))
            header.appendLE(UInt16(16))
            header.appendLE(UInt64(0))
            header.appendLE(UInt64(0))
        }
        try file.write(header)
        if method == 8 {
            if options.threads > 1 {
                let file = self.file
                pipeline = DeflatePipeline(level: options.level, threads: options.threads) { try file.write($0) }
            } else if let deflater { deflater.reset() } else { deflater = try Deflater(level: options.level) }
        }
        current = record
    }

    /// Appends bytes to the current entry.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var record = current else { throw XLSXError.invalidOperation("write outside an entry") }
        if let pipeline {
            try pipeline.write(bytes)
            return
        }
        record.crc = CRC32.update(record.crc, bytes)
        record.uncompressed += UInt64(bytes.count)
        if record.method == 8 {
            var compressed: UInt64 = 0
            try deflater!.deflate(bytes, finish: false) { out in
                compressed += UInt64(out.count)
                try file.write(out)
            }
            record.compressed += compressed
        } else {
            record.compressed += UInt64(bytes.count)
            try file.write(bytes)
        }
        current = record
    }

    /// Writes bytes to the current entry (see ``beginEntry(_:compress:)``).
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    /// Ends the current entry and fixes its local header.
    public func endEntry() throws {
        guard var record = current else { throw XLSXError.invalidOperation("no entry to end") }
        if let pipeline {
            try pipeline.finish()
            record.crc = pipeline.crc
            record.compressed = pipeline.compressed
            record.uncompressed = pipeline.uncompressed
            self.pipeline = nil
        } else if record.method == 8 && !precompressed {
            var compressed: UInt64 = 0
            try deflater!.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true) { out in
                compressed += UInt64(out.count)
                try file.write(out)
            }
            record.compressed += compressed
        }
        let big = record.compressed >= 0xFFFF_FFFF || record.uncompressed >= 0xFFFF_FFFF
        if big && !record.zip64Local {
            throw XLSXError.invalidOperation("entry \(String(decoding: record.name, as: UTF8.self)) passed 4 GiB; write with forceZip64")
        }
        var patch: [UInt8] = []
        patch.appendLE(record.crc)
        if record.zip64Local {
            patch.appendLE(UInt32.max)
            patch.appendLE(UInt32.max)
            try file.patch(patch, at: record.offset + 14)
            var sizes: [UInt8] = []
            sizes.appendLE(record.uncompressed)
            sizes.appendLE(record.compressed)
            try file.patch(sizes, at: record.offset + 30 + UInt64(record.name.count) + 4)
        } else {
            patch.appendLE(UInt32(record.compressed))
            patch.appendLE(UInt32(record.uncompressed))
            try file.patch(patch, at: record.offset + 14)
        }
        records.append(record)
        current = nil
    }

    /// Copies an entry of another archive as it is stored: its compressed bytes, method, CRC-32,
    /// sizes and timestamp are kept, so the part comes out byte for byte the same.
    public func copyEntry(_ entry: ZipEntry, from archive: ZipArchive) throws {
        guard !finished else { throw XLSXError.invalidOperation("the archive is finished") }
        guard current == nil else { throw XLSXError.invalidOperation("entry \(entry.name) copied inside another entry") }
        guard !entry.name.isEmpty, names.insert(ZipEntry.lookupKey(entry.name)).inserted else {
            throw XLSXError.invalidOperation("duplicate or empty entry name \(entry.name)")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw XLSXError.unsupportedCompression(entry: entry.name, method: entry.method)
        }
        let nameBytes = Array(entry.name.utf8)
        guard nameBytes.count <= 0xFFFF else { throw XLSXError.invalidOperation("entry name too long") }
        let zip64 = options.forceZip64 || entry.compressedSize >= 0xFFFF_FFFF || entry.uncompressedSize >= 0xFFFF_FFFF
        // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes go in the header.
        let flags = (entry.flags & ~UInt16(0x0008)) | (1 << 11)
        let record = Record(
            name: nameBytes, method: entry.method, crc: entry.crc32, compressed: entry.compressedSize,
            uncompressed: entry.uncompressedSize, offset: file.offset, zip64Local: zip64,
            flags: flags, time: entry.dosTime, date: entry.dosDate)
        var header: [UInt8] = []
        header.appendLE(UInt32(0x0403_4B50))
        header.appendLE(UInt16(zip64 ? 45 : 20))
        header.appendLE(flags)
        header.appendLE(entry.method)
        header.appendLE(entry.dosTime)
        header.appendLE(entry.dosDate)
        header.appendLE(entry.crc32)
        header.appendLE(zip64 ? UInt32.max : UInt32(entry.compressedSize))
        header.appendLE(zip64 ? UInt32.max : UInt32(entry.uncompressedSize))
        header.appendLE(UInt16(nameBytes.count))
        header.appendLE(UInt16(zip64 ? 20 : 0))
        header.append(contentsOf: nameBytes)
        if zip64 {
            header.appendLE(UInt16(1))
            header.appendLE(UInt16(16))
            header.appendLE(entry.uncompressedSize)
            header.appendLE(entry.compressedSize)
        }
        try file.write(header)
        var offset = try archive.dataOffset(of: entry)
        var remaining = entry.compressedSize
        while remaining > 0 {
            let n = Int(min(remaining, 1 << 20))
            try file.write(try archive.source.bytes(at: offset, count: n))
            offset += UInt64(n)
            remaining -= UInt64(n)
        }
        records.append(record)
    }

    /// Adds an entry whose raw-deflate bytes were produced elsewhere (a spilled sheet): they
    /// are copied from the file at `path` as they are, with the CRC-32 and sizes given.
    public func addDeflatedEntry(_ name: String, crc: UInt32, uncompressedSize: UInt64, from path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw XLSXError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw XLSXError.io(path: path, reason: String(cString: strerror(errno))) }
        let compressedSize = UInt64(info.st_size)
        let big = compressedSize >= 0xFFFF_FFFF || uncompressedSize >= 0xFFFF_FFFF
        let saved = options
        if big { options.forceZip64 = true }
        defer { options = saved }
        options.threads = 1
        options.level = 0
        try beginEntry(name, compress: false)
        guard var record = current else { throw XLSXError.invalidOperation("no entry to fill") }
        record.method = 8
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress!, chunk.count)
            if n < 0 { throw XLSXError.io(path: path, reason: String(cString: strerror(errno))) }
            if n == 0 { break }
            try file.write(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        record.crc = crc
        record.compressed = compressedSize
        record.uncompressed = uncompressedSize
        // The method in the local header was written as stored; fix it with the rest.
        try file.patch([8, 0], at: record.offset + 8)
        current = record
        precompressed = true
        defer { precompressed = false }
        try endEntry()
    }

    /// Writes the central directory and moves the archive into place.
    public func finish() throws {
        guard current == nil else { throw XLSXError.invalidOperation("finish inside an entry") }
        guard !finished else { throw XLSXError.invalidOperation("the archive is finished already") }
        finished = true
        do {
            let directoryOffset = file.offset
            var directory: [UInt8] = []
            for record in records {
                let needs64 = record.zip64Local || record.compressed >= 0xFFFF_FFFF
                    || record.uncompressed >= 0xFFFF_FFFF || record.offset >= 0xFFFF_FFFF
                var extra: [UInt8] = []
                if needs64 {
                    extra.appendLE(UInt16(1))
                    extra.appendLE(UInt16(24))
                    extra.appendLE(record.uncompressed)
                    extra.appendLE(record.compressed)
                    extra.appendLE(record.offset)
                }
                directory.appendLE(UInt32(0x0201_4B50))
                directory.appendLE(UInt16(needs64 ? 45 : 20) | (3 << 8))  // made by: Unix
                directory.appendLE(UInt16(needs64 ? 45 : 20))
                directory.appendLE(record.flags)
                directory.appendLE(record.method)
                directory.appendLE(record.time ?? dosTime)
                directory.appendLE(record.date ?? dosDate)
                directory.appendLE(record.crc)
                directory.appendLE(needs64 ? UInt32.max : UInt32(record.compressed))
                directory.appendLE(needs64 ? UInt32.max : UInt32(record.uncompressed))
                directory.appendLE(UInt16(record.name.count))
                directory.appendLE(UInt16(extra.count))
                directory.appendLE(UInt16(0))
                directory.appendLE(UInt16(0))
                directory.appendLE(UInt16(0))
                directory.appendLE(UInt32(0o100644) << 16)
                directory.appendLE(needs64 ? UInt32.max : UInt32(record.offset))
                directory.append(contentsOf: record.name)
                directory.append(contentsOf: extra)
                if directory.count >= 1 << 20 {
                    try file.write(directory)
                    directory.removeAll(keepingCapacity: true)
                }
            }
            try file.write(directory)
            let directoryEnd = file.offset
            let directorySize = directoryEnd - directoryOffset
            let count = UInt64(records.count)
            let needs64 = count >= 0xFFFF || directoryOffset >= 0xFFFF_FFFF || directorySize >= 0xFFFF_FFFF
            var tail: [UInt8] = []
            if needs64 {
                tail.appendLE(UInt32(0x0606_4B50))
                tail.appendLE(UInt64(44))
                tail.appendLE(UInt16(45 | (3 << 8)))
                tail.appendLE(UInt16(45))
                tail.appendLE(UInt32(0))
                tail.appendLE(UInt32(0))
                tail.appendLE(count)
                tail.appendLE(count)
                tail.appendLE(directorySize)
                tail.appendLE(directoryOffset)
                tail.appendLE(UInt32(0x0706_4B50))
                tail.appendLE(UInt32(0))
                tail.appendLE(directoryEnd)
                tail.appendLE(UInt32(1))
            }
            tail.appendLE(UInt32(0x0605_4B50))
            tail.appendLE(UInt16(0))
            tail.appendLE(UInt16(0))
            tail.appendLE(UInt16(min(count, 0xFFFF)))
            tail.appendLE(UInt16(min(count, 0xFFFF)))
            tail.appendLE(UInt32(min(directorySize, 0xFFFF_FFFF)))
            tail.appendLE(UInt32(min(directoryOffset, 0xFFFF_FFFF)))
            tail.appendLE(UInt16(0))
            try file.write(tail)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Gives up: the temporary file is deleted and nothing appears under the final name.
    public func abandon() {
        finished = true
        file.abandon()
    }

    private static func dosNow() -> (UInt16, UInt16) {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let year = max(0, Int(parts.tm_year) + 1900 - 1980)
        let date = UInt16(year << 9 | Int(parts.tm_mon + 1) << 5 | Int(parts.tm_mday))
        let time = UInt16(Int(parts.tm_hour) << 11 | Int(parts.tm_min) << 5 | Int(parts.tm_sec) / 2)
        return (time, date)
    }
}
