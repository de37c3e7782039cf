/// The settings by key: the one table that JSON files, the "Cấu hình" sheet, `taphuan rules`
/// and docs/rules.md all use.
extension Settings {
    /// A setting's key, Vietnamese label, meaning and kind of value.
    public struct Key: Sendable {
        /// The JSON key (`handoverDays`).
        public var name: String
        /// The label in a "Cấu hình" sheet.
        public var label: String
        /// What it controls, in English.
        public var meaning: String
        /// The kind of value: `days`, `time`, `weekday`, `number`, `products`, `weekdays`, `holidays`.
        public var kind: Kind

        /// Kinds of value.
        public enum Kind: String, Sendable {
            /// A whole number of days (0…365).
            case days
            /// A time of day, `09:00`.
            case time
            /// A weekday, 1 = Monday … 7 = Sunday, or its Vietnamese name (`Thứ 7`, `Chủ nhật`).
            case weekday
            /// A number.
            case number
            /// A list of products.
            case products
            /// A list of weekdays.
            case weekdays
            /// A list of dates with names.
            case holidays
            /// Minutes (0…1440).
            case minutes
        }
    }

    /// Every setting, in documentation order.
    public static let keys: [Key] = [
        Key(name: "handoverDays", label: "Số ngày bàn giao trước", meaning: "Days between handover and course start", kind: .days),
        Key(name: "longHandoverDays", label: "Số ngày bàn giao trước (sản phẩm lương)", meaning: "Days between handover and start for the products below", kind: .days),
        Key(name: "longHandoverProducts", label: "Sản phẩm cần bàn giao sớm", meaning: "Products that need the long lead time", kind: .products),
        Key(name: "scheduleConfirmDays", label: "Số ngày chốt lịch sau bàn giao", meaning: "Days after the handover by which TNTK confirms the schedule", kind: .days),
        Key(name: "staffPlanWeekday", label: "Thứ hạn gửi kế hoạch nhân sự", meaning: "Weekday of the staff plan deadline, in the week before the course's week", kind: .weekday),
        Key(name: "staffPlanTime", label: "Giờ hạn gửi kế hoạch nhân sự", meaning: "Time of the staff plan deadline", kind: .time),
        Key(name: "surveyDays", label: "Số ngày cập nhật KQ khảo sát", meaning: "Days after the end by which survey results are entered", kind: .days),
        Key(name: "crmDays", label: "Số ngày cập nhật CRM", meaning: "Days after the end by which CRM is updated", kind: .days),
        Key(name: "paperworkDays", label: "Số ngày hoàn thiện thủ tục", meaning: "Days after the end by which contract, liquidation and debt are closed", kind: .days),
        Key(name: "feedbackReviewDays", label: "Số ngày xem KQ khảo sát", meaning: "Days after the end by which TNTK reads the survey results", kind: .days),
        Key(name: "followUpDays", label: "Số ngày gọi lại đơn vị", meaning: "Days after the end by which unhappy or stuck units are called", kind: .days),
        Key(name: "dvcqReportDays", label: "Số ngày gửi báo cáo ĐVCQ", meaning: "Days after the end by which the report to ĐVCQ is sent", kind: .days),
        Key(name: "lowSurveyScore", label: "Điểm khảo sát thấp", meaning: "A survey score at or below this needs a call", kind: .number),
        Key(name: "preCheckDaysBefore", label: "Số ngày kiểm tra trước TH", meaning: "Days before the start of the day-before check", kind: .days),
        Key(name: "morningSession", label: "Giờ bắt đầu buổi sáng", meaning: "Start of the morning session (its report is due then)", kind: .time),
        Key(name: "afternoonSession", label: "Giờ bắt đầu buổi chiều", meaning: "Start of the afternoon session", kind: .time),
        Key(name: "sessionReportGraceMinutes", label: "Số phút báo cáo đầu buổi", meaning: "Minutes after a session's start by which its report is due", kind: .minutes),
        Key(name: "teamReportWeekday", label: "Thứ hạn TNTK gửi TP", meaning: "Weekday of the TNTK → TP weekly report deadline", kind: .weekday),
        Key(name: "teamReportTime", label: "Giờ hạn TNTK gửi TP", meaning: "Time of the TNTK → TP deadline", kind: .time),
        Key(name: "officeReportWeekday", label: "Thứ hạn TP gửi GĐVP", meaning: "Weekday of the TP → GĐVP weekly report deadline", kind: .weekday),
        Key(name: "officeReportTime", label: "Giờ hạn TP gửi GĐVP", meaning: "Time of the TP → GĐVP deadline", kind: .time),
        Key(name: "nonWorkingWeekdays", label: "Ngày nghỉ trong tuần", meaning: "Weekdays without work", kind: .weekdays),
        Key(name: "holidays", label: "Ngày lễ", meaning: "Public holidays (date and name)", kind: .holidays),
    ]

