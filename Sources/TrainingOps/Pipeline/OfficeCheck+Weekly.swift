import Foundation

extension OfficeCheck {
    /// The weekly report of `week` over this check: the team report of `team` (a name on the
    /// handover sheet, matched as the importer matches headers), or the office report when
    /// `team` is `nil`. A team not on the handover sheet is a failure listing the teams.
    /// `taphuan weekly` and the web page both build their report here; `language` is the
    /// language of the report's own text (``WeeklyReport/language``).
    public func weeklyReport(week: Week, team: String?, language: Language = .vi) throws(CheckFailure) -> WeeklyReport {
        guard let team else {
            return WeeklyReport.office(week: week, data: data, findings: findings, settings: settings.settings, asOf: asOf, language: language)
        }
        let known = WeeklyReport.teams(data)
        guard known.contains(where: { HeaderNormalizer.key($0) == HeaderNormalizer.key(team) }) else {
            throw CheckFailure(vi: "Không có nhóm \"\(team)\" trên bảng bàn giao. Các nhóm: \(known.joined(separator: ", "))",
                               en: "No team \"\(team)\" on the handover plan. Teams: \(known.joined(separator: ", "))")
        }
        return WeeklyReport.team(team, week: week, data: data, findings: findings, settings: settings.settings, asOf: asOf, language: language)
    }
}

extension Week {
    /// `2026-W48` (any case) → the week; `nil` for anything else.
    public static func parse(_ text: String) -> Week? {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("W"), let n = Int(parts[1].dropFirst()) else { return nil }
        return iso(year: y, number: n)
    }
}

extension WeeklyReport {
    /// `Bao cao tuan 2026-W48 - Nhom 1.xlsx`, `Bao cao tuan 2026-W48 - Van phong.xlsx`: the
    /// file name of the report's workbook.
    public var fileName: String {
        let who = team.map(FileName.plain) ?? "Van phong"
        return "Bao cao tuan \(week) - \(who).xlsx"
    }
}

/// Names for files the toolkit writes.
public enum FileName {
    /// `Nhóm 1` → `Nhom 1`, `Bàn giao kế hoạch` → `Ban giao ke hoach`: a name for a file, without
    /// diacritics or the characters file systems refuse.
    public static func plain(_ text: String) -> String {
        let plain = text.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) && !"/\\:*?\"<>|".unicodeScalars.contains($0) }
            .map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : Character($0) }
        return String(plain)
    }

    /// `Bàn giao kế hoạch` → `Ban giao ke hoach.xlsx`: the file of a blank input workbook.
    public static func blankWorkbook(_ kind: SheetType) -> String { plain(kind.sheetName) + ".xlsx" }

    /// `Bieu mau N1-2611-01.xlsx`: the file of a course's forms.
    public static func forms(course: String) -> String { "Bieu mau \(plain(course)).xlsx" }
}
