import Foundation
import TrainingOps
import XLSX

/// One sheet of a sample workbook, laid out: title rows, header, data, and where each record sits.
struct SampleSheet {
    var kind: SheetType
    var name: String
    /// Rows above the header (titles, banners), and the ranges merged among them.
    var titleRows: [[CellValue]] = []
    var merges: [CellRange] = []
    var headers: [String] = []
    /// The column key of each header (`nil` for a column outside the schema).
    var keys: [String?] = []
    var rows: [[CellValue]] = []
    /// 1-based sheet row of each record index of `kind` placed here.
    var recordRows: [Int: Int] = [:]

    /// 1-based row of the header.
    var headerRow: Int { titleRows.count + 1 }

    /// Every row, titles first: what the workbook holds.
    var allRows: [[CellValue]] { titleRows + [headers.map { .string($0) }] + rows }

    /// The cell of `key` for record `index`, as `D7`.
    func cell(_ index: Int, _ key: String) -> String? {
        guard let row = recordRows[index], let column = keys.firstIndex(of: key) else { return nil }
        return CellReference.columnName(column) + String(row)
    }
}

/// A sample workbook: a path under `samples/` and its sheets.
struct SampleWorkbook {
    var path: String
    var sheets: [SampleSheet]
}

/// How one team writes its cells.
struct Conventions: Sendable {
    var yes: String
    var no: String
    var textDates: Bool
    var percent: @Sendable (Double) -> CellValue

    static let byTeam: [Conventions] = [
        Conventions(yes: "Có", no: "Không", textDates: false, percent: { .string("\(Int(($0 * 100).rounded()))%") }),
        Conventions(yes: "x", no: "Không", textDates: true, percent: { .number($0) }),
        Conventions(yes: "C", no: "K", textDates: false, percent: { .number(($0 * 100).rounded()) }),
    ]
}

