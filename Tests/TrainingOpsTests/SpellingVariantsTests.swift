import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// Every kind imports the same whatever spelling its headers use.
@Suite struct SpellingVariantsTests {
    enum Spelling: String, CaseIterable {
        case canonical, plain, nfd, upper, firstAlias, lastAlias
    }

    static func plain(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
            .map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : $0 }))
    }

    static func header(_ c: ColumnSpec, _ spelling: Spelling) -> String {
        switch spelling {
        case .canonical: return c.header
        case .plain: return plain(c.header)
        case .nfd: return c.header.decomposedStringWithCanonicalMapping
        case .upper: return c.header.uppercased()
        case .firstAlias: return c.aliases.first ?? c.header
        case .lastAlias: return c.aliases.last ?? c.header
        }
    }

    static func sample(_ type: ColumnType) -> String {
        switch type {
        case .text: return "K-1"
        case .count: return "12"
        case .decimal: return "1,5"
        case .percent: return "80%"
        case .score: return "4"
        case .date: return "05/12/2026"
        case .moment: return "05/12/2026 9h30"
        case .yesNo: return "Có"
        case .phone: return "0905 123 456"
        case .email: return "ketoan@truong.edu.vn"
        case .week: return "49/2026"
        case .choice(let list): return list.labels.first ?? ""
        }
    }

    static func dataset(_ kind: SheetType, _ spelling: Spelling) -> Dataset {
        let columns = kind.schema.columns
        let rows = [columns.map { header($0, spelling) }, columns.map { sample($0.type) }]
        return Dataset(sheets: [("f.xlsx", grid("S", [["Tiêu đề"], []] + rows))])
    }

    static func same(_ a: Dataset, _ b: Dataset) -> Bool {
        a.courses == b.courses && a.units == b.units && a.staffAssignments == b.staffAssignments && a.trackings == b.trackings
            && a.preChecks == b.preChecks && a.sessionReports == b.sessionReports && a.opinions == b.opinions
            && a.dailyLogs == b.dailyLogs && a.reportLog == b.reportLog
    }

    @Test(arguments: SheetType.allCases)
    func allSpellingsImportAlike(_ kind: SheetType) throws {
        let reference = Self.dataset(kind, .canonical)
        #expect(reference.findings.isEmpty, "\(reference.findings.map(\.message))")
        #expect(reference.sheets.first?.header.kind == kind)
        #expect(reference.sheets.first?.header.columns.count == kind.schema.columns.count)
        for spelling in Spelling.allCases.dropFirst() {
            let other = Self.dataset(kind, spelling)
            #expect(other.findings.isEmpty, "\(kind) \(spelling): \(other.findings.map(\.message))")
            #expect(Self.same(other, reference), "\(kind) \(spelling)")
        }
    }

    @Test func everyValueIsRead() throws {
        let d = Self.dataset(.handover, .canonical)
        let c = try #require(d.courses.first)
        #expect(c.id == "K-1" && c.product == .payroll && c.mode == .inPerson && c.unitCount == 12)
        #expect(c.handoverDate == LocalMoment(LocalDate(2026, 12, 5), LocalTime(9, 30)))
        let u = try #require(Self.dataset(.units, .canonical).units.first)
        #expect(u.phone == "0905123456" && u.email == "ketoan@truong.edu.vn" && u.surveyScore == 4 && u.present == true)
        let s = try #require(Self.dataset(.sessionReport, .canonical).sessionReports.first)
        #expect(s.dataEntryRate == 0.8 && s.session == .morning && s.absentCount == 12)
        let w = try #require(Self.dataset(.reportLog, .canonical).reportLog.first)
        #expect(w.week.monday == LocalDate(2026, 11, 30) && w.level == .teamToHead)
        let p = try #require(Self.dataset(.preCheck, .canonical).preChecks.first)
        #expect(p.answers.count == PreCheckItem.allCases.count)
    }
}

/// The same through real workbooks: one workbook per spelling, every kind on its own sheet,
/// written with our writer and read back with our reader.
@Suite struct SpellingVariantsWorkbookTests {
    static func write(_ spelling: SpellingVariantsTests.Spelling, to path: String) throws {
        let book = WorkbookWriter()
        for type in SheetType.allCases {
            let sheet = try book.addSheet("Sheet \(type.rawValue)")
            try sheet.appendRow([.string("Bảng \(type.sheetName)")])
            try sheet.appendRow(type.schema.columns.map { .string(SpellingVariantsTests.header($0, spelling)) })
            try sheet.appendRow(type.schema.columns.map { .string(SpellingVariantsTests.sample($0.type)) })
        }
        try book.write(to: path)
    }

    @Test func everyHeaderSpeltDifferentlyImportsTheSame() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-spelling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func load(_ s: SpellingVariantsTests.Spelling) throws -> Dataset {
            let path = dir.appendingPathComponent("\(s.rawValue).xlsx").path
            try Self.write(s, to: path)
            var data = Dataset.load(paths: [path])
            // Only the file name differs between the spellings.
            data.courses = data.courses.map { var c = $0; c.source.file = ""; return c }
            data.units = data.units.map { var u = $0; u.source.file = ""; return u }
            data.preChecks = data.preChecks.map { var p = $0; p.source.file = ""; return p }
            data.reportLog = data.reportLog.map { var e = $0; e.source.file = ""; return e }
            return data
        }
        let reference = try load(.canonical)
        #expect(reference.findings.isEmpty, "\(reference.findings.map(\.message))")
        #expect(reference.sheets.map(\.header.kind) == SheetType.allCases)
        #expect(reference.courses.count == 1 && reference.units.count == 1 && reference.preChecks.count == 1)
        for spelling in [SpellingVariantsTests.Spelling.plain, .nfd, .upper, .firstAlias, .lastAlias] {
            let other = try load(spelling)
            #expect(other.findings.isEmpty, "\(spelling): \(other.findings.map(\.message))")
            #expect(other.sheets.map(\.header.kind) == SheetType.allCases, "\(spelling)")
            #expect(other.courses == reference.courses && other.units == reference.units, "\(spelling)")
            #expect(other.preChecks == reference.preChecks && other.reportLog == reference.reportLog, "\(spelling)")
        }
    }
}
