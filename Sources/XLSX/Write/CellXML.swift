/// Writing single cells as `<c>` elements, shared by the in-memory and streaming sheets.
enum CellXML {
    /// Excel's longest cell text.
    static let maximumStringLength = 32_767

    /// Throws ``XLSXError/stringTooLong(cell:length:)`` for text over 32,767 UTF-16 units.
    @inline(__always)
    static func checkLength(_ s: String, row: Int, column: Int) throws {
        if s.utf8.count > maximumStringLength, s.utf16.count > maximumStringLength {
            throw XLSXError.stringTooLong(cell: CellReference(unchecked: row, column).description, length: s.utf16.count)
        }
    }

    /// The serial number of a date in the 1900 system the writer uses.
    @inline(__always)
    static func serial1900(_ d: ExcelDateTime) -> Double {
        d.system == .date1904 ? d.serial + 1462 : d.serial
    }

    /// Serializes rich-text runs as the `<r>` elements of an `<si>` or `<is>`.
    static func runs(_ runs: [RichTextRun], to xml: XMLWriter) {
        for run in runs {
            xml.raw("<r>")
            if let f = run.font {
                xml.raw("<rPr>")
                xml.fontProperties(f, nameElement: "rFont")
                xml.raw("</rPr>")
            }
            xml.raw("<t xml:space=\"preserve\">")
            xml.text(run.text)
            xml.raw("</t></r>")
        }
    }

    /// Writes `<c r=".." s="..">` up to the closing `>` of the start tag, with `type` if any.
    @inline(__always)
    static func open(_ xml: XMLWriter, row: Int, column: Int, style: Int, type: StaticString?) {
        xml.raw("<c r=\"")
        xml.cellReference(row: row, column: column)
        xml.byte(0x22)
        if style != 0 {
            xml.raw(" s=\"")
            xml.int(style)
            xml.byte(0x22)
        }
        if let type { xml.raw(type) }
        xml.byte(0x3E)
    }

    /// Writes a formula cell's `<f>` and cached `<v>` (and type), complete with `</c>`.
    static func formula(_ xml: XMLWriter, _ formula: String, cached: CellValue, row: Int, column: Int, style: Int) {
        let type: StaticString?
        switch cached.resolved {
        case .string, .richText: type = " t=\"str\""
        case .bool: type = " t=\"b\""
        case .error: type = " t=\"e\""
        default: type = nil
        }
        open(xml, row: row, column: column, style: style, type: type)
        xml.raw("<f>")
        xml.text(formula.hasPrefix("=") ? String(formula.dropFirst()) : formula)
        xml.raw("</f>")
        switch cached.resolved {
        case .number(let d): xml.raw("<v>"); xml.double(d); xml.raw("</v>")
        case .date(let d): xml.raw("<v>"); xml.double(serial1900(d)); xml.raw("</v>")
        case .bool(let b): xml.raw(b ? "<v>1</v>" : "<v>0</v>")
        case .error(let e): xml.raw("<v>"); xml.text(e); xml.raw("</v>")
        case .string, .richText:
            xml.raw("<v>")
            xml.text(cached.resolved.plainText ?? "")
            xml.raw("</v>")
        case .empty, .formula: break
        }
        xml.raw("</c>")
    }

    /// The error values Excel knows.
    static let errors: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]

    static func checkError(_ e: String, row: Int, column: Int) throws {
        guard errors.contains(e) else {
            throw XLSXError.invalidOperation("\(e) in \(CellReference(unchecked: row, column)) is not an Excel error value")
        }
    }
}
