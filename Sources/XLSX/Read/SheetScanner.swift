/// The attributes of a tag the scanner read, as slices of its buffer: five offsets each
/// (name start, local name start, name end, value start, value end).
struct ScannedAttributes: SheetTagAttributes {
    let base: UnsafePointer<UInt8>
    let fields: UnsafePointer<Int>
    let count: Int

    @inline(__always)
    func bytes(_ name: StaticString) -> UnsafeRawBufferPointer? {
        let q = name.utf8Start, m = name.utf8CodeUnitCount
        for k in 0..<count {
            let f = fields + 5 * k
            guard f[2] - f[1] == m else { continue }
            var same = true
            for x in 0..<m where base[f[1] + x] != q[x] { same = false; break }
            if same { return UnsafeRawBufferPointer(start: base + f[3], count: f[4] - f[3]) }
        }
        return nil
    }

    @inline(__always)
    func forEachOneLetter(_ body: (UInt8, UnsafeRawBufferPointer) -> Bool) {
        for k in 0..<count {
            let f = fields + 5 * k
            guard f[2] - f[1] == 1 else { continue }
            if !body(base[f[1]], UnsafeRawBufferPointer(start: base + f[3], count: f[4] - f[3])) { return }
        }
    }
}

/// Reads the inside of `<sheetData>` straight from the inflated bytes, for the rows and cells
/// most worksheets hold: no allocation per cell, attribute values and `<v>` text sliced in
/// place, characters checked as XML 1.0 requires. It feeds the same ``SheetCellBuilder`` as
/// the libxml2 handler, so a row or cell means the same either way.
///
/// It takes a strict subset of XML: unprefixed elements; attributes with no references, tabs
/// or line breaks in their values, prefixes only as declared on the root element; no
/// comments, processing instructions, CDATA or carriage returns; at most 16 attributes and
/// 16 levels of elements it does not know. On anything else it *refuses*, and the part is
/// read again by libxml2 (``SheetPartReader``), which then judges it as it always has.
///
/// ``scan(_:count:)`` consumes whole units (a row's start or end tag, a whole `<c>`) and says
/// where it stopped; the caller keeps the rest for when more bytes arrive.
final class SheetScanner<Sink: SheetSink> {
    enum Outcome: Equatable {
        /// Everything before this offset was read; the rest is an incomplete unit.
        case needMore(Int)
        /// `</sheetData>` starts at this offset.
        case end(Int)
        /// Something the scanner does not take.
        case refused
        /// The sink stopped the parse (its parser has failed).
        case stopped
    }

    let cells: SheetCellBuilder<Sink>
    /// The parser whose failure (set by the sink) stops the scan; its owner outlives the scanner.
    unowned(unsafe) let parser: XMLPushParser
    private let prefixes: [[UInt8]]
    private let maxDepth: Int
    private var inRow = false

    private static var need: Int { XMLBytes.need }
    private static var refuse: Int { XMLBytes.refuse }
    private static var stop: Int { -3 }
    private static var maxAttributes: Int { 16 }
    private static var maxSkipDepth: Int { 16 }
    private static var maxInlineRuns: Int { 1024 }

    // The last tag read.
    private var nameStart = 0, nameEnd = 0, selfClosing = false
    /// Whether the last text read holds a reference (`&…;`).
    private var sawReference = false
    private let cellFields: UnsafeMutablePointer<Int>
    private let formulaFields: UnsafeMutablePointer<Int>
    private let otherFields: UnsafeMutablePointer<Int>
    /// Open elements of a subtree being skipped, two offsets each.
    private let stack: UnsafeMutablePointer<Int>
    /// Text slices of the inline string being read, three values each (start, end, references).
    private let runs: UnsafeMutablePointer<Int>
    private var runCount = 0

    /// The deepest element nesting the scanner can meet inside `<sheetData>` without skipping
    /// (`worksheet/sheetData/row/c/is/r/rPr/b`); a lower depth limit leaves the part to libxml2.
    static var depthNeeded: Int { 8 }

