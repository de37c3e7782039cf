import Foundation
import Testing
@testable import TrainingOps

@Suite struct SheetReferenceTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The tables of docs/rules.md and of the DocC article on the rules are generated from the
    /// registry and the settings: they must be current.
    @Test(arguments: RulesReference.pages) func rulesPageIsCurrent(_ path: String) throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
        let updated = try #require(RulesReference.update(page), "\(path) lost its generated-table markers")
        #expect(page == updated, "run scripts/make-samples to regenerate the tables of \(path)")
        // Every rule and every setting is on it.
        for rule in RuleRegistry.all { #expect(page.contains("| \(rule.id) |")) }
        if path == "docs/rules.md" { for key in Settings.keys { #expect(page.contains("| \(key.name) |")) } }
    }

    /// docs/sheets.md is generated from the declarations: it must be current.
    @Test func committedPageIsCurrent() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/sheets.md"), encoding: .utf8)
        #expect(page == SheetReference.markdown(), "run scripts/make-samples to regenerate docs/sheets.md")
    }

    @Test func everyColumnIsDocumented() {
        let page = SheetReference.markdown()
        for kind in SheetType.allCases {
            #expect(page.contains("## \(kind.sheetName)"))
            for column in kind.schema.columns {
                #expect(page.contains("`\(column.key)` |"), "\(kind).\(column.key)")
                #expect(page.contains(column.meaning.replacingOccurrences(of: "|", with: "\\|")))
            }
        }
        #expect(page.contains("Tính lương (cũng nhận:"))
    }
}
