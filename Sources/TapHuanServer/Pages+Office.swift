import Foundation
import TrainingOps

/// The weekly report, forms and rules pages, and the message and login pages.
enum OfficePages {
    /// A page that says what went wrong, and what to do.
    static func message(_ title: String, _ text: String, lang: Language, section: Section? = nil, path: String, back: String? = nil) -> String {
        var b = "<div class=\"message\" role=\"alert\"><p id=\"message\">\(esc(text))</p></div>"
        if let back { b += "<p><a href=\"\(esc(back))\">\(esc(lang.pick("← Quay lại", "← Back")))</a></p>" }
        return page(title, lang, section: section, path: path, b)
    }

    /// The form asking for the access token.
    static func login(_ lang: Language, failed: Bool, path: String) -> String {
        var b = ""
        if failed { b += "<div class=\"message\" role=\"alert\"><p id=\"message\">\(esc(lang.pick("Mã truy cập không đúng.", "Wrong access token.")))</p></div>" }
        b += """
            <form class="box" method="post" action="/dang-nhap">
            <label>\(esc(lang.pick("Mã truy cập", "Access token"))) <input type="password" name="token" autocomplete="current-password" size="40"></label>
            <input type="hidden" name="lang" value="\(lang.rawValue)">
            <button type="submit">\(esc(lang.pick("Vào", "Enter")))</button>
            <p class="note">\(esc(lang.pick("Người quản trị máy chủ giữ mã này (tệp --token-file).", "The server's administrator holds this token (the --token-file file).")))</p>
            </form>
            """
        return page(lang.pick("Đăng nhập", "Sign in"), lang, section: nil, path: path, b)
    }

