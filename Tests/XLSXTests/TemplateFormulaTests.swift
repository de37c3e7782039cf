import Testing
@testable import XLSX

/// The formula tokenizer: which parts of a formula are references, and how they move.
@Suite struct TemplateFormulaTests {
    /// Moves every row ≥ 5 of `Kế hoạch` (the host) down by 10.
    private func down10(_ formula: String, host: String = "Kế hoạch") -> String {
        FormulaReferences.rewrite(formula) { reference in
            guard reference.sheet == nil || reference.sheet == host, !reference.isExternal else { return true }
            if let r = reference.first.row, r >= 5 { reference.first.row = r + 10 }
            if var second = reference.second {
                if let r = second.row, r >= 5 { second.row = r + 10 }
                reference.second = second
            }
            return true
        }
    }

    static let shifts: [(String, String)] = [
        ("A1+B5", "A1+B15"),
        ("SUM($C$5:$C$9)", "SUM($C$15:$C$19)"),
        ("SUM(C3:C9)", "SUM(C3:C19)"),
        ("'Kế hoạch'!A7*2", "'Kế hoạch'!A17*2"),
        ("Other!A7+A7", "Other!A7+A17"),
        ("\"B5 text\"&B5", "\"B5 text\"&B15"),
        ("\"say \"\"A5\"\"\"&A5", "\"say \"\"A5\"\"\"&A15"),
        ("SUM(5:7)", "SUM(15:17)"),
        ("SUM($5:$7)", "SUM($15:$17)"),
        ("SUM(B:B)", "SUM(B:B)"),
        ("LOG10(A5)", "LOG10(A15)"),
        ("ATAN2(1,A6)", "ATAN2(1,A16)"),
        ("Table1[Col A5]+A5", "Table1[Col A5]+A15"),
        ("[1]Sheet1!A5+A5", "[1]Sheet1!A5+A15"),
        ("_xlfn.STDEV.S(A5:A6)", "_xlfn.STDEV.S(A15:A16)"),
        ("TongHV*1.5", "TongHV*1.5"),
        ("'It''s'!A5", "'It''s'!A5"),
        ("A5:A4", "A15:A4"),
        ("IF(TRUE,A5,#REF!)", "IF(TRUE,A15,#REF!)"),
        ("XFD5+XFE5", "XFD15+XFE5"),
        ("1E+5+A5", "1E+5+A15"),
    ]

    @Test(arguments: shifts)
    func shiftsRowReferences(_ pair: (String, String)) {
        #expect(down10(pair.0) == pair.1)
    }

    @Test func unchangedFormulaKeepsItsText() {
        let formula = "SUM( A1 , $B$2 )&\"x\""
        #expect(down10(formula) == formula)
    }

    @Test func findsSheetQualifiedRanges() {
        var found: [FormulaReference] = []
        _ = FormulaReferences.rewrite("SUM('Kế hoạch'!$A$1:B$3)+Data!C:C+7") { found.append($0); return true }
        #expect(found.count == 2)
        #expect(found[0].sheet == "Kế hoạch")
        #expect(found[0].first == ReferencePart(column: 1, row: 1, absoluteColumn: true, absoluteRow: true))
        #expect(found[0].second == ReferencePart(column: 2, row: 3, absoluteColumn: false, absoluteRow: true))
        #expect(found[1].sheet == "Data")
        #expect(found[1].first.row == nil && found[1].first.column == 3)
    }

    @Test func deletedReferenceBecomesRefError() {
        let result = FormulaReferences.rewrite("A1+'S 1'!B2") { $0.sheet == nil }
        #expect(result == "A1+'S 1'!#REF!")
    }

