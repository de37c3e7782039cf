import Foundation
import Testing
import XLSX
@testable import TrainingOps

@Suite struct HeaderNormalizerTests {
    @Test(arguments: [
        ("Mã khóa", "ma khoa"),
        ("  MÃ   KHOÁ  ", "ma khoa"),
        ("Ma khoa", "ma khoa"),
        ("Mã\u{0303}", "ma"),
        ("Ma\u{0303} kho\u{0301}a", "ma khoa"),
        ("SĐT", "sdt"),
        ("Đơn vị chủ quản", "don vi chu quan"),
        ("Hòa / hoà", "hoa hoa"),
        ("Thủy-thuỷ", "thuy thuy"),
        ("Người bàn giao (TNXT)*", "nguoi ban giao tnxt"),
        ("Tỷ lệ nhập liệu (%)", "ty le nhap lieu"),
        ("Điểm khảo sát (1-5)", "diem khao sat 1 5"),
        ("", ""),
        ("***", ""),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(HeaderNormalizer.key(input) == expected)
    }

    @Test(arguments: ["khóa", "khoá", "kho\u{0301}a", "khoa\u{0301}", "KHÓA", "Khoá"])
    func tonePlacementsAgree(_ spelling: String) {
        #expect(HeaderNormalizer.key(spelling) == "khoa")
    }

    @Test func nfdAndNfcAgree() {
        for text in ["Ngày bàn giao", "Đã gọi hỗ trợ", "Kế hoạch nhân sự", "Thời điểm gửi TP", "Ổ cắm điện"] {
            #expect(HeaderNormalizer.key(text.decomposedStringWithCanonicalMapping) == HeaderNormalizer.key(text.precomposedStringWithCanonicalMapping))
        }
    }

    @Test func parenthesesDropped() {
        #expect(HeaderNormalizer.keyWithoutParentheses("Người bàn giao (TNXT)") == "nguoi ban giao")
        #expect(HeaderNormalizer.keyWithoutParentheses("Điểm khảo sát [1-5] x") == "diem khao sat x")
    }
}

@Suite struct SchemaTests {
    @Test(arguments: SheetType.allCases)
    func matchKeysAreUniqueWithinAKind(_ kind: SheetType) {
        var owner: [String: String] = [:]
        for column in kind.schema.columns {
            for key in [HeaderNormalizer.key(column.header), HeaderNormalizer.keyWithoutParentheses(column.header)] {
                if let other = owner[key], other != column.key {
                    Issue.record("\(kind): header key \"\(key)\" of \(column.key) already belongs to \(other)")
                }
                owner[key] = column.key
            }
        }
        // Every alias must resolve back to its own column (a header elsewhere may take it only if declared first).
        for column in kind.schema.columns {
            #expect(HeaderRecognizer.columnKey(for: column.header, in: kind) == column.key, "\(kind).\(column.key)")
        }
        let keys = kind.schema.columns.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(kind.sheetName.count <= 31)
    }

    @Test(arguments: SheetType.allCases)
    func aliasesResolveToTheirColumn(_ kind: SheetType) {
        for column in kind.schema.columns {
            for alias in column.aliases {
                let found = HeaderRecognizer.columnKey(for: alias, in: kind)
                #expect(found != nil, "\(kind): alias \"\(alias)\" matches nothing")
                if found != column.key {
                    // An alias shadowed by another column's header is a declaration mistake.
                    Issue.record("\(kind): alias \"\(alias)\" of \(column.key) resolves to \(found ?? "nil")")
                }
            }
        }
    }

