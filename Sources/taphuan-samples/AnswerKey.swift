import TrainingOps
import XLSX

/// A key entry with its place resolved to file, sheet and cell.
struct ResolvedEntry {
    var rule: String
    var courseId: String?
    var file: String
    var sheet: String
    var cell: String
    var note: String
    var fires: Bool
}

extension SampleOffice {
    /// Finds where a record of `kind` was laid out.
    func locate(_ kind: SheetType, _ index: Int, _ key: String, in books: [SampleWorkbook]) -> (String, String, String)? {
        for book in books {
            for sheet in book.sheets where sheet.kind == kind {
                if let cell = sheet.cell(index, key) { return (book.path, sheet.name, cell) }
            }
        }
        return nil
    }

    func resolve(_ books: [SampleWorkbook]) -> [ResolvedEntry] {
        key.map { e in
            switch e.place {
            case .cell(let kind, let index, let column):
                let (file, sheet, cell) = locate(kind, index, column, in: books) ?? ("?", "?", "?")
                return ResolvedEntry(rule: e.rule, courseId: e.courseId, file: file, sheet: sheet, cell: cell, note: e.note, fires: e.fires)
            case .sheet(let kind, let team):
                let book = books.first { b in b.sheets.contains { $0.kind == kind } && (team.map { b.path.hasPrefix("Nhom \($0 + 1)") } ?? true) }
                let sheet = book?.sheets.first { $0.kind == kind }
                return ResolvedEntry(rule: e.rule, courseId: e.courseId, file: book?.path ?? "?", sheet: sheet?.name ?? "?", cell: "—",
                                     note: e.note, fires: e.fires)
            }
        }
    }

    /// The expected import findings: kind, file, sheet, cell, note.
    func expectedImportFindings(_ books: [SampleWorkbook]) -> [(kind: String, file: String, sheet: String, cell: String, note: String)] {
        var out: [(String, String, String, String, String)] = []
        for f in expectedImport {
            let (file, sheet, cell) = locate(f.sheet, f.index, f.column ?? "courseId", in: books) ?? ("?", "?", "?")
            out.append((f.kind.rawValue, file, sheet, cell, f.note))
        }
        for book in books {
            for sheet in book.sheets {
                for (c, k) in sheet.keys.enumerated() where k == nil {
                    out.append((ImportFinding.Kind.unknownColumn.rawValue, book.path, sheet.name,
                                CellReference.columnName(c) + String(sheet.headerRow), "Cột \"\(sheet.headers[c])\" ngoài mẫu."))
                }
                var seen: Set<Int> = []
                for (k, row) in sheet.rows.enumerated() {
                    let h = row.hashValue
                    if seen.contains(h), sheet.kind == .units {
                        let r = sheet.headerRow + 1 + k
                        out.append((ImportFinding.Kind.duplicateRow.rawValue, book.path, sheet.name, "\(r):\(r)", "Dòng đơn vị lặp lại y hệt dòng trên."))
                    }
                    seen.insert(h)
                }
            }
        }
        return out
    }

