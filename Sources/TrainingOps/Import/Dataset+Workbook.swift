import Foundation
import XLSX

/// One worksheet of a workbook once imported.
public enum ImportedSheet: Sendable {
    /// A sheet asked for whole (the settings sheet), as a grid.
    case grid(SheetGrid)
    /// The records, findings and recognised header of any other sheet.
    case data(Dataset)
}

extension Dataset {
    /// The most rows read from one sheet; the office's sheets hold hundreds.
    public static let maxRowsPerSheet = 200_000
    /// The most grid cells (each row as wide as its last cell) read from one sheet: a few
    /// kilobytes of XML can place a cell in column XFD of every row, which would otherwise
    /// cost 16,384 cells per row.
    public static let maxGridCellsPerSheet = 2_000_000

    /// Rows a sheet must reach before its decoding moves to a thread of its own, overlapping
    /// the reading of the next rows: smaller sheets are decoded where they are read.
    static let concurrentDecodingRows = 256

    /// The records of every workbook under `paths` (files and folders, any mix; Excel's `~$`
    /// lock files skipped), merged, with the cross-sheet checks run: the `data` of
    /// ``OfficeCheck/load(_:options:)``, with files that cannot be read, or paths that do not
    /// exist, reported as findings instead of thrown. To run the rules use ``OfficeCheck``, which
    /// also applies the "Cấu hình" sheets these workbooks hold.
    public static func load(paths: [String]) -> Dataset {
        var options = OfficeCheck.Options()
        options.unreadableFiles = .report
        // The folders are walked once: the files found go to the pipeline as they are.
        let (files, missing) = workbookFiles(paths)
        var data = Dataset()
        do {
            if !files.isEmpty { data = try OfficeCheck.load(files: files, options: options).data }
        } catch {
            data.findings.append(ImportFinding(.unreadableFile, file: paths.joined(separator: ", "), message: error.vi, messageEnglish: error.en))
        }
        data.findings = missing + data.findings
        return data
    }

    /// Imports every worksheet of the workbook at `url`, in order, as its rows stream from the
    /// reader: each sheet is recognised from its top rows and its data rows decoded as they
    /// come, never held as a whole. A large sheet is decoded on a second thread while the
    /// reader goes on. Sheets whose name `keepWhole` accepts are returned as grids instead.
    ///
    /// Gives what ``grids(of:)`` followed by ``add(_:file:)`` per sheet gives (cross-sheet
    /// checks not included); throws what ``grids(of:)`` throws.
    public static func importSheets(of url: URL, file: String, keepWhole: (String) -> Bool = { _ in false },
                                    vocabulary: ColumnVocabulary = .standard) throws -> [ImportedSheet] {
        let workbook = try Workbook(path: url.path)
        let worksheets = workbook.sheets.filter { $0.kind == .worksheet }
        var sheets = [ImportedSheet?](repeating: nil, count: worksheets.count)
        var worker: DecodingThread?
        defer { worker?.stop() }
        // A report layout (placeholders on any sheet) is not data, its other sheets included.
        var layout = false
        for (i, info) in worksheets.enumerated() {
            if keepWhole(info.name) {
                let whole = try grid(of: info, in: workbook)
                if whole.isLayout { layout = true }
                sheets[i] = .grid(whole)
                continue
            }
            var importer: SheetImporter? = SheetImporter(name: info.name, file: file, dateSystem: workbook.dateSystem, vocabulary: vocabulary)
            var handedOver = false
            var rows = 0, last = -1, gridCells = 0
            var inOrder = true
            let reader = try workbook.rows(of: info)
            while let row = try reader.next() {
                guard row.index < maxRowsPerSheet else { break }
                guard !row.cells.isEmpty else { continue }
                try countGridCells(of: row, &gridCells, info)
                guard row.index > last else { inOrder = false; break }
                last = row.index
                rows += 1
                if handedOver {
                    // The decoding thread looks for placeholders in the rows it is sent.
                    worker?.send(row)
                    continue
                }
                if !layout, row.cells.contains(where: { $0.value.isPlaceholder }) { layout = true }
                if let cells = denseCells(of: row) { importer?.add(row: row.index, cells: cells) }
                if rows >= concurrentDecodingRows, let taken = importer {
                    if worker == nil { worker = DecodingThread() }
                    worker?.begin(sheet: i, taken)
                    importer = nil
                    handedOver = true
                }
            }
            if !inOrder {
                // Rows out of order: read the sheet again as a grid, which places each row by its index.
                if handedOver { worker?.abandon() }
                var whole = Dataset()
                let sheetGrid = try grid(of: info, in: workbook)
                if sheetGrid.isLayout { layout = true }
                whole.add(sheetGrid, file: file, vocabulary: vocabulary)
                sheets[i] = .data(whole)
            } else if handedOver {
                worker?.end(merges: reader.metadata.mergedRanges)
            } else if var importer {
                sheets[i] = .data(importer.finish(merges: reader.metadata.mergedRanges))
            }
        }
        if let worker {
            let (decoded, sawPlaceholder) = worker.finish()
            for (i, data) in decoded { sheets[i] = .data(data) }
            if sawPlaceholder { layout = true }
        }
        return layout ? [] : sheets.compactMap { $0 }
    }