    /// The key columns DOMAIN.md names as required are required here too.
    @Test func domainRequiredColumns() {
        let expected: [SheetType: [String]] = [
            .handover: ["Mã khóa", "Tên khóa", "Sản phẩm", "Đơn vị chủ quản", "Hình thức", "Ngày bắt đầu", "Ngày kết thúc",
                        "Số đơn vị", "Người bàn giao (TNXT)", "Ngày bàn giao"],
            .units: ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "Điện thoại"],
            .staffPlan: ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Thời điểm gửi TP"],
            .tracking: ["Mã khóa"],
            .preCheck: ["Mã khóa", "Ngày kiểm tra"],
            .sessionReport: ["Mã khóa", "Ngày", "Buổi"],
            .opinions: ["Ngày ghi nhận", "Nội dung", "Trạng thái"],
            .dailyLog: ["Ngày", "Nhân viên"],
            .reportLog: ["Tuần", "Cấp", "Người gửi", "Thời điểm gửi"],
        ]
        for (kind, headers) in expected {
            #expect(kind.schema.requiredColumns.map(\.header) == headers, "\(kind)")
        }
    }

    /// The recognizer does not score the text of numbers, dates and truth values: none can name a
    /// column. Their folded texts are digits with `e` (`1e-05`), `t` (`2026-01-05T00:00:00`)
    /// and spaces, or `true`, `false`, `inf`, `nan`; no word of any vocabulary is one of those.
    @Test func noColumnIsNamedLikeANumberOrDate() {
        let words = ColumnVocabulary.standard.words + HeaderWords.abbreviations.keys + HeaderWords.ambiguousAbbreviations.keys
        for word in words {
            // A word of digits, `e`, `t` and spaces holds a digit only if a number could make it.
            #expect(word.contains { !"0123456789 et".contains($0) } || !word.contains(where: \.isNumber), "\(word)")
            #expect(!["true", "false", "inf", "nan"].contains(word), "\(word)")
        }
        #expect(words.count > 100)
        for text in ["2026-01-05T00:00:00", "1e-05", "46027", "TRUE", "FALSE", "inf", "nan", "0.8"] {
            #expect(ColumnVocabulary.standard.scores(text).isEmpty, "\(text)")
        }
        // Such cells in a header row are columns outside the schema, reported with their text.
        let date = CellValue.date(ExcelDateTime(serial: 46027, kind: .date))
        let row: [CellValue] = [.string("Mã khóa"), .string("Mã đơn vị"), date, .string("Tên đơn vị"), .number(2026), .bool(true)]
        let match = HeaderRecognizer.recognise([row])
        #expect(match?.kind == .units)
        #expect(match?.unknownColumns.map(\.column) == [2, 4, 5])
        #expect(match?.unknownColumns.map(\.header) == [CellParser.text(date) ?? "", "2026", "TRUE"])
    }

    @Test func abbreviations() {
        #expect(HeaderRecognizer.columnKey(for: "Mã KH", in: .handover) == "courseId")
        #expect(HeaderRecognizer.columnKey(for: "Mã KH", in: .units) == "unitId")
        #expect(HeaderRecognizer.columnKey(for: "SĐT", in: .units) == "phone")
        #expect(HeaderRecognizer.columnKey(for: "sdt", in: .units) == "phone")
        #expect(HeaderRecognizer.columnKey(for: "ĐVCQ", in: .handover) == "agency")
        #expect(HeaderRecognizer.columnKey(for: "DVCQ", in: .handover) == "agency")
        #expect(HeaderRecognizer.columnKey(for: "Start date", in: .handover) == "startDate")
        #expect(HeaderRecognizer.columnKey(for: "Ngày khởi hành", in: .handover) == nil)
    }

    @Test func checklistsPerMode() {
        let inPerson = PreCheckItem.checklist(for: .inPerson)
        let online = PreCheckItem.checklist(for: .online)
        #expect(inPerson.contains(.wifi) && !online.contains(.wifi))
        #expect(online.contains(.zoomInstalledCount) && !inPerson.contains(.zoomInstalledCount))
        // The process text's list B asks no survey link, no attendance count, no partner meeting.
        #expect(inPerson.contains(.surveyLinkReady) && !online.contains(.surveyLinkReady))
        #expect(inPerson.count == 18)
        #expect(online.count == 7)
    }
}
