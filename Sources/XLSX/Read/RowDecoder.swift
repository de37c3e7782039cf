/// Decodes a sheet's rows into `Decodable` values keyed by header text:
///
/// ```swift
/// struct Course: Decodable { let code: String; let start: ExcelDateTime; let seats: Int? }
/// let courses = try sheet.decodeRows(Course.self) { header, key in simplify(header) == key }
/// ```
///
/// The header row is the first row (among the first 50) in which every non-optional key
/// finds its column; a caller may name it instead. Rows after it become values; rows with
/// no cells are skipped. Errors name the sheet, the cell, the column header and the value.
public struct RowDecodingOptions: Sendable {
    /// The zero-based header row, or nil to find it.
    public var headerRow: Int?
    /// How many rows to search for the header.
    public var headerSearchRows: Int = 50
    /// Whether a header cell's text names a coding key; the default compares trimmed text, ignoring case.
    public var matches: @Sendable (_ header: String, _ key: String) -> Bool

    /// Options with an explicit header row and/or header matcher.
    public init(headerRow: Int? = nil, matches: (@Sendable (_ header: String, _ key: String) -> Bool)? = nil) {
        self.headerRow = headerRow
        self.matches = matches ?? { header, key in header.trimmingSpaces().lowercased() == key.lowercased() }
    }
}

extension Sheet {
    /// Decodes every row under the header row as a `T`.
    public func decodeRows<T: Decodable>(_ type: T.Type, options: RowDecodingOptions = RowDecodingOptions()) throws -> [T] {
        let probe = KeyProbe()
        _ = try? T(from: ProbeDecoder(probe: probe))
        let (headerIndex, columns) = try findHeader(keys: probe, options: options)
        var result: [T] = []
        for row in rows where row.index > headerIndex && !row.cells.isEmpty {
            let decoder = CellRowDecoder(sheet: name, row: row, columns: columns, dateSystem: .date1900)
            result.append(try T(from: decoder))
        }
        return result
    }

    /// Decodes with a header matcher (the domain's, which ignores diacritics, say).
    public func decodeRows<T: Decodable>(_ type: T.Type, headerRow: Int? = nil,
                                         matching: @escaping @Sendable (_ header: String, _ key: String) -> Bool) throws -> [T] {
        try decodeRows(type, options: RowDecodingOptions(headerRow: headerRow, matches: matching))
    }

    private func findHeader(keys: KeyProbe, options: RowDecodingOptions) throws -> (Int, [String: (column: Int, header: String)]) {
        func mapping(_ row: Row) -> [String: (column: Int, header: String)] {
            var map: [String: (column: Int, header: String)] = [:]
            for key in keys.all {
                for cell in row.cells {
                    guard let text = cell.value.plainText ?? headerText(cell.value), !text.isEmpty else { continue }
                    if options.matches(text, key) { map[key] = (cell.reference.column, text); break }
                }
            }
            return map
        }
        if let index = options.headerRow {
            let map = row(index).map(mapping) ?? [:]
            if let missing = keys.required.first(where: { map[$0] == nil }) {
                throw XLSXError.rowDecoding(sheet: name, cell: nil, header: missing, value: nil, expected: "")
            }
            return (index, map)
        }
        var best: (Int, [String: (column: Int, header: String)])?
        for row in rows.prefix(options.headerSearchRows) {
            let map = mapping(row)
            if keys.required.allSatisfy({ map[$0] != nil }) && !map.isEmpty { return (row.index, map) }
            if map.count > (best?.1.count ?? 0) { best = (row.index, map) }
        }
        let map = best?.1 ?? [:]
        let missing = keys.required.first(where: { map[$0] == nil }) ?? keys.all.first ?? ""
        throw XLSXError.rowDecoding(sheet: name, cell: nil, header: missing, value: nil, expected: "")
    }

    private func headerText(_ value: CellValue) -> String? {
        if case .number(let n) = value.resolved { return ReferenceFormat.number(n) }
        return nil
    }
}

/// The keys a type asks for, found by decoding it once from nothing.
final class KeyProbe {
    var all: [String] = []
    var required: [String] = []
    func note(_ key: String, required isRequired: Bool) {
        if !all.contains(key) { all.append(key) }
        if isRequired, !required.contains(key) { required.append(key) }
    }
}

private struct ProbeDecoder: Decoder {
    let probe: KeyProbe
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(ProbeContainer<Key>(probe: probe))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "rows are keyed")) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "rows are keyed")) }
}

