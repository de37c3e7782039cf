/// Writes a workbook of any size in constant memory: rows go out in ascending order, each
/// sheet's XML is compressed as it comes and spilled to a temporary file beside the output,
/// and strings are written inline (no shared strings table to hold). Memory does not grow
/// with the number of rows.
///
/// ```swift
/// let workbook = try StreamingWorkbookWriter(path: "lon.xlsx")
/// let sheet = try workbook.addSheet("Dữ liệu")
/// for record in records { try sheet.appendRow(record.cells) }
/// try workbook.close()
/// ```
public final class StreamingWorkbookWriter {
    /// The final path.
    public let path: String
    /// How the package is written (the level applies to every sheet as it streams).
    public let options: WorkbookWriter.Options
    /// Title, author, company and the like.
    public var properties = DocumentProperties()
    /// Protection of the workbook's structure; nil for none.
    public var protection: WorkbookProtection?
    /// The sheets, in tab order.
    public private(set) var sheets: [StreamingSheetWriter] = []
    private var names = DefinedNames()
    private let replaceExisting: Bool
    private let directory: String
    let styles = StyleTable()
    private var closed = false

    /// Prepares a workbook to be written at `path` when ``close()`` is called.
    public init(path: String, options: WorkbookWriter.Options = .init(), replaceExisting: Bool = true) throws {
        self.path = path
        self.options = options
        self.replaceExisting = replaceExisting
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        directory = dir.isEmpty ? "/" : dir
    }

    /// Adds a sheet; the name must follow Excel's rules (``SheetName``).
    public func addSheet(_ name: String) throws -> StreamingSheetWriter {
        guard !closed else { throw XLSXError.invalidOperation("the workbook is closed") }
        try SheetName.validate(name, existing: sheets.map(\.name))
        let spill = try SpillFile(directory: directory, label: "sheet\(sheets.count + 1)")
        let sheet = StreamingSheetWriter(name: name, position: sheets.count, styles: styles, spill: spill, options: options)
        sheets.append(sheet)
        return sheet
    }

    /// Defines a name for the workbook, or local to `sheet`; `refersTo` may start with `=`.
    public func defineName(_ name: String, refersTo: String, sheet: StreamingSheetWriter? = nil) throws {
        try defineName(DefinedName(name, refersTo: refersTo, localSheet: sheet?.position))
    }

    /// Defines a name as a workbook read from a file gives it (``Workbook/definedNames``),
    /// hidden flag and local sheet kept; a name may be defined once per scope, ignoring case.
    public func defineName(_ name: DefinedName) throws {
        try names.define(name, sheetCount: sheets.count)
    }

    /// Finishes every sheet and writes the package atomically.
    public func close() throws {
        guard !closed else { throw XLSXError.invalidOperation("the workbook is closed already") }
        closed = true
        guard !sheets.isEmpty else { throw XLSXError.invalidOperation("a workbook needs at least one sheet") }
        defer { for s in sheets { s.spill.remove() } }
        let zip = try ZipWriter(path: path, options: ZipWriter.Options(
            level: options.level, deterministic: options.deterministic, threads: options.threads),
            replaceExisting: replaceExisting)
        do {
            let active = sheets.firstIndex(where: { $0.state == .visible }) ?? 0
            var finished: [(crc: UInt32, size: UInt64)] = []
            for (i, sheet) in sheets.enumerated() {
                finished.append(try sheet.finish(selected: i == active))
            }
            var package = PackageWriter(zip: zip, sheets: sheets, styles: styles, strings: nil,
                                        definedNames: names.all, properties: properties, deterministic: options.deterministic)
            package.protection = protection
            try package.write { i, packaging in
                try sheets[i].writeTail(packaging: packaging)
                let tail = sheets[i].tailResult
                try zip.addDeflatedEntry("xl/worksheets/sheet\(i + 1).xml", crc: tail.crc, uncompressedSize: tail.size,
                                         from: sheets[i].spill.path)
                _ = finished
            }
            try zip.finish()
        } catch {
            zip.abandon()
            throw (error as? XLSXError)?.located(in: path) ?? error
        }
    }
}

