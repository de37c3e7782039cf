import Foundation
import TestTools
import Testing
@testable import XLSX

/// Crafted archives that lie or attack: each must fail with its specific error, reading no more
/// than the limits allow.
@Suite struct HostileZipTests {
    /// Builds an archive by hand so headers can lie.
    struct Crafted {
        struct Item {
            var name: String
            var data: [UInt8]          // stored as given (already compressed when method is 8)
            var method: UInt16 = 8
            var crc: UInt32
            var declaredSize: UInt64
        }

        var items: [Item] = []
        /// Central records pointing at the local header of another item (overlap attacks).
        var aliases: [(name: String, of: Int)] = []
        var zip64EntryCount: UInt64?

        func bytes() -> [UInt8] {
            var out: [UInt8] = []
            var offsets: [UInt64] = []
            for item in items {
                offsets.append(UInt64(out.count))
                out.appendLE(UInt32(0x0403_4B50)); out.appendLE(UInt16(20)); out.appendLE(UInt16(0x800))
                out.appendLE(item.method); out.appendLE(UInt16(0)); out.appendLE(UInt16(0x21))
                out.appendLE(item.crc); out.appendLE(UInt32(item.data.count)); out.appendLE(UInt32(truncatingIfNeeded: item.declaredSize))
                out.appendLE(UInt16(item.name.utf8.count)); out.appendLE(UInt16(0))
                out.append(contentsOf: Array(item.name.utf8)); out.append(contentsOf: item.data)
            }
            let directoryOffset = out.count
            var records = items.enumerated().map { ($0.element, offsets[$0.offset]) }
            for alias in aliases {
                var item = items[alias.of]
                item.name = alias.name
                records.append((item, offsets[alias.of]))
            }
            for (item, offset) in records {
                out.appendLE(UInt32(0x0201_4B50)); out.appendLE(UInt16(20)); out.appendLE(UInt16(20)); out.appendLE(UInt16(0x800))
                out.appendLE(item.method); out.appendLE(UInt16(0)); out.appendLE(UInt16(0x21))
                out.appendLE(item.crc); out.appendLE(UInt32(item.data.count)); out.appendLE(UInt32(truncatingIfNeeded: item.declaredSize))
                out.appendLE(UInt16(item.name.utf8.count)); out.appendLE(UInt16(0)); out.appendLE(UInt16(0))
                out.appendLE(UInt16(0)); out.appendLE(UInt16(0)); out.appendLE(UInt32(0)); out.appendLE(UInt32(offset))
                out.append(contentsOf: Array(item.name.utf8))
            }
            let directorySize = out.count - directoryOffset
            if let count = zip64EntryCount {
                let recordOffset = out.count
                out.appendLE(UInt32(0x0606_4B50)); out.appendLE(UInt64(44)); out.appendLE(UInt16(45)); out.appendLE(UInt16(45))
                out.appendLE(UInt32(0)); out.appendLE(UInt32(0)); out.appendLE(count); out.appendLE(count)
                out.appendLE(UInt64(directorySize)); out.appendLE(UInt64(directoryOffset))
                out.appendLE(UInt32(0x0706_4B50)); out.appendLE(UInt32(0)); out.appendLE(UInt64(recordOffset)); out.appendLE(UInt32(1))
            }
            out.appendLE(UInt32(0x0605_4B50)); out.appendLE(UInt16(0)); out.appendLE(UInt16(0))
            out.appendLE(UInt16(min(records.count, 0xFFFF))); out.appendLE(UInt16(min(records.count, 0xFFFF)))
            out.appendLE(UInt32(directorySize)); out.appendLE(UInt32(directoryOffset)); out.appendLE(UInt16(0))
            return out
        }
    }

    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        let deflater = try Deflater(level: 9)
        var out: [UInt8] = []
        try data.withUnsafeBytes { raw in
            try deflater.deflate(raw, finish: true) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Opens and reads every entry; returns the first error.
    static func readAll(_ bytes: [UInt8], limits: ReadLimits = .default) -> XLSXError? {
        do {
            let archive = try ZipArchive(source: MemoryByteSource(bytes), limits: limits)
            for entry in archive.entries { try archive.stream(entry).drain() }
            return nil
        } catch let error as XLSXError {
            return error
        } catch {
            return .invalidOperation("\(error)")
        }
    }

    @Test func highRatioBombIsStoppedByTheRatioLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 64 << 20)
        let compressed = try Self.deflate(zeros)
        let crafted = Crafted(items: [.init(name: "xl/worksheets/sheet1.xml", data: compressed, crc: CRC32.checksum(zeros), declaredSize: UInt64(zeros.count))])
        guard case .limitExceeded(.compressionRatio, let entry, _, _)? = Self.readAll(crafted.bytes()) else {
            Issue.record("no ratio limit"); return
        }
        #expect(entry == "xl/worksheets/sheet1.xml")
    }

    @Test func declaredHugeEntryIsRefusedBeforeInflating() throws {
        var limits = ReadLimits()
        limits.maxEntrySize = 1 << 20
        let data = try Self.deflate(Array(repeating: 65, count: 1000))
        let crafted = Crafted(items: [.init(name: "big.xml", data: data, crc: 0, declaredSize: 3 << 30)])
        guard case .limitExceeded(.entrySize, "big.xml", _, _)? = Self.readAll(crafted.bytes(), limits: limits) else {
            Issue.record("no size limit"); return
        }
    }

    @Test func entryThatInflatesPastItsDeclaredSizeStops() throws {
        let payload = [UInt8](repeating: 66, count: 1 << 20)
        let crafted = Crafted(items: [.init(name: "liar.xml", data: try Self.deflate(payload), crc: CRC32.checksum(payload), declaredSize: 100)])
        guard case .corruptEntry("liar.xml", _)? = Self.readAll(crafted.bytes()) else {
            Issue.record("lying size accepted"); return
        }
    }

    @Test func overlappingEntriesAreRefused() throws {
        let payload = Array("<x/>".utf8)
        var crafted = Crafted(items: [.init(name: "a.xml", data: payload, method: 0, crc: CRC32.checksum(payload), declaredSize: 4)])
        crafted.aliases = [("b.xml", 0), ("c.xml", 0)]
        guard case .corruptArchive? = Self.readAll(crafted.bytes()) else {
            Issue.record("overlap accepted"); return
        }
    }

    @Test func zip64CountThatLiesIsRefused() throws {
        let payload = Array("<x/>".utf8)
        var crafted = Crafted(items: [.init(name: "a.xml", data: payload, method: 0, crc: CRC32.checksum(payload), declaredSize: 4)])
        crafted.zip64EntryCount = 1 << 40
        guard case .limitExceeded(.entryCount, _, _, _)? = Self.readAll(crafted.bytes()) else {
            Issue.record("lying ZIP64 count accepted"); return
        }
        crafted.zip64EntryCount = 1000
        guard case .corruptArchive? = Self.readAll(crafted.bytes()) else {
            Issue.record("count beyond the directory accepted"); return
        }
    }

    @Test func encryptedEntryIsNamed() throws {
        var bytes = Crafted(items: [.init(name: "a.xml", data: [1, 2, 3], method: 0, crc: 0, declaredSize: 3)]).bytes()
        // Set flag bit 0 in the central record, after the 38-byte local record (30 + name + data).
        bytes[38 + 8] |= 1
        #expect(Self.readAll(bytes) == .encryptedEntry(entry: "a.xml"))
    }

    @Test func unknownCompressionMethodIsNamed() throws {
        let bytes = Crafted(items: [.init(name: "a.xml", data: [1, 2, 3], method: 14, crc: 0, declaredSize: 3)]).bytes()
        #expect(Self.readAll(bytes) == .unsupportedCompression(entry: "a.xml", method: 14))
    }

    @Test func invalidDeflateDataIsNamed() throws {
        let junk: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x12, 0x34]
        let bytes = Crafted(items: [.init(name: "a.xml", data: junk, crc: 0, declaredSize: 100)]).bytes()
        guard case .corruptEntry("a.xml", _)? = Self.readAll(bytes) else {
            Issue.record("junk deflate accepted"); return
        }
    }

    /// A small archive cut every 64 bytes: never a crash, always a named error.
    @Test func archiveTruncatedAtEvery64Bytes() throws {
        let url = ZipReaderTests.fixtures.appendingPathComponent("infozip-deflated.zip")
        let whole = try [UInt8](Data(contentsOf: url))
        for cut in stride(from: 0, to: whole.count, by: 64) {
            #expect(Self.readAll(Array(whole[0..<cut])) != nil, "cut at \(cut)")
        }
    }

    /// A small real workbook (CoreXLSX's HelloWorld) cut at every 512-byte boundary.
    @Test(.requires(.sharedCorpus)) func workbookTruncatedAtEvery512Bytes() throws {
        let book = try [UInt8](Data(contentsOf: try sharedCorpus().appendingPathComponent("corpus/CoreXLSX/Tests__CoreXLSXTests__Fixtures__HelloWorld.xlsx")))
        for cut in stride(from: 512, to: book.count, by: 512) {
            #expect(Self.readAll(Array(book[0..<cut])) != nil, "cut at \(cut)")
        }
    }
}
