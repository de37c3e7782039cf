/// The relationships and extra parts one sheet brings into the package: hyperlinks,
/// notes (comments part + VML drawing), and anything added later (a drawing with charts).
struct SheetPackaging {
    /// The sheet's `.rels` entries.
    var relationships: [PartRelationship] = []
    /// `r:id` of each external hyperlink, by position in ``SheetLayout/links``.
    var hyperlinkIDs: [Int: String] = [:]
    /// `r:id` of the VML drawing of the notes.
    var legacyDrawingID: String?
    /// `r:id` of a DrawingML drawing (charts, pictures).
    var drawingID: String?
    /// `r:id` of each table part, in the order of ``SheetLayout/tables``.
    var tableIDs: [String] = []
    /// The differential format (`dxfId`) of each conditional format, nil for none.
    var dxfIDs: [Int?] = []

    /// The next free relationship id.
    mutating func add(_ type: String, target: String, external: Bool = false) -> String {
        let id = "rId\(relationships.count + 1)"
        relationships.append(PartRelationship(id: id, type: type, target: target, external: external))
        return id
    }
}

extension SheetLayout {
    /// Plans the relationships of the sheet; `notesNumber` numbers its comments and VML parts.
    func packaging(notesNumber: Int?, drawingNumber: Int? = nil, tableNumbers: [Int] = []) -> SheetPackaging {
        var p = SheetPackaging()
        if let n = drawingNumber {
            p.drawingID = p.add(PartXML.Relation.drawing, target: "../drawings/drawing\(n).xml")
        }
        for (i, (_, link)) in links.enumerated() {
            if let target = link.target {
                p.hyperlinkIDs[i] = p.add(PartXML.Relation.hyperlink, target: target, external: true)
            }
        }
        if let n = notesNumber {
            p.legacyDrawingID = p.add(PartXML.Relation.vmlDrawing, target: "../drawings/vmlDrawing\(n).vml")
            _ = p.add(PartXML.Relation.comments, target: "../comments\(n).xml")
        }
        for n in tableNumbers {
            p.tableIDs.append(p.add(PartXML.Relation.table, target: "../tables/table\(n).xml"))
        }
        return p
    }

    /// Writes the worksheet's opening, up to and including `<sheetData>`.
    func writeHead(_ xml: XMLWriter, dimension: CellRange?, selected: Bool) {
        xml.raw(PartXML.declaration)
        xml.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        let outlinePr = !outlineSummaryBelow || !outlineSummaryRight
        if tabColor != nil || printSetup.fitToWidth != nil || outlinePr {
            xml.raw("<sheetPr>")
            if let c = tabColor { xml.color("tabColor", c) }
            if outlinePr {
                xml.raw("<outlinePr")
                if !outlineSummaryBelow { xml.raw(" summaryBelow=\"0\"") }
                if !outlineSummaryRight { xml.raw(" summaryRight=\"0\"") }
                xml.raw("/>")
            }
            if printSetup.fitToWidth != nil { xml.raw("<pageSetUpPr fitToPage=\"1\"/>") }
            xml.raw("</sheetPr>")
        }
        if let d = dimension {
            xml.raw("<dimension")
            xml.attribute("ref", d.description)
            xml.raw("/>")
        }
        xml.raw("<sheetViews><sheetView")
        if !showGridLines { xml.raw(" showGridLines=\"0\"") }
        if selected { xml.raw(" tabSelected=\"1\"") }
        xml.raw(" workbookViewId=\"0\"")
        if let (rows, columns) = frozen {
            xml.raw("><pane")
            let pane: StaticString
            if columns > 0 { xml.attribute("xSplit", columns) }
            if rows > 0 { xml.attribute("ySplit", rows) }
            xml.raw(" topLeftCell=\"")
            xml.cellReference(row: rows, column: columns)
            xml.byte(0x22)
            if rows > 0 && columns > 0 {
                pane = "bottomRight"
            } else if rows > 0 {
                pane = "bottomLeft"
            } else {
                pane = "topRight"
            }
            xml.raw(" activePane=\"")
            xml.raw(pane)
            xml.raw("\" state=\"frozen\"/>")
            if rows > 0 && columns > 0 {
                // As Excel writes it: each side pane remembers its first cell.
                xml.raw("<selection pane=\"topRight\" activeCell=\"")
                xml.cellReference(row: 0, column: columns)
                xml.raw("\" sqref=\"")
                xml.cellReference(row: 0, column: columns)
                xml.raw("\"/><selection pane=\"bottomLeft\" activeCell=\"")
                xml.cellReference(row: rows, column: 0)
                xml.raw("\" sqref=\"")
                xml.cellReference(row: rows, column: 0)
                xml.raw("\"/>")
            }
            xml.raw("<selection pane=\"")
            xml.raw(pane)
            xml.raw("\"/></sheetView></sheetViews>")
        } else {
            xml.raw("/></sheetViews>")
        }
        xml.raw("<sheetFormatPr defaultRowHeight=\"15\"")
        declaredRowOutline = rowOutline.values.max() ?? 0
        if declaredRowOutline > 0 { xml.attribute("outlineLevelRow", declaredRowOutline) }
        if let c = columnOutline.values.max() { xml.attribute("outlineLevelCol", c) }
        xml.raw("/>")
        writeColumns(xml)
        xml.raw("<sheetData>")
    }

