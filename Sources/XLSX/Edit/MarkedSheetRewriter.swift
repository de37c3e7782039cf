/// What a worksheet says about the cells about to be marked, read before it is rewritten:
/// the cell format each of them shows now (its own, else its row's, else its column's), its
/// legacy drawing, and the prefix its root binds to the relationships namespace.
struct MarkedSheetSurvey {
    /// The current format of each wanted cell, by one-based row and zero-based column.
    var formats: [Int: [Int: Int]] = [:]
    /// `r:id` of `<legacyDrawing>`, when the sheet has one.
    var legacyDrawingID: String?
    /// The prefix bound to the relationships namespace on the root, when there is one.
    var relationshipsPrefix: String?
    /// The prefixes the root declares.
    var declaredPrefixes: Set<String> = []

    /// Reads the sheet in `entry`, looking for the cells in `wanted` (one-based row → columns).
    init(archive: ZipArchive, entry: ZipEntry, wanted: [Int: Set<Int>]) throws {
        var parser = SheetRowParser(part: entry.name)
        var columnStyles: [(min: Int, max: Int, style: Int)] = []
        var sawRoot = false
        var seen: Set<Int> = []
        func columnStyle(_ column: Int) -> Int {
            columnStyles.first { $0.min <= column + 1 && column + 1 <= $0.max }?.style ?? 0
        }
        try scanPart(archive, entry) { token in
            switch try parser.take(token) {
            case .consumed: return
            case let .row(row):
                guard let columns = wanted[row.number] else { return }
                seen.insert(row.number)
                let custom = row.tag.value("customFormat").map { $0 == "1" || $0 == "true" } ?? false
                let rowStyle = custom ? row.tag.value("s").flatMap { Int($0) } : nil
                var found: [Int: Int] = [:]
                for cell in row.cells where columns.contains(cell.column) {
                    found[cell.column] = cell.tag.value("s").flatMap { Int($0) } ?? 0
                }
                for column in columns {
                    formats[row.number, default: [:]][column] = found[column] ?? rowStyle ?? columnStyle(column)
                }
            case .passThrough:
                guard token.kind == .startTag || token.kind == .emptyTag else { return }
                let tag = RawTag(token.bytes)
                if !sawRoot {
                    sawRoot = true
                    relationshipsPrefix = MarkedSheetSurvey.prefix(boundTo: PartXML.relationships, on: tag)
                    declaredPrefixes = Set(tag.attributes.filter { $0.name.hasPrefix("xmlns:") }.map { String($0.name.dropFirst(6)) })
                } else if tag.localName == "col", let low = tag.value("min").flatMap({ Int($0) }),
                          let high = tag.value("max").flatMap({ Int($0) }), let style = tag.value("style").flatMap({ Int($0) }) {
                    columnStyles.append((low, high, style))
                } else if tag.localName == "legacyDrawing" {
                    legacyDrawingID = tag.attributes.first { $0.name.hasSuffix(":id") }.map { XMLText.decode($0.raw) }
                }
            }
        }
        for (row, columns) in wanted where !seen.contains(row) {
            for column in columns { formats[row, default: [:]][column] = columnStyle(column) }
        }
    }

    /// The prefix a tag's attributes bind to `namespace` (`r` for `xmlns:r="…"`).
    static func prefix(boundTo namespace: String, on tag: RawTag) -> String? {
        tag.attributes.first { $0.name.hasPrefix("xmlns:") && XMLText.decode($0.raw) == namespace }
            .map { String($0.name.dropFirst(6)) }
    }
}

/// Rewrites a worksheet as it streams, giving chosen cells a new cell format (`s`): a cell
/// that is not there is created in its place in the row, a row that is not there in its place
/// in `<sheetData>`. It can also add a `<legacyDrawing>` (the notes' drawing) where
/// `CT_Worksheet` wants it. Every other byte is copied as written.
final class MarkedSheetRewriter {
    /// The new format of each cell, by one-based row and zero-based column.
    private let formats: [Int: [Int: Int]]
    private let rows: [Int]
    /// The rectangle holding every marked cell, which `<dimension>` must take in.
    private var markedBounds: CellRange?
    private var nextRow = 0
    /// `r:id` of a `<legacyDrawing>` to add, and the prefix bound to the relationships namespace.
    private var legacyDrawing: (id: String, prefix: String)?
    /// Declares the relationships namespace on the root with this prefix.
    private let declarePrefix: String?
    private var parser: SheetRowParser
    private var depth = 0
    private var rootPrefix = ""
    private var rowPrefix = ""
    private var addedRows = 0
    private var out: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void

    /// The elements of `CT_Worksheet` that follow `<legacyDrawing>`.
    private static let afterLegacyDrawing: Set<String> = [
        "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst", "AlternateContent",
    ]

    init(part: String, formats: [Int: [Int: Int]], legacyDrawing: (id: String, prefix: String)?, declarePrefix: String?,
         sink: @escaping ([UInt8]) throws -> Void) {
        self.formats = formats
        self.rows = formats.keys.sorted()
        let columns = formats.values.flatMap(\.keys)
        if let top = rows.first, let bottom = rows.last, let left = columns.min(), let right = columns.max() {
            markedBounds = CellRange(CellReference(unchecked: top - 1, left), CellReference(unchecked: bottom - 1, right))
        }
        self.legacyDrawing = legacyDrawing
        self.declarePrefix = declarePrefix
        self.parser = SheetRowParser(part: part)
        self.sink = sink
        out.reserveCapacity(1 << 18)
    }

