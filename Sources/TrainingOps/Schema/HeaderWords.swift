/// The words a header is compared by: its folded key (``HeaderNormalizer/key(_:)``) split into
/// words, the office's abbreviations spelt out, and the two- and three-syllable words that have
/// synonyms (`thời điểm`, `số lượng`, `báo cáo`) kept together as one word.
///
/// Vietnamese writes every syllable apart, so `Số lượng đơn vị vắng` is five syllables; what
/// the scorer compares are words: `số lượng`, `đơn vị`, `vắng`.
enum HeaderWords {
    /// Abbreviations with a single reading, spelt out in headers and in the vocabularies alike:
    /// `ĐV` and `đơn vị` are then the same words.
    static let abbreviations: [String: String] = [
        "dv": "don vi", "sl": "so luong", "tg": "thoi gian", "nv": "nhan vien", "bg": "ban giao",
        "th": "tap huan", "ks": "khao sat", "dvcq": "don vi chu quan", "cq": "chu quan",
        "tntk": "truong nhom trien khai", "tnxt": "truong nhom xuc tien", "tp": "truong phong",
        "gd": "giam doc", "gdvp": "giam doc van phong", "vp": "van phong", "bc": "bao cao",
        "ds": "danh sach", "hd": "hop dong", "sdt": "so dien thoai", "bp": "bo phan", "kq": "ket qua",
        "tk": "trien khai", "sd": "su dung", "lh": "lien he", "xn": "xac nhan",
        "hcsn": "hanh chinh su nghiep", "cv": "cong van", "stt": "so thu tu", "cbi": "chuan bi",
        "sp": "san pham", "bd": "bat dau", "cb": "can bo", "ns": "nhan su", "lv": "lam viec",
        "yk": "y kien", "kn": "kien nghi", "cs": "cham soc", "gs": "giam sat", "td": "tien do",
        "bgd": "ban giam doc", "hv": "hoc vien", "nd": "noi dung", "xl": "xu ly",
    ]

    /// Abbreviations with several readings (`KH`: kế hoạch, khách hàng, khóa học). A header
    /// is tried with each reading and as written; a vocabulary keeps them as written, so that
    /// `Mã KH` does not make every `Mã khách hàng` a course id.
    static let ambiguousAbbreviations: [String: [String]] = [
        "kh": ["ke hoach", "khach hang", "khoa hoc"],
        "dt": ["dien thoai", "du toan"],
        "kt": ["ket thuc", "kiem tra", "ke toan"],
        "ht": ["hinh thuc", "ho tro", "hoan thanh"],
        "tl": ["ty le", "thanh ly"],
        "tt": ["tinh trang", "thong tin", "truc tiep", "truc tuyen"],
    ]

    /// An abbreviation glued to the next (`TLHĐ`, `SLĐV`): a syllable without a vowel, not an
    /// abbreviation itself, that splits wholly into known abbreviations of two letters or
    /// more, read as those abbreviations (the split with the fewest parts).
    static func glued(_ syllable: String) -> [String]? {
        let n = syllable.utf8.count
        guard n >= 4, n <= 12, syllable.utf8.allSatisfy(isConsonantLetter),
              abbreviations[syllable] == nil, ambiguousAbbreviations[syllable] == nil else { return nil }
        let letters = Array(syllable.utf8)
        // best[i]: the fewest parts covering letters[..<i].
        var best: [[String]?] = Array(repeating: nil, count: letters.count + 1)
        best[0] = []
        for end in 1...letters.count {
            for start in stride(from: end - 2, through: 0, by: -1) {
                guard let prefix = best[start] else { continue }
                let part = String(decoding: letters[start..<end], as: UTF8.self)
                guard abbreviations[part] != nil || ambiguousAbbreviations[part] != nil else { continue }
                if best[end] == nil || best[end]!.count > prefix.count + 1 { best[end] = prefix + [part] }
            }
        }
        guard let parts = best[letters.count], parts.count >= 2 else { return nil }
        return parts
    }

    /// Words meaning the same thing to a header: a word of a group gets part of the credit of
    /// another word of it (``ColumnVocabulary/synonymCredit``). Words of several syllables here
    /// are also what ``words(_:)`` keeps together.
    static let synonymGroups: [[String]] = [
        ["ngay", "thoi diem", "thoi gian", "ngay gio", "gio", "date", "time", "luc"],
        ["gui", "nop", "sent", "send"],
        ["khoa", "lop", "khoa hoc", "course", "class"],
        ["so", "so luong", "count", "number"],
        ["don vi", "khach hang", "unit", "units", "customer"],
        ["bao cao", "report", "bao"],
        ["ten", "ho ten", "name"],
        ["nhan vien", "can bo", "staff", "trainer"],
        ["dien thoai", "so dien thoai", "di dong", "phone", "mobile", "tel"],
        ["khao sat", "survey"],
        ["kiem tra", "check", "checked"],
        ["giam sat", "supervise", "supervisor", "supervising"],
        ["ly do", "reason"],
        ["dia diem", "noi to chuc", "venue", "location"],
        ["bat dau", "start"],
        ["vai tro", "phan cong", "nhiem vu", "role"],
        ["ket thuc", "end"],
        ["xac nhan", "confirm", "confirmed"],
        ["cap nhat", "cap nhap", "update", "updated"],
        ["ket qua", "result", "results"],
        ["ho tro", "support"],
        ["kho khan", "difficulty", "difficulties"],
        ["trang thai", "tinh trang", "status"],
        ["phat bieu", "speak", "spoke"],
        ["dang nhap", "login"],
        ["vang", "vang mat", "absent"],
        ["duyet", "phe duyet", "approved"],
        ["ban giao", "handover"],
        // The process text calls the partner agency both: "Chủ quản phát biểu", "Đối tác phát biểu".
        ["chu quan", "don vi chu quan", "co quan chu quan", "agency", "doi tac", "partner", "nguoi dai dien"],
        ["ke hoach", "plan"],
        ["hop dong", "contract"],
        ["thu no", "cong no", "debt"],
        ["tien do", "progress"],
        ["han", "deadline", "due"],
        ["tuan", "week"],
        ["noi dung", "content"],
        ["ghi chu", "note", "notes"],
        ["ty le", "phan tram", "rate"],
        ["du lieu", "so lieu", "data"],
        ["nhap lieu", "nhap so lieu"],
        ["cho ngoi", "seats"],
        ["truong phong", "head"],
        ["chung tu", "documents"],
        ["may tinh", "laptop"],
        ["goi", "goi dien", "call"],
        ["xong", "hoan thanh", "done"],
        ["nhom", "team"],
        ["vai tro", "nhiem vu", "role"],
        ["email", "e mail", "mail", "thu dien tu"],
        ["su dung", "using"],
        ["tap huan", "dao tao", "training"],
    ]

