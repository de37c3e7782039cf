import Testing
@testable import TapHuanServer

/// The streaming multipart reader: the same events however the body is cut into pieces.
@Suite struct MultipartReaderTests {
    static let boundary = "XyZ"
    static let body = Array("""
        preamble ignored\r
        --XyZ\r
        Content-Disposition: form-data; name="as-of"\r
        \r
        2026-11-28T09:00\r
        --XyZ\r
        Content-Disposition: form-data; name="files"; filename="B\\"an giao.xlsx"\r
        Content-Type: application/octet-stream\r
        \r
        PK\u{3}\u{4} bytes with \r\n--Xy almost a boundary\r
        --XyZ  \r
        Content-Disposition: form-data; name="files"; filename="empty.xlsx"\r
        \r
        \r
        --XyZ--\r
        epilogue
        """.utf8)

    static func events(chunk: Int) throws -> [MultipartReader.Event] {
        var reader = try #require(MultipartReader(contentType: "multipart/form-data; boundary=\"\(boundary)\""))
        var events: [MultipartReader.Event] = []
        var i = 0
        while i < body.count {
            try reader.feed(body[i..<min(body.count, i + chunk)]) { events.append($0) }
            i += chunk
        }
        try reader.finish()
        // Join the body pieces, which depend on the cuts.
        var joined: [MultipartReader.Event] = []
        for e in events {
            if case .body(let b) = e, case .body(let a)? = joined.last { joined[joined.count - 1] = .body(a + b) } else { joined.append(e) }
        }
        return joined
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 4096])
    func sameEventsWhateverTheChunks(chunk: Int) throws {
        let events = try Self.events(chunk: chunk)
        #expect(events == [
            .begin(name: "as-of", fileName: nil), .body(Array("2026-11-28T09:00".utf8)), .end,
            .begin(name: "files", fileName: "B\"an giao.xlsx"), .body(Array("PK\u{3}\u{4} bytes with \r\n--Xy almost a boundary".utf8)), .end,
            .begin(name: "files", fileName: "empty.xlsx"), .end,
        ])
    }

    @Test func aBodyCutShortIsMalformed() throws {
        var reader = try #require(MultipartReader(contentType: "multipart/form-data; boundary=XyZ"))
        try reader.feed(Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc".utf8)) { _ in }
        #expect(throws: MultipartReader.Malformed.self) { try reader.finish() }
    }

    @Test func endlessHeadersAreRefused() throws {
        var reader = try #require(MultipartReader(contentType: "multipart/form-data; boundary=XyZ"))
        let header = "--XyZ\r\nX-Long: " + String(repeating: "a", count: MultipartReader.maxHeaderBytes + 10)
        #expect(throws: MultipartReader.Malformed.self) { try reader.feed(Array(header.utf8)) { _ in } }
    }

    @Test func otherContentTypesHaveNoReader() {
        #expect(MultipartReader(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartReader(contentType: "multipart/form-data") == nil)
        #expect(MultipartReader(contentType: "multipart/form-data; boundary=\(String(repeating: "b", count: 71))") == nil)
    }

    @Test func clientFileNamesKeepOnlyTheirLastComponent() {
        #expect(Upload.displayName("../../etc/passwd", taken: []) == "passwd")
        #expect(Upload.displayName("C:\\Users\\ha\\Ban giao.xlsx", taken: []) == "Ban giao.xlsx")
        #expect(Upload.displayName("..", taken: []) == "")
        #expect(Upload.displayName(".hidden.xlsx", taken: []) == "hidden.xlsx")
        #expect(Upload.displayName("a\u{0}b\n.xlsx", taken: []) == "ab.xlsx")
        #expect(Upload.displayName("x.xlsx", taken: ["x.xlsx", "x (2).xlsx"]) == "x (3).xlsx")
        #expect(Upload.storedName(7) == "upload-007.xlsx")
    }
}
