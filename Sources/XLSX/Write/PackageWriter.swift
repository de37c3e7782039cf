#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Assembles the package around the sheets: content types, relationships, workbook,
/// styles, shared strings, notes and document properties.
///
/// Parts are described as data (``Part``: name, content type, who relates to it), so a
/// feature that brings new parts — a drawing and chart per sheet — adds entries to the
/// list and relationships to its sheet's ``SheetPackaging`` without touching the rest.
struct PackageWriter {
    /// A part of the package beyond the fixed ones.
    struct Part {
        var name: String
        var contentType: String
        var write: (XMLWriter) -> Void
        /// Deflate the entry (media files are stored: they are compressed already).
        var compress = true
    }

    let zip: ZipWriter
    let sheets: [SheetLayout]
    let styles: StyleTable
    let strings: SharedStringTable?
    let definedNames: [DefinedName]
    let properties: DocumentProperties
    let deterministic: Bool
    var protection: WorkbookProtection? = nil

    /// Writes every part; `writeSheet` writes sheet `i` (entry `xl/worksheets/sheet{i+1}.xml`).
    func write(writeSheet: (Int, SheetPackaging) throws -> Void) throws {
        guard let active = sheets.firstIndex(where: { $0.state == .visible }) else {
            throw XLSXError.invalidOperation("a workbook needs at least one visible sheet")
        }
        // Notes: numbered in sheet order among sheets that have some.
        var parts: [Part] = []
        var packagings: [SheetPackaging] = []
        var notesNumber = 0
        var drawingNumber = 0
        var chartNumber = 0
        var imageNumber = 0
        var tableNumber = 0
        var tableNames: [String: String] = [:]
        for sheet in sheets {
            for t in sheet.tables {
                if let other = tableNames[t.name.lowercased()] {
                    throw XLSXError.invalidOperation("the table name \(t.name) is used on sheets \(other) and \(sheet.name): a workbook's table names are unique")
                }
                tableNames[t.name.lowercased()] = sheet.name
                if let f = sheet.autoFilter, f.overlaps(t.range) {
                    throw XLSXError.invalidOperation("the autofilter \(f) of sheet \(sheet.name) overlaps table \(t.name): a table has its own filter")
                }
            }
        }
        for sheet in sheets {
            var drawing: Int?
            if !sheet.charts.isEmpty || !sheet.images.isEmpty {
                drawingNumber += 1
                drawing = drawingNumber
                let charts = sheet.charts, images = sheet.images
                parts.append(Part(name: "xl/drawings/drawing\(drawingNumber).xml", contentType: PartXML.ContentType.drawing) {
                    ChartXML.drawing(charts, images: images, to: $0)
                })
                var relations: [PartRelationship] = []
                for (i, chart) in charts.enumerated() {
                    chartNumber += 1
                    relations.append(PartRelationship(id: "rId\(i + 1)", type: PartXML.Relation.chart, target: "../charts/chart\(chartNumber).xml"))
                    parts.append(Part(name: "xl/charts/chart\(chartNumber).xml", contentType: PartXML.ContentType.chart) {
                        ChartXML.chart(chart, to: $0)
                    })
                }
                for (j, placed) in images.enumerated() {
                    imageNumber += 1
                    let name = "image\(imageNumber).\(placed.image.format.rawValue)"
                    relations.append(PartRelationship(id: "rId\(charts.count + j + 1)", type: PartXML.Relation.image, target: "../media/" + name))
                    parts.append(Part(name: "xl/media/" + name, contentType: placed.image.format.contentType,
                                      write: { $0.raw(placed.image.data) }, compress: false))
                }
                parts.append(Part(name: "xl/drawings/_rels/drawing\(drawingNumber).xml.rels", contentType: PartXML.ContentType.relationships) {
                    $0.relationships(relations)
                })
            }
            var number: Int?
            if !sheet.notes.isEmpty {
                notesNumber += 1
                let n = notesNumber
                number = n
                let notes = sheet.notes
                parts.append(Part(name: "xl/comments\(n).xml", contentType: PartXML.ContentType.comments) { NotesXML.comments(notes, to: $0) })
                parts.append(Part(name: "xl/drawings/vmlDrawing\(n).vml", contentType: PartXML.ContentType.vml) { NotesXML.vml(notes, number: n, to: $0) })
            }
            var tableNumbers: [Int] = []
            for t in sheet.tables {
                tableNumber += 1
                let n = tableNumber
                tableNumbers.append(n)
                parts.append(Part(name: "xl/tables/table\(n).xml", contentType: PartXML.ContentType.table) { $0.tablePart(t, id: n) })
            }
            var packaging = sheet.packaging(notesNumber: number, drawingNumber: drawing, tableNumbers: tableNumbers)
            packaging.dxfIDs = sheet.conditionalFormats.map { f in f.style.map { styles.differentialIndex(of: $0) } }
            packagings.append(packaging)
        }
        let xml = XMLWriter()
        func add(_ name: String, compress: Bool = true, _ body: (XMLWriter) -> Void) throws {
            xml.removeAll()
            body(xml)
            try zip.beginEntry(name, compress: compress)
            try zip.write(xml.bytes)
            try zip.endEntry()
        }
        try add("[Content_Types].xml") { contentTypes($0, extra: parts) }
        try add("_rels/.rels") {
            $0.relationships([
                PartRelationship(id: "rId1", type: PartXML.Relation.officeDocument, target: "xl/workbook.xml"),
                PartRelationship(id: "rId2", type: PartXML.Relation.coreProperties, target: "docProps/core.xml"),
                PartRelationship(id: "rId3", type: PartXML.Relation.extendedProperties, target: "docProps/app.xml"),
            ])
        }
        try add("docProps/app.xml", app)
        try add("docProps/core.xml", core)
        try add("xl/workbook.xml") { workbook($0, active: active) }
        try add("xl/_rels/workbook.xml.rels") { xml in
            var list = sheets.indices.map {
                PartRelationship(id: "rId\($0 + 1)", type: PartXML.Relation.worksheet, target: "worksheets/sheet\($0 + 1).xml")
            }
            list.append(PartRelationship(id: "rId\(sheets.count + 1)", type: PartXML.Relation.styles, target: "styles.xml"))
            if strings != nil {
                list.append(PartRelationship(id: "rId\(sheets.count + 2)", type: PartXML.Relation.sharedStrings, target: "sharedStrings.xml"))
            }
            xml.relationships(list)
        }
        for (i, packaging) in packagings.enumerated() {
            try writeSheet(i, packaging)
            if !packaging.relationships.isEmpty {
                try add("xl/worksheets/_rels/sheet\(i + 1).xml.rels") { $0.relationships(packaging.relationships) }
            }
        }
        for part in parts { try add(part.name, compress: part.compress, part.write) }
        try add("xl/styles.xml") { styles.write(to: $0) }
        if let strings {
            xml.removeAll()
            try zip.beginEntry("xl/sharedStrings.xml")
            try strings.write(to: xml) {
                try zip.write(xml.bytes)
                xml.removeAll()
            }
            try zip.write(xml.bytes)
            try zip.endEntry()
        }
    }