    private func writeColumns(_ xml: XMLWriter) {
        let columns = Set(columnWidths.keys).union(hiddenColumns).union(columnOutline.keys).union(collapsedColumns).sorted()
        guard !columns.isEmpty else { return }
        xml.raw("<cols>")
        var i = 0
        while i < columns.count {
            let first = columns[i]
            let width = columnWidths[first]
            let hidden = hiddenColumns.contains(first)
            var last = first
            let level = columnOutline[first]
            let collapsed = collapsedColumns.contains(first)
            while i + 1 < columns.count, columns[i + 1] == last + 1,
                  columnWidths[columns[i + 1]] == width, hiddenColumns.contains(columns[i + 1]) == hidden,
                  columnOutline[columns[i + 1]] == level, collapsedColumns.contains(columns[i + 1]) == collapsed {
                i += 1
                last = columns[i]
            }
            xml.raw("<col")
            xml.attribute("min", first + 1)
            xml.attribute("max", last + 1)
            xml.attribute("width", number: width ?? 8.43)
            if hidden { xml.raw(" hidden=\"1\"") }
            if width != nil { xml.raw(" customWidth=\"1\"") }
            if let level { xml.attribute("outlineLevel", level) }
            if collapsed { xml.raw(" collapsed=\"1\"") }
            xml.raw("/>")
            i += 1
        }
        xml.raw("</cols>")
    }

    /// The attributes of a `<row>` beyond `r`: height and hidden.
    func writeRowAttributes(_ xml: XMLWriter, row: Int) {
        if let h = rowHeights[row] {
            xml.attribute("ht", number: h)
            xml.raw(" customHeight=\"1\"")
        }
        if hiddenRows.contains(row) { xml.raw(" hidden=\"1\"") }
        if let level = rowOutline[row] { xml.attribute("outlineLevel", level) }
        if collapsedRows.contains(row) { xml.raw(" collapsed=\"1\"") }
    }

    /// Writes everything after `</sheetData>` and closes the worksheet.
    func writeTail(_ xml: XMLWriter, packaging: SheetPackaging) {
        xml.raw("</sheetData>")
        if let p = protection { xml.sheetProtection(p) }
        if let f = autoFilter {
            xml.raw("<autoFilter")
            xml.attribute("ref", f.description)
            xml.raw("/>")
        }
        if !merges.isEmpty {
            xml.raw("<mergeCells")
            xml.attribute("count", merges.count)
            xml.raw(">")
            for m in merges {
                xml.raw("<mergeCell")
                xml.attribute("ref", m.description)
                xml.raw("/>")
            }
            xml.raw("</mergeCells>")
        }
        xml.conditionalFormats(conditionalFormats, dxfIDs: packaging.dxfIDs)
        xml.dataValidations(validations)
        if !links.isEmpty {
            xml.raw("<hyperlinks>")
            for (i, (range, link)) in links.enumerated() {
                xml.raw("<hyperlink")
                xml.attribute("ref", range.description)
                if let id = packaging.hyperlinkIDs[i] { xml.attribute("r:id", id) }
                if let location = link.location { xml.attribute("location", location) }
                if let display = link.display { xml.attribute("display", display) }
                if let t = link.tooltip { xml.attribute("tooltip", t) }
                xml.raw("/>")
            }
            xml.raw("</hyperlinks>")
        }
        if printSetup.centerHorizontally || printSetup.gridLines {
            xml.raw("<printOptions")
            if printSetup.centerHorizontally { xml.raw(" horizontalCentered=\"1\"") }
            if printSetup.gridLines { xml.raw(" gridLines=\"1\"") }
            xml.raw("/>")
        }
        xml.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        if printSetup.hasPageSetup {
            xml.raw("<pageSetup")
            if let p = printSetup.paper { xml.attribute("paperSize", p.rawValue) }
            if let w = printSetup.fitToWidth {
                xml.attribute("fitToWidth", w)
                xml.attribute("fitToHeight", printSetup.fitToHeight)
            }
            if let o = printSetup.orientation { xml.attribute("orientation", o.rawValue) }
            xml.raw("/>")
        }
        // A break's id is the 1-based row above it, so the zero-based row below it.
        let breaks = Set(printSetup.pageBreaksBefore.filter { $0 > 0 && $0 < 1_048_576 }).sorted().prefix(1023)
        if !breaks.isEmpty {
            xml.raw("<rowBreaks")
            xml.attribute("count", breaks.count)
            xml.attribute("manualBreakCount", breaks.count)
            xml.raw(">")
            for row in breaks {
                xml.raw("<brk")
                xml.attribute("id", row)
                xml.raw(" max=\"16383\" man=\"1\"/>")
            }
            xml.raw("</rowBreaks>")
        }
        if let id = packaging.drawingID {
            xml.raw("<drawing")
            xml.attribute("r:id", id)
            xml.raw("/>")
        }
        if let id = packaging.legacyDrawingID {
            xml.raw("<legacyDrawing")
            xml.attribute("r:id", id)
            xml.raw("/>")
        }
        if !packaging.tableIDs.isEmpty {
            xml.raw("<tableParts")
            xml.attribute("count", packaging.tableIDs.count)
            xml.raw(">")
            for id in packaging.tableIDs {
                xml.raw("<tablePart")
                xml.attribute("r:id", id)
                xml.raw("/>")
            }
            xml.raw("</tableParts>")
        }
        xml.raw("</worksheet>")
    }

    /// The workbook-level names this sheet implies: print area, print titles, filter range.
    func impliedNames() -> [DefinedName] {
        var names: [DefinedName] = []
        if let f = autoFilter {
            names.append(DefinedName("_xlnm._FilterDatabase", refersTo: SheetName.reference(name, f), localSheet: position, hidden: true))
        }
        if let area = printSetup.printArea {
            names.append(DefinedName("_xlnm.Print_Area", refersTo: SheetName.reference(name, area), localSheet: position))
        }
        if let rows = printSetup.repeatRows {
            names.append(DefinedName("_xlnm.Print_Titles", refersTo: SheetName.quoted(name) + "!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)", localSheet: position))
        }
        return names
    }
}