    init(cells: SheetCellBuilder<Sink>, parser: XMLPushParser, prefixes: [[UInt8]], maxDepth: Int) {
        self.cells = cells
        self.parser = parser
        self.prefixes = prefixes
        self.maxDepth = maxDepth
        cellFields = .allocate(capacity: 5 * Self.maxAttributes)
        formulaFields = .allocate(capacity: 5 * Self.maxAttributes)
        otherFields = .allocate(capacity: 5 * Self.maxAttributes)
        stack = .allocate(capacity: 2 * Self.maxSkipDepth)
        runs = .allocate(capacity: 3 * Self.maxInlineRuns)
    }

    deinit {
        cellFields.deallocate()
        formulaFields.deallocate()
        otherFields.deallocate()
        stack.deallocate()
        runs.deallocate()
    }

    // MARK: Units

    /// When the last scan stopped in a cell whose start tag it had read, where the cell's
    /// content starts (an offset into the bytes scanned); else -1.
    private(set) var pendingCellBody = -1

    /// Reads the units in `p[0..<n]`; the bytes may be rewritten (escapes decoded in place).
    func scan(_ p: UnsafeMutablePointer<UInt8>, count n: Int) -> Outcome {
        var i = 0
        pendingCellBody = -1
        while true {
            let t = text(p, i, n)
            if t < 0 { return t == Self.need ? .needMore(i) : .refused }
            i = t
            guard i + 1 < n else { return .needMore(i) }
            let next: Int
            if p[i + 1] == 0x2F {
                if inRow {
                    next = endTag(p, i, n, "row")
                    if next >= 0 {
                        inRow = false
                        cells.endRow()
                        if parser.hasFailed { return .stopped }
                    }
                } else {
                    let e = endTag(p, i, n, "sheetData")
                    if e >= 0 { return .end(i) }
                    next = e
                }
            } else if inRow {
                next = cell(p, i, n)
            } else {
                next = row(p, i, n)
            }
            if next < 0 {
                if next == Self.need { return .needMore(i) }
                return next == Self.stop ? .stopped : .refused
            }
            i = next
        }
    }

    /// A `<row>` start tag at `i`.
    private func row(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var count = 0
        let j = tag(p, i, n, otherFields, &count)
        guard j >= 0 else { return j }
        guard isName(p, "row") else { return Self.refuse }
        cells.startRow(ScannedAttributes(base: p, fields: otherFields, count: count))
        if cells.failure != nil { return Self.refuse }
        if parser.hasFailed { return Self.stop }
        if selfClosing {
            cells.endRow()
            if parser.hasFailed { return Self.stop }
        } else {
            inRow = true
        }
        return j
    }

    /// A whole `<c>` at `i`: read to its end first, then handed to the builder. When only its
    /// start tag has arrived, a fault of that tag is found now, as libxml2 finds it.
    private func cell(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var cellCount = 0
        let start = tag(p, i, n, cellFields, &cellCount)
        guard start >= 0 else { return start }
        guard isName(p, "c") else { return Self.refuse }
        let open = !selfClosing
        let whole = cellBody(p, start, n, cellCount)
        if whole == Self.need {
            if cells.cellWouldFail(ScannedAttributes(base: p, fields: cellFields, count: cellCount)) { return Self.refuse }
            if open { pendingCellBody = start }
        }
        return whole
    }

