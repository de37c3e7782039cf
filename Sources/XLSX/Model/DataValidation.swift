/// A data validation rule on ranges of cells: a list to choose from, or bounds on numbers,
/// dates or text length, with the input message shown on selection and the error shown on a
/// wrong entry.
///
/// ``Sheet/dataValidations`` gives a read sheet's rules, each with its ``ranges``;
/// ``SheetLayout/addValidation(_:to:)`` puts one on ranges of a sheet being written. A rule
/// the typed cases of ``Rule`` cannot say (bounds that are formulas, times, a list named by a
/// defined name) reads as ``Rule/general(_:comparison:formula1:formula2:)`` and is written
/// back as it was.
public struct DataValidation: Hashable, Sendable {
    /// What the cell may hold.
    public enum Rule: Hashable, Sendable {
        /// One of these values (Excel caps the joined list at 255 characters, without quotes).
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
        /// A rule as the file spells it: its kind, its comparison (ignored for lists and custom
        /// rules) and its formulas without `=` (a bound, a list's source).
        case general(Kind, comparison: Operator = .between, formula1: String?, formula2: String? = nil)
    }

    /// Number bounds.
    public enum Comparison: Hashable, Sendable {
        /// Between the two bounds, inclusive.
        case between(Double, Double)
        /// Below the first bound or above the second.
        case notBetween(Double, Double)
        /// Equal to the bound.
        case equal(Double)
        /// Anything but the bound.
        case notEqual(Double)
        /// Strictly above the bound.
        case greaterThan(Double)
        /// Strictly below the bound.
        case lessThan(Double)
        /// The bound or above.
        case greaterThanOrEqual(Double)
        /// The bound or below.
        case lessThanOrEqual(Double)
    }

    /// Date bounds.
    public enum DateComparison: Hashable, Sendable {
        /// Between the two dates, inclusive.
        case between(DateTimeComponents, DateTimeComponents)
        /// The date or later.
        case greaterThanOrEqual(DateTimeComponents)
        /// The date or earlier.
        case lessThanOrEqual(DateTimeComponents)
    }

    /// The kind of value a ``Rule/general(_:comparison:formula1:formula2:)`` rule checks (the file's `type`).
    public enum Kind: String, Hashable, Sendable {
        /// One of the values of a list: `formula1` is a range, a defined name or a quoted list.
        case list
        /// A whole number.
        case whole
        /// Any number.
        case decimal
        /// A date (a serial number in the workbook's date system).
        case date
        /// A time of day (a fraction of a day).
        case time
        /// The text's length.
        case textLength
        /// Any value for which `formula1` is true.
        case custom
    }

    /// How a ``Rule/general(_:comparison:formula1:formula2:)`` rule compares the value with its formulas (the file's `operator`).
    public enum Operator: String, Hashable, Sendable {
        /// Between `formula1` and `formula2`, inclusive (Excel's default).
        case between
        /// Outside `formula1`…`formula2`.
        case notBetween
        /// Equal to `formula1`.
        case equal
        /// Anything but `formula1`.
        case notEqual
        /// Strictly above `formula1`.
        case greaterThan
        /// Strictly below `formula1`.
        case lessThan
        /// `formula1` or above.
        case greaterThanOrEqual
        /// `formula1` or below.
        case lessThanOrEqual
    }

    /// How a wrong entry is treated.
    public enum ErrorStyle: String, Hashable, Sendable {
        /// The entry is refused (Excel's default).
        case stop
        /// The user is warned and may keep the entry.
        case warning
        /// The user is told and the entry is kept.
        case information
    }

    /// A message's title and text.
    public struct Message: Hashable, Sendable {
        /// The title (Excel allows 32 characters).
        public var title: String
        /// The text (Excel allows 255 characters).
        public var text: String
        /// A message with its title and text.
        public init(title: String, _ text: String) {
            self.title = title
            self.text = text
        }
    }

