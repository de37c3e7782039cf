import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The weekly workbooks in English (`--lang en`): their own text, as a golden file of every
/// sheet's text cells and every chart's words, and no Vietnamese left but the office's data.
@Suite struct WeeklyEnglishTests {
    static let team = WeeklyReport.team("Nhóm 1", week: WeeklyReportTests.week, data: WeeklyReportTests.data,
                                        findings: WeeklyReportTests.findings, asOf: WeeklyReportTests.asOf, language: .en)
    static let office = WeeklyReport.office(week: WeeklyReportTests.week, data: WeeklyReportTests.data,
                                            findings: WeeklyReportTests.findings, asOf: WeeklyReportTests.asOf, language: .en)

    /// Writes the report's workbook to a temporary file and reads it back.
    static func written(_ report: WeeklyReport, _ name: String) throws -> (Workbook, ZipArchive) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("taphuan-\(name)-\(ProcessInfo.processInfo.processIdentifier).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WeeklyWorkbook.workbook(report, deterministic: true).write(to: path, replaceExisting: true)
        return (try Workbook(path: path), try ZipArchive(path: path))
    }

    /// The words of each chart, in part order: titles, axis titles, series names, categories.
    static func chartWords(_ zip: ZipArchive) throws -> [[String]] {
        let parts = zip.entries.filter { $0.name.hasPrefix("xl/charts/chart") }
            .sorted { Int($0.name.filter(\.isNumber)) ?? 0 < Int($1.name.filter(\.isNumber)) ?? 0 }
        let pattern = try Regex(#"<(?:a:t|c:v)>([^<]*)</(?:a:t|c:v)>"#)
        return try parts.map { part in
            let xml = String(decoding: try zip.contents(of: part), as: UTF8.self)
            return xml.matches(of: pattern).compactMap { m -> String? in
                let text = String(xml[m.output[1].range!])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                return Double(text) == nil ? text : nil
            }
        }
    }

    /// Every text of the workbook a reader sees: sheet names, text cells (`Sheet!A1 text`),
    /// chart words.
    static func texts(_ book: Workbook, _ zip: ZipArchive) throws -> [(place: String, text: String)] {
        var out: [(String, String)] = []
        for info in book.sheets {
            out.append(("sheet", info.name))
            for row in try book.sheet(named: info.name).rows {
                for cell in row.cells {
                    if case .formula = cell.value { continue }
                    if let text = cell.value.plainText, !text.isEmpty { out.append(("\(info.name)!\(cell.reference)", text)) }
                }
            }
        }
        for (n, words) in try chartWords(zip).enumerated() {
            for w in words { out.append(("chart\(n + 1)", w)) }
        }
        return out
    }

    static func golden(_ report: WeeklyReport, _ name: String) throws -> String {
        let (book, zip) = try written(report, name)
        return try texts(book, zip).map { "\($0.place) \($0.text.replacingOccurrences(of: "\n", with: "\\n"))" }
            .joined(separator: "\n") + "\n"
    }

    @Test func teamGolden() throws {
        try WeeklyReportTests.expectGolden(Self.golden(Self.team, "team-en"), "team-2026-W48-1.en.txt")
    }

    @Test func officeGolden() throws {
        try WeeklyReportTests.expectGolden(Self.golden(Self.office, "office-en"), "office-2026-W48.en.txt")
    }

    /// Whether `text` holds a letter English does not use: đ, or any accent once decomposed
    /// (ư, ơ, ă, â, ê, ô and the five tone marks).
    static func hasVietnameseLetters(_ text: Substring) -> Bool {
        String(text).decomposedStringWithCanonicalMapping.unicodeScalars.contains {
            (0x300...0x36F).contains($0.value) || $0 == "đ" || $0 == "Đ"
        }
    }

    /// Every text the office typed into its workbooks (names of people, units, courses, teams,
    /// notes, file, sheet and column names), gathered from the dataset field by field.
    static let data: [String] = {
        var found: Set<String> = []
        func walk(_ value: Any) {
            if let s = value as? String { found.insert(s); return }
            for child in Mirror(reflecting: value).children { walk(child.value) }
        }
        walk(WeeklyReportTests.data)
        for f in WeeklyReportTests.findings { found.formUnion([f.file, f.sheet].compactMap { $0 }) }
        // Longest first, so a name is removed before a shorter name inside it.
        return found.filter { hasVietnameseLetters($0[...]) }.sorted { $0.count > $1.count }
    }()

    /// The texts of `report`'s workbook that hold Vietnamese letters once the office's data is
    /// taken out; a finding's message is judged as a whole (its English message is the rule's).
    static func vietnameseLeft(_ report: WeeklyReport, _ name: String) throws -> [String] {
        let (book, zip) = try written(report, name)
        let messages = Set(WeeklyReportTests.findings.map(\.messageEn))
        return try texts(book, zip).compactMap { place, text in
            if messages.contains(text) { return nil }
            var rest = text
            for d in data where rest.contains(d) { rest = rest.replacingOccurrences(of: d, with: "") }
            return hasVietnameseLetters(rest[...]) ? "\(place): \(text)" : nil
        }
    }

    @Test func noVietnameseButTheOfficesData() throws {
        for (report, name) in [(Self.team, "team-en"), (Self.office, "office-en")] {
            let left = try Self.vietnameseLeft(report, name)
            #expect(left.isEmpty, "\(name): \(left.prefix(20).joined(separator: "\n"))")
        }
        // The check bites: the Vietnamese workbook fails it on its own words, not on its data.
        let vietnamese = try Self.vietnameseLeft(WeeklyReportTests.office, "office-vi")
        #expect(vietnamese.contains("sheet: Tổng hợp văn phòng"))
        #expect(vietnamese.contains { $0.hasSuffix(": Có mặt / vắng theo nhóm") })
        #expect(!vietnamese.contains { $0.hasSuffix(": Nhóm 1") })
    }

    /// What the report composes itself is English too: staff roles, escalation lines.
    @Test func composedLinesInEnglish() {
        #expect(Self.office.nextCourses.first { $0.course.id == "HCSN-2611-07" }?.staff
            == ["Lê Văn Hậu (Trainer)", "Phạm Thị Kiều Oanh (Assistant)", "Võ Thành Trung (Support)"])
        let difficulty = Self.team.escalations.first { $0.kind == .difficulty && $0.course == "TL-2611-06" }
        #expect(difficulty?.note == "Morning session")
        let urgent = Self.team.escalations.first { $0.kind == .urgentOpinion && $0.course == "TL-2611-06" }
        #expect(urgent?.text.hasPrefix("Sales: ") == true)
        #expect(urgent?.note == "In progress; Đang làm việc với đơn vị")
    }

    /// The template data takes the report's language: a layout filled from an English report
    /// gets English steps, severities and states.
    @Test func templateDataInEnglish() throws {
        guard case .object(let root) = WeeklyTemplateData.value(Self.office),
              case .array(let findings)? = root["findings"], case .object(let first)? = findings.first else {
            Issue.record("no findings in the template data")
            return
        }
        #expect(first["step"] == .string("1. Request and plan"))
        #expect(first["severity"] == .string("Warning"))
        #expect(first["status"] == .string("Open"))
        #expect(first["age"] == .string("74 days overdue, since week 38"))
        #expect(first["message"] == .string("Schedule not confirmed (due 15/09/2026)."))
    }
}
