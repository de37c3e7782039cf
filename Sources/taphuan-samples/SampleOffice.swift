import TrainingOps
import XLSX

/// One line of the answer key: a planted fault (or a boundary case that must not fire).
struct KeyEntry {
    var rule: String
    var courseId: String?
    var place: Place
    var note: String
    /// False for boundary cases planted to prove a rule does *not* fire.
    var fires: Bool = true
}

/// Where a key entry points: a record's cell, resolved once the sheets are laid out.
enum Place {
    /// The cell of `key` on the row of record `index` of `kind`.
    case cell(SheetType, Int, String)
    /// A sheet as a whole (something missing from it).
    case sheet(SheetType, team: Int?)
}

/// The realistic office of the samples: three deployment teams, six weeks of courses up to the
/// as-of moment (Saturday 28/11/2026 09:00), a few courses planned ahead, and every sheet of
/// the process, with process and form faults planted where the answer key says.
struct SampleOffice {
    static let asOf = LocalMoment(LocalDate(2026, 11, 28), LocalTime(9, 0))
    static let firstMonday = LocalDate(2026, 10, 19)

    struct Team {
        var name: String
        var lead: String
        var staff: [String]
    }

    var r = SampleRandom(seed: 2026_11_28)
    var teams: [Team] = []
    var sellers = ["Nguyễn Văn Thịnh", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc"]
    let head = "Nguyễn Thị Thu Hà"

    var courses: [Course] = []
    var courseTeam: [Int] = []
    var units: [Unit] = []
    var phoneTyped: [Int: String] = [:]
    var staff: [StaffAssignment] = []
    var trackings: [CourseTracking] = []
    var preChecks: [PreCheck] = []
    var sessions: [SessionReport] = []
    /// Courses whose first session's report is left out (with no quick report either).
    var noFirstSessionReport: Set<String> = []
    var opinions: [Opinion] = []
    var dailyLogs: [DailyLog] = []
    var reports: [ReportLogEntry] = []

    var key: [KeyEntry] = []
    /// Raw cell values replacing the rendered ones: form faults.
    var overrides: [String: CellValue] = [:]
    /// Expected import findings (kind raw value, kind of sheet, record index, column key).
    var expectedImport: [(kind: ImportFinding.Kind, sheet: SheetType, index: Int, column: String?, note: String)] = []
    /// Rows repeated verbatim on the sheet (record index of `kind`).
    var repeatedUnitRows: [Int] = []

    static let nowhere = SourceRow(file: "", sheet: "", row: 0, columns: [:])

    static func overrideKey(_ kind: SheetType, _ index: Int, _ column: String) -> String { "\(kind.rawValue)#\(index)#\(column)" }

    init() {
        teams = [
            Team(name: "Nhóm 1", lead: "Trần Minh Đức", staff: ["Lê Văn Hậu", "Phạm Thị Kiều Oanh", "Võ Thành Trung", "Đặng Ngọc Ánh"]),
            Team(name: "Nhóm 2", lead: "Lê Thị Hồng Nhung", staff: ["Huỳnh Tấn Phát", "Nguyễn Thị Diệu Linh", "Bùi Quang Vinh", "Hồ Thị Thanh Tâm"]),
            Team(name: "Nhóm 3", lead: "Phạm Quốc Bảo", staff: ["Ngô Văn Lực", "Dương Thị Mỹ Duyên", "Trương Công Khánh", "Lý Thị Ngọc Hân"]),
        ]
        planCourses()
        plantScheduleFaults()
        assignStaff()
        makeUnits()
        makeTracking()
        makePreChecks()
        makeSessions()
        makeOpinions()
        makeDailyLogs()
        makeReportLog()
        plantFormFaults()
    }

    // MARK: - Courses

    static let productCodes: [(Product, String)] = [
        (.payroll, "TL"), (.salaryBudget, "DTL"), (.publicAccounting, "HCSN"), (.communeAccounting, "XA"),
        (.assetManagement, "TS"), (.eInvoice, "HD"),
    ]

    func leadDays(_ p: Product?) -> Int { p == .payroll || p == .salaryBudget ? 30 : 10 }

    var asOfDate: LocalDate { Self.asOf.date }

    mutating func addCourse(team: Int, start: LocalDate, days: Int, product: Product, mode: TrainingMode) {
        let code = Self.productCodes.first { $0.0 == product }?.1 ?? "KH"
        let seq = courses.filter { $0.id.hasPrefix(code + "-") }.count + 1
        let id = "\(code)-\(String(start.year).suffix(2))\(two(start.month))-\(two(seq))"
        let district = Names.districts[(courses.count * 7 + team) % Names.districts.count]
        var c = Course(id: id, source: Self.nowhere)
        let schoolProducts: [Product] = [.payroll, .salaryBudget, .publicAccounting]
        let agency = schoolProducts.contains(product) ? "Phòng GD&ĐT \(district.name)" : "Phòng TC-KH \(district.name)"
        c.name = "Tập huấn \(product.label) cho đơn vị thuộc \(agency)"
        c.product = product
        c.agency = agency
        c.mode = mode
        c.venue = mode == .online ? "https://zoom.us/j/\(8_000_000_000 + r.int(100_000_000...999_999_999))"
            : r.pick(["Hội trường UBND huyện \(district.name)", "Phòng máy Trường THCS \(district.communes[0])",
                      "Trung tâm Chính trị huyện \(district.name)", "Phòng họp \(agency)"])
        c.startDate = start
        c.endDate = start.adding(days: days - 1)
        c.unitCount = r.int(14...28)
        c.handedOverBy = sellers[(courses.count + team) % sellers.count]
        let lead = leadDays(product) + r.int(2...9)
        let handover = start.adding(days: -lead)
        c.handoverDate = r.chance(0.5) ? LocalMoment(handover, LocalTime(r.int(8...16), r.pick([0, 15, 30, 45]))) : LocalMoment(handover)
        c.team = teams[team].name
        c.teamLead = teams[team].lead
        c.scheduleConfirmed = handover.adding(days: r.int(1...2))
        courses.append(c)
        courseTeam.append(team)
    }

    mutating func planCourses() {
        let products: [Product] = [.payroll, .salaryBudget, .publicAccounting, .communeAccounting, .assetManagement, .eInvoice,
                                   .payroll, .publicAccounting, .salaryBudget, .communeAccounting]
        var n = 0
        for week in 0..<6 {
            let monday = Self.firstMonday.adding(days: 7 * week)
            for team in 0..<3 {
                let count = (week + team) % 3 == 0 ? 1 : 2
                var day = r.int(0...1)
                for _ in 0..<count {
                    let start = monday.adding(days: day)
                    let length = start.isoWeekday >= 5 ? 1 : r.int(1...2)
                    addCourse(team: team, start: start, days: length, product: products[n % products.count],
                              mode: n % 3 == 2 ? .online : .inPerson)
                    n += 1
                    day += length + r.int(0...1)
                    if day > 4 { break }
                }
            }
        }
        // Planned ahead: next weeks, handed over already.
        let ahead: [(Int, LocalDate, Int, Product, TrainingMode)] = [
            (0, LocalDate(2026, 11, 30), 2, .publicAccounting, .inPerson),
            (1, LocalDate(2026, 12, 1), 1, .eInvoice, .online),
            (2, LocalDate(2026, 12, 3), 2, .communeAccounting, .inPerson),
            (0, LocalDate(2026, 12, 8), 2, .assetManagement, .inPerson),
            (1, LocalDate(2026, 12, 10), 1, .payroll, .online),
            (2, LocalDate(2026, 12, 15), 2, .salaryBudget, .inPerson),
        ]
        for (team, start, days, product, mode) in ahead {
            addCourse(team: team, start: start, days: days, product: product, mode: mode)
        }
    }

    /// Faults of the course plan itself, planted before staff are booked.
    mutating func plantScheduleFaults() {
        // A Sunday course and one on New Year's Day (a public holiday).
        addCourse(team: 1, start: LocalDate(2026, 11, 15), days: 1, product: .eInvoice, mode: .online)
        key.append(KeyEntry(rule: "COURSE_ON_NON_WORKING_DAY", courseId: courses.last?.id, place: .cell(.handover, courses.count - 1, "startDate"),
                            note: "Khóa học vào Chủ nhật 15/11/2026."))
        addCourse(team: 2, start: LocalDate(2027, 1, 1), days: 1, product: .assetManagement, mode: .inPerson)
        courses[courses.count - 1].handoverDate = LocalMoment(LocalDate(2026, 11, 20), LocalTime(10, 30))
        courses[courses.count - 1].scheduleConfirmed = LocalDate(2026, 11, 23)
        key.append(KeyEntry(rule: "COURSE_ON_NON_WORKING_DAY", courseId: courses.last?.id, place: .cell(.handover, courses.count - 1, "startDate"),
                            note: "Khóa học vào Tết Dương lịch 01/01/2027 (ngày nghỉ lễ)."))
    }
}
