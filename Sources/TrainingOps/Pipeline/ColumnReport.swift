import XLSX

/// The column understanding of a workbook's sheets, as text: what `taphuan inspect --columns`
/// prints and the check page shows on request.
public enum ColumnReport {
    /// What the importer understood of the header of every sheet of `workbook`, or only of
    /// `sheet`, reading headers with `vocabulary` (the office's column aliases included): the
    /// kind recognised with its score, the header row, each column's concept and score (and
    /// the runner-up concepts), the columns not used, the required columns not found and the
    /// near misses.
    public static func text(_ workbook: Workbook, sheet: String? = nil, language: Language,
                            vocabulary: ColumnVocabulary = .standard) throws -> String {
        let vi = language == .vi
        var output = ""
        func line(_ text: String) { output += text + "\n" }
        for info in workbook.sheets where info.part != nil && (sheet == nil || info.name == sheet) {
            let rows = try headRows(info, in: workbook)
            guard let match = HeaderRecognizer.recognise(rows, vocabulary: vocabulary) else {
                line(vi ? "Sheet \"\(info.name)\": không nhận ra loại sheet (không thấy dòng tiêu đề của loại nào)."
                                : "Sheet \"\(info.name)\": not recognised (no header row of a known kind).")
                line("")
                continue
            }
            let schema = match.kind.schema
            let score = decimal(match.kindScore)
            line(vi ? "Sheet \"\(info.name)\": \(schema.sheetName) (\(match.kind.rawValue)), điểm \(score)"
                            : "Sheet \"\(info.name)\": \(schema.sheetName) (\(match.kind.rawValue)), score \(score)")
            var rowLine = vi ? "  Dòng tiêu đề: \(match.headerRow + 1)" : "  Header row: \(match.headerRow + 1)"
            if let group = match.groupRow { rowLine += vi ? " (nhóm tiêu đề: dòng \(group + 1))" : " (group headers: row \(group + 1))" }
            line(rowLine)

            line(vi ? "  Cột → khái niệm:" : "  Column → concept:")
            for (key, column) in match.columns.sorted(by: { $0.value < $1.value }) {
                let header = match.headers[key] ?? ""
                let declared = schema.column(key)?.header ?? key
                var how = match.byValues.contains(key) ? (vi ? "  (theo giá trị trong cột)" : "  (by the column's values)") : ""
                let others = guesses(header, in: match.kind, vocabulary).filter { $0.key != key }.prefix(2)
                if !others.isEmpty {
                    how += (vi ? "  (khác: " : "  (others: ") + others.map { "\($0.key) \(decimal($0.score))" }.joined(separator: ", ") + ")"
                }
                line("    \(CellReference.columnName(column))  \"\(header)\" → \(key) \"\(declared)\"  \(decimal(match.scores[key] ?? 0))" + how)
            }
            if let spread = schema.spread {
                let names = schema.column(spread.names)?.header ?? spread.names
                let choice = schema.column(spread.choice)?.header ?? spread.choice
                for s in match.spreadColumns {
                    line("    \(CellReference.columnName(s.column))  \"\(s.header)\" → \(spread.names) \"\(names)\", \(spread.choice) \"\(choice)\" = \(s.value)"
                         + (vi ? "  (mỗi tên một dòng)" : "  (a row per name)"))
                }
            }

            let unused = match.unknownColumns.map { ($0.column, $0.header, nil as String?) }
                + match.duplicateColumns.map { ($0.column, $0.header, Optional($0.key)) }
            line(vi ? "  Cột không dùng:" + (unused.isEmpty ? " không có" : "") : "  Columns not used:" + (unused.isEmpty ? " none" : ""))
            for (column, header, repeated) in unused.sorted(by: { $0.0 < $1.0 }) {
                var text = "    \(CellReference.columnName(column))  \"\(header)\""
                if let repeated {
                    text += vi ? "  (trùng cột \(repeated) đã đọc)" : "  (repeats \(repeated), already read)"
                } else if let best = guesses(header, in: match.kind, vocabulary).first {
                    text += vi ? "  (gần nhất: \(best.key) \(decimal(best.score)))" : "  (closest: \(best.key) \(decimal(best.score)))"
                }
                line(text)
            }

            let missing = match.missingRequired.map { "\($0.key) \"\($0.header)\"" }
            line((vi ? "  Cột bắt buộc chưa thấy: " : "  Required columns not found: ")
                + (missing.isEmpty ? (vi ? "không có" : "none") : missing.joined(separator: ", ")))

            line(vi ? "  Cột gần đúng:" + (match.nearMisses.isEmpty ? " không có" : "")
                            : "  Near misses:" + (match.nearMisses.isEmpty ? " none" : ""))
            for near in match.nearMisses {
                let declared = schema.column(near.key)?.header ?? near.key
                line(vi ? "    \(CellReference.columnName(near.column))  \"\(near.header)\" có thể là \"\(declared)\" (\(near.key)), điểm \(decimal(near.score))"
                                : "    \(CellReference.columnName(near.column))  \"\(near.header)\" may be \"\(declared)\" (\(near.key)), score \(decimal(near.score))")
            }
            line("")
        }
        return output
    }

    /// The first rows of a sheet, where a header may sit, each as dense cells by column.
    private static func headRows(_ info: SheetInfo, in workbook: Workbook) throws -> [[CellValue]] {
        var rows: [[CellValue]] = []
        let reader = try workbook.rows(of: info)
        while let row = try reader.next(), row.index < HeaderRecognizer.scanRows {
            guard row.index >= rows.count, let last = row.cells.map(\.reference.column).max() else { continue }
            rows += repeatElement([], count: row.index - rows.count)
            var cells = Array(repeating: CellValue.empty, count: last + 1)
            for cell in row.cells { cells[cell.reference.column] = cell.value }
            rows.append(cells)
        }
        return rows
    }

    /// The concept of `kind` a header scores best for, if any reaches the near-miss floor.
    /// The concepts of `kind` a header scores for (from the near-miss floor), best first.
    private static func guesses(_ header: String, in kind: SheetType, _ vocabulary: ColumnVocabulary) -> [(key: String, score: Double)] {
        let range = vocabulary.concepts(of: kind)
        return vocabulary.scores(header).filter { range.contains($0.concept) }.sorted { $0.score > $1.score }
            .map { (vocabulary.concepts[$0.concept].key, $0.score) }
    }

    /// A score with two decimals.
    public static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
