/// How a template is filled.
public struct TemplateFillOptions: Sendable {
    /// What a placeholder with no data becomes.
    public var missing: MissingValuePolicy
    /// Replace an existing output file.
    public var replaceExisting: Bool
    /// Limits for reading the template.
    public var limits: ReadLimits
    /// Stream every worksheet through the rewriter even when nothing in it changes (a check
    /// of the engine: an unchanged sheet must come out with the same bytes).
    public var rewriteAllSheets = false

    /// Options: missing data is an error, an existing output is replaced.
    public init(missing: MissingValuePolicy = .error, replaceExisting: Bool = true, limits: ReadLimits = .default) {
        self.missing = missing
        self.replaceExisting = replaceExisting
        self.limits = limits
    }
}

/// What a fill did to the package.
public struct TemplateFillReport: Sendable, Equatable {
    /// Parts rewritten (sheets, workbook, tables, drawings, charts), in package order.
    public var rewrittenParts: [String] = []
    /// Parts copied byte for byte, compressed data included.
    public var copiedParts: [String] = []
    /// Parts left out (a stale calculation chain).
    public var droppedParts: [String] = []
    /// Rows written to the rewritten sheets.
    public var rowsWritten = 0
}

/// Fills an existing workbook: `{{name}}` placeholders in cells become values, rows between
/// `{{#list}}` and `{{/list}}` marker rows repeat once per item, and everything below moves
/// down — cells, merges, formulas (other sheets' too), defined names, tables, autofilters,
/// validations, conditional formats, hyperlinks, print areas, drawing anchors and chart
/// ranges. Parts that need no change are copied byte for byte; changed sheets are streamed.
/// A workbook without placeholders comes out with every part unchanged.
public enum WorkbookTemplate {
    /// Fills `template` with `data` and writes the result atomically to `output`.
    @discardableResult
    public static func fill(template: String, data: TemplateValue, output: String,
                            options: TemplateFillOptions = TemplateFillOptions()) throws -> TemplateFillReport {
        do {
            let archive = try ZipArchive(path: template, limits: options.limits)
            return try fill(archive: archive, data: data, output: output, options: options)
        } catch let error as XLSXError {
            throw error.located(in: template)
        }
    }

    /// Edits a workbook in place of a template: sets cells, inserts and deletes rows, moving
    /// everything that refers to the rows as a fill does; writes the result to `output`.
    @discardableResult
    public static func edit(workbook: String, edits: WorkbookEdits, output: String,
                            options: TemplateFillOptions = TemplateFillOptions()) throws -> TemplateFillReport {
        do {
            let archive = try ZipArchive(path: workbook, limits: options.limits)
            return try run(archive: archive, data: .object([:]), edits: edits, templates: false, output: output, options: options)
        } catch let error as XLSXError {
            throw error.located(in: workbook)
        }
    }

    /// Fills an opened workbook package, applying `edits` as well.
    public static func fill(archive: ZipArchive, data: TemplateValue, edits: WorkbookEdits = WorkbookEdits(), output: String,
                            options: TemplateFillOptions = TemplateFillOptions()) throws -> TemplateFillReport {
        try run(archive: archive, data: data, edits: edits, templates: true, output: output, options: options)
    }

