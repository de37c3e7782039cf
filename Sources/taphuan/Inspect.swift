#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import TrainingOps
import XLSX

/// Shows what a workbook holds: its sheets, or one sheet's cells, or every cell in the
/// corpus reference format.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Xem nội dung một sổ tính: các trang tính, hoặc các ô của một trang.",
        discussion: """
            Without options, lists each sheet with its state, used range (computed from the \
            cells, never taken from the file) and cell counts. With --sheet, prints that \
            sheet's cells as a table, CSV or JSON. With --format cells, prints every non-empty \
            cell of every sheet as `sheet<TAB>ref<TAB>type<TAB>value`, the reference format of \
            the shared corpus, so the reading can be compared with another tool's. With \
            --columns, says what was understood of each sheet's header: the kind recognised and \
            its score, the header row, each column's concept and score, the columns not used, the \
            required columns not found and the columns that nearly name one (Vietnamese; \
            --lang en for English).

            Examples:
              taphuan inspect "Ke hoach tap huan.xlsx"
              taphuan inspect plan.xlsx --sheet "Danh sách" --format csv
              taphuan inspect plan.xlsx --format cells > plan.cells.tsv
              taphuan inspect "Nhom 1 - Trien khai.xlsx" --columns
            """
    )

    /// How cells are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, cells
    }

    @Argument(help: "The .xlsx file.")
    var file: String

    @Option(help: "The sheet whose cells to print.")
    var sheet: String?

    @Option(help: "table, csv, json, or cells (every sheet, reference format).")
    var format: Format = .table

    @Flag(help: "Say what was understood of each sheet's header row (with --sheet, of that sheet).")
    var columns = false

    @Option(help: "With --columns: a JSON settings file whose columnAliases (the office's own headers) are read too.")
    var settings: String?

    @OptionGroup var language: LanguageOption

    @Flag(help: ArgumentHelp("The same as --lang en (kept for scripts written before --lang).", visibility: .hidden))
    var english = false

    /// Whether messages are in English: `--lang en`, `TAPHUAN_LANG=en` or `--english`.
    var inEnglish: Bool { english || language.lang == .en }

    func run() throws {
        do {
            let workbook = try Workbook(path: file)
            if columns {
                try printColumns(workbook)
            } else if format == .cells {
                try printReferenceCells(workbook)
            } else if let sheet {
                let model = try workbook.sheet(named: sheet)
                switch format {
                case .csv: CellPrinter.csv(model)
                case .json: CellPrinter.json(model)
                default: CellPrinter.table(model)
                }
            } else {
                try listSheets(workbook)
            }
        } catch let failure as CheckFailure {
            // A settings file that cannot be read or holds a bad entry: its message, and status 2.
            var standardError = StandardError()
            print(inEnglish ? failure.en : failure.vi, to: &standardError)
            throw ExitCode(2)
        } catch let error as XLSXError {
            // A workbook that cannot be read is a finding about the file, not a usage error.
            var standardError = StandardError()
            var shown = error.located(in: file)
            if case .inFile(_, let inner) = shown, case .io = inner { shown = inner }  // names the path already
            print(shown.message(inEnglish ? .en : .vi), to: &standardError)
            throw ExitCode.failure
        }
    }

    /// Every non-empty cell in the reference format, straight from the engine. A cell given
    /// twice in a row keeps its last occurrence, even an empty one (as openpyxl and Excel do).
    private func printReferenceCells(_ workbook: Workbook) throws {
        var output = OutputBuffer()
        for info in workbook.sheets where sheet == nil || info.name == sheet {
            guard info.part != nil else { continue }
            var rowIndex = -1
            var pending: [Int: String?] = [:]
            var order: [Int] = []
            func flush() {
                for column in order { if let line = pending[column], let line { output.write(line) } }
                pending.removeAll(keepingCapacity: true)
                order.removeAll(keepingCapacity: true)
            }
            try workbook.forEachRawCell(in: info) { raw in
                if raw.row != rowIndex { flush(); rowIndex = raw.row }
                var line: String?
                if raw.type == .isoDate, let text = ReferenceFormat.isoDate(raw.text) {
                    line = "\(ReferenceFormat.escape(info.name))\t\(raw.reference)\td\t\(text)"
                } else {
                    let value = try workbook.value(of: raw)
                    line = ReferenceFormat.line(sheet: info.name, cell: Cell(reference: raw.reference, value: value, styleIndex: raw.styleIndex))
                }
                if pending.updateValue(line, forKey: raw.column) == nil { order.append(raw.column) }
            }
            flush()
        }
        output.flush()
    }

    private func listSheets(_ workbook: Workbook) throws {
        print("sheet\tstate\tkind\tused range\tcells\trows\tmerged\tnotes")
        for info in workbook.sheets {
            guard info.part != nil else {
                print("\(info.name)\t\(info.state.rawValue)\t\(info.kind.rawValue)\t-\t0\t0\t0\t0")
                continue
            }
            let model = try workbook.sheet(info)
            let rows = model.rows.filter { !$0.cells.isEmpty }.count
            print("\(info.name)\t\(info.state.rawValue)\t\(info.kind.rawValue)\t\(model.dimension?.description ?? "-")\t\(model.cellCount)\t\(rows)\t\(model.mergedRanges.count)\t\(model.notes.count)")
        }
        let system = workbook.dateSystem == .date1904 ? "1904" : "1900"
        print("date system: \(system); defined names: \(workbook.definedNames.count); shared strings: \(workbook.sharedStrings.count)")
    }
}

