/// Everything writing ``WorkbookAnnotations`` will do to a package, worked out before a byte is
/// written: the new format of each marked cell, which small parts change and how, and the
/// parts to add with their names, relationships and content types.
struct AnnotationPlan {
    /// How one marked sheet is rewritten.
    struct SheetPlan {
        var formats: [Int: [Int: Int]] = [:]
        var legacyDrawing: (id: String, prefix: String)?
        var declarePrefix: String?
    }

    /// Marked sheets by lookup key of their part.
    private(set) var sheets: [String: SheetPlan] = [:]
    /// Parts added, in order.
    private(set) var newParts: [(name: String, bytes: [UInt8])] = []
    /// Small parts whose new bytes are known, by lookup key.
    private var replaced: [String: [UInt8]] = [:]
    /// Small parts rewritten as they are copied, by lookup key.
    private var rewriters: [String: PartRewriter] = [:]

    private let archive: ZipArchive
    private let package: TemplatePackage
    private var used: Set<String>
    private var folder: String
    /// Relationships to add, by relationships part (lookup key) and its real name.
    private var relationships: [String: (name: String, list: [PartRelationship])] = [:]
    /// Content types to declare: overrides by part name, and whether `.vml` needs a default.
    private var overrides: [(part: String, type: String)] = []
    private var vmlDefault = false

    init(archive: ZipArchive, annotations: WorkbookAnnotations) throws {
        self.archive = archive
        package = try TemplatePackage(archive: archive)
        used = Set(archive.entries.map(\.lookupKey))
        folder = package.workbookPart.contains("/") ? String(package.workbookPart[...package.workbookPart.lastIndex(of: "/")!]) : ""
        var byName: [String: TemplatePackage.Sheet] = [:]
        for sheet in package.sheets { byName[sheet.name.lowercased()] = sheet }
        for name in annotations.markedSheets where byName[name] == nil {
            throw XLSXError.sheetNotFound(name: name, available: package.sheets.map(\.name))
        }
        let workbookRelations = try package.relationships(of: package.workbookPart)
        let styles = try stylesEditor(workbookRelations)
        var blocks = try usedDrawingBlocks()

        for name in annotations.markedSheets.sorted() {
            let sheet = byName[name]!
            guard let entry = archive.entry(named: sheet.part) else { throw XLSXError.missingPart(part: sheet.part) }
            let fills = annotations.fills[name] ?? [:]
            var wanted: [Int: Set<Int>] = [:]
            for cell in fills.keys { wanted[cell.row + 1, default: []].insert(cell.column) }
            let survey = try MarkedSheetSurvey(archive: archive, entry: entry, wanted: wanted)
            var plan = SheetPlan()
            for (cell, fill) in fills {
                let base = survey.formats[cell.row + 1]?[cell.column] ?? 0
                plan.formats[cell.row + 1, default: [:]][cell.column] = styles.format(base: base, fill: fill)
            }
            if let notes = annotations.notes[name], !notes.isEmpty {
                try planNotes(notes, sheet: sheet, survey: survey, plan: &plan, blocks: &blocks)
            }
            sheets[ZipEntry.lookupKey(sheet.part)] = plan
        }
        if !annotations.addedSheets.isEmpty {
            try planAddedSheets(annotations.addedSheets, styles: styles, workbookRelations: workbookRelations)
        }
        if styles.changed {
            let bytes = try styles.rewritten()
            if archive.entry(named: styles.part) == nil {
                newParts.append((styles.part, bytes))
                overrides.append((styles.part, PartXML.ContentType.styles))
                addRelationship(from: package.workbookPart, type: PartXML.Relation.styles, to: styles.part, existing: workbookRelations)
            } else {
                replaced[ZipEntry.lookupKey(styles.part)] = bytes
            }
        }
        planRelationshipParts()
        planContentTypes()
    }

    /// The new bytes of a part that changes, or nil when it is copied.
    func rewritten(_ key: String, archive: ZipArchive, entry: ZipEntry) throws -> [UInt8]? {
        if let bytes = replaced[key] { return bytes }
        if let rewriter = rewriters[key] { return try rewriter.rewrite(archive, entry) }
        return nil
    }

    // MARK: Styles

    private mutating func stylesEditor(_ workbookRelations: [TemplatePackage.Relationship]) throws -> StylesPartEditor {
        if let rel = workbookRelations.first(where: { !$0.isExternal && $0.type.hasSuffix("/styles") }) {
            let part = rel.target
            if let entry = archive.entry(named: part) {
                return try StylesPartEditor(part: entry.name, bytes: try Self.utf8Contents(archive, entry))
            }
        }
        let part = used.contains(ZipEntry.lookupKey(folder + "styles.xml")) ? fresh(folder + "styles", ".xml") : folder + "styles.xml"
        return try StylesPartEditor(part: part, bytes: StylesPartEditor.minimal)
    }

