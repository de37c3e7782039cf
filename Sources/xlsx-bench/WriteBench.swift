import XLSX

/// Writes the shared workload's shape: ROWS × 10 columns (int, float, pooled string, date,
/// unique string, bool, float, int, pooled string, date-time), as the C floor generates it:
/// an xorshift PRNG, 1,000 pooled Vietnamese strings, dates from 1990, date-times from 2000.
///
///     xlsx-bench write ROWS OUT [--streaming] [--level N] [--threads N]
func writeBench(_ arguments: [String]) throws {
    var positional: [String] = []
    var streaming = false
    var level = ZipWriter.defaultLevel
    var threads = ZipWriter.defaultThreads
    var i = 0
    while i < arguments.count {
        switch arguments[i] {
        case "--streaming": streaming = true
        case "--level":
            i += 1
            guard i < arguments.count, let n = Int(arguments[i]) else { throw XLSXError.invalidOperation("--level needs a number") }
            level = n
        case "--threads":
            i += 1
            guard i < arguments.count, let n = Int(arguments[i]) else { throw XLSXError.invalidOperation("--threads needs a number") }
            threads = n
        default: positional.append(arguments[i])
        }
        i += 1
    }
    guard positional.count == 2, let rows = Int(positional[0]), rows >= 0 else {
        throw XLSXError.invalidOperation("usage: xlsx-bench write ROWS OUT [--streaming] [--level N] [--threads N]")
    }
    let out = positional[1]
    let options = WorkbookWriter.Options(level: level, threads: threads)
    var source = WorkloadRows()
    if streaming {
        let workbook = try StreamingWorkbookWriter(path: out, options: options)
        let sheet = try workbook.addSheet("Data")
        for _ in 0..<rows { try sheet.appendRow(source.next()) }
        try workbook.close()
    } else {
        let workbook = WorkbookWriter(options: options)
        let sheet = try workbook.addSheet("Data")
        for _ in 0..<rows { try sheet.appendRow(source.next()) }
        try workbook.write(to: out)
    }
    print("rows=\(rows) cells=\(rows * 10) streaming=\(streaming) level=\(level) threads=\(threads)")
}

/// The row source of the shared workload (`shared/bench/workload.py`, `c/xlsx_write_floor.c`).
struct WorkloadRows {
    private static let types = ["Trường Tiểu học", "Trường THCS", "Trường THPT", "Trường Mầm non",
                                "Trạm Y tế", "Ủy ban Nhân dân", "Bưu điện văn hóa", "Nhà văn hóa"]
    private static let places = ["xã Ea Kao", "phường Bến Nghé", "xã Cư Êbur", "thị trấn Phước An",
        "xã Hòa Thắng", "phường Thống Nhất", "xã Krông Búk", "xã Đắk Liêng", "phường Tân Lợi", "xã Ea Tu",
        "thị trấn Quảng Phú", "xã Hòa Phú", "phường Khánh Xuân", "xã Ea Nuôl", "xã Đray Bhăng", "phường Tự An",
        "xã Cư Suê", "xã Buôn Triết", "thị trấn Liên Sơn", "xã Yang Mao", "phường Đoàn Kết", "xã Ea Drông",
        "xã Quảng Tiến", "xã Hòa Xuân", "phường An Lạc"]
    private static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                   "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    private static let given = ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Thị Hồng", "Quốc Bảo", "Ngọc Ánh",
                                "Đức Thắng", "Thu Hà", "Hữu Phước", "Mỹ Duyên", "Thanh Tùng", "Kim Oanh"]
    private let pool: [CellValue] = (0..<1000).map { k in
        .string("\(WorkloadRows.types[k % 8]) số \(k / 200 + 1) \(WorkloadRows.places[(k / 8) % 25])")
    }
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var row = 0

    private mutating func random() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func unit() -> Double { Double(random() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    mutating func next() -> [CellValue] {
        row += 1
        let r = row
        let digits = String(r)
        let id = String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        return [
            .number(Double(r)),
            .number(unit() * 1_000_000),
            pool[Int(random() % 1000)],
            .date(ExcelDateTime(serial: Double(32_874 + random() % 15_000), kind: .date)),
            .string("Hồ sơ \(id) – \(WorkloadRows.surnames[r % 16]) \(WorkloadRows.given[r % 12])"),
            .bool(r % 3 == 0),
            .number(unit() * 100 - 50),
            .number(Double(random() % 1_000_000_000)),
            pool[Int(random() % 1000)],
            .date(ExcelDateTime(serial: 36_526 + Double(random() % 800_000_000) / 86_400, kind: .dateTime)),
        ]
    }
}