    /// The weekly form, and the summary of a report when one was made.
    static func weekly(_ lang: Language, teams: [String], week: String, level: String, team: String?, asOf: String,
                       made: (report: WeeklyReport, run: String)?, path: String) -> String {
        var b = "<form class=\"box\" method=\"get\" action=\"/bao-cao-tuan\" id=\"weekly\">"
        b += "<label>\(esc(lang.pick("Tuần", "Week"))) <input type=\"text\" name=\"tuan\" value=\"\(esc(week))\" placeholder=\"2026-W48\" size=\"10\"></label>"
        b += "<label>\(esc(lang.pick("Cấp", "Level"))) <select name=\"cap\">"
        b += "<option value=\"team\"\(level == "team" ? " selected" : "")>\(esc(lang.pick("Nhóm (TNTK → TP)", "Team (TNTK → TP)")))</option>"
        b += "<option value=\"office\"\(level == "office" ? " selected" : "")>\(esc(lang.pick("Văn phòng (TP → GĐVP)", "Office (TP → GĐVP)")))</option></select></label>"
        b += "<label>\(esc(lang.pick("Nhóm", "Team"))) <select name=\"nhom\">"
        b += teams.map { "<option\($0 == team ? " selected" : "")>\(esc($0))</option>" }.joined() + "</select></label>"
        b += "<label>\(esc(lang.pick("Thời điểm đối chiếu", "As of"))) <input type=\"text\" name=\"as-of\" value=\"\(esc(asOf))\" placeholder=\"28/11/2026 09:00\" size=\"18\"></label>"
        b += "<button type=\"submit\" name=\"lap\" value=\"1\">\(esc(lang.pick("Lập báo cáo", "Make the report")))</button></form>\n"
        b += "<p class=\"note\">\(esc(lang.pick("Đọc thư mục chung như lệnh taphuan weekly; sổ tính báo cáo được ghi vào thư mục kết quả.", "Reads the shared folder as taphuan weekly does; the report workbook is written to the output folder.")))</p>"
        if let (r, run) = made {
            b += "<h2>\(esc(r.team.map { lang.pick("Báo cáo tuần \(r.week) — \($0)", "Weekly report \(r.week) — \($0)") } ?? lang.pick("Báo cáo tuần \(r.week) — văn phòng", "Weekly report \(r.week) — office")))</h2>"
            b += "<p><a class=\"button\" id=\"download-weekly\" href=\"/tai/\(run)/weekly\">\(esc(lang.pick("Tải sổ tính", "Download the workbook"))) (\(esc(r.fileName)))</a></p>"
            b += "<p>\(esc(lang.pick("Tuần từ \(dayFirst(r.week.monday)) đến \(dayFirst(r.week.sunday)); hạn gửi \(dayFirst(r.due)); đối chiếu lúc \(dayFirst(r.asOf)).", "Week \(dayFirst(r.week.monday)) to \(dayFirst(r.week.sunday)); due \(dayFirst(r.due)); as of \(dayFirst(r.asOf)).")))</p>"
            var sections: [(String, Int)]
            if r.team != nil {
                typealias S = WeeklyWorkbook.TeamSheet
                sections = [(S.summary.name() + lang.pick(" — khóa trong tuần", " — courses of the week"), r.courses.count),
                            (S.findings.name(), r.items.count), (S.escalations.name(), r.escalations.count),
                            (S.followUp.name() + lang.pick(" — hồ sơ còn mở", " — open paperwork"), r.openPaperwork.count),
                            (S.followUp.name() + lang.pick(" — kiến nghị còn mở", " — open opinions"), r.openOpinions.count),
                            (S.reporting.name(), r.reporting.count), (S.next.name(), r.nextCourses.count)]
            } else {
                typealias S = WeeklyWorkbook.OfficeSheet
                sections = [(S.summary.name() + lang.pick(" — các nhóm", " — teams"), r.teams.count), (S.opinions.name(), r.opinionTracker.count),
                            (S.urgent.name(), r.urgent.count), (S.courses.name(), r.courses.count), (S.findings.name(), r.items.count),
                            (S.escalations.name(), r.escalations.count), (S.reporting.name(), r.reporting.count), (S.next.name(), r.nextCourses.count)]
            }
            b += "<table id=\"sections\"><tr><th>\(esc(lang.pick("Phần (sheet)", "Section (sheet)")))</th><th>\(esc(lang.pick("Số dòng", "Lines")))</th></tr>"
            b += sections.map { "<tr><td>\(esc($0.0))</td><td class=\"n\">\($0.1)</td></tr>" }.joined() + "</table>"
            if !r.courses.isEmpty {
                b += "<h3>\(esc(lang.pick("Khóa trong tuần", "Courses of the week")))</h3><table><tr><th>\(esc(lang.pick("Mã khóa", "Course")))</th><th>\(esc(lang.pick("Tên khóa", "Name")))</th><th>\(esc(lang.pick("Đơn vị dự kiến", "Units planned")))</th><th>\(esc(lang.pick("Có mặt", "Present")))</th><th>\(esc(lang.pick("Vắng", "Absent")))</th><th>\(esc(lang.pick("Phát hiện", "Findings")))</th></tr>"
                for c in r.courses {
                    b += "<tr><td>\(esc(c.course.id))</td><td>\(esc(c.course.name ?? ""))</td><td class=\"n\">\(c.planned)</td><td class=\"n\">\(c.present)</td><td class=\"n\">\(c.absent)</td><td class=\"n\">\(c.findings)</td></tr>"
                }
                b += "</table>"
            }
            if !r.teams.isEmpty {
                b += "<h3>\(esc(lang.pick("Các nhóm", "Teams")))</h3><table><tr><th>\(esc(lang.pick("Nhóm", "Team")))</th><th>\(esc(lang.pick("Khóa", "Courses")))</th><th>\(esc(lang.pick("Lỗi", "Errors")))</th><th>\(esc(lang.pick("Cảnh báo", "Warnings")))</th></tr>"
                b += r.teams.map { "<tr><td>\(esc($0.team))</td><td class=\"n\">\($0.courses)</td><td class=\"n\">\($0.errors)</td><td class=\"n\">\($0.warnings)</td></tr>" }.joined() + "</table>"
            }
        }
        return page(Section.weekly.title(lang), lang, section: .weekly, path: path, b)
    }

