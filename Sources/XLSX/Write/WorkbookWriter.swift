/// Writes a workbook held in memory: several sheets, cells set in any order, styles
/// deduplicated into one styles part, strings into one shared strings table (as Excel does).
///
/// ```swift
/// let workbook = WorkbookWriter()
/// let sheet = try workbook.addSheet("Danh sách lớp")
/// try sheet.appendRow([.string("Mã lớp"), .string("Tên lớp")], style: header)
/// try workbook.write(to: "lop.xlsx")
/// ```
///
/// The output is written to a temporary file beside the target and renamed into place, so
/// a failure never leaves a partial file under the final name.
public final class WorkbookWriter {
    /// How the package is written.
    public struct Options: Sendable {
        /// zlib level, 0–9 (see ``ZipWriter/defaultLevel``).
        public var level: Int
        /// Threads compressing each part.
        public var threads: Int
        /// Fixed timestamps, so equal content gives equal bytes.
        public var deterministic: Bool

        /// Options for a writer; the defaults are the measured level 4, up to 4 threads, real timestamps.
        public init(level: Int = ZipWriter.defaultLevel, threads: Int = ZipWriter.defaultThreads, deterministic: Bool = false) {
            self.level = level
            self.threads = threads
            self.deterministic = deterministic
        }
    }

    /// How the package is written.
    public var options: Options
    /// Title, author, company and the like.
    public var properties = DocumentProperties()
    /// Protection of the workbook's structure; nil for none.
    public var protection: WorkbookProtection?
    /// The sheets, in tab order.
    public private(set) var sheets: [SheetWriter] = []
    private var names = DefinedNames()
    let strings = SharedStringTable()
    let styles = StyleTable()

    /// An empty workbook; add sheets with ``addSheet(_:)``, then ``write(to:replaceExisting:)``.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Adds a sheet after the others; the name must follow Excel's rules (``SheetName``).
    public func addSheet(_ name: String) throws -> SheetWriter {
        try SheetName.validate(name, existing: sheets.map(\.name))
        let sheet = SheetWriter(name: name, position: sheets.count, strings: strings, styles: styles)
        sheets.append(sheet)
        return sheet
    }

    /// Defines a name for the workbook, or local to `sheet`; `refersTo` may start with `=`.
    public func defineName(_ name: String, refersTo: String, sheet: SheetWriter? = nil) throws {
        try defineName(DefinedName(name, refersTo: refersTo, localSheet: sheet?.position))
    }

    /// Defines a name as a workbook read from a file gives it (``Workbook/definedNames``),
    /// hidden flag and local sheet kept; a name may be defined once per scope, ignoring case.
    public func defineName(_ name: DefinedName) throws {
        try names.define(name, sheetCount: sheets.count)
    }

    /// Writes the workbook to `path` atomically.
    public func write(to path: String, replaceExisting: Bool = true) throws {
        guard !sheets.isEmpty else { throw XLSXError.invalidOperation("a workbook needs at least one sheet") }
        let zip = try ZipWriter(path: path, options: ZipWriter.Options(
            level: options.level, deterministic: options.deterministic, threads: options.threads),
            replaceExisting: replaceExisting)
        do {
            var package = PackageWriter(zip: zip, sheets: sheets, styles: styles, strings: strings,
                                        definedNames: names.all, properties: properties, deterministic: options.deterministic)
            package.protection = protection
            let xml = XMLWriter(capacity: 1 << 21)
            let active = sheets.firstIndex(where: { $0.state == .visible }) ?? 0
            try package.write { i, packaging in
                xml.removeAll()
                try zip.beginEntry("xl/worksheets/sheet\(i + 1).xml")
                try sheets[i].write(to: xml, selected: i == active, packaging: packaging) {
                    try zip.write(xml.bytes)
                    xml.removeAll()
                }
                try zip.write(xml.bytes)
                try zip.endEntry()
            }
            try zip.finish()
        } catch {
            zip.abandon()
            throw (error as? XLSXError)?.located(in: path) ?? error
        }
    }
}
