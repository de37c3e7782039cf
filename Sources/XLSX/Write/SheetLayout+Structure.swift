/// Conditional formats, tables, protection and outline groups of a sheet being written.
extension SheetLayout {
    /// Adds a conditional format to one or more ranges (replacing its ``ConditionalFormat/ranges``).
    /// Rules are evaluated in the order they were added (Excel's priority 1 first).
    public func addConditionalFormat(_ format: ConditionalFormat, to ranges: CellRange...) throws {
        var format = format
        format.ranges = ranges
        try addConditionalFormat(format)
    }

    /// Adds a conditional format to its own ``ConditionalFormat/ranges``.
    public func addConditionalFormat(_ format: ConditionalFormat) throws {
        try format.validate()
        // Excel numbers rules by priority in a signed 32-bit field; far fewer are sensible.
        guard conditionalFormats.count < 65_536 else { throw XLSXError.invalidOperation("sheet \(name) has 65,536 conditional formats already") }
        conditionalFormats.append(format)
    }

    /// Adds a table. Its range may not overlap another table or a merged range of the sheet,
    /// and the header cells must hold the column names (cells left empty get them).
    public func addTable(_ table: Table) throws {
        try table.validate()
        guard table.range.end.row < CellReference.maxRows, table.range.end.column < CellReference.maxColumns else {
            throw XLSXError.invalidCellReference(table.range.description)
        }
        if let clash = tables.first(where: { $0.range.overlaps(table.range) }) {
            throw XLSXError.invalidOperation("table \(table.name) (\(table.range)) overlaps table \(clash.name) (\(clash.range)) on sheet \(name)")
        }
        if let clash = merges.first(where: { $0.overlaps(table.range) }) {
            throw XLSXError.invalidOperation("table \(table.name) (\(table.range)) overlaps the merged range \(clash) on sheet \(name)")
        }
        if let other = tables.first(where: { $0.name.lowercased() == table.name.lowercased() }) {
            throw XLSXError.invalidOperation("sheet \(name) has a table named \(other.name) already")
        }
        try placeTableHeader(table)
        tables.append(table)
    }

    /// Protects the sheet: locked cells cannot be changed (see ``SheetProtection``).
    public func protect(_ protection: SheetProtection = SheetProtection()) {
        self.protection = protection
    }

    /// Groups rows (zero-based) at an outline level of 1–7; a collapsed group is hidden and its
    /// summary row (below the group, or above with ``outlineSummaryBelow`` false) shows the
    /// collapsed button. In a streaming sheet the rows must not be written yet, and the
    /// deepest level must be reached before the first row.
    public func groupRows(_ rows: ClosedRange<Int>, level: Int = 1, collapsed: Bool = false) throws {
        guard (1...7).contains(level) else { throw XLSXError.invalidOperation("an outline level is 1–7 (got \(level))") }
        guard rows.lowerBound >= 0, rows.upperBound < CellReference.maxRows else { throw XLSXError.invalidCellReference("row \(rows.upperBound + 1)") }
        try checkRowOpen(rows.lowerBound)
        if headWritten && level > declaredRowOutline {
            throw XLSXError.invalidOperation("outline level \(level) on sheet \(name) must be reached before its first row is written")
        }
        for r in rows {
            rowOutline[r] = level
            if collapsed { hiddenRows.insert(r) }
        }
        if collapsed {
            let summary = outlineSummaryBelow ? rows.upperBound + 1 : rows.lowerBound - 1
            if summary >= 0 && summary < CellReference.maxRows {
                try checkRowOpen(summary)
                collapsedRows.insert(summary)
            }
        }
    }

    /// Groups columns (zero-based) at an outline level of 1–7; a collapsed group is hidden.
    /// In a streaming sheet, group before the first row.
    public func groupColumns(_ columns: ClosedRange<Int>, level: Int = 1, collapsed: Bool = false) throws {
        try requireHeadOpen("column outline groups")
        guard (1...7).contains(level) else { throw XLSXError.invalidOperation("an outline level is 1–7 (got \(level))") }
        guard columns.lowerBound >= 0, columns.upperBound < CellReference.maxColumns else { throw XLSXError.invalidCellReference("column \(columns.upperBound + 1)") }
        for c in columns {
            columnOutline[c] = level
            if collapsed { hiddenColumns.insert(c) }
        }
        if collapsed {
            let summary = outlineSummaryRight ? columns.upperBound + 1 : columns.lowerBound - 1
            if summary >= 0 && summary < CellReference.maxColumns { collapsedColumns.insert(summary) }
        }
    }

    /// Rows whose `<row>` carries attributes (height, hidden, outline), even without cells.
    var attributedRows: Set<Int> {
        Set(rowHeights.keys).union(hiddenRows).union(rowOutline.keys).union(collapsedRows)
    }

    /// Whether any row carries attributes.
    var hasRowAttributes: Bool {
        !rowHeights.isEmpty || !hiddenRows.isEmpty || !rowOutline.isEmpty || !collapsedRows.isEmpty
    }
}
