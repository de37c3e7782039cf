import Foundation
import XLSX

extension Settings {
    /// The name of the settings sheet a lead adds to a workbook.
    public static let sheetName = "Cấu hình"

    /// The defaults overridden by a JSON object of `key: value` (keys as in ``Settings/keys``);
    /// an unknown key or a bad value is an error naming the key.
    public static func load(json data: Data, file: String) throws(SettingsError) -> Settings {
        var s = Settings()
        try s.apply(json: data, file: file) { _ in }
        return s
    }

    /// Overrides these settings with a JSON object of `key: value`, calling `set` with each key
    /// set; an unknown key or a bad value is an error naming the key.
    mutating func apply(json data: Data, file: String, set: (Key) -> Void) throws(SettingsError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw SettingsError(file: file, place: nil, key: "—", messageVi: "không phải JSON hợp lệ", messageEn: "not valid JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw SettingsError(file: file, place: nil, key: "—", messageVi: "cần một đối tượng JSON {\"khóa\": giá trị}", messageEn: "expected a JSON object {\"key\": value}")
        }
        for name in dict.keys.sorted() {
            guard let key = Settings.keys.first(where: { $0.name == name }) ?? Settings.key(named: name) else {
                throw SettingsError(file: file, place: name, key: name, messageVi: "không có cấu hình này (có: \(Settings.keys.map(\.name).joined(separator: ", ")))",
                                    messageEn: "no such setting (known: \(Settings.keys.map(\.name).joined(separator: ", ")))")
            }
            let raw: String
            switch dict[name] {
            case let object as [String: Any] where key.kind == .columnAliases:
                // {"Danh sách đơn vị": {"Điện thoại": ["ĐT cơ quan", …]}}
                var items: [String] = []
                for (sheet, columns) in object.sorted(by: { $0.key < $1.key }) {
                    guard let columns = columns as? [String: Any] else {
                        throw SettingsError(file: file, place: "\(name).\(sheet)", key: name, messageVi: "cần {\"cột\": [\"tiêu đề\", …]}",
                                            messageEn: "expected {\"column\": [\"header\", …]}")
                    }
                    for (column, headers) in columns.sorted(by: { $0.key < $1.key }) {
                        let list = (headers as? [Any]).map { $0.map { "\($0)" } } ?? ["\(headers)"]
                        for header in list { items.append("\(sheet) › \(column) = \(header)") }
                    }
                }
                raw = items.joined(separator: "\n")
            case let object as [String: Any] where key.kind == .productAliases:
                // {"Phần mềm Tiền lương": "Tính lương"}
                raw = object.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n")
            case let n as NSNumber: raw = CellParser.text(.number(n.doubleValue)) ?? ""
            case let t as String: raw = t
            case let list as [Any] where key.kind == .holidays:
                raw = list.map { item in
                    if let d = item as? [String: Any] { return "\(d["date"] ?? "") \(d["name"] ?? "")" }
                    return "\(item)"
                }.joined(separator: ";")
            case let list as [Any]: raw = list.map { "\($0)" }.joined(separator: ",")
            default:
                throw SettingsError(file: file, place: name, key: name, messageVi: "giá trị phải là số, chuỗi hoặc danh sách", messageEn: "the value must be a number, a string or a list")
            }
            do { try self.set(key, raw, adding: true) } catch {
                throw SettingsError(file: file, place: name, key: name, messageVi: error.vi, messageEn: error.en)
            }
            set(key)
        }
    }

    /// Sets `key` from `raw`; with `adding`, the office's own words are added to those already
    /// set (by earlier rows, sheets or files) rather than replacing them.
    mutating func set(_ key: Key, _ raw: String, adding: Bool) throws(SettingValueError) {
        switch key.kind {
        case .columnAliases where adding:
            let before = columnAliases
            try set(key, raw)
            for (kind, columns) in before {
                for (column, headers) in columns { columnAliases[kind, default: [:]][column, default: []].insert(contentsOf: headers, at: 0) }
            }
        case .productAliases where adding:
            let before = productAliases
            try set(key, raw)
            productAliases.merge(before) { new, _ in new }
        default:
            try set(key, raw)
        }
    }

    /// The defaults overridden by a "Cấu hình" sheet: one setting a row, its name (key or
    /// Vietnamese label) in column A and its value in column B; a title row "Tham số / Giá trị"
    /// and empty rows are skipped. Each "Ngày lễ" row adds a holiday (date in B, name in C);
    /// the first one replaces the built-in list.
    public static func load(sheet grid: SheetGrid, file: String, base: Settings = Settings()) throws(SettingsError) -> Settings {
        var s = base
        try s.apply(sheet: grid, file: file) { _, _ in }
        return s
    }

    /// Overrides these settings with a "Cấu hình" sheet (see ``load(sheet:file:base:)``), calling
    /// `set` with each key set and the cell of its value.
    mutating func apply(sheet grid: SheetGrid, file: String, set: (Key, String) -> Void) throws(SettingsError) {
        var holidaysSeen = false
        for (r, row) in grid.rows.enumerated() {
            guard let name = row.first.flatMap(CellParser.text) else { continue }
            let folded = HeaderNormalizer.key(name)
            if r == 0, ["tham so", "cau hinh", "setting", "key"].contains(folded) || folded.hasPrefix("tham so") { continue }
            let place = "\(grid.name)!" + CellReference.columnName(0) + String(r + 1)
            guard let key = Settings.key(named: name) else {
                throw SettingsError(file: file, place: place, key: name, messageVi: "không có cấu hình này (xem docs/rules.md)",
                                    messageEn: "no such setting (see docs/rules.md)")
            }
            let valueCell = row.count > 1 ? row[1] : .empty
            let valuePlace = "\(grid.name)!B\(r + 1)"
            if key.kind == .holidays {
                guard case .value(let date) = CellParser.date(valueCell, system: grid.dateSystem) else {
                    throw SettingsError(file: file, place: valuePlace, key: name, messageVi: "cần một ngày lễ (dd/mm/yyyy)", messageEn: "expected a holiday date (dd/mm/yyyy)")
                }
                if !holidaysSeen { holidays = [] }
                holidaysSeen = true
                let label = row.count > 2 ? CellParser.text(row[2]) : nil
                holidays.append(Holiday(date, label ?? "Ngày lễ"))
                set(key, valuePlace)
                continue
            }
            guard var text = CellParser.text(valueCell) else {
                throw SettingsError(file: file, place: valuePlace, key: name, messageVi: "ô giá trị để trống", messageEn: "the value cell is empty")
            }
            // The office's own words may give the part after "=" in the next cell.
            if key.kind == .columnAliases || key.kind == .productAliases, !text.contains("="),
               row.count > 2, let more = CellParser.text(row[2]) {
                text += " = " + more
            }
            do { try self.set(key, text, adding: true) } catch {
                throw SettingsError(file: file, place: valuePlace, key: name, messageVi: error.vi, messageEn: error.en)
            }
            set(key, valuePlace)
        }
    }

    /// Whether a sheet's name marks it as the settings sheet (`Cấu hình`, `Cau hinh`, `Settings`).
    public static func isSettingsSheet(_ name: String) -> Bool {
        ["cau hinh", "settings", "cai dat"].contains(HeaderNormalizer.key(name))
    }
}