    /// The rest of a `<c>` whose start tag (`count` attributes in ``cellFields``) ends before `j`.
    private func cellBody(_ p: UnsafeMutablePointer<UInt8>, _ start: Int, _ n: Int, _ cellCount: Int) -> Int {
        var j = start
        var value = TextSlice(start: j), formula = TextSlice(start: j)
        var formulaCount = 0
        var hasInline = false
        runCount = 0
        if !selfClosing {
            while true {
                j = text(p, j, n)
                guard j >= 0 else { return j }
                guard j + 1 < n else { return Self.need }
                if p[j + 1] == 0x2F {
                    j = endTag(p, j, n, "c")
                    guard j >= 0 else { return j }
                    break
                }
                var count = 0
                let k = tag(p, j, n, otherFields, &count)
                guard k >= 0 else { return k }
                if isName(p, "v") {
                    j = textContent(p, k, n, of: "v", into: &value)
                    guard j >= 0 else { return j }
                } else if isName(p, "f") {
                    formulaFields.update(from: otherFields, count: 5 * count)
                    formulaCount = count
                    j = textContent(p, k, n, of: "f", into: &formula)
                    guard j >= 0 else { return j }
                } else if isName(p, "is") {
                    guard !hasInline else { return Self.refuse }
                    hasInline = true
                    j = selfClosing ? k : inlineString(p, k, n)
                    guard j >= 0 else { return j }
                } else {
                    j = skip(p, k, n, depth: 5)
                    guard j >= 0 else { return j }
                }
            }
        }
        // The cell is whole: hand it over.
        cells.startCell(ScannedAttributes(base: p, fields: cellFields, count: cellCount))
        if cells.failure != nil { return Self.refuse }
        if formula.present, cells.startFormula(ScannedAttributes(base: p, fields: formulaFields, count: formulaCount)) {
            append(p, formula.start, formula.end, formula.references, to: cells.formulaText)
        }
        for r in 0..<runCount {
            let run = runs + 3 * r
            append(p, run[0], run[1], run[2] != 0, to: cells.inline)
        }
        if value.references {
            XMLBytes.appendDecoded(p, value.start, value.end, to: cells.value)
            cells.endCell(value: cells.value.base, count: cells.value.count)
        } else {
            cells.endCell(value: p + value.start, count: value.end - value.start)
        }
        return parser.hasFailed ? Self.stop : j
    }

    @inline(__always)
    private func append(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ references: Bool, to out: ByteAccumulator) {
        if references {
            XMLBytes.appendDecoded(p, start, end, to: out)
        } else if end > start {
            out.append(UnsafeRawBufferPointer(start: p + start, count: end - start))
        }
    }

    /// The inside of `<is>` from `i` to after `</is>`: its `<t>` and `<r><t>` texts are kept
    /// in ``runs``; phonetic runs (`<rPh>`) and run properties are checked and left out.
    private func inlineString(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        children(p, i, n, of: "is") { k in
            if isName(p, "t") { return textElement(p, k, n, keep: true) }
            if isName(p, "r") || isName(p, "rPh") {
                let phonetic = isName(p, "rPh")
                if selfClosing { return k }
                return children(p, k, n, of: phonetic ? "rPh" : "r") { k in
                    isName(p, "t") ? textElement(p, k, n, keep: !phonetic) : skip(p, k, n, depth: 7)
                }
            }
            return skip(p, k, n, depth: 6)
        }
    }

    /// The children of an element from `i` to after its end tag `</name>`: text is checked
    /// and passed over, each child's start tag read and handed to `child` (with the index
    /// after it), which reads the rest of the child.
    private func children(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int, of name: StaticString, _ child: (Int) -> Int) -> Int {
        var j = i
        while true {
            j = text(p, j, n)
            guard j >= 0 else { return j }
            guard j + 1 < n else { return Self.need }
            if p[j + 1] == 0x2F { return endTag(p, j, n, name) }
            var count = 0
            let k = tag(p, j, n, otherFields, &count)
            guard k >= 0 else { return k }
            j = child(k)
            guard j >= 0 else { return j }
        }
    }

    /// Where the text of a cell's `<v>` or `<f>` lies in the buffer.
    private struct TextSlice {
        var start: Int
        var end: Int
        var references = false
        var present = false
        init(start: Int) { self.start = start; end = start }
    }

    /// The text of an element holding only text (`<v>`, `<f>`; one of each per cell), whose
    /// start tag ends before `i`, into `slice`; the index after its end tag.
    @inline(__always)
    private func textContent(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, of name: StaticString, into slice: inout TextSlice) -> Int {
        guard !slice.present else { return Self.refuse }
        slice.present = true
        slice.start = i
        slice.end = i
        if selfClosing { return i }
        let t = text(p, i, n)
        guard t >= 0 else { return t }
        slice.end = t
        slice.references = sawReference
        return endTag(p, t, n, name)
    }

