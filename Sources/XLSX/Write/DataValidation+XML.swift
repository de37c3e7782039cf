extension XMLWriter {
    /// Writes `<dataValidations>` for the rules of a sheet.
    func dataValidations(_ list: [DataValidation]) {
        guard !list.isEmpty else { return }
        raw("<dataValidations")
        attribute("count", list.count)
        raw(">")
        for v in list {
            let (type, op, f1, f2) = v.formulas()
            raw("<dataValidation")
            if let type { attribute("type", type) }
            if v.errorStyle != .stop { attribute("errorStyle", v.errorStyle.rawValue) }
            if let op { attribute("operator", op) }
            if v.allowBlank { raw(" allowBlank=\"1\"") }
            if v.hideDropDown { raw(" showDropDown=\"1\"") }
            if v.showInputMessage { raw(" showInputMessage=\"1\"") }
            if v.showErrorMessage { raw(" showErrorMessage=\"1\"") }
            if let e = v.errorMessage {
                attribute("errorTitle", e.title)
                attribute("error", e.text)
            }
            if let p = v.inputMessage {
                attribute("promptTitle", p.title)
                attribute("prompt", p.text)
            }
            attribute("sqref", v.ranges.map(\.description).joined(separator: " "))
            guard let f1 else {
                raw("/>")
                continue
            }
            raw("><formula1>")
            text(f1)
            raw("</formula1>")
            if let f2 {
                raw("<formula2>")
                text(f2)
                raw("</formula2>")
            }
            raw("</dataValidation>")
        }
        raw("</dataValidations>")
    }
}

extension DataValidation {
    /// The `type`, `operator` and formulas as the sheet XML writes them; date bounds as serial
    /// numbers in `system` (the writer's workbooks count in the 1900 system).
    func formulas(system: DateSystem = .date1900) -> (type: String?, operator: String?, formula1: String?, formula2: String?) {
        func number(_ d: Double) -> String {
            d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
        }
        func comparison(_ c: Comparison) -> (String?, String, String?) {
            switch c {
            case let .between(a, b): return (nil, number(a), number(b))
            case let .notBetween(a, b): return ("notBetween", number(a), number(b))
            case let .equal(a): return ("equal", number(a), nil)
            case let .notEqual(a): return ("notEqual", number(a), nil)
            case let .greaterThan(a): return ("greaterThan", number(a), nil)
            case let .lessThan(a): return ("lessThan", number(a), nil)
            case let .greaterThanOrEqual(a): return ("greaterThanOrEqual", number(a), nil)
            case let .lessThanOrEqual(a): return ("lessThanOrEqual", number(a), nil)
            }
        }
        func serial(_ c: DateTimeComponents) -> String { number(ExcelDateTime.serial(of: c, system: system)) }
        switch rule {
        case .list(let values):
            return ("list", nil, "\"" + values.joined(separator: ",") + "\"", nil)
        case let .listFromRange(sheet, range):
            return ("list", nil, SheetName.reference(sheet, range), nil)
        case .wholeNumber(let c):
            let (op, a, b) = comparison(c)
            return ("whole", op, a, b)
        case .decimal(let c):
            let (op, a, b) = comparison(c)
            return ("decimal", op, a, b)
        case .textLength(let c):
            let (op, a, b) = comparison(c)
            return ("textLength", op, a, b)
        case .date(let c):
            switch c {
            case let .between(a, b): return ("date", nil, serial(a), serial(b))
            case let .greaterThanOrEqual(a): return ("date", "greaterThanOrEqual", serial(a), nil)
            case let .lessThanOrEqual(a): return ("date", "lessThanOrEqual", serial(a), nil)
            }
        case .custom(let formula):
            return ("custom", nil, formula, nil)
        case .any:
            return (nil, nil, nil, nil)
        case let .general(kind, comparison, f1, f2):
            let op = kind == .list || kind == .custom || comparison == .between ? nil : comparison.rawValue
            return (kind.rawValue, op, f1, f2)
        }
    }
}
