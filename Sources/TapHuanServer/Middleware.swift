import Foundation
import Hummingbird
import TrainingOps

/// One line per request on standard output: time, method, path, status, duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let d = ContinuousClock.now - start
            let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            let line = "\(Date().ISO8601Format()) \(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", ms))ms\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}

/// Every failure becomes a page that says what went wrong, in the request's language: an
/// unknown address a 404 page, a refused upload its reason, an unusable input its message; an
/// error no page expects is logged and shown as such, and the server goes on serving.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let lang = request.language
        let path = request.pathForSwitch
        do {
            return try await next(request, context)
        } catch let refused as UploadRefused {
            return .html(OfficePages.message(lang.pick("Không nhận tệp gửi lên", "Upload refused"), refused.message(lang), lang: lang,
                                             section: .check, path: path, back: "/"), status: refused.status)
        } catch let failure as CheckFailure {
            return .html(OfficePages.message(lang.pick("Không kiểm tra được", "Cannot check"), failure.message(lang), lang: lang, path: path, back: "/"),
                         status: .unprocessableContent)
        } catch let error as HTTPError where error.status == .notFound {
            return .html(OfficePages.message(lang.pick("Không có trang này", "No such page"),
                                             lang.pick("Địa chỉ \(request.uri.path) không có trên máy chủ này.", "There is no page at \(request.uri.path)."),
                                             lang: lang, path: "/", back: "/"), status: .notFound)
        } catch let error as HTTPError {
            return .html(OfficePages.message(lang.pick("Yêu cầu không hợp lệ", "Bad request"), error.body ?? "\(error.status)",
                                             lang: lang, path: path, back: "/"), status: error.status)
        } catch {
            FileHandle.standardError.write(Data("taphuan serve: \(request.method) \(request.uri.path): \(error)\n".utf8))
            return .html(OfficePages.message(lang.pick("Lỗi", "Error"), lang.pick("Không xử lý được yêu cầu: \(error)", "The request could not be handled: \(error)"),
                                             lang: lang, path: path, back: "/"), status: .internalServerError)
        }
    }
}

/// The language of the pages: `?lang=vi|en` (remembered in a cookie), else the cookie, else the
/// server's (``ServerConfiguration/language``), which it puts in force while the request is handled.
struct LanguageMiddleware<Context: RequestContext>: RouterMiddleware {
    let serverLanguage: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await PageLanguage.$server.withValue(serverLanguage) { try await next(request, context) }
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) {
            response.setCookie(Cookie(name: "lang", value: asked.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

/// The language of the pages when a request says none.
enum PageLanguage {
    /// The server's, set by ``LanguageMiddleware`` for each request it handles.
    @TaskLocal static var server: Language = .vi
}

/// With an access token set, a request must carry it: the `Authorization: Bearer` or
/// `X-TapHuan-Token` header, or the cookie the sign-in form sets. Pages are sent to the sign-in
/// form, other requests get 401.
struct AccessTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    static var cookieName: String { "taphuan_token" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/dang-nhap" || path == "/style.css" || path == "/suc-khoe" { return try await next(request, context) }
        var given: [String] = []
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") { given.append(String(auth.dropFirst(7))) }
        for field in request.headers where field.name.canonicalName == "x-taphuan-token" { given.append(field.value) }
        if let cookie = request.cookies[Self.cookieName]?.value { given.append(cookie) }
        if given.contains(where: { Self.same($0, token) }) { return try await next(request, context) }
        if request.method == .get, request.headers[.authorization] == nil {
            return .redirect(to: "/dang-nhap", type: .found)
        }
        let lang = request.language
        return .html(OfficePages.message(lang.pick("Cần mã truy cập", "Access token needed"),
                                         lang.pick("Máy chủ này cần mã truy cập; hãy đăng nhập tại /dang-nhap.", "This server needs an access token; sign in at /dang-nhap."),
                                         lang: lang, path: "/dang-nhap", back: "/dang-nhap"), status: .unauthorized)
    }

    /// Equal strings, compared in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}

extension Request {
    /// `?lang=`, else the `lang` cookie, else the server's language (Vietnamese unless
    /// `taphuan serve --lang` or `TAPHUAN_LANG` says otherwise).
    var language: Language {
        if let q = uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return q }
        return cookies["lang"].flatMap { Language(rawValue: $0.value) } ?? PageLanguage.server
    }

    /// The query's fields, decoded as an HTML form encodes them (`+` for a space).
    var formQuery: [String: String] { Routes.formFields(uri.query ?? "") }

    /// The path and query of this request without `lang`, for the language switch.
    var pathForSwitch: String {
        let kept = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && $0 != "lang" }.map(String.init)
        return uri.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}

extension Response {
    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