    /// Words that tie a header together without naming anything: they weigh little.
    static let stopWords: Set<String> = Set([
        "cua", "cho", "va", "cac", "la", "ai", "nao", "voi", "tai", "ve", "hoac", "neu",
        "the", "of", "for", "and", "by", "on", "at", "in", "a", "an",
    ].map(spelled))

    /// Words of several syllables kept together, by their first syllable, longest first: the
    /// words of the synonym groups and what the abbreviations stand for, so that a role such as
    /// `trưởng nhóm xúc tiến` weighs as one word, typed in full or as `TNXT`.
    static let compounds: [String: [[String]]] = {
        var byFirst: [String: Set<[String]>] = [:]
        let words = Array(synonymGroups.joined()) + Array(abbreviations.values) + Array(ambiguousAbbreviations.values.joined())
        for word in words where word.contains(" ") {
            let syllables = word.split(separator: " ").map(spelling)
            byFirst[syllables[0], default: []].insert(syllables)
        }
        return byFirst.mapValues { $0.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) } }
    }()

    /// The spelling a syllable is compared by: Vietnamese writes a final `i` after a lone
    /// consonant also as `y` (`tỷ lệ` / `tỉ lệ`, `lý do` / `lí do`, `kỹ thuật` / `kĩ thuật`),
    /// and both are the same word. Folded: `ty` → `ti`.
    @inline(__always)
    static func spelling(_ syllable: Substring) -> String {
        let u = syllable.utf8
        guard u.count == 2, u.last == UInt8(ascii: "y"), let first = u.first, isConsonant(first) else { return String(syllable) }
        return String(decoding: [first, UInt8(ascii: "i")], as: UTF8.self)
    }

    /// A folded letter that is not a vowel (`y` counts as one).
    @inline(__always)
    static func isConsonantLetter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return false
        default: return (0x61...0x7a).contains(b)
        }
    }

    /// A folded consonant that may stand alone before a final `i`/`y`.
    @inline(__always)
    static func isConsonant(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "k"),
             UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "s"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "x"):
            return true
        default:
            return false
        }
    }

    /// A folded text with every syllable in its ``spelling(_:)``.
    static func spelled(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "y")) else { return text }
        return text.split(separator: " ").map(spelling).joined(separator: " ")
    }

    /// The words of a folded key, syllables of a known compound joined by one space:
    /// `"so luong don vi vang"` → `["so luong", "don vi", "vang"]`.
    static func words(_ key: String) -> [String] {
        let syllables = key.split(separator: " ", omittingEmptySubsequences: true).map(spelling)
        var out: [String] = []
        out.reserveCapacity(syllables.count)
        var i = 0
        while i < syllables.count {
            if let candidates = compounds[syllables[i]],
               let hit = candidates.first(where: { i + $0.count <= syllables.count && Array(syllables[i..<i + $0.count]) == $0 }) {
                out.append(hit.joined(separator: " "))
                i += hit.count
            } else {
                out.append(syllables[i])
                i += 1
            }
        }
        return out
    }

    /// How many readings of the ambiguous abbreviations are tried at most.
    static let maxReadings = 8

    /// The readings of a folded key as lists of words. Single-reading abbreviations are spelt
    /// out; with `readingAmbiguous`, each ambiguous abbreviation is tried as written and in
    /// each of its readings (at most ``maxReadings`` readings in all).
    static func readings(_ key: String, readingAmbiguous: Bool) -> [[String]] {
        // Most keys hold no abbreviation: one reading, the key's words.
        let split = key.split(separator: " ").flatMap { syllable in glued(String(syllable)) ?? [String(syllable)] }
        if !split.contains(where: { abbreviations[$0] != nil || ambiguousAbbreviations[$0] != nil }) {
            return [words(key)]
        }
        var syllables: [[String]] = [[]]
        for s in split {
            if let long = abbreviations[s] {
                let spelt = long.split(separator: " ").map(String.init)
                for i in syllables.indices { syllables[i] += spelt }
            } else if readingAmbiguous, let longs = ambiguousAbbreviations[s], syllables.count * (longs.count + 1) <= maxReadings {
                var next: [[String]] = []
                for prefix in syllables {
                    next.append(prefix + [s])
                    for long in longs { next.append(prefix + long.split(separator: " ").map(String.init)) }
                }
                syllables = next
            } else {
                for i in syllables.indices { syllables[i].append(s) }
            }
        }
        return syllables.map { words($0.joined(separator: " ")) }
    }
}
