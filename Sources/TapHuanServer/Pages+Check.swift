import Foundation
import TrainingOps

/// The check page ("Kiểm tra"): the upload form, the folder form, and the results.
enum CheckPages {
    /// The forms: upload workbooks, or check the shared folder.
    static func home(_ lang: Language, configuration c: ServerConfiguration, path: String) -> String {
        let asOf = c.asOf.map(dayFirst) ?? ""
        let limits = lang.pick(
            "Tối đa \(c.limits.files) tệp, mỗi tệp \(UploadLimits.megabytes(c.limits.fileBytes)), tổng \(UploadLimits.megabytes(c.limits.requestBytes)) một lần.",
            "At most \(c.limits.files) files, \(UploadLimits.megabytes(c.limits.fileBytes)) each, \(UploadLimits.megabytes(c.limits.requestBytes)) in all.")
        func options() -> String {
            """
            <label>\(esc(lang.pick("Thời điểm đối chiếu", "As of"))) <input type="text" name="as-of" value="\(esc(asOf))" placeholder="28/11/2026 09:00" size="18"></label>
            <label><input type="checkbox" name="ban" value="1" checked> \(esc(lang.pick("Tạo bản kiểm tra (ZIP)", "Make checked copies (ZIP)")))</label>
            <label><input type="checkbox" name="cot" value="1"> \(esc(lang.pick("Xem cách hiểu các cột", "Show how the columns were read")))</label>
            """
        }
        let body = """
            <form class="box" id="upload" method="post" action="/kiem-tra" enctype="multipart/form-data">
            <h2>\(esc(lang.pick("Gửi sổ tính để kiểm tra", "Upload workbooks to check")))</h2>
            <div class="drop" id="drop" data-chosen="\(esc(lang.pick("tệp đã chọn", "files chosen")))" data-failed="\(esc(lang.pick("Không gửi được, hãy thử lại.", "The upload failed; try again.")))">
            <input type="file" id="files" name="files" multiple accept=".xlsx">
            <p><span>\(esc(lang.pick("Chọn hoặc kéo thả một hay nhiều tệp .xlsx vào đây.", "Choose or drop one or more .xlsx files here.")))</span></p>
            </div>
            \(options())
            <input type="hidden" name="lang" value="\(lang.rawValue)">
            <p><button type="submit" id="check-upload">\(esc(lang.pick("Kiểm tra", "Check")))</button> <progress id="progress" max="1"></progress></p>
            <p class="note">\(esc(limits)) \(esc(lang.pick("Tệp gửi lên chỉ được đọc để kiểm tra và bị xóa ngay sau đó.", "Uploaded files are only read for the check and removed right after.")))</p>
            </form>
            <form class="box" method="get" action="/kiem-tra/thu-muc">
            <h2>\(esc(lang.pick("Kiểm tra thư mục chung", "Check the shared folder")))</h2>
            <p>\(esc(lang.pick("Thư mục", "Folder"))): <code>\(esc(c.folder))</code> \(esc(lang.pick("(chỉ đọc, không ghi gì vào đây)", "(read only, nothing is written there)")))</p>
            \(options())
            <p><button type="submit" id="check-folder">\(esc(lang.pick("Kiểm tra thư mục", "Check the folder")))</button></p>
            </form>
            \(uploadScript)
            """
        return page(Section.check.title(lang), lang, section: .check, path: path, body)
    }

    /// The filters of a result page.
    struct Filter {
        var severity: Severity?
        var rule: String?
        var team: String?

        func keeps(_ f: Finding, _ run: CheckRun) -> Bool {
            (severity == nil || f.severity == severity) && (rule == nil || f.rule == rule) && (team == nil || run.team(of: f) == team)
        }
    }

