/// Reads table parts (`xl/tables/tableN.xml`) into ``Table`` values.
enum TablePart {
    static func read(_ archive: ZipArchive, entry: ZipEntry) throws -> Table? {
        let handler = Handler()
        try XMLPart.parse(archive, entry: entry, handler: handler)
        guard let name = handler.name, let range = handler.range, !handler.columns.isEmpty else { return nil }
        return Table(name: name, range: range, columns: handler.columns, style: handler.style,
                     totalsRow: handler.totalsRow, autoFilter: handler.autoFilter)
    }

    private final class Handler: XMLContentHandler {
        var name: String?
        var range: CellRange?
        var totalsRow = false
        var autoFilter = false
        var columns: [Table.Column] = []
        var style: Table.Style?

        func startElement(_ n: XMLName, attributes a: XMLAttributes) {
            if n.is("table") {
                name = a.string("displayName") ?? a.string("name")
                range = a.string("ref").flatMap(CellRange.init)
                totalsRow = (XMLPart.int(a.bytes("totalsRowCount")) ?? 0) > 0
            } else if n.is("autoFilter") {
                autoFilter = true
            } else if n.is("tableColumn") {
                let raw = a.string("name") ?? ""
                columns.append(Table.Column(raw.replacingEvery("_x000d__x000a_", with: "\n").replacingEvery("_x000a_", with: "\n"),
                                            totalsFunction: a.string("totalsRowFunction").flatMap(Table.TotalsFunction.init(rawValue:)),
                                            totalsLabel: a.string("totalsRowLabel")))
            } else if n.is("tableStyleInfo"), let styleName = a.string("name") {
                func flag(_ k: StaticString) -> Bool { XMLPart.bool(a.bytes(k)) ?? false }
                style = Table.Style(name: styleName, rowStripes: flag("showRowStripes"), columnStripes: flag("showColumnStripes"),
                                    firstColumn: flag("showFirstColumn"), lastColumn: flag("showLastColumn"))
            }
        }

        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }
}

extension Workbook {
    /// The tables of a sheet, from the table parts its metadata names (``SheetMetadata/tableRelationships``).
    public func tables(of sheet: SheetInfo, metadata: SheetMetadata) throws -> [Table] {
        guard !metadata.tableRelationships.isEmpty, let part = sheet.part else { return [] }
        let relationships = try RelationshipsReader.read(archive, of: part)
        return try metadata.tableRelationships.compactMap { id in
            guard let rel = relationships.first(where: { $0.id == id }), let entry = archive.entry(named: rel.target) else { return nil }
            return try TablePart.read(archive, entry: entry)
        }
    }

    /// The conditional formats of a sheet's metadata with their differential styles resolved.
    public func conditionalFormats(in metadata: SheetMetadata) throws -> [ConditionalFormat] {
        let styles = try styleSheet().differentialStyles
        return zip(metadata.conditionalFormats, metadata.conditionalFormatStyleIDs).map { f, id in
            var f = f
            if let id, id >= 0, id < styles.count { f.style = styles[id] }
            return f
        }
    }
}
