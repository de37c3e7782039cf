/// A worksheet to append to an existing workbook with ``WorkbookAnnotations``: rows of text,
/// numbers and booleans, each cell with an optional font and fill over the workbook's default
/// format, links to cells of the workbook, column widths and frozen top rows.
///
/// ```swift
/// var sheet = AddedSheet("Kết quả kiểm tra")
/// sheet.appendRow([.string("Ô"), .string("Nội dung")], looks: [.init(font: Font(bold: true)), .init(font: Font(bold: true))])
/// sheet.appendRow([.string("B7"), .string("Thiếu ngày bàn giao")])
/// sheet.link(CellReference("A2")!, to: CellReference("B7")!, in: "Bàn giao")
/// sheet.frozenRows = 1
/// ```
public struct AddedSheet: Sendable {
    /// How a cell looks: a font and a fill, each replacing the workbook default's when given.
    public struct Look: Hashable, Sendable {
        /// The font; nil keeps the workbook's default font.
        public var font: Font?
        /// The background; nil for none.
        public var fill: Fill?
        /// A look from a font and a fill.
        public init(font: Font? = nil, fill: Fill? = nil) {
            self.font = font
            self.fill = fill
        }
    }

    /// The sheet's name, as Excel's rules for names allow.
    public let name: String
    /// The rows, from row 1.
    public private(set) var rows: [[(value: CellValue, look: Look?)]] = []
    /// Internal links by cell: the target sheet and cell.
    public private(set) var links: [CellReference: (sheet: String, cell: CellReference)] = [:]
    /// Column widths in characters, by zero-based column.
    public var columnWidths: [Int: Double] = [:]
    /// The number of top rows that stay in view.
    public var frozenRows = 0

    /// An empty sheet named `name`.
    public init(_ name: String) { self.name = name }

    /// Appends a row from column A; a value is text, a number, a boolean or empty.
    public mutating func appendRow(_ values: [CellValue], looks: [Look?] = []) {
        rows.append(values.enumerated().map { (value: $0.element, look: $0.offset < looks.count ? looks[$0.offset] : nil) })
    }

    /// Makes `cell` a link to `target` on sheet `sheet` of the same workbook.
    public mutating func link(_ cell: CellReference, to target: CellReference, in sheet: String) {
        links[cell] = (sheet, target)
    }

    /// Checks what Excel would refuse before anything is written.
    func validate(existing: [String]) throws {
        try SheetName.validate(name, existing: existing)
        guard rows.count <= CellReference.maxRows, rows.allSatisfy({ $0.count <= CellReference.maxColumns }) else {
            throw XLSXError.invalidOperation("sheet \(name) has more rows or columns than Excel allows")
        }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                switch cell.value {
                case .empty, .number, .bool: break
                case let .string(s):
                    if s.utf16.count > 32_767 {
                        throw XLSXError.stringTooLong(cell: CellReference(unchecked: r, c).description, length: s.utf16.count)
                    }
                default:
                    throw XLSXError.invalidOperation("cell \(CellReference(unchecked: r, c)) of added sheet \(name): only text, numbers and booleans")
                }
            }
        }
        for (column, width) in columnWidths where column < 0 || column >= CellReference.maxColumns || !(0...255).contains(width) {
            throw XLSXError.invalidOperation("column \(column) width \(width) of sheet \(name) is outside Excel's limits (0–255)")
        }
        guard (0..<CellReference.maxRows).contains(frozenRows) else {
            throw XLSXError.invalidOperation("\(frozenRows) frozen rows in sheet \(name)")
        }
    }

    /// The worksheet XML, with `format` giving the cell format index of a look.
    func xml(format: (Look) -> Int) -> [UInt8] {
        let xml = XMLWriter()
        xml.raw(PartXML.declaration)
        xml.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        let width = rows.map(\.count).max() ?? 0
        if !rows.isEmpty && width > 0 {
            xml.raw("<dimension")
            xml.attribute("ref", CellRange(CellReference(unchecked: 0, 0), CellReference(unchecked: rows.count - 1, width - 1)).description)
            xml.raw("/>")
        }
        xml.raw("<sheetViews><sheetView workbookViewId=\"0\"")
        if frozenRows > 0 {
            xml.raw("><pane")
            xml.attribute("ySplit", frozenRows)
            xml.attribute("topLeftCell", "A\(frozenRows + 1)")
            xml.raw(" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>")
        } else {
            xml.raw("/></sheetViews>")
        }
        if !columnWidths.isEmpty {
            xml.raw("<cols>")
            for (column, w) in columnWidths.sorted(by: { $0.key < $1.key }) {
                xml.raw("<col")
                xml.attribute("min", column + 1)
                xml.attribute("max", column + 1)
                xml.attribute("width", number: w)
                xml.raw(" customWidth=\"1\"/>")
            }
            xml.raw("</cols>")
        }
        xml.raw("<sheetData>")
        for (r, row) in rows.enumerated() {
            xml.raw("<row")
            xml.attribute("r", r + 1)
            xml.raw(">")
            for (c, cell) in row.enumerated() {
                let style = cell.look.map(format) ?? 0
                if case .empty = cell.value, style == 0 { continue }
                xml.raw("<c r=\"")
                xml.cellReference(row: r, column: c)
                xml.byte(0x22)
                if style != 0 { xml.attribute("s", style) }
                switch cell.value {
                case let .number(d):
                    xml.raw("><v>")
                    xml.double(d)
                    xml.raw("</v></c>")
                case let .bool(b):
                    xml.raw(b ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
                case let .string(s):
                    xml.raw(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                    xml.text(s)
                    xml.raw("</t></is></c>")
                default:
                    xml.raw("/>")
                }
            }
            xml.raw("</row>")
        }
        xml.raw("</sheetData>")
        if !links.isEmpty {
            xml.raw("<hyperlinks>")
            for (cell, target) in links.sorted(by: { $0.key < $1.key }) {
                let location = SheetName.quoted(target.sheet) + "!" + target.cell.description
                xml.raw("<hyperlink")
                xml.attribute("ref", cell.description)
                xml.attribute("location", location)
                xml.attribute("display", location)
                xml.raw("/>")
            }
            xml.raw("</hyperlinks>")
        }
        xml.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        return xml.array
    }
}