private struct ProbeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let probe: KeyProbe
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { probe.note(key.stringValue, required: false); return true }
    func decodeNil(forKey key: Key) throws -> Bool { probe.note(key.stringValue, required: false); return true }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        probe.note(key.stringValue, required: true)
        if let v = ProbeContainer.placeholder(type) { return v }
        return try T(from: ProbeDecoder(probe: KeyProbe()))
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        probe.note(key.stringValue, required: false)
        return nil
    }
    static func placeholder<T>(_ type: T.Type) -> T? {
        let values: [Any] = ["", 0, 0.0, Float(0), false, Int64(0), Int32(0), UInt(0),
                             ExcelDateTime(serial: 0, kind: .date), CellValue.empty, DateTimeComponents(year: 2000, month: 1, day: 1)]
        return values.lazy.compactMap { $0 as? T }.first
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no nesting in rows"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no nesting in rows"))
    }
    func superDecoder() throws -> any Decoder { ProbeDecoder(probe: probe) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ProbeDecoder(probe: probe) }
}

/// Decodes one row: each key reads the cell in its header's column.
struct CellRowDecoder: Decoder {
    let sheet: String
    let row: Row
    let columns: [String: (column: Int, header: String)]
    let dateSystem: DateSystem
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CellRowContainer<Key>(decoder: self))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "rows are keyed by header"))
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "rows are keyed by header"))
    }

    /// The cell under `key`'s column, with its reference and header.
    func lookup(_ key: String) -> (value: CellValue, cell: String, header: String)? {
        guard let (column, header) = columns[key] else { return nil }
        let ref = CellReference(unchecked: row.index, column).description
        return (row[column: column]?.value.resolved ?? .empty, ref, header)
    }
}

private struct CellRowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CellRowDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { decoder.columns.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { decoder.columns[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let (value, _, _) = decoder.lookup(key.stringValue) else { return true }
        return value.isEmpty
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let (value, cell, header) = decoder.lookup(key.stringValue) else {
            throw XLSXError.rowDecoding(sheet: decoder.sheet, cell: nil, header: key.stringValue, value: nil, expected: "")
        }
        func fail(_ expected: String) -> XLSXError {
            .rowDecoding(sheet: decoder.sheet, cell: cell, header: header, value: value.isEmpty ? nil : CellText.text(value), expected: expected)
        }
        if T.self == CellValue.self { return value as! T }
        if value.isEmpty, T.self != String.self { throw fail(CellText.expectedName(T.self)) }
        if let converted = CellText.convert(value, to: T.self) { return converted }
        throw fail(CellText.expectedName(T.self))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let (value, _, _) = decoder.lookup(key.stringValue), !value.isEmpty else { return nil }
        return try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no nesting in rows"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no nesting in rows"))
    }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

/// Conversions from a cell's value to the Swift types rows are decoded into.
enum CellText {
    static func text(_ value: CellValue) -> String {
        switch value.resolved {
        case .empty: return ""
        case .number(let n): return ReferenceFormat.number(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.description
        case .error(let e): return e
        default: return value.plainText ?? ""
        }
    }

    static func expectedName<T>(_ type: T.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "yes/no (TRUE/FALSE)"
        case is ExcelDateTime.Type, is DateTimeComponents.Type: return "a date"
        default: return "\(type)"
        }
    }

    static func convert<T>(_ value: CellValue, to type: T.Type) -> T? {
        let text = self.text(value).trimmingSpaces()
        let number: Double? = value.number ?? Double(text)
        switch type {
        case is String.Type: return self.text(value) as? T
        case is Double.Type: return number as? T
        case is Float.Type: return number.map { Float($0) } as? T
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type:
            guard let n = number, n == n.rounded(), abs(n) < 9e15 else { return nil }
            if type == Int.self { return Int(n) as? T }
            if type == Int64.self { return Int64(n) as? T }
            if type == Int32.self { return Int32(exactly: n) as? T }
            return n >= 0 ? UInt(n) as? T : nil
        case is Bool.Type:
            if case .bool(let b) = value.resolved { return b as? T }
            switch text.lowercased() {
            case "true", "1", "yes", "x": return true as? T
            case "false", "0", "no": return false as? T
            default: return nil
            }
        case is ExcelDateTime.Type:
            if case .date(let d) = value.resolved { return d as? T }
            if let (c, kind) = ISODate.parse(text) { return ExcelDateTime(c, kind: kind) as? T }
            return nil
        case is DateTimeComponents.Type:
            if case .date(let d) = value.resolved { return d.components as? T }
            return ISODate.parse(text)?.0 as? T
        default:
            return nil
        }
    }
}
