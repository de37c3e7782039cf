#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XLSX

/// Reads every cell of the first sheet and prints the checksum line of
/// ../shared/bench/read_bench.py: non-empty cells, sum of numbers (booleans count 1/0),
/// UTF-8 bytes of strings, date cells (durations are not dates there).
///
///   xlsx-bench read FILE            the zero-allocation engine (raw cells)
///   xlsx-bench read FILE --rows     the streaming `Row` API (a `CellValue` per cell)
///   xlsx-bench read FILE --sheet    the whole-sheet model (`Workbook.sheet(at:)`)
func readBench(_ arguments: [String]) throws {
    guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
        print("usage: xlsx-bench read FILE [--rows | --sheet]")
        return
    }
    let workbook = try Workbook(path: path)
    guard let sheet = workbook.sheets.first else { throw XLSXError.invalidOperation("the workbook has no sheet") }
    var checksum = Checksum()
    if arguments.contains("--rows") {
        try workbook.rows(of: sheet).forEach { row in
            for cell in row.cells { checksum.add(cell.value) }
        }
    } else if arguments.contains("--sheet") {
        let model = try workbook.sheet(sheet)
        for row in model.rows { for cell in row.cells { checksum.add(cell.value) } }
        checksum.extra = " dimension=\(model.dimension?.description ?? "-")"
    } else {
        let strings = workbook.sharedStrings
        let formats = workbook.cellFormats
        try workbook.forEachRawCell(in: sheet) { cell in
            switch cell.type {
            case .number:
                guard let n = cell.number else { return }
                checksum.cells += 1
                if let kind = formats.dateKind(cell.styleIndex) {
                    if kind != .duration { checksum.dates += 1 }
                } else {
                    checksum.sum += n
                }
            case .sharedString:
                guard let index = cell.sharedStringIndex else { return }
                let n = strings.utf8Count(at: index)
                if n > 0 { checksum.cells += 1; checksum.stringBytes += n }
            case .inlineString, .formulaString:
                if cell.bytes.count > 0 { checksum.cells += 1; checksum.stringBytes += cell.bytes.count }
            case .boolean:
                checksum.cells += 1
                if cell.bytes.first == UInt8(ascii: "1") { checksum.sum += 1 }
            case .error:
                checksum.cells += 1
            case .isoDate:
                checksum.cells += 1
                checksum.dates += 1
            case .empty:
                break
            }
        }
    }
    print(checksum.line)
}

/// The four figures every reader of the shared bench prints.
struct Checksum {
    var cells = 0
    var sum = 0.0
    var stringBytes = 0
    var dates = 0
    var extra = ""

    mutating func add(_ value: CellValue) {
        switch value.resolved {
        case .empty: return
        case .number(let n): cells += 1; sum += n
        case .bool(let b): cells += 1; sum += b ? 1 : 0
        case .string(let s):
            if !s.isEmpty { cells += 1; stringBytes += s.utf8.count }
        case .richText:
            let n = value.plainText?.utf8.count ?? 0
            if n > 0 { cells += 1; stringBytes += n }
        case .date(let d):
            cells += 1
            if d.kind != .duration { dates += 1 }
        case .error: cells += 1
        case .formula: return
        }
    }

    /// `cells=… num=… strbytes=… dates=…`, the number as C's `%.6g`.
    var line: String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([sum]) { vsnprintf(&buffer, buffer.count, "%.6g", $0) }
        let num = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return "cells=\(cells) num=\(num) strbytes=\(stringBytes) dates=\(dates)\(extra)"
    }
}
