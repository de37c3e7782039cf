import Testing
import XLSX
@testable import TrainingOps

/// Columns settled by their values, headers spelt the other ways staff spell them, and a
/// column the sheet lacks reported once rather than on every row. Each header here was one
/// the header alone left unread (checked before the change: `taphuan inspect --columns`).
@Suite struct ColumnContentTests {
    static func cells(_ rows: [[String]]) -> [[CellValue]] { rows.map { $0.map { $0.isEmpty ? CellValue.empty : .string($0) } } }

    static let sessionHeader = ["Mã khóa", "Ngày", "Sáng/Chiều", "Giờ báo cáo", "Người báo cáo"]
    static func sessionRows(_ n: Int) -> [[String]] {
        (0..<n).map { i in ["TL-2610-02", "0\(5 + i / 2)/10/2026", i % 2 == 0 ? "Sáng" : "Chiều", "8:15", "Lê Văn Hậu"] }
    }

    /// `Sáng/Chiều` names no concept, but its values are sessions: it is the session column.
    @Test func aHeaderMadeOfTheValuesIsReadByThem() throws {
        let match = try #require(HeaderRecognizer.recognise(Self.cells([Self.sessionHeader] + Self.sessionRows(4))))
        #expect(match.kind == .sessionReport)
        #expect(match.columns["session"] == 2)
        #expect(match.byValues == ["session"])
        #expect(match.missingRequired.isEmpty)
        #expect(!match.unknownColumns.contains { $0.column == 2 })
    }

    /// Two values are too few to judge a column by.
    @Test func fewValuesSayNothing() throws {
        let match = try #require(HeaderRecognizer.recognise(Self.cells([Self.sessionHeader] + Self.sessionRows(2))))
        #expect(match.columns["session"] == nil)
        #expect(match.missingRequired.map(\.key) == ["session"])
    }

    /// `ĐT liên hệ` leans to `Người liên hệ` by its words; its values are phone numbers, and
    /// `Email liên hệ` holds addresses.
    @Test func phonesAndAddressesSettleTheirColumns() throws {
        let header = ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "ĐT liên hệ", "Email liên hệ"]
        let rows = (1...4).map { i in ["TL-2610-02", "DV0\(i)", "Trường \(i)", "Chị Lan \(i)", "0905 111 22\(i)", "dv\(i)@gmail.com"] }
        let match = try #require(HeaderRecognizer.recognise(Self.cells([header] + rows)))
        #expect(match.kind == .units)
        #expect(match.columns["phone"] == 4)
        #expect(match.columns["email"] == 5)
        #expect(match.columns["contact"] == 3)
    }

    /// A column of names is not a checklist answered yes: names are no evidence of yes/no.
    @Test func namesAreNoYesNoEvidence() {
        #expect(!ColumnContent.fits(.string("Lương Thị Thanh Mai"), .yesNo, key: "partnerSupervising"))
        #expect(ColumnContent.fits(.string("Có"), .yesNo, key: "partnerSupervising"))
        #expect(ColumnContent.fits(.string("Lương Thị Thanh Mai"), .text, key: "reporter"))
        #expect(!ColumnContent.fits(.string("Đã xong"), .text, key: "reporter"))
        #expect(ColumnContent.weight(.text, key: "notes") == 0, "free text is no evidence")
    }

    /// Yes/no answers under a header that names none of the free checklist items fit every
    /// one of them equally: the column is not guessed.
    @Test func valuesFittingSeveralFreeConceptsAreNoGuess() throws {
        let header = ["Mã khóa", "Ngày kiểm tra", "Người kiểm tra", "Cột phụ"]
        let rows = (1...4).map { i in ["TL-2610-0\(i)", "1\(i)/10/2026", "Trần Minh Đức", i % 2 == 0 ? "Có" : "Không"] }
        let match = try #require(HeaderRecognizer.recognise(Self.cells([header] + rows)))
        #expect(match.kind == .preCheck)
        #expect(match.byValues.isEmpty)
        #expect(match.unknownColumns.contains { $0.column == 3 })
    }

    /// The sub-header of a two-row header is read alone as well: the group's words do not
    /// dilute a sub-header that is a whole header itself.
    @Test func aSubHeaderIsAlsoReadAlone() {
        let scores = TwoRowHeader.grouped("Thông tin liên hệ / Contact person", "Contact person", .standard)
        let v = ColumnVocabulary.standard
        let contact = scores.first { v.concepts[$0.concept].key == "contact" && v.concepts[$0.concept].kind == .units }
        #expect((contact?.score ?? 0) >= 1, "\(scores)")
    }

    /// Headers merged down from the row above the one taken: the two rows are read together.
    @Test func theRowTakenMayBeTheLowerOfTwo() throws {
        let rows = Self.cells([
            ["MÃ KH", "STAFF *", "VAI TRÒ", "Thời gian", "", "Kế hoạch nhân sự", "", "NOTE"],
            ["", "", "", "FROM *", "NGÀY KẾT THÚC", "NGƯỜI LẬP KẾ HOẠCH", "SENT TO HEAD", ""],
            ["DTL-2610-01", "Bùi Quang Vinh", "Giảng viên", "20/10/2026", "21/10/2026", "Lê Thị Hồng Nhung", "16/10/2026 16h30", ""],
        ])
        let match = try #require(HeaderRecognizer.recognise(rows))
        #expect(match.kind == .staffPlan)
        #expect(match.headerRow == 1)
        #expect(match.groupRow == 0)
        #expect(match.columns["courseId"] == 0 && match.columns["staff"] == 1 && match.columns["role"] == 2)
        #expect(match.missingRequired.isEmpty)
    }
}

