import Testing
import XLSX
@testable import TrainingOps

/// One-to-one assignment of columns to concepts, with scores written by hand.
@Suite struct ColumnAssignmentTests {
    static func scores(_ pairs: [(Int, Double)]) -> [ConceptScore] { pairs.map { ConceptScore(concept: $0.0, score: $0.1) } }

    @Test func eachColumnItsBest() {
        let a = ColumnAssignment([(0, Self.scores([(10, 0.9), (11, 0.7)])), (1, Self.scores([(11, 0.8)]))], threshold: 0.6)
        #expect(a.byColumn[0]?.concept == 10)
        #expect(a.byColumn[1]?.concept == 11)
        #expect(abs(a.total - 1.7) < 1e-9)
        #expect(a.ties.isEmpty)
    }

    /// Column 0 scores 0.9 for X (10) and 0.85 for Y (11); column 1 only 0.88 for X. Greedy gives
    /// X to column 0 (total 0.9); the exchange gives Y to column 0 and X to column 1: 1.73.
    @Test func exchangeRaisesTheTotal() {
        let a = ColumnAssignment([(0, Self.scores([(10, 0.9), (11, 0.85)])), (1, Self.scores([(10, 0.88)]))], threshold: 0.6)
        #expect(a.byColumn[0]?.concept == 11)
        #expect(a.byColumn[1]?.concept == 10)
        #expect(abs(a.total - 1.73) < 1e-9)
    }

    /// `Team lead` (1.1 for the team lead, 0.63 for the team) and `Nhóm phụ trách` (0.67 for
    /// the team lead only): moving `Team lead` would raise the sum (1.30 against 1.10) but
    /// cost it 0.47, more than ``ColumnAssignment/maximumMove``: it keeps its own name.
    @Test func aClearNameIsNotTradedForASum() {
        let a = ColumnAssignment([(12, Self.scores([(10, 1.1), (11, 0.63)])), (11, Self.scores([(10, 0.67)]))], threshold: 0.6)
        #expect(a.byColumn[12]?.concept == 10)
        #expect(a.byColumn[11] == nil)
    }

    /// Two columns scoring 0.9 for the concept that is best for both: the left one keeps it.
    @Test func tiesAreReported() {
        let a = ColumnAssignment([(2, Self.scores([(10, 0.9)])), (5, Self.scores([(10, 0.9), (11, 0.7)]))], threshold: 0.6)
        #expect(a.byColumn[2]?.concept == 10)
        #expect(a.byColumn[5] == nil, "a tied column is reported, not read under another name")
        #expect(a.ties.count == 1)
        #expect(a.ties.first?.column == 5 && a.ties.first?.concept == 10 && a.ties.first?.holder == 2)
    }

    /// Equal scores for a concept that is not the second column's best are no tie: it takes its best.
    @Test func noTieWhenABetterConceptIsFree() {
        let a = ColumnAssignment([(0, Self.scores([(10, 0.9)])), (1, Self.scores([(10, 0.9), (11, 0.95)]))], threshold: 0.6)
        #expect(a.byColumn[0]?.concept == 10)
        #expect(a.byColumn[1]?.concept == 11)
        #expect(a.ties.isEmpty)
    }

    @Test func underTheThresholdStaysUnknown() {
        let a = ColumnAssignment([(0, Self.scores([(10, 0.59)])), (1, Self.scores([(11, 0.6)]))], threshold: 0.6)
        #expect(a.byColumn[0] == nil)
        #expect(a.byColumn[1]?.concept == 11)
    }
}

/// Header rows as offices lay them out: renamed headers, two rows, near misses, repeats.
@Suite struct HeaderLayoutTests {
    /// The renamed tracking headers that made every course look unreported are read.
    @Test func renamedTrackingHeadersAreRead() throws {
        let data = Dataset(sheets: [("t.xlsx", grid("Theo dõi", [
            ["Mã khóa", "Báo cáo nhanh tình hình buổi đầu tiên", "Ngày gửi BC cho ĐVCQ", "Người nhập"],
            ["TL-01", "07/12/2026 9h15", "10/12/2026", "An"],
        ]))])
        let match = try #require(data.sheets.first?.header)
        #expect(match.kind == .tracking)
        #expect(match.columns == ["courseId": 0, "firstSessionReport": 1, "dvcqReportSent": 2])
        #expect(match.unknownColumns.map(\.header) == ["Người nhập"])
        let tracking = try #require(data.trackings.first)
        #expect(tracking.firstSessionReport == LocalMoment(LocalDate(2026, 12, 7), LocalTime(9, 15)))
        #expect(tracking.dvcqReportSent == LocalDate(2026, 12, 10))
    }

