import ArgumentParser
import Foundation
import TrainingOps
import XLSX

/// `taphuan weekly`: the weekly report workbooks, team (TNTK → TP) and office (TP → GĐVP).
struct Weekly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly",
        abstract: "Lập báo cáo tuần: nhóm (TNTK → TP) hoặc văn phòng (TP → GĐVP) (Write the weekly report workbooks).",
        discussion: """
            Reads the office's workbooks as `taphuan validate` does, runs the rules at the as-of moment, and writes the week's report. Both levels list everything still open as of that moment, whatever week it began (grouped by step of the process, with its due date and age), what was closed late during the week, what needs the head or the director (requests for support, difficulties, ĐVCQ not speaking, data entry below the lowDataEntryRate setting, urgent opinions and whether the board was told), who reported on time, and an eight-week trend with native line charts. The team report also holds the week's courses (units planned, present and absent, data-entry rate, survey average and low scores, follow-up calls), open paperwork, the team's open opinions and next week's staff; the office report sets the teams side by side with a team column on every course line, tracks every opinion and leaves a framed space for the director. Both print on A4 landscape, one page wide.

            --template FILE fills a layout of your own (copy one of samples/layouts/, edit it in Excel) with the same figures; placeholders are listed in docs/weekly.md. Without -o the file is named after the week and team in the current folder; an existing file is kept unless --force is given.

            The workbook is in Vietnamese. With --lang en (or TAPHUAN_LANG=en) its own text is in English: sheet names, titles, headings, column headers, labels, chart titles and legends, the findings' messages, the steps, severities and states; a layout filled with --template gets these values in English too, and --write-layouts writes the layouts in English. What the office typed (names, units, courses, teams, notes) stays as written.

            Examples:
              taphuan weekly --week 2026-W48 --level team --team "Nhóm 1" samples --as-of 2026-11-28T09:00
              taphuan weekly --week 2026-W48 --level office -o bao-cao-van-phong.xlsx samples
              taphuan weekly --week 2026-W48 --level team --team "Nhóm 2" --template "Mau cua toi.xlsx" samples
              taphuan weekly --week 2026-W48 --level office --lang en -o weekly-office.xlsx samples
              taphuan weekly --write-layouts mau
            """
    )

    /// Report levels.
    enum Level: String, ExpressibleByArgument, CaseIterable {
        case team, office
    }

    @Option(help: "ISO week: 2026-W48.")
    var week: String?

    @Option(help: "team (TNTK → TP) or office (TP → GĐVP).")
    var level: Level?

    @Option(name: .customLong("write-layouts"), help: "Write the built-in layouts as template workbooks into this folder, and stop.")
    var writeLayouts: String?

    @Option(help: "The team of a team report, as on the handover sheet: \"Nhóm 1\".")
    var team: String?

    @Option(help: "A layout workbook with placeholders to fill instead of the built-in layout.")
    var template: String?

    @Option(name: .shortAndLong, help: "Output workbook.")
    var output: String?

    @Option(name: .customLong("as-of"), help: "Moment to judge deadlines at, Vietnam time (default: now).")
    var asOf: String?

    @Option(help: "A JSON file of settings overriding the defaults.")
    var settings: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @OptionGroup var language: LanguageOption

    @Argument(help: "Workbooks or folders to read (default: the current folder).")
    var paths: [String] = []

    func run() async throws {
        let path = try await execute()
        print(path)
    }

    /// Builds the report and writes it; returns the output path.
    func execute() async throws -> String {
        let lang = language.lang
        if let folder = writeLayouts {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var written: [String] = []
            for team in [true, false] {
                let path = (folder as NSString).appendingPathComponent(WeeklyLayout.fileName(team: team, language: lang))
                try WeeklyLayout.write(team: team, language: lang, to: path, replaceExisting: force)
                written.append(path)
            }
            return written.joined(separator: "\n")
        }
        guard let week, let level else {
            throw ValidationError(lang.pick("cần --week và --level (ví dụ --week 2026-W48 --level team)", "--week and --level are needed (e.g. --week 2026-W48 --level team)"))
        }
        guard let w = Week.parse(week) else {
            throw ValidationError(lang.pick("--week \"\(week)\" không phải tuần ISO (ví dụ 2026-W48)", "--week \"\(week)\" is not an ISO week (e.g. 2026-W48)"))
        }
        if level == .team, team == nil {
            throw ValidationError(lang.pick("--level team cần --team (ví dụ --team \"Nhóm 1\")", "--level team needs --team (e.g. --team \"Nhóm 1\")"))
        }
        let office = try await checkOffice(paths, asOf: asOf, settings: settings, lang: lang)
        let report: WeeklyReport
        do {
            report = try office.weeklyReport(week: w, team: level == .team ? team : nil, language: lang)
        } catch {
            throw ValidationError(error.message(lang))
        }
        let out = output ?? report.fileName
        if !force, FileManager.default.fileExists(atPath: out) {
            throw ValidationError(lang.pick("\(out) đã có; dùng --force để ghi đè", "\(out) exists; --force replaces it"))
        }
        if let template {
            try WorkbookTemplate.fill(template: template, data: WeeklyTemplateData.value(report), output: out,
                                      options: TemplateFillOptions(missing: .empty, replaceExisting: force))
        } else {
            try WeeklyWorkbook.write(report, to: out, replaceExisting: force)
        }
        return out
    }
}
