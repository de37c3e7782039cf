import Foundation

/// Renders the schema declarations as the Vietnamese reference page for staff
/// (`docs/sheets.md`), so the page can never drift from what the importer accepts.
public enum SheetReference {
    /// The whole page, in Markdown.
    public static func markdown() -> String {
        var out = """
            # Các sheet của quy trình tập huấn

            Trang này được sinh tự động từ khai báo trong mã nguồn (`Sources/TrainingOps/Schema`);
            đừng sửa tay — chạy `scripts/make-samples` để sinh lại.

            ## Cách chương trình đọc sổ tính

            - Một file có thể chứa nhiều sheet, mỗi sheet một loại; tên sheet đặt tùy ý. Chương trình
              nhận ra loại sheet nhờ **dòng tiêu đề cột**, kể cả khi phía trên có tiêu đề, dòng trống hay ô gộp.
            - Tiêu đề cột được so khớp **không phân biệt** hoa/thường, khoảng trắng, dấu câu, dấu tiếng Việt
              (kể cả đ/Đ), kiểu gõ dấu (khóa/khoá, hòa/hoà, thủy/thuỷ) và chuẩn Unicode (NFC/NFD). Mỗi cột còn
              có các **tên khác** được chấp nhận (không dấu, tiếng Anh, viết tắt) liệt kê bên dưới.
            - Tiêu đề không cần gõ đúng từng chữ: chương trình hiểu **theo nghĩa**. Chữ viết tắt quen dùng (ĐV, SL,
              NV, TG, BG, KH, TH, KS, ĐVCQ, TNTK, TNXT, TP, BC, DS, HĐ, SĐT…) được đọc thành từ đầy đủ; thứ tự từ
              không quan trọng, từ đồng nghĩa (ngày/thời điểm/thời gian, gửi/nộp, khóa/lớp) được tính gần bằng;
              cách nói của văn bản quy trình ("Số lượng đơn vị vắng", "Báo cáo nhanh tình hình buổi đầu tiên"…)
              cũng được hiểu. Mỗi cột của sheet ứng với nhiều nhất một cột của mẫu; tiêu đề nói hai nghĩa gần
              bằng nhau thì không đoán.
            - Tiêu đề hai dòng (ô gộp nhóm ở trên, tiêu đề con ở dưới, ví dụ "Báo cáo ĐVCQ" trên "Ngày gửi" và
              "Người nhận") được đọc là "nhóm / tiêu đề con".
            - Cột không thuộc mẫu được giữ nguyên và được báo lại (không bị bỏ qua âm thầm; riêng cột số thứ tự
              `STT`/`TT` thì không báo); cột gần giống một cột
              còn thiếu được chỉ ra một lần ("có thể là …"). `taphuan inspect FILE --columns` cho biết chương trình
              đã hiểu từng cột thế nào. Các cột đặt theo thứ tự nào cũng được.
            - Giá trị ghi **một lần cho nhiều dòng** vẫn được đọc cho từng dòng: ô gộp xuống (mã khóa, ngày gộp
              qua các dòng của nó) và mã khóa chỉ ghi ở dòng đầu của nhóm dòng (xem từng sheet bên dưới).
              Một ô có thể ghi nhiều người (`Võ Thành Trung, Đặng Ngọc Ánh`).
            - **Ngày** luôn đọc theo thứ tự ngày/tháng/năm: `28/11/2026`, `5/1/26`, `28-11-2026`, `28.11.2026`,
              `2026-11-28`, `ngày 28 tháng 11 năm 2026`, `28 tháng 11, 2026`, hoặc ô ngày thật của Excel; có thể kèm
              giờ: `9h`, `9h30`, `9g15`, `9 giờ 15`, `09:00`, `9:00 SA`, `2:30 CH`, `09:15 sáng`, `2 giờ chiều`, và kèm
              thứ: `Thứ 7, 28/11/2026`, `T7 28/11/2026`, `thứ Bảy (28/11/2026)`, `CN 29/11/2026` — thứ phải đúng với
              ngày, nếu không ô được báo là không đọc được. Ngày thiếu năm (`28/11`) lấy năm gần nhất với ngày đầy đủ
              gần nhất phía trên trong sheet. Ngày bắt đầu và kết thúc có thể ghi chung một ô (`20-21/10/2026`,
              `30/10 - 02/11/2026`, `từ 20/10/2026 đến 21/10/2026`): bảng bàn giao chỉ có một cột "Thời gian tập huấn"
              ghi như vậy thì ngày kết thúc cũng đọc từ cột đó (ô một ngày là khóa một ngày); kế hoạch nhân sự cũng vậy.
            - **Có/Không** nhận: Có/Không, C/K, x, ✓, ✔, TRUE/FALSE, Yes/No, Rồi/Chưa, Xong, Đạt, OK, Có mặt/Vắng,
              1/0, và câu nói rõ việc đã làm hay chưa (`Đã gọi`, `Chưa cài`, `Không mang`). Ở danh sách kiểm tra trước
              TH, bằng chứng cũng là Có: tên người, đường link, số lượng lớn hơn 0.
            - **Sản phẩm** đọc theo nhóm sản phẩm có trong chữ (`Phần mềm Tính lương MISA` là Tính lương); sản phẩm
              không thuộc nhóm nào chỉ bị cảnh báo và dùng thời hạn bàn giao mặc định.
            - Dòng tổng cộng, ghi chú, khối chữ ký ("Người lập biểu", "Ký, ghi rõ họ tên", dòng địa danh, ngày
              tháng năm), dòng trống hay tiêu đề tuần giữa các dòng, và dòng tiêu đề lặp lại không phải là dữ liệu:
              được bỏ qua.
            - **Số điện thoại**: 0xxxxxxxxx, +84…, có dấu cách hoặc dấu chấm đều được; ô số bị mất số 0 đầu cũng được.
            - **Tỷ lệ**: 80, 80% hay 0,8 đều là 80%.
            - Giá trị không đọc được **không bị đoán**: chương trình báo lại file, sheet, ô và giá trị gốc.
            - Mã khóa so khớp không phân biệt hoa/thường và khoảng trắng thừa; `TL 2610 02`, `TL_2610_02`,
              `TL–2610–02` được hiểu là `TL-2610-02` (kèm một cảnh báo tại ô).
            - Tên nhóm viết khác nhau (`Nhóm 1`, `Nhóm TK 1`, `N1`, `Team 1`) là một nhóm, mang tên như trên bảng
              bàn giao.

            | Loại sheet | Tên sheet mẫu | Mỗi dòng là |
            |---|---|---|

            """
        for kind in SheetType.allCases {
            out += "| `\(kind.rawValue)` | \(kind.sheetName) | \(kind.schema.rowMeaning) |\n"
        }
        for kind in SheetType.allCases {
            out += section(kind.schema)
        }
        out += "\n## Danh sách giá trị\n\n"
        for list in ChoiceList.allCases {
            out += "- **\(listName(list))**: " + variants(list) + "\n"
        }
        return out
    }

