/// What a blank workbook tells staff about each column: the input message shown when a cell
/// is selected, and the rows of the instructions sheet ("Hướng dẫn").
public enum InputGuide {
    /// The name of the instructions sheet.
    public static let sheetName = "Hướng dẫn"

    /// How to type a value of `type`, in Vietnamese.
    public static func howToType(_ type: ColumnType) -> String {
        switch type {
        case .text: return "Gõ tự do."
        case .count: return "Số nguyên, ví dụ 25."
        case .decimal: return "Số, dấu phẩy hoặc dấu chấm thập phân."
        case .percent: return "Ví dụ 80, 80% hoặc 0,8 (đều là 80%)."
        case .score: return "Điểm từ 1 đến 5."
        case .date: return "Ngày/tháng/năm, ví dụ 28/11/2026."
        case .moment: return "Ngày/tháng/năm và giờ, ví dụ 28/11/2026 9:00 hoặc 28/11/2026 9h30."
        case .yesNo: return "Chọn Có hoặc Không."
        case .phone: return "Ví dụ 0905 123 456 hoặc +84 905 123 456."
        case .email: return "Ví dụ ketoan@truong.edu.vn."
        case .week: return "Một ngày trong tuần (28/11/2026) hoặc số tuần (48/2026)."
        case .choice(let list): return "Chọn trong danh sách: " + list.labels.joined(separator: ", ") + "."
        }
    }

    /// The input message of a column: a title (≤ 32 characters, Excel's limit) and a text
    /// (≤ 255 characters).
    public static func inputMessage(_ column: ColumnSpec) -> (title: String, text: String) {
        let title = String(column.header.prefix(32))
        var text = column.meaning + " " + howToType(column.type)
        if column.required { text = "Bắt buộc. " + text }
        if text.count > 255 { text = String(text.prefix(254)) + "…" }
        return (title, text)
    }

    /// The header row of the instructions table.
    public static let header = ["Sheet", "Cột", "Bắt buộc", "Kiểu", "Cách nhập", "Ý nghĩa", "Tên khác được chấp nhận"]

    /// The opening lines of the instructions sheet.
    public static let introduction = [
        "HƯỚNG DẪN NHẬP LIỆU — QUY TRÌNH TẬP HUẤN",
        "Mỗi sheet là một loại bảng; có thể đổi tên sheet, thêm dòng tiêu đề phía trên, nhưng giữ nguyên dòng tiêu đề cột.",
        "Ngày luôn ghi theo thứ tự ngày/tháng/năm. Cột có dấu * là bắt buộc. Mã khóa phải giống hệt mã trên bảng bàn giao.",
        "Ô có danh sách chọn: bấm mũi tên để chọn; giá trị gõ khác danh sách sẽ bị báo lại khi kiểm tra.",
    ]

    /// One instructions row per column of each kind.
    public static func rows(for kinds: [SheetType]) -> [[String]] {
        kinds.flatMap { kind in
            kind.schema.columns.map { c in
                [kind.sheetName, c.header, c.required ? "Có" : "", c.type.vietnameseName, howToType(c.type), c.meaning,
                 c.aliases.joined(separator: "; ")]
            }
        }
    }
}
