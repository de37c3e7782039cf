/// A sheet of a ``WorkbookWriter``, held in memory until the workbook is written: cells may
/// be set in any order, and set again.
///
/// ```swift
/// let sheet = try workbook.addSheet("Kế hoạch tuần")
/// try sheet.appendRow([.string("Mã lớp"), .string("Ngày bắt đầu")], style: header)
/// try sheet.set(.date(start), at: CellReference("B2")!)
/// ```
public final class SheetWriter: SheetLayout {
    /// One stored cell: position, style and value (strings as shared-string indexes,
    /// formulas and errors as indexes into ``extras``).
    struct Stored {
        var key: UInt64
        var payload: UInt64
        var style: UInt32
        var kind: Kind
        enum Kind: UInt8 { case number, sharedString, bool, error, formula, blank }
    }

    /// The workbook's tables (held here, not the workbook, so there is no cycle and a sheet
    /// outliving its workbook stays usable).
    private let strings: SharedStringTable
    private let styles: StyleTable
    var cells: [Stored] = []
    var extras: [CellValue] = []
    private var inOrder = true
    private var lastKey: UInt64 = 0
    /// The last row holding a cell (or -1).
    public private(set) var lastRow = -1
    @exclusivity(unchecked) private var styleLookup: StyleLookup  // per cell: no dynamic access check

    init(name: String, position: Int, strings: SharedStringTable, styles: StyleTable) {
        self.strings = strings
        self.styles = styles
        self.styleLookup = StyleLookup(styles)
        super.init(name: name, position: position)
    }

    /// Sets a cell's value and style (nil: no style, or the default date format for dates).
    public func set(_ value: CellValue, at cell: CellReference, style: CellStyle? = nil) throws {
        try store(value, row: cell.row, column: cell.column, style: style)
    }

    /// Sets a cell given in A1 notation, such as `"B7"`.
    public func set(_ value: CellValue, at reference: String, style: CellStyle? = nil) throws {
        guard let cell = CellReference(reference) else { throw XLSXError.invalidCellReference(reference) }
        try store(value, row: cell.row, column: cell.column, style: style)
    }

    /// Appends a row after the last row holding cells, from column A; every cell gets `style`.
    public func appendRow(_ values: [CellValue], style: CellStyle? = nil) throws {
        let row = lastRow + 1
        guard row < CellReference.maxRows else { throw XLSXError.invalidCellReference("row \(row + 1)") }
        guard values.count <= CellReference.maxColumns else { throw XLSXError.invalidCellReference("column \(values.count)") }
        for (column, value) in values.enumerated() {
            try store(value, row: row, column: column, style: style)
        }
        if values.isEmpty { lastRow = row }
    }

    /// Appends a row with a style per cell (nil for none).
    public func appendRow(_ values: [CellValue], styles: [CellStyle?]) throws {
        let row = lastRow + 1
        guard row < CellReference.maxRows else { throw XLSXError.invalidCellReference("row \(row + 1)") }
        guard values.count <= CellReference.maxColumns else { throw XLSXError.invalidCellReference("column \(values.count)") }
        for (column, value) in values.enumerated() {
            try store(value, row: row, column: column, style: column < styles.count ? styles[column] : nil)
        }
        if values.isEmpty { lastRow = row }
    }

    /// Merges a range and writes `value` with `style` in its first cell, styling the others alike.
    public func merge(_ range: CellRange, value: CellValue, style: CellStyle? = nil) throws {
        try merge(range)
        for row in range.start.row...range.end.row {
            for column in range.start.column...range.end.column {
                try store(row == range.start.row && column == range.start.column ? value : .empty,
                          row: row, column: column, style: style)
            }
        }
    }

    /// Sets each column holding cells wide enough for its content (see ``ColumnWidth``).
    public func fitColumnsToContent(minimum: Double = 6, maximum: Double = 80) throws {
        var widest: [Int: Double] = [:]
        for cell in cells {
            let column = Int(cell.key & 0x3FFF)
            let w: Double
            switch cell.kind {
            case .sharedString: w = ColumnWidth.text(strings.text(at: Int(cell.payload))) + 1.5
            case .number:
                let d = Double(bitPattern: cell.payload)
                if let kind = styles.dateKind(Int(cell.style)) {
                    w = ColumnWidth.measure(.date(ExcelDateTime(serial: d, kind: kind)))
                } else {
                    w = ColumnWidth.measure(.number(d))
                }
            case .bool: w = 6.5
            case .error, .formula: w = ColumnWidth.measure(extras[Int(cell.payload)])
            case .blank: w = 0
            }
            widest[column] = max(widest[column] ?? 0, w)
        }
        for (column, w) in widest where w > 0 {
            try setColumnWidth(min(maximum, max(minimum, w)), column: column)
        }
    }