    /// Shared formulas expanded by the reader and the template engine alike; each expected text
    /// is what openpyxl's `Translator` gives for the same move.
    static let translations: [(String, Int, Int, String)] = [
        ("A1*2", 1, 0, "A2*2"),
        ("$A1+A$1+$A$1", 2, 1, "$A3+B$1+$A$1"),
        ("SUM(B2:C3)", 0, 2, "SUM(D2:E3)"),
        ("A1+B1", 2, 1, "B3+C3"), ("$A$1+A$1+$A1", 1, 1, "$A$1+B$1+$A2"), ("SUM(A1:A3)", 1, 0, "SUM(A2:A4)"),
        ("\"A1\"&A1", 1, 0, "\"A1\"&A2"), ("'My Sheet'!A1", 0, 1, "'My Sheet'!B1"), ("LOG10(A1)", 1, 0, "LOG10(A2)"),
        ("SUM(A:A)+SUM(1:1)", 1, 1, "SUM(B:B)+SUM(2:2)"), ("SUM($A:A)", 0, 2, "SUM($A:C)"),
        ("A1", -1, 0, "#REF!"),
    ]

    @Test(arguments: translations)
    func translatesSharedFormulas(_ t: (String, Int, Int, String)) {
        #expect(FormulaReferences.translate(t.0, rows: t.1, columns: t.2) == t.3)
    }

    @Test func rowMappingAroundABlock() throws {
        // Rows 4–6: {{#items}}, a body row, {{/items}}; three items.
        let block = TemplateBlock(name: "items", open: 4, close: 6, column: 0, children: [])
        let scope = TemplateScope(frames: [.object(["items": .array([.number(1), .number(2), .number(3)])])], index: nil)
        let mapping = try RowMapping.build(span: 1...CellReference.maxRows, outFirst: 1, blocks: [block], scope: scope,
                                           policy: .error, sheet: "S", parent: nil)
        #expect(mapping.map(3) == 3)
        #expect(mapping.map(5) == 4)       // the first copy
        #expect(mapping.map(7) == 7)       // 3 rows out for 3 rows in
        #expect(mapping.map(rows: 5, 5)! == (4, 6))
        #expect(mapping.map(rows: 3, 7)! == (3, 7))
        // An empty list keeps one blank row (row 4); `false` shows the block not at all.
        let empty = TemplateScope(frames: [.object(["items": .array([])])], index: nil)
        let blank = try RowMapping.build(span: 1...CellReference.maxRows, outFirst: 1, blocks: [block], scope: empty,
                                         policy: .error, sheet: "S", parent: nil)
        #expect(blank.map(7) == 5)
        #expect(blank.map(5) == 4)
        #expect(blank.map(rows: 5, 5)! == (4, 4))
        let hidden = TemplateScope(frames: [.object(["items": .bool(false)])], index: nil)
        let none = try RowMapping.build(span: 1...CellReference.maxRows, outFirst: 1, blocks: [block], scope: hidden,
                                        policy: .error, sheet: "S", parent: nil)
        #expect(none.map(7) == 4)
        #expect(none.map(5) == nil)
        #expect(none.map(rows: 5, 5) == nil)
    }

    @Test func placeholdersInText() {
        #expect(TemplateTextPiece.parse("Tuần {{week}} — {{ team }}") ==
                [.literal("Tuần "), .placeholder("week"), .literal(" — "), .placeholder("team")])
        #expect(TemplateTextPiece.parse("no {{ placeholder") == nil)
        #expect(BlockMarker("{{#courses}}") == .open("courses"))
        #expect(BlockMarker(" {{/courses}} ") == .close("courses"))
        #expect(BlockMarker("{{courses}}") == nil)
    }

    @Test func datesForDateCells() {
        #expect(TemplateDates.serial("2026-11-30", system: .date1900) == 46_356)
        #expect(TemplateDates.serial("30/11/2026", system: .date1900) == 46_356)
        #expect(TemplateDates.serial("1900-03-01", system: .date1900) == 61)
        #expect(TemplateDates.serial("2026-02-30", system: .date1900) == nil)
        #expect(TemplateDates.serial("2026-11-30T12:00", system: .date1900) == 46_356.5)
    }
}