    /// The key whose name or label folds to the same text as `text`.
    public static func key(named text: String) -> Key? {
        let k = HeaderNormalizer.key(text)
        return keys.first { HeaderNormalizer.key($0.name) == k || HeaderNormalizer.key($0.label) == k }
    }

    /// The current value of a setting, as written in a sheet or JSON.
    public func text(of key: Key) -> String {
        switch key.name {
        case "handoverDays": return String(handoverDays)
        case "longHandoverDays": return String(longHandoverDays)
        case "longHandoverProducts": return Product.allCases.filter(longHandoverProducts.contains).map(\.label).joined(separator: ", ")
        case "scheduleConfirmDays": return String(scheduleConfirmDays)
        case "staffPlanWeekday": return Settings.weekdayName(staffPlanWeekday)
        case "staffPlanTime": return staffPlanTime.description
        case "surveyDays": return String(surveyDays)
        case "crmDays": return String(crmDays)
        case "paperworkDays": return String(paperworkDays)
        case "feedbackReviewDays": return String(feedbackReviewDays)
        case "followUpDays": return String(followUpDays)
        case "dvcqReportDays": return String(dvcqReportDays)
        case "lowSurveyScore": return CellParser.text(.number(lowSurveyScore)) ?? ""
        case "preCheckDaysBefore": return String(preCheckDaysBefore)
        case "morningSession": return sessionTimes[.morning]?.description ?? ""
        case "afternoonSession": return sessionTimes[.afternoon]?.description ?? ""
        case "sessionReportGraceMinutes": return String(sessionReportGraceMinutes)
        case "teamReportWeekday": return Settings.weekdayName(teamReportWeekday)
        case "teamReportTime": return teamReportTime.description
        case "officeReportWeekday": return Settings.weekdayName(officeReportWeekday)
        case "officeReportTime": return officeReportTime.description
        case "nonWorkingWeekdays": return nonWorkingWeekdays.sorted().map(Settings.weekdayName).joined(separator: ", ")
        case "holidays": return holidays.map { "\($0.date.vietnamese) \($0.name)" }.joined(separator: "; ")
        default: return ""
        }
    }

    /// `Thứ 2` … `Thứ 7`, `Chủ nhật`.
    public static func weekdayName(_ n: Int) -> String { n == 7 ? "Chủ nhật" : "Thứ \(n + 1)" }