    /// A part's bytes, turned into UTF-8 when it was written in UTF-16.
    static func utf8Contents(_ archive: ZipArchive, _ entry: ZipEntry) throws -> [UInt8] {
        let bytes = try archive.contents(of: entry)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return utf16ToUTF8(bytes)
        }
        return bytes
    }

    // MARK: Notes

    private mutating func planNotes(_ notes: [CellReference: Note], sheet: TemplatePackage.Sheet, survey: MarkedSheetSurvey,
                                    plan: inout SheetPlan, blocks: inout Set<Int>) throws {
        let rels = try package.relationships(of: sheet.part)
        var commented: Set<CellReference> = []
        if let rel = rels.first(where: { !$0.isExternal && $0.type.hasSuffix("/comments") }),
           let entry = archive.entry(named: rel.target) {
            let bytes = try Self.utf8Contents(archive, entry)
            let existing = try NotesPartEditor.survey(bytes, part: entry.name)
            commented = existing.cells
            replaced[entry.lookupKey] = try NotesPartEditor.mergeComments(bytes, part: entry.name, survey: existing, notes: notes)
        } else {
            let part = fresh(folder + "comments", ".xml")
            let xml = XMLWriter()
            NotesXML.comments(notes.map { ($0.key, $0.value) }, to: xml)
            newParts.append((part, xml.array))
            overrides.append((part, PartXML.ContentType.comments))
            addRelationship(from: sheet.part, type: PartXML.Relation.comments, to: part, existing: rels)
        }
        let boxes = notes.filter { !commented.contains($0.key) }.map { ($0.key, $0.value) }
        if let id = survey.legacyDrawingID, let rel = rels.first(where: { $0.id == id }),
           let entry = archive.entry(named: rel.target) {
            if !boxes.isEmpty {
                replaced[entry.lookupKey] = try NotesPartEditor.mergeVML(try archive.contents(of: entry), part: entry.name, notes: boxes)
            }
        } else {
            // No drawing yet: every note of the sheet, old and new, needs its box.
            var all = boxes
            for cell in commented { all.append((cell, Note(""))) }
            var block = 1
            while blocks.contains(block) { block += 1 }
            blocks.insert(block)
            let part = fresh(folder + "drawings/vmlDrawing", ".vml")
            let xml = XMLWriter()
            NotesXML.vml(all, number: block, to: xml)
            newParts.append((part, xml.array))
            vmlDefault = true
            let id = addRelationship(from: sheet.part, type: PartXML.Relation.vmlDrawing, to: part, existing: rels)
            if let prefix = survey.relationshipsPrefix {
                plan.legacyDrawing = (id, prefix)
            } else {
                let prefix = survey.declaredPrefixes.contains("r") ? "rel" : "r"
                plan.legacyDrawing = (id, prefix)
                plan.declarePrefix = prefix
            }
        }
    }

    /// The id blocks (`<o:idmap data>`) the package's legacy drawings claim.
    private func usedDrawingBlocks() throws -> Set<Int> {
        var blocks: Set<Int> = []
        for entry in archive.entries where entry.lookupKey.hasSuffix(".vml") {
            blocks.formUnion(NotesPartEditor.idBlocks(try archive.contents(of: entry)))
        }
        return blocks
    }

    // MARK: Added sheets

    private mutating func planAddedSheets(_ added: [AddedSheet], styles: StylesPartEditor,
                                          workbookRelations: [TemplatePackage.Relationship]) throws {
        guard let entry = archive.entry(named: package.workbookPart) else { throw XLSXError.missingPart(part: package.workbookPart) }
        // Every sheet's name and id, chart sheets included, and how the root names relationships.
        var names: [String] = []
        var largestID = 0
        var rootTag: RawTag?
        try scanPart(archive, entry) { token in
            guard token.kind == .startTag || token.kind == .emptyTag else { return }
            let tag = RawTag(token.bytes)
            if rootTag == nil { rootTag = tag }
            if tag.localName == "sheet" {
                names.append(tag.value("name") ?? "")
                largestID = max(largestID, tag.value("sheetId").flatMap { Int($0) } ?? 0)
            }
        }
        let root = rootTag ?? RawTag(ArraySlice(Array("<workbook>".utf8)))
        let bound = MarkedSheetSurvey.prefix(boundTo: PartXML.relationships, on: root)
        let declare = bound == nil
        let prefix = bound ?? (root.has("xmlns:r") ? "rel" : "r")
        let existingNames = names
        var elements: [UInt8] = []
        for sheet in added {
            try sheet.validate(existing: names)
            names.append(sheet.name)
            largestID += 1
            let part = fresh(folder + "worksheets/sheet", ".xml")
            newParts.append((part, sheet.xml { styles.format(font: $0.font, fill: $0.fill) }))
            overrides.append((part, PartXML.ContentType.worksheet))
            let id = addRelationship(from: package.workbookPart, type: PartXML.Relation.worksheet, to: part, existing: workbookRelations)
            elements.append(contentsOf: Array("<\(root.prefix)sheet name=\"".utf8))
            XMLText.escape(sheet.name, into: &elements)
            elements.append(contentsOf: Array("\" sheetId=\"\(largestID)\" \(prefix):id=\"\(id)\"/>".utf8))
        }
        var rewriter = PartRewriter()
        rewriter.onTag = { tag, stack in
            guard stack.isEmpty, declare else { return .keep }
            var tag = tag
            tag.set("xmlns:" + prefix, PartXML.relationships)
            return .replace(tag)
        }
        rewriter.onEnd = { name, stack in
            name == "sheets" && stack.count == 1 ? elements : []
        }
        rewriters[entry.lookupKey] = rewriter
        try planApplicationProperties(sheets: existingNames, added: added.map(\.name))
    }

    /// The extended properties (`docProps/app.xml`) list the parts of the workbook by name
    /// (`TitlesOfParts`), counted by category (`HeadingPairs`: "Worksheets" and its count, then
    /// named ranges…, in the workbook's language): the added sheets join the category holding
    /// the workbook's sheets, after its last title. Left as it is when it has no such lists, or
    /// when no category holds only sheet names (a list that does not describe this workbook).
    private mutating func planApplicationProperties(sheets: [String], added: [String]) throws {
        guard let rel = try package.relationships(of: "").first(where: { !$0.isExternal && $0.type.hasSuffix("/extended-properties") }),
              let entry = archive.entry(named: rel.target) else { return }
        // Pass one: the categories and their counts, and the titles.
        var categories: [String] = [], counts: [Int] = [], titles: [String] = []
        var section = "", text = "", prefix = ""
        try scanPart(archive, entry) { token in
            switch token.kind {
            case .startTag, .emptyTag:
                let name = RawTag(token.bytes).localName
                if name == "HeadingPairs" || name == "TitlesOfParts" { section = name }
                text = ""
            case .text:
                text += XMLText.decode(token.bytes)
            case .endTag:
                let name = RawTag.localName(ofEnd: token.bytes)
                switch (section, name) {
                case (_, "HeadingPairs"), (_, "TitlesOfParts"): section = ""
                case ("HeadingPairs", "i4"): counts.append(Int(text.filter { !$0.isWhitespace }) ?? -1)
                case ("HeadingPairs", "lpstr"): categories.append(text)
                case ("TitlesOfParts", "lpstr"):
                    titles.append(text)
                    // `</vt:lpstr>`: the qualified name less the local one.
                    let qualified = token.bytes.dropFirst(2).prefix { $0 != UInt8(ascii: ">") && $0 > 0x20 }
                    prefix = String(decoding: qualified.dropLast(name.utf8.count), as: UTF8.self)
                default: break
                }
            case .other:
                break
            }
        }
        // One count per category, each at most the number of titles (so that a hostile one
        // cannot overflow the sum), adding up to the titles.
        guard !counts.isEmpty, categories.count == counts.count, counts.allSatisfy({ $0 >= 0 && $0 <= titles.count }),
              titles.count == counts.reduce(0, +) else { return }
        let sheetNames = Set(sheets)
        var offset = 0
        var category: (index: Int, end: Int)?
        for (i, n) in counts.enumerated() {
            if n > 0, titles[offset..<offset + n].allSatisfy(sheetNames.contains) { category = (i, offset + n); break }
            offset += n
        }
        guard let (index, end) = category else { return }
        var inserted: [UInt8] = []
        for name in added {
            inserted.append(contentsOf: Array("<\(prefix)lpstr>".utf8))
            XMLText.escape(name, into: &inserted)
            inserted.append(contentsOf: Array("</\(prefix)lpstr>".utf8))
        }
        // Pass two: the count, the size of the titles' vector, and the titles.
        var rewriter = PartRewriter()
        var counted = 0, titled = 0
        rewriter.onTag = { tag, stack in
            if tag.localName == "vector", stack.last == "TitlesOfParts" {
                var tag = tag
                tag.set("size", String(titles.count + added.count))
                return .replace(tag)
            }
            if tag.localName == "lpstr", stack.contains("TitlesOfParts") {
                titled += 1
                if titled == end + 1 { return .insertBefore(inserted) }
            }
            return .keep
        }
        rewriter.onText = { value, stack in
            guard stack.last == "i4", stack.contains("HeadingPairs") else { return nil }
            counted += 1
            return counted == index + 1 ? String(counts[index] + added.count) : nil
        }
        rewriter.onEnd = { name, stack in
            name == "vector" && stack.last == "TitlesOfParts" && titled == end ? inserted : []
        }
        rewriters[entry.lookupKey] = rewriter
    }

    // MARK: Package bookkeeping

    /// A part name not in the package yet: `{stem}1{suffix}`, `{stem}2{suffix}`, …
    private mutating func fresh(_ stem: String, _ suffix: String) -> String {
        var n = 1
        while used.contains(ZipEntry.lookupKey(stem + String(n) + suffix)) { n += 1 }
        let name = stem + String(n) + suffix
        used.insert(ZipEntry.lookupKey(name))
        return name
    }

    /// Adds a relationship from `source` to `target` and returns its id.
    @discardableResult
    private mutating func addRelationship(from source: String, type: String, to target: String,
                                          existing: [TemplatePackage.Relationship]) -> String {
        let relsPart = TemplatePackage.relationshipsPart(of: source)
        let key = ZipEntry.lookupKey(relsPart)
        var entry = relationships[key] ?? (relsPart, [])
        let ids = Set(existing.map(\.id)).union(entry.list.map(\.id))
        var n = existing.count + entry.list.count + 1
        while ids.contains("rId\(n)") { n += 1 }
        let id = "rId\(n)"
        entry.list.append(PartRelationship(id: id, type: type, target: Self.relativeTarget(from: source, to: target)))
        relationships[key] = entry
        return id
    }

    /// The target of a relationship from `source` to `target`, relative to the source's folder.
    static func relativeTarget(from source: String, to target: String) -> String {
        let from = source.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    private mutating func planRelationshipParts() {
        for (key, (name, list)) in relationships.sorted(by: { $0.key < $1.key }) {
            func elements(_ namespace: String) -> [UInt8] {
                var bytes: [UInt8] = []
                for r in list {
                    bytes.append(contentsOf: Array("<Relationship\(namespace) Id=\"\(r.id)\" Type=\"\(r.type)\" Target=\"".utf8))
                    XMLText.escape(r.target, into: &bytes)
                    bytes.append(contentsOf: Array("\"/>".utf8))
                }
                return bytes
            }
            if archive.entry(named: name) != nil {
                var rewriter = PartRewriter()
                var namespace = ""
                rewriter.onTag = { tag, stack in
                    // A part whose elements carry a prefix: ours declare the namespace instead.
                    if stack.isEmpty, !tag.prefix.isEmpty { namespace = " xmlns=\"\(PartXML.packageRelationships)\"" }
                    return .keep
                }
                rewriter.onEnd = { name, stack in
                    name == "Relationships" && stack.isEmpty ? elements(namespace) : []
                }
                rewriters[key] = rewriter
            } else {
                used.insert(key)
                newParts.append((name, Array("\(PartXML.declaration)<Relationships xmlns=\"\(PartXML.packageRelationships)\">".utf8)
                    + elements("") + Array("</Relationships>".utf8)))
            }
        }
    }

    private mutating func planContentTypes() {
        guard !overrides.isEmpty || vmlDefault else { return }
        let overrides = overrides
        var needsVML = vmlDefault
        var rewriter = PartRewriter()
        rewriter.onTag = { tag, _ in
            if tag.localName == "Default", tag.value("Extension")?.lowercased() == "vml" { needsVML = false }
            return .keep
        }
        rewriter.onEnd = { name, stack in
            guard name == "Types", stack.isEmpty else { return [] }
            var bytes: [UInt8] = []
            if needsVML {
                bytes.append(contentsOf: Array("<Default Extension=\"vml\" ContentType=\"\(PartXML.ContentType.vml)\"/>".utf8))
            }
            for (part, type) in overrides {
                bytes.append(contentsOf: Array("<Override PartName=\"/".utf8))
                XMLText.escape(part, into: &bytes)
                bytes.append(contentsOf: Array("\" ContentType=\"\(type)\"/>".utf8))
            }
            return bytes
        }
        rewriters["[content_types].xml"] = rewriter
    }
}
