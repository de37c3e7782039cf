/// A repeated block of a sheet: the rows between an opening marker row `{{#name}}` and its
/// closing marker row `{{/name}}` (one-based row numbers, markers included), with the blocks
/// nested inside it.
struct TemplateBlock {
    var name: String
    var open: Int
    var close: Int
    var column: Int
    var children: [TemplateBlock]

    /// The body rows, without the marker rows.
    var body: ClosedRange<Int>? { open + 1 <= close - 1 ? (open + 1)...(close - 1) : nil }

    /// How many rows the block fills for these data (the marker rows disappear).
    func outputCount(in scope: TemplateScope, policy: MissingValuePolicy, sheet: String) throws -> Int {
        try items(in: scope, policy: policy, sheet: sheet).reduce(0) { total, item in
            total + (try bodyCount(item, policy: policy, sheet: sheet))
        }
    }

    /// How many rows one copy of the body fills.
    func bodyCount(_ item: TemplateScope, policy: MissingValuePolicy, sheet: String) throws -> Int {
        var count = close - open - 1
        for child in children {
            count += try child.outputCount(in: item, policy: policy, sheet: sheet) - (child.close - child.open + 1)
        }
        return count
    }

    /// The item scopes of the block's list.
    func items(in scope: TemplateScope, policy: MissingValuePolicy, sheet: String) throws -> [TemplateScope] {
        if let items = scope.items(name) { return items }
        if policy == .empty { return [scope.blank] }
        throw XLSXError.missingTemplateValue(sheet: sheet, cell: CellReference.columnName(column) + String(open), name: "#" + name)
    }

    /// Builds the block tree from the marker rows of a sheet, in row order.
    static func tree(_ markers: [(row: Int, column: Int, marker: BlockMarker)], sheet: String) throws -> [TemplateBlock] {
        var stack: [TemplateBlock] = []
        var roots: [TemplateBlock] = []
        for (row, column, marker) in markers {
            let cell = CellReference.columnName(column) + String(row)
            switch marker {
            case let .open(name):
                stack.append(TemplateBlock(name: name, open: row, close: row, column: column, children: []))
            case let .close(name):
                guard var block = stack.popLast() else {
                    throw XLSXError.invalidTemplate(sheet: sheet, cell: cell, message: "{{/\(name)}} closes no block")
                }
                guard block.name == name else {
                    throw XLSXError.invalidTemplate(sheet: sheet, cell: cell, message: "{{/\(name)}} closes {{#\(block.name)}}")
                }
                block.close = row
                if stack.isEmpty { roots.append(block) } else { stack[stack.count - 1].children.append(block) }
            }
        }
        if let open = stack.last {
            throw XLSXError.invalidTemplate(sheet: sheet, cell: CellReference.columnName(open.column) + String(open.open),
                                            message: "{{#\(open.name)}} is never closed")
        }
        return roots
    }
}

/// Where source rows go once blocks are expanded, within one span of rows (the whole sheet, or
/// one copy of a block's body); rows outside the span are asked of the parent mapping.
final class RowMapping {
    /// A block of the span: its source rows (markers included) and the output rows it fills.
    struct Segment {
        var open: Int, close: Int
        var outStart: Int, outCount: Int
    }

    let span: ClosedRange<Int>
    let shift: Int
    let segments: [Segment]
    let parent: RowMapping?

    init(span: ClosedRange<Int>, shift: Int, segments: [Segment], parent: RowMapping?) {
        self.span = span
        self.shift = shift
        self.segments = segments
        self.parent = parent
    }

    /// The mapping of a span whose first row goes to `outFirst`, with the given blocks.
    static func build(span: ClosedRange<Int>, outFirst: Int, blocks: [TemplateBlock], scope: TemplateScope,
                      policy: MissingValuePolicy, sheet: String, parent: RowMapping?) throws -> RowMapping {
        let shift = outFirst - span.lowerBound
        var delta = 0
        var segments: [Segment] = []
        for block in blocks {
            let count = try block.outputCount(in: scope, policy: policy, sheet: sheet)
            segments.append(Segment(open: block.open, close: block.close, outStart: block.open + shift + delta, outCount: count))
            delta += count - (block.close - block.open + 1)
        }
        return RowMapping(span: span, shift: shift, segments: segments, parent: parent)
    }

    /// True when every row stays where it was.
    var isIdentity: Bool { shift == 0 && segments.isEmpty && (parent?.isIdentity ?? true) }

    /// How a row is used in a reference.
    enum Role { case single, start, end }

    /// The output row of a source row, or nil when it disappeared.
    func map(_ row: Int, _ role: Role = .single) -> Int? {
        guard span.contains(row) else {
            return parent.map { $0.map(row, role) } ?? row
        }
        var delta = 0
        for segment in segments {
            if row < segment.open { break }
            if row <= segment.close {
                let last = segment.outStart + segment.outCount - 1
                switch role {
                case .start: return segment.outStart
                case .end: return last
                case .single:
                    let offset = row - segment.open - 1
                    return segment.outCount > 0 && offset >= 0 && offset < segment.outCount ? segment.outStart + offset : nil
                }
            }
            delta += segment.outCount - (segment.close - segment.open + 1)
        }
        return row + shift + delta
    }

    /// Maps a range of rows; nil when nothing of it is left.
    func map(rows low: Int, _ high: Int) -> (Int, Int)? {
        guard let a = map(low, .start), let b = map(high, .end), a <= b else { return nil }
        return (a, b)
    }
}

extension RowMapping {
    /// What a source row stands for when its output rows are looked up.
    enum Placement {
        /// A row's content (a note's cell): one output row per copy; none for a marker row or
        /// a deleted row.
        case content
        /// The boundary after the row (a page break): per copy inside a block; after a closing
        /// marker, the block's last row; after an opening marker, the row above the block.
        case boundaryAfter
    }

    /// Every output row of source row `row`, worked out as the rewriter expands `blocks` (the
    /// blocks of this mapping's span) for `scope`, in output order.
    func outputRows(of row: Int, placement: Placement, blocks: [TemplateBlock], scope: TemplateScope,
                    policy: MissingValuePolicy, sheet: String) throws -> [Int] {
        if let block = blocks.first(where: { $0.open <= row && row <= $0.close }) {
            if row == block.open || row == block.close {
                guard placement == .boundaryAfter else { return [] }
                let boundary = row == block.open ? map(row, .start).map { $0 - 1 } : map(row, .end)
                return boundary.map { [$0] } ?? []
            }
            guard let segment = segments.first(where: { $0.open == block.open }), let body = block.body else { return [] }
            var rows: [Int] = []
            var next = segment.outStart
            for item in try block.items(in: scope, policy: policy, sheet: sheet) {
                let copy = try RowMapping.build(span: body, outFirst: next, blocks: block.children, scope: item,
                                                policy: policy, sheet: sheet, parent: self)
                rows += try copy.outputRows(of: row, placement: placement, blocks: block.children, scope: item,
                                            policy: policy, sheet: sheet)
                next += try block.bodyCount(item, policy: policy, sheet: sheet)
            }
            return rows
        }
        if let mapped = map(row, .single) { return [mapped] }
        // A deleted row: its boundary is the row above the deleted rows.
        return placement == .boundaryAfter ? map(row, .end).map { [$0] } ?? [] : []
    }
}
