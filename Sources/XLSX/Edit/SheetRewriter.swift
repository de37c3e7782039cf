/// What every rewritten part of one fill shares: the workbook's strings and styles, the data,
/// and where the rows of each sheet go.
final class FillContext {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let dateSystem: DateSystem
    let policy: MissingValuePolicy
    let root: TemplateScope
    /// False when editing: `{{…}}` is plain text.
    var fillsPlaceholders = true
    /// The whole-sheet row mapping of every sheet that moves rows, by lower-cased name.
    var mappings: [String: RowMapping] = [:]

    init(sharedStrings: [String], dateStyles: Set<Int>, dateSystem: DateSystem, policy: MissingValuePolicy, root: TemplateScope) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.dateSystem = dateSystem
        self.policy = policy
        self.root = root
    }

    /// Rewrites the references of a formula: references to `host` (or with no sheet) go through
    /// `local`, references to other sheets through their own mapping.
    /// With `expandSingles`, a lone cell inside a block stands for the whole list (a chart
    /// series over one template row).
    func shift(_ formula: String, host: String?, local: RowMapping?, expandSingles: Bool = false) -> String {
        if mappings.isEmpty { return formula }
        return FormulaReferences.rewrite(formula) { shift(&$0, host: host, local: local, expandSingles: expandSingles) }
    }

    /// Moves one reference as ``shift(_:host:local:expandSingles:)`` does; false when it is gone.
    func shift(_ reference: inout FormulaReference, host: String?, local: RowMapping?, expandSingles: Bool = false) -> Bool {
        if reference.isExternal { return true }
        let mapping: RowMapping?
        if let sheet = reference.sheet {
            if let host, sheet.lowercased() == host.lowercased(), let local { mapping = local } else { mapping = mappings[sheet.lowercased()] }
        } else {
            mapping = local
        }
        guard let mapping, let low = reference.first.row else { return true }
        if var second = reference.second, let high = second.row {
            guard let (a, b) = mapping.map(rows: min(low, high), max(low, high)) else { return false }
            if low <= high { reference.first.row = a; second.row = b } else { reference.first.row = b; second.row = a }
            reference.second = second
            return true
        }
        if expandSingles, let (a, b) = mapping.map(rows: low, low), a != b {
            reference.first.row = a
            var second = reference.first
            second.row = b
            reference.second = second
            return true
        }
        guard let row = mapping.map(low, .single) else { return false }
        reference.first.row = row
        return true
    }

    /// Maps a space-separated list of ranges (`sqref`), dropping those that disappear.
    func shiftRanges(_ list: String, mapping: RowMapping) -> String {
        list.split(separator: " ").compactMap { item -> String? in
            guard let range = CellRange(String(item)) else { return String(item) }
            guard let (a, b) = mapping.map(rows: range.start.row + 1, range.end.row + 1) else { return nil }
            return CellRange(CellReference(unchecked: a - 1, range.start.column), CellReference(unchecked: b - 1, range.end.column)).description
        }.joined(separator: " ")
    }
}

/// Rewrites one worksheet as it streams: rows outside blocks move down, block rows are copied
/// once per item, placeholders become values, formulas and ranges follow the rows; everything
/// else is copied as it was written.
final class SheetRewriter {
    let sheet: String
    let part: String
    let context: FillContext
    let blocks: [TemplateBlock]
    let mapping: RowMapping
    var out: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    private var parser: SheetRowParser
    private var pending: [SourceRow] = []
    private var pendingBlock: TemplateBlock?
    var sharedFormulas: [String: (text: String, row: Int, column: Int)] = [:]