    /// The results of a run: counts, downloads, filters, findings by team and course.
    static func result(_ run: CheckRun, filter: Filter, lang: Language, path: String) -> String {
        let vi = lang == .vi
        let s = run.report.stats
        func sev(_ v: Severity) -> String { vi ? v.vietnamese : v.rawValue }
        var b = ""
        b += "<p>" + esc(lang.pick("Thời điểm đối chiếu: \(dayFirst(run.report.asOf)) (giờ Việt Nam).", "As of \(dayFirst(run.report.asOf)) (Vietnam time).")) + " "
        b += esc(run.source == .folder ? lang.pick("Nguồn: thư mục chung.", "Source: the shared folder.") : lang.pick("Nguồn: tệp gửi lên.", "Source: uploaded files."))
        b += " " + esc(lang.pick(String(format: "Thời gian kiểm tra: %.2f giây.", run.seconds), String(format: "Checked in %.2f s.", run.seconds))) + "</p>\n"
        b += "<div class=\"stats\">"
        for (label, n, id) in [(lang.pick("Lỗi", "Errors"), s.errors, "errors"), (lang.pick("Cảnh báo", "Warnings"), s.warnings, "warnings"),
                               (lang.pick("Thông tin", "Info"), s.infos, "infos"), (lang.pick("Tệp đã đọc", "Files read"), s.files, "files"),
                               (lang.pick("Sheet", "Sheets"), s.sheets, "sheets"), (lang.pick("Khóa", "Courses"), s.courses, "courses")] {
            b += "<div class=\"stat\"><b id=\"count-\(id)\">\(n)</b>\(esc(label))</div>"
        }
        b += "</div>\n<p>"
        b += "<a class=\"button\" id=\"download-json\" href=\"/tai/\(run.id)/json\">\(esc(lang.pick("Tải báo cáo JSON", "Download the JSON report")))</a> "
        if run.copies { b += "<a class=\"button\" id=\"download-zip\" href=\"/tai/\(run.id)/zip\">\(esc(lang.pick("Tải bản kiểm tra (ZIP)", "Download the checked copies (ZIP)")))</a>" }
        b += "</p>\n"
        if !run.skipped.isEmpty {
            b += "<p class=\"note\">" + esc(lang.pick("Bỏ qua: ", "Skipped: "))
            b += run.skipped.map { esc("\($0.name) (\(vi ? $0.vi : $0.en))") }.joined(separator: "; ") + "</p>\n"
        }
        b += "<details><summary>" + esc(lang.pick("Các tệp đã đọc (\(run.files.count))", "Files read (\(run.files.count))")) + "</summary><ul>"
        b += run.files.map { "<li>\(esc($0))</li>" }.joined() + "</ul></details>\n"

        // Filters.
        let rules = Set(run.report.findings.map(\.rule)).sorted()
        let teams = Set(run.report.findings.map(run.team(of:))).sorted()
        func option(_ value: String, _ label: String, _ selected: Bool) -> String {
            "<option value=\"\(esc(value))\"\(selected ? " selected" : "")>\(esc(label))</option>"
        }
        b += "<form class=\"box\" method=\"get\" action=\"/ket-qua/\(run.id)\" id=\"filters\"><strong>\(esc(lang.pick("Lọc", "Filter")))</strong> "
        b += "<label>\(esc(lang.pick("Mức", "Severity"))) <select name=\"muc\"><option value=\"\">\(esc(lang.pick("tất cả", "all")))</option>"
        b += Severity.allCases.sorted(by: >).map { option($0.rawValue, sev($0), filter.severity == $0) }.joined() + "</select></label>"
        b += "<label>\(esc(lang.pick("Quy tắc", "Rule"))) <select name=\"quy-tac\"><option value=\"\">\(esc(lang.pick("tất cả", "all")))</option>"
        b += rules.map { option($0, $0, filter.rule == $0) }.joined() + "</select></label>"
        b += "<label>\(esc(lang.pick("Nhóm", "Team"))) <select name=\"nhom\"><option value=\"\">\(esc(lang.pick("tất cả", "all")))</option>"
        b += teams.map { option($0, $0, filter.team == $0) }.joined() + "</select></label>"
        b += "<button type=\"submit\">\(esc(lang.pick("Lọc", "Apply")))</button> <a href=\"/ket-qua/\(run.id)\">\(esc(lang.pick("bỏ lọc", "clear")))</a></form>\n"

        // Summary by rule (all findings, whatever the filter).
        b += "<h2>" + esc(lang.pick("Tổng hợp theo quy tắc", "Summary by rule")) + "</h2>\n<table id=\"by-rule\"><tr><th>"
        b += esc(lang.pick("Quy tắc", "Rule")) + "</th><th>" + esc(lang.pick("Mức", "Severity")) + "</th><th>" + esc(lang.pick("Số lần", "Count")) + "</th></tr>"
        let severityOf = Dictionary(run.report.findings.map { ($0.rule, $0.severity) }, uniquingKeysWith: max)
        for (rule, n) in s.byRule.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let v = severityOf[rule] ?? .info
            b += "<tr data-rule=\"\(esc(rule))\" data-count=\"\(n)\"><td><a href=\"/ket-qua/\(run.id)?quy-tac=\(urlEncode(rule))\">\(esc(rule))</a></td><td class=\"sev-\(v.rawValue)\">\(esc(sev(v)))</td><td class=\"n\">\(n)</td></tr>"
        }
        b += "</table>\n"

