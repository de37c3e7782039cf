import Foundation

/// A small deterministic random source (SplitMix64), so the samples never change between runs.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
}

/// Vietnamese names and places for the samples.
enum Names {
    static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
                           "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương", "Tạ"]
    static let middles = ["Văn", "Thị", "Minh", "Quốc", "Thu", "Hồng", "Ngọc", "Thanh", "Đức", "Hữu", "Thị Mỹ", "Kim",
                          "Xuân", "Thị Thanh", "Công", "Bảo"]
    static let givens = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hòa", "Hùng", "Hương",
                         "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quân",
                         "Quyên", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Trung", "Tuấn", "Vân", "Yến", "Lộc", "Thắm", "Tùng"]
    static let honorifics = ["Chị", "Anh", "Cô", "Thầy", ""]

    /// District-level supervising agencies, with the communes their units sit in.
    static let districts: [(name: String, communes: [String])] = [
        ("Hòa Vang", ["Hòa Phong", "Hòa Khương", "Hòa Tiến", "Hòa Châu", "Hòa Nhơn", "Hòa Sơn", "Hòa Ninh", "Hòa Phú", "Hòa Liên", "Hòa Bắc"]),
        ("Điện Bàn", ["Điện Hòa", "Điện Thắng Bắc", "Điện Thắng Trung", "Điện Phước", "Điện Hồng", "Điện Tiến", "Điện Quang", "Điện Phong", "Điện Minh"]),
        ("Đại Lộc", ["Đại Hiệp", "Đại Hòa", "Đại An", "Đại Cường", "Đại Quang", "Đại Nghĩa", "Đại Phong", "Ái Nghĩa", "Đại Đồng"]),
        ("Duy Xuyên", ["Duy Sơn", "Duy Trung", "Duy Thu", "Duy Tân", "Duy Châu", "Duy Phước", "Duy Hải", "Nam Phước"]),
        ("Thăng Bình", ["Bình Dương", "Bình Giang", "Bình Minh", "Bình Triều", "Bình Đào", "Bình Quý", "Bình Nguyên", "Hà Lam"]),
        ("Núi Thành", ["Tam Nghĩa", "Tam Quang", "Tam Hải", "Tam Xuân 1", "Tam Xuân 2", "Tam Anh Nam", "Tam Mỹ Tây", "Núi Thành"]),
        ("Quế Sơn", ["Quế Xuân 1", "Quế Xuân 2", "Quế Phú", "Quế Châu", "Quế Hiệp", "Quế Thuận", "Đông Phú", "Hương An"]),
        ("Phú Ninh", ["Tam Thành", "Tam An", "Tam Đàn", "Tam Dân", "Tam Phước", "Tam Vinh", "Tam Lộc", "Phú Thịnh"]),
        ("Tiên Phước", ["Tiên Cẩm", "Tiên Sơn", "Tiên Hà", "Tiên Châu", "Tiên Lãnh", "Tiên Ngọc", "Tiên Kỳ", "Tiên Mỹ"]),
        ("Hiệp Đức", ["Quế Thọ", "Bình Lâm", "Sông Trà", "Phước Gia", "Thăng Phước", "Bình Sơn", "Tân Bình", "Quế Lưu"]),
    ]

    static let schoolKinds = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường Mẫu giáo"]
    static let communeKinds = ["UBND xã", "Trạm Y tế xã", "Hội Nông dân xã", "Đoàn xã", "Hội Phụ nữ xã", "Hội Cựu chiến binh xã"]
    static let mobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037",
                                 "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089"]

    static func person(_ r: inout SampleRandom) -> String {
        "\(r.pick(surnames)) \(r.pick(middles)) \(r.pick(givens))"
    }

    /// A mobile number written the way staff type them: with spaces, dots, `+84`, or plain.
    static func phone(_ r: inout SampleRandom) -> (digits: String, typed: String) {
        let prefix = r.pick(mobilePrefixes)
        var rest = ""
        for _ in 0..<7 { rest += String(r.int(0...9)) }
        let digits = prefix + rest
        let a = String(digits.prefix(4)), b = String(digits.dropFirst(4).prefix(3)), c = String(digits.suffix(3))
        switch r.int(0...5) {
        case 0: return (digits, "\(a) \(b) \(c)")
        case 1: return (digits, "\(a).\(b).\(c)")
        case 2: return (digits, "+84 \(digits.dropFirst().prefix(3)) \(b) \(c)")
        default: return (digits, digits)
        }
    }

    /// Strips Vietnamese diacritics for e-mail local parts.
    static func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().decomposedScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }))
    }
}

extension String {
    /// Unicode scalars of the canonical decomposition, with đ folded to d.
    var decomposedScalars: [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for ch in self {
            if ch == "đ" || ch == "Đ" { out.append("d"); continue }
            for s in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars { out.append(s) }
        }
        return out
    }
}

/// Two digits: `5` → `05`.
func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