    /// Turns a cell of a shared formula into a cell with its own formula: the master's text is
    /// remembered, a follower gets the master's formula translated to its place, and the
    /// sharing attributes go.
    func unshare(_ formula: inout String, _ formulaTag: inout RawTag, row: Int, column: Int) {
        guard formulaTag.value("t") == "shared", let si = formulaTag.value("si") else { return }
        if formulaTag.value("ref") != nil, !formula.isEmpty {
            sharedFormulas[si] = (formula, row, column)
        } else if let master = sharedFormulas[si] {
            formula = FormulaReferences.translate(master.text, rows: row - master.row, columns: column - master.column)
        }
        formulaTag.remove("t"); formulaTag.remove("si"); formulaTag.remove("ref")
    }
    /// The compiled template rows of block copies, by source row.
    var rowPlans: [Int: RowPlan] = [:]
    /// Every copy of every block body: the body's source rows and the copy's mapping.
    private var copies: [(body: ClosedRange<Int>, mapping: RowMapping, depth: Int)] = []
    /// The `<mergeCell>` elements to write, and how many.
    private var merges: [UInt8] = []
    private var mergeCount = 0
    private var inMergeCells = false
    private var mergeTag: RawTag?
    private var formulaElement: (tag: RawTag, text: [UInt8])?
    /// An `<xm:sqref>` of an extension (x14 conditional format or validation) being collected.
    private var sqrefElement: (tag: RawTag, text: [UInt8])?
    /// Rows written so far.
    private(set) var rowsWritten = 0
    /// Values to set, by source row and zero-based column.
    var cellEdits: [Int: [Int: TemplateValue]] = [:]
    private lazy var editRows: [Int] = cellEdits.keys.sorted()
    private var nextEditRow = 0
    private var elementPrefix = ""

    init(sheet: String, part: String, context: FillContext, blocks: [TemplateBlock], mapping: RowMapping,
         sink: @escaping ([UInt8]) throws -> Void) {
        self.sheet = sheet
        self.part = part
        self.context = context
        self.blocks = blocks
        self.mapping = mapping
        self.sink = sink
        self.parser = SheetRowParser(part: part)
        out.reserveCapacity(1 << 18)
    }

    /// Takes the next token of the source sheet.
    func take(_ token: XMLTokenScanner.Token) throws {
        switch try parser.take(token) {
        case .consumed: return
        case let .row(row): try takeRow(row)
        case .passThrough: try passThrough(token)
        }
        if out.count >= 1 << 18 { try flush() }
    }

    /// Writes what is left.
    func finish() throws {
        if let block = pendingBlock {
            throw XLSXError.invalidTemplate(sheet: sheet, cell: "A\(block.open)", message: "the block's closing row is missing")
        }
        try flush()
    }

    private func flush() throws {
        if !out.isEmpty { try sink(out); out.removeAll(keepingCapacity: true) }
    }

    // MARK: Rows

    private func takeRow(_ row: SourceRow) throws {
        elementPrefix = row.tag.prefix
        try writeNewRows(before: row.number)
        if nextEditRow < editRows.count, editRows[nextEditRow] == row.number { nextEditRow += 1 }
        if let block = pendingBlock {
            pending.append(row)
            if row.number >= block.close {
                pendingBlock = nil
                try expand(block, rows: pending, mapping: mapping, scope: context.root, depth: 0)
                pending.removeAll()
            }
            return
        }
        if let block = blocks.first(where: { $0.open <= row.number && row.number <= $0.close }) {
            if row.number == block.close {
                try expand(block, rows: [row], mapping: mapping, scope: context.root, depth: 0)
            } else {
                pendingBlock = block
                pending = [row]
            }
            return
        }
        try emit(row, mapping: mapping, scope: context.root)
    }

    /// Writes the rows that only edits create, up to (not including) `limit`.
    private func writeNewRows(before limit: Int) throws {
        while nextEditRow < editRows.count, editRows[nextEditRow] < limit {
            let number = editRows[nextEditRow]
            nextEditRow += 1
            let p = elementPrefix
            try emit(SourceRow(tag: RawTag(ArraySlice(Array("<\(p)row r=\"\(number)\">".utf8))), number: number),
                     mapping: mapping, scope: context.root)
        }
    }

    /// Writes the copies of a block for each item of its list.
    private func expand(_ block: TemplateBlock, rows: [SourceRow], mapping: RowMapping, scope: TemplateScope, depth: Int) throws {
        guard let segment = mapping.segments.first(where: { $0.open == block.open }) else { return }
        guard let body = block.body else { return }
        let bodyRows = rows.filter { body.contains($0.number) }
        var next = segment.outStart
        for item in try block.items(in: scope, policy: context.policy, sheet: sheet) {
            let copy = try RowMapping.build(span: body, outFirst: next, blocks: block.children, scope: item,
                                            policy: context.policy, sheet: sheet, parent: mapping)
            copies.append((body, copy, depth))
            try emitSpan(bodyRows, blocks: block.children, mapping: copy, scope: item, depth: depth + 1)
            next += try block.bodyCount(item, policy: context.policy, sheet: sheet)
        }
    }

