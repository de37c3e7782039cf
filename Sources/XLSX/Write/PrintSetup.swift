/// How a sheet prints: orientation, paper, scaling, repeated header rows and the print area.
public struct PrintSetup: Hashable, Sendable {
    public enum Orientation: String, Hashable, Sendable {
        case portrait, landscape
    }

    /// Paper sizes by Excel's `paperSize` code.
    public enum Paper: Int, Hashable, Sendable {
        case letter = 1, legal = 5, a3 = 8, a4 = 9, a5 = 11
    }

    public var orientation: Orientation?
    public var paper: Paper?
    /// Shrink to this many pages wide (usually 1), any number of pages tall.
    public var fitToWidth: Int?
    /// With ``fitToWidth``, the pages tall (0 = as many as needed).
    public var fitToHeight: Int
    /// Rows printed at the top of every page (zero-based, inclusive).
    public var repeatRows: ClosedRange<Int>?
    /// The range printed.
    public var printArea: CellRange?
    /// Centre horizontally on the page.
    public var centerHorizontally: Bool
    /// Print the grid lines.
    public var gridLines: Bool
    /// Rows (zero-based) that start a new page, as manual page breaks above them
    /// (`<rowBreaks>`); Excel keeps at most 1,023.
    public var pageBreaksBefore: [Int] = []

    public init(orientation: Orientation? = nil, paper: Paper? = nil, fitToWidth: Int? = nil, fitToHeight: Int = 0,
                repeatRows: ClosedRange<Int>? = nil, printArea: CellRange? = nil,
                centerHorizontally: Bool = false, gridLines: Bool = false) {
        self.orientation = orientation
        self.paper = paper
        self.fitToWidth = fitToWidth
        self.fitToHeight = fitToHeight
        self.repeatRows = repeatRows
        self.printArea = printArea
        self.centerHorizontally = centerHorizontally
        self.gridLines = gridLines
    }

    /// True when a `<pageSetup>` element is needed.
    var hasPageSetup: Bool { orientation != nil || paper != nil || fitToWidth != nil }
}

/// Title, author and other properties shown in the file's properties (docProps).
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var keywords: String?
    public var description: String?
    public var category: String?
    public var company: String?
    public var manager: String?
    /// The creation time; nil means the time of writing (or a fixed time in deterministic mode).
    public var created: DateTimeComponents?

    public init(title: String? = nil, subject: String? = nil, creator: String? = nil, keywords: String? = nil,
                description: String? = nil, category: String? = nil, company: String? = nil,
                manager: String? = nil, created: DateTimeComponents? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.description = description
        self.category = category
        self.company = company
        self.manager = manager
        self.created = created
    }
}

/// A workbook-level or sheet-level defined name such as `DanhSachDonVi` → `'Đơn vị'!$A$2:$A$40`.
public struct DefinedName: Hashable, Sendable {
    public var name: String
    /// What it refers to, as a formula without `=`.
    public var refersTo: String
    /// The sheet it is local to, by position; nil for the whole workbook.
    public var localSheet: Int?
    public var hidden: Bool

    public init(_ name: String, refersTo: String, localSheet: Int? = nil, hidden: Bool = false) {
        self.name = name
        self.refersTo = refersTo
        self.localSheet = localSheet
        self.hidden = hidden
    }

    /// Excel's rules: starts with a letter, `_` or `\`, then letters, digits, `_`, `.`;
    /// at most 255 characters; not a cell reference.
    func validate() throws {
        guard let first = name.unicodeScalars.first, name.utf16.count <= 255,
              first.properties.isAlphabetic || first == "_" || first == "\\",
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "." || $0 == "\\" }),
              name.hasPrefix("_xlnm.") || CellReference(name) == nil
        else {
            throw XLSXError.invalidOperation("\"\(name)\" is not a valid defined name")
        }
    }
}
