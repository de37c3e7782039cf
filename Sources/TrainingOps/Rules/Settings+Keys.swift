/// The settings by key: the one table that JSON files, the "Cấu hình" sheet, `taphuan rules`
/// and docs/rules.md all use.
extension Settings {
    /// A setting: its key, Vietnamese label, meaning and kind of value, bound to the property of
    /// ``Settings`` it reads and writes. The table ``Settings/keys`` is the only place a setting
    /// is named: JSON files, the "Cấu hình" sheet, `taphuan rules` and docs/rules.md all use it.
    public struct Key: Sendable {
        /// The JSON key (`handoverDays`).
        public var name: String
        /// The label in a "Cấu hình" sheet.
        public var label: String
        /// What it controls, in English.
        public var meaning: String
        /// The kind of value.
        public var kind: Kind
        /// The words of the office's process text (`quy-trinh-tap-huan.txt`) that state the
        /// default, as written there (`trước 10 ngày`); nil when the text states none and the
        /// default is the office's own choice.
        public var processText: String?
        /// Whether the process text states the default (else it is an office default).
        public var isStatedByProcess: Bool { processText != nil }
        /// The value as written in a sheet or JSON.
        let read: @Sendable (Settings) -> String
        /// Sets the value from its written form; the error says what was expected.
        let write: @Sendable (inout Settings, String) throws(SettingValueError) -> Void

        /// Kinds of value.
        public enum Kind: String, Sendable {
            /// A whole number of days (0…365).
            case days
            /// A time of day, `09:00`.
            case time
            /// A weekday, 1 = Monday … 7 = Sunday, or its Vietnamese name (`Thứ 7`, `Chủ nhật`).
            case weekday
            /// A survey score (0…5).
            case number
            /// A list of products.
            case products
            /// A list of weekdays.
            case weekdays
            /// A list of dates with names.
            case holidays
            /// Minutes (0…1440).
            case minutes
            /// A share, `70%` or `0,7`.
            case rate
            /// Headers of the office's own: `Danh sách đơn vị › Điện thoại = ĐT cơ quan`.
            case columnAliases
            /// Product names of the office's own: `Phần mềm Tiền lương = Tính lương`.
            case productAliases
        }

        /// A setting whose value is parsed by `parse` and printed by `print`.
        init<Value>(_ name: String, _ label: String, _ meaning: String, _ kind: Kind,
                    _ path: WritableKeyPath<Settings, Value> & Sendable,
                    parse: @escaping @Sendable (String) throws(SettingValueError) -> Value,
                    print: @escaping @Sendable (Value) -> String) {
            self.name = name
            self.label = label
            self.meaning = meaning
            self.kind = kind
            read = { print($0[keyPath: path]) }
            write = { (settings: inout Settings, text: String) throws(SettingValueError) in settings[keyPath: path] = try parse(text) }
        }

        /// This key, its default stated by `words` of the process text.
        func stated(_ words: String) -> Key {
            var key = self
            key.processText = words
            return key
        }

        /// A whole number within `range`, the error naming what is expected.
        static func whole(_ range: ClosedRange<Int>, _ vi: String, _ en: String) -> @Sendable (String) throws(SettingValueError) -> Int {
            { (t: String) throws(SettingValueError) -> Int in
                guard let n = Int(t), range.contains(n) else {
                    throw SettingValueError("cần \(vi) từ \(range.lowerBound) đến \(range.upperBound), gặp \"\(t)\"",
                                            "expected \(en) from \(range.lowerBound) to \(range.upperBound), found \"\(t)\"")
                }
                return n
            }
        }

        static func days(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, Int> & Sendable) -> Key {
            Key(name, label, meaning, .days, path, parse: whole(0...365, "một số ngày", "a number of days"), print: { String($0) })
        }

        static func minutes(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, Int> & Sendable) -> Key {
            Key(name, label, meaning, .minutes, path, parse: whole(0...1440, "số phút", "minutes"), print: { String($0) })
        }

        static func score(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, Double> & Sendable) -> Key {
            Key(name, label, meaning, .number, path, parse: { (t: String) throws(SettingValueError) -> Double in
                guard let d = Double(t.replacingOccurrences(of: ",", with: ".")), (0...5).contains(d) else {
                    throw SettingValueError("cần một điểm từ 0 đến 5, gặp \"\(t)\"", "expected a score from 0 to 5, found \"\(t)\"")
                }
                return d
            }, print: { CellParser.text(.number($0)) ?? "" })
        }