    /// A `<t>` whose start tag ends before `i`: its text (kept as a run when `keep`) and end tag.
    private func textElement(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int, keep: Bool) -> Int {
        if selfClosing { return i }
        let t = text(p, i, n)
        guard t >= 0 else { return t }
        if keep {
            guard runCount < Self.maxInlineRuns else { return Self.refuse }
            let run = runs + 3 * runCount
            run[0] = i; run[1] = t; run[2] = sawReference ? 1 : 0
            runCount += 1
        }
        return endTag(p, t, n, "t")
    }

    /// The rest of an element the cells do not use, whose start tag (just read, at `depth`)
    /// ends before `i`: checked and passed over. Elements the handler reacts to by name
    /// inside `<sheetData>` are refused, so skipping one cannot change a cell.
    private func skip(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int, depth: Int) -> Int {
        guard !isReacted(p) else { return Self.refuse }
        if selfClosing { return i }
        stack[0] = nameStart; stack[1] = nameEnd
        var level = 1
        var j = i
        while level > 0 {
            j = text(p, j, n)
            guard j >= 0 else { return j }
            guard j + 1 < n else { return Self.need }
            if p[j + 1] == 0x2F {
                let top = stack + 2 * (level - 1)
                j = endTag(p, j, n, p + top[0], top[1] - top[0])
                guard j >= 0 else { return j }
                level -= 1
                continue
            }
            var count = 0
            let k = tag(p, j, n, otherFields, &count)
            guard k >= 0 else { return k }
            guard depth + level <= maxDepth, !isReacted(p) else { return Self.refuse }
            if !selfClosing {
                guard level < Self.maxSkipDepth else { return Self.refuse }
                stack[2 * level] = nameStart; stack[2 * level + 1] = nameEnd
                level += 1
            }
            j = k
        }
        return j
    }

    /// Whether the last tag's name is one the worksheet handler reacts to inside `<sheetData>`.
    private func isReacted(_ p: UnsafePointer<UInt8>) -> Bool {
        isName(p, "c") || isName(p, "v") || isName(p, "f") || isName(p, "is") || isName(p, "t")
            || isName(p, "row") || isName(p, "rPh") || isName(p, "sheetData")
    }

    // MARK: Tokens

    @inline(__always)
    private func isName(_ p: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let m = name.utf8CodeUnitCount
        guard nameEnd - nameStart == m else { return false }
        let q = name.utf8Start
        for x in 0..<m where p[nameStart + x] != q[x] { return false }
        return true
    }

    /// Character data from `i` up to the next `<` (its index), checked; ``sawReference`` says
    /// whether it holds references.
    @inline(__always)
    private func text(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        sawReference = false
        while i < n {
            let b = p[i]
            if b == 0x3C { return i }
            if b >= 0x20 && b < 0x80 {
                if b == 0x26 {
                    let (next, _) = XMLBytes.reference(p, i, n)
                    guard next >= 0 else { return next }
                    sawReference = true
                    i = next
                    continue
                }
                if b == 0x5D {  // "]]>" may not appear in content
                    guard i + 2 < n else { return Self.need }
                    if p[i + 1] == 0x5D && p[i + 2] == 0x3E { return Self.refuse }
                }
                i += 1
            } else if b == 0x09 || b == 0x0A {
                i += 1
            } else {
                let k = XMLBytes.multibyte(p, i, n)
                guard k > 0 else { return k }
                i += k
            }
        }
        return Self.need
    }