    private func contentTypes(_ xml: XMLWriter, extra: [Part]) {
        xml.raw(PartXML.declaration)
        xml.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        xml.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        xml.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        if extra.contains(where: { $0.name.hasSuffix(".vml") }) {
            xml.raw("<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>")
        }
        for format in [Image.Format.png, .jpeg] where extra.contains(where: { $0.name.hasPrefix("xl/media/") && $0.name.hasSuffix("." + format.rawValue) }) {
            xml.raw("<Default")
            xml.attribute("Extension", format.rawValue)
            xml.attribute("ContentType", format.contentType)
            xml.raw("/>")
        }
        func override(_ name: String, _ type: String) {
            xml.raw("<Override")
            xml.attribute("PartName", "/" + name)
            xml.attribute("ContentType", type)
            xml.raw("/>")
        }
        override("xl/workbook.xml", PartXML.ContentType.workbook)
        for i in sheets.indices { override("xl/worksheets/sheet\(i + 1).xml", PartXML.ContentType.worksheet) }
        override("xl/styles.xml", PartXML.ContentType.styles)
        if strings != nil { override("xl/sharedStrings.xml", PartXML.ContentType.sharedStrings) }
        for part in extra where !part.name.hasSuffix(".vml") && !part.name.hasSuffix(".rels") && !part.name.hasPrefix("xl/media/") {
            override(part.name, part.contentType)
        }
        override("docProps/core.xml", PartXML.ContentType.core)
        override("docProps/app.xml", PartXML.ContentType.app)
        xml.raw("</Types>")
    }