        static func time(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, LocalTime> & Sendable) -> Key {
            Key(name, label, meaning, .time, path, parse: { (t: String) throws(SettingValueError) -> LocalTime in
                guard let time = TextDateParser.parseTime(t), (0...23).contains(time.hour), (0...59).contains(time.minute) else {
                    throw SettingValueError("cần giờ dạng 09:00, gặp \"\(t)\"", "expected a time like 09:00, found \"\(t)\"")
                }
                return time
            }, print: { $0.description })
        }

        static func rate(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, Double> & Sendable) -> Key {
            Key(name, label, meaning, .rate, path, parse: { (t: String) throws(SettingValueError) -> Double in
                let number = t.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)
                guard var d = Double(number) else {
                    throw SettingValueError("cần một tỷ lệ như 70% hoặc 0,7, gặp \"\(t)\"", "expected a rate like 70% or 0.7, found \"\(t)\"")
                }
                if t.contains("%") || d > 1 { d /= 100 }
                guard (0...1).contains(d) else {
                    throw SettingValueError("cần một tỷ lệ từ 0% đến 100%, gặp \"\(t)\"", "expected a rate from 0% to 100%, found \"\(t)\"")
                }
                return d
            }, print: { "\(Int(($0 * 100).rounded()))%" })
        }

