/// A ZIP archive opened for reading: its central directory, entry lookup and entry streams.
///
/// Finds the end-of-central-directory record also behind an archive comment, reads ZIP64
/// records, decodes names as UTF-8 or CP437, and checks the structure against ``ReadLimits``
/// before anything is inflated. An input that is not a ZIP is named for what it is
/// (``ForeignFileKind``).
public final class ZipArchive: Sendable {
    package let source: any ByteSource
    /// The limits every read of this archive is held to.
    public let limits: ReadLimits
    /// The entries in central-directory order.
    public let entries: [ZipEntry]
    /// The archive comment.
    public let comment: String
    private let index: [String: Int]

    /// Opens the file at `path` read-only.
    public convenience init(path: String, limits: ReadLimits = .default) throws {
        let source = try FileByteSource(path: path)
        do {
            try self.init(source: source, limits: limits)
        } catch let error as XLSXError {
            throw error.located(in: path)
        }
    }

    package init(source: any ByteSource, limits: ReadLimits = .default) throws {
        self.source = source
        self.limits = limits
        let directory = try ZipArchive.readDirectory(source, limits: limits)
        self.entries = directory.entries
        self.comment = directory.comment
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            // Two entries under one name (up to case and slashes) are ambiguous: tools disagree
            // on which one counts, so a file could show one thing to Excel and another to us.
            if let first = index[entry.lookupKey] {
                throw XLSXError.corruptArchive(
                    reason: "the name \(entries[first].name) appears twice (as \(entries[first].name) and \(entry.name))",
                    offset: entry.localHeaderOffset)
            }
            index[entry.lookupKey] = i
        }
        self.index = index
    }

    /// The entry with this name, ignoring case, `\` versus `/` and a leading `/`.
    public func entry(named name: String) -> ZipEntry? {
        index[ZipEntry.lookupKey(name)].map { entries[$0] }
    }

    /// A stream over the entry's inflated bytes, in chunks, checked against its CRC-32 and size.
    package func stream(_ entry: ZipEntry, chunkSize: Int = 64 * 1024) throws -> ZipEntryStream {
        try ZipEntryStream(archive: self, entry: entry, chunkSize: chunkSize)
    }

    /// The entry's inflated bytes, whole; refuses more than `maxSize` (default: the part-size limit).
    public func contents(of entry: ZipEntry, maxSize: UInt64? = nil) throws -> [UInt8] {
        let cap = maxSize ?? limits.maxPartSize
        guard entry.uncompressedSize <= cap else {
            throw XLSXError.limitExceeded(limit: .partSize, entry: entry.name, value: entry.uncompressedSize, maximum: cap)
        }
        var result: [UInt8] = []
        result.reserveCapacity(Int(entry.uncompressedSize))
        let stream = try self.stream(entry, chunkSize: 256 * 1024)
        while let chunk = try stream.next() {
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// The named entry's bytes, or nil when there is no such entry.
    public func contents(ofEntryNamed name: String) throws -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    /// The offset where the entry's data starts, read from its local header.
    func dataOffset(of entry: ZipEntry) throws -> UInt64 {
        let header = try source.bytes(at: entry.localHeaderOffset, count: 30)
        var r = LittleEndianReader(header, baseOffset: entry.localHeaderOffset)
        guard try r.u32() == 0x0403_4B50 else {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "no local file header at offset \(entry.localHeaderOffset)")
        }
        try r.skip(22)
        let nameLength = UInt64(try r.u16())
        let extraLength = UInt64(try r.u16())
        let offset = entry.localHeaderOffset + 30 + nameLength + extraLength
        guard offset <= source.size, entry.compressedSize <= source.size - offset else {
            throw XLSXError.corruptEntry(entry: entry.name, reason: "its data runs past the end of the file")
        }
        return offset
    }
}

// MARK: - Central directory

extension ZipArchive {
    struct Directory {
        var entries: [ZipEntry]
        var comment: String
    }

    static let eocdSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EOCDSignature: UInt32 = 0x0606_4B50
    static let centralSignature: UInt32 = 0x0201_4B50