extension SampleOffice {
    /// The handover sheets' header spellings for team 3: without diacritics.
    static func plain(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedScalars.filter { !(0x300...0x36F).contains($0.value) }))
    }

    func teamOf(_ courseId: String?) -> Int {
        guard let id = courseId, let i = courses.firstIndex(where: { $0.id == id }) else { return 0 }
        return courseTeam[i]
    }

    /// Lays every record out into workbooks.
    func workbooks() -> [SampleWorkbook] {
        var handover: [SampleSheet] = []
        for (t, team) in teams.enumerated() {
            var s = sheet(.handover, name: team.name, records: courses.indices.filter { courseTeam[$0] == t }, team: t,
                          spell: t == 2 ? Self.plain : { $0 })
            let width = s.headers.count
            s.titleRows = [
                [.string("VĂN PHÒNG MISA ĐÀ NẴNG — PHÒNG HÀNH CHÍNH SỰ NGHIỆP")],
                [.string("BẢNG BÀN GIAO KẾ HOẠCH TRIỂN KHAI — \(team.name.uppercased())")],
                [],
            ]
            s.merges = [CellRange(CellReference(row: 0, column: 0)!, CellReference(row: 0, column: width - 1)!),
                        CellRange(CellReference(row: 1, column: 0)!, CellReference(row: 1, column: width - 1)!)]
            shift(&s)
            handover.append(s)
        }
        var books = [SampleWorkbook(path: "Ban giao ke hoach.xlsx", sheets: handover)]
        for (t, team) in teams.enumerated() {
            var records = units.indices.filter { teamOf(units[$0].courseId) == t }
            if t == 0 { records.insert(records[7], at: 8) }
            let list = sheet(.units, name: "DS đơn vị", records: records, team: t,
                             spell: t == 2 ? { $0.decomposedStringWithCanonicalMapping } : { $0 })
            books.append(SampleWorkbook(path: "Danh sach don vi/\(Self.plain(team.name)) - DS don vi.xlsx", sheets: [list]))
        }
        for (t, team) in teams.enumerated() {
            var tracking = sheet(.tracking, name: "Theo dõi", records: trackings.indices.filter { teamOf(trackings[$0].courseId) == t }, team: t)
            if t == 0 {
                tracking.headers.append("Người nhập")
                tracking.keys.append(nil)
                for k in tracking.rows.indices { tracking.rows[k].append(.string(team.lead)) }
            }
            books.append(SampleWorkbook(path: "\(Self.plain(team.name)) - Trien khai.xlsx", sheets: [
                sheet(.staffPlan, name: "Nhân sự", records: staff.indices.filter { teamOf(staff[$0].courseId) == t }, team: t),
                tracking,
                sheet(.preCheck, name: "Chuẩn bị", records: preChecks.indices.filter { teamOf(preChecks[$0].courseId) == t }, team: t),
                sheet(.sessionReport, name: "Báo cáo buổi", records: sessions.indices.filter { teamOf(sessions[$0].courseId) == t }, team: t),
            ]))
        }
        books.append(SampleWorkbook(path: "Kien nghi va bao cao tuan.xlsx", sheets: [
            sheet(.opinions, name: "Kiến nghị", records: Array(opinions.indices), team: 0),
            sheet(.reportLog, name: "Nhật ký BC", records: Array(reports.indices), team: 0),
        ]))
        books.append(SampleWorkbook(path: "Cong viec ngoai TH.xlsx", sheets: [
            sheet(.dailyLog, name: "Tháng 10-11", records: Array(dailyLogs.indices), team: 2),
        ]))
        return books
    }

    /// Moves the record rows below the title rows.
    func shift(_ s: inout SampleSheet) {
        for (k, v) in s.recordRows { s.recordRows[k] = v + s.titleRows.count }
    }

    func sheet(_ kind: SheetType, name: String, records: [Int], team: Int, spell: (String) -> String = { $0 }) -> SampleSheet {
        let schema = kind.schema
        var s = SampleSheet(kind: kind, name: name)
        s.headers = schema.columns.map { spell($0.header) }
        s.keys = schema.columns.map(\.key)
        let conventions = Conventions.byTeam[team]
        for index in records {
            s.rows.append(schema.columns.map { column in
                overrides[Self.overrideKey(kind, index, column.key)] ?? render(value(kind, index, column.key), conventions)
            })
            if s.recordRows[index] == nil { s.recordRows[index] = s.rows.count + 1 }
        }
        return s
    }

    func render(_ v: Any?, _ c: Conventions) -> CellValue {
        switch v {
        case nil: return .empty
        case let s as String: return .string(s)
        case let n as Int: return .number(Double(n))
        case let b as Bool: return .string(b ? c.yes : c.no)
        case let d as LocalDate:
            return c.textDates ? .string(d.vietnamese) : .date(ExcelDateTime(LocalMoment(d).components, kind: .date))
        case let m as LocalMoment:
            if c.textDates {
                guard let t = m.time else { return .string(m.date.vietnamese) }
                return .string(m.date.vietnamese + " " + (t.minute == 0 ? "\(t.hour)h" : "\(t.hour)h\(two(t.minute))"))
            }
            return .date(ExcelDateTime(m.components, kind: m.time == nil ? .date : .dateTime))
        case let w as Week:
            let (y, n) = w.isoYearAndNumber
            return .string("Tuần \(n)/\(y)")
        case let p as Percent: return c.percent(p.value)
        case let d as Double: return .number(d)
        case let v as any Vocabulary: return .string(v.label)
        case let a as PreCheck.Answer:
            switch a {
            case .yesNo(let b): return .string(b ? c.yes : c.no)
            case .count(let n): return .number(Double(n))
            case .text(let t): return .string(t)
            }
        default: return .string(v.map { "\($0)" } ?? "")
        }
    }

    /// A share to be written in the team's percent style.
    struct Percent { var value: Double }
}
