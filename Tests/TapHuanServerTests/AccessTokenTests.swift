import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TapHuanServer

/// With a token set, every page but the sign-in form needs it: header or cookie.
@Suite struct AccessTokenTests {
    static let token = "bi-mat-cua-van-phong-2026"

    @Test func pagesNeedTheToken() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var c = configuration(scratch)
        c.token = Self.token
        try await withServer(c) { client in
            try await client.execute(uri: "/quy-tac", method: .get) { r in
                #expect(r.status == .found)
                #expect(r.headers[.location] == "/dang-nhap")
            }
            try await client.execute(uri: "/dang-nhap", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Mã truy cập"))
            }
            let body = MultipartBody(files: [("a.xlsx", [0x50])])
            try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/quy-tac", method: .get, headers: [.authorization: "Bearer sai-ma-truy-cap"]) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/quy-tac", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("HANDOVER_LATE"))
            }
        }
    }

    @Test func theSignInFormSetsACookie() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var c = configuration(scratch)
        c.token = Self.token
        try await withServer(c) { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/dang-nhap", method: .post, headers: form, body: ByteBuffer(string: "token=sai&lang=en")) { r in
                #expect(r.status == .unauthorized)
                #expect(r.text.contains("Wrong access token"))
            }
            let cookie = try await client.execute(uri: "/dang-nhap", method: .post, headers: form, body: ByteBuffer(string: "token=\(Self.token)")) { r in
                #expect(r.status == .seeOther)
                let set = try #require(r.headers[.setCookie])
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
                return String(set.split(separator: ";")[0])
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("id=\"upload\""))
            }
        }
    }

    @Test func comparisonIsExact() {
        #expect(AccessTokenMiddleware<BasicRequestContext>.same("abc", "abc"))
        #expect(!AccessTokenMiddleware<BasicRequestContext>.same("abc", "abd"))
        #expect(!AccessTokenMiddleware<BasicRequestContext>.same("abc", "abcd"))
        #expect(!AccessTokenMiddleware<BasicRequestContext>.same("", "a"))
    }

    @Test func loopbackIsRecognised() {
        var c = ServerConfiguration(out: "/tmp/x")
        #expect(c.isLoopback)
        c.host = "0.0.0.0"
        #expect(!c.isLoopback)
        c.host = "::1"
        #expect(c.isLoopback)
    }
}
