/// The process text's own phrases for the columns (`seed/quy-trinh-tap-huan.txt`, parts I and
/// II): the words an office is likely to type as a header because its process says them.
/// They join each column's header and aliases in its vocabulary (``ColumnVocabulary``); unlike
/// the aliases they are not listed on the reference page, and a header need not equal one to
/// be understood.
extension SheetSchema {
    /// Per kind, per column key, phrases quoted or shortened from the process text.
    static let processPhrases: [SheetType: [String: [String]]] = [
        .handover: [
            "courseName": ["Tên khóa tập huấn", "Tên lớp tập huấn"],
            "unitCount": ["Số lượng đơn vị tham gia"],
            "venue": ["Phòng máy / hội trường", "Địa điểm tập huấn"],
            "handedOverBy": ["Trưởng nhóm xúc tiến lập gửi"],
            "handoverDate": ["Ngày gửi bảng bàn giao kế hoạch triển khai", "Ngày bàn giao kế hoạch triển khai", "Ngày TNXT gửi"],
            "teamLead": ["TNTK tiếp nhận"],
            "scheduleConfirmed": ["Ngày tiếp nhận, chốt lịch", "TNTK chốt lịch"],
        ],
        .units: [
            "unitName": ["Thông tin đơn vị"],
            "bringsLaptop": ["Mang máy tính?"],
            "bringsDocuments": ["Mang chứng từ, dữ liệu?"],
            "zoomInstalled": ["Đã cài đặt Zoom thành công"],
            "surveyScore": ["Kết quả khảo sát", "Điểm MISA Survey"],
            "usingSoftware": ["Đưa vào sử dụng", "Đã sử dụng phần mềm"],
            "supportCalled": ["Gọi xin lỗi hoặc hỗ trợ", "Đã gọi xin lỗi KH"],
        ],
        .staffPlan: [
            "staff": ["Nhân viên triển khai"],
            "plannedBy": ["TNTK lập kế hoạch nhân sự"],
            "sentToHead": ["Ngày gửi TP HCSN", "Gửi TP HCSN", "Thời điểm gửi kế hoạch nhân sự"],
        ],
        .tracking: [
            "planApproved": ["Ngày TNTK duyệt kế hoạch tổ chức", "Duyệt kế hoạch tổ chức khóa tập huấn"],
            "departmentsNotified": ["Báo các bộ phận liên quan"],
            "firstSessionReport": ["Báo cáo nhanh tình hình buổi đầu tiên", "Báo cáo nhanh buổi đầu"],
            "contract": ["Hợp đồng với đối tác"],
            "surveyResultsEntered": ["Cập nhật kết quả khảo sát"],
            "crmUpdated": ["Cập nhật thông tin lên CRM"],
            "supportChannel": ["Cung cấp kênh hỗ trợ"],
            "feedbackReviewed": ["Xem kết quả khảo sát", "Kiểm tra các kiến nghị cần xử lý"],
            "dvcqReportSent": ["Gửi báo cáo tình hình sau TH cho ĐVCQ", "Báo cáo sau tập huấn cho ĐVCQ"],
        ],
        .preCheck: [
            "attendanceConfirmed": ["Tình hình gọi điện xác nhận tập huấn"],
            "accountsReady": ["Chuẩn bị user"],
            "formsChecked": ["Kiểm tra mẫu biểu, báo cáo đặc thù"],
            "partnerMet": ["Đã qua gặp trao đổi kế hoạch tập huấn"],
            "partnerWillSpeak": ["Đồng ý tham gia phát biểu", "Chủ quản phát biểu"],
            "partnerNoSpeakReason": ["Lý do không"],
            "surveyLinkReady": ["Chuẩn bị link khảo sát MISA Survey"],
            "seats": ["Số lượng chỗ ngồi (Chụp hình gửi về)"],
            "projector": ["Màn chiếu, máy chiếu âm thanh"],
            "parking": ["Chỗ giữ xe (Đã báo bảo vệ chưa)"],
            "laptopsCount": ["Số lượng mang máy tính"],
            "documentsCount": ["Số lượng đã chuẩn bị chứng từ, dữ liệu"],
            "zoomInstalledCount": ["Số lượng đã cài đặt Zoom thành công"],
            "partnerZoomLoggedIn": ["Đối tác đã đăng nhập Zoom"],
        ],
        .sessionReport: [
            "reportedAt": ["Giờ NV báo về"],
            "absentCount": ["Số lượng đơn vị vắng"],
            "absentUnits": ["Danh sách đơn vị vắng và lý do"],
            "partnerSpoke": ["Chủ quản phát biểu: Có/Không"],
            "difficulties": ["Tình hình đơn vị phản hồi khó khăn"],
            "dataEntryRate": ["Tỷ lệ đơn vị nhập liệu"],
            "progress": ["Tiến độ giảng theo chương trình"],
            "needsSupport": ["Vấn đề vượt quá khả năng", "Báo TP, GĐ hỗ trợ"],
        ],
        .opinions: [
            "content": ["Ý kiến, kiến nghị"],
            "impact": ["Ảnh hưởng đến doanh số, thu nợ"],
            "progressNote": ["Tiến độ xử lý các ý kiến"],
            "escalated": ["Báo cáo Ban GĐ", "TH cấp bách"],
        ],
        .dailyLog: [
            "customerSupport": ["Hỗ trợ khách hàng phát sinh từ các bộ phận"],
            "agencyCare": ["Chăm sóc đơn vị chủ quản"],
            "sectorReports": ["Hỗ trợ báo cáo toàn ngành"],
            "singleTrainings": ["Đào tạo lẻ trực tuyến"],
            "handedToDepartment": ["Bàn giao cho bộ phận nào"],
            "unfinishedUnits": ["Số đơn vị chưa xử lý xong", "Bao nhiêu đơn vị chưa xử lý xong"],
            "pendingCustomers": ["Số khách hàng còn tồn chưa xử lý"],
            "difficulties": ["Khó khăn đề xuất"],
        ],
        .reportLog: [
            "sentAt": ["Thời gian gửi"],
        ],
    ]
}
