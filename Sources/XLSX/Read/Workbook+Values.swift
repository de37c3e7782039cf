extension Workbook {
    /// The value of a raw cell: numbers under a date format become dates, shared-string
    /// indices become text (rich text keeps its runs), `t="d"` text becomes a date, and a
    /// formula wraps its cached value. Throws when a shared-string index is out of range.
    public func value(of cell: RawCell, formula: String? = nil) throws -> CellValue {
        let plain = try plainValue(of: cell, cache: nil)
        if let formula { return .formula(formula, cached: plain) }
        return plain
    }

    func plainValue(of cell: RawCell, cache: StringCache?) throws -> CellValue {
        if cell.styleIndex != 0, cell.styleIndex < 0 || cell.styleIndex >= cellFormats.count {
            throw XLSXError.invalidContent(part: "styles", cell: cell.reference.description,
                                           message: "style index \(cell.styleIndex) is beyond the \(cellFormats.count) cell formats of the styles part")
        }
        switch cell.type {
        case .empty:
            return .empty
        case .number:
            guard let n = cell.number else { return .string(cell.text) }
            if let kind = cellFormats.dateKind(cell.styleIndex) {
                return .date(ExcelDateTime(serial: n, system: dateSystem, kind: kind))
            }
            return .number(n)
        case .sharedString:
            guard let index = cell.sharedStringIndex, index >= 0, index < sharedStrings.count else {
                throw XLSXError.invalidContent(part: "sharedStrings", cell: cell.reference.description,
                                               message: "shared string index \(cell.text) is beyond the \(sharedStrings.count) strings of the table")
            }
            if let runs = sharedStrings.runs(at: index) { return .richText(runs) }
            if let cache { return .string(cache.string(index, sharedStrings)) }
            return .string(sharedStrings.string(at: index) ?? "")
        case .inlineString, .formulaString:
            return .string(cell.text)
        case .boolean:
            return .bool(!(cell.count == 1 && cell.bytes[0] == 0x30) && cell.text != "false")
        case .error:
            return .error(cell.text)
        case .isoDate:
            guard let (components, kind) = ISODate.parse(cell.text) else { return .string(cell.text) }
            if kind == .time {
                return .date(ExcelDateTime(serial: Double(components.millisecondOfDay) / 86_400_000, system: dateSystem, kind: .time))
            }
            return .date(ExcelDateTime(components, kind: cellFormats.dateKind(cell.styleIndex) ?? kind, system: dateSystem))
        }
    }
}

/// Decoded shared strings kept while a whole sheet is built, so a string repeated in many
/// cells is one `String` in memory.
final class StringCache {
    private var strings: [String?]
    init(count: Int) { strings = [String?](repeating: nil, count: count) }

    func string(_ index: Int, _ table: SharedStrings) -> String {
        if let s = strings[index] { return s }
        let s = table.string(at: index) ?? ""
        strings[index] = s
        return s
    }
}