    /// Takes the next token of the source sheet.
    func take(_ token: XMLTokenScanner.Token) throws {
        switch try parser.take(token) {
        case .consumed: return
        case let .row(row):
            rowPrefix = row.tag.prefix
            writeNewRows(before: row.number)
            emit(row)
        case .passThrough: passThrough(token)
        }
        if out.count >= 1 << 18 { try flush() }
    }

    /// Writes what is left.
    func finish() throws { try flush() }

    private func flush() throws {
        if !out.isEmpty { try sink(out); out.removeAll(keepingCapacity: true) }
    }

    private func passThrough(_ token: XMLTokenScanner.Token) {
        switch token.kind {
        case .startTag, .emptyTag:
            var tag = RawTag(token.bytes)
            if depth == 0 {
                rootPrefix = tag.prefix
                if let p = declarePrefix { tag.set("xmlns:" + p, PartXML.relationships) }
                tag.write(into: &out)
                if token.kind == .startTag { depth += 1 }
                return
            }
            if depth == 1 {
                if tag.localName == "dimension", let bounds = markedBounds,
                   let ref = tag.value("ref"), let used = CellRange(ref) {
                    // The used range the sheet declares takes in the cells that marks create.
                    let widened = CellRange(CellReference(unchecked: min(used.start.row, bounds.start.row), min(used.start.column, bounds.start.column)),
                                            CellReference(unchecked: max(used.end.row, bounds.end.row), max(used.end.column, bounds.end.column)))
                    if widened != used { tag.set("ref", widened.description) }
                    tag.write(into: &out)
                    if token.kind == .startTag { depth += 1 }
                    return
                }
                if tag.localName == "legacyDrawing", let (id, _) = legacyDrawing,
                   let attribute = tag.attributes.first(where: { $0.name.hasSuffix(":id") }) {
                    // One whose drawing is missing: it points to the new drawing instead.
                    legacyDrawing = nil
                    tag.set(attribute.name, id)
                    tag.write(into: &out)
                    return
                }
                if Self.afterLegacyDrawing.contains(tag.localName) { writeLegacyDrawing() }
                if tag.localName == "sheetData" {
                    rowPrefix = tag.prefix
                    if token.kind == .emptyTag, nextRow < rows.count {
                        tag.isEmpty = false
                        tag.write(into: &out)
                        writeNewRows(before: Int.max)
                        out.append(contentsOf: tag.closingTag)
                        return
                    }
                }
            }
            out.append(contentsOf: token.bytes)
            if token.kind == .startTag { depth += 1 }
        case .endTag:
            depth -= 1
            if depth == 1, RawTag.localName(ofEnd: token.bytes) == "sheetData" { writeNewRows(before: Int.max) }
            if depth == 0 { writeLegacyDrawing() }
            out.append(contentsOf: token.bytes)
        default:
            out.append(contentsOf: token.bytes)
        }
    }

    private func writeLegacyDrawing() {
        guard let (id, prefix) = legacyDrawing else { return }
        legacyDrawing = nil
        out.append(contentsOf: Array("<\(rootPrefix)legacyDrawing \(prefix):id=\"".utf8))
        XMLText.escape(id, into: &out)
        out.append(contentsOf: Array("\"/>".utf8))
    }

    /// Writes the rows that only marks create, up to (not including) `limit`.
    private func writeNewRows(before limit: Int) {
        while nextRow < rows.count, rows[nextRow] < limit {
            let number = rows[nextRow]
            nextRow += 1
            addedRows += 1
            out.append(contentsOf: Array("<\(rowPrefix)row r=\"\(number)\">".utf8))
            for (column, format) in formats[number]!.sorted(by: { $0.key < $1.key }) { writeNewCell(column, number, format) }
            out.append(contentsOf: Array("</\(rowPrefix)row>".utf8))
        }
    }

    private func writeNewCell(_ column: Int, _ row: Int, _ format: Int) {
        out.append(contentsOf: Array("<\(rowPrefix)c r=\"\(CellReference.columnName(column))\(row)\" s=\"\(format)\"/>".utf8))
    }

    private func emit(_ row: SourceRow) {
        var tag = row.tag
        let marks = formats[row.number]
        if marks != nil, nextRow < rows.count, rows[nextRow] == row.number { nextRow += 1 }
        // A row without `r` follows the one before it: once a row was added, say where it is.
        if !tag.has("r") && (addedRows > 0 || marks != nil) { tag.set("r", String(row.number)) }
        guard let marks else {
            tag.write(into: &out)
            if !tag.isEmpty { writeCells(row, marks: [:]) }
            return
        }
        // `spans` is a hint of the columns used: drop it rather than let a new cell fall outside.
        if marks.keys.contains(where: { column in !row.cells.contains { $0.column == column } }) { tag.remove("spans") }
        tag.isEmpty = false
        tag.write(into: &out)
        writeCells(row, marks: marks)
    }

    private func writeCells(_ row: SourceRow, marks: [Int: Int]) {
        var missing = marks.filter { mark in !row.cells.contains { $0.column == mark.key } }.sorted { $0.key < $1.key }[...]
        for cell in row.cells {
            out.append(contentsOf: cell.leading)
            while let next = missing.first, next.key < cell.column {
                writeNewCell(next.key, row.number, next.value)
                missing.removeFirst()
            }
            var tag = cell.tag
            if let format = marks[cell.column] { tag.set("s", String(format)) }
            if !marks.isEmpty, !tag.has("r") { tag.set("r", CellReference.columnName(cell.column) + String(row.number)) }
            tag.write(into: &out)
            if !tag.isEmpty {
                out.append(contentsOf: cell.inner)
                out.append(contentsOf: tag.closingTag)
            }
        }
        for (column, format) in missing { writeNewCell(column, row.number, format) }
        out.append(contentsOf: row.trailing)
        out.append(contentsOf: row.tag.closingTag)
    }
}
