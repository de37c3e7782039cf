/// What a sheet entry of the workbook is.
public enum SheetKind: String, Sendable, Hashable {
    /// A grid of cells, the usual sheet.
    case worksheet
    /// A sheet holding one chart and no cells.
    case chartsheet
    /// An Excel 5 dialog sheet (a form of controls), kept by old workbooks.
    case dialogsheet
    /// An Excel 4 macro sheet (XLM formulas).
    case macrosheet
}

/// A sheet as the workbook lists it: name, order, state and where its part lives.
public struct SheetInfo: Sendable, Hashable {
    /// The tab name.
    public var name: String
    /// Zero-based position in the workbook's order.
    public var index: Int
    /// Visible, hidden or very hidden.
    public var state: SheetState
    /// Worksheet, chart sheet, dialog sheet or macro sheet.
    public var kind: SheetKind
    /// The part name inside the package (`xl/worksheets/sheet1.xml`), nil when the relationship is missing.
    public var part: String?
    /// The `sheetId` the workbook gives it.
    public var sheetID: Int
}

/// The package's entry point found and parsed: where the workbook part is, its sheets and settings.
struct WorkbookPart {
    var part: String
    var sheets: [SheetInfo] = []
    var dateSystem: DateSystem = .date1900
    var definedNames: [DefinedName] = []
    var relationships: [Relationship] = []
    var protection: WorkbookProtection?

    /// Finds the workbook part through `_rels/.rels` (any folder, relative or absolute target),
    /// falling back to `[Content_Types].xml` and then to `xl/workbook.xml`.
    static func locate(_ archive: ZipArchive) throws -> String {
        let packageRels = try RelationshipsReader.read(archive, of: "")
        if let rel = packageRels.first(where: { $0.isType("officeDocument") && !$0.isExternal }),
           archive.entry(named: rel.target) != nil {
            return rel.target
        }
        if let entry = archive.entry(named: "[Content_Types].xml") {
            let handler = ContentTypesHandler()
            try XMLPart.parse(archive, entry: entry, handler: handler)
            if let part = handler.workbookPart, archive.entry(named: part) != nil { return part }
        }
        if archive.entry(named: "xl/workbook.xml") != nil { return "xl/workbook.xml" }
        if archive.entry(named: "xl/workbook.bin") != nil { throw XLSXError.notAWorkbook(kind: .xlsb) }
        if archive.entry(named: "content.xml") != nil, archive.entry(named: "mimetype") != nil {
            throw XLSXError.notAWorkbook(kind: .ods)
        }
        if archive.entry(named: "EncryptedPackage") != nil { throw XLSXError.notAWorkbook(kind: .encryptedWorkbook) }
        throw XLSXError.missingPart(part: "xl/workbook.xml")
    }

    /// Reads the workbook part and its relationships.
    static func read(_ archive: ZipArchive) throws -> WorkbookPart {
        let name = try locate(archive)
        guard let entry = archive.entry(named: name) else { throw XLSXError.missingPart(part: name) }
        // Part names are kept with `/` separators, whatever the archive spells (`xl\\workbook.xml`).
        let partName = RelationshipsReader.resolve(entry.name, from: "")
        var result = WorkbookPart(part: partName)
        result.relationships = try RelationshipsReader.read(archive, of: partName)
        let handler = WorkbookHandler()
        try XMLPart.parse(archive, entry: entry, handler: handler)
        result.dateSystem = handler.date1904 ? .date1904 : .date1900
        result.definedNames = handler.definedNames
        result.protection = handler.protection
        var byID: [String: Relationship] = [:]
        for rel in result.relationships where byID[rel.id] == nil { byID[rel.id] = rel }
        for (i, sheet) in handler.sheets.enumerated() {
            let rel = sheet.relID.flatMap { byID[$0] }
            var kind = SheetKind.worksheet
            if let rel {
                if rel.isType("chartsheet") { kind = .chartsheet }
                else if rel.isType("dialogsheet") { kind = .dialogsheet }
                else if rel.isType("macrosheet") || rel.isType("xlMacrosheet") || rel.isType("xlIntlMacrosheet") { kind = .macrosheet }
            }
            let part = rel.flatMap { $0.isExternal || archive.entry(named: $0.target) == nil ? nil : $0.target }
            result.sheets.append(SheetInfo(name: sheet.name, index: i, state: sheet.state, kind: kind, part: part, sheetID: sheet.sheetID))
        }
        return result
    }

    private final class ContentTypesHandler: XMLContentHandler {
        var workbookPart: String?
        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            guard workbookPart == nil, name.is("Override"), let type = attributes.string("ContentType") else { return }
            if type.hasSuffix(".sheet.main+xml") || type.hasSuffix(".template.main+xml") || type.hasSuffix("sheet.macroEnabled.main+xml") {
                workbookPart = attributes.string("PartName").map { RelationshipsReader.resolve($0, from: "") }
            }
        }
        func endElement(_ name: XMLName) {}
        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }

    private final class WorkbookHandler: XMLContentHandler {
        struct RawSheet { var name: String; var sheetID: Int; var state: SheetState; var relID: String? }
        var sheets: [RawSheet] = []
        var date1904 = false
        var protection: WorkbookProtection?
        var definedNames: [DefinedName] = []
        private var pendingName: DefinedName?
        private let text = ByteAccumulator()

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("sheet") {
                let state: SheetState
                switch attributes.string("state") {
                case "hidden": state = .hidden
                case "veryHidden": state = .veryHidden
                default: state = .visible
                }
                let relID = attributes.bytes("id", namespaceSuffix: "relationships").map { String(decoding: $0, as: UTF8.self) }
                    ?? attributes.string("id")
                sheets.append(RawSheet(name: attributes.string("name") ?? "Sheet\(sheets.count + 1)",
                                       sheetID: XMLPart.int(attributes.bytes("sheetId")) ?? sheets.count + 1,
                                       state: state, relID: relID))
            } else if name.is("workbookPr") {
                if let value = XMLPart.bool(attributes.bytes("date1904")) { date1904 = value }
            } else if name.is("workbookProtection") {
                var p = WorkbookProtection(structure: XMLPart.bool(attributes.bytes("lockStructure")) ?? false,
                                           windows: XMLPart.bool(attributes.bytes("lockWindows")) ?? false)
                p.passwordHash = attributes.string("workbookPassword")
                protection = p
            } else if name.is("definedName") {
                text.reset()
                pendingName = DefinedName(attributes.string("name") ?? "", refersTo: "",
                                          localSheet: XMLPart.int(attributes.bytes("localSheetId")),
                                          hidden: XMLPart.bool(attributes.bytes("hidden")) ?? false)
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("definedName"), var pending = pendingName {
                pending.refersTo = text.string
                definedNames.append(pending)
                pendingName = nil
            }
        }

        func characters(_ bytes: UnsafeRawBufferPointer) {
            if pendingName != nil { text.append(bytes) }
        }
    }
}
