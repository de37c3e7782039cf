import Testing
import XLSX
@testable import TrainingOps

@Suite struct RowClassifierTests {
    static let header = ["STT", "Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "Điện thoại", "Có mặt", "Điểm khảo sát (1-5)", "Ghi chú"]

    static func classifier() throws -> RowClassifier {
        let match = try #require(HeaderRecognizer.recognise([header.map { CellValue.string($0) }]))
        #expect(match.kind == .units)
        return RowClassifier(match: match)
    }

    /// A row from strings: a string of digits becomes a number, "" an empty cell.
    static func row(_ texts: [String]) -> [CellValue] {
        texts.map { t in
            if t.isEmpty { return .empty }
            if let n = Double(t), t.allSatisfy({ $0.isNumber || $0 == "." }) { return .number(n) }
            return .string(t)
        }
    }

    static let records: [[String]] = [
        ["1", "TL-2610-01", "DV01", "Trường Mầm non Hoa Sen", "Chị Hoa", "0905123456", "Có", "4", ""],
        // A free-text column that mentions "tổng": still a record.
        ["2", "TL-2610-01", "DV02", "Trường THCS Tổng hợp", "Anh Nam", "0905123457", "Có", "5", "Tổng hợp ý kiến: cần thêm buổi"],
        // The course id missing: a record all the same (the importer reports it skipped).
        ["3", "", "DV03", "Trường Tiểu học Tổng Cộng", "Anh Lâm", "0905123458", "", "", ""],
        // An id typed with spaces, alone on its row.
        ["", "TL 2610 01", "", "", "", "", "", "", ""],
        // Ids with letters outside ASCII, or of digits only.
        ["4", "ĐTL-2610-01", "DV04", "Trường D", "Chị Lan", "0905123460", "Có", "", ""],
        ["5", "2610", "DV05", "Trường E", "Anh Tú", "0905123461", "Có", "", ""],
    ]
    static let totals: [[String]] = [
        ["Tổng cộng", "", "", "", "", "", "3", "4.5", ""],
        ["", "Tổng số", "", "", "", "", "25", "", ""],
        ["TỔNG", "", "", "", "", "", "", "", ""],
        ["Cộng nhóm 1:", "", "", "", "", "", "12", "", ""],
        ["Tong cong", "", "", "", "", "", "12", "", ""],
        ["Total", "", "", "", "", "", "12", "", ""],
        // The sum written with what it counts, in the unit-name column.
        ["Tổng cộng", "", "", "266 đơn vị", "", "", "250", "", ""],
    ]
    static let notes: [[String]] = [
        ["Ghi chú: đơn vị DV02 đổi người liên hệ", "", "", "", "", "", "", "", ""],
        ["* Số liệu tính đến 28/11/2026", "", "", "", "", "", "", "", ""],
        ["", "Lưu ý: các đơn vị vắng đã báo trước", "", "", "", "", "", "", ""],
        ["(*) Đơn vị học bù tuần sau", "", "", "", "", "", "", "", ""],
    ]
    static let signatures: [[String]] = [
        ["", "", "", "", "", "Đà Nẵng, ngày 28 tháng 11 năm 2026", "", "", ""],
        ["", "", "", "", "", "......, ngày ..... tháng ..... năm 20...", "", "", ""],
        ["Người lập biểu", "", "", "", "", "Trưởng nhóm", "", "", ""],
        ["", "NGƯỜI LẬP", "", "", "", "TRƯỞNG NHÓM TRIỂN KHAI", "", "", ""],
        ["(Ký, ghi rõ họ tên)", "", "", "", "", "(Ký, ghi rõ họ tên)", "", "", ""],
    ]
    static let spacers: [[String]] = [
        ["Tuần 45 (02/11 – 08/11)", "", "", "", "", "", "", "", ""],
        ["", "NHÓM 1", "", "", "", "", "", "", ""],
        ["-----", "", "", "", "", "", "", "", ""],
        ["", "", "", "……………", "", "", "", "", ""],
    ]
    static let headers: [[String]] = [
        header,
        ["", "Mã khoá", "Mã ĐV", "Tên ĐV", "Người LH", "SĐT", "", "", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ]

    static let cases: [([String], RowKind)] = records.map { ($0, .record) } + totals.map { ($0, .total) } + notes.map { ($0, .note) }
        + signatures.map { ($0, .signature) } + spacers.map { ($0, .spacer) } + headers.map { ($0, .repeatedHeader) }

    @Test(arguments: cases)
    func eachRowIsTold(_ texts: [String], _ expected: RowKind) throws {
        var c = try Self.classifier()
        #expect(c.classify(Self.row(texts)) == expected, "\(texts)")
    }

    @Test func namesUnderASignatureBlockBelongToIt() throws {
        var c = try Self.classifier()
        let names = Self.row(["Nguyễn Văn An", "", "", "", "", "Trần Thị Bình", "", "", ""])
        // Before any signature title, two names on a row are a record missing its keys.
        #expect(c.classify(names) == .record)
        #expect(c.classify(Self.row(Self.signatures[2])) == .signature)
        #expect(c.classify(names) == .signature)
        // A row with its course id is a record even below the signatures.
        #expect(c.classify(Self.row(Self.records[0])) == .record)
    }

    @Test func numbersInADateColumnAreNotSums() throws {
        let match = try #require(HeaderRecognizer.recognise([["Ngày", "Nhân viên", "Hỗ trợ KH từ bộ phận", "Số KH tồn"].map { CellValue.string($0) }]))
        #expect(match.kind == .dailyLog)
        var c = RowClassifier(match: match)
        #expect(c.classify([.string("Cộng"), .empty, .number(14), .number(3)]) == .total)
        // "Cộng" under the date column with a date beside it is no total.
        #expect(c.classify([.number(46350), .string("Cộng tác viên Hà"), .number(2), .number(1)]) == .record)
    }

    /// The rows of a unit list as an office keeps it, with every kind of row that is not a record.
    static let sheet: [[String]] = [
        ["DANH SÁCH ĐƠN VỊ THAM GIA TẬP HUẤN"],
        [],
        header,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["Tuần 44"],
        records[0], records[1],
        ["-----"],
        header,
        ["3", "TL-2610-01", "DV03", "Trường Tiểu học Lê Lợi", "Chị Mai", "0905123459", "Có", "", ""],
        ["Tổng cộng", "", "", "", "", "", "2", "4.5", ""],
        ["Ghi chú: đơn vị DV02 đổi người liên hệ"],
        ["* Số liệu tính đến 28/11/2026"],
        [],
        ["", "", "", "", "", "Đà Nẵng, ngày 28 tháng 11 năm 2026"],
        ["Người lập biểu", "", "", "", "", "Trưởng nhóm"],
        ["(Ký, ghi rõ họ tên)", "", "", "", "", "(Ký, ghi rõ họ tên)"],
        [],
        ["Nguyễn Văn An", "", "", "", "", "Trần Thị Bình"],
    ]

    @Test func onlyRecordsAreImported() throws {
        let rows = Self.sheet.map(Self.row)
        let data = Dataset(sheets: [("ds.xlsx", SheetGrid(name: "DS", rows: rows))])
        #expect(data.units.map(\.id) == ["DV01", "DV02", "DV03"])
        #expect(data.units.map(\.source.row) == [6, 7, 10])
        #expect(data.sheets.first?.dataRows == 3)
        // Nothing is reported (the "STT" column is the rows' numbers): no skipped rows, no missing or unreadable values.
        #expect(data.findings.isEmpty, "\(data.findings.map(\.message))")
        let course = Course(id: "TL-2610-01", source: SourceRow(file: "bg.xlsx", sheet: "BG", row: 2, columns: [:]))
        var all = data
        all.courses = [course]
        let findings = RuleRegistry.evaluate(all, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)),
                                             rules: [UnitIncomplete(), UnitAbsenceNoReason()])
        #expect(findings.filter { $0.rule != "IMPORT_UNKNOWN_COLUMN" }.isEmpty, "\(findings.map(\.messageVi))")
    }
}

/// A record whose values repeat its columns' words is still a record: a header holds no digits.
@Suite struct RepeatedHeaderTests {
    @Test func aReportLogRowNamingItsColumnsIsARecord() throws {
        let header: [CellValue] = ["Tuần", "Cấp", "Nhóm", "Người gửi", "Thời điểm gửi", "Ghi chú"].map { .string($0) }
        let match = try #require(HeaderRecognizer.recognise([header]))
        #expect(match.kind == .reportLog)
        var classifier = RowClassifier(match: match)
        let row: [CellValue] = [.string("Tuần 43/2026"), .string("Cấp nhóm"), .string("Nhóm 1"), .string("Trần Minh Đức"), .string("23-10-2026 15 giờ 20")]
        #expect(classifier.classify(row) == .record)
        // The header itself, pasted again lower down, is still a repeated header.
        #expect(classifier.classify(header) == .repeatedHeader)
    }
}
