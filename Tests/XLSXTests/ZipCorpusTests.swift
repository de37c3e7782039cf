import Foundation
import TestTools
import Testing
@testable import XLSX

/// Every archive of ../shared/corpus: valid ZIPs are read entry by entry with matching CRC-32s;
/// the others get the error that names what they are. `valid_zip` and `encrypted` come from the
/// manifest, written by other tools.
@Suite(.requires(.sharedCorpus)) struct ZipCorpusTests {
    struct Row {
        var path: String
        var validZip: Bool
        var encrypted: Bool
    }

    static func manifest() throws -> [Row] {
        let shared = try sharedCorpus()
        let text = try String(contentsOf: shared.appendingPathComponent("corpus/MANIFEST.tsv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        let path = header.firstIndex(of: "local_path")!, valid = header.firstIndex(of: "valid_zip")!, encrypted = header.firstIndex(of: "encrypted")!
        return lines.map {
            Row(path: shared.appendingPathComponent("corpus/" + $0[path]).path, validZip: $0[valid] == "1", encrypted: $0[encrypted] == "1")
        }
    }

    @Test func everyValidArchiveReadsWithMatchingChecksums() throws {
        let rows = try Self.manifest().filter(\.validZip)
        try #require(rows.count > 1000)
        var entries = 0
        for row in rows {
            do {
                let archive = try ZipArchive(path: row.path)
                for entry in archive.entries where !entry.isDirectory {
                    try archive.stream(entry).drain()
                    entries += 1
                }
            } catch {
                Issue.record("\(row.path): \(error)")
            }
        }
        #expect(entries > 10_000)
    }

    @Test func encryptedWorkbooksAreNamed() throws {
        let rows = try Self.manifest().filter { !$0.validZip && $0.encrypted }
        #expect(rows.count == 30)
        for row in rows {
            #expect(throws: XLSXError.inFile(path: row.path, .notAWorkbook(kind: .encryptedWorkbook))) {
                _ = try ZipArchive(path: row.path)
            }
        }
    }

    @Test func otherInvalidArchivesGetSpecificErrors() throws {
        let rows = try Self.manifest().filter { !$0.validZip && !$0.encrypted }
        #expect(rows.count == 3)
        for row in rows {
            do {
                let archive = try ZipArchive(path: row.path)
                for entry in archive.entries { try archive.stream(entry).drain() }
                Issue.record("\(row.path) read without error")
            } catch let error as XLSXError {
                var inner = error
                if case .inFile(_, let wrapped) = error { inner = wrapped }
                if row.path.hasSuffix("issue252.xlsx") {
                    // Python's zipfile: "Bad CRC-32 for file 'xl/_rels/workbook.xml.rels'"; calamine: "File is
                    // larger than its declared uncompressed size". Either names the entry.
                    switch inner {
                    case .checksumMismatch(let entry, _, _), .corruptEntry(let entry, _):
                        #expect(entry == "xl/_rels/workbook.xml.rels")
                    default:
                        Issue.record("\(row.path): \(inner)")
                    }
                } else {
                    // roo's type_excel files are OLE2 compound files with a Workbook stream.
                    #expect(inner == .notAWorkbook(kind: .legacyXLS), "\(row.path)")
                }
            }
        }
    }
}
