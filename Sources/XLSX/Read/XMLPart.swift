/// Small helpers shared by the part parsers: whole-part parsing and byte-to-value conversions.
enum XMLPart {
    /// Parses a whole part (loaded under the part-size limit) with `handler`.
    static func parse(_ archive: ZipArchive, entry: ZipEntry, handler: any XMLContentHandler) throws {
        let stream = try archive.stream(entry, chunkSize: 64 * 1024)
        guard entry.uncompressedSize <= archive.limits.maxPartSize else {
            throw XLSXError.limitExceeded(limit: .partSize, entry: entry.name, value: entry.uncompressedSize, maximum: archive.limits.maxPartSize)
        }
        try XMLPushParser.parse(stream, part: entry.name, handler: handler, maxDepth: archive.limits.maxXMLDepth)
    }

    /// A decimal integer from ASCII bytes (leading spaces and a sign allowed); nil when it is not one.
    static func int(_ bytes: UnsafeRawBufferPointer?) -> Int? {
        guard let bytes, bytes.count > 0 else { return nil }
        var i = 0, n = bytes.count
        while i < n, bytes[i] == 0x20 { i += 1 }
        while n > i, bytes[n - 1] == 0x20 { n -= 1 }
        var negative = false
        if i < n, bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        guard i < n, n - i <= 18 else { return nil }
        var value = 0
        while i < n {
            let d = bytes[i] &- 0x30
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// An xsd:boolean (`1`, `true`, `0`, `false`); nil when absent or not one.
    static func bool(_ bytes: UnsafeRawBufferPointer?) -> Bool? {
        guard let bytes, bytes.count > 0 else { return nil }
        switch bytes[0] {
        case 0x31, 0x74, 0x54: return true   // 1, t, T
        case 0x30, 0x66, 0x46: return false  // 0, f, F
        default: return nil
        }
    }

    /// A double parsed from the attribute's text; nil when absent or not a number.
    static func double(_ bytes: UnsafeRawBufferPointer?) -> Double? {
        guard let bytes else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self).trimmingSpaces())
    }

    /// The attribute's bytes as a string.
    static func string(_ bytes: UnsafeRawBufferPointer?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// A growable byte buffer reused across elements; NUL-terminated so `strtod` can read it in place.
final class ByteAccumulator {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity + 1)
        base[0] = 0
    }

    deinit { base.deallocate() }

    @inline(__always)
    func reset() {
        count = 0
        base[0] = 0
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        if count + n > capacity { grow(count + n) }
        if n > 0 { (base + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n) }
        count += n
        base[count] = 0
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + 1)
        fresh.update(from: base, count: count + 1)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    fileprivate func shrink(to n: Int) {
        count = n
        base[count] = 0
    }

    /// The bytes held, valid until the next change.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The bytes as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension ByteAccumulator {
    /// Drops the first `n` bytes, moving the rest to the front.
    func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        let rest = count - min(n, count)
        if rest > 0 { UnsafeMutableRawPointer(base).copyMemory(from: base + n, byteCount: rest) }  // memmove
        shrink(to: rest)
    }

    /// Keeps the first `n` bytes.
    func truncate(_ n: Int) {
        guard n <= count else { return }
        shrink(to: n)
    }
}
