/// The attributes of a `<row>`, `<c>` or `<f>` start tag, whichever parser read them.
protocol SheetTagAttributes {
    /// The value of the first attribute with this local name (any prefix), or nil.
    func bytes(_ name: StaticString) -> UnsafeRawBufferPointer?
    /// Calls `body` with each attribute whose local name is one byte long, in document order,
    /// until it returns false.
    func forEachOneLetter(_ body: (UInt8, UnsafeRawBufferPointer) -> Bool)
}

extension XMLAttributes: SheetTagAttributes {
    @inline(__always)
    func forEachOneLetter(_ body: (UInt8, UnsafeRawBufferPointer) -> Bool) {
        guard let pointer else { return }
        for i in 0..<count {
            let base = pointer + 5 * i
            guard let local = base[0], let start = base[3], let end = base[4] else { continue }
            if local[1] != 0 { continue }
            if !body(local[0], UnsafeRawBufferPointer(start: start, count: end - start)) { return }
        }
    }
}

/// The rows and cells of `<sheetData>`: positions (`r`, or the next one), styles, types,
/// values and formulas (shared ones expanded), handed to a ``SheetSink``. One engine for both
/// parsers of a worksheet: ``SheetHandler`` (libxml2) and ``SheetScanner`` call it alike, so
/// they cannot differ in what a row or cell means.
///
/// A fault (a row or reference outside Excel's grid) is kept in ``failure`` for the caller.
/// The first ``suppressed`` events are counted but not passed on: a parse restarted after
/// the scanner gave up skips what the scanner already delivered.
final class SheetCellBuilder<Sink: SheetSink> {
    let part: String
    unowned(unsafe) let sink: Sink
    let wantsFormulas: Bool
    /// The first fault met, if any; nothing more should be fed once it is set.
    private(set) var failure: XLSXError?
    /// Events (row starts, cells, row ends) produced so far, passed on or not.
    private(set) var events = 0
    /// Events not to pass on, counted from the first.
    var suppressed = 0

    private(set) var inRow = false
    private var rowIndex = -1
    private var lastColumn = -1

    private var cellRow = 0, cellColumn = 0, cellStyle = 0
    private var cellType = RawCellType.number
    private var cellHasFormula = false
    /// The text of `<v>`, of an inline string's `<t>`s, and of `<f>`, for parsers that collect them.
    let value = ByteAccumulator()
    let inline = ByteAccumulator()
    let formulaText = ByteAccumulator()
    private var formulaShared = false
    private var formulaIndex: Int?
    private var sharedFormulas: [Int: (row: Int, column: Int, text: String)] = [:]

    init(part: String, sink: Sink, wantsFormulas: Bool) {
        self.part = part
        self.sink = sink
        self.wantsFormulas = wantsFormulas
    }

    private func fail(_ message: String, cell: String? = nil) {
        if failure == nil { failure = .invalidContent(part: part, cell: cell, message: message) }
    }

    /// True when the next event is passed on; counts it.
    @inline(__always)
    private func passes() -> Bool {
        events += 1
        if suppressed > 0 { suppressed -= 1; return false }
        return true
    }

    // MARK: Rows

    func startRow<A: SheetTagAttributes>(_ attributes: A) {
        if inRow { endRow() }
        if let r = attributes.bytes("r") {
            guard let n = XMLPart.int(r), n >= 1, n <= CellReference.maxRows else {
                fail("row number \(String(decoding: r, as: UTF8.self)) is outside 1…1048576")
                return
            }
            rowIndex = n - 1
        } else {
            rowIndex += 1
            guard rowIndex < CellReference.maxRows else { fail("more than 1048576 rows"); return }
        }
        inRow = true
        lastColumn = -1
        let height = attributes.bytes("ht").flatMap { XMLPart.double($0) }
        let hidden = XMLPart.bool(attributes.bytes("hidden")) ?? false
        if passes() { sink.beginRow(index: rowIndex, height: height, hidden: hidden) }
    }

    func endRow() {
        inRow = false
        if passes() { sink.endRow(index: rowIndex) }
    }

    // MARK: Cells

