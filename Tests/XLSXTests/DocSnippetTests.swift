import Foundation
import Testing
import XLSX

/// The code samples of the XLSX documentation catalogue and of README.md, compiled and run so
/// they cannot drift from the API. Each test holds a snippet as the article prints it, with
/// only the file names moved into a temporary folder; expected values are worked out by hand.
@Suite struct DocSnippetTests {
    /// The row type of GettingStarted.md.
    struct Course: Decodable {
        let code: String
        let seats: Int
        let start: ExcelDateTime
        let note: String?
    }

    /// GettingStarted.md: write a styled sheet, then read it back into `Course`.
    @Test func gettingStartedWritesThenDecodes() throws {
        let dir = try makeTemporaryDirectory("doc-getting-started")
        let path = dir.appendingPathComponent("courses.xlsx").path

        let writer = WorkbookWriter()
        let out = try writer.addSheet("Courses")
        let header = CellStyle(font: Font(bold: true), fill: .solid(.hex("DDEBF7")))
        try out.appendRow([.string("code"), .string("seats"), .string("start")], style: header)
        try out.appendRow([.string("K-01"), .number(30),
                           .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 1), kind: .date))])
        try out.freeze(rows: 1)
        try out.fitColumnsToContent()
        try writer.write(to: path)

        let workbook = try Workbook(path: path)
        let sheet = try workbook.sheet(named: "Courses")
        let courses = try sheet.decodeRows(Course.self)

        #expect(courses.count == 1)
        #expect(courses.first?.code == "K-01")
        #expect(courses.first?.seats == 30)
        #expect(courses.first?.start.components.isoDate == "2026-12-01")
        #expect(courses.first?.note == nil)
        // The date cell had no style: the writer gave it dd/mm/yyyy.
        let cell = try #require(sheet["C2"])
        #expect(workbook.numberFormat(of: cell) == .dayMonthYear)
        #expect(sheet.freezePane != nil)
    }

    /// StreamingLargeFiles.md: the streaming writer, the row stream, the async rows, the raw engine.
    @Test func streamingWriteAndRead() async throws {
        let dir = try makeTemporaryDirectory("doc-streaming")
        let path = dir.appendingPathComponent("big-out.xlsx").path

        let writer = try StreamingWorkbookWriter(path: path)
        let sheet = try writer.addSheet("Data")
        try sheet.appendRow([.string("n"), .string("square")], style: CellStyle(font: Font(bold: true)))
        for n in 1...1_000 {
            try sheet.appendRow([.number(Double(n)), .number(Double(n * n))])
        }
        try writer.close()

        let workbook = try Workbook(path: path)
        let reader = try workbook.rows(of: workbook.sheets[0])
        var total = 0.0
        while let row = try reader.next() {
            for cell in row.cells {
                total += cell.value.number ?? 0
            }
        }
        // Σn = 500,500 and Σn² = 1000·1001·2001/6 = 333,833,500.
        #expect(total == 500_500 + 333_833_500)

        var rows = 0
        for try await row in try workbook.rows(of: workbook.sheets[0]).asyncRows where row.cells.count == 2 { rows += 1 }
        #expect(rows == 1_001)

        var numbers = 0
        _ = try workbook.forEachRawCell(in: workbook.sheets[0]) { cell in
            if cell.number != nil { numbers += 1 }
        }
        #expect(numbers == 2_000)
    }

    /// StylesAndDates.md: styles build, and 2026-12-01 is serial 46357 (45627 is 2024-12-01,
    /// plus 365 + 365 days; Python: (date(2026,12,1) - date(1899,12,30)).days == 46357).
    @Test func stylesAndDates() throws {
        let title = CellStyle(
            font: Font(size: 14, bold: true, color: .hex("1F4E79")),
            fill: .solid(.hex("DDEBF7")),
            border: .all(BorderEdge(.thin)),
            alignment: Alignment(horizontal: .center, wrapText: true)
        )
        let money = CellStyle(numberFormat: .thousands)
        #expect(title.font.color == .rgb("FF1F4E79"))
        #expect(money.numberFormat.code == "#,##0")

        let day = ExcelDateTime(serial: 46_357, kind: .date)
        #expect(day.components.isoDate == "2026-12-01")
        let back = ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 1), kind: .date)
        #expect(back.serial == 46_357)
        // The 1900 bug, as the article states it.
        #expect(ExcelDateTime(serial: 61, kind: .date).components.isoDate == "1900-03-01")
        #expect(ExcelDateTime(serial: 59, kind: .date).components.isoDate == "1900-02-28")
    }

    /// FillingTemplates.md: a template with a header line and a repeated block, filled.
    @Test func templateFill() throws {
        let dir = try makeTemporaryDirectory("doc-template")
        let template = dir.appendingPathComponent("report.xlsx").path
        let output = dir.appendingPathComponent("report-48.xlsx").path
        let made = WorkbookWriter()
        let page = try made.addSheet("Báo cáo")
        try page.appendRow([.string("Tuần {{week}}"), .string("{{team}}")])
        try page.appendRow([.string("{{#courses}}")])
        try page.appendRow([.string("{{title}}"), .string("{{students}}")])
        try page.appendRow([.string("{{/courses}}")])
        try page.appendRow([.string("Hết")])
        try made.write(to: template)

        let data: TemplateValue = .object([
            "week": .number(48),
            "team": .string("Nhóm 1"),
            "courses": .array([
                .object(["title": .string("Kế toán"), "students": .number(32)]),
                .object(["title": .string("Văn thư"), "students": .number(28)]),
            ]),
        ])
        let report = try WorkbookTemplate.fill(template: template, data: data, output: output)
        #expect(report.rowsWritten > 0)

        let filled = try Workbook(path: output).sheet(named: "Báo cáo")
        #expect(filled["A1"]?.value == .string("Tuần 48"))
        #expect(filled["B1"]?.value == .string("Nhóm 1"))
        #expect(filled["A2"]?.value == .string("Kế toán"))
        #expect(filled["B2"]?.value == .number(32))
        #expect(filled["A3"]?.value == .string("Văn thư"))
        #expect(filled["B3"]?.value == .number(28))
        #expect(filled["A4"]?.value == .string("Hết"))
    }

    /// ErrorsAndLimits.md: a missing file is an XLSXError with a message in each language;
    /// a tight cell limit refuses a workbook over it.
    @Test func errorsAndLimits() throws {
        let dir = try makeTemporaryDirectory("doc-errors")
        var message = ""
        do {
            _ = try Workbook(path: dir.appendingPathComponent("not-there.xlsx").path)
        } catch let error as XLSXError {
            message = error.message(.en)
        }
        #expect(message.contains("not-there.xlsx"))

        let path = dir.appendingPathComponent("upload.xlsx").path
        let writer = WorkbookWriter()
        let sheet = try writer.addSheet("S")
        for n in 0..<20 { try sheet.appendRow([.number(Double(n))]) }
        try writer.write(to: path)

        var limits = ReadLimits()
        limits.maxCells = 10
        #expect(throws: XLSXError.self) {
            let small = try Workbook(path: path, limits: limits)
            _ = try small.sheet(at: 0)
        }
        limits.maxCells = 1_000_000
        let small = try Workbook(path: path, limits: limits)
        #expect(try small.sheet(at: 0).cellCount == 20)
    }

    /// ReadingWorkbooks.md: open and list, stream rows, the whole sheet, typed rows with a
    /// header matcher of one's own.
    @Test func readingWorkbooks() async throws {
        let dir = try makeTemporaryDirectory("doc-reading")
        let path = dir.appendingPathComponent("Ke hoach tap huan.xlsx").path
        let made = WorkbookWriter()
        let plan = try made.addSheet("Kế hoạch")
        try plan.appendRow([.string("Mã lớp"), .string("Số học viên"), .string("Ngày khai giảng"), .string("Ghi chú")])
        try plan.appendRow([.string("K-01"), .number(30), .date(ExcelDateTime(serial: 45_627, kind: .date)), .empty])
        try plan.appendRow([.string("K-02"), .formula("B2-5", cached: .number(25)), .date(ExcelDateTime(serial: 45_628, kind: .date)), .string("bù")])
        try made.write(to: path)

        // Open and list.
        let workbook = try Workbook(path: path)
        for sheet in workbook.sheets {
            print(sheet.name, sheet.state)
        }
        #expect(workbook.sheets.map(\.state) == [.visible])
        #expect(workbook.dateSystem == .date1900)

        // Stream rows.
        let reader = try workbook.rows(of: workbook.sheets[0])
        var dates: [String] = [], formulas: [String] = []
        while let row = try reader.next() {
            for cell in row.cells {
                switch cell.value {
                case .date(let d): dates.append("\(cell.reference) \(d.components.isoDate)")
                case .formula(let f, let cached): formulas.append("\(cell.reference) =\(f) \(cached)")
                default: break
                }
            }
        }
        // 45627 is 2024-12-01 (Python: date(1899, 12, 30) + timedelta(45627)).
        #expect(dates == ["C2 2024-12-01", "C3 2024-12-02"])
        #expect(formulas == ["B3 =B2-5 number(25.0)"])

        // The whole sheet, then typed rows with the article's matcher.
        let sheet = try workbook.sheet(named: "Kế hoạch")
        #expect(sheet["B2"]?.value == .number(30))
        #expect(sheet.dimension?.description == "A1:D3")
        struct Course: Decodable {
            let code: String; let seats: Int; let start: ExcelDateTime; let note: String?
            enum CodingKeys: String, CodingKey {
                case code = "ma lop", seats = "so hoc vien", start = "ngay khai giang", note = "ghi chu"
            }
        }
        let courses = try sheet.decodeRows(Course.self) { header, key in
            header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == key
        }
        #expect(courses.map(\.code) == ["K-01", "K-02"])
        #expect(courses.map(\.seats) == [30, 25])
        #expect(courses.map(\.note) == [nil, "bù"])

        // The engine.
        var dateCells = 0
        _ = try workbook.forEachRawCell(in: workbook.sheets[0]) { cell in
            if workbook.cellFormats.dateKind(Int(cell.styleIndex)) != nil { dateCells += 1 }
        }
        #expect(dateCells == 2)
    }

    /// ReadingWorkbooks.md, "Writing back what was read": the copy keeps the sheet states,
    /// validations, links, notes and names of the source.
    @Test func readingWorkbooksWriteBack() throws {
        let dir = try makeTemporaryDirectory("doc-write-back")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sourcePath = dir.appendingPathComponent("Ke hoach tap huan.xlsx").path
        let copyPath = dir.appendingPathComponent("Ban sao.xlsx").path
        let made = WorkbookWriter()
        let plan = try made.addSheet("Kế hoạch")
        try plan.appendRow([.string("Mã lớp"), .string("Có học")])
        try plan.addValidation(DataValidation(.list(["Có", "Không"])), to: CellRange("B2:B20")!)
        try plan.addHyperlink(.external("https://example.org/tap-huan"), at: CellReference("A1")!)
        try plan.addNote(Note("Lớp thí điểm", author: "Phòng Đào tạo"), at: CellReference("A2")!)
        let list = try made.addSheet("Danh mục")
        try list.appendRow([.string("Có"), .string("Không")])
        list.state = .hidden
        try made.defineName("LuaChon", refersTo: "'Danh mục'!$A$1:$B$1")
        try made.write(to: sourcePath)

        // --- ReadingWorkbooks.md
        let source = try Workbook(path: sourcePath)
        let copy = WorkbookWriter()
        for info in source.sheets {
            let sheet = try source.sheet(info)
            let out = try copy.addSheet(info.name)
            for cell in sheet.cells { try out.set(cell.value, at: cell.reference) }
            out.state = info.state
            for validation in sheet.dataValidations { try out.addValidation(validation) }
            for (range, link) in sheet.hyperlinks { try out.addHyperlink(link, over: range) }
            for (cell, note) in sheet.notes { try out.addNote(note, at: cell) }
        }
        for name in source.definedNames { try copy.defineName(name) }
        try copy.write(to: copyPath)
        // --- end

        let back = try Workbook(path: copyPath)
        #expect(back.sheets.map(\.state) == [.visible, .hidden])
        #expect(back.definedNames == [DefinedName("LuaChon", refersTo: "'Danh mục'!$A$1:$B$1")])
        let sheet = try back.sheet(named: "Kế hoạch")
        #expect(sheet.dataValidations == [DataValidation(.list(["Có", "Không"]), ranges: [CellRange("B2:B20")!])])
        #expect(sheet.hyperlinks == [CellRange("A1")!: .external("https://example.org/tap-huan")])
        #expect(sheet.notes == [CellReference("A2")!: Note("Lớp thí điểm", author: "Phòng Đào tạo")])
        #expect(sheet["B1"]?.value == .string("Có học"))
    }

    /// The "library in ten lines" of README.md: read rows into a Decodable type, write a
    /// styled sheet, fill a template.
    @Test func readmeTenLines() throws {
        let dir = try makeTemporaryDirectory("doc-readme")
        let input = dir.appendingPathComponent("in.xlsx").path
        let seed = WorkbookWriter()
        let s = try seed.addSheet("Courses")
        try s.appendRow([.string("code"), .string("seats")])
        try s.appendRow([.string("K-01"), .number(30)])
        try s.appendRow([.string("K-02"), .number(25)])
        try seed.write(to: input)
        let tpl = dir.appendingPathComponent("tpl.xlsx").path
        let t = WorkbookWriter()
        try t.addSheet("Tổng").appendRow([.string("Tổng số chỗ"), .string("{{seats}}")])
        try t.write(to: tpl)
        let out = dir.appendingPathComponent("out.xlsx").path
        let filled = dir.appendingPathComponent("filled.xlsx").path

        // --- README
        struct Row: Decodable { let code: String; let seats: Int }
        let rows = try Workbook(path: input).sheet(named: "Courses").decodeRows(Row.self)
        let writer = WorkbookWriter()
        let sheet = try writer.addSheet("Seats")
        try sheet.appendRow([.string("code"), .string("seats")], style: CellStyle(font: Font(bold: true)))
        for row in rows { try sheet.appendRow([.string(row.code), .number(Double(row.seats))]) }
        try writer.write(to: out)
        let total = Double(rows.reduce(0) { $0 + $1.seats })
        try WorkbookTemplate.fill(template: tpl, data: .object(["seats": .number(total)]), output: filled)
        // --- end

        let written = try Workbook(path: out).sheet(named: "Seats")
        #expect(written["A3"]?.value == .string("K-02"))
        #expect(written["B3"]?.value == .number(25))
        #expect(try Workbook(path: filled).sheet(named: "Tổng")["B1"]?.value == .number(55))
    }

    /// MarkingWorkbooks.md: a fill, a note and a summary sheet added to a workbook someone made.
    @Test func markingWorkbooksAddsMarks() throws {
        let dir = try makeTemporaryDirectory("doc-marking")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/annotate/styled-xlsxwriter.xlsx", withExtension: nil))
        try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent("Ban giao.xlsx"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("checked"), withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("Ban giao.xlsx").path, output = dir.appendingPathComponent("checked/Ban giao.xlsx").path

        // --- MarkingWorkbooks.md
        var marks = WorkbookAnnotations()
        let cell = CellReference("C7")!
        marks.fill(cell, in: "Bàn giao", with: .solid(.rgb("FFFFC7CE")))
        marks.addNote(Note("[HANDOVER_LATE] bàn giao trước 6 ngày", author: "taphuan"), at: cell, in: "Bàn giao")

        var summary = AddedSheet("Kết quả kiểm tra")
        summary.appendRow([.string("Ô"), .string("Nội dung")], looks: [.init(font: Font(bold: true)), .init(font: Font(bold: true))])
        summary.appendRow([.string("C7"), .string("bàn giao trước 6 ngày")])
        summary.link(CellReference("A2")!, to: cell, in: "Bàn giao")
        summary.frozenRows = 1
        marks.append(summary)

        let report = try marks.write(workbook: input, to: output)
        print(report.rewrittenParts, report.addedParts)
        // --- end

        #expect(report.addedParts == ["xl/worksheets/sheet3.xml"])
        let copy = try Workbook(path: output)
        #expect(copy.sheets.map(\.name) == ["Bàn giao", "Số liệu", "Kết quả kiểm tra"])
        let notes = try copy.sheet(named: "Bàn giao").notes
        #expect(notes[cell]?.text == "[HANDOVER_LATE] bàn giao trước 6 ngày")
        #expect(notes.count == 2, "the note the workbook had is kept")
        #expect(try copy.sheet(named: "Kết quả kiểm tra")["B2"]?.value == .string("bàn giao trước 6 ngày"))
    }
}