    static func section(_ schema: SheetSchema) -> String {
        var out = "\n## \(schema.sheetName)\n\nMỗi dòng là \(schema.rowMeaning). Cột có dấu * là bắt buộc.\n\n"
        if schema.kind == .preCheck {
            out += "Các mục kiểm tra theo hình thức: lớp trực tiếp có \(PreCheckItem.checklist(for: .inPerson).count) mục, "
                + "lớp trực tuyến có \(PreCheckItem.checklist(for: .online).count) mục (ghi chú \"Chỉ lớp…\" ở từng cột).\n\n"
        }
        if let spread = schema.spread, let names = schema.column(spread.names), let choice = schema.column(spread.choice),
           case .choice(let list) = choice.type {
            out += "Cũng đọc được khi viết mỗi khóa một dòng: thay cho hai cột \"\(names.header)\" và \"\(choice.header)\", "
                + "mỗi \(choice.header.lowercased()) một cột mang tên nó (\(list.labels.map { "`\($0)`" }.joined(separator: ", ")) "
                + "hoặc tên khác của nó), trong ô là tên người, nhiều người cách nhau bằng dấu phẩy, chấm phẩy hay xuống dòng. "
                + "Ô \"\(names.header)\" cũng có thể ghi nhiều người như vậy.\n\n"
        }
        let headers = { (how: RepeatDown?) in
            schema.columns.filter { how == nil ? schema.repeatsDown[$0.key] != nil : schema.repeatsDown[$0.key] == how }
                .map { "\"\($0.header)\"" }.joined(separator: ", ")
        }
        if !schema.repeatsDown.isEmpty {
            out += "Ô gộp xuống nhiều dòng ở cột \(headers(nil)) được đọc cho mọi dòng của ô gộp."
            let once = headers(.blank)
            if !once.isEmpty {
                out += " Cột \(once) cũng có thể chỉ ghi ở dòng đầu của mỗi nhóm dòng: ô trống bên dưới được đọc là giá trị bên trên"
                    + " khi sheet ghi như vậy từ hai dòng trở lên (kèm một thông tin IMPORT_FILLED_DOWN); một ô trống lẻ vẫn là thiếu."
            }
            out += "\n\n"
        }
        out += "| Cột | Kiểu | Ý nghĩa | Tên khác được chấp nhận | Mã cột |\n|---|---|---|---|---|\n"
        for c in schema.columns {
            let header = c.header + (c.required ? " *" : "")
            let aliases = c.aliases.map { "`\($0)`" }.joined(separator: ", ")
            out += "| \(escape(header)) | \(escape(c.type.vietnameseName)) | \(escape(c.meaning)) | \(escape(aliases)) | `\(c.key)` |\n"
        }
        return out
    }

    static func listName(_ list: ChoiceList) -> String {
        switch list {
        case .mode: return "Hình thức"
        case .session: return "Buổi"
        case .product: return "Sản phẩm"
        case .role: return "Vai trò"
        case .paperwork: return "Hợp đồng / Thanh lý / Thu nợ"
        case .impact: return "Ảnh hưởng"
        case .opinionStatus: return "Trạng thái kiến nghị"
        case .reportLevel: return "Cấp báo cáo"
        }
    }

    static func variants(_ list: ChoiceList) -> String {
        func render<V: Vocabulary>(_ type: V.Type) -> String {
            V.allCases.map { v in
                v.variants.isEmpty ? v.label : "\(v.label) (cũng nhận: \(v.variants.joined(separator: ", ")))"
            }.joined(separator: "; ")
        }
        switch list {
        case .mode: return render(TrainingMode.self)
        case .session: return render(SessionPart.self)
        case .product: return render(Product.self)
        case .role: return render(StaffRole.self)
        case .paperwork: return render(PaperworkStatus.self)
        case .impact: return render(OpinionImpact.self)
        case .opinionStatus: return render(OpinionStatus.self)
        case .reportLevel: return render(ReportLevel.self)
        }
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