    /// The blank workbooks, and the forms of a chosen course.
    static func forms(_ lang: Language, courses: [(id: String, name: String?)], folderProblem: String?, path: String) -> String {
        var b = "<section class=\"box\"><h2>\(esc(lang.pick("Sổ tính trống để nhập liệu", "Blank input workbooks")))</h2><table><tr><th>\(esc(lang.pick("Loại", "Kind")))</th><th>\(esc(lang.pick("Tệp", "File")))</th></tr>"
        for kind in SheetType.allCases {
            b += "<tr><td>\(esc(kind.sheetName)) <code>\(kind.rawValue)</code></td><td><a href=\"/bieu-mau/trong/\(kind.rawValue)\">\(esc(FileName.blankWorkbook(kind)))</a></td></tr>"
        }
        b += "<tr><td>\(esc(lang.pick("Tất cả trong một sổ", "All in one workbook")))</td><td><a href=\"/bieu-mau/trong/tat-ca\">Mau nhap lieu.xlsx</a></td></tr></table></section>"
        b += "<form class=\"box\" method=\"get\" action=\"/bieu-mau/khoa\"><h2>\(esc(lang.pick("Biểu mẫu của một khóa", "A course's forms")))</h2>"
        if let folderProblem {
            b += "<p class=\"note\">\(esc(folderProblem))</p>"
        } else {
            b += "<label>\(esc(lang.pick("Khóa", "Course"))) <select name=\"ma\">"
            b += courses.map { "<option value=\"\(esc($0.id))\">\(esc($0.id + ($0.name.map { " — \($0)" } ?? "")))</option>" }.joined()
            b += "</select></label> <button type=\"submit\">\(esc(lang.pick("Tải biểu mẫu", "Download the forms")))</button>"
            b += "<p class=\"note\">\(esc(lang.pick("Danh sách kiểm tra trước ngày học theo hình thức của khóa và báo cáo từng buổi, như lệnh taphuan forms.", "The day-before checklist of the course's mode and the session reports, as taphuan forms writes them.")))</p>"
        }
        b += "</form>"
        return page(Section.forms.title(lang), lang, section: .forms, path: path, b)
    }

    /// The rules, then the settings in force with where each value came from.
    static func rules(_ lang: Language, settings inForce: SettingsInForce, note: String?, path: String) -> String {
        let vi = lang == .vi
        var b = ""
        if let note { b += "<p class=\"note\">\(esc(note))</p>" }
        b += "<h2>\(esc(lang.pick("Quy tắc", "Rules")))</h2>"
        var step: ProcessStep?
        for rule in RuleRegistry.all {
            if rule.step != step {
                if step != nil { b += "</table>" }
                step = rule.step
                b += "<h3>\(esc(rule.step.label(lang)))</h3><table class=\"rules\"><tr><th>\(esc(lang.pick("Mã", "Id")))</th><th>\(esc(lang.pick("Mức", "Severity")))</th><th>\(esc(lang.pick("Nội dung", "What it checks")))</th></tr>"
            }
            b += "<tr id=\"rule-\(esc(rule.id))\"><td><code>\(esc(rule.id))</code></td><td class=\"sev-\(rule.severity.rawValue)\">\(esc(vi ? rule.severity.vietnamese : rule.severity.rawValue))</td><td>\(esc(rule.summary(lang, inForce.settings)))</td></tr>"
        }
        if step != nil { b += "</table>" }
        b += "<h2>\(esc(lang.pick("Cấu hình đang dùng", "Settings in force")))</h2>"
        b += "<p class=\"note\">\(esc(lang.pick("Sửa trong sheet \"\(Settings.sheetName)\" của một sổ tính, hoặc tệp JSON (--settings).", "Edit them in a \"\(Settings.sheetName)\" sheet of a workbook, or a JSON file (--settings).")))</p>"
        b += "<table id=\"settings\"><tr><th>\(esc(lang.pick("Khóa", "Key")))</th><th>\(esc(lang.pick("Ý nghĩa", "Meaning")))</th><th>\(esc(lang.pick("Giá trị", "Value")))</th><th>\(esc(lang.pick("Lấy từ", "From")))</th><th>\(esc(lang.pick("Căn cứ", "Basis")))</th></tr>"
        for key in Settings.keys {
            let origin = key.processText.map { lang.pick("quy trình: “\($0)”", "process text: “\($0)”") }
                ?? lang.pick("mặc định của văn phòng, quy trình không nêu", "office default, not in the process text")
            b += "<tr><td><code>\(esc(key.name))</code></td><td>\(esc(vi ? key.label : key.meaning))</td><td>\(esc(inForce.settings.text(of: key)))</td><td>\(esc(inForce.source(of: key).label(lang)))</td><td>\(esc(origin))</td></tr>"
        }
        b += "</table>"
        return page(Section.rules.title(lang), lang, section: .rules, path: path, b)
    }
}
