extension XMLWriter {
    /// Writes a table part, `xl/tables/table{id}.xml`.
    func tablePart(_ t: Table, id: Int) {
        raw(PartXML.declaration)
        raw("<table xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
        attribute("id", id)
        attribute("name", t.name)
        attribute("displayName", t.name)
        attribute("ref", t.range.description)
        if t.totalsRow { raw(" totalsRowCount=\"1\"") } else { raw(" totalsRowShown=\"0\"") }
        raw(">")
        if t.autoFilter {
            raw("<autoFilter")
            let filtered = CellRange(t.range.start, CellReference(unchecked: t.range.end.row - (t.totalsRow ? 1 : 0), t.range.end.column))
            attribute("ref", filtered.description)
            raw("/>")
        }
        raw("<tableColumns")
        attribute("count", t.columns.count)
        raw(">")
        for (i, c) in t.columns.enumerated() {
            raw("<tableColumn")
            attribute("id", i + 1)
            attribute("name", Self.tableColumnName(c.name))
            if let label = c.totalsLabel { attribute("totalsRowLabel", label) }
            if let f = c.totalsFunction { attribute("totalsRowFunction", f.rawValue) }
            raw("/>")
        }
        raw("</tableColumns>")
        if let s = t.style {
            raw("<tableStyleInfo")
            attribute("name", s.name)
            raw(s.firstColumn ? " showFirstColumn=\"1\"" : " showFirstColumn=\"0\"")
            raw(s.lastColumn ? " showLastColumn=\"1\"" : " showLastColumn=\"0\"")
            raw(s.rowStripes ? " showRowStripes=\"1\"" : " showRowStripes=\"0\"")
            raw(s.columnStripes ? " showColumnStripes=\"1\"" : " showColumnStripes=\"0\"")
            raw("/>")
        }
        raw("</table>")
    }

    /// A column name as the table part stores it: line breaks as `_x000a_`, as Excel writes them.
    static func tableColumnName(_ name: String) -> String {
        name.replacingEvery("\r\n", with: "_x000d__x000a_").replacingEvery("\n", with: "_x000a_")
    }
}