    /// The end tag `</name>` at `i` (spaces allowed before `>`); the index after it.
    @inline(__always)
    private func endTag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ name: StaticString) -> Int {
        endTag(p, i, n, name.utf8Start, name.utf8CodeUnitCount)
    }

    @inline(__always)
    private func endTag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ name: UnsafePointer<UInt8>, _ m: Int) -> Int {
        guard i + 1 < n else { return Self.need }
        guard p[i + 1] == 0x2F else { return Self.refuse }
        var j = i + 2
        for x in 0..<m {
            guard j < n else { return Self.need }
            guard p[j] == name[x] else { return Self.refuse }
            j += 1
        }
        while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
        guard j < n else { return Self.need }
        return p[j] == 0x3E ? j + 1 : Self.refuse
    }

    /// The start tag at `i` (an unprefixed ASCII name), its attributes into `fields`; sets
    /// ``nameStart``, ``nameEnd`` and ``selfClosing``. The index after its `>`.
    @inline(__always)
    private func tag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ fields: UnsafeMutablePointer<Int>, _ count: inout Int) -> Int {
        var j = i + 1
        guard j < n else { return Self.need }
        guard XMLBytes.isNameStart(p[j]) else { return Self.refuse }
        nameStart = j
        j += 1
        while j < n, XMLBytes.isNameByte(p[j]) { j += 1 }
        nameEnd = j
        guard j - nameStart <= 64 else { return Self.refuse }
        count = 0
        while true {
            var spaced = false
            while j < n, XMLBytes.isSpace(p[j]) { j += 1; spaced = true }
            guard j < n else { return Self.need }
            let b = p[j]
            if b == 0x3E { selfClosing = false; return j + 1 }
            if b == 0x2F {
                guard j + 1 < n else { return Self.need }
                guard p[j + 1] == 0x3E else { return Self.refuse }
                selfClosing = true
                return j + 2
            }
            guard spaced, XMLBytes.isNameStart(b), count < Self.maxAttributes else { return Self.refuse }
            let start = j
            var local = j
            j += 1
            while j < n {
                let c = p[j]
                if XMLBytes.isNameByte(c) {
                    j += 1
                } else if c == 0x3A && local == start {
                    j += 1
                    guard j < n else { return Self.need }
                    guard XMLBytes.isNameStart(p[j]) else { return Self.refuse }
                    local = j
                    j += 1
                } else {
                    break
                }
            }
            let end = j
            guard end - start <= 64 else { return Self.refuse }
            while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
            guard j < n else { return Self.need }
            guard p[j] == 0x3D else { return Self.refuse }
            j += 1
            while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
            guard j < n else { return Self.need }
            let quote = p[j]
            guard quote == 0x22 || quote == 0x27 else { return Self.refuse }
            j += 1
            let valueStart = j
            while true {
                guard j < n else { return Self.need }
                let c = p[j]
                if c == quote { break }
                if c >= 0x20 && c < 0x80 {
                    // A reference or `<` in a value, or a tab or line break (normalised to a
                    // space by libxml2), is left to libxml2.
                    if c == 0x3C || c == 0x26 { return Self.refuse }
                    j += 1
                    continue
                }
                let k = XMLBytes.multibyte(p, j, n)
                guard k > 0 else { return k }
                j += k
            }
            let valueEnd = j
            j += 1
            guard acceptable(p, start, local, end, valueStart, valueEnd) else { return Self.refuse }
            for k in 0..<count {
                let f = fields + 5 * k
                // Two attributes of one local name (even under different prefixes) are left to libxml2.
                if f[2] - f[1] == end - local && memcmpEqual(p + f[1], p + local, end - local) { return Self.refuse }
            }
            let f = fields + 5 * count
            f[0] = start; f[1] = local; f[2] = end; f[3] = valueStart; f[4] = valueEnd
            count += 1
        }
    }

    /// Whether an attribute's name is one the scanner may take: no namespace declaration, and
    /// a prefix only if the root declares it (or `xml:space` with one of its two values).
    private func acceptable(_ p: UnsafePointer<UInt8>, _ start: Int, _ local: Int, _ end: Int, _ valueStart: Int, _ valueEnd: Int) -> Bool {
        if local == start {
            return !equal(p, start, end, "xmlns")
        }
        let prefixEnd = local - 1
        if equal(p, start, prefixEnd, "xmlns") { return false }
        if equal(p, start, prefixEnd, "xml") {
            return equal(p, local, end, "space") && (equal(p, valueStart, valueEnd, "preserve") || equal(p, valueStart, valueEnd, "default"))
        }
        for prefix in prefixes where prefix.count == prefixEnd - start {
            if prefix.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress!, p + start, prefix.count) }) { return true }
        }
        return false
    }

    @inline(__always)
    private func equal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ name: StaticString) -> Bool {
        end - start == name.utf8CodeUnitCount && memcmpEqual(p + start, name.utf8Start, end - start)
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for x in 0..<count where a[x] != b[x] { return false }
    return true
}
