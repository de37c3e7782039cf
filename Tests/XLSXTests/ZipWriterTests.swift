import Foundation
import TestTools
import Testing
@testable import XLSX

/// Archives from our writer, read back by our reader and judged by Info-ZIP's `unzip -t` and
/// Python's `zipfile.testzip()`.
@Suite struct ZipWriterTests {
    static let payload = Array(String(repeating: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>Hòa Thắng ", count: 3000).utf8)

    /// Info-ZIP's `unzip -t` and Python's `zipfile.testzip()` on an archive of ours.
    static func checkWithOtherTools(_ path: String) throws {
        let unzip = try runProgram(try ExternalTool.unzip.path(), ["-tq", path])
        #expect(unzip.status == 0, "unzip -t: \(unzip.output)")
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nprint(len(z.namelist()))\nsys.exit(1 if bad else 0)"
        let result = try runProgram(try ExternalTool.python3.path(), ["-c", script, path])
        #expect(result.status == 0, "zipfile.testzip: \(result.output)")
    }

    /// The archives of the tests below, as other tools must read them.
    @Test(.requires(.unzip, .python3), arguments: ["level 0", "level 1", "level 6", "level 9", "zip64", "many"])
    func otherToolsReadOurArchives(_ kind: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.zip").path
        switch kind {
        case "zip64": try Self.writeForcedZip64(path)
        case "many": try Self.writeMany(path)
        default: try Self.writeLevel(Int(kind.dropFirst(6))!, path)
        }
        try Self.checkWithOtherTools(path)
    }

    static func writeLevel(_ level: Int, _ path: String) throws {
        let writer = try ZipWriter(path: path, options: .init(level: level))
        try writer.addEntry("[Content_Types].xml", data: Array("<Types/>".utf8))
        try writer.beginEntry("xl/worksheets/sheet1.xml")
        for chunk in stride(from: 0, to: Self.payload.count, by: 1000) {
            try writer.write(Array(Self.payload[chunk..<min(chunk + 1000, Self.payload.count)]))
        }
        try writer.endEntry()
        try writer.addEntry("tên tiếng Việt.txt", data: [], compress: false)
        try writer.finish()
    }

    static func writeForcedZip64(_ path: String) throws {
        let writer = try ZipWriter(path: path, options: .init(forceZip64: true))
        try writer.addEntry("a.xml", data: Self.payload)
        try writer.addEntry("b.xml", data: Array("b".utf8))
        try writer.finish()
    }

    static let manyEntries = 70_000

    static func writeMany(_ path: String) throws {
        let writer = try ZipWriter(path: path, options: .init(level: 1))
        for i in 0..<manyEntries {
            try writer.addEntry("d/\(i).txt", data: Array("\(i)".utf8))
        }
        try writer.finish()
    }

    @Test(arguments: [0, 1, 6, 9])
    func roundTripsAtEveryLevel(_ level: Int) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.zip").path
        try Self.writeLevel(level, path)
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "tên tiếng Việt.txt"])
        #expect(try archive.contents(ofEntryNamed: "xl/worksheets/sheet1.xml") == Self.payload)
        #expect(archive.entries[1].method == (level == 0 ? 0 : 8))
    }

    @Test func deterministicModeGivesEqualBytes() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [Data] = []
        for name in ["a.zip", "b.zip"] {
            let path = dir.appendingPathComponent(name).path
            let writer = try ZipWriter(path: path, options: .init(deterministic: true))
            try writer.addEntry("x.xml", data: Self.payload)
            try writer.finish()
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
        #expect(try ZipArchive(source: MemoryByteSource([UInt8](files[0]))).entries[0].dosDate == 0x21)
    }

    @Test func forcedZip64EntriesReadEverywhere() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("z64.zip").path
        try Self.writeForcedZip64(path)
        #expect(try ZipArchive(path: path).contents(ofEntryNamed: "a.xml") == Self.payload)
    }

    @Test func zip64SwitchesOnPast65535Entries() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("many.zip").path
        try Self.writeMany(path)
        let count = Self.manyEntries
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.count == count)
        #expect(try archive.contents(ofEntryNamed: "d/69999.txt") == Array("69999".utf8))
        // The plain EOCD record saturates its count; the ZIP64 record carries the truth.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes[bytes.count - 22 + 8] == 0xFF && bytes[bytes.count - 22 + 9] == 0xFF)
    }

    @Test func abandonedArchiveLeavesNothingAndKeepsTheOldFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let writer = try ZipWriter(path: path)
        try writer.beginEntry("x.xml")
        try writer.write(Self.payload)
        writer.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.xlsx"])
    }

    @Test func refusesToReplaceWhenAskedNotTo() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: XLSXError.self) { _ = try ZipWriter(path: path, replaceExisting: false) }
    }

    @Test func duplicateNamesAreRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try ZipWriter(path: dir.appendingPathComponent("d.zip").path)
        try writer.addEntry("a.xml", data: [1])
        #expect(throws: XLSXError.self) { try writer.addEntry("A.XML", data: [2]) }
        writer.abandon()
    }
}
