import XLSX

/// How a course is held.
public enum TrainingMode: String, Vocabulary, Codable {
    /// In person, in a computer room or hall.
    case inPerson
    /// Online, over Zoom.
    case online

    /// The Vietnamese label.
    public var label: String { self == .inPerson ? "Trực tiếp" : "Trực tuyến" }
    /// The English label.
    public var englishLabel: String { self == .inPerson ? "In person" : "Online" }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .inPerson: return ["In person", "Offline", "Tập trung", "Tại chỗ", "Trực tiếp tại đơn vị", "TT trực tiếp"]
        case .online: return ["Online", "Zoom", "Qua Zoom", "Từ xa", "Trực tuyến Zoom", "TT trực tuyến"]
        }
    }
}

/// Half of a training day: a session report is sent at the start of each.
public enum SessionPart: String, Vocabulary, Codable, Comparable {
    /// Morning.
    case morning
    /// Afternoon.
    case afternoon

    /// The Vietnamese label.
    public var label: String { self == .morning ? "Sáng" : "Chiều" }
    /// The English label.
    public var englishLabel: String { self == .morning ? "Morning" : "Afternoon" }
    /// Accepted spellings.
    public var variants: [String] {
        self == .morning ? ["Buổi sáng", "S", "AM", "Morning", "SA"] : ["Buổi chiều", "C", "PM", "Afternoon", "CH"]
    }
    /// Morning before afternoon.
    public static func < (a: SessionPart, b: SessionPart) -> Bool { a == .morning && b == .afternoon }
}

/// The software a course trains on; payroll and salary budgeting need the longer lead time.
public enum Product: String, Vocabulary, Codable {
    /// Tính lương: payroll.
    case payroll
    /// DT lương (dự toán lương): salary budgeting.
    case salaryBudget
    /// Kế toán hành chính sự nghiệp (MISA Mimosa).
    case publicAccounting
    /// Kế toán xã (MISA Bamboo).
    case communeAccounting
    /// Quản lý tài sản công (MISA QLTS).
    case assetManagement
    /// Hóa đơn điện tử (MISA meInvoice).
    case eInvoice
    /// Thu phí, lệ phí / quản lý trường học and any other product.
    case other

    /// The Vietnamese label.
    public var label: String {
        switch self {
        case .payroll: return "Tính lương"
        case .salaryBudget: return "DT lương"
        case .publicAccounting: return "Kế toán HCSN"
        case .communeAccounting: return "Kế toán xã"
        case .assetManagement: return "Quản lý tài sản"
        case .eInvoice: return "Hóa đơn điện tử"
        case .other: return "Khác"
        }
    }
    /// The English label.
    public var englishLabel: String {
        switch self {
        case .payroll: return "Payroll"
        case .salaryBudget: return "Salary budget"
        case .publicAccounting: return "Public-sector accounting"
        case .communeAccounting: return "Commune accounting"
        case .assetManagement: return "Asset management"
        case .eInvoice: return "E-invoice"
        case .other: return "Other"
        }
    }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .payroll: return ["Lương", "Phần mềm tính lương", "MISA Tính lương", "Payroll", "TL"]
        case .salaryBudget: return ["Dự toán lương", "DT luong", "Lập dự toán lương", "Salary budget", "DTL", "D.T lương"]
        case .publicAccounting: return ["Mimosa", "MISA Mimosa", "Mimosa.NET", "Kế toán hành chính sự nghiệp", "KT HCSN"]
        case .communeAccounting: return ["Bamboo", "MISA Bamboo", "Bamboo.NET", "Kế toán ngân sách xã", "KT xã"]
        case .assetManagement: return ["QLTS", "MISA QLTS", "Quản lý tài sản công", "Tài sản"]
        case .eInvoice: return ["meInvoice", "MISA meInvoice", "Hóa đơn ĐT", "HĐĐT", "E-invoice"]
        case .other: return ["Other", "Sản phẩm khác"]
        }
    }
}

/// A deployment staff member's part in a course.
public enum StaffRole: String, Vocabulary, Codable {
    /// Leads the teaching.
    case trainer
    /// Assists in the room or on Zoom.
    case assistant
    /// Technical support: accounts, data, connections.
    case support

    /// The Vietnamese label.
    public var label: String {
        switch self {
        case .trainer: return "Giảng viên"
        case .assistant: return "Trợ giảng"
        case .support: return "Hỗ trợ"
        }
    }
    /// The English label.
    public var englishLabel: String {
        switch self {
        case .trainer: return "Trainer"
        case .assistant: return "Assistant"
        case .support: return "Support"
        }
    }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .trainer: return ["Giảng viên chính", "GV", "GV chính", "Trainer", "Đứng lớp"]
        case .assistant: return ["TG", "Assistant", "Trợ giảng viên"]
        case .support: return ["Hỗ trợ kỹ thuật", "HTKT", "Support", "Kỹ thuật"]
        }
    }
}

/// Where a contract, liquidation or debt collection stands.
public enum PaperworkStatus: String, Vocabulary, Codable {
    /// Not started.
    case notStarted
    /// Under way.
    case inProgress
    /// Closed.
    case done
    /// Not needed for this course.
    case notApplicable

    /// The Vietnamese label.
    public var label: String {
        switch self {
        case .notStarted: return "Chưa làm"
        case .inProgress: return "Đang làm"
        case .done: return "Xong"
        case .notApplicable: return "Không áp dụng"
        }
    }
    /// The English label.
    public var englishLabel: String {
        switch self {
        case .notStarted: return "Not started"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .notApplicable: return "Not applicable"
        }
    }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .notStarted: return ["Chưa", "Chưa thực hiện", "Not started", "No"]
        case .inProgress: return ["Đang xử lý", "Đang thực hiện", "In progress"]
        case .done: return ["Đã xong", "Hoàn thành", "Đã hoàn thành", "Đã ký", "Đã thanh lý", "Đã thu", "Done", "Yes", "Có", "x", "✓"]
        case .notApplicable: return ["KAD", "Không", "N/A", "NA", "-"]
        }
    }
    /// True once nothing is left to do.
    public var isClosed: Bool { self == .done || self == .notApplicable }
}

