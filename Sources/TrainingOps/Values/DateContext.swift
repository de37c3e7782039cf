import Foundation

/// The day a date written without its year (`5/10`, `ngày 5 tháng 10`) is read near: the
/// last complete date read on the same sheet, or, before any, today in the office's time
/// (a course sheet is kept in the weeks around its courses).
///
/// One per sheet, used by the one thread that decodes it.
final class DateContext: @unchecked Sendable {
    /// The last complete date read on the sheet.
    private(set) var last: LocalDate?
    /// The day used before any complete date was read.
    let fallback: LocalDate

    /// A context falling back on `fallback` (today, in the office's time, by default).
    init(fallback: LocalDate = DateContext.today()) {
        self.fallback = fallback
    }

    /// The day to read a year-less date near.
    var reference: LocalDate { last ?? fallback }

    /// Remembers a complete date just read.
    func saw(_ date: LocalDate) { last = date }

    /// Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    static func today() -> LocalDate {
        LocalDate(dayNumber: Int((Date().timeIntervalSince1970 + 7 * 3600) / 86_400))
    }
}