    private func store(_ value: CellValue, row: Int, column: Int, style: CellStyle?) throws {
        guard row >= 0, row < CellReference.maxRows, column >= 0, column < CellReference.maxColumns else {
            throw XLSXError.invalidCellReference("row \(row + 1), column \(column + 1)")
        }
        var kind = Stored.Kind.number
        var payload: UInt64 = 0
        var s = 0
        switch value {
        case .empty:
            guard style != nil else { return }
            kind = .blank
            s = try styleLookup.index(of: style)
        case .number(let d):
            guard d.isFinite else { throw XLSXError.invalidOperation("\(d) in \(CellReference(unchecked: row, column)) is not a number Excel can store") }
            payload = d.bitPattern
            s = try styleLookup.index(of: style)
        case .string(let text):
            try CellXML.checkLength(text, row: row, column: column)
            kind = .sharedString
            payload = UInt64(strings.index(of: text))
            s = try styleLookup.index(of: style)
        case .richText(let runs):
            try CellXML.checkLength(value.plainText ?? "", row: row, column: column)
            kind = .sharedString
            let xml = XMLWriter(capacity: 256)
            CellXML.runs(runs, to: xml)
            payload = UInt64(strings.index(of: xml.bytes, rich: true))
            s = try styleLookup.index(of: style)
        case .bool(let b):
            kind = .bool
            payload = b ? 1 : 0
            s = try styleLookup.index(of: style)
        case .date(let d):
            payload = CellXML.serial1900(d).bitPattern
            s = try styles.index(forDate: d.kind, style: style)
        case .error(let e):
            try CellXML.checkError(e, row: row, column: column)
            kind = .error
            payload = UInt64(extras.count)
            extras.append(value)
            s = try styleLookup.index(of: style)
        case .formula(_, let cached):
            if let text = cached.plainText { try CellXML.checkLength(text, row: row, column: column) }
            kind = .formula
            payload = UInt64(extras.count)
            extras.append(value)
            if case .date(let d) = cached.resolved {
                s = try styles.index(forDate: d.kind, style: style)
            } else {
                s = try styleLookup.index(of: style)
            }
        }
        let key = UInt64(row) << 14 | UInt64(column)
        if key <= lastKey && !cells.isEmpty { inOrder = false }
        lastKey = max(lastKey, key)
        if row > lastRow { lastRow = row }
        cells.append(Stored(key: key, payload: payload, style: UInt32(s), kind: kind))
    }

    /// The value a string cell holds, for checking table headers.
    private func headerText(_ c: Stored) -> String? {
        c.kind == .sharedString ? strings.text(at: Int(c.payload)) : nil
    }

    /// Empty header cells get the column names; others must hold them already.
    override func placeTableHeader(_ table: Table) throws {
        var found: [Int: Stored] = [:]
        let row = UInt64(table.range.start.row)
        for c in cells where c.key >> 14 == row {
            let column = Int(c.key & 0x3FFF) - table.range.start.column
            if column >= 0, column < table.columns.count { found[column] = c }
        }
        for (i, column) in table.columns.enumerated() {
            if let c = found[i], c.kind != .blank {
                guard headerText(c) == column.name else { throw headerMismatch(table, column: i, found: headerText(c).map { "\"\($0)\"" } ?? "a value that is not text") }
            } else {
                let style = found[i].map { Int($0.style) } ?? 0
                let key = row << 14 | UInt64(table.range.start.column + i)
                if key <= lastKey && !cells.isEmpty { inOrder = false }
                lastKey = max(lastKey, key)
                if Int(row) > lastRow { lastRow = Int(row) }
                cells.append(Stored(key: key, payload: UInt64(strings.index(of: column.name)), style: UInt32(style), kind: .sharedString))
            }
        }
        guard table.totalsRow else { return }
        // The totals row, as Excel fills it: a label, or SUBTOTAL over the column's data.
        let totals = table.range.end.row
        let taken = Set(cells.filter { Int($0.key >> 14) == totals && $0.kind != .blank }.map { Int($0.key & 0x3FFF) })
        for (i, column) in table.columns.enumerated() where !taken.contains(table.range.start.column + i) {
            let at = CellReference(unchecked: totals, table.range.start.column + i)
            if let label = column.totalsLabel {
                try set(.string(label), at: at)
            } else if let f = column.totalsFunction {
                try set(.formula("SUBTOTAL(\(f.subtotal),\(table.name)[\(Table.escapedColumn(column.name))])", cached: .number(0)), at: at)
            }
        }
    }

    /// Checks, when writing, that no later setting replaced a table's header cells.
    private func checkTableHeaders(_ sorted: [Stored]) throws {
        guard !tables.isEmpty else { return }
        var index: [UInt64: Stored] = [:]
        for t in tables {
            for i in 0..<t.columns.count { index[UInt64(t.range.start.row) << 14 | UInt64(t.range.start.column + i)] = nil }
        }
        let wanted = Set(tables.flatMap { t in (0..<t.columns.count).map { UInt64(t.range.start.row) << 14 | UInt64(t.range.start.column + $0) } })
        for c in sorted where wanted.contains(c.key) { index[c.key] = c }
        for t in tables {
            for i in 0..<t.columns.count {
                let c = index[UInt64(t.range.start.row) << 14 | UInt64(t.range.start.column + i)]
                guard let c, headerText(c) == t.columns[i].name else {
                    throw headerMismatch(t, column: i, found: c.flatMap(headerText).map { "\"\($0)\"" } ?? "no text")
                }
            }
        }
    }