    static func readDirectory(_ source: any ByteSource, limits: ReadLimits) throws -> Directory {
        let size = source.size
        guard size > 0 else { throw XLSXError.notAWorkbook(kind: .empty) }
        // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes.
        let tailLength = Int(min(size, 22 + 65_535))
        let tailStart = size - UInt64(tailLength)
        let tail = try source.bytes(at: tailStart, count: tailLength)
        guard let eocdIndex = findEOCD(in: tail, tailStart: tailStart, fileSize: size) else {
            throw try ForeignFileDetector.classifyNonZip(source)
        }
        let eocdOffset = tailStart + UInt64(eocdIndex)
        var r = LittleEndianReader(tail, at: eocdIndex + 4, baseOffset: tailStart)
        let diskNumber = try r.u16()
        _ = try r.u16()
        _ = try r.u16()
        var entryCount = UInt64(try r.u16())
        var directorySize = UInt64(try r.u32())
        var directoryOffset = UInt64(try r.u32())
        let commentLength = Int(try r.u16())
        let commentBytes = try r.take(min(commentLength, r.remaining))
        let comment = CP437.decodeName(commentBytes, utf8Flag: false)
        guard diskNumber == 0 || diskNumber == 0xFFFF else {
            throw XLSXError.corruptArchive(reason: "a multi-volume (split) archive", offset: eocdOffset)
        }

        // ZIP64: a locator sits just before the EOCD record.
        if eocdOffset >= 20 {
            let locator = try source.bytes(at: eocdOffset - 20, count: 20)
            var l = LittleEndianReader(locator, baseOffset: eocdOffset - 20)
            if try l.u32() == zip64LocatorSignature {
                _ = try l.u32()
                let recordOffset = try l.u64()
                guard recordOffset < size, size - recordOffset >= 56 else {
                    throw XLSXError.corruptArchive(reason: "the ZIP64 locator points outside the file", offset: eocdOffset - 20)
                }
                let record = try source.bytes(at: recordOffset, count: 56)
                var z = LittleEndianReader(record, baseOffset: recordOffset)
                guard try z.u32() == zip64EOCDSignature else {
                    throw XLSXError.corruptArchive(reason: "no ZIP64 end-of-directory record where the locator points", offset: recordOffset)
                }
                try z.skip(8 + 2 + 2 + 4 + 4 + 8)
                entryCount = try z.u64()
                directorySize = try z.u64()
                directoryOffset = try z.u64()
            }
        }

        guard entryCount <= UInt64(limits.maxEntryCount) else {
            throw XLSXError.limitExceeded(limit: .entryCount, entry: nil, value: entryCount, maximum: UInt64(limits.maxEntryCount))
        }
        guard directoryOffset <= eocdOffset, directorySize <= eocdOffset - directoryOffset else {
            throw XLSXError.corruptArchive(reason: "the central directory lies outside the file (truncated?)", offset: eocdOffset)
        }
        // Each central record is at least 46 bytes: a count the directory cannot hold is a lie.
        guard entryCount * 46 <= directorySize else {
            throw XLSXError.corruptArchive(reason: "the directory claims \(entryCount) entries but holds \(directorySize) bytes", offset: directoryOffset)
        }
        let directory = try source.bytes(at: directoryOffset, count: Int(directorySize))
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(entryCount))
        var d = LittleEndianReader(directory, baseOffset: directoryOffset)
        var totalSize: UInt64 = 0
        for _ in 0..<entryCount {
            let entry = try readCentralRecord(&d, fileSize: size)
            totalSize &+= entry.uncompressedSize
            guard totalSize <= limits.maxTotalSize else {
                throw XLSXError.limitExceeded(limit: .totalSize, entry: entry.name, value: totalSize, maximum: limits.maxTotalSize)
            }
            entries.append(entry)
        }
        try checkOverlaps(entries, directoryOffset: directoryOffset)
        return Directory(entries: entries, comment: comment)
    }

    /// Scans backwards for an EOCD signature whose comment ends exactly at the end of the file;
    /// failing that (writers that pad or cut comments), the last signature whose comment fits.
    static func findEOCD(in tail: [UInt8], tailStart: UInt64, fileSize: UInt64) -> Int? {
        guard tail.count >= 22 else { return nil }
        var lenient: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                let commentLength = Int(tail[i + 20]) | Int(tail[i + 21]) << 8
                if i + 22 + commentLength == tail.count { return i }
                if lenient == nil, i + 22 + commentLength <= tail.count { lenient = i }
            }
            i -= 1
        }
        return lenient
    }

    static func readCentralRecord(_ d: inout LittleEndianReader, fileSize: UInt64) throws -> ZipEntry {
        let recordOffset = d.baseOffset + UInt64(d.position)
        guard try d.u32() == centralSignature else {
            throw XLSXError.corruptArchive(reason: "a central directory record is missing its signature", offset: recordOffset)
        }
        try d.skip(4)
        let flags = try d.u16()
        let method = try d.u16()
        let time = try d.u16()
        let date = try d.u16()
        let crc = try d.u32()
        var compressed = UInt64(try d.u32())
        var uncompressed = UInt64(try d.u32())
        let nameLength = Int(try d.u16())
        let extraLength = Int(try d.u16())
        let commentLength = Int(try d.u16())
        try d.skip(2 + 2 + 4)
        var localOffset = UInt64(try d.u32())
        let nameBytes = try d.take(nameLength)
        let extra = Array(try d.take(extraLength))
        try d.skip(commentLength)

        // ZIP64 extended information: only the fields saturated in the record are present.
        var e = LittleEndianReader(extra)
        while e.remaining >= 4 {
            let id = try e.u16()
            let length = Int(try e.u16())
            guard e.remaining >= length else { break }
            if id == 0x0001 {
                var z = LittleEndianReader(Array(try e.take(length)), baseOffset: recordOffset)
                if uncompressed == 0xFFFF_FFFF { uncompressed = try z.u64() }
                if compressed == 0xFFFF_FFFF { compressed = try z.u64() }
                if localOffset == 0xFFFF_FFFF { localOffset = try z.u64() }
            } else {
                try e.skip(length)
            }
        }
        let name = CP437.decodeName(nameBytes, utf8Flag: flags & (1 << 11) != 0)
        guard localOffset < fileSize else {
            throw XLSXError.corruptArchive(reason: "entry \(name) points outside the file", offset: recordOffset)
        }
        return ZipEntry(
            name: name, method: method, flags: flags, crc32: crc,
            compressedSize: compressed, uncompressedSize: uncompressed,
            localHeaderOffset: localOffset, dosTime: time, dosDate: date)
    }

    /// Entries whose data overlap (a zip-bomb technique) or overlap the directory are refused.
    static func checkOverlaps(_ entries: [ZipEntry], directoryOffset: UInt64) throws {
        let sorted = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            // A local header is at least 30 bytes plus the name before the data.
            let end = a.localHeaderOffset &+ 30 &+ a.compressedSize
            if b.localHeaderOffset == a.localHeaderOffset || end > b.localHeaderOffset {
                throw XLSXError.corruptArchive(reason: "entries \(a.name) and \(b.name) overlap", offset: b.localHeaderOffset)
            }
        }
        if let last = sorted.last, last.localHeaderOffset &+ 30 &+ last.compressedSize > directoryOffset {
            throw XLSXError.corruptArchive(reason: "entry \(last.name) runs into the central directory", offset: last.localHeaderOffset)
        }
    }
}
