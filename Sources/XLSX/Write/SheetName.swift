/// Excel's rules for sheet names, and their quoting inside formulas and references.
public enum SheetName {
    /// The longest name Excel accepts.
    public static let maximumLength = 31

    /// Throws ``XLSXError/invalidSheetName(name:problem:)`` unless Excel would accept `name`
    /// next to `existing` (compared ignoring case).
    public static func validate(_ name: String, existing: [String] = []) throws {
        if name.isEmpty { throw XLSXError.invalidSheetName(name: name, problem: .empty) }
        if name.utf16.count > maximumLength { throw XLSXError.invalidSheetName(name: name, problem: .tooLong) }
        if name.contains(where: { "[]:*?/\\".contains($0) }) {
            throw XLSXError.invalidSheetName(name: name, problem: .forbiddenCharacter)
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw XLSXError.invalidSheetName(name: name, problem: .apostropheAtEdge)
        }
        if name.lowercased() == "history" { throw XLSXError.invalidSheetName(name: name, problem: .reserved) }
        let folded = name.lowercased()
        if existing.contains(where: { $0.lowercased() == folded }) {
            throw XLSXError.invalidSheetName(name: name, problem: .duplicate)
        }
    }

    /// The name as a formula writes it: `Data` stays bare, `Kế hoạch tuần` becomes
    /// `'Kế hoạch tuần'`, and an apostrophe inside is doubled.
    public static func quoted(_ name: String) -> String {
        needsQuotes(name) ? "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" : name
    }

    /// A reference to `range` on sheet `name`, absolute: `'Kế hoạch tuần'!$A$1:$B$3`.
    public static func reference(_ name: String, _ range: CellRange, absolute: Bool = true) -> String {
        let a = absolute ? absoluteText(range) : range.description
        return quoted(name) + "!" + a
    }

    /// The sheet and range of a reference such as `'Kế hoạch tuần'!$A$1:$B$3` (quotes and `$`
    /// removed); nil when the text is not one sheet-qualified cell or range.
    static func parseReference(_ text: String) -> (sheet: String, range: CellRange)? {
        guard let bang = text.lastIndex(of: "!") else { return nil }
        var sheet = String(text[..<bang])
        if sheet.count >= 2, sheet.hasPrefix("'"), sheet.hasSuffix("'") {
            var unquoted = "", quote = false
            for c in sheet.dropFirst().dropLast() {
                if c == "'" && !quote { quote = true; continue }
                quote = false
                unquoted.append(c)
            }
            sheet = unquoted
        }
        guard !sheet.isEmpty, let range = CellRange(text[text.index(after: bang)...].filter { $0 != "$" }) else { return nil }
        return (sheet, range)
    }

    /// `$A$1:$C$10`, or `$B$7` for one cell.
    public static func absoluteText(_ range: CellRange) -> String {
        func one(_ r: CellReference) -> String { "$" + CellReference.columnName(r.column) + "$" + String(r.row + 1) }
        return range.start == range.end ? one(range.start) : one(range.start) + ":" + one(range.end)
    }

    /// Bare names are letters, digits, `_` and `.`, not starting with a digit, and not
    /// something that reads as a cell reference (`A1`, `R1C1`) or a boolean.
    static func needsQuotes(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return true }
        if first.properties.numericType != nil { return true }
        for s in name.unicodeScalars {
            let ok = s.isASCII ? (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == ".")
                : s.properties.isAlphabetic
            if !ok { return true }
        }
        if !name.unicodeScalars.allSatisfy(\.isASCII) { return true }
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" { return true }
        if CellReference(name) != nil { return true }
        if looksLikeR1C1(upper) { return true }
        return false
    }

    private static func looksLikeR1C1(_ upper: String) -> Bool {
        var s = Substring(upper)
        func digits() { while let c = s.first, c.isASCII, c.isNumber { s = s.dropFirst() } }
        if s.first == "R" { s = s.dropFirst(); digits() } else if s.first != "C" { return false }
        if s.isEmpty { return true }
        if s.first == "C" { s = s.dropFirst(); digits() }
        return s.isEmpty
    }
}
