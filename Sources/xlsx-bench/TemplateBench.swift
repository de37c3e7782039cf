import XLSX

/// The template benchmark: the same ROWS course rows (number, text, number, formula, merged
/// note) either filled into TEMPLATE's one-row block or written from scratch by our writer.
///
///     xlsx-bench fill TEMPLATE ROWS OUT        fill the template's {{#courses}} block
///     xlsx-bench fill-scratch ROWS OUT         write the same rows with WorkbookWriter
func templateBench(_ arguments: [String], scratch: Bool) throws {
    if scratch {
        guard arguments.count == 2, let rows = Int(arguments[0]), rows >= 1 else {
            throw XLSXError.invalidOperation("usage: xlsx-bench fill-scratch ROWS OUT")
        }
        let workbook = WorkbookWriter()
        let sheet = try workbook.addSheet("Kế hoạch")
        try sheet.appendRow([.string("Báo cáo tuần 48 — Nhóm A")])
        try sheet.appendRow([.string("Ngày"), .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 11, day: 30), kind: .date))])
        try sheet.appendRow([.string("STT"), .string("Khoá"), .string("Học viên"), .string("Phí")])
        for i in 1...rows {
            let r = i + 3
            try sheet.appendRow([.number(Double(i)), .string("Khoá \(i)"), .number(Double(i)),
                                 .formula("C\(r)*2", cached: .empty), .string("Ghi chú \(i)")])
            guard let a = CellReference("E\(r)"), let b = CellReference("F\(r)") else { continue }
            try sheet.merge(CellRange(a, b))
        }
        try workbook.write(to: arguments[1])
        print("rows=\(rows) from scratch")
    } else {
        guard arguments.count == 3, let rows = Int(arguments[1]), rows >= 1 else {
            throw XLSXError.invalidOperation("usage: xlsx-bench fill TEMPLATE ROWS OUT")
        }
        let data = TemplateValue.object([
            "week": .number(48), "team": .string("Nhóm A"), "date": .string("2026-11-30"),
            "courses": .array((1...rows).map { i in
                .object(["title": .string("Khoá \(i)"), "students": .number(Double(i)), "note": .string("Ghi chú \(i)")])
            }),
        ])
        let report = try WorkbookTemplate.fill(template: arguments[0], data: data, output: arguments[2])
        print("rows=\(report.rowsWritten) filled, \(report.copiedParts.count) parts copied")
    }
}
