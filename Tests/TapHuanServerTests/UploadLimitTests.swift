import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TapHuanServer

/// Uploads past a limit get a page saying which limit, and leave nothing behind.
@Suite struct UploadLimitTests {
    static func limited(_ scratch: Scratch, file: Int = 1 << 20, request: Int = 4 << 20, files: Int = 3) -> ServerConfiguration {
        var c = configuration(scratch)
        c.limits.fileBytes = file
        c.limits.requestBytes = request
        c.limits.files = files
        return c
    }

    @Test func aFileOverItsLimitIsRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let body = MultipartBody(files: [("Lon.xlsx", [UInt8](repeating: 0x41, count: 100_000))])
        try await withServer(Self.limited(scratch, file: 50_000)) { client in
            try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("Tệp &quot;Lon.xlsx&quot; lớn hơn"))
            }
        }
        #expect(Scratch.listing(scratch.uploads).filter { !$0.hasPrefix("taphuan-uploads") || $0.contains("/") }.isEmpty, "the upload's folder is removed")
    }

    @Test func aRequestOverItsLimitIsRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let body = MultipartBody(files: (1...3).map { ("\($0).xlsx", [UInt8](repeating: 0x41, count: 40_000)) })
        try await withServer(Self.limited(scratch, file: 50_000, request: 100_000)) { client in
            // Found too large while streaming.
            try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("Tổng dung lượng gửi lên vượt quá 0.1 MB"))
            }
        }
        #expect(Scratch.listing(scratch.uploads).allSatisfy { !$0.contains("/") })
    }

    /// Over a real loopback socket: a request announcing more than the limit is refused from its
    /// headers, before a byte of its body is read.
    @Test func anAnnouncedOversizeUploadIsRefusedFromItsHeaders() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var c = Self.limited(scratch, request: 1 << 20)
        c.host = "127.0.0.1"
        c.port = 0
        let app = Application(router: try TapHuanServer.router(c), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            var headers = MultipartBody(files: []).headers
            headers[.contentLength] = "300000000"
            try await client.execute(uri: "/kiem-tra?lang=en", method: .post, headers: headers, body: nil) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("larger than 1 MB in total"))
            }
        }
        #expect(Scratch.listing(scratch.uploads).allSatisfy { !$0.contains("/") })
    }

    @Test func tooManyFilesAreRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let body = MultipartBody(files: (1...4).map { ("\($0).xlsx", [0x50, 0x4B]) })
        try await withServer(Self.limited(scratch, files: 3)) { client in
            try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("Gửi quá 3 tệp trong một lần"))
            }
        }
    }

    @Test func aPostWithoutFilesIsRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let notes = MultipartBody(files: [("ghi chu.txt", Array("xin chào".utf8))])
        try await withServer(configuration(scratch)) { client in
            try await client.execute(uri: "/kiem-tra", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("multipart/form-data"))
            }
            try await client.execute(uri: "/kiem-tra", method: .post, headers: notes.headers, body: notes.buffer) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("Không có sổ tính .xlsx nào"))
            }
            var cut = notes.bytes
            cut.removeLast(20)
            try await client.execute(uri: "/kiem-tra", method: .post, headers: notes.headers, body: ByteBuffer(bytes: cut)) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("bị hỏng"))
            }
        }
    }
}
