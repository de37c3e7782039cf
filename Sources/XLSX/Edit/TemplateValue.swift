/// The data a template is filled with: a JSON-like tree. Objects give names to placeholders,
/// arrays feed repeated blocks.
public enum TemplateValue: Sendable, Hashable {
    /// No value: an empty cell, a block not shown.
    case null
    /// A boolean cell; `true` repeats a block once, `false` not at all.
    case bool(Bool)
    /// A number cell.
    case number(Double)
    /// Text, or a date when the cell's format is a date and the text is one.
    case string(String)
    /// A list: a block repeats once per element.
    case array([TemplateValue])
    /// Names for placeholders.
    case object([String: TemplateValue])

    /// The member with this name, when the value is an object.
    public subscript(key: String) -> TemplateValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// The text a placeholder inside a longer text becomes.
    var text: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "TRUE" : "FALSE"
        case let .number(n): return TemplateValue.format(n)
        case let .string(s): return s
        case let .array(items): return items.map(\.text).joined(separator: ", ")
        case .object: return ""
        }
    }

    /// The shortest decimal text of a number, without a trailing `.0`.
    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

/// What filling does with a placeholder whose data is missing.
public enum MissingValuePolicy: Sendable, Hashable {
    /// Stop with ``XLSXError/missingTemplateValue(sheet:cell:name:)``.
    case error
    /// Leave the cell empty (a missing list is an empty list: one blank copy of its rows).
    case empty
}

/// The chain of data objects visible from a cell: the item of the innermost block first, the
/// root document last.
struct TemplateScope {
    var frames: [TemplateValue]
    var index: Int?
    /// The one copy an empty list keeps: its cells are written empty, keeping their styles,
    /// and every list inside it is empty as well.
    var isBlank = false

    /// Resolves `a.b.c`: `a` in the innermost frame that has it, then members. `.` is the
    /// current item, `@index` its one-based position in its list.
    func lookup(_ path: String) -> TemplateValue? { lookup(TemplatePath(path)) }

    /// Resolves a path split beforehand.
    func lookup(_ path: TemplatePath) -> TemplateValue? {
        let keys: [String]
        switch path {
        case .current: return frames.last
        case .index: return index.map { .number(Double($0 + 1)) }
        case let .keys(k): keys = k
        }
        guard let head = keys.first, !head.isEmpty else { return nil }
        for frame in frames.reversed() {
            guard var value = frame[head] else { continue }
            for key in keys.dropFirst() {
                guard let next = value[key] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// The scopes of the items of the list `name`: an array gives one per element (an empty
    /// array one blank copy), an object or `true` one, `false` or null none; nil when the name
    /// is missing.
    func items(_ name: String) -> [TemplateScope]? {
        if isBlank { return [self] }
        guard let value = lookup(name) else { return nil }
        switch value {
        case let .array(items):
            if items.isEmpty { return [blank] }
            return items.enumerated().map { TemplateScope(frames: frames + [$0.element], index: $0.offset) }
        case .object:
            return [TemplateScope(frames: frames + [value], index: 0)]
        case let .bool(b):
            return b ? [TemplateScope(frames: frames, index: 0)] : []
        case .null:
            return []
        case .number, .string:
            return [TemplateScope(frames: frames + [value], index: 0)]
        }
    }

    /// The blank copy of an empty list in this scope.
    var blank: TemplateScope { TemplateScope(frames: frames, index: 0, isBlank: true) }
}

/// A piece of cell text: literal text or a `{{name}}` placeholder.
enum TemplateTextPiece: Equatable {
    case literal(String)
    case placeholder(String)

    /// Splits text at `{{…}}`; nil when it holds no placeholder.
    static func parse(_ text: String) -> [TemplateTextPiece]? {
        let u = Array(text.utf8)
        var pieces: [TemplateTextPiece] = []
        var literalStart = 0
        var i = 0
        var found = false
        while i + 1 < u.count {
            guard u[i] == 0x7B, u[i + 1] == 0x7B else { i += 1; continue }
            var j = i + 2
            while j + 1 < u.count, !(u[j] == 0x7D && u[j + 1] == 0x7D) { j += 1 }
            guard j + 1 < u.count else { break }
            if i > literalStart { pieces.append(.literal(String(decoding: u[literalStart..<i], as: UTF8.self))) }
            pieces.append(.placeholder(Substring(String(decoding: u[(i + 2)..<j], as: UTF8.self)).trimmingSpaces()))
            found = true
            i = j + 2
            literalStart = i
        }
        guard found else { return nil }
        if literalStart < u.count { pieces.append(.literal(String(decoding: u[literalStart...], as: UTF8.self))) }
        return pieces
    }
}

/// A row marker of a repeated block: `{{#name}}` opens, `{{/name}}` closes.
enum BlockMarker: Equatable {
    case open(String)
    case close(String)

    /// The marker a cell's whole text spells, if any.
    init?(_ text: String) {
        let t = Substring(text).trimmingSpaces()
        guard t.hasPrefix("{{"), t.hasSuffix("}}"), t.count > 5 else { return nil }
        let inner = Substring(t.dropFirst(2).dropLast(2)).trimmingSpaces()
        if inner.hasPrefix("#") {
            self = .open(Substring(inner.dropFirst()).trimmingSpaces())
        } else if inner.hasPrefix("/") {
            self = .close(Substring(inner.dropFirst()).trimmingSpaces())
        } else {
            return nil
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
