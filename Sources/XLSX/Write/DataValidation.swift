/// A data validation rule for a range of cells: a list to choose from, or bounds on numbers,
/// dates or text length, with the input message shown on selection and the error shown on a
/// wrong entry.
public struct DataValidation: Hashable, Sendable {
    /// What the cell may hold.
    public enum Rule: Hashable, Sendable {
        /// One of these values (Excel caps the joined list at 255 characters).
        case list([String])
        /// One of the values in a range, usually on another sheet.
        case listFromRange(sheet: String, range: CellRange)
        /// A whole number compared with the bounds.
        case wholeNumber(Comparison)
        /// A number compared with the bounds.
        case decimal(Comparison)
        /// A date compared with the bounds.
        case date(DateComparison)
        /// Text whose length is compared with the bounds.
        case textLength(Comparison)
        /// Any value for which the formula (without `=`) is true.
        case custom(String)
        /// Any value: only the input message is wanted.
        case any
    }

    /// Number bounds.
    public enum Comparison: Hashable, Sendable {
        case between(Double, Double), notBetween(Double, Double)
        case equal(Double), notEqual(Double)
        case greaterThan(Double), lessThan(Double)
        case greaterThanOrEqual(Double), lessThanOrEqual(Double)
    }

    /// Date bounds.
    public enum DateComparison: Hashable, Sendable {
        case between(DateTimeComponents, DateTimeComponents)
        case greaterThanOrEqual(DateTimeComponents)
        case lessThanOrEqual(DateTimeComponents)
    }

    /// How a wrong entry is treated.
    public enum ErrorStyle: String, Hashable, Sendable {
        case stop, warning, information
    }

    /// A message title and text.
    public struct Message: Hashable, Sendable {
        public var title: String
        public var text: String
        public init(title: String, _ text: String) {
            self.title = title
            self.text = text
        }
    }

    public var rule: Rule
    public var allowBlank: Bool
    /// Shown when the cell is selected.
    public var inputMessage: Message?
    /// Shown when a wrong value is entered.
    public var errorMessage: Message?
    public var errorStyle: ErrorStyle
    /// For lists: hide the in-cell drop-down arrow.
    public var hideDropDown: Bool

    /// A rule with its messages.
    public init(_ rule: Rule, allowBlank: Bool = true, inputMessage: Message? = nil, errorMessage: Message? = nil,
                errorStyle: ErrorStyle = .stop, hideDropDown: Bool = false) {
        self.rule = rule
        self.allowBlank = allowBlank
        self.inputMessage = inputMessage
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
        self.hideDropDown = hideDropDown
    }

    /// Checks Excel's limits: a literal list of at most 255 characters without quotes,
    /// titles of at most 32 characters and messages of at most 255.
    func validate() throws {
        if case .list(let values) = rule {
            let joined = values.joined(separator: ",")
            guard !values.isEmpty, joined.utf16.count <= 255, !joined.contains("\"") else {
                throw XLSXError.invalidOperation("a validation list must be 1–255 characters without quotes (got \(joined.utf16.count))")
            }
        }
        for m in [inputMessage, errorMessage].compactMap({ $0 }) {
            guard m.title.utf16.count <= 32, m.text.utf16.count <= 255 else {
                throw XLSXError.invalidOperation("validation message titles allow 32 characters and texts 255")
            }
        }
    }
}

extension XMLWriter {
    /// Writes `<dataValidations>` for the rules of a sheet.
    func dataValidations(_ list: [(DataValidation, [CellRange])]) {
        guard !list.isEmpty else { return }
        raw("<dataValidations")
        attribute("count", list.count)
        raw(">")
        for (v, ranges) in list {
            let (type, op, f1, f2) = v.formulas()
            raw("<dataValidation")
            if let type { attribute("type", type) }
            if v.errorStyle != .stop { attribute("errorStyle", v.errorStyle.rawValue) }
            if let op { attribute("operator", op) }
            if v.allowBlank { raw(" allowBlank=\"1\"") }
            if v.hideDropDown { raw(" showDropDown=\"1\"") }
            raw(" showInputMessage=\"1\" showErrorMessage=\"1\"")
            if let e = v.errorMessage {
                attribute("errorTitle", e.title)
                attribute("error", e.text)
            }
            if let p = v.inputMessage {
                attribute("promptTitle", p.title)
                attribute("prompt", p.text)
            }
            attribute("sqref", ranges.map(\.description).joined(separator: " "))
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
    /// The `type`, `operator` and formulas as the sheet XML writes them.
    func formulas() -> (String?, String?, String?, String?) {
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
        func serial(_ c: DateTimeComponents) -> String { number(ExcelDateTime.serial(of: c, system: .date1900)) }
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
        }
    }
}
