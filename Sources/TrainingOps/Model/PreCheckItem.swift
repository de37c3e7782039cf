/// One item of the day-before checklist (part II of the office's text), with the modes it
/// applies to and its column on the pre-course check sheet.
public enum PreCheckItem: String, CaseIterable, Hashable, Sendable, Codable {
    /// Số ĐV xác nhận tham gia.
    case attendanceConfirmed
    /// User accounts for the class prepared.
    case accountsReady
    /// Login (and, in person, the login domain) checked.
    case loginChecked
    /// Special forms, data and reports checked.
    case formsChecked
    /// ĐVCQ met to agree the plan.
    case partnerMet
    /// Name of the ĐVCQ partner.
    case partnerName
    /// ĐVCQ agrees to speak.
    case partnerWillSpeak
    /// Why ĐVCQ will not speak.
    case partnerNoSpeakReason
    /// Who from ĐVCQ supervises the class.
    case partnerSupervisor
    /// MISA Survey link ready.
    case surveyLinkReady
    /// In person: number of seats (photo sent).
    case seats
    /// In person: strong Wi-Fi.
    case wifi
    /// In person: screen, projector, sound.
    case projector
    /// In person: air conditioning.
    case airConditioning
    /// In person: drinking water.
    case water
    /// In person: power sockets.
    case powerSockets
    /// In person: parking, security told.
    case parking
    /// In person: units bringing laptops.
    case laptopsCount
    /// Units bringing (online: having ready) documents and data.
    case documentsCount
    /// Online: units with Zoom installed.
    case zoomInstalledCount
    /// Online: partner logged in to Zoom.
    case partnerZoomLoggedIn
    /// Online: partner supervising the class.
    case partnerSupervising

    /// The modes whose checklist holds this item: the process text's list A (in person) and
    /// list B (online). B asks only the Zoom and documents counts, login, forms, and whether the
    /// partner is on Zoom, supervises and speaks; "Chuẩn bị user tập huấn" is a heading of
    /// both lists, not an item (``accountsReady`` is asked of neither).
    public var modes: Set<TrainingMode> {
        switch self {
        case .accountsReady:
            return []
        case .documentsCount, .loginChecked, .formsChecked, .partnerWillSpeak:
            return [.inPerson, .online]
        case .zoomInstalledCount, .partnerZoomLoggedIn, .partnerSupervising:
            return [.online]
        default:
            return [.inPerson]
        }
    }

    /// Optional items: an empty cell does not make the check incomplete.
    public var isOptional: Bool { self == .partnerNoSpeakReason }

    /// The checklist of a mode, in sheet order.
    public static func checklist(for mode: TrainingMode) -> [PreCheckItem] {
        allCases.filter { $0.modes.contains(mode) }
    }

