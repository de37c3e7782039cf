import Foundation
import Testing
@testable import TrainingOps

@Suite struct RulesReportTests {
    static let findings = [
        Finding(rule: "WEEKLY_REPORT_LATE", severity: .error, course: nil, file: "a.xlsx", sheet: "Nhật ký", cell: nil,
                messageVi: "Không có báo cáo", messageEn: "No report", data: ["team": .text("Nhóm 2"), "week": .text("2026-W47")]),
        Finding(rule: "UNIT_INCOMPLETE", severity: .warning, course: "K-02", file: "b.xlsx", sheet: "DS", cell: "D10",
                messageVi: "Thiếu", messageEn: "Lacks", data: ["unit": .text("7")]),
        Finding(rule: "HANDOVER_LATE", severity: .error, course: "K-01", file: "a.xlsx", sheet: "Bàn giao", cell: "K7",
                messageVi: "Bàn giao trước 6 ngày", messageEn: "Handed over 6 days", data: ["daysBefore": .int(6)]),
        Finding(rule: "UNIT_INCOMPLETE", severity: .warning, course: "K-02", file: "b.xlsx", sheet: "DS", cell: "D9",
                messageVi: "Thiếu", messageEn: "Lacks"),
    ]

    static func report() -> ValidationReport {
        var data = Dataset()
        var c = Course(id: "K-01", source: SourceRow(file: "a.xlsx", sheet: "Bàn giao", row: 7, columns: [:]))
        c.team = "Nhóm 1"
        data.courses = [c]
        return ValidationReport(findings: findings, data: data, files: 2, asOf: LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0)))
    }

    @Test func jsonShapeIsStable() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Self.report().json()) as? [String: Any])
        #expect(Set(object.keys) == ["valid", "asOf", "stats", "findings"])
        #expect(object["valid"] as? Bool == false && object["asOf"] as? String == "2026-11-28T09:00")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 4)
        for f in findings {
            #expect(Set(f.keys) == ["rule", "severity", "course", "file", "sheet", "cell", "message_vi", "message_en", "data"])
        }
        // Errors first; within a severity by course, no course last.
        #expect(findings.map { $0["rule"] as? String } == ["HANDOVER_LATE", "WEEKLY_REPORT_LATE", "UNIT_INCOMPLETE", "UNIT_INCOMPLETE"])
        #expect(findings[1]["course"] is NSNull && findings[1]["cell"] is NSNull)
        #expect(findings[2]["cell"] as? String == "D9", "rows in sheet order")
        #expect((findings[0]["data"] as? [String: Any])?["daysBefore"] as? Int == 6)
        let stats = try #require(object["stats"] as? [String: Any])
        #expect(stats["errors"] as? Int == 2 && stats["warnings"] as? Int == 2 && stats["files"] as? Int == 2)
        #expect(stats["byTeam"] as? [String: Int] == ["Nhóm 1": 1, "Nhóm 2": 1, "—": 2])
        #expect(stats["byRule"] as? [String: Int] == ["HANDOVER_LATE": 1, "WEEKLY_REPORT_LATE": 1, "UNIT_INCOMPLETE": 2])
    }

    /// The direct writer gives JSONEncoder's text byte for byte: escapes, empty objects and
    /// arrays, nulls, non-ASCII keys and values.
    @Test func jsonWriterMatchesJSONEncoder() throws {
        var findings = Self.findings
        findings.append(Finding(rule: "X", severity: .info, course: "K-03", file: "c/d.xlsx", sheet: "Sheet \"1\"", cell: "A1",
                                messageVi: "Dòng\tmột \\ \u{8}\u{C}\r\n\u{1}\u{1F} khóa/lớp \u{1F600}", messageEn: "",
                                data: ["z": .text("\u{0}"), "A": .int(-3), "é": .text("Nhóm 1"), "a_b": .int(0)]))
        for report in [Self.report(), ValidationReport(findings: findings, data: Dataset(), files: 0, asOf: LocalMoment(LocalDate(2026, 1, 1), nil)),
                       ValidationReport(findings: [], data: Dataset(), files: 0, asOf: LocalMoment(LocalDate(2026, 1, 1), LocalTime(0, 5)))] {
            let ours = report.jsonBytes(), reference = Array(try report.encoded())
            #expect(ours == reference, "\(String(decoding: ours, as: UTF8.self))")
        }
    }

    @Test func textGroupsByCourseMostSeriousFirst() {
        let text = Self.report().text(.vi)
        let k1 = text.range(of: "K-01")?.lowerBound, k2 = text.range(of: "\nK-02")?.lowerBound, none = text.range(of: "Không thuộc khóa nào")?.lowerBound
        #expect(k1 != nil && k2 != nil && none != nil)
        if let k1, let k2, let none { #expect(k1 < k2 && k2 < none) }
        #expect(text.contains("K-01 — Nhóm 1"))
        #expect(text.contains("Kết quả: 2 lỗi, 2 cảnh báo, 0 thông tin."))
        #expect(!text.contains("\u{1B}["), "no colour unless asked")
        #expect(Self.report().text(.en, color: true).contains("\u{1B}[1;31mERROR"))
    }
}
