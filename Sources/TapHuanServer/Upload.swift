import Foundation
import Hummingbird
import TrainingOps

/// An upload refused, and why: the page shown says so.
struct UploadRefused: Error, Equatable {
    enum Reason: Equatable {
        case notMultipart
        case malformed(String)
        case requestTooLarge(limit: Int)
        case fileTooLarge(name: String, limit: Int)
        case tooManyFiles(limit: Int)
        case noWorkbook
    }

    var reason: Reason

    /// The HTTP status of the refusal.
    var status: HTTPResponse.Status {
        switch reason {
        case .requestTooLarge, .fileTooLarge: return .contentTooLarge
        default: return .badRequest
        }
    }

    func message(_ lang: Language) -> String {
        switch reason {
        case .notMultipart:
            return lang.pick("Yêu cầu không gửi kèm tệp (cần multipart/form-data).", "The request carries no files (multipart/form-data is needed).")
        case .malformed(let why):
            return lang.pick("Dữ liệu gửi lên bị hỏng (\(why)).", "The uploaded data is malformed (\(why)).")
        case .requestTooLarge(let limit):
            return lang.pick("Tổng dung lượng gửi lên vượt quá \(UploadLimits.megabytes(limit)) cho một lần; hãy gửi ít tệp hơn mỗi lần.",
                             "The upload is larger than \(UploadLimits.megabytes(limit)) in total; send fewer files at a time.")
        case .fileTooLarge(let name, let limit):
            return lang.pick("Tệp \"\(name)\" lớn hơn \(UploadLimits.megabytes(limit)), giới hạn cho mỗi tệp.",
                             "The file \"\(name)\" is larger than \(UploadLimits.megabytes(limit)), the limit for one file.")
        case .tooManyFiles(let limit):
            return lang.pick("Gửi quá \(limit) tệp trong một lần.", "More than \(limit) files in one upload.")
        case .noWorkbook:
            return lang.pick("Không có sổ tính .xlsx nào trong các tệp gửi lên.", "None of the uploaded files is an .xlsx workbook.")
        }
    }
}

/// The files of one upload, in a private temporary folder removed by ``remove()``. Every name
/// on disk is made here (`1.xlsx`, `2.xlsx`…); the names the client sent are kept only as
/// text, to show and to name the checked copies.
struct Upload: Sendable {
    /// One file received.
    struct File: Sendable {
        /// Where it was written.
        var url: URL
        /// The client's name, reduced to a plain last component (`Ban giao.xlsx`).
        var displayName: String
    }

    /// The private folder.
    var folder: URL
    /// The workbooks received.
    var files: [File] = []
    /// Files not taken, with the reason (not .xlsx, an Excel lock file).
    var skipped: [(name: String, vi: String, en: String)] = []
    /// The plain form fields, each at most 1 KB.
    var fields: [String: String] = [:]

    /// Removes the folder and everything in it.
    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Streams the body of `request` into a new private folder under `parent`, within `limits`.
    /// On a refusal the folder is already removed.
    static func receive(_ request: Request, limits: UploadLimits, parent: URL) async throws -> Upload {
        guard let type = request.headers[.contentType], var reader = MultipartReader(contentType: type) else {
            throw UploadRefused(reason: .notMultipart)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.requestBytes {
            throw UploadRefused(reason: .requestTooLarge(limit: limits.requestBytes))
        }
        let folder = parent.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var upload = Upload(folder: folder)
        do {
            try await upload.read(request.body, into: &reader, limits: limits)
            return upload
        } catch {
            upload.remove()
            throw error
        }
    }

    private mutating func read(_ body: RequestBody, into reader: inout MultipartReader, limits: UploadLimits) async throws {
        var total = 0
        var current: (handle: FileHandle?, field: String?, name: String, bytes: Int, text: [UInt8])?
        var fileCount = 0
        func handle(_ event: MultipartReader.Event) throws {
            switch event {
            case .begin(let name, let fileName):
                if let fileName {
                    fileCount += 1
                    if fileCount > limits.files { throw UploadRefused(reason: .tooManyFiles(limit: limits.files)) }
                    let display = Self.displayName(fileName, taken: files.map(\.displayName))
                    if display.isEmpty {
                        current = (nil, nil, "", 0, [])  // an empty file input
                    } else if let why = Self.notTaken(display) {
                        skipped.append((display, why.vi, why.en))
                        current = (nil, nil, display, 0, [])
                    } else {
                        let url = folder.appendingPathComponent(Self.storedName(files.count + 1))
                        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                            throw UploadRefused(reason: .malformed("cannot store the file"))
                        }
                        files.append(File(url: url, displayName: display))
                        current = (try FileHandle(forWritingTo: url), nil, display, 0, [])
                    }
                } else {
                    current = (nil, name, name, 0, [])
                }
            case .body(let bytes):
                guard var part = current else { return }
                part.bytes += bytes.count
                if part.field == nil, !part.name.isEmpty, part.bytes > limits.fileBytes {
                    throw UploadRefused(reason: .fileTooLarge(name: part.name, limit: limits.fileBytes))
                }
                if let h = part.handle { try h.write(contentsOf: bytes) }
                if part.field != nil {
                    if part.bytes > 1024 { throw UploadRefused(reason: .malformed("form field too long")) }
                    part.text += bytes
                }
                current = part
            case .end:
                if let part = current {
                    try part.handle?.close()
                    if let field = part.field { fields[field] = String(decoding: part.text, as: UTF8.self) }
                }
                current = nil
            }
        }
        do {
            defer { try? current?.handle?.close() }
            for try await chunk in body {
                total += chunk.readableBytes
                if total > limits.requestBytes { throw UploadRefused(reason: .requestTooLarge(limit: limits.requestBytes)) }
                try chunk.withUnsafeReadableBytes { raw in try reader.feed(raw, handle) }
                if reader.isFinished { break }
            }
            try reader.finish()
        } catch let e as MultipartReader.Malformed {
            throw UploadRefused(reason: .malformed(e.reason))
        }
        if files.isEmpty { throw UploadRefused(reason: .noWorkbook) }
    }

    /// `upload-001.xlsx`: the name the n-th file is stored under, fixed width so that no
    /// name is part of another.
    static func storedName(_ n: Int) -> String {
        let digits = String(n)
        return "upload-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".xlsx"
    }

    /// The stored name → the client's name, to put back in findings and messages.
    var names: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.url.lastPathComponent, $0.displayName) })
    }

    /// The last component of a client's file name (either slash), without control characters,
    /// at most 120 characters, made unique among `taken` with ` (2)`, ` (3)`…
    static func displayName(_ sent: String, taken: [String]) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 120 { name = String(name.prefix(110)) + String(name.suffix(10)) }
        guard !name.isEmpty else { return "" }
        var unique = name, n = 2
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        while taken.contains(unique) {
            unique = "\(stem) (\(n))" + (ext.isEmpty ? "" : ".\(ext)")
            n += 1
        }
        return unique
    }

    /// Why a file is not checked, or `nil` when it is.
    static func notTaken(_ name: String) -> (vi: String, en: String)? {
        if name.hasPrefix("~$") { return ("tệp khóa của Excel, bỏ qua", "an Excel lock file, skipped") }
        if !name.lowercased().hasSuffix(".xlsx") { return ("không phải sổ tính .xlsx, bỏ qua", "not an .xlsx workbook, skipped") }
        return nil
    }
}