    private func emitSpan(_ rows: [SourceRow], blocks: [TemplateBlock], mapping: RowMapping, scope: TemplateScope, depth: Int) throws {
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if let block = blocks.first(where: { $0.open <= row.number && row.number <= $0.close }) {
                var group: [SourceRow] = []
                while i < rows.count, rows[i].number <= block.close { group.append(rows[i]); i += 1 }
                try expand(block, rows: group, mapping: mapping, scope: scope, depth: depth)
                continue
            }
            try emit(row, mapping: mapping, scope: scope)
            i += 1
        }
    }

    private func emit(_ row: SourceRow, mapping: RowMapping, scope: TemplateScope) throws {
        guard let number = mapping.map(row.number, .single) else { return }
        rowsWritten += 1
        if scope.isBlank {
            writeBlank(row, number: number)
            return
        }
        if mapping !== self.mapping, number != row.number, context.fillsPlaceholders {
            // A block's copy: the row compiled once, written many times.
            let plan: RowPlan
            if let compiled = rowPlans[row.number] { plan = compiled } else { plan = compile(row); rowPlans[row.number] = plan }
            try emit(plan, row: number, mapping: mapping, scope: scope)
            return
        }
        var tag = row.tag
        if tag.value("r") != nil || number != row.number { tag.set("r", String(number)) }
        if row.cells.isEmpty && tag.isEmpty && (mapping !== self.mapping || cellEdits[row.number] == nil) {
            tag.write(into: &out)
            return
        }
        tag.isEmpty = false
        tag.write(into: &out)
        var edits = mapping === self.mapping ? cellEdits[row.number] ?? [:] : [:]
        func writeEdits(before column: Int) {
            for col in edits.keys.sorted() where col < column {
                let ref = CellReference.columnName(col) + String(number)
                writeTyped(RawTag(ArraySlice(Array("<\(row.tag.prefix)c r=\"\(ref)\"/>".utf8))), edits[col]!)
                edits[col] = nil
            }
        }
        for cell in row.cells {
            out.append(contentsOf: cell.leading)
            writeEdits(before: cell.column)
            if let value = edits.removeValue(forKey: cell.column) {
                var tag = cell.tag
                tag.set("r", CellReference.columnName(cell.column) + String(number))
                writeTyped(tag, value)
                continue
            }
            try emit(cell, sourceRow: row.number, row: number, mapping: mapping, scope: scope)
        }
        writeEdits(before: CellReference.maxColumns)
        out.append(contentsOf: row.trailing)
        out.append(contentsOf: tag.closingTag)
    }

    /// Writes the row of an empty list's blank copy: its cells keep their styles, not their
    /// values or formulas.
    private func writeBlank(_ row: SourceRow, number: Int) {
        var tag = row.tag
        tag.set("r", String(number))
        if row.cells.isEmpty {
            tag.write(into: &out)
            return
        }
        tag.isEmpty = false
        tag.write(into: &out)
        for cell in row.cells {
            out.append(contentsOf: cell.leading)
            var cellTag = cell.tag
            if cellTag.has("r") { cellTag.set("r", CellReference.columnName(cell.column) + String(number)) }
            for attribute in ["t", "cm", "vm"] { cellTag.remove(attribute) }
            cellTag.isEmpty = true
            cellTag.write(into: &out)
        }
        out.append(contentsOf: row.trailing)
        out.append(contentsOf: tag.closingTag)
    }

    // MARK: Cells

    func emit(_ cell: SourceCell, sourceRow: Int, row: Int, mapping: RowMapping, scope: TemplateScope) throws {
        var tag = cell.tag
        let ref = CellReference.columnName(cell.column) + String(row)
        if row != sourceRow, tag.value("r") != nil { tag.set("r", ref) }
        if context.fillsPlaceholders, let pieces = placeholderPieces(cell) {
            try emitFilled(&tag, pieces: pieces, ref: ref, scope: scope)
            return
        }
        if var formula = cell.formula, var formulaTag = cell.formulaTag {
            if mapping.isIdentity && context.mappings.isEmpty {
                // Nothing moves: the formula and its cached value stay as written.
                tag.write(into: &out)
                out.append(contentsOf: cell.inner)
                out.append(contentsOf: tag.closingTag)
                return
            }
            unshare(&formula, &formulaTag, row: sourceRow, column: cell.column)
            if let arrayRef = formulaTag.value("ref") {
                formulaTag.set("ref", context.shiftRanges(arrayRef, mapping: mapping))
            }
            formula = context.shift(formula, host: sheet, local: mapping)
            if cell.type != "s" && cell.type != "inlineStr" { tag.remove("t") }
            tag.isEmpty = false
            tag.write(into: &out)
            formulaTag.isEmpty = formula.isEmpty
            formulaTag.write(into: &out)
            if !formula.isEmpty {
                XMLText.escape(formula, into: &out)
                out.append(contentsOf: formulaTag.closingTag)
            }
            out.append(contentsOf: tag.closingTag)
            return
        }
        tag.write(into: &out)
        if !tag.isEmpty {
            out.append(contentsOf: cell.inner)
            out.append(contentsOf: tag.closingTag)
        }
    }

    /// The placeholder pieces of a cell's text, parsed once per source cell.
    func placeholderPieces(_ cell: SourceCell) -> [TemplateTextPiece]? {
        if cell.type == "s", let index = cell.value.flatMap({ Int($0) }) {
            if let cached = sharedPieces[index] { return cached }
            let pieces = cell.text(sharedStrings: context.sharedStrings).flatMap(TemplateTextPiece.parse)
            sharedPieces[index] = .some(pieces)
            return pieces
        }
        return cell.text(sharedStrings: context.sharedStrings).flatMap(TemplateTextPiece.parse)
    }

    private var sharedPieces: [Int: [TemplateTextPiece]?] = [:]

    private func emitFilled(_ tag: inout RawTag, pieces: [TemplateTextPiece], ref: String, scope: TemplateScope) throws {
        func value(_ name: String) throws -> TemplateValue {
            if let v = scope.lookup(name) { return v }
            if context.policy == .empty { return .null }
            throw XLSXError.missingTemplateValue(sheet: sheet, cell: ref, name: name)
        }
        tag.isEmpty = false
        if pieces.count == 1, case let .placeholder(name) = pieces[0] {
            writeTyped(tag, try value(name))
            return
        }
        var text = ""
        for piece in pieces {
            switch piece {
            case let .literal(s): text += s
            case let .placeholder(name): text += try value(name).text
            }
        }
        writeInline(tag, text)
    }

    /// Writes a cell holding `value`, typed: numbers, booleans, dates for date-formatted cells.
    private func writeTyped(_ tag: RawTag, _ value: TemplateValue) {
        var tag = tag
        tag.isEmpty = false
        switch value {
        case .null:
            tag.remove("t")
            tag.isEmpty = true
            tag.write(into: &out)
        case let .number(n):
            tag.remove("t")
            writeValue(tag, TemplateValue.format(n))
        case let .bool(b):
            tag.set("t", "b")
            writeValue(tag, b ? "1" : "0")
        case let .string(s):
            if let style = tag.value("s").flatMap(Int.init), context.dateStyles.contains(style),
               let serial = TemplateDates.serial(s, system: context.dateSystem) {
                tag.remove("t")
                writeValue(tag, TemplateValue.format(serial))
            } else {
                writeInline(tag, s)
            }
        case let other:
            writeInline(tag, other.text)
        }
    }

    private func writeValue(_ tag: RawTag, _ value: String) {
        let p = tag.prefix
        tag.write(into: &out)
        out.append(contentsOf: "<\(p)v>\(value)</\(p)v>".utf8)
        out.append(contentsOf: tag.closingTag)
    }

    private func writeInline(_ tag: RawTag, _ text: String) {
        var tag = tag
        if text.isEmpty {
            tag.remove("t")
            tag.isEmpty = true
            tag.write(into: &out)
            return
        }
        let p = tag.prefix
        tag.set("t", "inlineStr")
        tag.write(into: &out)
        out.append(contentsOf: "<\(p)is><\(p)t xml:space=\"preserve\">".utf8)
        XMLText.escapeCellText(text, into: &out)
        out.append(contentsOf: "</\(p)t></\(p)is>".utf8)
        out.append(contentsOf: tag.closingTag)
    }

    // MARK: Everything outside rows

    private func passThrough(_ token: XMLTokenScanner.Token) throws {
        if token.kind == .endTag, nextEditRow < editRows.count, RawTag.localName(ofEnd: token.bytes) == "sheetData" {
            try writeNewRows(before: Int.max)
        }
        if let element = formulaElement {
            if token.kind == .endTag {
                let shifted = context.shift(XMLText.decode(element.text[...]), host: sheet, local: mapping)
                element.tag.write(into: &out)
                XMLText.escape(shifted, into: &out)
                out.append(contentsOf: token.bytes)
                formulaElement = nil
            } else {
                formulaElement!.text.append(contentsOf: token.bytes)
            }
            return
        }
        if let element = sqrefElement {
            if token.kind == .endTag {
                let shifted = context.shiftRanges(XMLText.decode(element.text[...]), mapping: mapping)
                element.tag.write(into: &out)
                XMLText.escape(shifted.isEmpty ? "A1" : shifted, into: &out)
                out.append(contentsOf: token.bytes)
                sqrefElement = nil
            } else {
                sqrefElement!.text.append(contentsOf: token.bytes)
            }
            return
        }
        if mapping.isIdentity && copies.isEmpty && context.mappings.isEmpty {
            out.append(contentsOf: token.bytes)
            return
        }
        switch token.kind {
        case .startTag, .emptyTag:
            var tag = RawTag(token.bytes)
            switch tag.localName {
            case "dimension":
                if let ref = tag.value("ref") { tag.set("ref", context.shiftRanges(ref, mapping: mapping)) }
            case "mergeCells":
                inMergeCells = true
                mergeTag = tag
                return
            case "mergeCell":
                if let ref = tag.value("ref") {
                    let open = Array("<\(tag.prefix)mergeCell ref=\"".utf8)
                    func add(_ write: (inout [UInt8]) -> Void) {
                        merges.append(contentsOf: open)
                        write(&merges)
                        merges.append(contentsOf: [0x22, 0x2F, 0x3E])  // "/>
                        mergeCount += 1
                    }
                    if let ranges = shiftCopied(ref) {
                        for range in ranges { add { range.write(into: &$0) } }
                    } else {
                        add { XMLText.escape(ref, into: &$0) }
                    }
                }
                return
            case "rowBreaks" where token.kind == .startTag:
                rowBreaks = (tag, [:])
                return
            case "brk" where rowBreaks != nil:
                try moveBreak(tag)
                return
            case "conditionalFormatting", "dataValidation":
                if let sqref = tag.value("sqref") {
                    let shifted = context.shiftRanges(sqref, mapping: mapping)
                    tag.set("sqref", shifted.isEmpty ? "A1" : shifted)
                }
            case "formula", "formula1", "formula2", "f":
                // `f` outside the rows is an extension's formula (`<xm:f>` of an x14 rule).
                if token.kind == .startTag {
                    formulaElement = (tag, [])
                    return
                }
            case "sqref":
                // The ranges of an extension's rule (`<xm:sqref>`), as the sqref attribute elsewhere.
                if token.kind == .startTag {
                    sqrefElement = (tag, [])
                    return
                }
            case "autoFilter":
                if let ref = tag.value("ref") { tag.set("ref", context.shiftRanges(ref, mapping: mapping)) }
            case "hyperlink":
                if let ref = tag.value("ref") {
                    for shifted in shiftCopied(ref)?.map(\.description) ?? [ref] {
                        var copy = tag
                        copy.set("ref", shifted)
                        var bytes: [UInt8] = []
                        copy.write(into: &bytes)
                        if token.kind == .startTag { bytes.append(contentsOf: copy.closingTag) }
                        out.append(contentsOf: bytes)
                    }
                    if token.kind == .startTag { skipHyperlinkEnd = true }
                    return
                }
            default:
                break
            }
            tag.write(into: &out)
        case .endTag:
            let name = RawTag.localName(ofEnd: token.bytes)
            if name == "mergeCells", inMergeCells, var tag = mergeTag {
                inMergeCells = false
                if mergeCount > 0 {
                    tag.set("count", String(mergeCount))
                    tag.write(into: &out)
                    out.append(contentsOf: merges)
                    out.append(contentsOf: token.bytes)
                }
                return
            }
            if name == "hyperlink", skipHyperlinkEnd { skipHyperlinkEnd = false; return }
            if name == "rowBreaks", let (tag, breaks) = rowBreaks {
                rowBreaks = nil
                writeRowBreaks(tag, breaks, end: token.bytes)
                return
            }
            out.append(contentsOf: token.bytes)
        case .text:
            if inMergeCells || rowBreaks != nil { return }
            out.append(contentsOf: token.bytes)
        case .other:
            out.append(contentsOf: token.bytes)
        }
    }

    private var skipHyperlinkEnd = false
    /// The `<rowBreaks>` tag and its moved breaks (`<brk id>`: the break falls below row `id`).
    private var rowBreaks: (tag: RawTag, breaks: [Int: RawTag])?

    /// A page break follows the boundary below its row: once per copy inside a block.
    private func moveBreak(_ tag: RawTag) throws {
        guard let id = tag.value("id").flatMap(Int.init), id >= 1 else { return }
        for row in try mapping.outputRows(of: id, placement: .boundaryAfter, blocks: blocks, scope: context.root,
                                          policy: context.policy, sheet: sheet) where row >= 1 && rowBreaks!.breaks[row] == nil {
            var moved = tag
            if row != id { moved.set("id", String(row)) }
            rowBreaks!.breaks[row] = moved
        }
    }

    /// Writes `<rowBreaks>` with its breaks in order and its counts set; nothing when none is left.
    private func writeRowBreaks(_ tag: RawTag, _ breaks: [Int: RawTag], end: ArraySlice<UInt8>) {
        guard !breaks.isEmpty else { return }
        var tag = tag
        if tag.has("count") { tag.set("count", String(breaks.count)) }
        if tag.has("manualBreakCount") {
            tag.set("manualBreakCount", String(breaks.values.filter { ["1", "true"].contains($0.value("man") ?? "") }.count))
        }
        tag.write(into: &out)
        for row in breaks.keys.sorted() { breaks[row]!.write(into: &out) }
        out.append(contentsOf: end)
    }

    /// Maps a range: once per copy when it lies inside a block body, else through the sheet's
    /// mapping. Ranges on marker rows disappear.
    private func shiftCopied(_ ref: String) -> [CellRange]? {
        guard let range = CellRange(ref) else { return nil }
        let low = range.start.row + 1, high = range.end.row + 1
        func text(_ a: Int, _ b: Int) -> CellRange {
            CellRange(CellReference(unchecked: a - 1, range.start.column), CellReference(unchecked: b - 1, range.end.column))
        }
        let containing = copies.filter { $0.body.contains(low) && $0.body.contains(high) }
        if let deepest = containing.map(\.depth).max() {
            return containing.filter { $0.depth == deepest }.compactMap { copy in
                // The copy's own rows only: a nested block's rows inside it are mapped by its copies.
                guard let a = copy.mapping.map(low, .single), let b = copy.mapping.map(high, .single) else { return nil }
                return text(a, b)
            }
        }
        if isOnMarkerRow(low, high, blocks) { return [] }
        guard let (a, b) = mapping.map(rows: low, high) else { return [] }
        return [text(a, b)]
    }

    private func isOnMarkerRow(_ low: Int, _ high: Int, _ blocks: [TemplateBlock]) -> Bool {
        for block in blocks {
            if (low...high).contains(block.open) || (low...high).contains(block.close) {
                if low >= block.open && high <= block.close { return true }
            }
            if isOnMarkerRow(low, high, block.children) { return true }
        }
        return false
    }
}