/// Writes to standard error.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

/// Collects output lines and writes them in large blocks.
struct OutputBuffer {
    private var text = ""

    mutating func write(_ line: String) {
        text += line
        text += "\n"
        if text.utf8.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        print(text, terminator: "")
        text = ""
    }
}

/// Prints a sheet's cells as a table, CSV or JSON.
enum CellPrinter {
    static func display(_ value: CellValue) -> String {
        switch value.resolved {
        case .empty: return ""
        case .number(let n): return ReferenceFormat.number(n)
        case .string(let s): return s
        case .richText: return value.plainText ?? ""
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let d): return d.description
        case .formula: return ""
        }
    }

    static func grid(_ sheet: Sheet) -> (columns: [Int], rows: [(Int, [String])]) {
        guard let dimension = sheet.dimension else { return ([], []) }
        let columns = Array(dimension.start.column...dimension.end.column)
        let rows = sheet.rows.filter { !$0.cells.isEmpty }.map { row in
            (row.index, columns.map { row[column: $0].map { display($0.value) } ?? "" })
        }
        return (columns, rows)
    }

    static func table(_ sheet: Sheet) {
        let (columns, rows) = grid(sheet)
        var widths = columns.map { CellReference.columnName($0).count }
        for (_, values) in rows {
            for (i, v) in values.enumerated() { widths[i] = min(40, max(widths[i], v.count)) }
        }
        func fit(_ s: String, _ w: Int) -> String {
            let flat = String(s.map { $0 == "\n" ? " " : $0 })
            let cut = flat.count > w ? String(flat.prefix(w - 1)) + "…" : flat
            return cut + String(repeating: " ", count: max(0, w - cut.count))
        }
        let rowWidth = max(3, String(rows.last?.0 ?? 0 + 1).count)
        print(fit("", rowWidth) + " | " + columns.enumerated().map { fit(CellReference.columnName($1), widths[$0]) }.joined(separator: " | "))
        for (index, values) in rows {
            print(fit(String(index + 1), rowWidth) + " | " + values.enumerated().map { fit($1, widths[$0]) }.joined(separator: " | "))
        }
    }

    static func csv(_ sheet: Sheet) {
        let (_, rows) = grid(sheet)
        var output = OutputBuffer()
        for (_, values) in rows {
            output.write(values.map { v in
                v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + v.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }.map(String.init).joined() + "\"" : v
            }.joined(separator: ","))
        }
        output.flush()
    }

    static func json(_ sheet: Sheet) {
        var output = OutputBuffer()
        output.write("[")
        let cells = sheet.cells
        for (i, cell) in cells.enumerated() {
            let type = ReferenceFormat.typeAndValue(cell.value)?.0 ?? "s"
            var value = "\"" + jsonEscape(display(cell.value)) + "\""
            if case .number(let n) = cell.value.resolved { value = ReferenceFormat.number(n) }
            if case .bool(let b) = cell.value.resolved { value = b ? "true" : "false" }
            var line = "  {\"ref\": \"\(cell.reference)\", \"type\": \"\(type)\", \"value\": \(value)"
            if case .formula(let f, _) = cell.value { line += ", \"formula\": \"\(jsonEscape(f))\"" }
            line += i == cells.count - 1 ? "}" : "},"
            output.write(line)
        }
        output.write("]")
        output.flush()
    }

    static func jsonEscape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }
}