    /// A `<c>` starts; the collectors are emptied.
    @inline(__always)
    func startCell<A: SheetTagAttributes>(_ attributes: A) {
        if !inRow {
            // A cell outside any <row>: give it a row of its own.
            rowIndex += 1
            inRow = true
            lastColumn = -1
            if passes() { sink.beginRow(index: rowIndex, height: nil, hidden: false) }
        }
        cellRow = rowIndex
        cellStyle = 0
        cellType = .number
        cellHasFormula = false
        value.reset()
        inline.reset()
        var sawReference = false
        var failed = false
        attributes.forEachOneLetter { letter, bytes in
            switch letter {
            case 0x72:  // r
                // A value that is no A1 reference (some generators write `r="0"`) is
                // ignored: the cell takes the next position, as a cell without `r` does.
                guard let ref = CellReference(bytes: bytes) else {
                    if CellReference.looksLikeA1(bytes) {
                        let text = String(decoding: bytes, as: UTF8.self)
                        fail("cell reference \(text) is outside Excel's grid (A1:XFD1048576)", cell: text)
                        failed = true
                        return false
                    }
                    return true
                }
                cellRow = ref.row
                cellColumn = ref.column
                sawReference = true
            case 0x73:  // s
                cellStyle = XMLPart.int(bytes) ?? 0
            case 0x74:  // t
                cellType = RawCellType(attribute: bytes)
            default:
                break
            }
            return true
        }
        if failed { return }
        if sawReference {
            if cellRow != rowIndex { rowIndex = cellRow }
            lastColumn = cellColumn
        } else {
            lastColumn += 1
            guard lastColumn < CellReference.maxColumns else { fail("more than 16384 columns in row \(rowIndex + 1)"); return }
            cellColumn = lastColumn
        }
    }

    /// Whether a `<c>` with these attributes would fault (a reference outside Excel's grid, or
    /// a 16,385th column), as ``startCell(_:)`` checks it; changes nothing. The scanner asks it
    /// when a cell's start tag has arrived but not its end, because libxml2 faults at the tag.
    func cellWouldFail<A: SheetTagAttributes>(_ attributes: A) -> Bool {
        var sawReference = false
        var fault = false
        attributes.forEachOneLetter { letter, bytes in
            guard letter == 0x72 else { return true }
            if CellReference(bytes: bytes) != nil { sawReference = true; return true }
            if CellReference.looksLikeA1(bytes) { fault = true; return false }
            return true
        }
        if fault { return true }
        return !sawReference && (inRow ? lastColumn : -1) + 1 >= CellReference.maxColumns
    }

    /// An `<f>` starts in the current cell; true when its text is wanted (in ``formulaText``).
    func startFormula<A: SheetTagAttributes>(_ attributes: A) -> Bool {
        cellHasFormula = true
        guard wantsFormulas else { return false }
        formulaText.reset()
        if let t = attributes.bytes("t") {
            formulaShared = t.count == 6 && t.elementsEqual("shared".utf8)
        } else {
            formulaShared = false
        }
        formulaIndex = formulaShared ? XMLPart.int(attributes.bytes("si")) : nil
        return true
    }

    /// The current `<c>` ends, its value being the `count` bytes at `base` (the text of its
    /// `<v>`s, which may be ``value``'s) and its inline text in ``inline``. The bytes may be
    /// rewritten in place (escapes decoded).
    @inline(__always)
    func endCell(value base: UnsafeMutablePointer<UInt8>, count: Int) {
        var type = cellType
        var formula: String?
        if cellHasFormula && wantsFormulas {
            formula = resolveFormula()
        }
        let cell: RawCell
        if type == .inlineString && (inline.count > 0 || count == 0) {
            let n = Escapes.decodeInPlace(inline.base, count: inline.count)
            if n != inline.count { inline.truncate(n) }
            cell = RawCell(row: cellRow, column: cellColumn, type: n == 0 ? .empty : .inlineString, styleIndex: cellStyle,
                           hasFormula: cellHasFormula, base: inline.base, count: n)
        } else {
            var count = count
            if type == .inlineString { type = .formulaString }
            if count == 0 { type = .empty }
            else if type == .formulaString {
                let n = Escapes.decodeInPlace(base, count: count)
                // Keep the value terminated where it now ends, for `strtod`.
                if n != count { base[n] = 0; count = n }
            }
            cell = RawCell(row: cellRow, column: cellColumn, type: type, styleIndex: cellStyle,
                           hasFormula: cellHasFormula, base: base, count: count)
        }
        if passes() { sink.cell(cell, formula: formula) }
    }

    private func resolveFormula() -> String? {
        let text = formulaText.count > 0 ? formulaText.string : nil
        guard formulaShared, let si = formulaIndex else { return text }
        if let text, !text.isEmpty {
            sharedFormulas[si] = (cellRow, cellColumn, text)
            return text
        }
        guard let anchor = sharedFormulas[si] else { return nil }
        return FormulaReferences.translate(anchor.text, rows: cellRow - anchor.row, columns: cellColumn - anchor.column)
    }
}
