import Foundation
import TestTools
import Testing
@testable import XLSX

/// The style reader against openpyxl over the shared corpus (scripts/compare-styles-openpyxl.py):
/// at least 99 % of the cells both read have the same font, fill, border and number format.
@Suite(.requires(.sharedCorpus, .openpyxl))
struct ReadStyleCorpusTests {
    static func colour(_ c: Color?) -> String {
        switch c {
        case nil: return "-"
        case .rgb(let v)?: return v.uppercased() == "00000000" ? "-" : "rgb:" + v.uppercased()
        case let .theme(n, tint)?:
            let t = (tint * 1_000_000).rounded() / 1_000_000
            return "theme:\(n):\(t == t.rounded() ? String(Int(t)) : String(t))"
        case .indexed(let n)?: return "indexed:\(n)"
        }
    }

    static func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    /// One TSV line per cell: file, sheet, cell, font (7 fields), fill (3), border (4), number format.
    static func line(_ file: String, _ sheet: String, _ ref: String, _ s: CellStyle) -> String {
        let f = s.font
        let font = [f.name, number(f.size), f.bold ? "True" : "False", f.italic ? "True" : "False", f.underline?.rawValue ?? "-",
                    f.strike ? "True" : "False", colour(f.color)]
        let fill = [s.fill.pattern.rawValue, colour(s.fill.foreground), colour(s.fill.background)]
        let border = [s.border.left, s.border.right, s.border.top, s.border.bottom].map { e in
            e.map { "\($0.style.rawValue)/\(colour($0.color))" } ?? "-/-"
        }
        return ([file, sheet, ref] + font + fill + border + [s.numberFormat.code]).joined(separator: "\t")
    }

    @Test func stylesMatchOpenpyxl() throws {
        let root = try sharedCorpus().appendingPathComponent("corpus")
        let manifest = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var lines: [String] = []
        var read = 0
        // The manifest's lines end in CRLF.
        for row in manifest.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 18, fields[18] == "1" else { continue }  // openpyxl_ok
            let local = fields[3]
            guard let book = try? Workbook(path: root.appendingPathComponent(local).path) else { continue }
            guard let styles = try? book.styleSheet() else { continue }
            read += 1
            for info in book.sheets {
                _ = try? book.forEachRawCell(in: info) { cell in
                    let s = styles.style(cell.styleIndex)
                    lines.append(Self.line(local, info.name, cell.reference.description, s))
                }
            }
        }
        let dir = try makeTemporaryDirectory("styles")
        defer { try? FileManager.default.removeItem(at: dir) }
        // TAPHUAN_WRITE_OUT keeps our side for running the script by hand.
        let out = ProcessInfo.processInfo.environment["TAPHUAN_WRITE_OUT"].map { URL(fileURLWithPath: $0) } ?? dir
        let tsv = out.appendingPathComponent("styles-ours.tsv")
        try (lines.joined(separator: "\n") + "\n").write(to: tsv, atomically: true, encoding: .utf8)
        let script = AnnotationTests.script("compare-styles-openpyxl.py")
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(), [script, tsv.path, root.path, "--min", "0.99"], standardError: false)
        print(output)
        #expect(read > 1000, "workbooks read: \(read)")
        #expect(status == 0, "\(output)")
    }
}
