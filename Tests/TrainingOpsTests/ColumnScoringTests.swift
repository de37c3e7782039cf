import Testing
@testable import TrainingOps

/// Scoring a header against column concepts by their words.
///
/// The small vocabulary below has K = 3 column keys; a word used by one key weighs
/// ln(1 + 3/1) = ln 4 ≈ 1.386294 (so does a synonym no phrase uses), `ngày`, used by two,
/// ln(1 + 3/2) = ln 2.5 ≈ 0.916291; a header word no concept knows weighs 0.6 · ln 4 ≈ 0.831777,
/// a stop word 0.25. `sent` is `ngày`, `gửi`, `báo cáo`: 0.916291 + 2 · 1.386294 = 3.688879.
@Suite struct ColumnScoringTests {
    static let small = ColumnVocabulary([
        (ColumnConcept(kind: .tracking, key: "sent", header: "Ngày gửi báo cáo", required: false), ["Ngày gửi báo cáo"]),
        (ColumnConcept(kind: .tracking, key: "approved", header: "Ngày duyệt", required: false), ["Ngày duyệt"]),
        (ColumnConcept(kind: .tracking, key: "link", header: "Link khảo sát", required: false), ["Link khảo sát"]),
    ])

    /// The score of `header` for `key` in the small vocabulary, 0 under the near-miss floor.
    static func score(_ header: String, _ key: String) -> Double {
        let v = small
        return v.scores(header).first { v.concepts[$0.concept].key == key }?.score ?? 0
    }

    @Test func weights() {
        #expect(abs(Double(Self.small.weight("gui") ?? 0) - 1.386294) < 1e-5)
        #expect(abs(Double(Self.small.weight("ngay") ?? 0) - 0.916291) < 1e-5)
        #expect(abs(Double(Self.small.weight("thoi diem") ?? 0) - 1.386294) < 1e-5)
        #expect(Self.small.weight("nhanh") == nil)
    }

    /// `BC` is spelt out: the header's words are the phrase's, in order: F = 1, plus the bonus.
    @Test func abbreviationIsThePhrase() {
        #expect(abs(Self.score("Ngày gửi BC", "sent") - 1.1) < 1e-6)
    }

    /// The same words in another order: F = 1 without the bonus.
    @Test func wordOrderDoesNotMatter() {
        #expect(abs(Self.score("Báo cáo - ngày gửi", "sent") - 1.0) < 1e-6)
    }

    /// An extra unknown word: recall 1, precision 3.688879 / (3.688879 + 0.831777) = 0.816006,
    /// F = 2 · 0.816006 / 1.816006 = 0.898682.
    @Test func extraWordCostsPrecision() {
        #expect(abs(Self.score("Ngày gửi báo cáo nhanh", "sent") - 0.898682) < 1e-4)
    }

    /// A stop word weighs 0.25: precision 3.688879 / 3.938879 = 0.936530, F = 0.967225.
    @Test func stopWordCostsLittle() {
        #expect(abs(Self.score("Ngày gửi của báo cáo", "sent") - 0.967225) < 1e-4)
    }

    /// `thời điểm` is a synonym of `ngày` (credit 0.8): recall (0.8 · 0.916291 + 2.772589) / 3.688879
    /// = 0.950322, precision (0.8 · 1.386294 + 2.772589) / 4.158883 = 0.933333, F = 0.941751.
    @Test func synonymsGiveMostOfTheCredit() {
        #expect(abs(Self.score("Thời điểm gửi báo cáo", "sent") - 0.941751) < 1e-4)
    }

    /// `Ngày` alone: for `sent` recall 0.916291 / 3.688879 = 0.248393, F = 0.397940; for
    /// `approved` recall 0.916291 / 2.302585 = 0.397940, F = 0.569323. Both under 0.6: no column.
    @Test func underTheThresholdNamesNothing() {
        #expect(abs(Self.score("Ngày", "sent") - 0.397940) < 1e-4)
        #expect(abs(Self.score("Ngày", "approved") - 0.569323) < 1e-4)
        #expect(HeaderRecognizer.columnKey(for: "Ngày", in: .tracking, vocabulary: Self.small) == nil)
        #expect(HeaderRecognizer.columnKey(for: "Ngày gửi báo cáo nhanh", in: .tracking, vocabulary: Self.small) == "sent")
        #expect(HeaderRecognizer.columnKey(for: "Ngày gửi", in: .handover, vocabulary: Self.small) == nil, "another kind")
    }

    /// `KH` may be kế hoạch, khách hàng or khóa học: a reading counts 0.95 of its score and gets no bonus.
    @Test func ambiguousAbbreviationReadings() {
        let v = ColumnVocabulary([
            (ColumnConcept(kind: .handover, key: "plan", header: "Kế hoạch", required: false), ["Kế hoạch"]),
            (ColumnConcept(kind: .handover, key: "customer", header: "Mã KH", required: false), ["Mã KH"]),
        ])
        let scores = Dictionary(uniqueKeysWithValues: v.scores("KH").map { (v.concepts[$0.concept].key, $0.score) })
        #expect(abs((scores["plan"] ?? 0) - 0.95) < 1e-6)
        // `Mã KH` as written is the customer column's phrase exactly.
        #expect(HeaderRecognizer.columnKey(for: "mã kh", in: .handover, vocabulary: v) == "customer")
    }

