import Foundation

/// A streaming reader of a `multipart/form-data` body (RFC 7578): bytes go in as they arrive,
/// parts come out as events, and no part is ever held whole: file contents are handed on in
/// pieces as soon as they cannot be the start of the boundary.
///
/// Hummingbird 2 has no multipart parser of its own; this one is a hundred lines whose every
/// limit is ours (header size, part count), which the upload limits need, where a general
/// library would collect parts or take limits of its own.
struct MultipartReader {
    /// What the reader found.
    enum Event: Equatable {
        /// A part begins: its field name and, for a file, the file name the client sent.
        case begin(name: String, fileName: String?)
        /// Bytes of the current part's body.
        case body([UInt8])
        /// The current part ends.
        case end
    }

    /// A body that is not `multipart/form-data` as announced.
    struct Malformed: Error, Equatable {
        var reason: String
    }

    private enum State { case preamble, headers, body, done }

    private let delimiter: [UInt8]  // "\r\n--" + boundary
    private var buffer: [UInt8] = []
    private var state = State.preamble
    /// The largest header block of one part.
    static let maxHeaderBytes = 8 * 1024

    /// A reader for the boundary of a `Content-Type: multipart/form-data; boundary=…` header;
    /// `nil` when the header names no usable boundary.
    init?(contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        var boundary: String?
        for param in contentType.split(separator: ";").dropFirst() {
            let pair = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                boundary = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            }
        }
        guard let boundary, (1...70).contains(boundary.utf8.count) else { return nil }
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary may open the body without the CRLF before it.
        buffer = Array("\r\n".utf8)
    }

    /// Whether the closing boundary has been read.
    var isFinished: Bool { state == .done }

    /// Feeds `bytes`, calling `emit` for every event they complete.
    mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (Event) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        var start = 0
        defer { buffer.removeFirst(start) }
        while true {
            switch state {
            case .done:
                start = buffer.count
                return
            case .preamble:
                guard let at = find(delimiter, from: start) else {
                    // Keep only what may still begin the delimiter.
                    start = max(start, buffer.count - (delimiter.count - 1))
                    return
                }
                guard let next = try afterDelimiter(from: at + delimiter.count) else {
                    start = at
                    return
                }
                start = next.index
                if next.closing { state = .done } else { state = .headers }
            case .headers:
                guard let end = find(Array("\r\n\r\n".utf8), from: start) else {
                    if buffer.count - start > Self.maxHeaderBytes { throw Malformed(reason: "part headers too long") }
                    return
                }
                if end - start > Self.maxHeaderBytes { throw Malformed(reason: "part headers too long") }
                let text = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 4
                try emit(try Self.disposition(text))
                state = .body
            case .body:
                if let at = find(delimiter, from: start) {
                    if at > start { try emit(.body(Array(buffer[start..<at]))) }
                    guard let next = try afterDelimiter(from: at + delimiter.count) else {
                        start = at
                        return
                    }
                    try emit(.end)
                    start = next.index
                    state = next.closing ? .done : .headers
                } else {
                    // Everything but a tail that may be the start of the delimiter is body.
                    let safe = buffer.count - (delimiter.count - 1)
                    if safe > start {
                        try emit(.body(Array(buffer[start..<safe])))
                        start = safe
                    }
                    return
                }
            }
        }
    }

    /// Called when the body has ended: a body cut short is malformed.
    func finish() throws {
        if state != .done { throw Malformed(reason: "body ended before the closing boundary") }
    }

    /// After a delimiter: `--` closes the body, CRLF (after optional spaces) opens a part;
    /// `nil` when more bytes are needed.
    private func afterDelimiter(from i: Int) throws -> (index: Int, closing: Bool)? {
        guard buffer.count - i >= 2 else { return nil }
        if buffer[i] == UInt8(ascii: "-"), buffer[i + 1] == UInt8(ascii: "-") { return (i + 2, true) }
        var j = i
        while j < buffer.count, buffer[j] == UInt8(ascii: " ") || buffer[j] == UInt8(ascii: "\t") { j += 1 }
        guard buffer.count - j >= 2 else { return nil }
        guard buffer[j] == 13, buffer[j + 1] == 10 else { throw Malformed(reason: "boundary not followed by a line end") }
        return (j + 2, false)
    }

    /// The `Content-Disposition: form-data; name="…"; filename="…"` of a part's headers.
    static func disposition(_ headers: String) throws -> Event {
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var name: String?, fileName: String?
            for param in parameters(String(pair[1])) {
                switch param.key.lowercased() {
                case "name": name = param.value
                case "filename": fileName = param.value
                default: break
                }
            }
            guard let name else { throw Malformed(reason: "part without a name") }
            return .begin(name: name, fileName: fileName)
        }
        throw Malformed(reason: "part without Content-Disposition")
    }

    /// `form-data; name="a"; filename="b c.xlsx"` → the key/value pairs, quotes removed
    /// (a backslash escapes the next character inside quotes).
    static func parameters(_ text: String) -> [(key: String, value: String)] {
        var out: [(String, String)] = []
        var chars = Array(text)[...]
        func skipSpaces() { while let c = chars.first, c == " " || c == "\t" || c == ";" { chars.removeFirst() } }
        while !chars.isEmpty {
            skipSpaces()
            var key = ""
            while let c = chars.first, c != "=", c != ";" { key.append(c); chars.removeFirst() }
            key = key.trimmingCharacters(in: .whitespaces)
            guard chars.first == "=" else { if !chars.isEmpty { chars.removeFirst() }; continue }
            chars.removeFirst()
            var value = ""
            if chars.first == "\"" {
                chars.removeFirst()
                while let c = chars.first, c != "\"" {
                    chars.removeFirst()
                    if c == "\\", let n = chars.first { value.append(n); chars.removeFirst() } else { value.append(c) }
                }
                if !chars.isEmpty { chars.removeFirst() }
            } else {
                while let c = chars.first, c != ";" { value.append(c); chars.removeFirst() }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            out.append((key, value))
        }
        return out
    }

    /// The first index at or after `from` where `needle` occurs in the buffer.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, buffer.count - from >= needle.count else { return nil }
        var i = from
        let last = buffer.count - needle.count
        return buffer.withUnsafeBufferPointer { b in
            while i <= last {
                if b[i] == first {
                    var k = 1
                    while k < needle.count, b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