/// A sheet of a ``StreamingWorkbookWriter``: rows are written in ascending order and
/// leave memory at once. Column widths and frozen panes must be set before the first row;
/// merges, validations, notes, links and print setup may be added until the workbook closes.
public final class StreamingSheetWriter: SheetLayout {
    let spill: SpillFile
    private let styles: StyleTable
    private let xml = XMLWriter(capacity: 1 << 18)
    private let pipeline: DeflatePipeline
    /// The last row written (or -1).
    public private(set) var lastRow = -1
    @exclusivity(unchecked) private var styleLookup: StyleLookup  // per cell: no dynamic access check
    private var selected = false
    var tailResult: (crc: UInt32, size: UInt64) = (0, 0)
    private var headerRowsWritten: Set<Int> = []

    init(name: String, position: Int, styles: StyleTable, spill: SpillFile, options: WorkbookWriter.Options) {
        self.spill = spill
        self.styles = styles
        self.styleLookup = StyleLookup(styles)
        self.pipeline = DeflatePipeline(level: max(1, options.level), threads: options.threads) { try spill.write($0) }
        super.init(name: name, position: position)
    }

    override func checkRowOpen(_ row: Int) throws {
        if row <= lastRow {
            throw XLSXError.invalidOperation("row \(row + 1) of sheet \(name) is written already")
        }
    }

    /// Writes the next row (after the last one written), from column A.
    public func appendRow(_ values: [CellValue], style: CellStyle? = nil) throws {
        try writeRow(values, at: lastRow + 1, firstColumn: 0, styles: nil, style: style)
    }

    /// Writes the next row with a style per cell.
    public func appendRow(_ values: [CellValue], styles: [CellStyle?]) throws {
        try writeRow(values, at: lastRow + 1, firstColumn: 0, styles: styles, style: nil)
    }

    /// Writes row `row` (zero-based), which must come after every row written so far.
    public func writeRow(_ values: [CellValue], at row: Int, firstColumn: Int = 0, style: CellStyle? = nil) throws {
        try writeRow(values, at: row, firstColumn: firstColumn, styles: nil, style: style)
    }

    private func writeRow(_ values: [CellValue], at row: Int, firstColumn: Int, styles perCell: [CellStyle?]?, style: CellStyle?) throws {
        guard row > lastRow else { throw XLSXError.invalidOperation("rows of sheet \(name) must ascend: row \(row + 1) comes after row \(lastRow + 1)") }
        guard row < CellReference.maxRows else { throw XLSXError.invalidCellReference("row \(row + 1)") }
        guard firstColumn >= 0, firstColumn + values.count <= CellReference.maxColumns else {
            throw XLSXError.invalidCellReference("column \(firstColumn + values.count)")
        }
        if !headWritten {
            writeHead(xml, dimension: nil, selected: position == 0)
            headWritten = true
        }
        var values = values
        for t in tables where t.range.start.row == row {
            values = try tableHeader(t, values, firstColumn: firstColumn)
            headerRowsWritten.insert(row)
        }
        // Bare rows (height, hidden or outline only) between the last row and this one.
        if hasRowAttributes {
            for bare in attributedRows.sorted() where bare > lastRow && bare < row {
                xml.raw("<row r=\"")
                xml.int(bare + 1)
                xml.byte(0x22)
                writeRowAttributes(xml, row: bare)
                xml.raw("/>")
            }
        }
        let mark = xml.count
        xml.raw("<row r=\"")
        xml.int(row + 1)
        xml.byte(0x22)
        if hasRowAttributes { writeRowAttributes(xml, row: row) }
        xml.byte(0x3E)
        do {
            for (i, value) in values.enumerated() {
                let cellStyle = perCell.map { i < $0.count ? $0[i] : nil } ?? style
                try writeCell(value, row: row, column: firstColumn + i, style: cellStyle)
            }
        } catch {
            xml.truncate(to: mark)
            throw error
        }
        xml.raw("</row>")
        lastRow = row
        if xml.count >= 1 << 17 { try drain() }
    }

    /// A table's header row must not be written yet: it is checked when it comes.
    override func placeTableHeader(_ table: Table) throws {
        try checkRowOpen(table.range.start.row)
    }