        static func weekday(_ name: String, _ label: String, _ meaning: String, _ path: WritableKeyPath<Settings, Int> & Sendable) -> Key {
            Key(name, label, meaning, .weekday, path, parse: { (t: String) throws(SettingValueError) -> Int in try Settings.weekday(t) },
                print: Settings.weekdayName)
        }
    }

    /// Every setting, in documentation order.
    public static let keys: [Key] = [
        .days("handoverDays", "Số ngày bàn giao trước", "Days between handover and course start", \.handoverDays).stated("trước 10 ngày"),
        .days("longHandoverDays", "Số ngày bàn giao trước (sản phẩm lương)", "Days between handover and start for the products below", \.longHandoverDays).stated("trước 30ngày"),
        Key("longHandoverProducts", "Sản phẩm cần bàn giao sớm", "Products that need the long lead time", .products, \.longHandoverProducts,
            parse: { (t: String) throws(SettingValueError) -> Set<Product> in
                var set: Set<Product> = []
                for item in Settings.list(t) {
                    guard let p = Product(rawValue: item) ?? Product.exactMatch(item) else {
                        throw SettingValueError("không có sản phẩm \"\(item)\" (có: \(Product.labels.joined(separator: ", ")))",
                                                "no product \"\(item)\" (known: \(Product.labels.joined(separator: ", ")))")
                    }
                    set.insert(p)
                }
                return set
            }, print: { set in Product.allCases.filter(set.contains).map(\.label).joined(separator: ", ") }).stated("với Tính lương và DT lương trước 30ngày"),
        .days("scheduleConfirmDays", "Số ngày chốt lịch sau bàn giao", "Days after the handover by which TNTK confirms the schedule", \.scheduleConfirmDays),
        .weekday("staffPlanWeekday", "Thứ hạn gửi kế hoạch nhân sự", "Weekday of the staff plan deadline, in the week before the course's week", \.staffPlanWeekday).stated("chập nhất 9h thứ 7"),
        .time("staffPlanTime", "Giờ hạn gửi kế hoạch nhân sự", "Time of the staff plan deadline", \.staffPlanTime).stated("chập nhất 9h thứ 7"),
        .days("surveyDays", "Số ngày cập nhật KQ khảo sát", "Days after the end by which survey results are entered", \.surveyDays).stated("cập nhập KQ ks sau 1 ngày th"),
        .days("crmDays", "Số ngày cập nhật CRM", "Days after the end by which CRM is updated", \.crmDays).stated("cập nhật thông tin có thay đổi lên CRM (sau 1 ngày th)"),
        .days("paperworkDays", "Số ngày hoàn thiện thủ tục", "Days after the end by which contract, liquidation and debt are closed", \.paperworkDays),
        .days("feedbackReviewDays", "Số ngày xem KQ khảo sát", "Days after the end by which TNTK reads the survey results", \.feedbackReviewDays),
        .days("followUpDays", "Số ngày gọi lại đơn vị", "Days after the end by which unhappy or stuck units are called", \.followUpDays),
        .days("dvcqReportDays", "Số ngày gửi báo cáo ĐVCQ", "Days after the end by which the report to ĐVCQ is sent", \.dvcqReportDays),
        .score("lowSurveyScore", "Điểm khảo sát thấp", "A survey score at or below this needs a call", \.lowSurveyScore),
        .rate("lowDataEntryRate", "Tỷ lệ nhập liệu thấp", "A data-entry rate below this is raised in the weekly reports", \.lowDataEntryRate),
        .days("preCheckDaysBefore", "Số ngày kiểm tra trước TH", "Days before the start of the day-before check", \.preCheckDaysBefore).stated("trước TH 1 ngày"),
        .rate("minConfirmedShare", "Tỷ lệ ĐV xác nhận tối thiểu", "Fewer units confirmed at the day-before check than this share of the planned units is raised", \.minConfirmedShare),
        .time("morningSession", "Giờ bắt đầu buổi sáng", "Start of the morning session (its report is due then)", \.morningSession),
        .time("afternoonSession", "Giờ bắt đầu buổi chiều", "Start of the afternoon session", \.afternoonSession),
        .minutes("sessionReportGraceMinutes", "Số phút báo cáo đầu buổi", "Minutes after a session's start by which its report is due", \.sessionReportGraceMinutes),
        .weekday("teamReportWeekday", "Thứ hạn TNTK gửi TP", "Weekday of the TNTK → TP weekly report deadline", \.teamReportWeekday).stated("TNTK gửi TP : thứ 6 hàng tuần"),
        .time("teamReportTime", "Giờ hạn TNTK gửi TP", "Time of the TNTK → TP deadline", \.teamReportTime),
        .weekday("officeReportWeekday", "Thứ hạn TP gửi GĐVP", "Weekday of the TP → GĐVP weekly report deadline", \.officeReportWeekday).stated("TP gửi GĐVP : thứ 7 hàng tuần trước 12h00"),
        .time("officeReportTime", "Giờ hạn TP gửi GĐVP", "Time of the TP → GĐVP deadline", \.officeReportTime).stated("TP gửi GĐVP : thứ 7 hàng tuần trước 12h00"),
        Key("nonWorkingWeekdays", "Ngày nghỉ trong tuần", "Weekdays without work", .weekdays, \.nonWorkingWeekdays,
            parse: { (t: String) throws(SettingValueError) -> Set<Int> in
                var days: Set<Int> = []
                for item in Settings.list(t) { days.insert(try Settings.weekday(item)) }
                return days
            }, print: { $0.sorted().map(Settings.weekdayName).joined(separator: ", ") }),
        Key("holidays", "Ngày lễ", "Public holidays (date and name)", .holidays, \.holidays,
            parse: { (t: String) throws(SettingValueError) -> [Holiday] in
                var list: [Holiday] = []
                for item in Settings.list(t) { list.append(try Settings.holiday(item)) }
                return list
            }, print: { $0.map { "\($0.date.vietnamese) \($0.name)" }.joined(separator: "; ") }),
        Key("columnAliases", "Tên cột khác", "The office's own headers: sheet › column = header (one a row, or ; between)", .columnAliases, \.columnAliases,
            parse: { (t: String) throws(SettingValueError) -> [SheetType: [String: [String]]] in
                var aliases: [SheetType: [String: [String]]] = [:]
                for item in Settings.entries(t) {
                    let (kind, key, header) = try Settings.columnAlias(item)
                    aliases[kind, default: [:]][key, default: []].append(header)
                }
                return aliases
            }, print: Settings.describe(columnAliases:)),
        Key("productAliases", "Tên sản phẩm khác", "The office's own product names: name = product (one a row, or ; between)", .productAliases, \.productAliases,
            parse: { (t: String) throws(SettingValueError) -> [String: Product] in
                var aliases: [String: Product] = [:]
                for item in Settings.entries(t) {
                    let (name, product) = try Settings.productAlias(item)
                    aliases[name] = product
                }
                return aliases
            }, print: { $0.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.label)" }.joined(separator: "; ") }),
    ]

    /// The key whose name or label folds to the same text as `text`.
    public static func key(named text: String) -> Key? {
        let k = HeaderNormalizer.key(text)
        return keys.first { HeaderNormalizer.key($0.name) == k || HeaderNormalizer.key($0.label) == k }
    }

    /// The current value of a setting, as written in a sheet or JSON.
    public func text(of key: Key) -> String { key.read(self) }

    /// Sets a setting from its written value; the error's text says what was expected.
    mutating func set(_ key: Key, _ raw: String) throws(SettingValueError) {
        try key.write(&self, raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `Thứ 2` … `Thứ 7`, `Chủ nhật`.
    public static func weekdayName(_ n: Int) -> String { n == 7 ? "Chủ nhật" : "Thứ \(n + 1)" }

    /// `Monday` … `Sunday`.
    public static func weekdayNameEnglish(_ n: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(max(1, min(7, n))) - 1]
    }

    /// Items of a list written `a, b; c` (without `commas`, only `;` and line breaks separate).
    static func list(_ t: String, commas: Bool = true) -> [String] {
        t.split(whereSeparator: { $0 == ";" || $0 == "\n" || (commas && $0 == ",") }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
