import Foundation
@testable import XLSX

/// The feature workbook: one workbook exercising everything the writer offers, with the
/// values `scripts/interop-write` checks by hand-written expectations (openpyxl, LibreOffice).
enum FeatureWorkbook {
    static let planSheet = "Kế hoạch tuần"
    static let listSheet = "Danh mục"
    static let hiddenSheet = "Ẩn"

    static let units = ["Trường Tiểu học số 1 xã Ea Kao", "Trường THCS số 2 phường Bến Nghé",
                        "Trạm Y tế xã Cư Êbur", "Ủy ban Nhân dân xã Hòa Thắng", "Nhà văn hóa phường Tự An"]

    static let header = ["Mã lớp", "Tên lớp", "Đơn vị", "Số học viên", "Tỷ lệ hoàn thành",
                         "Ngày bắt đầu", "Giờ khai mạc", "Đã duyệt", "Kinh phí (VND)", "Trạng thái"]

    static let titleStyle = CellStyle(
        font: Font(name: "Times New Roman", size: 14, bold: true, color: .hex("1F3864")),
        alignment: Alignment(horizontal: .center, vertical: .center))
    static let headerStyle = CellStyle(
        font: Font(bold: true, color: .white), fill: .solid(.hex("4472C4")),
        border: .all(BorderEdge(.thin, color: .black)),
        alignment: Alignment(horizontal: .center, vertical: .center, wrapText: true))
    static let countStyle = CellStyle(numberFormat: .integer, locked: false)
    static let percentStyle = CellStyle(numberFormat: .percent1)
    static let dateStyle = CellStyle(numberFormat: .dayMonthYear)
    static let dateTimeStyle = CellStyle(numberFormat: .dayMonthYearTime)
    static let moneyStyle = CellStyle(font: Font(italic: true, underline: .single),
                                      alignment: Alignment(horizontal: .right, indent: 1), numberFormat: .thousands)
    static let noteStyle = CellStyle(fill: Fill(pattern: .solid, foreground: .hex("FFF2CC")),
                                     alignment: Alignment(vertical: .top, wrapText: true, rotation: 0))
    static let rotatedStyle = CellStyle(alignment: Alignment(horizontal: .center, rotation: 45))

