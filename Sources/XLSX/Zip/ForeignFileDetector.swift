/// Names what a file is when it is not a ZIP package: a password-protected workbook, a legacy
/// `.xls`, HTML or CSV saved under a spreadsheet name, and so on.
enum ForeignFileDetector {
    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The error for a source with no end-of-central-directory record.
    static func classifyNonZip(_ source: any ByteSource) throws -> XLSXError {
        let headLength = Int(min(source.size, 8192))
        let head = try source.bytes(at: 0, count: headLength)
        if head.starts(with: ole2Magic) {
            return .notAWorkbook(kind: classifyOLE2(source))
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .corruptArchive(
                reason: "a ZIP archive without its end-of-central-directory record (truncated or damaged)",
                offset: source.size)
        }
        return .notAWorkbook(kind: classifyText(head))
    }

    static func classifyText(_ head: [UInt8]) -> ForeignFileKind {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 text: Excel's "Unicode text" export.
            return .csv
        }
        guard !bytes.contains(0) else { return .unknown }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || text.contains("<table") || text.contains("<html") {
            return .html
        }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<") {
            return .xml
        }
        let printable = bytes.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        if !bytes.isEmpty, printable * 100 >= bytes.count * 95 {
            return .csv
        }
        return .unknown
    }

    /// Reads the compound file's directory to tell an encrypted OOXML package from a legacy workbook.
    static func classifyOLE2(_ source: any ByteSource) -> ForeignFileKind {
        let names = (try? ole2StreamNames(source)) ?? []
        let lowered = Set(names.map { $0.lowercased() })
        if lowered.contains("encryptedpackage") || lowered.contains("encryptioninfo") { return .encryptedWorkbook }
        if lowered.contains("workbook") || lowered.contains("book") { return .legacyXLS }
        if !names.isEmpty { return .otherOLE2 }
        // The directory could not be walked: fall back to looking for the names' UTF-16 bytes.
        let probe = (try? source.bytes(at: 0, count: Int(min(source.size, 4 << 20)))) ?? []
        if containsUTF16(probe, "EncryptedPackage") { return .encryptedWorkbook }
        if containsUTF16(probe, "Workbook") { return .legacyXLS }
        return .otherOLE2
    }

    static func containsUTF16(_ bytes: [UInt8], _ word: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in word.utf16 { pattern.append(UInt8(unit & 0xFF)); pattern.append(UInt8(unit >> 8)) }
        guard bytes.count >= pattern.count else { return false }
        var i = 0
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0], bytes[i..<i + pattern.count].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }

    /// Names in the compound file's directory, following the FAT chain from the header's DIFAT.
    static func ole2StreamNames(_ source: any ByteSource) throws -> [String] {
        let header = try source.bytes(at: 0, count: 512)
        var h = LittleEndianReader(header)
        try h.skip(30)
        let shift = try h.u16()
        guard shift == 9 || shift == 12 else { return [] }
        let sectorSize = 1 << Int(shift)
        try h.skip(16)  // mini sector shift, reserved, directory and FAT sector counts
        let firstDirectorySector = try h.u32()
        h.position = 76
        var fat: [UInt32] = []
        let entriesPerSector = sectorSize / 4
        for _ in 0..<109 {
            let fatSector = try h.u32()
            guard fatSector < 0xFFFF_FFFA else { continue }
            let offset = (UInt64(fatSector) + 1) << UInt64(shift)
            guard offset + UInt64(sectorSize) <= source.size else { continue }
            var s = LittleEndianReader(try source.bytes(at: offset, count: sectorSize))
            for _ in 0..<entriesPerSector { fat.append(try s.u32()) }
        }
        var names: [String] = []
        var sector = firstDirectorySector
        var visited = 0
        while sector < 0xFFFF_FFFA, visited < 4096 {
            visited += 1
            let offset = (UInt64(sector) + 1) << UInt64(shift)
            guard offset + UInt64(sectorSize) <= source.size else { break }
            let bytes = try source.bytes(at: offset, count: sectorSize)
            for entry in stride(from: 0, to: sectorSize, by: 128) {
                let nameLength = Int(bytes[entry + 64]) | Int(bytes[entry + 65]) << 8
                guard nameLength >= 2, nameLength <= 64 else { continue }
                var units: [UInt16] = []
                for i in stride(from: 0, to: nameLength - 2, by: 2) {
                    units.append(UInt16(bytes[entry + i]) | UInt16(bytes[entry + i + 1]) << 8)
                }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard Int(sector) < fat.count else { break }
            sector = fat[Int(sector)]
        }
        return names
    }
}