    /// `Báo cáo ĐVCQ` merged over `Ngày gửi` | `Người nhận`, the other headers merged down.
    @Test func twoRowHeaderUnderAGroup() throws {
        let data = Dataset(sheets: [("t.xlsx", grid("Theo dõi", [
            ["THEO DÕI KHÓA TẬP HUẤN"],
            ["Mã khóa", "Ngày duyệt KH", "Báo cáo ĐVCQ", "", "Ghi chú"],
            ["", "", "Ngày gửi", "Người nhận", ""],
            ["TL-01", "01/11/2026", "05/12/2026", "Phòng GD", "gửi email"],
        ]))])
        let match = try #require(data.sheets.first?.header)
        #expect(match.kind == .tracking)
        #expect(match.headerRow == 2)
        #expect(match.groupRow == 1)
        #expect(match.columns == ["courseId": 0, "planApproved": 1, "dvcqReportSent": 2, "notes": 4])
        #expect(match.headers["dvcqReportSent"] == "Báo cáo ĐVCQ / Ngày gửi")
        #expect(match.unknownColumns.map(\.header) == ["Báo cáo ĐVCQ / Người nhận"])
        #expect(data.sheets.first?.dataRows == 1)
        #expect(data.trackings.first?.dvcqReportSent == LocalDate(2026, 12, 5))
        #expect(data.findings(.skippedRow).isEmpty)
    }

    /// A first data row filled under every header is not a second header row.
    @Test func firstDataRowIsNotASubHeader() throws {
        let data = Dataset(sheets: [("t.xlsx", grid("Theo dõi", [
            ["Mã khóa", "Ngày duyệt KH", "Ngày gửi BC ĐVCQ"],
            ["TL-01", "01/11/2026", "05/12/2026"],
        ]))])
        #expect(data.sheets.first?.header.headerRow == 0)
        #expect(data.sheets.first?.header.groupRow == nil)
    }

    /// A required column missing, and a column nearly naming it: one finding, at that column.
    @Test func nearMissOfARequiredColumn() throws {
        let data = Dataset(sheets: [("k.xlsx", grid("Nhân sự", [
            ["Mã khóa", "Nhân viên", "Vai trò", "Từ ngày", "Đến ngày", "Người lập", "Gửi"],
            ["TL-01", "An", "Giảng viên", "07/12/2026", "08/12/2026", "Đức", "28/11/2026 08:00"],
        ]))])
        let match = try #require(data.sheets.first?.header)
        #expect(match.kind == .staffPlan)
        let near = try #require(match.nearMisses.first)
        #expect(near.column == 6 && near.key == "sentToHead" && near.header == "Gửi")
        #expect(near.score >= ColumnVocabulary.nearMissFloor && near.score < ColumnVocabulary.threshold)
        let missing = data.findings(.missingColumn)
        #expect(missing.count == 1)
        #expect(missing.first?.cell == "G1")
        #expect(missing.first?.message.contains("cột \"Gửi\" có thể là \"Thời điểm gửi TP\"") == true)
        #expect(missing.first?.messageEnglish.contains("column \"Gửi\" may be \"Thời điểm gửi TP\"") == true)
        #expect(data.findings(.unknownColumn).isEmpty, "the column is named once")
    }

    /// A column naming two concepts about equally is kept, not read, and the finding says what it may be.
    @Test func ambiguousColumnIsNamedOnce() {
        let data = Dataset(sheets: [("b.xlsx", grid("BG", [
            RecognitionTests.canonical + ["Ghi chú của TNXT"],
        ]))])
        let unknown = data.findings(.unknownColumn)
        #expect(unknown.map(\.header) == ["Ghi chú của TNXT"])
        #expect(unknown.first?.message.contains("Có thể là \"Ghi chú\"") == true)
    }

    /// The same header twice: both score the same, the first is read, the second reported.
    @Test func repeatedHeaderIsADuplicate() {
        let data = Dataset(sheets: [("d.xlsx", grid("DS", [
            ["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Người liên hệ", "Điện thoại", "SĐT"],
        ]))])
        #expect(data.sheets.first?.header.columns["phone"] == 4)
        let duplicate = data.findings(.duplicateColumn)
        #expect(duplicate.map(\.cell) == ["F1"])
        #expect(duplicate.first?.columnKey == "phone")
    }

    /// Kinds told apart by the process text's wording, no header of which is declared.
    @Test func kindFromProcessWording() {
        let row = ["Mã khóa", "Ngày", "Buổi", "Số lượng đơn vị vắng", "Tỷ lệ đơn vị nhập liệu", "Tiến độ giảng theo chương trình"]
        let match = HeaderRecognizer.recognise([row.map { CellValue.string($0) }])
        #expect(match?.kind == .sessionReport)
        #expect(match?.columns["absentCount"] == 3)
        #expect(match?.columns["dataEntryRate"] == 4)
        #expect(match?.columns["progress"] == 5)
    }
}