    /// What the cells may hold.
    public var rule: Rule
    /// True when an empty cell passes.
    public var allowBlank: Bool
    /// Shown when the cell is selected.
    public var inputMessage: Message?
    /// Shown when a wrong value is entered.
    public var errorMessage: Message?
    /// Whether a wrong entry is refused, warned about, or only reported.
    public var errorStyle: ErrorStyle
    /// For lists: hide the in-cell drop-down arrow.
    public var hideDropDown: Bool
    /// True when Excel shows the input message on selection.
    public var showInputMessage: Bool
    /// True when Excel shows the error message on a wrong entry (false lets any value in).
    public var showErrorMessage: Bool
    /// The ranges the rule covers; ``SheetLayout/addValidation(_:to:)`` sets them.
    public var ranges: [CellRange]

    /// A rule with its messages; the ranges are given when it is added to a sheet.
    public init(_ rule: Rule, allowBlank: Bool = true, inputMessage: Message? = nil, errorMessage: Message? = nil,
                errorStyle: ErrorStyle = .stop, hideDropDown: Bool = false,
                showInputMessage: Bool = true, showErrorMessage: Bool = true, ranges: [CellRange] = []) {
        self.rule = rule
        self.allowBlank = allowBlank
        self.inputMessage = inputMessage
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
        self.hideDropDown = hideDropDown
        self.showInputMessage = showInputMessage
        self.showErrorMessage = showErrorMessage
        self.ranges = ranges
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

extension DataValidation {
    /// The rule a file's `type`, `operator` and formulas say: a typed case when writing that
    /// case gives back exactly these texts, else ``Rule/general(_:comparison:formula1:formula2:)``.
    /// Date bounds are serial numbers in `system`.
    static func rule(type: String?, operator op: String?, formula1: String?, formula2: String?, system: DateSystem) -> Rule {
        guard let type, let kind = Kind(rawValue: type) else { return .any }
        // Excel ignores the operator of lists and custom rules.
        let comparison = kind == .list || kind == .custom ? .between : op.flatMap(Operator.init(rawValue:)) ?? .between
        let general = Rule.general(kind, comparison: comparison, formula1: formula1, formula2: formula2)
        guard let f1 = formula1 else { return general }
        var candidate: Rule?
        func bounds() -> Comparison? {
            guard let a = Double(f1) else { return nil }
            let b = formula2.flatMap(Double.init)
            switch comparison {
            case .between: return b.map { .between(a, $0) }
            case .notBetween: return b.map { .notBetween(a, $0) }
            case .equal: return .equal(a)
            case .notEqual: return .notEqual(a)
            case .greaterThan: return .greaterThan(a)
            case .lessThan: return .lessThan(a)
            case .greaterThanOrEqual: return .greaterThanOrEqual(a)
            case .lessThanOrEqual: return .lessThanOrEqual(a)
            }
        }
        func date(_ text: String?) -> DateTimeComponents? {
            text.flatMap(Double.init).map { ExcelDateTime(serial: $0, system: system, kind: .dateTime).components }
        }
        switch kind {
        case .list:
            // A quote inside (written doubled) is no value the writer's lists may hold.
            if f1.count >= 2, f1.hasPrefix("\""), f1.hasSuffix("\""), !f1.dropFirst().dropLast().contains("\"") {
                candidate = .list(f1.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            } else if let (sheet, range) = SheetName.parseReference(f1) {
                candidate = .listFromRange(sheet: sheet, range: range)
            }
        case .whole: candidate = bounds().map { .wholeNumber($0) }
        case .decimal: candidate = bounds().map { .decimal($0) }
        case .textLength: candidate = bounds().map { .textLength($0) }
        case .date:
            switch comparison {
            case .between: if let a = date(f1), let b = date(formula2) { candidate = .date(.between(a, b)) }
            case .greaterThanOrEqual: candidate = date(f1).map { .date(.greaterThanOrEqual($0)) }
            case .lessThanOrEqual: candidate = date(f1).map { .date(.lessThanOrEqual($0)) }
            default: break
            }
        case .custom: candidate = .custom(f1)
        case .time: break
        }
        guard let candidate else { return general }
        let written = DataValidation(candidate).formulas(system: system)
        let same = written.type == kind.rawValue && (written.operator ?? "between") == comparison.rawValue
            && written.formula1 == f1 && written.formula2 == formula2
        return same ? candidate : general
    }
}
