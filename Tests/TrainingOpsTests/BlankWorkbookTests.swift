import Foundation
import TestTools
import Testing
import XLSX
@testable import TrainingOps

@Suite struct BlankWorkbookTests {
    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-template-\(UUID().uuidString)-\(name)").path
    }

    /// A blank template of every kind imports as nine recognised, empty sheets and no findings.
    @Test func blankTemplateImportsClean() throws {
        let path = Self.temporaryFile("all.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BlankWorkbook.write(SheetType.allCases, to: path)
        let data = Dataset.load(paths: [path])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        #expect(data.sheets.map(\.header.kind) == SheetType.allCases)
        #expect(data.sheets.allSatisfy { $0.dataRows == 0 && $0.header.unknownColumns.isEmpty })
    }

    /// A template filled in by hand (here, cells set with the writer) reads back as typed values.
    @Test func filledTemplateReadsBack() throws {
        let path = Self.temporaryFile("units.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try BlankWorkbook.workbook([.handover])
        let sheet = try #require(book.sheets.first { $0.name == SheetType.handover.sheetName })
        let values: [String: CellValue] = [
            "courseId": .string("TL-2612-01"), "courseName": .string("Tập huấn Tính lương"), "product": .string("Tính lương"),
            "agency": .string("Phòng GD&ĐT Hòa Vang"), "mode": .string("Trực tuyến"),
            "startDate": .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 21), kind: .date)),
            "endDate": .string("22/12/2026"), "unitCount": .number(18), "handedOverBy": .string("Nguyễn Văn Thịnh"),
            "handoverDate": .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 11, day: 20, hour: 9, minute: 30), kind: .dateTime)),
        ]
        for (c, column) in SheetType.handover.schema.columns.enumerated() {
            if let v = values[column.key] { try sheet.set(v, at: CellReference(row: 1, column: c)!) }
        }
        try book.write(to: path)
        let data = Dataset.load(paths: [path])
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        let course = try #require(data.courses.first)
        #expect(course.id == "TL-2612-01" && course.product == .payroll && course.mode == .online && course.unitCount == 18)
        #expect(course.startDate == LocalDate(2026, 12, 21) && course.endDate == LocalDate(2026, 12, 22))
        #expect(course.handoverDate == LocalMoment(LocalDate(2026, 11, 20), LocalTime(9, 30)))
    }

    /// openpyxl sees the instructions sheet, the frozen headers, the drop-downs and the formats.
    @Test(.requires(.openpyxl)) func openpyxlSeesTheTemplate() throws {
        let python = try ExternalTool.openpyxl.path()
        let path = Self.temporaryFile("all.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BlankWorkbook.write(SheetType.allCases, to: path)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print("sheets", "|".join(wb.sheetnames))
            for ws in wb.worksheets[1:-1]:
                lists = sorted(dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list")
                prompts = sum(1 for dv in ws.data_validations.dataValidation if dv.prompt)
                print(ws.title, ws.freeze_panes, len(lists), prompts, ws["A1"].value)
            hd = wb["Hướng dẫn"]
            print("guide", hd.max_row)
            ws = wb["Bàn giao kế hoạch"]
            print("formats", ws["G2"].number_format, ws["K2"].number_format, ws["A2"].number_format)
            """
        let (status, output) = try runProgram(python, ["-c", script, path])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        let names: [String] = [InputGuide.sheetName] + SheetType.allCases.map(\.sheetName) + [LiveRules.legendSheet]
        #expect(lines.first == "sheets " + names.joined(separator: "|"))
        for type in SheetType.allCases {
            let columns = type.schema.columns
            let lists = columns.filter { if case .choice = $0.type { return true }; return $0.type == .yesNo }.count
            let line = lines.first { $0.hasPrefix(type.sheetName + " ") }
            let first = columns[0].header + (columns[0].required ? " *" : "")
            #expect(line == "\(type.sheetName) A2 \(lists) \(columns.count) \(first)", "\(line ?? "missing") for \(type)")
        }
        let rows = SheetType.allCases.reduce(0) { $0 + $1.schema.columns.count }
        #expect(lines.contains("guide \(InputGuide.introduction.count + 2 + rows)"))
        #expect(lines.contains("formats dd/mm/yyyy dd/mm/yyyy hh:mm @"))
    }
}
