import Foundation
import TestTools
import Testing
@testable import TrainingOps
import XLSX

/// The live rules of the blank workbooks: which rules a workbook gets, their thresholds from
/// the settings in force, and the tables, protection and legend as openpyxl reads them.
struct LiveRulesTests {
    @Test func rulesFollowTheKindsAndTheSettings() {
        let alone = LiveRules.rules(for: [.staffPlan], settings: Settings()).map(\.id)
        #expect(alone == ["IMPORT_MISSING_VALUE"], "the staff plan alone cannot look up the course's start")
        var settings = Settings()
        settings.handoverDays = 12
        settings.longHandoverDays = 45
        settings.staffPlanTime = LocalTime(17, 30)
        settings.staffPlanWeekday = 5
        let rules = LiveRules.rules(for: SheetType.allCases, settings: settings)
        let expected: Set<String> = ["HANDOVER_LATE", "IMPORT_DUPLICATE_COURSE", "STAFF_PLAN_LATE", "SURVEY_LATE", "CRM_LATE",
                                     "PRECHECK_LATE", "FOLLOW_UP_MISSING", "IMPORT_MISSING_VALUE", "SESSION_REPORT_MISSING"]
        let ids = Set(rules.map(\.id))
        #expect(ids == expected)
        let handover: String = rules.first { $0.id == "HANDOVER_LATE" }?.formula ?? ""
        // Handover at K, start at G, product at C: fewer than 45 days for the long products, 12 otherwise.
        let prefix = "AND(ISNUMBER($K2),ISNUMBER($G2),$G2-INT($K2)<IF(OR(TRIM($C2)=\"Tính lương\""
        #expect(handover.hasPrefix(prefix), "\(handover)")
        #expect(handover.hasSuffix(",45,12))"), "\(handover)")
        let staff = rules.first { $0.id == "STAFF_PLAN_LATE" }?.formula ?? ""
        #expect(staff.contains("-7+4+TIME(17,30,0)"), "Friday 17:30 of the week before: \(staff)")
    }

    /// openpyxl sees each list as a table over the prepared rows, the rules as conditional
    /// formats, the header locked and the data cells not, the sheet protected without password.
    @Test(.requires(.openpyxl)) func openpyxlSeesTablesRulesAndProtection() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BlankWorkbook.write([.handover, .staffPlan], to: path)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print("sheets", "|".join(wb.sheetnames))
            for name in ["Bàn giao kế hoạch", "Kế hoạch nhân sự"]:
                ws = wb[name]
                t = list(ws.tables.values())[0]
                rules = sorted((str(cf.sqref), r.type) for cf in ws.conditional_formatting for r in cf.rules)
                print(name, t.name, t.ref, t.tableStyleInfo.name, len(rules), ws.protection.sheet, ws.protection.password,
                      ws["A1"].protection.locked, ws["A2"].protection.locked, ws["B500"].protection.locked, ws["A1"].comment is not None)
            print("legend", wb["Chú giải"]["A5"].fill.fgColor.rgb, wb["Chú giải"]["D5"].value)
            """
        let (status, output) = try runProgram(try ExternalTool.openpyxl.path(), ["-c", script, path], standardError: false)
        #expect(status == 0)
        // Handover: 15 columns (A–O), 10 required (id, name, product, agency, mode, start, end,
        // unit count, handed over by, handover date) → 10 required-cell rules, the lead time and
        // the duplicate id; the staff plan: 8 columns, 7 required, and the sending time.
        #expect(output == """
            sheets Hướng dẫn|Bàn giao kế hoạch|Kế hoạch nhân sự|Chú giải
            Bàn giao kế hoạch Bang_handover A1:O501 TableStyleLight9 12 True None True False False True
            Kế hoạch nhân sự Bang_staffPlan A1:H501 TableStyleLight9 8 True None True False False False
            legend FFFFC7CE HANDOVER_LATE

            """, "\(output)")
    }
}