    /// `samples/README.md`: the office, the files, and the answer key.
    func readme(_ books: [SampleWorkbook]) -> String {
        let entries = resolve(books)
        var s = """
            # Bộ dữ liệu mẫu — văn phòng tập huấn giả lập

            Sinh bởi `scripts/make-samples` (chương trình `taphuan-samples`, hạt giống cố định: chạy lại cho ra đúng các file này).
            Dữ liệu là giả lập; tên người, đơn vị và số điện thoại không có thật.

            **Thời điểm đối chiếu (as-of): 2026-11-28T09:00 giờ Việt Nam (Asia/Ho_Chi_Minh, UTC+7), thứ Bảy.** Mọi quy tắc phải chạy với thời điểm này.

            ## Văn phòng

            - 3 nhóm triển khai: \(teams.map { "\($0.name) (TNTK \($0.lead); \($0.staff.joined(separator: ", ")))" }.joined(separator: "; ")).
            - TP HCSN: \(head). TNXT: \(sellers.joined(separator: ", ")).
            - \(courses.count) khóa (6 tuần từ 19/10/2026 đến 27/11/2026, cộng các khóa đã lên lịch sau thời điểm đối chiếu),
              \(units.count) dòng đơn vị, \(staff.count) dòng phân công, \(trackings.count) dòng theo dõi, \(preChecks.count) dòng chuẩn bị,
              \(sessions.count) báo cáo buổi, \(opinions.count) kiến nghị, \(dailyLogs.count) nhật ký ngày, \(reports.count) báo cáo tuần.

            ## Các file

            | File | Sheet | Loại | Dòng tiêu đề | Số dòng dữ liệu | Đặc điểm |
            |---|---|---|---|---|---|

            """
        for book in books {
            for sheet in book.sheets {
                s += "| \(book.path) | \(sheet.name) | `\(sheet.kind.rawValue)` | \(sheet.headerRow) | \(sheet.rows.count) | \(feature(book, sheet)) |\n"
            }
        }
        s += "| ~$Ban giao ke hoach.xlsx | — | — | — | — | File khóa của Excel: phải được bỏ qua, không báo lỗi. |\n"
        s += """

            ## Đáp án: lỗi quy trình đã cài

            Mỗi dòng là một lần quy tắc phải báo (cột "Báo?" = có), hoặc một ca biên quy tắc **không** được báo (= KHÔNG).
            Ô "—" nghĩa là thứ bị thiếu không có ô riêng (thiếu cả dòng); ghi chú nói rõ thiếu gì.
            Các quy tắc ngoài văn bản quy trình (STAFF_DOUBLE_BOOKED, UNIT_COUNT_MISMATCH, UNIT_ABSENCE_NO_REASON,
            OPINION_OVERDUE, COURSE_ON_NON_WORKING_DAY) dùng tên đề xuất; FOLLOW_UP_MISSING tính theo từng đơn vị
            (điểm khảo sát < 3 hoặc Đã sử dụng = Không, mà Đã gọi hỗ trợ khác Có).

            """
        s += "\n" + Self.ruleReadings + "\n| # | Quy tắc | Báo? | Khóa | File | Sheet | Ô | Ghi chú |\n|---|---|---|---|---|---|---|---|\n"
        let sorted = entries.sorted { ($0.rule, $0.courseId ?? "", $0.cell) < ($1.rule, $1.courseId ?? "", $1.cell) }
        for (n, e) in sorted.enumerated() {
            s += "| \(n + 1) | \(e.rule) | \(e.fires ? "có" : "KHÔNG") | \(e.courseId ?? "—") | \(e.file) | \(e.sheet) | \(e.cell) | \(e.note) |\n"
        }
        var counts: [String: Int] = [:]
        for e in entries where e.fires { counts[e.rule, default: 0] += 1 }
        s += "\n### Số lần mỗi quy tắc phải báo\n\n| Quy tắc | Số lần |\n|---|---|\n"
        for (rule, n) in counts.sorted(by: { $0.key < $1.key }) { s += "| \(rule) | \(n) |\n" }
        s += """

            Ngoài các dòng trên, dữ liệu sạch: mọi khóa khác đều đúng hạn, đủ dòng, đủ ô. Khóa chưa đến hạn một bước
            (ví dụ khóa bắt đầu sau 28/11/2026) không được báo trễ ở bước đó.

            ## Đáp án: lỗi hình thức (phát hiện khi đọc file)

            | # | Mã | File | Sheet | Ô | Ghi chú |
            |---|---|---|---|---|---|

            """
        for (n, f) in expectedImportFindings(books).enumerated() {
            s += "| \(n + 1) | \(f.kind) | \(f.file) | \(f.sheet) | \(f.cell) | \(f.note) |\n"
        }
        s += """

            Các hình thức khác không được sinh lỗi khi đọc: tiêu đề nhiều dòng và ô gộp phía trên dòng tiêu đề cột
            (Ban giao ke hoach.xlsx), tiêu đề không dấu (sheet Nhóm 3), tiêu đề dạng NFD (Danh sach don vi/Nhom 3),
            ngày gõ dạng chữ (mọi file của Nhóm 2), Có/Không viết kiểu x/Không (Nhóm 2) và C/K (Nhóm 3), tỷ lệ viết
            80% / 0,8 / 80, số điện thoại có dấu cách, dấu chấm hoặc +84.

            ## Kiểm tra bộ mẫu

            - `scripts/make-samples` sinh lại toàn bộ (sau khi `taphuan-samples --check` xác nhận bộ nhập liệu thấy
              đúng các lỗi hình thức trên và các quy tắc, đọc theo bảng "Cách hiểu", báo đúng các dòng "có").
            - `scripts/check-samples-openpyxl.py` mở từng file bằng openpyxl và đối chiếu số dòng, dòng tiêu đề và các ô của đáp án.
            - `scripts/make-samples-libreoffice` mở và lưu lại từng file bằng LibreOffice Calc vào
              `Tests/TrainingOpsTests/LibreOffice/`; bộ kiểm thử xác nhận bản đó nhập ra dữ liệu y hệt.

            """
        return s
    }

