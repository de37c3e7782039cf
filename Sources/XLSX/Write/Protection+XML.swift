extension XMLWriter {
    /// Writes `<sheetProtection>`, attributes as Excel writes them: `objects` and `scenarios`
    /// set when protected, the format/insert/delete/sort/filter/pivot actions set to 0 when
    /// allowed, the two selections set to 1 when forbidden.
    func sheetProtection(_ p: SheetProtection) {
        raw("<sheetProtection")
        if let h = p.passwordHash { attribute("password", h) }
        raw(" sheet=\"1\"")
        if !p.allowed.contains(.objects) { raw(" objects=\"1\"") }
        if !p.allowed.contains(.scenarios) { raw(" scenarios=\"1\"") }
        let allowedWhenZero: [(SheetProtection.Action, StaticString)] = [
            (.formatCells, " formatCells=\"0\""), (.formatColumns, " formatColumns=\"0\""), (.formatRows, " formatRows=\"0\""),
            (.insertColumns, " insertColumns=\"0\""), (.insertRows, " insertRows=\"0\""), (.insertHyperlinks, " insertHyperlinks=\"0\""),
            (.deleteColumns, " deleteColumns=\"0\""), (.deleteRows, " deleteRows=\"0\""),
        ]
        for (action, text) in allowedWhenZero where p.allowed.contains(action) { raw(text) }
        if !p.allowed.contains(.selectLockedCells) { raw(" selectLockedCells=\"1\"") }
        if p.allowed.contains(.sort) { raw(" sort=\"0\"") }
        if p.allowed.contains(.autoFilter) { raw(" autoFilter=\"0\"") }
        if p.allowed.contains(.pivotTables) { raw(" pivotTables=\"0\"") }
        if !p.allowed.contains(.selectUnlockedCells) { raw(" selectUnlockedCells=\"1\"") }
        raw("/>")
    }

    /// Writes `<workbookProtection>`.
    func workbookProtection(_ p: WorkbookProtection) {
        raw("<workbookProtection")
        if let h = p.passwordHash { attribute("workbookPassword", h) }
        if p.structure { raw(" lockStructure=\"1\"") }
        if p.windows { raw(" lockWindows=\"1\"") }
        raw("/>")
    }
}