    /// The cells sorted by position, a later setting of a cell replacing an earlier one.
    private func sortedCells() -> [Stored] {
        if inOrder { return cells }
        let order = cells.indices.sorted { (cells[$0].key, $0) < (cells[$1].key, $1) }
        var result: [Stored] = []
        result.reserveCapacity(order.count)
        for i in order {
            if let last = result.last, last.key == cells[i].key {
                result[result.count - 1] = cells[i]
            } else {
                result.append(cells[i])
            }
        }
        return result
    }

    /// Writes the worksheet XML, handing full buffers to `flush`.
    func write(to xml: XMLWriter, selected: Bool, packaging: SheetPackaging, flush: () throws -> Void) throws {
        let sorted = sortedCells()
        try checkTableHeaders(sorted)
        var dimension: CellRange?
        if let first = sorted.first {
            var minColumn = Int.max, maxColumn = 0
            for c in sorted {
                let column = Int(c.key & 0x3FFF)
                minColumn = min(minColumn, column)
                maxColumn = max(maxColumn, column)
            }
            dimension = CellRange(CellReference(unchecked: Int(first.key >> 14), minColumn),
                                  CellReference(unchecked: Int(sorted[sorted.count - 1].key >> 14), maxColumn))
        }
        writeHead(xml, dimension: dimension ?? CellRange(CellReference(unchecked: 0, 0), CellReference(unchecked: 0, 0)), selected: selected)
        // Rows with a height or hidden but no cells still need their <row>.
        let bareRows = attributedRows.sorted()
        var bare = 0
        var i = 0
        let n = sorted.count
        func emitBare(before row: Int) {
            while bare < bareRows.count, bareRows[bare] < row {
                xml.raw("<row r=\"")
                xml.int(bareRows[bare] + 1)
                xml.byte(0x22)
                writeRowAttributes(xml, row: bareRows[bare])
                xml.raw("/>")
                bare += 1
            }
        }
        // Excel's `spans`: the columns used by each block of 16 rows, repeated on its rows.
        var spanBlock = -1, spanFirst = 0, spanLast = 0
        try sorted.withUnsafeBufferPointer { cells in
            while i < n {
                let row = Int(cells[i].key >> 14)
                emitBare(before: row)
                if bare < bareRows.count, bareRows[bare] == row { bare += 1 }
                if row >> 4 != spanBlock {
                    spanBlock = row >> 4
                    spanFirst = Int.max
                    spanLast = 0
                    var j = i
                    while j < n, Int(cells[j].key >> 18) == spanBlock {
                        let column = Int(cells[j].key & 0x3FFF)
                        if column < spanFirst { spanFirst = column }
                        if column > spanLast { spanLast = column }
                        j += 1
                    }
                }
                xml.raw("<row r=\"")
                xml.int(row + 1)
                xml.raw("\" spans=\"")
                xml.int(spanFirst + 1)
                xml.byte(0x3A)
                xml.int(spanLast + 1)
                xml.byte(0x22)
                if hasRowAttributes { writeRowAttributes(xml, row: row) }
                xml.byte(0x3E)
                while i < n, Int(cells[i].key >> 14) == row {
                    writeCell(cells[i], row: row, xml)
                    i += 1
                }
                xml.raw("</row>")
                if xml.count >= 1 << 20 { try flush() }
            }
        }
        emitBare(before: Int.max)
        writeTail(xml, packaging: packaging)
    }

    @inline(__always)
    private func writeCell(_ c: Stored, row: Int, _ xml: XMLWriter) {
        let column = Int(c.key & 0x3FFF)
        let style = Int(c.style)
        switch c.kind {
        case .number:
            CellXML.open(xml, row: row, column: column, style: style, type: nil)
            xml.raw("<v>")
            xml.double(Double(bitPattern: c.payload))
            xml.raw("</v></c>")
        case .sharedString:
            CellXML.open(xml, row: row, column: column, style: style, type: " t=\"s\"")
            xml.raw("<v>")
            xml.int(Int(c.payload))
            xml.raw("</v></c>")
        case .bool:
            CellXML.open(xml, row: row, column: column, style: style, type: " t=\"b\"")
            xml.raw(c.payload == 1 ? "<v>1</v></c>" : "<v>0</v></c>")
        case .error:
            CellXML.open(xml, row: row, column: column, style: style, type: " t=\"e\"")
            xml.raw("<v>")
            if case .error(let e) = extras[Int(c.payload)] { xml.text(e) }
            xml.raw("</v></c>")
        case .formula:
            if case let .formula(f, cached) = extras[Int(c.payload)] {
                CellXML.formula(xml, f, cached: cached, row: row, column: column, style: style)
            }
        case .blank:
            xml.raw("<c r=\"")
            xml.cellReference(row: row, column: column)
            xml.raw("\" s=\"")
            xml.int(style)
            xml.raw("\"/>")
        }
    }
}
