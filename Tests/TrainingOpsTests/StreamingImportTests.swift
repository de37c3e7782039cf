import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// Importing sheets as their rows stream in (``Dataset/importSheets(of:file:keepWhole:)``,
/// large sheets decoded on a second thread) gives what reading whole grids and adding them
/// gives: the same records and findings, in the same order.
@Suite struct StreamingImportTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// The dataset of a workbook read the reference way: whole grids, then ``Dataset/add(_:file:)``.
    static func fromGrids(_ url: URL, file: String) throws -> Dataset {
        var data = Dataset()
        for grid in try Dataset.grids(of: url) { data.add(grid, file: file) }
        return data
    }

    /// The dataset of a workbook imported as it streams.
    static func streamed(_ url: URL, file: String) throws -> Dataset {
        var data = Dataset()
        for case .data(let sheet) in try Dataset.importSheets(of: url, file: file) { data.append(sheet) }
        return data
    }

    static func expectSame(_ a: Dataset, _ b: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.courses == b.courses, sourceLocation: sourceLocation)
        #expect(a.units == b.units, sourceLocation: sourceLocation)
        #expect(a.staffAssignments == b.staffAssignments, sourceLocation: sourceLocation)
        #expect(a.trackings == b.trackings, sourceLocation: sourceLocation)
        #expect(a.preChecks == b.preChecks, sourceLocation: sourceLocation)
        #expect(a.sessionReports == b.sessionReports, sourceLocation: sourceLocation)
        #expect(a.opinions == b.opinions, sourceLocation: sourceLocation)
        #expect(a.dailyLogs == b.dailyLogs, sourceLocation: sourceLocation)
        #expect(a.reportLog == b.reportLog, sourceLocation: sourceLocation)
        #expect(a.findings == b.findings, sourceLocation: sourceLocation)
        #expect(a.sheets == b.sheets, sourceLocation: sourceLocation)
        #expect(a.sheets.map(\.dataRows) == b.sheets.map(\.dataRows), sourceLocation: sourceLocation)
    }

    static var sampleFiles: [WorkbookFile] { Dataset.workbookFiles([samples.path]).files }

    @Test func samplesImportAsTheirGrids() throws {
        #expect(Self.sampleFiles.count >= 5)
        for file in Self.sampleFiles {
            let streamed = try Self.streamed(file.url, file: file.name)
            // The report layouts beside the data hold placeholders and import as nothing.
            #expect(streamed.sheets.isEmpty == file.name.hasPrefix("layouts/"), "\(file.name)")
            Self.expectSame(streamed, try Self.fromGrids(file.url, file: file.name))
        }
    }

    /// A workbook with a unit list long enough to be decoded on the second thread, with
    /// faults sprinkled in, a sheet after it, and a settings sheet asked for whole.
    static func writeLargeWorkbook(units: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-stream-\(UUID().uuidString).xlsx")
        let book = WorkbookWriter()
        let plan = try book.addSheet("Bàn giao")
        try plan.appendRow(["Mã khóa", "Tên khóa", "Sản phẩm", "Ngày bắt đầu", "Ngày kết thúc", "Số đơn vị"].map(CellValue.string))
        for c in 0..<40 {
            try plan.appendRow([.string("K-\(c)"), .string("Khóa \(c)"), .string(c % 7 == 0 ? "Tính lươg" : "Kế toán xã"),
                                .string("0\(c % 9 + 1)/12/2026"), .number(46360 + Double(c)), .number(Double(units / 40))])
        }
        let list = try book.addSheet("Danh sách đơn vị")
        try list.appendRow([.string("DANH SÁCH ĐƠN VỊ THAM GIA")])
        try list.appendRow([])
        try list.appendRow(["Mã khóa", "Mã đơn vị", "Tên đơn vị", "Điện thoại", "Email", "Có mặt", "Điểm khảo sát (1-5)", "Cột lạ"]
            .map(CellValue.string))
        for r in 0..<units {
            let phone: CellValue = r % 101 == 0 ? .string("09xx") : r % 3 == 0 ? .number(912_000_000 + Double(r)) : .string("0912 \(100_000 + r)")
            let present: CellValue = r % 89 == 0 ? .string("có lẽ") : r % 2 == 0 ? .string("Có") : .string(" Không ")
            try list.appendRow([.string(r % 997 == 5 ? "" : "k-\(r % 40)"), .string("DV\(r % 1_500)"), .string("Trường \(r)"),
                                phone, .string(r % 53 == 0 ? "sai@" : "dv\(r)@gmail.com"), present,
                                r % 71 == 0 ? .string("năm") : .number(Double(r % 5 + 1)), .string(r % 2 == 0 ? "ghi chú \(r)" : "")])
            if r % 1_000 == 999 { try list.appendRow([]) }
        }
        let settings = try book.addSheet("Cấu hình")
        try settings.appendRow([.string("Khóa"), .string("Giá trị")])
        let tracking = try book.addSheet("Theo dõi")
        try tracking.appendRow(["Mã khóa", "Hợp đồng", "Thanh lý"].map(CellValue.string))
        for c in 0..<50 { try tracking.appendRow([.string("K-\(c)"), .string(c % 4 == 0 ? "Xong" : "Đang lam"), .string("KAD")]) }
        try book.write(to: url.path)
        return url
    }

    @Test(arguments: [Dataset.concurrentDecodingRows - 1, Dataset.concurrentDecodingRows + 1, 9_000])
    func largeSheetsImportAsTheirGrids(units: Int) throws {
        let url = try Self.writeLargeWorkbook(units: units)
        defer { try? FileManager.default.removeItem(at: url) }
        let streamed = try Self.streamed(url, file: "lon.xlsx")
        let grids = try Self.fromGrids(url, file: "lon.xlsx")
        Self.expectSame(streamed, grids)
        #expect(streamed.units.count > units * 9 / 10)
        #expect(streamed.findings.contains { $0.kind == .invalidValue })

        // The repeats among the units of a sheet decoded on the second thread are found there;
        // the checks then give what they give on the grids: K-(r % 40) with DV(r % 1500)
        // comes back every 3,000 rows, each time with another name (a conflict).
        if units >= Dataset.concurrentDecodingRows { #expect(streamed.unitRepeats != nil) }
        var checkedStreamed = streamed, checkedGrids = grids
        checkedStreamed.runChecks()
        checkedGrids.runChecks()
        Self.expectSame(checkedStreamed, checkedGrids)
        let keyed = (0..<units).filter { $0 % 997 != 5 }
        let repeats = keyed.count - Set(keyed.map { "\($0 % 40)|\($0 % 1_500)" }).count
        #expect(checkedStreamed.findings.filter { $0.kind == .conflictingRow }.count == repeats)
        #expect(checkedStreamed.units.count == streamed.units.count - repeats)
        #expect(units < 3_000 || repeats > 0)

        let parts = try Dataset.importSheets(of: url, file: "lon.xlsx", keepWhole: { $0 == "Cấu hình" })
        #expect(parts.count == 4)
        guard parts.count == 4, case .grid(let kept) = parts[2] else { Issue.record("settings sheet not kept whole"); return }
        #expect(kept.name == "Cấu hình")
        #expect(kept.rows.count == 1)
    }

    /// Repeats found in one unit list stand for a joined list only when the other has no units.
    @Test func repeatsFoundAheadLastWhileTheListIsTheirs() {
        let source = SourceRow(file: "a.xlsx", sheet: "Đơn vị", row: 2, columns: [:])
        var scanned = Dataset()
        scanned.units = [Unit(courseId: "K-1", id: "1", source: source), Unit(courseId: "K-1", id: "1", source: source)]
        scanned.unitRepeats = Dataset.unitRepeats(in: scanned.units)
        #expect(scanned.unitRepeats?.pairs.map(\.repeat) == [1])

        var empty = Dataset()
        empty.append(scanned)
        #expect(empty.unitRepeats?.count == 2)
        var other = Dataset()
        other.units = [Unit(courseId: "K-1", id: "1", source: source)]
        other.append(scanned)
        #expect(other.unitRepeats == nil)
        other.runChecks()
        #expect(other.units.count == 1)
        #expect(other.findings.filter { $0.kind == .duplicateRow }.count == 2)

        var changed = scanned
        changed.units.removeLast()
        #expect(changed.unitRepeats == nil)
    }

    /// Appending sheets all at once gives what appending them one by one gives, and a list
    /// that only one sheet has is taken whole (its records keep their storage).
    @Test func appendingSheetsAtOnceAsOneByOne() throws {
        let url = try Self.writeLargeWorkbook(units: 600)
        defer { try? FileManager.default.removeItem(at: url) }
        var parts: [Dataset] = []
        for case .data(let sheet) in try Dataset.importSheets(of: url, file: "a.xlsx") + Dataset.importSheets(of: url, file: "b.xlsx") {
            parts.append(sheet)
        }
        #expect(parts.count == 8)
        var oneByOne = Dataset()
        for part in parts { oneByOne.append(part) }
        var atOnce = Dataset()
        atOnce.append(contentsOf: parts)
        Self.expectSame(atOnce, oneByOne)
        #expect(atOnce.units.count == 2 * parts[1].units.count)

        let single = parts[1]
        let storage = single.units.withUnsafeBufferPointer { $0.baseAddress }
        var taken = Dataset()
        taken.append(contentsOf: [parts[0], single, parts[2]])
        #expect(taken.units.withUnsafeBufferPointer { $0.baseAddress } == storage)
    }

    // MARK: Rows out of order

    /// A one-sheet workbook whose sheet XML lists the rows `order` (1-based) in that order; row
    /// 1 is a unit-list header, every other row a unit.
    static func writeRawWorkbook(order: [Int]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-order-\(UUID().uuidString).xlsx")
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        var rows = ""
        for r in order {
            if r == 1 {
                rows += "<row r=\"1\">" + cell("A1", "Mã khóa") + cell("B1", "Mã đơn vị") + cell("C1", "Tên đơn vị")
                    + cell("D1", "Điện thoại") + cell("E1", "Có mặt") + "</row>"
            } else {
                rows += "<row r=\"\(r)\">" + cell("A\(r)", "K-\(r % 3)") + cell("B\(r)", "DV\(r)") + cell("C\(r)", "Trường \(r)")
                    + cell("D\(r)", "0912 345 \(100 + r % 900)") + cell("E\(r)", r % 5 == 0 ? "???" : "Có") + "</row>"
            }
        }
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook \(ns) xmlns:r=\"\(rel)\"><sheets><sheet name=\"Đơn vị\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>"),
        ]
        let zip = try ZipWriter(path: url.path)
        for (name, text) in parts { try zip.addEntry(name, data: Array(text.utf8)) }
        try zip.finish()
        return url
    }

    static let orders: [[Int]] = [
        Array(1...40),
        [1, 2, 3, 5, 4, 6],                                   // swapped near the top
        [1, 2, 3, 3, 4],                                      // a row given twice: the later one counts
        Array(1...50) + [20] + Array(51...60),                // back to a row already decoded
        Array(1...(Dataset.concurrentDecodingRows + 20)) + [7, Dataset.concurrentDecodingRows + 30], // after the hand-over
        [3, 1, 2],                                            // the header after its rows
    ]

    @Test(arguments: orders)
    func rowsOutOfOrderImportAsTheirGrid(order: [Int]) throws {
        let url = try Self.writeRawWorkbook(order: order)
        defer { try? FileManager.default.removeItem(at: url) }
        let grids = try Self.fromGrids(url, file: "o.xlsx")
        #expect(!grids.units.isEmpty)
        Self.expectSame(try Self.streamed(url, file: "o.xlsx"), grids)
    }

    /// A placeholder far down a long sheet (in the rows the second thread decodes) still
    /// makes the workbook a report layout, which imports as nothing, like a short one.
    @Test(arguments: [10, Dataset.concurrentDecodingRows + 500])
    func aPlaceholderAnywhereMakesALayout(row: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taphuan-layout-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let book = WorkbookWriter()
        let list = try book.addSheet("Danh sách đơn vị")
        try list.appendRow(["Mã khóa", "Mã đơn vị", "Tên đơn vị"].map(CellValue.string))
        for r in 1...(Dataset.concurrentDecodingRows + 600) {
            try list.appendRow([.string("K-1"), .string("DV\(r)"), .string(r == row ? "Trường {{unit.name}}" : "Trường \(r)")])
        }
        try book.write(to: url.path)
        #expect(try Dataset.importSheets(of: url, file: "a.xlsx").isEmpty)
        #expect(try Dataset.grids(of: url).isEmpty)
    }

    @Test func loadReadsAsValidateDoes() throws {
        let loaded = Dataset.load(paths: [Self.samples.path])
        var reference = Dataset()
        for file in Self.sampleFiles { reference.append(try Self.fromGrids(file.url, file: file.name)) }
        reference.runChecks()
        Self.expectSame(loaded, reference)
    }
}