    /// The item's column on the pre-course check sheet.
    public var column: ColumnSpec {
        let suffix = modes.count == 2 ? "" : modes.isEmpty ? " Không bắt buộc (tiêu đề nhóm của quy trình, không phải một mục)."
            : (modes.contains(.inPerson) ? " Chỉ lớp trực tiếp." : " Chỉ lớp trực tuyến.")
        let (header, type, aliases, meaning): (String, ColumnType, [String], String) = {
            switch self {
            case .attendanceConfirmed: return ("Số ĐV xác nhận", .count, ["Số lượng tham gia", "Số ĐV xác nhận tham gia", "Confirmed units"], "Số đơn vị đã gọi điện xác nhận tham gia.")
            case .accountsReady: return ("Đã chuẩn bị user", .yesNo, ["Chuẩn bị user tập huấn", "User", "Accounts ready"], "Đã tạo user tập huấn cho đơn vị.")
            case .loginChecked: return ("Đã kiểm tra đăng nhập", .yesNo, ["Kiểm tra miền đăng nhập", "Kiểm tra đăng nhập", "Login checked"], "Đã kiểm tra đăng nhập (lớp trực tiếp: cả miền đăng nhập).")
            case .formsChecked: return ("Đã kiểm tra mẫu biểu", .yesNo, ["Kiểm tra số liệu, mẫu biểu, báo cáo đặc thù", "Mẫu biểu đặc thù", "Forms checked"], "Đã kiểm tra số liệu, mẫu biểu, báo cáo đặc thù.")
            case .partnerMet: return ("Đã gặp ĐVCQ", .yesNo, ["Đã gặp chủ quản", "Đã trao đổi với ĐVCQ", "Partner met"], "Đã qua gặp đơn vị chủ quản trao đổi kế hoạch tập huấn.")
            case .partnerName: return ("Tên đối tác", .text, ["Tên đối tác ĐVCQ", "Đối tác", "Partner name"], "Tên người đại diện đơn vị chủ quản.")
            case .partnerWillSpeak: return ("ĐVCQ đồng ý phát biểu", .yesNo, ["Đồng ý phát biểu", "Đối tác phát biểu", "Partner will speak"], "Đại diện ĐVCQ đồng ý phát biểu.")
            case .partnerNoSpeakReason: return ("Lý do không phát biểu", .text, ["Lý do", "Reason"], "Lý do khi ĐVCQ không phát biểu (chỉ điền khi Không).")
            case .partnerSupervisor: return ("Người giám sát lớp", .text, ["Đối tác giám sát lớp là ai", "Giám sát lớp", "Supervisor"], "Ai của ĐVCQ giám sát lớp.")
            case .surveyLinkReady: return ("Đã có link khảo sát", .yesNo, ["Chuẩn bị link khảo sát", "Link khảo sát", "Survey link ready"], "Đã chuẩn bị link khảo sát MISA Survey.")
            case .seats: return ("Số chỗ ngồi", .count, ["Số lượng chỗ ngồi", "Chỗ ngồi", "Seats"], "Số chỗ ngồi của phòng máy/hội trường (chụp hình gửi về).")
            case .wifi: return ("Wifi mạnh", .yesNo, ["Wifi", "Wi-Fi"], "Wifi đủ mạnh cho cả lớp.")
            case .projector: return ("Màn chiếu, máy chiếu, âm thanh", .yesNo, ["Máy chiếu", "Màn chiếu", "Âm thanh", "Projector"], "Màn chiếu, máy chiếu, âm thanh sẵn sàng.")
            case .airConditioning: return ("Máy lạnh", .yesNo, ["Điều hòa", "Air conditioning"], "Phòng có máy lạnh.")
            case .water: return ("Nước uống", .yesNo, ["Nước", "Water"], "Có nước uống.")
            case .powerSockets: return ("Ổ cắm điện", .yesNo, ["Ổ cắm", "Power sockets"], "Đủ ổ cắm điện cho máy tính.")
            case .parking: return ("Chỗ giữ xe", .yesNo, ["Giữ xe", "Đã báo bảo vệ", "Parking"], "Có chỗ giữ xe, đã báo bảo vệ.")
            case .laptopsCount: return ("Số ĐV mang máy tính", .count, ["Mang máy tính", "Laptops"], "Số đơn vị mang máy tính.")
            case .documentsCount: return ("Số ĐV có chứng từ", .count, ["Mang chứng từ, dữ liệu", "Số ĐV mang chứng từ", "Đã chuẩn bị chứng từ, dữ liệu", "Documents ready"], "Số đơn vị mang (trực tuyến: đã chuẩn bị) chứng từ, dữ liệu.")
            case .zoomInstalledCount: return ("Số ĐV đã cài Zoom", .count, ["Đã cài Zoom", "Cài đặt Zoom thành công", "Zoom installed"], "Số đơn vị đã cài Zoom thành công.")
            case .partnerZoomLoggedIn: return ("Đối tác đã vào Zoom", .yesNo, ["Đối tác đã đăng nhập Zoom", "Partner on Zoom"], "Đại diện ĐVCQ đã đăng nhập Zoom.")
            case .partnerSupervising: return ("Đối tác giám sát lớp", .yesNo, ["ĐVCQ giám sát", "Partner supervising"], "Đại diện ĐVCQ giám sát lớp trực tuyến.")
            }
        }()
        return ColumnSpec(rawValue, header, type, aliases: aliases, meaning: meaning + suffix)
    }
}
