/// The report's JSON document written straight into bytes: the same text `JSONEncoder` gives
/// for the report's `Encodable` shape with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (two-space indent, `"key" : value`, `{\n\n}` for an empty object),
/// at a fraction of its cost — a report of an office-year holds thousands of findings, and
/// the encoder's intermediate tree of boxed values was a sizeable part of a validation run.
extension ValidationReport {
    /// The JSON document: `{valid, asOf, stats, findings}`, keys sorted, stable, ending in a newline.
    public func jsonBytes() -> [UInt8] {
        var w = PrettyJSON()
        w.bytes.reserveCapacity(512 + findings.count * 700)
        w.open("{")
        w.key("asOf", first: true)
        w.string(asOf.description)
        w.key("findings")
        w.open("[")
        for (i, f) in findings.enumerated() {
            w.item(first: i == 0)
            write(f, &w)
        }
        w.close("]")
        w.key("stats")
        write(stats, &w)
        w.key("valid")
        w.raw(isValid ? "true" : "false")
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }

    private func write(_ f: Finding, _ w: inout PrettyJSON) {
        w.open("{")
        w.key("cell", first: true)
        w.optional(f.cell)
        w.key("course")
        w.optional(f.course)
        w.key("data")
        w.object(f.data) { w, value in
            switch value {
            case .int(let n): w.raw(String(n))
            case .text(let t): w.string(t)
            }
        }
        w.key("file")
        w.optional(f.file)
        w.key("message_en")
        w.string(f.messageEn)
        w.key("message_vi")
        w.string(f.messageVi)
        w.key("rule")
        w.string(f.rule)
        w.key("severity")
        w.string(f.severity.rawValue)
        w.key("sheet")
        w.optional(f.sheet)
        w.close("}")
    }

    private func write(_ s: Stats, _ w: inout PrettyJSON) {
        w.open("{")
        w.key("byRule", first: true)
        w.object(s.byRule) { w, n in w.raw(String(n)) }
        w.key("byTeam")
        w.object(s.byTeam) { w, n in w.raw(String(n)) }
        for (key, value) in [("courses", s.courses), ("errors", s.errors), ("files", s.files), ("infos", s.infos),
                             ("sheets", s.sheets), ("warnings", s.warnings)] {
            w.key(key)
            w.raw(String(value))
        }
        w.close("}")
    }
}

/// A pretty-printing JSON byte writer with `JSONEncoder`'s layout.
struct PrettyJSON {
    var bytes: [UInt8] = []
    private var depth = 0

    /// Opens an object or array.
    mutating func open(_ bracket: StaticString) {
        append(bracket)
        bytes.append(0x0A)
        depth += 1
    }

    /// Closes an object or array (an empty one is left with the blank line `JSONEncoder` gives it).
    mutating func close(_ bracket: StaticString) {
        depth -= 1
        bytes.append(0x0A)
        indent()
        append(bracket)
    }

    /// Starts an array element.
    mutating func item(first: Bool) {
        if !first { bytes.append(contentsOf: [0x2C, 0x0A]) }
        indent()
    }

    /// Starts an object member.
    mutating func key(_ key: String, first: Bool = false) {
        item(first: first)
        string(key)
        append(" : ")
    }

    /// An object of `table`'s members in key order, each value written by `value`.
    mutating func object<V>(_ table: [String: V], _ value: (inout PrettyJSON, V) -> Void) {
        open("{")
        for (i, member) in table.sorted(by: { $0.key < $1.key }).enumerated() {
            key(member.key, first: i == 0)
            value(&self, member.value)
        }
        close("}")
    }

    /// A literal (`true`, a number).
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string or `null`.
    mutating func optional(_ text: String?) {
        if let text { string(text) } else { append("null") }
    }

    /// A quoted string with `"`, `\` and control characters escaped (`/` and non-ASCII kept).
    mutating func string(_ text: String) {
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
