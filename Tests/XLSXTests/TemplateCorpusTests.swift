import Foundation
import TestTools
import Testing
@testable import XLSX

/// Row insertion over real workbooks of the shared corpus (a sample): three rows inserted
/// before row 2 of every sheet, then openpyxl must find every value cell three rows lower and
/// as many merged ranges as before, and each note on its cell.
@Suite struct TemplateCorpusTests {
    static let sample: [String] = {
        guard let shared = ExternalTools.sharedFolder,
              let manifest = try? String(contentsOf: shared.appendingPathComponent("corpus/MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        let rows = manifest.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let head = rows.first, let path = head.firstIndex(of: "local_path"), let ok = head.firstIndex(of: "openpyxl_ok"),
              let size = head.firstIndex(of: "size_bytes"), let comments = head.firstIndex(of: "has_comments") else { return [] }
        let readable = rows.dropFirst().filter { $0.count > ok && $0[ok] == "1" && (Int($0[size]) ?? 0) < 2_000_000 }
        let withNotes = readable.filter { $0[comments] == "1" }.prefix(8).map { String($0[path]) }
        return stride(from: 0, to: readable.count, by: 25).map { String(readable[$0][path]) } + withNotes
    }()

    @Test(.requires(.sharedCorpus, .openpyxl), arguments: sample)
    func insertedRowsMoveEverything(_ file: String) throws {
        let shared = try sharedCorpus()
        let python = try ExternalTool.openpyxl.path()
        let source = shared.appendingPathComponent("corpus/" + file).path
        let dir = try makeTemporaryDirectory("corpus-edit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out" + (file.hasSuffix(".xlsm") ? ".xlsm" : ".xlsx")).path
        let package = try TemplatePackage(archive: try ZipArchive(path: source))
        var edits = WorkbookEdits()
        for sheet in package.sheets { try edits.insertRows(3, before: 2, in: sheet.name) }
        try WorkbookTemplate.edit(workbook: source, edits: edits, output: output)
        let script = """
            import sys, warnings, openpyxl
            warnings.simplefilter("ignore")
            a = openpyxl.load_workbook(sys.argv[1]); b = openpyxl.load_workbook(sys.argv[2])
            bad = []
            for wa in a.worksheets:
                wb = b[wa.title]
                for row in wa.iter_rows():
                    for c in row:
                        v = c.value
                        if c.comment is not None:
                            r = c.row if c.row < 2 else c.row + 3
                            other = wb.cell(row=r, column=c.column).comment
                            if other is None or other.text != c.comment.text: bad.append("note %s!%s%d" % (wa.title, c.column_letter, c.row))
                        if v is None or (isinstance(v, str) and v.startswith("=")) or not isinstance(v, (str, int, float, bool)): continue
                        r = c.row if c.row < 2 else c.row + 3
                        if wb.cell(row=r, column=c.column).value != v: bad.append("%s!%s%d" % (wa.title, c.column_letter, c.row))
                if len(wa.merged_cells.ranges) != len(wb.merged_cells.ranges): bad.append(wa.title + ": merges")
            print("ok" if not bad else "moved wrong: " + " ".join(bad[:10]))
            """
        let (status, text) = try runProgram(python, ["-c", script, source, output])
        #expect(status == 0 && text.hasPrefix("ok"), "\(file): \(text)")
    }
}
