/// The office's own words: headers for columns and names for products, written
/// `Danh sách đơn vị › Điện thoại = ĐT cơ quan` and `Phần mềm Tiền lương = Tính lương` in a
/// "Cấu hình" sheet (the part after `=` may also stand in the next cell) or a settings file.
extension Settings {
    /// The entries of an alias setting: separated by `;` or a line break (commas belong to headers).
    static func entries(_ t: String) -> [String] { list(t, commas: false) }

    /// `left = right`, both trimmed and non-empty, or an error quoting `item` and what is expected.
    static func sides(_ item: String, _ vi: String, _ en: String) throws(SettingValueError) -> (String, String) {
        let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw SettingValueError("cần dạng \(vi), gặp \"\(item)\"", "expected \(en), found \"\(item)\"")
        }
        return (parts[0], parts[1])
    }

    /// One column alias: `Sheet › Column = Header`, the sheet named as its kind's sheet name
    /// (`Danh sách đơn vị`) or key (`units`), the column by its header, an alias or its key.
    static func columnAlias(_ item: String) throws(SettingValueError) -> (SheetType, String, String) {
        let (target, header) = try sides(item, "\"Danh sách đơn vị › Điện thoại = ĐT cơ quan\"", "\"Danh sách đơn vị › Điện thoại = ĐT cơ quan\"")
        let path = target.split(whereSeparator: { $0 == "›" || $0 == ">" || $0 == "/" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard path.count == 2 else {
            throw SettingValueError("cần \"sheet › cột\" trước dấu =, gặp \"\(target)\"", "expected \"sheet › column\" before =, found \"\(target)\"")
        }
        let sheetKey = HeaderNormalizer.key(path[0])
        guard let kind = SheetType.allCases.first(where: { HeaderNormalizer.key($0.schema.sheetName) == sheetKey || HeaderNormalizer.key($0.rawValue) == sheetKey }) else {
            let known = SheetType.allCases.map(\.schema.sheetName).joined(separator: ", ")
            throw SettingValueError("không có loại sheet \"\(path[0])\" (có: \(known))", "no sheet kind \"\(path[0])\" (known: \(known))")
        }
        let columnKey = HeaderNormalizer.key(path[1])
        guard let column = kind.schema.columns.first(where: { $0.key.lowercased() == path[1].lowercased() || $0.matchKeys.contains(columnKey) }) else {
            let known = kind.schema.columns.map(\.header).joined(separator: ", ")
            throw SettingValueError("sheet \(kind.schema.sheetName) không có cột \"\(path[1])\" (có: \(known))",
                                    "\(kind.schema.sheetName) has no column \"\(path[1])\" (known: \(known))")
        }
        return (kind, column.key, header)
    }

    /// One product alias: `Name = Product`, the product one of the known ones.
    static func productAlias(_ item: String) throws(SettingValueError) -> (String, Product) {
        let (name, target) = try sides(item, "\"Phần mềm Tiền lương = Tính lương\"", "\"Phần mềm Tiền lương = Tính lương\"")
        guard let product = Product(rawValue: target) ?? Product.exactMatch(target) else {
            throw SettingValueError("không có sản phẩm \"\(target)\" (có: \(Product.labels.joined(separator: ", ")))",
                                    "no product \"\(target)\" (known: \(Product.labels.joined(separator: ", ")))")
        }
        return (HeaderNormalizer.key(name), product)
    }

    /// The column aliases as written back: `Danh sách đơn vị › Điện thoại = ĐT cơ quan; …`.
    static func describe(columnAliases aliases: [SheetType: [String: [String]]]) -> String {
        var items: [String] = []
        for kind in SheetType.allCases {
            for column in kind.schema.columns {
                for header in aliases[kind]?[column.key] ?? [] { items.append("\(kind.schema.sheetName) › \(column.header) = \(header)") }
            }
        }
        return items.joined(separator: "; ")
    }

    /// The product an office's own name stands for, by its folded text.
    public func product(aliasOf text: String) -> Product? {
        productAliases.isEmpty ? nil : productAliases[HeaderNormalizer.key(text)]
    }
}
