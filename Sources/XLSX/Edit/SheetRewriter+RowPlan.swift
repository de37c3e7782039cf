/// The fast path of a block's copies: each template row is compiled into a ``RowPlan`` the
/// first time it is copied, then written per copy with only its row number, values and
/// formula rows worked out.
extension SheetRewriter {
    /// Compiles a template row; what it writes is what the cell-by-cell path writes.
    func compile(_ row: SourceRow) -> RowPlan {
        var tag = row.tag
        let isEmptyRow = row.cells.isEmpty && tag.isEmpty
        if !isEmptyRow { tag.isEmpty = false }
        var cells: [(leading: [UInt8], cell: RowPlan.Cell, column: Int)] = []
        for cell in row.cells {
            cells.append((cell.leading, compile(cell, sourceRow: row.number), cell.column))
        }
        return RowPlan(tag: RowPlan.Tag(tag, column: nil, forceRow: true), isEmptyRow: isEmptyRow, cells: cells,
                       trailing: row.trailing, close: row.tag.closingTag)
    }

    private func compile(_ cell: SourceCell, sourceRow: Int) -> RowPlan.Cell {
        if let pieces = placeholderPieces(cell) {
            let forms = RowPlan.TypedTags(cell.tag, column: cell.column, dateStyles: context.dateStyles)
            if pieces.count == 1, case let .placeholder(name) = pieces[0] {
                return .value(forms, TemplatePath(name))
            }
            return .text(forms, pieces.map { piece in
                switch piece {
                case let .literal(s): return (s, nil)
                case let .placeholder(name): return ("", TemplatePath(name))
                }
            })
        }
        if var formula = cell.formula, var formulaTag = cell.formulaTag, !isArrayFormula(formulaTag) {
            var tag = cell.tag
            unshare(&formula, &formulaTag, row: sourceRow, column: cell.column)
            if cell.type != "s" && cell.type != "inlineStr" { tag.remove("t") }
            tag.isEmpty = false
            formulaTag.isEmpty = formula.isEmpty
            var open: [UInt8] = []
            formulaTag.write(into: &open)
            var close: [UInt8] = []
            if !formula.isEmpty { close.append(contentsOf: formulaTag.closingTag) }
            close.append(contentsOf: tag.closingTag)
            let pieces = FormulaReferences.pieces(formula).map { piece -> FormulaReferences.Piece in
                guard case let .literal(bytes) = piece else { return piece }
                return .literal(XMLText.escaped(String(decoding: bytes, as: UTF8.self)))
            }
            return .formula(RowPlan.Tag(tag, column: cell.column), formulaTag: open, pieces: pieces, close: close)
        }
        if cell.formula != nil {
            // An array formula: its range moves with each copy; the cell goes the general way.
            return .general(cell, sourceRow: sourceRow)
        }
        var rest: [UInt8] = []
        if !cell.tag.isEmpty {
            rest.append(contentsOf: cell.inner)
            rest.append(contentsOf: cell.tag.closingTag)
        }
        return .fixed(RowPlan.Tag(cell.tag, column: cell.column), rest: rest)
    }

    /// An array formula keeps its `ref` (a shared formula's is dropped).
    private func isArrayFormula(_ tag: RawTag) -> Bool {
        tag.value("ref") != nil && tag.value("t") != "shared"
    }

    /// Writes one copy of a compiled row as row `number`.
    func emit(_ plan: RowPlan, row number: Int, mapping: RowMapping, scope: TemplateScope) throws {
        plan.tag.write(row: number, into: &out)
        if plan.isEmptyRow { return }
        for (leading, cell, column) in plan.cells {
            out.append(contentsOf: leading)
            switch cell {
            case let .fixed(tag, rest):
                tag.write(row: number, into: &out)
                out.append(contentsOf: rest)
            case let .value(forms, path):
                writeTyped(forms, try value(path, scope: scope, column: column, row: number), row: number)
            case let .text(forms, pieces):
                var text = ""
                for (literal, path) in pieces {
                    if let path { text += try value(path, scope: scope, column: column, row: number).text } else { text += literal }
                }
                writeInline(forms, text, row: number)
            case let .general(source, sourceRow):
                try emit(source, sourceRow: sourceRow, row: number, mapping: mapping, scope: scope)
            case let .formula(tag, formulaTag, pieces, close):
                tag.write(row: number, into: &out)
                out.append(contentsOf: formulaTag)
                let sheet = self.sheet, context = self.context
                FormulaReferences.render(pieces, into: &out) { context.shift(&$0, host: sheet, local: mapping) }
                out.append(contentsOf: close)
            }
        }
        out.append(contentsOf: plan.trailing)
        out.append(contentsOf: plan.close)
    }

    private func value(_ path: TemplatePath, scope: TemplateScope, column: Int, row: Int) throws -> TemplateValue {
        if let v = scope.lookup(path) { return v }
        if context.policy == .empty { return .null }
        throw XLSXError.missingTemplateValue(sheet: sheet, cell: CellReference.columnName(column) + String(row), name: path.text)
    }

    private func writeTyped(_ forms: RowPlan.TypedTags, _ value: TemplateValue, row: Int) {
        switch value {
        case .null:
            forms.empty.write(row: row, into: &out)
        case let .number(n):
            forms.plain.write(row: row, into: &out)
            out.append(contentsOf: forms.valueOpen)
            TemplateValue.appendFormatted(n, into: &out)
            out.append(contentsOf: forms.valueClose)
            out.append(contentsOf: forms.close)
        case let .bool(b):
            forms.boolean.write(row: row, into: &out)
            out.append(contentsOf: forms.valueOpen)
            out.append(b ? 0x31 : 0x30)
            out.append(contentsOf: forms.valueClose)
            out.append(contentsOf: forms.close)
        case let .string(s):
            if forms.isDate, let serial = TemplateDates.serial(s, system: context.dateSystem) {
                writeTyped(forms, .number(serial), row: row)
            } else {
                writeInline(forms, s, row: row)
            }
        case let other:
            writeInline(forms, other.text, row: row)
        }
    }

    private func writeInline(_ forms: RowPlan.TypedTags, _ text: String, row: Int) {
        if text.isEmpty {
            forms.empty.write(row: row, into: &out)
            return
        }
        forms.inline.write(row: row, into: &out)
        out.append(contentsOf: forms.inlineOpen)
        XMLText.escapeCellText(text, into: &out)
        out.append(contentsOf: forms.inlineClose)
        out.append(contentsOf: forms.close)
    }
}