    /// The row's values with the table's column names in empty header cells; throws when a
    /// header cell holds something else.
    private func tableHeader(_ t: Table, _ values: [CellValue], firstColumn: Int) throws -> [CellValue] {
        var values = values
        for (i, column) in t.columns.enumerated() {
            let at = t.range.start.column + i - firstColumn
            guard at >= 0 else { throw headerMismatch(t, column: i, found: "no text") }
            while values.count <= at { values.append(.empty) }
            switch values[at] {
            case .empty: values[at] = .string(column.name)
            case .string(let s) where s == column.name: break
            case .string(let s): throw headerMismatch(t, column: i, found: "\"\(s)\"")
            default: throw headerMismatch(t, column: i, found: "a value that is not text")
            }
        }
        return values
    }

    private func drain() throws {
        try pipeline.write(xml.bytes)
        xml.removeAll()
    }

    private func writeCell(_ value: CellValue, row: Int, column: Int, style: CellStyle?) throws {
        switch value {
        case .empty:
            guard style != nil else { return }
            xml.raw("<c r=\"")
            xml.cellReference(row: row, column: column)
            xml.raw("\" s=\"")
            xml.int(try styleLookup.index(of: style))
            xml.raw("\"/>")
        case .number(let d):
            guard d.isFinite else { throw XLSXError.invalidOperation("\(d) in \(CellReference(unchecked: row, column)) is not a number Excel can store") }
            CellXML.open(xml, row: row, column: column, style: try styleLookup.index(of: style), type: nil)
            xml.raw("<v>")
            xml.double(d)
            xml.raw("</v></c>")
        case .string(let s):
            try CellXML.checkLength(s, row: row, column: column)
            CellXML.open(xml, row: row, column: column, style: try styleLookup.index(of: style), type: " t=\"inlineStr\"")
            var s = s
            let preserve = s.withUTF8 { SharedStringTable.needsPreserve(UnsafeRawBufferPointer($0)) }
            xml.raw(preserve ? "<is><t xml:space=\"preserve\">" : "<is><t>")
            xml.text(s)
            xml.raw("</t></is></c>")
        case .richText(let runs):
            try CellXML.checkLength(value.plainText ?? "", row: row, column: column)
            CellXML.open(xml, row: row, column: column, style: try styleLookup.index(of: style), type: " t=\"inlineStr\"")
            xml.raw("<is>")
            CellXML.runs(runs, to: xml)
            xml.raw("</is></c>")
        case .bool(let b):
            CellXML.open(xml, row: row, column: column, style: try styleLookup.index(of: style), type: " t=\"b\"")
            xml.raw(b ? "<v>1</v></c>" : "<v>0</v></c>")
        case .date(let d):
            CellXML.open(xml, row: row, column: column, style: try styles.index(forDate: d.kind, style: style), type: nil)
            xml.raw("<v>")
            xml.double(CellXML.serial1900(d))
            xml.raw("</v></c>")
        case .error(let e):
            try CellXML.checkError(e, row: row, column: column)
            CellXML.open(xml, row: row, column: column, style: try styleLookup.index(of: style), type: " t=\"e\"")
            xml.raw("<v>")
            xml.text(e)
            xml.raw("</v></c>")
        case .formula(let f, let cached):
            if let text = cached.plainText { try CellXML.checkLength(text, row: row, column: column) }
            let s: Int
            if case .date(let d) = cached.resolved { s = try styles.index(forDate: d.kind, style: style) } else { s = try styleLookup.index(of: style) }
            CellXML.formula(xml, f, cached: cached, row: row, column: column, style: s)
        }
    }

    /// Ends the cells: writes the head if no row came; the tail waits for the package plan.
    func finish(selected: Bool) throws -> (crc: UInt32, size: UInt64) {
        if let late = lateChange {
            throw XLSXError.invalidOperation("\(late) of sheet \(name) must be set before its first row is written")
        }
        if let t = tables.first(where: { !headerRowsWritten.contains($0.range.start.row) }) {
            throw XLSXError.invalidOperation("the header row \(t.range.start.row + 1) of table \(t.name) on sheet \(name) was never written")
        }
        if !headWritten {
            writeHead(xml, dimension: nil, selected: selected)
            headWritten = true
        }
        self.selected = selected
        return (0, 0)
    }

    /// Writes everything after the cells and completes the compressed spill.
    func writeTail(packaging: SheetPackaging) throws {
        writeTail(xml, packaging: packaging)
        try drain()
        try pipeline.finish()
        tailResult = (pipeline.crc, pipeline.uncompressed)
    }
}
