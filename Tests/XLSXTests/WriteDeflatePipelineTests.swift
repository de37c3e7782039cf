import Foundation
import TestTools
import Testing
@testable import XLSX

/// Parallel deflate: blocks compressed apart must join into one stream that other tools
/// inflate to the very same bytes, with the CRC-32 of the whole.
@Suite struct WriteDeflatePipelineTests {
    /// Several MiB of sheet-like XML with a pseudo-random tail, so blocks differ.
    static func payload(_ size: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 100)
        var state: UInt64 = 12345
        var row = 0
        while bytes.count < size {
            row += 1
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(contentsOf: "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(state >> 20)</v></c><c t=\"inlineStr\"><is><t>Hồ sơ \(row)</t></is></c></row>".utf8)
        }
        return Array(bytes.prefix(size))
    }

    static let cases: [(Int, Int)] = [(1, 6), (2, 6), (4, 1), (3, 9), (2, 0)]

    /// Writes the test archive with `threads` deflating at `level`; returns the big entry's data.
    static func writeArchive(_ path: String, threads: Int, level: Int) throws -> [UInt8] {
        let data = Self.payload(5 * DeflatePipeline.blockSize + 12_345)
        let writer = try ZipWriter(path: path, options: .init(level: level, threads: threads))
        try writer.beginEntry("big.xml")
        var offset = 0
        while offset < data.count {
            let n = min(300_001, data.count - offset)
            try writer.write(Array(data[offset..<offset + n]))
            offset += n
        }
        try writer.endEntry()
        try writer.addEntry("empty.xml", data: [])
        try writer.addEntry("exact.xml", data: Array(data.prefix(DeflatePipeline.blockSize)))
        try writer.finish()
        return data
    }

    @Test(arguments: cases)
    func joinsIntoOneStream(_ threads: Int, _ level: Int) throws {
        let dir = try makeTemporaryDirectory("pipeline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.zip").path
        let data = try Self.writeArchive(path, threads: threads, level: level)
        let archive = try ZipArchive(path: path)
        #expect(try archive.contents(ofEntryNamed: "big.xml") == data)
        #expect(try archive.contents(ofEntryNamed: "empty.xml") == [])
        #expect(try archive.contents(ofEntryNamed: "exact.xml") == Array(data.prefix(DeflatePipeline.blockSize)))
        #expect(archive.entries[0].crc32 == CRC32.checksum(data))
    }

    @Test(.requires(.unzip), arguments: cases)
    func unzipInflatesTheJoinedStream(_ threads: Int, _ level: Int) throws {
        let dir = try makeTemporaryDirectory("pipeline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.zip").path
        _ = try Self.writeArchive(path, threads: threads, level: level)
        let unzip = try runProgram(try ExternalTool.unzip.path(), ["-tq", path])
        #expect(unzip.status == 0, "\(unzip.output)")
    }
}
