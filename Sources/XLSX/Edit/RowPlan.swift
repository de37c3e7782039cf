/// A template row of a repeated block compiled once for all its copies: the bytes that never
/// change are kept ready, and only the row number, the placeholders' values and the rows of
/// formula references are worked out per copy. It writes exactly what the cell-by-cell path
/// of ``SheetRewriter`` writes for a copied row.
struct RowPlan {
    /// A tag whose only varying part is the row number in its `r` attribute.
    struct Tag {
        /// Up to the row number (the whole tag when there is no `r`).
        var head: [UInt8]
        /// After the row number; nil when the tag has no `r`.
        var tail: [UInt8]?

        /// The tag of `raw` as written with `r` set to the row (column letters first, when
        /// `column` is given); unchanged bytes when it has no `r` and `forceRow` is false.
        init(_ raw: RawTag, column: Int?, forceRow: Bool = false) {
            if raw.has("r") || forceRow {
                var letters: [UInt8] = []
                if let column { CellReference.appendColumnName(column, into: &letters) }
                (head, tail) = raw.split(at: "r", valuePrefix: letters)
            } else {
                head = []
                raw.write(into: &head)
                tail = nil
            }
        }

        func write(row: Int, into out: inout [UInt8]) {
            out.append(contentsOf: head)
            if let tail {
                appendDecimal(row, into: &out)
                out.append(contentsOf: tail)
            }
        }
    }

    /// The forms a placeholder cell's tag takes, by the type of the value it receives.
    final class TypedTags {
        let plain: Tag
        let empty: Tag
        let boolean: Tag
        let inline: Tag
        /// `<v>`, `</v>`, `<is><t xml:space="preserve">`, `</t></is>` and `</c>` with the
        /// cell's prefix.
        let valueOpen: [UInt8], valueClose: [UInt8], inlineOpen: [UInt8], inlineClose: [UInt8], close: [UInt8]
        /// The cell's style shows dates: a text that is a date becomes a serial number.
        let isDate: Bool

        init(_ tag: RawTag, column: Int, dateStyles: Set<Int>) {
            func form(_ type: String?, empty: Bool) -> Tag {
                var t = tag
                t.isEmpty = empty
                if let type { t.set("t", type) } else { t.remove("t") }
                return Tag(t, column: column)
            }
            plain = form(nil, empty: false)
            self.empty = form(nil, empty: true)
            boolean = form("b", empty: false)
            inline = form("inlineStr", empty: false)
            let p = Array(tag.prefix.utf8)
            valueOpen = [0x3C] + p + Array("v>".utf8)
            valueClose = [0x3C, 0x2F] + p + Array("v>".utf8)
            inlineOpen = [0x3C] + p + Array("is>".utf8) + [0x3C] + p + Array("t xml:space=\"preserve\">".utf8)
            inlineClose = [0x3C, 0x2F] + p + Array("t>".utf8) + [0x3C, 0x2F] + p + Array("is>".utf8)
            close = tag.closingTag
            isDate = tag.value("s").flatMap(Int.init).map(dateStyles.contains) ?? false
        }
    }

    /// A cell of the row.
    enum Cell {
        /// Copied as written but for its row: the tag, then (for a non-empty cell) its children.
        case fixed(Tag, rest: [UInt8])
        /// A cell that is only a placeholder: it takes the value's type.
        case value(TypedTags, TemplatePath)
        /// Text with placeholders inside: an inline string.
        case text(TypedTags, [(literal: String, path: TemplatePath?)])
        /// A formula: the cell's tag, the `<f>` tag, the formula's pieces (literals escaped)
        /// and the closing tags.
        case formula(Tag, formulaTag: [UInt8], pieces: [FormulaReferences.Piece], close: [UInt8])
        /// A cell the plan does not cover (an array formula): written cell by cell.
        case general(SourceCell, sourceRow: Int)
    }

    var tag: Tag
    /// A row with no cells written as an empty element.
    var isEmptyRow: Bool
    var cells: [(leading: [UInt8], cell: Cell, column: Int)]
    var trailing: [UInt8]
    var close: [UInt8]
}

/// The path of a placeholder, split once: `.`, `@index` or names separated by dots.
enum TemplatePath {
    case current
    case index
    case keys([String])

    init(_ path: String) {
        switch path {
        case ".": self = .current
        case "@index": self = .index
        default: self = .keys(path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// The text of the path, for messages.
    var text: String {
        switch self {
        case .current: return "."
        case .index: return "@index"
        case let .keys(keys): return keys.joined(separator: ".")
        }
    }
}

extension TemplateValue {
    /// Appends the text ``format(_:)`` gives, without building a string for whole numbers.
    static func appendFormatted(_ n: Double, into out: inout [UInt8]) {
        if n == n.rounded(), abs(n) < 1e15 {
            let i = Int64(n)
            if i < 0 { out.append(0x2D) }
            appendDecimal(Int(i.magnitude), into: &out)
        } else {
            out.append(contentsOf: String(n).utf8)
        }
    }
}
