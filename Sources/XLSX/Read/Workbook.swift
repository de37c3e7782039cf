/// An XLSX workbook opened for reading: its sheets, settings, shared strings and cell formats.
///
/// Opening reads the package's small parts (relationships, workbook, styles, shared strings);
/// sheets are read when asked, either streamed row by row (``rows(of:)``), cell by cell
/// without allocation (``forEachRawCell(in:_:)``), or whole (``sheet(named:)``).
public final class Workbook: @unchecked Sendable {
    /// The ZIP package.
    let archive: ZipArchive
    /// The sheets in workbook order.
    public let sheets: [SheetInfo]
    /// The date system all serial numbers count in.
    public let dateSystem: DateSystem
    /// The workbook's defined names.
    public let definedNames: [DefinedName]
    /// The protection of the workbook's structure, if any.
    public let protection: WorkbookProtection?
    /// The shared-strings table (empty when the package has none).
    public let sharedStrings: SharedStrings
    /// The cell formats (number formats and their date kinds).
    public let cellFormats: CellFormats
    /// The workbook part's name (`xl/workbook.xml` in most files).
    let workbookPart: String
    /// Whether sheets are read by ``SheetScanner`` (with libxml2 around it and behind it), or
    /// by libxml2 alone; the differential tests read every file both ways.
    var scansSheets = true
    /// The inflate chunk sheets are read in, when not the default (the differential tests cut
    /// parts into small chunks).
    var sheetChunkSize: Int?
    /// The file path, when opened from a file.
    public let path: String?
    /// The styles part, when the package has one.
    var stylesEntry: ZipEntry?

    /// Opens the workbook at `path` read-only.
    public convenience init(path: String, limits: ReadLimits = .default) throws {
        do {
            try self.init(archive: ZipArchive(path: path, limits: limits), path: path)
        } catch let error as XLSXError {
            throw error.located(in: path)
        }
    }

    /// Opens a workbook from bytes (in memory, or any other source).
    package convenience init(source: any ByteSource, limits: ReadLimits = .default) throws {
        try self.init(archive: ZipArchive(source: source, limits: limits), path: nil)
    }

    init(archive: ZipArchive, path: String?) throws {
        self.archive = archive
        self.path = path
        let part = try WorkbookPart.read(archive)
        workbookPart = part.part
        sheets = part.sheets
        dateSystem = part.dateSystem
        definedNames = part.definedNames
        protection = part.protection
        func related(_ type: String, fallback: String) -> ZipEntry? {
            if let rel = part.relationships.first(where: { $0.isType(type) && !$0.isExternal }),
               let entry = archive.entry(named: rel.target) {
                return entry
            }
            return archive.entry(named: fallback)
        }
        let folder = part.part.contains("/") ? String(part.part[..<part.part.lastIndex(of: "/")!]) + "/" : ""
        if let entry = related("sharedStrings", fallback: folder + "sharedStrings.xml") {
            sharedStrings = try SharedStrings.read(archive, entry: entry)
        } else {
            sharedStrings = SharedStrings()
        }
        if let entry = related("styles", fallback: folder + "styles.xml") {
            cellFormats = try CellFormats.read(archive, entry: entry)
            stylesEntry = entry
        } else {
            cellFormats = CellFormats()
        }
    }

    /// The sheet with this name (exact first, then ignoring case, as Excel does).
    public func info(named name: String) throws -> SheetInfo {
        if let s = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return s
        }
        throw XLSXError.sheetNotFound(name: name, available: sheets.map(\.name))
    }

    /// The whole sheet with this name.
    public func sheet(named name: String) throws -> Sheet {
        try sheet(try info(named: name))
    }

    /// The whole sheet at zero-based position `index`.
    public func sheet(at index: Int) throws -> Sheet {
        guard sheets.indices.contains(index) else {
            throw XLSXError.sheetNotFound(name: "#\(index + 1)", available: sheets.map(\.name))
        }
        return try sheet(sheets[index])
    }

    /// A streaming reader over the sheet's rows: memory stays flat whatever the sheet's size.
    public func rows(of sheet: SheetInfo) throws -> SheetRowReader {
        try located { try SheetRowReader(workbook: self, info: sheet, entry: try entry(of: sheet)) }
    }

    /// The number format of a cell read from this workbook.
    public func numberFormat(of cell: Cell) -> NumberFormat {
        cellFormats.numberFormat(cell.styleIndex)
    }

    /// Visits every cell of a sheet in file order with no allocation per cell: the fast path
    /// under every other reading API. Returns what the sheet says besides its cells.
    ///
    /// The ``RawCell`` is valid only during the call; ``sharedStrings`` and ``cellFormats``
    /// resolve its string index and date-ness. An error thrown by `body` stops the parse and
    /// is rethrown.
    @discardableResult
    public func forEachRawCell(in sheet: SheetInfo, _ body: (RawCell) throws -> Void) throws -> SheetMetadata {
        try located {
            let entry = try entry(of: sheet)
            return try withoutActuallyEscaping(body) { body in
                let sink = ClosureSink(body)
                let reader = try SheetPartReader(archive: archive, entry: entry, sink: sink, wantsFormulas: false,
                                                 dateSystem: dateSystem, chunkSize: sheetChunkSize ?? 128 * 1024, scanner: scansSheets)
                do {
                    while try reader.step() {}
                } catch {
                    if let failure = sink.failure { throw failure }
                    throw error
                }
                if let failure = sink.failure { throw failure }
                var metadata = reader.metadata
                try resolveLinks(&metadata, of: sheet, entry: entry)
                return metadata
            }
        }
    }

    /// Gives the external hyperlinks of a sheet's metadata their targets, from the sheet's relationships.
    func resolveLinks(_ metadata: inout SheetMetadata, of sheet: SheetInfo, entry: ZipEntry) throws {
        guard !metadata.hyperlinkRelationships.isEmpty else { return }
        let relationships = try RelationshipsReader.read(archive, of: sheet.part ?? entry.name)
        for (range, id) in metadata.hyperlinkRelationships {
            if let rel = relationships.first(where: { $0.id == id }) { metadata.hyperlinks[range]?.target = rel.target }
        }
        metadata.hyperlinkRelationships = [:]
    }

    func entry(of sheet: SheetInfo) throws -> ZipEntry {
        guard let part = sheet.part, let entry = archive.entry(named: part) else {
            throw XLSXError.missingPart(part: sheet.part ?? "(\(sheet.name))")
        }
        return entry
    }

    /// Runs `body`, naming the file in any error.
    func located<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XLSXError {
            throw path.map { error.located(in: $0) } ?? error
        }
    }
}

/// Adapts a closure to the engine's sink.
private final class ClosureSink: SheetSink {
    let body: (RawCell) throws -> Void
    var parser: XMLPushParser?
    var failure: (any Error)?

    init(_ body: @escaping (RawCell) throws -> Void) { self.body = body }

    func beginRow(index: Int, height: Double?, hidden: Bool) {}
    func endRow(index: Int) {}

    @inline(__always)
    func cell(_ cell: RawCell, formula: String?) {
        guard failure == nil else { return }
        do {
            try body(cell)
        } catch {
            failure = error
            parser?.fail(.stopped)
        }
    }
}
