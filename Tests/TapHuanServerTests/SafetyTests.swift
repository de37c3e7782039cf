import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TapHuanServer
import TrainingOps
import XLSX

/// No client path reaches the file system, the shared folder is never written, and a hostile
/// workbook is a finding on a page, not a failure of the server.
@Suite struct SafetyTests {
    /// A workbook package whose sheet declares an entity expanding a billion times.
    static func entityBomb() throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let zip = try ZipWriter(path: path)
        try zip.addEntry("[Content_Types].xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """.utf8))
        try zip.addEntry("_rels/.rels", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8))
        try zip.addEntry("xl/workbook.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bàn giao" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8))
        try zip.addEntry("xl/_rels/workbook.xml.rels", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """.utf8))
        var lol = "<!ENTITY a0 \"lol\">"
        for i in 1...9 { lol += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        try zip.addEntry("xl/worksheets/sheet1.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [\(lol)]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>
            """.utf8))
        try zip.finish()
        return contents(path)
    }

    @Test func hostileWorkbooksAreFindingsAndTheServerGoesOn() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = try #require(sampleWorkbooks.first { $0.hasSuffix("Ban giao ke hoach.xlsx") })
        let goodBytes = contents(good)
        let files: [(String, [UInt8])] = [
            ("Ban giao ke hoach.xlsx", goodBytes),
            ("rac.xlsx", Array("đây không phải sổ tính".utf8)),
            ("cat-ngang.xlsx", Array(goodBytes.prefix(goodBytes.count / 2))),
            ("bom.xlsx", try Self.entityBomb()),
        ]
        let body = MultipartBody(files: files, fields: ["ban": "1"])
        try await withServer(configuration(scratch)) { client in
            let id = try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .seeOther)
                return try #require(r.runID)
            }
            try await client.execute(uri: "/ket-qua/\(id)?quy-tac=IMPORT_UNREADABLE_FILE", method: .get) { r in
                #expect(r.status == .ok)
                for name in ["rac.xlsx", "cat-ngang.xlsx", "bom.xlsx"] {
                    #expect(r.text.contains("<td>\(name)</td>"), "\(name) is named in an IMPORT_UNREADABLE_FILE finding")
                }
                #expect(!r.text.contains("upload-0"), "the stored names never show")
            }
            // The checked copies hold the readable workbook only.
            try await client.execute(uri: "/tai/\(id)/zip", method: .get) { r in
                #expect(r.status == .ok)
                let zip = scratch.root.appendingPathComponent("copies.zip").path
                try Data(buffer: r.body).write(to: URL(fileURLWithPath: zip))
                let archive = try ZipArchive(path: zip)
                #expect(archive.entries.map(\.name) == ["Ban giao ke hoach.xlsx"])
            }
            // And the next request is served as usual.
            try await client.execute(uri: "/quy-tac", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    @Test func clientPathsNeverReachTheFileSystem() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let served = scratch.root.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        for path in sampleWorkbooks.prefix(3) {
            try FileManager.default.copyItem(atPath: path, toPath: served.appendingPathComponent((path as NSString).lastPathComponent).path)
        }
        let before = Scratch.listing(served.path)
        let sample = contents(try #require(sampleWorkbooks.first))
        let body = MultipartBody(files: [("../../../served/evil.xlsx", sample), ("..\\..\\evil2.xlsx", sample), ("/etc/passwd.xlsx", sample)], fields: ["ban": "1"])
        try await withServer(configuration(scratch, folder: served.path)) { client in
            let id = try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .seeOther)
                return try #require(r.runID)
            }
            try await client.execute(uri: "/ket-qua/\(id)", method: .get) { r in
                #expect(r.text.contains("<li>evil.xlsx</li>") && r.text.contains("<li>evil2.xlsx</li>") && r.text.contains("<li>passwd.xlsx</li>"))
            }
            try await client.execute(uri: "/tai/\(id)/zip", method: .get) { r in
                let zip = scratch.root.appendingPathComponent("copies.zip").path
                try Data(buffer: r.body).write(to: URL(fileURLWithPath: zip))
                let names = try ZipArchive(path: zip).entries.map(\.name).sorted()
                #expect(names == ["evil.xlsx", "evil2.xlsx", "passwd.xlsx"])
            }
            for uri in ["/tai/../../etc/passwd", "/tai/\(id)/..%2F..%2Fetc%2Fpasswd", "/tai/\(id)/ket-qua.json", "/tai/..%2F\(id)/zip",
                        "/ket-qua/..%2F..", "/bieu-mau/trong/..%2F..%2Fetc%2Fpasswd", "/style.css/../../etc/passwd"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .notFound, "\(uri)")
                    #expect(!r.text.contains("root:"), "\(uri)")
                }
            }
            // The folder check reads the served folder and writes only under out.
            try await client.execute(uri: "/kiem-tra/thu-muc?ban=1", method: .get) { r in #expect(r.status == .seeOther) }
        }
        #expect(Scratch.listing(served.path) == before, "nothing in the served folder is written")
        #expect(!FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("evil.xlsx").path))
        #expect(Scratch.listing(scratch.uploads).allSatisfy { !$0.contains("/") }, "every upload's folder is removed")
    }

    @Test func anOutFolderInsideTheServedFolderIsRefused() {
        let c = ServerConfiguration(folder: sampleFolder, out: sampleFolder + "/ket-qua")
        #expect(c.problem(.vi)?.contains("nằm trong --folder") == true)
        #expect(ServerConfiguration(folder: "/no/such/folder", out: "/tmp/x").problem(.en)?.contains("no such folder") == true)
    }
}
