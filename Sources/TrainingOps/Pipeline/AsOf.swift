import Foundation

extension LocalMoment {
    /// Now, in the office's time: Asia/Ho_Chi_Minh, UTC+7 without daylight saving, whatever the
    /// machine's zone.
    public static func nowInVietnam() -> LocalMoment {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        let day = Int((Double(seconds) / 86_400).rounded(.down))
        let minute = (seconds - day * 86_400) / 60
        return LocalMoment(LocalDate(dayNumber: day), LocalTime(minute / 60, minute % 60))
    }

    /// The moment a check is judged at: `text` as written (`2026-11-28T09:00`, `28/11/2026
    /// 09:00`), or now in Vietnam time when `nil`; a text that is no real moment is refused.
    public static func asOf(_ text: String?) throws(CheckFailure) -> LocalMoment {
        guard let text else { return nowInVietnam() }
        guard let m = TextDateParser.parse(text), LocalDate.validated(year: m.date.year, month: m.date.month, day: m.date.day) != nil else {
            throw CheckFailure(vi: "--as-of \"\(text)\" không phải thời điểm (ví dụ 2026-11-28T09:00)",
                               en: "--as-of \"\(text)\" is not a moment (e.g. 2026-11-28T09:00)")
        }
        return m
    }
}
