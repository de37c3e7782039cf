/// A link from a cell or range: to a web address, file or mail address outside the workbook,
/// to a place inside it, or both (a place inside another workbook).
///
/// ``Sheet/hyperlinks`` gives a read sheet's links by range, external targets resolved through
/// the sheet's relationships; ``SheetLayout/addHyperlink(_:at:)`` puts one on a cell. Make one
/// with ``external(_:tooltip:)`` or ``internal(sheet:_:tooltip:)``.
public struct Hyperlink: Hashable, Sendable {
    /// The external target (`https://example.org`, `mailto:a@b.vn`, a file); nil for a link inside the workbook.
    public var target: String?
    /// A place inside the workbook as Excel writes it (`'Kế hoạch tuần'!A1`, or a defined name);
    /// with a ``target``, the place inside the target.
    public var location: String?
    /// The text Excel shows for the link, when the file gives one (the cell's value is separate).
    public var display: String?
    /// The tip shown on hover.
    public var tooltip: String?

    /// A link with the given parts; give a `target`, a `location` or both.
    public init(target: String? = nil, location: String? = nil, display: String? = nil, tooltip: String? = nil) {
        self.target = target
        self.location = location
        self.display = display
        self.tooltip = tooltip
    }

    /// A link to a web address, file or mail address, such as `https://example.org` or `mailto:a@b.vn`.
    public static func external(_ target: String, tooltip: String? = nil) -> Hyperlink {
        Hyperlink(target: target, tooltip: tooltip)
    }

    /// A link to a cell or range of the workbook, written as Excel does: `'Kế hoạch tuần'!A1`.
    public static func `internal`(sheet: String, _ range: CellRange, tooltip: String? = nil) -> Hyperlink {
        let location = SheetName.quoted(sheet) + "!" + range.description
        return Hyperlink(location: location, display: location, tooltip: tooltip)
    }

    /// Excel refuses URLs longer than 2,079 characters and a link that goes nowhere.
    func validate() throws {
        if let target, target.isEmpty || target.utf16.count > 2079 {
            throw XLSXError.invalidOperation("a hyperlink target must be 1–2,079 characters (got \(target.utf16.count))")
        }
        if target == nil && (location ?? "").isEmpty {
            throw XLSXError.invalidOperation("a hyperlink needs a target or a location")
        }
    }
}