    /// The worksheets of one workbook as grids (rows streamed, empty rows kept as gaps); none
    /// for a report layout, a workbook with `{{placeholders}}` (``SheetGrid/isLayout``).
    public static func grids(of url: URL) throws -> [SheetGrid] {
        let workbook = try Workbook(path: url.path)
        let grids = try workbook.sheets.filter { $0.kind == .worksheet }.map { try grid(of: $0, in: workbook) }
        return grids.contains(where: \.isLayout) ? [] : grids
    }

    /// One worksheet as a grid: row `i` at index `i`, a later row with the same index
    /// replacing the earlier one.
    static func grid(of info: SheetInfo, in workbook: Workbook) throws -> SheetGrid {
        var rows: [[CellValue]] = []
        var gridCells = 0
        let reader = try workbook.rows(of: info)
        while let row = try reader.next() {
            guard row.index < maxRowsPerSheet else { break }
            try countGridCells(of: row, &gridCells, info)
            guard let cells = denseCells(of: row) else { continue }
            if rows.count < row.index { rows.append(contentsOf: Array(repeating: [], count: row.index - rows.count)) }
            if rows.count == row.index { rows.append(cells) } else if row.index < rows.count { rows[row.index] = cells }
        }
        var grid = SheetGrid(name: info.name, rows: rows, dateSystem: workbook.dateSystem)
        grid.merges = reader.metadata.mergedRanges
        return grid
    }

    /// Adds the row's grid width (its last column + 1) to `total`; past
    /// ``maxGridCellsPerSheet`` the sheet is refused with `limitExceeded(cellCount)`.
    static func countGridCells(of row: Row, _ total: inout Int, _ info: SheetInfo) throws {
        var last = -1
        for cell in row.cells where cell.reference.column > last { last = cell.reference.column }
        total += last + 1
        guard total <= maxGridCellsPerSheet else {
            throw XLSXError.limitExceeded(limit: .cellCount, entry: info.part, value: UInt64(total), maximum: UInt64(maxGridCellsPerSheet))
        }
    }

    /// A row's values indexed by column (`.empty` between them), `nil` for a row without cells.
    static func denseCells(of row: Row) -> [CellValue]? {
        guard var last = row.cells.first?.reference.column else { return nil }
        for cell in row.cells where cell.reference.column > last { last = cell.reference.column }
        var cells = Array(repeating: CellValue.empty, count: last + 1)
        for cell in row.cells { cells[cell.reference.column] = cell.value }
        return cells
    }
}