    /// The fill and the edit: with `templates` false, placeholders and markers are plain text.
    static func run(archive: ZipArchive, data: TemplateValue, edits: WorkbookEdits, templates: Bool, output: String,
                    options: TemplateFillOptions) throws -> TemplateFillReport {
        let package = try TemplatePackage(archive: archive)
        for name in edits.sheets where !package.sheets.contains(where: { $0.name.lowercased() == name }) {
            throw XLSXError.sheetNotFound(name: name, available: package.sheets.map(\.name))
        }
        let root = TemplateScope(frames: [data], index: nil)
        let context = FillContext(sharedStrings: package.sharedStrings, dateStyles: package.dateStyles,
                                  dateSystem: package.dateSystem, policy: options.missing, root: root)
        context.fillsPlaceholders = templates

        // Pass 1: what each sheet holds.
        var surveys: [String: SheetSurvey] = [:]
        var blocks: [String: [TemplateBlock]] = [:]
        var sheetMappings: [String: RowMapping] = [:]
        for sheet in package.sheets {
            guard let entry = archive.entry(named: sheet.part) else { continue }
            var survey = try SheetSurvey(archive: archive, entry: entry, sharedStrings: package.sharedStrings)
            if !templates { survey.markers = []; survey.hasPlaceholders = false }
            surveys[sheet.part] = survey
            let tree = try TemplateBlock.tree(survey.markers, sheet: sheet.name)
            blocks[sheet.part] = tree
            let rowEdits = edits.rowEdits[sheet.name.lowercased()] ?? []
            if !tree.isEmpty && !rowEdits.isEmpty {
                throw XLSXError.invalidOperation("sheet \(sheet.name) has repeated blocks; insert or delete its rows in the template instead")
            }
            let mapping = rowEdits.isEmpty
                ? try RowMapping.build(span: 1...CellReference.maxRows, outFirst: 1, blocks: tree, scope: root,
                                       policy: options.missing, sheet: sheet.name, parent: nil)
                : edits.mapping(sheet.name.lowercased())
            sheetMappings[sheet.part] = mapping
            if !tree.isEmpty || !rowEdits.isEmpty { context.mappings[sheet.name.lowercased()] = mapping }
        }
        let shifting = !context.mappings.isEmpty
        var rewriteSheets: [String: TemplatePackage.Sheet] = [:]
        for sheet in package.sheets {
            guard let survey = surveys[sheet.part] else { continue }
            if options.rewriteAllSheets || edits.sheets.contains(sheet.name.lowercased()) || survey.hasPlaceholders || !(blocks[sheet.part] ?? []).isEmpty || (shifting && survey.hasFormulas) {
                rewriteSheets[sheet.part.lowercased()] = sheet
            }
        }

        // The small parts that follow the rows.
        var smallParts: [String: PartRewriter] = [:]
        var notesParts: [String: (ZipArchive, ZipEntry) throws -> [UInt8]] = [:]
        var dropped: Set<String> = []
        let filling = package.sheets.contains { sheet in
            (surveys[sheet.part]?.hasPlaceholders ?? false) || !(blocks[sheet.part] ?? []).isEmpty
                || edits.sheets.contains(sheet.name.lowercased())
        }
        if filling {
            smallParts[package.workbookPart.lowercased()] = workbookRewriter(context)
            if shifting {
                if let calcChain = package.calcChainPart {
                    dropped.insert(calcChain.lowercased())
                    var rels = PartRewriter()
                    rels.onTag = { tag, _ in
                        tag.localName == "Relationship" && (tag.value("Type") ?? "").hasSuffix("/calcChain") ? .drop : .keep
                    }
                    smallParts[TemplatePackage.relationshipsPart(of: package.workbookPart).lowercased()] = rels
                    var types = PartRewriter()
                    types.onTag = { tag, _ in
                        tag.localName == "Override" && (tag.value("PartName") ?? "").lowercased() == "/" + calcChain.lowercased() ? .drop : .keep
                    }
                    smallParts["[content_types].xml"] = types
                }
                for sheet in package.sheets {
                    guard let mapping = context.mappings[sheet.name.lowercased()] else { continue }
                    for table in try package.targets(of: sheet.part, typeSuffix: "/table") {
                        smallParts[table.lowercased()] = tableRewriter(context, mapping)
                    }
                    for drawing in try package.targets(of: sheet.part, typeSuffix: "/drawing") {
                        smallParts[drawing.lowercased()] = drawingRewriter(mapping)
                    }
                    let tree = blocks[sheet.part] ?? [], name = sheet.name, policy = options.missing
                    let notes = NotesRewriter { row in
                        try mapping.outputRows(of: row, placement: .content, blocks: tree, scope: root, policy: policy, sheet: name)
                    }
                    for comments in try package.targets(of: sheet.part, typeSuffix: "/comments") {
                        notesParts[comments.lowercased()] = notes.rewriteComments
                    }
                    for vml in try package.targets(of: sheet.part, typeSuffix: "/vmlDrawing") {
                        notesParts[vml.lowercased()] = notes.rewriteVML
                    }
                }
                for entry in archive.entries {
                    let name = entry.name.lowercased()
                    if name.hasPrefix("xl/charts/chart") && name.hasSuffix(".xml") {
                        smallParts[name] = chartRewriter(context)
                    } else if name.hasPrefix("xl/pivotcache/pivotcachedefinition") && name.hasSuffix(".xml") {
                        smallParts[name] = pivotRewriter(context)
                    }
                }
            }
        }

        // Pass 2: write the package in its own order.
        var report = TemplateFillReport()
        let writer = try ZipWriter(path: output, replaceExisting: options.replaceExisting)
        do {
            for entry in archive.entries {
                let key = ZipEntry.lookupKey(entry.name)
                if dropped.contains(key) {
                    report.droppedParts.append(entry.name)
                } else if let sheet = rewriteSheets[key], let mapping = sheetMappings[sheet.part] {
                    try writer.beginEntry(entry.name)
                    let rewriter = SheetRewriter(sheet: sheet.name, part: entry.name, context: context,
                                                 blocks: blocks[sheet.part] ?? [], mapping: mapping) { bytes in
                        try writer.write(bytes)
                    }
                    rewriter.cellEdits = edits.cells[sheet.name.lowercased()] ?? [:]
                    try scanPart(archive, entry) { try rewriter.take($0) }
                    try rewriter.finish()
                    try writer.endEntry()
                    report.rowsWritten += rewriter.rowsWritten
                    report.rewrittenParts.append(entry.name)
                } else if let rewriter = smallParts[key] {
                    try writer.addEntry(entry.name, data: try rewriter.rewrite(archive, entry))
                    report.rewrittenParts.append(entry.name)
                } else if let rewrite = notesParts[key] {
                    try writer.addEntry(entry.name, data: try rewrite(archive, entry))
                    report.rewrittenParts.append(entry.name)
                } else {
                    try writer.copyEntry(entry, from: archive)
                    report.copiedParts.append(entry.name)
                }
            }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        return report
    }

    /// workbook.xml: defined names follow the rows, and Excel recalculates on open.
    private static func workbookRewriter(_ context: FillContext) -> PartRewriter {
        var rewriter = PartRewriter()
        var sawCalcPr = false
        // The elements that follow calcPr in the schema's order.
        let after: Set<String> = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                                  "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]
        let calcPr = Array("<calcPr fullCalcOnLoad=\"1\"/>".utf8)
        rewriter.onTag = { tag, stack in
            if tag.localName == "calcPr" {
                sawCalcPr = true
                var tag = tag
                tag.set("fullCalcOnLoad", "1")
                return .replace(tag)
            }
            if !sawCalcPr, stack.count == 1, after.contains(tag.localName) {
                sawCalcPr = true
                return .insertBefore(calcPr)
            }
            return .keep
        }
        rewriter.onText = { text, stack in
            stack.last == "definedName" ? context.shift(text, host: nil, local: nil) : nil
        }
        rewriter.onEnd = { name, stack in
            guard !sawCalcPr, stack.isEmpty, name == "workbook" else { return [] }
            sawCalcPr = true
            return calcPr
        }
        return rewriter
    }

    private static func tableRewriter(_ context: FillContext, _ mapping: RowMapping) -> PartRewriter {
        var rewriter = PartRewriter()
        rewriter.onTag = { tag, _ in
            guard ["table", "autoFilter", "sortState"].contains(tag.localName), let ref = tag.value("ref") else { return .keep }
            var tag = tag
            tag.set("ref", context.shiftRanges(ref, mapping: mapping))
            return .replace(tag)
        }
        return rewriter
    }

    private static func drawingRewriter(_ mapping: RowMapping) -> PartRewriter {
        var rewriter = PartRewriter()
        rewriter.onText = { text, stack in
            guard stack.last == "row", stack.count >= 2, let row = Int(text) else { return nil }
            let anchor = stack[stack.count - 2]
            guard anchor == "from" || anchor == "to" else { return nil }
            guard let mapped = mapping.map(row + 1, anchor == "from" ? .start : .end) else { return nil }
            return String(mapped - 1)
        }
        return rewriter
    }

    private static func chartRewriter(_ context: FillContext) -> PartRewriter {
        var rewriter = PartRewriter()
        rewriter.onText = { text, stack in
            stack.last == "f" ? context.shift(text, host: nil, local: nil, expandSingles: true) : nil
        }
        return rewriter
    }

    private static func pivotRewriter(_ context: FillContext) -> PartRewriter {
        var rewriter = PartRewriter()
        rewriter.onTag = { tag, _ in
            guard tag.localName == "worksheetSource", let ref = tag.value("ref"), let sheet = tag.value("sheet"),
                  let mapping = context.mappings[sheet.lowercased()] else { return .keep }
            var tag = tag
            tag.set("ref", context.shiftRanges(ref, mapping: mapping))
            return .replace(tag)
        }
        return rewriter
    }
}

/// What pass 1 learns of a sheet: its block markers, and whether it holds placeholders or
/// formulas.
struct SheetSurvey {
    var markers: [(row: Int, column: Int, marker: BlockMarker)] = []
    var hasPlaceholders = false
    var hasFormulas = false

    init(archive: ZipArchive, entry: ZipEntry, sharedStrings: [String]) throws {
        var parser = SheetRowParser(part: entry.name)
        try scanPart(archive, entry) { token in
            guard case let .row(row) = try parser.take(token) else { return }
            for cell in row.cells {
                if cell.formula != nil { hasFormulas = true }
                guard let text = cell.text(sharedStrings: sharedStrings), text.utf8.count >= 4 else { continue }
                if let marker = BlockMarker(text) {
                    markers.append((row.number, cell.column, marker))
                } else if TemplateTextPiece.parse(text) != nil {
                    hasPlaceholders = true
                }
            }
        }
    }
}