/// What a recorded opinion or issue threatens.
public enum OpinionImpact: String, Vocabulary, Codable {
    /// Sales.
    case sales
    /// Debt collection.
    case debtCollection
    /// Neither.
    case other

    /// The Vietnamese label.
    public var label: String {
        switch self {
        case .sales: return "Doanh số"
        case .debtCollection: return "Thu nợ"
        case .other: return "Khác"
        }
    }
    /// The English label.
    public var englishLabel: String {
        switch self {
        case .sales: return "Sales"
        case .debtCollection: return "Debt collection"
        case .other: return "Other"
        }
    }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .sales: return ["DS", "Sales", "Bán hàng"]
        case .debtCollection: return ["Công nợ", "Debt", "Thu hồi công nợ"]
        case .other: return ["Other", "Không"]
        }
    }
}

/// Where a recorded opinion stands.
public enum OpinionStatus: String, Vocabulary, Codable {
    /// Recorded, nobody on it yet.
    case new
    /// Being handled.
    case inProgress
    /// Handled.
    case done
    /// Closed without action (duplicate, out of scope).
    case dropped

    /// The Vietnamese label.
    public var label: String {
        switch self {
        case .new: return "Mới"
        case .inProgress: return "Đang xử lý"
        case .done: return "Đã xử lý"
        case .dropped: return "Không xử lý"
        }
    }
    /// The English label.
    public var englishLabel: String {
        switch self {
        case .new: return "New"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .dropped: return "Dropped"
        }
    }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .new: return ["Mới ghi nhận", "Chưa xử lý", "New", "Open"]
        case .inProgress: return ["Đang làm", "Đang thực hiện", "In progress"]
        case .done: return ["Xong", "Đã xong", "Hoàn thành", "Done", "Closed"]
        case .dropped: return ["Hủy", "Đóng", "Bỏ qua", "Dropped"]
        }
    }
    /// True once nothing is left to do.
    public var isClosed: Bool { self == .done || self == .dropped }
}

/// Which weekly report a report-log row records.
public enum ReportLevel: String, Vocabulary, Codable {
    /// Team lead to department head, due Friday.
    case teamToHead
    /// Department head to office director, due Saturday 12:00.
    case headToDirector

    /// The Vietnamese label.
    public var label: String { self == .teamToHead ? "TNTK→TP" : "TP→GĐVP" }
    /// The English label.
    public var englishLabel: String { self == .teamToHead ? "Team lead→head" : "Head→director" }
    /// Accepted spellings.
    public var variants: [String] {
        switch self {
        case .teamToHead: return ["TNTK gửi TP", "TNTK - TP", "TNTK TP", "Nhóm", "Team", "Cấp nhóm"]
        case .headToDirector: return ["TP gửi GĐVP", "TP - GĐVP", "TP GĐVP", "TP → GĐ", "Phòng", "Office", "Cấp phòng"]
        }
    }
}

extension Product {
    /// The words that name each product family, folded, most specific first: a product text
    /// such as `Phần mềm Tính lương MISA` or `Dự toán lương 2027` belongs to the family whose
    /// words it holds, in order and whole (salary budgeting before payroll, whose `lương` it
    /// also holds). A bare `lương` is no family (`Lương hưu` is not payroll).
    static let families: [(product: Product, phrases: [[Substring]])] = [
        (.salaryBudget, ["du toan luong", "dt luong", "dtl", "d t luong", "salary budget"]),
        (.payroll, ["tinh luong", "phan mem luong", "quan ly luong", "payroll"]),
        (.publicAccounting, ["mimosa", "hcsn", "hanh chinh su nghiep", "ke toan hanh chinh"]),
        (.communeAccounting, ["bamboo", "ke toan xa", "kt xa", "ngan sach xa"]),
        (.assetManagement, ["qlts", "quan ly tai san", "tai san cong"]),
        (.eInvoice, ["meinvoice", "hoa don dien tu", "hoa don dt", "hddt", "e invoice", "einvoice"]),
    ].map { product, phrases in (product, phrases.map { $0.split(separator: " ") }) }

    /// The family named by the words of a folded product text, if any.
    public static func family(folded key: String) -> Product? {
        let words = key.split(separator: " ")
        for (product, phrases) in families {
            for phrase in phrases where words.count >= phrase.count {
                for start in 0...(words.count - phrase.count) where words[start..<(start + phrase.count)].elementsEqual(phrase) {
                    return product
                }
            }
        }
        return nil
    }
}

extension CellParser {
    /// A product as staff write it, an open list: a label or variant; else the family its
    /// words name (`Phần mềm Tính lương MISA` is Tính lương); else a near spelling of a label
    /// (``Parsed/corrected(_:)``); else ``Parsed/invalid`` for a product of no known family,
    /// which the reader keeps as written with the default lead time.
    public static func product(_ cell: CellValue) -> Parsed<Product> {
        guard let t = text(cell) else { return cell.isEmpty ? .empty : .invalid }
        if let p = Product.exactMatch(t) { return .value(p) }
        if let p = Product.family(folded: HeaderNormalizer.key(t)) { return .value(p) }
        if let p = Product.nearMatch(t) { return .corrected(p) }
        return .invalid
    }
}
