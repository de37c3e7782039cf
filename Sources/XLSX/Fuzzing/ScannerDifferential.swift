/// Reads a package's sheets by both paths of ``SheetPartReader`` — the scanner with libxml2
/// around it, and libxml2 alone — and says where they differ. What is compared: every raw cell
/// (position, type, style, formula flag, value bytes) and the error that ends the visit; every
/// streamed row (index, height, hidden, cells with values and formulas) and its error; the
/// whole-sheet model (rows, metadata, notes, the cell limit) and its error.
///
/// The fuzz target `sheet-scanner` and `ScannerDifferentialTests` (the corpus and every
/// difference ever found) run it.
enum ScannerDifferential {
    /// The two readings differ (a bug of the scanner).
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// The first difference between the two readings, or nil when they agree.
    /// `chunkSize` overrides the inflate chunk (small ones cut units across chunks).
    static func difference(_ archive: ZipArchive, chunkSize: Int? = nil) -> String? {
        let scanned = transcript(archive, scanning: true, chunkSize: chunkSize)
        let parsed = transcript(archive, scanning: false, chunkSize: chunkSize)
        if scanned == parsed { return nil }
        for (i, (a, b)) in zip(scanned, parsed).enumerated() where a != b {
            return "line \(i + 1): scanner \(a.prefix(400)) | libxml2 \(b.prefix(400))"
        }
        return "scanner gave \(scanned.count) lines, libxml2 \(parsed.count)"
    }

    /// Whether the scanner read every sheet of the package without giving it back to libxml2.
    static func scannerReadsAll(_ archive: ZipArchive) -> Bool {
        guard let workbook = try? Workbook(archive: archive, path: nil) else { return false }
        for info in workbook.sheets {
            guard let reader = try? workbook.rows(of: info) else { return false }
            while (try? reader.next()) != nil {}
            if reader.fellBack { return false }
        }
        return true
    }

    /// One line per event and per outcome of reading every sheet (the first eight) three ways.
    static func transcript(_ archive: ZipArchive, scanning: Bool, chunkSize: Int? = nil) -> [String] {
        var lines: [String] = []
        let workbook: Workbook
        do {
            workbook = try Workbook(archive: archive, path: nil)
        } catch {
            return ["open: \(error)"]
        }
        workbook.scansSheets = scanning
        workbook.sheetChunkSize = chunkSize
        for info in workbook.sheets.prefix(8) {
            lines.append("sheet \(info.name)")
            do {
                let metadata = try workbook.forEachRawCell(in: info) { cell in
                    lines.append("raw \(cell.row),\(cell.column) \(cell.type) s\(cell.styleIndex) f\(cell.hasFormula) \(Array(cell.bytes)) \(String(describing: cell.number))")
                }
                lines.append("raw metadata \(describe(metadata))")
            } catch {
                lines.append("raw error \(error)")
            }
            do {
                let reader = try workbook.rows(of: info)
                while let row = try reader.next() {
                    lines.append("row \(row.index) \(String(describing: row.height)) \(row.hidden) \(row.cells.map { "\($0.reference)=\($0.value)/\($0.styleIndex)" })")
                }
                lines.append("rows metadata \(describe(reader.metadata))")
            } catch {
                lines.append("rows error \(error)")
            }
            do {
                let sheet = try workbook.sheet(info)
                lines.append("sheet \(sheet.rows.count) rows, \(sheet.cellCount) cells, \(String(describing: sheet.dimension))")
                lines.append("sheet notes \(sheet.notes.sorted { $0.key.description < $1.key.description }.map { "\($0.key)=\($0.value)" })")
            } catch {
                lines.append("sheet error \(error)")
            }
        }
        return lines
    }

    /// A description of any value with dictionaries' entries sorted, so equal values read alike.
    static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            return "[" + mirror.children.map { describe($0.value) }.sorted().joined(separator: ", ") + "]"
        case .struct, .class, .tuple:
            if mirror.children.isEmpty { return String(describing: value) }
            return "(" + mirror.children.map { "\($0.label ?? ""): \(describe($0.value))" }.joined(separator: ", ") + ")"
        case .optional:
            return mirror.children.first.map { "some(" + describe($0.value) + ")" } ?? "nil"
        case .enum:
            if mirror.children.isEmpty { return String(describing: value) }
            return "\(value)".prefix { $0 != "(" } + "(" + mirror.children.map { describe($0.value) }.joined(separator: ", ") + ")"
        case .collection, .set:
            let items = mirror.children.map { describe($0.value) }
            return "[" + (mirror.displayStyle == .set ? items.sorted() : items).joined(separator: ", ") + "]"
        default:
            return String(describing: value)
        }
    }
}