    /// How each rule was read when the faults were planted (default thresholds); the generator's
    /// `--check` evaluates exactly these conditions over the imported samples.
    static let ruleReadings = """
        ### Cách hiểu quy tắc khi cài lỗi (ngưỡng mặc định; T = thời điểm đối chiếu, "ngày T" = 28/11/2026)

        `taphuan-samples --check` đọc lại các sheet qua bộ nhập liệu và kiểm đúng các điều kiện dưới đây: mỗi quy
        tắc báo đúng ở các dòng "có" của bảng, không ở đâu khác.

        | Quy tắc | Điều kiện (một lần báo = một khóa, trừ khi ghi khác) |
        |---|---|
        | HANDOVER_MISSING_DATE | Ngày bàn giao trống. |
        | HANDOVER_LATE | Ngày bắt đầu − ngày bàn giao < 30 ngày (Tính lương, DT lương) hoặc < 10 ngày (sản phẩm khác); đúng 10/30 là đúng hạn. Sản phẩm không đọc được: dùng 10. |
        | UNITS_MISSING | Không có dòng đơn vị nào và hạn bàn giao (bắt đầu − 10/30 ngày) ≤ ngày T. |
        | UNIT_COUNT_MISMATCH | Có dòng đơn vị và số dòng ≠ Số đơn vị trên bàn giao. |
        | SCHEDULE_UNCONFIRMED | Ngày chốt lịch trống. |
        | STAFF_MISSING | Không có dòng phân công và hạn (09:00 thứ Bảy tuần trước tuần học) < T. |
        | STAFF_PLAN_LATE | Có dòng phân công mà Thời điểm gửi TP > 09:00 thứ Bảy tuần trước tuần học (trống mà hạn đã qua cũng tính); đúng 09:00 là đúng hạn. |
        | STAFF_DOUBLE_BOOKED | Cùng một nhân viên trên hai khóa khác nhau có khoảng Từ ngày–Đến ngày giao nhau; một lần báo = một cặp. |
        | COURSE_ON_NON_WORKING_DAY | Một ngày học rơi vào Chủ nhật hoặc ngày lễ (01/01/2027 trong bộ mẫu). |
        | PLAN_UNAPPROVED | Khóa đã bắt đầu (bắt đầu < ngày T) mà Ngày duyệt KH trống hoặc ≥ ngày bắt đầu. |
        | FIRST_SESSION_REPORT_MISSING | Khóa đã bắt đầu mà Báo cáo buổi đầu trống và không có báo cáo buổi Sáng ngày đầu ghi trong ngày đó. |
        | PAPERWORK_OPEN | Khóa kết thúc + 7 ngày < ngày T mà Hợp đồng, Thanh lý hoặc Thu nợ không phải Xong/Không áp dụng. |
        | SURVEY_LATE, CRM_LATE | Khóa đã kết thúc; ngày cập nhật > kết thúc + 1, hoặc trống khi kết thúc + 1 < ngày T. Đúng kết thúc + 1 là đúng hạn. |
        | SUPPORT_CHANNEL_MISSING | Khóa đã kết thúc mà Kênh hỗ trợ trống. |
        | FEEDBACK_OPEN | Khóa kết thúc + 3 ngày < ngày T mà Ngày xem KQ khảo sát trống. |
        | DVCQ_REPORT_MISSING | Khóa kết thúc + 14 ngày ≤ ngày T mà Ngày gửi BC ĐVCQ trống. |
        | FOLLOW_UP_MISSING | Mỗi đơn vị của khóa đã kết thúc có điểm < 3 hoặc Đã sử dụng = Không, mà Đã gọi hỗ trợ khác Có. |
        | UNIT_INCOMPLETE | Mỗi đơn vị thiếu Người liên hệ hoặc Điện thoại (kể cả số không đọc được). |
        | UNIT_ABSENCE_NO_REASON | Mỗi đơn vị Có mặt = Không mà Lý do vắng trống. |
        | PRECHECK_MISSING | Khóa đã bắt đầu mà không có dòng chuẩn bị. |
        | PRECHECK_INCOMPLETE | Có mục trong danh sách kiểm tra của hình thức khóa (A trực tiếp, B trực tuyến theo văn bản quy trình) để trống hoặc = Không; một số đếm, kể cả 0, là câu trả lời (Lý do không phát biểu chỉ cần khi ĐVCQ đồng ý phát biểu = Không). |
        | PRECHECK_UNITS_MISMATCH | Số ĐV xác nhận > Số chỗ ngồi (lớp trực tiếp), > Số đơn vị trên bàn giao, hoặc < 80% Số đơn vị. |
        | PRECHECK_LATE | Ngày kiểm tra ≥ ngày bắt đầu. |
        | SESSION_REPORT_MISSING | Mỗi buổi (Sáng 08:00, Chiều 13:30) của ngày học đã bắt đầu trước T mà không có dòng báo cáo. |
        | ABSENCE_UNEXPLAINED | Mỗi báo cáo buổi có Số ĐV vắng > 0 mà ĐV vắng và lý do trống. |
        | DAILY_LOG_MISSING | Mỗi nhân viên (có tên trên sheet nhật ký) × ngày thứ Hai–thứ Sáu từ 19/10 đến trước ngày T, không đi lớp theo kế hoạch nhân sự, mà không có dòng nhật ký. |
        | WEEKLY_REPORT_LATE | Mỗi tuần: mỗi nhóm TNTK→TP gửi sau thứ Sáu hoặc không gửi (khi thứ Sáu < ngày T); TP→GĐVP gửi sau 12:00 thứ Bảy hoặc không gửi (khi hạn < T). |
        | OPINION_OVERDUE | Kiến nghị có Hạn xử lý < ngày T mà trạng thái không phải Đã xử lý/Không xử lý. |

        """

    func feature(_ book: SampleWorkbook, _ sheet: SampleSheet) -> String {
        var f: [String] = []
        if !sheet.titleRows.isEmpty { f.append("tiêu đề và ô gộp phía trên") }
        if book.path.hasPrefix("Nhom 2") || sheet.kind == .dailyLog || (sheet.kind == .handover && sheet.name == "Nhóm 2") { f.append("ngày dạng chữ") }
        if sheet.kind == .handover && sheet.name == "Nhóm 3" { f.append("tiêu đề không dấu") }
        if book.path.contains("Nhom 3") && sheet.kind == .units { f.append("tiêu đề NFD") }
        if sheet.keys.contains(where: { $0 == nil }) { f.append("có cột ngoài mẫu") }
        return f.joined(separator: "; ")
    }
}