    /// One data row per class.
    static let classes: [[CellValue]] = [
        [.string("TH-001"), .string("Bồi dưỡng kỹ năng số"), .string(units[0]), .number(35), .number(0.875),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 1), kind: .date)),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 1, hour: 7, minute: 30), kind: .dateTime)),
         .bool(true), .number(12_500_000), .string("Đang học")],
        [.string("TH-002"), .string("Sơ cấp cứu ban đầu"), .string(units[2]), .number(42), .number(0.5),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 3), kind: .date)),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 3, hour: 13, minute: 45), kind: .dateTime)),
         .bool(false), .number(8_750_000), .string("Chưa bắt đầu")],
        [.string("TH-003"), .string("Văn thư – lưu trữ"), .string(units[3]), .number(26), .number(1),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 5), kind: .date)),
         .date(ExcelDateTime(DateTimeComponents(year: 2026, month: 12, day: 5, hour: 8, minute: 0), kind: .dateTime)),
         .bool(true), .number(6_000_000.5), .string("Hoàn thành")],
    ]

    /// The cells below the table: formula, error, rich text and the escaping traps.
    static let extras: [(String, CellValue)] = [
        ("A7", .formula("SUM(D3:D5)", cached: .number(103))),
        ("B7", .string("Xem danh mục")),
        ("B8", .string("Cổng thông tin")),
        ("A8", .error("#N/A")),
        ("A9", .richText([RichTextRun("Chú ý: ", font: Font(bold: true, color: .red)), RichTextRun("hạn chót 05/12")])),
        ("A10", .string("Tab\there\u{1}end")),
        ("A11", .string("_x0041_ literal")),
        ("A12", .string("  hai dấu cách đầu")),
        ("A13", .string("Dòng 1\nDòng 2")),
        ("B9", .formula("IF(D3>30,\"Lớn\",\"Nhỏ\")", cached: .string("Lớn"))),
        ("B10", .number(-0.0625)),
        ("B11", .number(1.5e-7)),
        ("B12", .string("<a & b> \"c\"")),
    ]

    static let properties = DocumentProperties(
        title: "Kế hoạch tập huấn tuần 48", subject: "Tập huấn", creator: "Phòng Đào tạo",
        keywords: "tập huấn, kế hoạch", description: "Bảng kế hoạch mẫu", category: "Báo cáo",
        company: "Sở Nội vụ", created: DateTimeComponents(year: 2026, month: 11, day: 29, hour: 8))

    /// Builds the workbook in memory and writes it.
    static func write(to path: String) throws {
        let workbook = WorkbookWriter(options: .init(deterministic: true))
        workbook.properties = properties
        let plan = try workbook.addSheet(planSheet)
        let list = try workbook.addSheet(listSheet)
        let hidden = try workbook.addSheet(hiddenSheet)

        try plan.merge(CellRange("A1:J1")!, value: .string("KẾ HOẠCH TẬP HUẤN TUẦN 48"), style: titleStyle)
        try plan.setRowHeight(30, row: 0)
        try plan.appendRow(header.map { .string($0) }, style: headerStyle)
        try plan.setRowHeight(32, row: 1)
        let styles: [CellStyle?] = [nil, nil, nil, countStyle, percentStyle, dateStyle, dateTimeStyle, nil, moneyStyle, nil]
        for row in classes { try plan.appendRow(row, styles: styles) }
        for (ref, value) in extras { try plan.set(value, at: ref) }
        try plan.set(.string("Ghi chú dài, xuống dòng tự động trong ô"), at: "C7", style: noteStyle)
        try plan.set(.string("Xoay 45°"), at: "D7", style: rotatedStyle)
        try plan.fitColumnsToContent()
        try plan.setColumnWidth(12, column: 0)
        try plan.freeze(rows: 2, columns: 1)
        plan.autoFilter = CellRange("A2:J5")
        try plan.addValidation(DataValidation(
            .listFromRange(sheet: listSheet, range: CellRange("A2:A6")!),
            inputMessage: .init(title: "Đơn vị", "Chọn đơn vị trong danh mục")), to: CellRange("C3:C5")!)
        try plan.addValidation(DataValidation(
            .wholeNumber(.between(1, 200)),
            errorMessage: .init(title: "Sai số học viên", "Nhập số nguyên từ 1 đến 200")), to: CellRange("D3:D5")!)
        try plan.addValidation(DataValidation(.decimal(.between(0, 1)), errorStyle: .warning), to: CellRange("E3:E5")!)
        try plan.addValidation(DataValidation(
            .date(.between(DateTimeComponents(year: 2026, month: 1, day: 1), DateTimeComponents(year: 2026, month: 12, day: 31))),
            inputMessage: .init(title: "Ngày", "Trong năm 2026")), to: CellRange("F3:F5")!)
        try plan.addValidation(DataValidation(.list(["Chưa bắt đầu", "Đang học", "Hoàn thành"])), to: CellRange("J3:J5")!)
        try plan.addNote(Note("Lớp thí điểm", author: "Phòng Đào tạo"), at: CellReference("B3")!)
        try plan.addNote(Note("Số liệu tạm, chờ xác nhận", author: "Nguyễn Văn A"), at: CellReference("D4")!)
        try plan.addHyperlink(.internal(sheet: listSheet, CellRange("A1")!, tooltip: "Mở danh mục"), at: CellReference("B7")!)
        try plan.addHyperlink(.external("https://example.gov.vn/tap-huan?tuan=48&nam=2026"), at: CellReference("B8")!)
        plan.printSetup = PrintSetup(orientation: .landscape, paper: .a4, fitToWidth: 1, repeatRows: 0...1,
                                     printArea: CellRange("A1:J13"))
        plan.tabColor = .hex("0070C0")
        try plan.addChart(Chart(.column, series: [
            Chart.Series(sheet: planSheet, values: CellRange("D3:D5")!, categories: CellRange("A3:A5")!,
                         name: "Số học viên", cachedValues: [35, 42, 26]),
        ], title: "Học viên theo lớp", categoryAxisTitle: "Lớp", valueAxisTitle: "Người", anchor: CellRange("L2:S16")!))
        try plan.addChart(Chart(.bar, series: [
            Chart.Series(sheet: planSheet, values: CellRange("I3:I5")!, categories: CellRange("A3:A5")!, name: "Kinh phí"),
        ], anchor: CellRange("L18:S30")!, showLegend: false))
        var line = Chart(.line, series: [
            Chart.Series(sheet: planSheet, values: CellRange("D3:D5")!, categories: CellRange("A3:A5")!, name: "Số học viên"),
        ], title: "Học viên (đường)", anchor: CellRange("L32:S44")!)
        line.series[0].fillColor = "ED7D31"
        try plan.addChart(line)
        var pie = Chart(.pie, series: [
            Chart.Series(sheet: planSheet, values: CellRange("D3:D5")!, categories: CellRange("A3:A5")!, name: "Tỷ lệ học viên",
                         cachedValues: [35, 42, 26], cachedCategories: .text(["TH-001", "TH-002", "TH-003"]),
                         pointColors: ["4472C4", "ED7D31", "A5A5A5"]),
        ], title: "Phần học viên", anchor: CellRange("U2:AB16")!)
        pie.firstSliceAngle = 90
        pie.showPercentages = true
        try plan.addChart(pie)
        var doughnut = Chart(.doughnut, series: [
            Chart.Series(sheet: planSheet, values: CellRange("I3:I5")!, categories: CellRange("A3:A5")!, name: "Kinh phí",
                         pointColors: ["70AD47", nil, "FFC000"]),
        ], anchor: CellRange("U18:AB30")!)
        doughnut.holeSize = 40
        try plan.addChart(doughnut)

        try list.appendRow([.string("Đơn vị")], style: headerStyle)
        for unit in units { try list.appendRow([.string(unit)]) }
        try list.setColumnWidth(40, column: 0)
        try list.addHyperlink(.internal(sheet: planSheet, CellRange("A1")!), at: CellReference("B1")!)
        try list.set(.string("Về kế hoạch"), at: "B1")

        try hidden.set(.string("bí mật"), at: "A1")
        hidden.state = .hidden

        try workbook.defineName("DanhSachDonVi", refersTo: SheetName.reference(listSheet, CellRange("A2:A6")!))
        try workbook.write(to: path)
    }

    /// The same table through the streaming writer (inline strings).
    static func writeStreaming(to path: String) throws {
        let workbook = try StreamingWorkbookWriter(path: path, options: .init(deterministic: true))
        workbook.properties = properties
        let plan = try workbook.addSheet(planSheet)
        let list = try workbook.addSheet(listSheet)
        try plan.fitColumns(to: classes, minimum: 8)
        try plan.setColumnWidth(12, column: 0)
        try plan.freeze(rows: 2, columns: 1)
        // The sheet's properties (fit to page, tab colour) precede the rows in the XML.
        plan.printSetup = PrintSetup(orientation: .landscape, paper: .a4, fitToWidth: 1, repeatRows: 0...1)
        try plan.setRowHeight(30, row: 0)
        try plan.writeRow([.string("KẾ HOẠCH TẬP HUẤN TUẦN 48")] + Array(repeating: .empty, count: 9), at: 0, style: titleStyle)
        try plan.appendRow(header.map { .string($0) }, style: headerStyle)
        let styles: [CellStyle?] = [nil, nil, nil, countStyle, percentStyle, dateStyle, dateTimeStyle, nil, moneyStyle, nil]
        for row in classes { try plan.appendRow(row, styles: styles) }
        try plan.writeRow([.formula("SUM(D3:D5)", cached: .number(103)), .string("Xem danh mục")], at: 6)
        try plan.writeRow([.error("#N/A"), .string("Cổng thông tin")], at: 7)
        try plan.merge(CellRange("A1:J1")!)
        plan.autoFilter = CellRange("A2:J5")
        try plan.addValidation(DataValidation(.list(["Chưa bắt đầu", "Đang học", "Hoàn thành"])), to: CellRange("J3:J5")!)
        try plan.addNote(Note("Lớp thí điểm", author: "Phòng Đào tạo"), at: CellReference("B3")!)
        try plan.addHyperlink(.internal(sheet: listSheet, CellRange("A1")!), at: CellReference("B7")!)
        try plan.addHyperlink(.external("https://example.gov.vn/tap-huan?tuan=48&nam=2026"), at: CellReference("B8")!)
        try list.appendRow([.string("Đơn vị")], style: headerStyle)
        for unit in units { try list.appendRow([.string(unit)]) }
        try workbook.close()
    }
}