    /// Office aliases join the vocabulary through the entry point.
    @Test func extraPhrasesFromTheOffice() {
        #expect(HeaderRecognizer.columnKey(for: "Mốc gửi cấp trên", in: .staffPlan) == nil)
        let office = ColumnVocabulary(extraPhrases: [.staffPlan: ["sentToHead": ["Mốc gửi cấp trên"]]])
        #expect(HeaderRecognizer.columnKey(for: "Mốc gửi cấp trên", in: .staffPlan, vocabulary: office) == "sentToHead")
    }
}

/// The catalogue's vocabulary: every declared header and alias keeps its own column, and the
/// process text's wording is understood.
@Suite struct CatalogueVocabularyTests {
    @Test(arguments: SheetType.allCases)
    func everyHeaderAndAliasMapsToItsOwnKey(_ kind: SheetType) {
        for column in kind.schema.columns {
            for text in [column.header] + column.aliases {
                let found = HeaderRecognizer.columnKey(for: text, in: kind)
                #expect(found == column.key, "\(kind): \"\(text)\" → \(found ?? "nil"), declared for \(column.key)")
            }
        }
    }

    @Test(arguments: [
        ("Số lượng đơn vị vắng", SheetType.sessionReport, "absentCount"),
        ("SL ĐV vắng", .sessionReport, "absentCount"),
        ("Tỷ lệ đơn vị nhập liệu", .sessionReport, "dataEntryRate"),
        ("Tỷ lệ ĐV đã nhập liệu (%)", .sessionReport, "dataEntryRate"),
        ("Báo cáo nhanh tình hình buổi đầu tiên", .tracking, "firstSessionReport"),
        ("BC nhanh buổi đầu", .tracking, "firstSessionReport"),
        ("Ngày giờ gửi TP HCSN", .staffPlan, "sentToHead"),
        ("TG gửi TP", .staffPlan, "sentToHead"),
        ("TP HCSN - ngày giờ gửi", .staffPlan, "sentToHead"),
        ("Đồng ý tham gia phát biểu", .preCheck, "partnerWillSpeak"),
        ("Kiểm tra đăng nhập?", .preCheck, "loginChecked"),
        ("Đối tác giám sát lớp", .preCheck, "partnerSupervising"),
        ("Link khảo sát", .tracking, "surveyLink"),
        ("Link khảo sát", .preCheck, "surveyLinkReady"),
        ("Ngày gửi BC cho ĐVCQ", .tracking, "dvcqReportSent"),
        ("Ngày cập nhật khảo sát", .tracking, "surveyResultsEntered"),
        ("SĐT/Zalo", .units, "phone"),
        ("Trưởng nhóm triển khai phụ trách", .handover, "teamLead"),
    ])
    func processWording(_ header: String, _ kind: SheetType, _ key: String) {
        #expect(HeaderRecognizer.columnKey(for: header, in: kind) == key)
    }

    /// `Ghi chú của TNXT` names a note and the person handing over about equally: not guessed.
    @Test func twoConceptsAboutEquallyIsNoGuess() {
        let v = ColumnVocabulary.standard
        let range = v.concepts(of: .handover)
        let scores = v.scores("Ghi chú của TNXT").filter { range.contains($0.concept) }
        #expect(HeaderRecognizer.isAmbiguous(scores))
        #expect(HeaderRecognizer.columnKey(for: "Ghi chú của TNXT", in: .handover) == nil)
    }

    /// The quick bound a text is skipped by during the scan is never under its real best score.
    @Test func boundIsNeverUnderTheScore() {
        let v = ColumnVocabulary.standard
        var texts = ["Ghi chú của TNXT", "Trường THCS Xã 5 K-00001", "Nguyễn Văn Thịnh", "Tập huấn Tính lương 12", "Kế toán xã",
                     "Ngày giờ gửi TP HCSN", "Số lượng đơn vị vắng", "Báo cáo ĐVCQ / Người nhận", "Phòng GD&ĐT Huyện 3", "Có", "Không"]
        for kind in SheetType.allCases {
            for column in kind.schema.columns {
                texts += [column.header] + column.aliases + (SheetSchema.processPhrases[kind]?[column.key] ?? []) + [column.meaning]
                texts += column.aliases.map { $0 + " của đơn vị 2" }
            }
        }
        // Sentences are ruled out on purpose, whatever their words.
        let sentence = { (key: String) in key.split(separator: " ").count > ColumnVocabulary.maxHeaderSyllables }
        for text in texts where !ColumnVocabulary.keys(text).allSatisfy(sentence) {
            let best = v.scores(text, bounded: false).map { min($0.score, 1) }.max() ?? 0
            let bound = ColumnVocabulary.keys(text).map { Double(v.bound($0)) }.max() ?? 0
            #expect(bound + 1e-4 >= best, "\(text): bound \(bound) under \(best)")
        }
    }

    /// Values in data rows name nothing; nor do sentences.
    @Test(arguments: ["TL-01", "KH-2026-05", "TH 12", "Trường Tiểu học Lê Lợi", "Nguyễn Văn An", "0905 111 222", "Phòng GD&ĐT huyện",
                      "Mã khóa tập huấn, giống hệt mã trên bảng bàn giao; dùng để nối các sheet với nhau và với báo cáo tuần"])
    func valuesNameNothing(_ text: String) {
        let v = ColumnVocabulary.standard
        #expect(v.scores(text).allSatisfy { $0.score < ColumnVocabulary.threshold }, "\(text)")
    }
}
