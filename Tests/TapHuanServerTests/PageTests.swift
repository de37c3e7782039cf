import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TapHuanServer
import TrainingOps
import XLSX

/// The pages give what the commands give, from the same pipeline.
@Suite struct PageTests {
    static let asOf = try! LocalMoment.asOf("2026-11-28T09:00")

    /// The counts of the command's check of the same files.
    static func commandReport() async throws -> ValidationReport {
        var options = OfficeCheck.Options()
        options.asOf = asOf
        return try await OfficeCheck.run(sampleWorkbooks, options: options).report
    }

    @Test func uploadedSamplesGiveTheCommandsFindings() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let expected = try await Self.commandReport()
        let body = MultipartBody(files: sampleWorkbooks.map { (($0 as NSString).lastPathComponent, contents($0)) },
                                 fields: ["as-of": "2026-11-28T09:00", "cot": "1"])
        try await withServer(configuration(scratch)) { client in
            let id = try await client.execute(uri: "/kiem-tra", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .seeOther)
                return try #require(r.runID)
            }
            try await client.execute(uri: "/ket-qua/\(id)", method: .get) { r in
                let page = r.text
                #expect(page.contains("id=\"count-errors\">\(expected.stats.errors)<"))
                #expect(page.contains("id=\"count-warnings\">\(expected.stats.warnings)<"))
                #expect(page.contains("id=\"count-files\">\(sampleWorkbooks.count)<"))
                for (rule, n) in expected.stats.byRule {
                    #expect(page.contains("data-rule=\"\(rule)\" data-count=\"\(n)\""), "\(rule) \(n)")
                }
                #expect(page.contains("Nhóm 1") && page.contains("Cách hiểu các cột"))
                #expect(!page.contains("download-zip"), "no checked copies unless asked")
            }
            // The filters keep only what they name.
            try await client.execute(uri: "/ket-qua/\(id)?muc=error&quy-tac=HANDOVER_LATE&nhom=Nh%C3%B3m%201&lang=en", method: .get) { r in
                let rows = r.text.components(separatedBy: "<tr class=\"").dropFirst()
                #expect(!rows.isEmpty)
                #expect(rows.allSatisfy { $0.hasPrefix("error") && $0.contains("<td>HANDOVER_LATE</td>") })
                #expect(r.text.contains("Findings ("))
                #expect(r.headers[.setCookie]?.contains("lang=en") == true)
            }
            try await client.execute(uri: "/tai/\(id)/json", method: .get) { r in
                #expect(r.headers[.contentDisposition]?.contains("ket-qua-kiem-tra.json") == true)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let stats = json?["stats"] as? [String: Any]
                #expect(stats?["errors"] as? Int == expected.stats.errors)
            }
        }
    }

    @Test func theSharedFolderIsCheckedAsTheCommandChecksIt() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var options = OfficeCheck.Options()
        options.asOf = Self.asOf
        let expected = try await OfficeCheck.run([sampleFolder], options: options).report
        try await withServer(configuration(scratch)) { client in
            let id = try await client.execute(uri: "/kiem-tra/thu-muc?ban=1", method: .get) { r in try #require(r.runID) }
            try await client.execute(uri: "/ket-qua/\(id)", method: .get) { r in
                #expect(r.text.contains("id=\"count-errors\">\(expected.stats.errors)<"))
                #expect(r.text.contains("<li>Danh sach don vi/Nhom 1 - DS don vi.xlsx</li>"))
            }
            try await client.execute(uri: "/tai/\(id)/zip", method: .get) { r in
                let zip = scratch.root.appendingPathComponent("folder.zip").path
                try Data(buffer: r.body).write(to: URL(fileURLWithPath: zip))
                let names = try ZipArchive(path: zip).entries.map(\.name)
                #expect(names.contains("Danh sach don vi/Nhom 1 - DS don vi.xlsx") && names.contains("Ban giao ke hoach.xlsx"))
            }
        }
    }

    /// A server started in English (`taphuan serve --lang en`, or `TAPHUAN_LANG=en`) shows
    /// English to a visitor who has not chosen, error pages included, and Vietnamese to one who
    /// chose it; the weekly workbook comes in the page's language.
    @Test func theServersLanguageIsTheDefault() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var english = configuration(scratch)
        english.language = .en
        try await withServer(english) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.text.contains("<html lang=\"en\">"))
                #expect(r.headers[.setCookie] == nil, "a default is not a choice to remember")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "lang=vi"]) { r in
                #expect(r.text.contains("<html lang=\"vi\">"))
            }
            try await client.execute(uri: "/khong-co-trang-nay", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("No such page"))
            }
            try await client.execute(uri: "/bao-cao-tuan?tuan=2026-W48&cap=team&nhom=Nh%C3%B3m+2&lap=1", method: .get) { r in
                let link = try #require(r.text.range(of: "/tai/[0-9a-f]{16}/weekly", options: .regularExpression))
                try await client.execute(uri: String(r.text[link]), method: .get) { w in
                    let path = scratch.root.appendingPathComponent("w-en.xlsx").path
                    try Data(buffer: w.body).write(to: URL(fileURLWithPath: path))
                    #expect(try Workbook(path: path).sheets.map(\.name).contains(WeeklyWorkbook.TeamSheet.summary.name(.en)))
                }
            }
        }
        try await withServer(configuration(scratch)) { client in
            try await client.execute(uri: "/", method: .get) { r in #expect(r.text.contains("<html lang=\"vi\">")) }
        }
    }

    @Test func weeklyFormsAndRulesPages() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withServer(configuration(scratch)) { client in
            // As a browser sends the form: `+` for spaces, dates day first.
            try await client.execute(uri: "/bao-cao-tuan?tuan=2026-W48&cap=team&nhom=Nh%C3%B3m+2&as-of=28%2F11%2F2026+09%3A00&lap=1", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Tuần từ 23/11/2026 đến 29/11/2026") && r.text.contains("đối chiếu lúc 28/11/2026 09:00"))
                #expect(r.text.contains("id=\"sections\"") && r.text.contains("Bao cao tuan 2026-W48 - Nhom 2.xlsx"))
                let link = try #require(r.text.range(of: "/tai/[0-9a-f]{16}/weekly", options: .regularExpression))
                try await client.execute(uri: String(r.text[link]), method: .get) { w in
                    let path = scratch.root.appendingPathComponent("w.xlsx").path
                    try Data(buffer: w.body).write(to: URL(fileURLWithPath: path))
                    let sheets = try Workbook(path: path).sheets.map(\.name)
                    #expect(sheets.contains(WeeklyWorkbook.TeamSheet.summary.name()))
                }
            }
            try await client.execute(uri: "/bao-cao-tuan?tuan=2026-W48&cap=team&nhom=Nh%C3%B3m%209&lap=1", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("Không có nhóm &quot;Nhóm 9&quot;"))
            }
            try await client.execute(uri: "/bieu-mau", method: .get) { r in
                #expect(r.text.contains("/bieu-mau/trong/handover") && r.text.contains("TL-2610-01"))
            }
            try await client.execute(uri: "/bieu-mau/khoa?ma=TL-2610-01", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition]?.contains("Bieu mau TL-2610-01.xlsx") == true)
            }
            try await client.execute(uri: "/bieu-mau/trong/units", method: .get) { r in
                #expect(r.headers[.contentDisposition]?.contains("Danh sach don vi.xlsx") == true)
            }
            try await client.execute(uri: "/quy-tac?lang=en", method: .get) { r in
                #expect(r.text.contains("id=\"rule-STAFF_PLAN_LATE\"") && r.text.contains("Settings in force"))
            }
        }
        // Every output lies under out, in run folders.
        #expect(Scratch.listing(scratch.out).allSatisfy { $0.range(of: "^[0-9a-f]{16}(/|$)", options: .regularExpression) != nil })
    }
}