    /// Sets a setting from its written value; the error's text says what was expected.
    mutating func set(_ key: Key, _ raw: String) throws(SettingValueError) {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch key.kind {
        case .days:
            guard let n = Int(t), (0...365).contains(n) else { throw SettingValueError("cần một số ngày từ 0 đến 365, gặp \"\(t)\"", "expected a number of days from 0 to 365, found \"\(t)\"") }
            setInt(key.name, n)
        case .minutes:
            guard let n = Int(t), (0...1440).contains(n) else { throw SettingValueError("cần số phút từ 0 đến 1440, gặp \"\(t)\"", "expected minutes from 0 to 1440, found \"\(t)\"") }
            sessionReportGraceMinutes = n
        case .number:
            guard let d = Double(t.replacingOccurrences(of: ",", with: ".")), (0...5).contains(d) else {
                throw SettingValueError("cần một điểm từ 0 đến 5, gặp \"\(t)\"", "expected a score from 0 to 5, found \"\(t)\"")
            }
            lowSurveyScore = d
        case .time:
            guard let time = TextDateParser.parseTime(t), (0...23).contains(time.hour), (0...59).contains(time.minute) else {
                throw SettingValueError("cần giờ dạng 09:00, gặp \"\(t)\"", "expected a time like 09:00, found \"\(t)\"")
            }
            switch key.name {
            case "staffPlanTime": staffPlanTime = time
            case "morningSession": sessionTimes[.morning] = time
            case "afternoonSession": sessionTimes[.afternoon] = time
            case "teamReportTime": teamReportTime = time
            default: officeReportTime = time
            }
        case .weekday:
            let n = try Settings.weekday(t)
            switch key.name {
            case "staffPlanWeekday": staffPlanWeekday = n
            case "teamReportWeekday": teamReportWeekday = n
            default: officeReportWeekday = n
            }
        case .weekdays:
            var days: Set<Int> = []
            for item in Settings.list(t) { days.insert(try Settings.weekday(item)) }
            nonWorkingWeekdays = days
        case .products:
            var set: Set<Product> = []
            for item in Settings.list(t) {
                guard let p = Product(rawValue: item) ?? Product.exactMatch(item) else {
                    throw SettingValueError("không có sản phẩm \"\(item)\" (có: \(Product.labels.joined(separator: ", ")))",
                                            "no product \"\(item)\" (known: \(Product.labels.joined(separator: ", ")))")
                }
                set.insert(p)
            }
            longHandoverProducts = set
        case .holidays:
            var list: [Holiday] = []
            for item in Settings.list(t) { list.append(try Settings.holiday(item)) }
            holidays = list
        }
    }

    mutating func setInt(_ name: String, _ n: Int) {
        switch name {
        case "handoverDays": handoverDays = n
        case "longHandoverDays": longHandoverDays = n
        case "scheduleConfirmDays": scheduleConfirmDays = n
        case "surveyDays": surveyDays = n
        case "crmDays": crmDays = n
        case "paperworkDays": paperworkDays = n
        case "feedbackReviewDays": feedbackReviewDays = n
        case "followUpDays": followUpDays = n
        case "dvcqReportDays": dvcqReportDays = n
        default: preCheckDaysBefore = n
        }
    }

    /// Items of a list written `a, b; c`.
    static func list(_ t: String) -> [String] {
        t.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A weekday: `6`, `Thứ 7`, `T7`, `thứ bảy`, `Chủ nhật`, `CN`, `Saturday`.
    static func weekday(_ t: String) throws(SettingValueError) -> Int {
        let k = HeaderNormalizer.key(t)
        let names: [(Int, [String])] = [
            (1, ["thu 2", "thu hai", "t2", "monday", "mon"]), (2, ["thu 3", "thu ba", "t3", "tuesday", "tue"]),
            (3, ["thu 4", "thu tu", "t4", "wednesday", "wed"]), (4, ["thu 5", "thu nam", "t5", "thursday", "thu"]),
            (5, ["thu 6", "thu sau", "t6", "friday", "fri"]), (6, ["thu 7", "thu bay", "t7", "saturday", "sat"]),
            (7, ["chu nhat", "cn", "sunday", "sun"]),
        ]
        if let n = Int(t), (1...7).contains(n) { return n }
        for (n, spellings) in names where spellings.contains(where: { HeaderNormalizer.key($0) == k }) { return n }
        throw SettingValueError("cần một thứ trong tuần (1 = thứ Hai … 7 = Chủ nhật, hoặc \"Thứ 7\"), gặp \"\(t)\"",
                                "expected a weekday (1 = Monday … 7 = Sunday, or \"Thứ 7\"), found \"\(t)\"")
    }

    /// A holiday written `01/09/2026 Quốc khánh` (the name is optional).
    static func holiday(_ t: String) throws(SettingValueError) -> Holiday {
        let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let m = TextDateParser.parse(first) else {
            throw SettingValueError("cần ngày lễ dạng dd/mm/yyyy kèm tên, gặp \"\(t)\"", "expected a holiday as dd/mm/yyyy and a name, found \"\(t)\"")
        }
        return Holiday(m.date, parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "Ngày lễ")
    }
}

/// Why a written value is not a value of its setting.
struct SettingValueError: Error {
    var vi: String
    var en: String
    init(_ vi: String, _ en: String) {
        self.vi = vi
        self.en = en
    }
}
