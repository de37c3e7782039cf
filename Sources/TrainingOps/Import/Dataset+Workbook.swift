import Foundation
import XLSX

extension Dataset {
    /// The most rows read from one sheet; the office's sheets hold hundreds.
    public static let maxRowsPerSheet = 200_000
    /// The most grid cells (each row as wide as its last cell) built from one sheet: a few
    /// kilobytes of XML can place a cell in column XFD of every row, which would otherwise
    /// cost 16,384 cells per row.
    public static let maxGridCellsPerSheet = 2_000_000

    /// Reads every workbook under `paths` (files and folders, any mix; Excel's `~$` lock files
    /// skipped) with the XLSX reader: every worksheet of every file, any sheet names, several
    /// kinds per workbook. Files that cannot be read are reported, never thrown.
    public static func load(paths: [String]) -> Dataset {
        load(paths: paths, read: grids(of:))
    }

    /// The worksheets of one workbook as grids (rows streamed, empty rows kept as gaps).
    public static func grids(of url: URL) throws -> [SheetGrid] {
        let workbook = try Workbook(path: url.path)
        var grids: [SheetGrid] = []
        for info in workbook.sheets where info.kind == .worksheet {
            var rows: [[CellValue]] = []
            var gridCells = 0
            let reader = try workbook.rows(of: info)
            while let row = try reader.next() {
                guard row.index < maxRowsPerSheet else { break }
                guard let last = row.cells.map(\.reference.column).max() else { continue }
                gridCells += last + 1
                guard gridCells <= maxGridCellsPerSheet else {
                    throw XLSXError.limitExceeded(limit: .cellCount, entry: info.part, value: UInt64(gridCells),
                                                  maximum: UInt64(maxGridCellsPerSheet))
                }
                var cells = Array(repeating: CellValue.empty, count: last + 1)
                for cell in row.cells { cells[cell.reference.column] = cell.value }
                if rows.count < row.index { rows.append(contentsOf: Array(repeating: [], count: row.index - rows.count)) }
                if rows.count == row.index { rows.append(cells) } else if row.index < rows.count { rows[row.index] = cells }
            }
            grids.append(SheetGrid(name: info.name, rows: rows, dateSystem: workbook.dateSystem))
        }
        return grids
    }
}