/// Spellings of the same header words.
@Suite struct HeaderSpellingTests {
    static func key(_ header: String, _ kind: SheetType) -> String? { HeaderRecognizer.columnKey(for: header, in: kind) }

    /// `tỉ lệ` and `tỷ lệ`, `lí do` and `lý do`: the same words.
    @Test func finalIAndYAreOneSpelling() {
        #expect(HeaderWords.spelled("ty le nhap lieu") == "ti le nhap lieu")
        #expect(HeaderWords.spelled("quy trinh") == "quy trinh", "`uy` is a vowel pair, not a final y")
        #expect(Self.key("Tỉ lệ nhập liệu", .sessionReport) == "dataEntryRate")
        #expect(Self.key("Tỷ lệ nhập liệu", .sessionReport) == "dataEntryRate")
        #expect(Self.key("Lí do vắng", .units) == "absenceReason")
    }

    /// Abbreviations typed together are read apart; a syllable with a vowel never is.
    @Test func gluedAbbreviations() {
        #expect(HeaderWords.glued("tlhd") == ["tl", "hd"])
        #expect(HeaderWords.glued("sldv") == ["sl", "dv"])
        #expect(HeaderWords.glued("thanh") == nil)
        #expect(HeaderWords.glued("tntk") == nil, "an abbreviation of its own")
        #expect(Self.key("TLHĐ", .tracking) == "liquidation")
    }

    /// Words typed together with capitals (`BanGĐ`) are read apart.
    @Test func camelCase() {
        #expect(ColumnVocabulary.splittingCamelCase("Báo cáo BanGĐ") == "Báo cáo Ban GĐ")
        #expect(ColumnVocabulary.splittingCamelCase("Email") == "Email")
        #expect(Self.key("Báo cáo BanGĐ", .opinions) == "escalated")
    }

    /// The process text calls the partner agency both `chủ quản` and `đối tác`.
    @Test func partnerAndAgency() {
        #expect(Self.key("ĐVCQ giám sát lớp", .preCheck) == "partnerSupervising")
        #expect(Self.key("Tên người đại diện ĐVCQ", .preCheck) == "partnerName")
    }
}
