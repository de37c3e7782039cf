import Foundation
import Testing
@testable import XLSX

/// Archives made by Info-ZIP and Python's zipfile (scripts/make-zip-fixtures.py).
@Suite struct ZipReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/zip")
    static let text = String(repeating: "Xin chào, Trường Tiểu học số 3 xã Hòa Thắng\n", count: 200)

    @Test(arguments: ["python-stored.zip", "python-deflated.zip", "python-comment.zip", "python-zip64.zip", "python-descriptors.zip"])
    func readsPythonArchives(_ name: String) throws {
        let archive = try ZipArchive(path: Self.fixtures.appendingPathComponent(name).path)
        #expect(archive.entries.map(\.name) == ["a.txt", "thư mục/bảng.xml", "empty.txt"])
        #expect(try archive.contents(ofEntryNamed: "a.txt") == Array(Self.text.utf8))
        #expect(try archive.contents(ofEntryNamed: "thư mục/bảng.xml") == Array(("<x>" + Self.text + "</x>").utf8))
        #expect(try archive.contents(ofEntryNamed: "empty.txt") == [])
        if name == "python-comment.zip" { #expect(archive.comment.hasPrefix("PK")) }
    }

    @Test(arguments: ["infozip-stored.zip", "infozip-deflated.zip"])
    func readsInfoZipArchives(_ name: String) throws {
        let archive = try ZipArchive(path: Self.fixtures.appendingPathComponent(name).path)
        #expect(Set(archive.entries.map(\.name)) == ["a.txt", "sub/", "sub/b.xml"])
        #expect(try archive.contents(ofEntryNamed: "SUB\\B.XML") == Array(("<x>" + Self.text + "</x>").utf8))
    }

    @Test func decodesCP437Names() throws {
        let archive = try ZipArchive(path: Self.fixtures.appendingPathComponent("cp437-name.zip").path)
        #expect(archive.entries.map(\.name) == ["café.txt"])
        #expect(try archive.contents(ofEntryNamed: "café.txt") == Array("coffee".utf8))
    }

    @Test func streamsInChunks() throws {
        let archive = try ZipArchive(path: Self.fixtures.appendingPathComponent("python-deflated.zip").path)
        let stream = try archive.stream(archive.entry(named: "a.txt")!, chunkSize: 4096)
        var chunks = 0, total = 0
        while let chunk = try stream.next() {
            chunks += 1
            total += chunk.count
            #expect(chunk.count <= 4096)
        }
        #expect(total == Self.text.utf8.count)
        #expect(chunks > 1)
    }

    @Test func badChecksumIsNamed() throws {
        var bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("python-stored.zip")))
        // Flip one byte of a.txt's stored data (after the 30-byte header and the 5-byte name).
        bytes[30 + 5 + 10] ^= 0xFF
        let archive = try ZipArchive(source: MemoryByteSource(bytes))
        #expect(throws: XLSXError.self) { _ = try archive.contents(ofEntryNamed: "a.txt") }
        do {
            _ = try archive.contents(ofEntryNamed: "a.txt")
        } catch let error as XLSXError {
            guard case .checksumMismatch(let entry, _, _) = error else { Issue.record("got \(error)"); return }
            #expect(entry == "a.txt")
        }
    }

    @Test func truncatedArchiveIsCorrupt() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("python-deflated.zip")))
        for cut in stride(from: 4, to: bytes.count, by: 37) {
            do {
                let archive = try ZipArchive(source: MemoryByteSource(Array(bytes[0..<cut])))
                for entry in archive.entries { _ = try archive.contents(of: entry) }
                Issue.record("a cut at \(cut) bytes was read without error")
            } catch let error as XLSXError {
                switch error {
                case .corruptArchive, .corruptEntry, .checksumMismatch: break
                default: Issue.record("cut at \(cut): unexpected \(error)")
                }
            }
        }
    }

    @Test func emptyAndForeignFilesAreNamed() throws {
        func kind(_ bytes: [UInt8]) -> XLSXError? {
            do { _ = try ZipArchive(source: MemoryByteSource(bytes)); return nil } catch let e as XLSXError { return e } catch { return nil }
        }
        #expect(kind([]) == .notAWorkbook(kind: .empty))
        #expect(kind(Array("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>".utf8)) == .notAWorkbook(kind: .html))
        #expect(kind(Array("Mã khóa,Tên khóa\nK01,Tính lương\n".utf8)) == .notAWorkbook(kind: .csv))
        #expect(kind(Array("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>".utf8)) == .notAWorkbook(kind: .xml))
    }
}
