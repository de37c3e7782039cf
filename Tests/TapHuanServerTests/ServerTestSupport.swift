import Foundation
import Hummingbird
import HummingbirdTesting
@testable import TapHuanServer
import TrainingOps

/// The package's `samples/` folder.
let sampleFolder: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../samples").standardized.path

/// The sample workbooks as the browser check uploads them: the top folder's and the unit lists.
let sampleWorkbooks: [String] = {
    let fm = FileManager.default
    var paths: [String] = []
    for sub in ["", "Danh sach don vi"] {
        let dir = (sampleFolder as NSString).appendingPathComponent(sub)
        for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".xlsx") && !name.hasPrefix("~$") {
            paths.append((dir as NSString).appendingPathComponent(name))
        }
    }
    return paths
}()

/// A scratch folder for one test: the out folder, the uploads' parent and a copy of a folder to
/// serve, removed at the end.
struct Scratch {
    let root: URL
    var out: String { root.appendingPathComponent("out").path }
    var uploads: String { root.appendingPathComponent("uploads").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-server-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("uploads").path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Every file under `path`, relative, sorted.
    static func listing(_ path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
    }
}

/// A server configuration over `folder` writing into `scratch`.
func configuration(_ scratch: Scratch, folder: String = sampleFolder) -> ServerConfiguration {
    var c = ServerConfiguration(folder: folder, out: scratch.out)
    c.uploads = scratch.uploads
    c.asOf = try? LocalMoment.asOf("2026-11-28T09:00")
    return c
}

/// Runs `body` against the router of `configuration` (no socket: the router test client).
func withServer<T: Sendable>(_ configuration: ServerConfiguration, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let app = Application(router: try TapHuanServer.router(configuration))
    return try await app.test(.router, body)
}

/// A `multipart/form-data` body of `files` (name, bytes) under the field `files`, and `fields`.
struct MultipartBody {
    let boundary = "----taphuan-test-\(UUID().uuidString)"
    var bytes: [UInt8] = []

    init(files: [(name: String, bytes: [UInt8])], fields: [String: String] = [:]) {
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        for f in files {
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(f.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            bytes += f.bytes
            bytes += Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
    }

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(boundary)"] }
    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
}

/// The bytes of a file.
func contents(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
    /// The run id of a redirect to a result page.
    var runID: String? {
        guard let location = headers[.location], let r = location.range(of: "/ket-qua/") else { return nil }
        return String(location[r.upperBound...])
    }
}
