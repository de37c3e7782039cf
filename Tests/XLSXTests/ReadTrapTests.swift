import Foundation
import Testing
@testable import XLSX

/// One fixture per known trap (STYLE.md point 6), written by zipfile, xlsxwriter or openpyxl
/// (scripts/make-read-fixtures.py); expected values read off the XML by hand.
@Suite struct ReadTrapTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/read")

    static func open(_ name: String) throws -> Workbook {
        try Workbook(path: folder.appendingPathComponent(name).path)
    }

    /// Every cell of every sheet as `sheet!ref=value` in the reference format.
    static func lines(_ workbook: Workbook) throws -> [String] {
        var result: [String] = []
        for info in workbook.sheets {
            try workbook.rows(of: info).forEach { row in
                for cell in row.cells {
                    if let (type, text) = ReferenceFormat.typeAndValue(cell.value) {
                        result.append("\(info.name)!\(cell.reference)=\(type):\(text)")
                    }
                }
            }
        }
        return result
    }

    @Test func absoluteTargetsAndSheetStates() throws {
        let wb = try Self.open("absolute-targets.xlsx")
        #expect(wb.workbookPart == "book/main.xml")
        #expect(wb.sheets.map(\.name) == ["Data", "Hidden", "Secret"])
        #expect(wb.sheets.map(\.state) == [.visible, .hidden, .veryHidden])
        #expect(wb.sheets.map(\.part) == ["book/sheets/one.xml", "book/sheets/two.xml", "book/sheets/three.xml"])
        #expect(try Self.lines(wb) == ["Data!A1=s:absolute", "Data!B1=n:42", "Hidden!A1=n:2", "Secret!A1=n:3"])
    }

    @Test func inlineStringsWithoutSharedStrings() throws {
        let wb = try Self.open("inline-strings-no-sst.xlsx")
        #expect(wb.sharedStrings.count == 0)
        let sheet = try wb.sheet(at: 0)
        #expect(sheet["A1"]?.value == .string("plain inline"))
        #expect(sheet["B1"]?.value.plainText == "rich inline")
        #expect(sheet["C1"]?.value == .string("line\rbreak"))
        #expect(sheet["D1"]?.value == .formula("\"for\"&\"mula\"", cached: .string("formula")))
    }

    @Test func richTextPhoneticRunsAndEmptyItem() throws {
        let wb = try Self.open("rich-phonetic-empty-si.xlsx")
        #expect(wb.sharedStrings.count == 4)
        #expect(wb.sharedStrings.string(at: 0) == "東京 tower")
        #expect(wb.sharedStrings.string(at: 1) == "")
        #expect(wb.sharedStrings.string(at: 2) == "after empty")
        #expect(wb.sharedStrings.string(at: 3) == "tab\tand_x0041_")
        let runs = try #require(wb.sharedStrings.runs(at: 0))
        #expect(runs.map(\.text) == ["東京", " tower"])
        #expect(runs[0].font?.bold == true)
        #expect(runs[0].font?.size == 12)
        #expect(runs[0].font?.name == "Arial")
        #expect(runs[0].font?.color == .rgb("FFFF0000"))
        let sheet = try wb.sheet(at: 0)
        #expect(sheet["B1"] == nil, "an empty string is no value")
        #expect(sheet["C1"]?.value == .string("after empty"), "the empty <t/> kept its index")
    }

    @Test func namespacePrefixes() throws {
        let wb = try Self.open("namespace-prefixes.xlsx")
        #expect(wb.sheets.map(\.name) == ["Prefixed"])
        #expect(wb.definedNames == [DefinedName("Total", refersTo: "Prefixed!$B$2")])
        let sheet = try wb.sheet(named: "prefixed")
        #expect(sheet["A1"]?.value == .string("prefixed text"))
        #expect(sheet["B2"]?.value == .number(7.5))
        #expect(sheet["C2"]?.value == .bool(true))
        #expect(sheet["D2"]?.value == .error("#N/A"))
        #expect(sheet.mergedRanges == [CellRange("A1:C1")!])
    }

    @Test func caseDifferingPartNames() throws {
        let wb = try Self.open("case-differing-names.xlsx")
        #expect(try Self.lines(wb) == ["Sheet1!A1=s:found anyway"])
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let wb = try Self.open("no-r-attributes.xlsx")
        #expect(try Self.lines(wb) == [
            "Sheet1!A1=n:1", "Sheet1!B1=n:2", "Sheet1!C1=n:3",
            "Sheet1!A2=n:4", "Sheet1!E2=n:5", "Sheet1!F2=n:6",
            "Sheet1!A5=n:7", "Sheet1!A6=s:row six",
        ])
    }

    @Test func declaredDimensionIsNotTrusted() throws {
        let wb = try Self.open("huge-dimension.xlsx")
        let sheet = try wb.sheet(at: 0)
        #expect(sheet.metadata.declaredDimension == "A1:XFD1048576")
        #expect(sheet.cellCount == 5)
        #expect(sheet.rows.count == 3)
        #expect(sheet.dimension == CellRange("A1:XFD1048576"))
        #expect(sheet["C7"]?.value == .number(4))
        #expect(sheet["XFD1048576"]?.value == .number(5))
        #expect(sheet.cells(in: CellRange("A1:C10")!).map(\.reference.description) == ["A1", "C7"])
    }

    @Test func dates1900ThroughThePhantomLeapDay() throws {
        let wb = try Self.open("dates-1900.xlsx")
        #expect(wb.dateSystem == .date1900)
        let sheet = try wb.sheet(at: 0)
        func date(_ ref: String) -> ExcelDateTime? {
            if case .date(let d) = sheet[ref]?.value { return d }
            return nil
        }
        #expect(date("A1")?.components.isoDate == "1900-02-28")
        #expect(date("A2")?.components.isoDate == "1900-02-29", "serial 60 is Lotus's phantom day")
        #expect(date("A3")?.components.isoDate == "1900-03-01")
        #expect(date("A4")?.description == "2024-12-01", "45627 under dd/mm/yyyy is 1 Dec 2024")
        #expect(date("A4")?.kind == .date)
        #expect(date("A5")?.components.isoDate == "1900-01-01")
        #expect(sheet["B4"]?.value == .number(45627), "no date format, no date")
        #expect(date("C1")?.kind == .dateTime)
        #expect(date("C1")?.description == "2024-12-01T09:30:00")
        #expect(date("C2")?.kind == .time)
        #expect(date("C2")?.description == "18:00:00")
        #expect(date("C3")?.kind == .duration)
        #expect(date("C3")?.description == "26:00:00")
        #expect(date("C4")?.description == "2024-12-01", "locale prefix [$-42A] is ignored")
    }

    @Test func dates1904() throws {
        let wb = try Self.open("dates-1904.xlsx")
        #expect(wb.dateSystem == .date1904)
        let sheet = try wb.sheet(at: 0)
        if case .date(let d) = sheet["A4"]?.value { #expect(d.description == "2028-12-02") } else { Issue.record("A4 is no date") }
        if case .date(let d) = sheet["A5"]?.value { #expect(d.description == "1904-01-02") } else { Issue.record("A5 is no date") }
        if case .date(let d) = sheet["C5"]?.value { #expect(d.description == "2024-12-01T09:30:00") } else { Issue.record("C5 is no date") }
    }

    @Test func sharedFormulasExpandPerCell() throws {
        let sheet = try Self.open("shared-formula.xlsx").sheet(at: 0)
        #expect(sheet["C1"]?.value == .formula("A1+$B$1*B1", cached: .number(101)))
        #expect(sheet["C2"]?.value == .formula("A2+$B$1*B2", cached: .number(202)))
        #expect(sheet["C3"]?.value == .formula("A3+$B$1*B3", cached: .number(303)))
    }
}
