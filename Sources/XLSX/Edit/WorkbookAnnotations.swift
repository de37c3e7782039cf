/// Marks to add to an existing workbook without rebuilding it: cells filled (their font,
/// border, number format and alignment kept), notes on cells (next to the notes already there;
/// a cell that has one gets the new text appended), and new worksheets at the end. Writing
/// streams the marked sheets and rewrites the few small parts that list things (styles,
/// comments, relationships, content types, workbook); every other part — drawings, pictures,
/// charts, validations, conditional formats, other sheets — is copied byte for byte.
///
/// ```swift
/// var marks = WorkbookAnnotations()
/// marks.fill(CellReference("C7")!, in: "Bàn giao", with: .solid(.rgb("FFFFC7CE")))
/// marks.addNote(Note("[HANDOVER_LATE] bàn giao trước 6 ngày", author: "taphuan"), at: CellReference("C7")!, in: "Bàn giao")
/// try marks.write(workbook: "Ban giao.xlsx", to: "checked/Ban giao.xlsx")
/// ```
public struct WorkbookAnnotations: Sendable {
    /// Fills by lower-cased sheet name and cell.
    var fills: [String: [CellReference: Fill]] = [:]
    /// Notes by lower-cased sheet name and cell.
    var notes: [String: [CellReference: Note]] = [:]
    /// Sheets to append, in order.
    var addedSheets: [AddedSheet] = []

    /// No marks.
    public init() {}

    /// Fills `cell` of `sheet` with `fill`, keeping the rest of its look; the last fill given wins.
    public mutating func fill(_ cell: CellReference, in sheet: String, with fill: Fill) {
        fills[sheet.lowercased(), default: [:]][cell] = fill
    }

    /// Adds a note to `cell` of `sheet`; a second note on the same cell is added as a new
    /// line of the first.
    public mutating func addNote(_ note: Note, at cell: CellReference, in sheet: String) {
        if var existing = notes[sheet.lowercased()]?[cell] {
            existing.text += "\n" + note.text
            notes[sheet.lowercased()]![cell] = existing
        } else {
            notes[sheet.lowercased(), default: [:]][cell] = note
        }
    }

    /// Appends a worksheet after the workbook's last sheet.
    public mutating func append(_ sheet: AddedSheet) {
        addedSheets.append(sheet)
    }

    /// The lower-cased names of the sheets marked.
    var markedSheets: Set<String> { Set(fills.keys).union(notes.keys) }
}

/// What writing annotations did to the package.
public struct AnnotationReport: Sendable, Equatable {
    /// Existing parts written anew (marked sheets, styles, comments, relationships, workbook).
    public var rewrittenParts: [String] = []
    /// Parts copied byte for byte, compressed data included.
    public var copiedParts: [String] = []
    /// Parts that were not there before (new sheets, comments, drawings of notes).
    public var addedParts: [String] = []
}

extension WorkbookAnnotations {
    /// Writes `workbook` with the marks to `output`, atomically; the input is only read.
    @discardableResult
    public func write(workbook: String, to output: String, replaceExisting: Bool = false,
                      limits: ReadLimits = .default) throws -> AnnotationReport {
        do {
            let archive = try ZipArchive(path: workbook, limits: limits)
            return try write(archive: archive, to: output, replaceExisting: replaceExisting)
        } catch let error as XLSXError {
            throw error.located(in: workbook)
        }
    }

    /// Writes an opened package with the marks to `output`.
    public func write(archive: ZipArchive, to output: String, replaceExisting: Bool = false) throws -> AnnotationReport {
        let plan = try AnnotationPlan(archive: archive, annotations: self)
        var report = AnnotationReport()
        let writer = try ZipWriter(path: output, replaceExisting: replaceExisting)
        do {
            for entry in archive.entries {
                let key = ZipEntry.lookupKey(entry.name)
                if let sheet = plan.sheets[key] {
                    try writer.beginEntry(entry.name)
                    let rewriter = MarkedSheetRewriter(part: entry.name, formats: sheet.formats, legacyDrawing: sheet.legacyDrawing,
                                                       declarePrefix: sheet.declarePrefix) { try writer.write($0) }
                    try scanPart(archive, entry) { try rewriter.take($0) }
                    try rewriter.finish()
                    try writer.endEntry()
                    report.rewrittenParts.append(entry.name)
                } else if let bytes = try plan.rewritten(key, archive: archive, entry: entry) {
                    try writer.addEntry(entry.name, data: bytes)
                    report.rewrittenParts.append(entry.name)
                } else {
                    try writer.copyEntry(entry, from: archive)
                    report.copiedParts.append(entry.name)
                }
            }
            for (name, bytes) in plan.newParts {
                try writer.addEntry(name, data: bytes)
                report.addedParts.append(name)
            }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        return report
    }
}
