/// One entry of a ZIP archive's central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The name as stored (decoded as UTF-8 when flag bit 11 says so, else CP437).
    public let name: String
    /// Compression method: 0 stored, 8 deflate.
    public let method: UInt16
    /// General-purpose flags.
    public let flags: UInt16
    /// The CRC-32 of the uncompressed bytes, checked when the entry is read to its end.
    public let crc32: UInt32
    /// Bytes stored in the archive.
    public let compressedSize: UInt64
    /// Bytes once inflated (as the central directory claims; reading checks it).
    public let uncompressedSize: UInt64
    /// Offset of the local file header.
    public let localHeaderOffset: UInt64
    /// MS-DOS time of last change, as stored (2-second resolution).
    public let dosTime: UInt16
    /// MS-DOS date of last change, as stored (years from 1980).
    public let dosDate: UInt16

    /// True when the entry is encrypted (flag bit 0).
    public var isEncrypted: Bool { flags & 1 != 0 }
    /// True for a directory entry (name ending in a slash).
    public var isDirectory: Bool { name.hasSuffix("/") || name.hasSuffix("\\") }

    /// The name in the form lookups use: `\` turned into `/`, no leading `/`, lower case.
    var lookupKey: String { ZipEntry.lookupKey(name) }

    static func lookupKey(_ name: String) -> String {
        var key = name.replacingBackslashes()
        while key.hasPrefix("/") { key.removeFirst() }
        return key.lowercased()
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard contains("\\") else { return self }
        return String(map { $0 == "\\" ? "/" : $0 })
    }
}