        // Findings by team, then course (the course with the most serious finding first).
        let kept = run.report.findings.filter { filter.keeps($0, run) }
        b += "<h2>" + esc(lang.pick("Các phát hiện (\(kept.count))", "Findings (\(kept.count))")) + "</h2>\n"
        if kept.isEmpty { b += "<p>" + esc(lang.pick("Không có phát hiện nào.", "No findings.")) + "</p>" }
        var byTeam: [String: [String: [Finding]]] = [:]
        for f in kept { byTeam[run.team(of: f), default: [:]][f.course ?? "", default: []].append(f) }
        for team in byTeam.keys.sorted(by: { ($0 == "—") == ($1 == "—") ? $0 < $1 : $1 == "—" }) {
            let courses = byTeam[team] ?? [:]
            let count = courses.values.reduce(0) { $0 + $1.count }
            b += "<section class=\"team\"><h2>\(esc(team == "—" ? lang.pick("Không thuộc nhóm nào", "No team") : team)) <small>(\(count))</small></h2>\n"
            let order = courses.keys.sorted { a, c in
                if a.isEmpty != c.isEmpty { return c.isEmpty }
                let sa = courses[a]?.map(\.severity).max() ?? .info, sc = courses[c]?.map(\.severity).max() ?? .info
                return sa != sc ? sa > sc : a < c
            }
            for course in order {
                let list = courses[course] ?? []
                let heading = course.isEmpty ? lang.pick("Không thuộc khóa nào", "Not about a course")
                    : course + (run.names[course].map { " — \($0)" } ?? "")
                b += "<h3>\(esc(heading))</h3>\n<table class=\"findings\"><tr><th>\(esc(lang.pick("Mức", "Severity")))</th><th>\(esc(lang.pick("Quy tắc", "Rule")))</th><th>\(esc(lang.pick("Tệp", "File")))</th><th>Sheet</th><th>\(esc(lang.pick("Ô", "Cell")))</th><th>\(esc(lang.pick("Nội dung", "Message")))</th></tr>\n"
                for f in list {
                    b += "<tr class=\"\(f.severity.rawValue)\"><td class=\"sev-\(f.severity.rawValue)\">\(esc(sev(f.severity)))</td><td>\(esc(f.rule))</td><td>\(esc(f.file ?? "—"))</td><td>\(esc(f.sheet ?? "—"))</td><td>\(esc(f.cell ?? "—"))</td><td>\(esc(f.message(lang)))</td></tr>\n"
                }
                b += "</table>\n"
            }
            b += "</section>\n"
        }
        if !run.columns.isEmpty {
            b += "<h2 id=\"columns\">" + esc(lang.pick("Cách hiểu các cột", "How the columns were read")) + "</h2>\n"
            for c in run.columns {
                b += "<details><summary>\(esc(c.file))</summary><pre>\(esc(vi ? c.vi : c.en))</pre></details>\n"
            }
        }
        return page(lang.pick("Kết quả kiểm tra", "Check results"), lang, section: .check, path: path, b)
    }
}