    private func workbook(_ xml: XMLWriter, active: Int) {
        xml.raw(PartXML.declaration)
        xml.raw("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.raw("<workbookPr defaultThemeVersion=\"124226\"/>")
        if let p = protection { xml.workbookProtection(p) }
        xml.raw("<bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"")
        if active != 0 {
            xml.attribute("firstSheet", active)
            xml.attribute("activeTab", active)
        }
        xml.raw("/></bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            xml.raw("<sheet")
            xml.attribute("name", sheet.name)
            xml.attribute("sheetId", i + 1)
            if sheet.state != .visible { xml.attribute("state", sheet.state.rawValue) }
            xml.attribute("r:id", "rId\(i + 1)")
            xml.raw("/>")
        }
        xml.raw("</sheets>")
        let names = sheets.flatMap { $0.impliedNames() } + definedNames
        if !names.isEmpty {
            xml.raw("<definedNames>")
            for n in names {
                xml.raw("<definedName")
                xml.attribute("name", n.name)
                if let local = n.localSheet { xml.attribute("localSheetId", local) }
                if n.hidden { xml.raw(" hidden=\"1\"") }
                xml.raw(">")
                xml.text(n.refersTo)
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>")
    }

    private func app(_ xml: XMLWriter) {
        xml.raw(PartXML.declaration)
        xml.raw("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        xml.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>")
        xml.int(sheets.count)
        xml.raw("</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector")
        xml.attribute("size", sheets.count)
        xml.raw(" baseType=\"lpstr\">")
        for s in sheets {
            xml.raw("<vt:lpstr>")
            xml.text(s.name)
            xml.raw("</vt:lpstr>")
        }
        xml.raw("</vt:vector></TitlesOfParts>")
        if let m = properties.manager { xml.raw("<Manager>"); xml.text(m); xml.raw("</Manager>") }
        xml.raw("<Company>")
        xml.text(properties.company ?? "")
        xml.raw("</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>")
    }

    private func core(_ xml: XMLWriter) {
        let p = properties
        xml.raw(PartXML.declaration)
        xml.raw("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        func element(_ open: StaticString, _ close: StaticString, _ value: String?) {
            guard let value else { return }
            xml.raw(open)
            xml.text(value)
            xml.raw(close)
        }
        element("<dc:title>", "</dc:title>", p.title)
        element("<dc:subject>", "</dc:subject>", p.subject)
        element("<dc:creator>", "</dc:creator>", p.creator)
        element("<cp:keywords>", "</cp:keywords>", p.keywords)
        element("<dc:description>", "</dc:description>", p.description)
        element("<cp:lastModifiedBy>", "</cp:lastModifiedBy>", p.creator)
        let stamp = timestamp(p.created)
        xml.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        xml.rawString(stamp)
        xml.raw("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        xml.rawString(stamp)
        xml.raw("</dcterms:modified>")
        element("<cp:category>", "</cp:category>", p.category)
        xml.raw("</cp:coreProperties>")
    }

    private func timestamp(_ given: DateTimeComponents?) -> String {
        var c = given ?? DateTimeComponents(year: 2000, month: 1, day: 1)
        if given == nil && !deterministic {
            var now = time(nil)
            var t = tm()
            gmtime_r(&now, &t)
            c = DateTimeComponents(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday),
                                   hour: Int(t.tm_hour), minute: Int(t.tm_min), second: Int(t.tm_sec))
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }
}
