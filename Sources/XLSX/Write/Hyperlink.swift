/// A link from a cell: to a web address or file, or to a place inside the workbook.
public enum Hyperlink: Hashable, Sendable {
    /// An external target such as `https://example.org` or `mailto:a@b.vn`.
    case external(String, tooltip: String? = nil)
    /// A cell or range in the workbook, written as Excel does: `'Kế hoạch tuần'!A1`.
    case `internal`(sheet: String, CellRange, tooltip: String? = nil)

    /// The `location` of an internal link.
    var location: String? {
        if case let .internal(sheet, range, _) = self { return SheetName.quoted(sheet) + "!" + range.description }
        return nil
    }

    var tooltip: String? {
        switch self {
        case .external(_, let t), .internal(_, _, let t): return t
        }
    }

    /// Excel refuses URLs longer than 2,079 characters.
    func validate() throws {
        if case .external(let url, _) = self, url.isEmpty || url.utf16.count > 2079 {
            throw XLSXError.invalidOperation("a hyperlink target must be 1–2,079 characters (got \(url.utf16.count))")
        }
    }
}

/// A note (Excel's classic comment) on a cell: author and text, shown on hover.
public struct Note: Hashable, Sendable {
    public var text: String
    public var author: String
    /// Shown all the time rather than on hover.
    public var visible: Bool

    public init(_ text: String, author: String = "", visible: Bool = false) {
        self.text = text
        self.author = author
        self.visible = visible
    }
}

/// Whether a sheet's tab shows.
public enum SheetVisibility: String, Hashable, Sendable {
    case visible
    /// Hidden; the user can unhide it.
    case hidden
    /// Hidden; only code can unhide it.
    case veryHidden
}
