/// How a sheet prints: orientation, paper, scaling, repeated header rows and the print area.
public struct PrintSetup: Hashable, Sendable {
    /// The page's orientation.
    public enum Orientation: String, Hashable, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall.
        case landscape
    }

    /// Paper sizes by Excel's `paperSize` code.
    public enum Paper: Int, Hashable, Sendable {
        /// US Letter, 8½ × 11 in.
        case letter = 1
        /// US Legal, 8½ × 14 in.
        case legal = 5
        /// A3, 297 × 420 mm.
        case a3 = 8
        /// A4, 210 × 297 mm (the usual paper in Vietnam).
        case a4 = 9
        /// A5, 148 × 210 mm.
        case a5 = 11
    }

    /// The orientation; nil leaves it to the printer (portrait).
    public var orientation: Orientation?
    /// The paper; nil leaves it to the printer.
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

    /// A print setup; the defaults print as Excel does for a new sheet.
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
    /// The title (File › Info › Title).
    public var title: String?
    /// The subject.
    public var subject: String?
    /// The author; also written as the last to modify it.
    public var creator: String?
    /// Keywords (Excel's Tags), as one text.
    public var keywords: String?
    /// A description (Excel's Comments).
    public var description: String?
    /// The category.
    public var category: String?
    /// The company.
    public var company: String?
    /// The manager.
    public var manager: String?
    /// The creation time; nil means the time of writing (or a fixed time in deterministic mode).
    public var created: DateTimeComponents?

    /// Properties; those left nil are not written.
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
