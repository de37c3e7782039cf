import Foundation
import Testing
import XLSX
@testable import TrainingOps

/// The value parsers' fast paths give exactly what their general paths give.
@Suite struct FastPathTests {
    /// Text the office types, plus the awkward cases: Unicode spaces at either end, NFD,
    /// combining marks alone, symbols, scripts outside the fold table, empty and blank text.
    static let corpus: [String] = {
        var texts = ["", " ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", "\u{2003}x\u{2003}", "\u{0085}Có\u{0085}",
                     " Có ", "Có", "Không", "co", "KHONG", "x", "X", "v", "V", "✓", "✔", "☑", "✅", "✗", "✘", "☐", "❌", "✓ ",
                     "Rồi", "Chưa", "Đã", "Đã có", "đúng", "OK", "1", "0", "khong co", "chưa có", "Không\u{0300}",
                     "Có\u{0301}", "C\u{006F}\u{0301}", "\u{0301}", "a\u{0323}\u{0302}", "Ệ", "ệ", "Ǖ", "ǅ", "İ", "ß", "Æ", "ø",
                     "½", "²", "×", "«Có»", "Có–Không", "Có — rồi", "Tính lươg", "Mimosa.NET", "HĐĐT", "TP→GĐVP", "TNTK–TP",
                     "Ωmega", "Привет", "日本", "한국", "😀 Có", "Có 😀", "Có\u{200B}", "\u{FEFF}Có", "a\u{0345}b", "e\u{0308}\u{0301}",
                     "Trường THCS Xã 3 K-00001", "Nguyễn Văn Thịnh", "Trần Thị Ánh", "  Mã  Khoá-học* ", "SĐT", "Tỷ lệ (%)"]
        for kind in SheetType.allCases {
            for column in kind.schema.columns { texts += [column.header] + column.aliases }
        }
        for list in ChoiceList.allCases { texts += list.labels }
        texts += Product.allCases.flatMap(\.variants)
        texts += PaperworkStatus.allCases.flatMap(\.variants)
        texts += OpinionStatus.allCases.flatMap(\.variants)
        texts += ReportLevel.allCases.flatMap(\.variants)
        texts += TrainingMode.allCases.flatMap(\.variants)
        texts += SessionPart.allCases.flatMap(\.variants)
        texts += StaffRole.allCases.flatMap(\.variants)
        texts += OpinionImpact.allCases.flatMap(\.variants)
        let decomposed = texts.map(\.decomposedStringWithCanonicalMapping)
        let upper = texts.map { $0.uppercased() }
        return texts + decomposed + upper
    }()

    /// Strings drawn from `pool`, reproducibly.
    static func random(_ count: Int, from pool: [String], maxLength: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % (maxLength + 1))).map { _ in pool[next() % pool.count] }.joined() }
    }

    static let keyPool = ["a", "Z", "5", " ", "-", "(", "đ", "Đ", "ó", "o\u{0301}", "\u{0323}", "ư", "Ữ", "ễ", "ç", "ø",
                          "×", "–", "\u{00A0}", "\u{2003}", "½", "ǅ", "İ", "Ω", "日", "\u{0345}", "\u{05B0}", "\t", "\r\n"]

    @Test func keysAgreeWithTheGeneralFold() {
        let texts = Self.corpus + Self.random(3_000, from: Self.keyPool, maxLength: 8, seed: 7)
        for text in texts {
            #expect(HeaderNormalizer.key(text) == HeaderNormalizer.foldedKey(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func everyTableScalarFoldsAsTheGeneralFold() {
        for range in FoldTable.ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                for text in [String(s), "a" + String(s) + "b", "a " + String(s) + " b", String(s) + String(s)] {
                    #expect(HeaderNormalizer.key(text) == HeaderNormalizer.foldedKey(text), "U+\(String(v, radix: 16))")
                }
            }
        }
    }

    @Test func trimmingAgreesWithFoundation() {
        let texts = Self.corpus + Self.random(2_000, from: Self.keyPool + ["\u{0085}", "\u{2028}", "\u{3000}", "\n", "😀"],
                                             maxLength: 5, seed: 11)
        for text in texts {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(CellParser.trimmed(text) == (t.isEmpty ? nil : t), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scalarTableAgreesWithFoundation() {
        for v in UInt32(0)..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(CharacterClasses.isTrimmed(s) == CharacterSet.whitespacesAndNewlines.contains(s), "U+\(String(v, radix: 16))")
        }
    }

    static let phonePool = ["0", "1", "2", "3", "8", "9", "4", "+", " ", ".", "-", "(", ")", "/", ";", ",", "|", "\t", "a", "x", "\r\n"]

    @Test func phonesAgreeWithTheGeneralParser() {
        let written = ["0912345678", "091 234 5678", "0912.345.678", "(024) 3823 4567", "+84 912 345 678", "84912345678",
                       "0084912345678", "912345678", "2438234567", "0912345678 / 0987654321", "0912345678;", "/", ";;",
                       " 0912345678 ", "+0912345678", "+", "84", "0243823456", "02438234567", "0912345678 ext 2", "09123456789"]
        let texts = written + Self.random(20_000, from: Self.phonePool, maxLength: 14, seed: 3)
            + Self.random(5_000, from: ["09", "12", "84", "+84 ", "0084", " / ", "345", "6789", "02", "."], maxLength: 6, seed: 5)
        for text in texts {
            #expect(ASCIIParsers.phone(text) ?? CellParser.phoneText(text) == CellParser.phoneText(text), "\(text)")
            #expect(ASCIIParsers.normalisePhone(text) ?? CellParser.normalisePhoneText(text) == CellParser.normalisePhoneText(text), "\(text)")
        }
    }

    @Test func emailsAgreeWithTheGeneralTest() {
        let written = ["kt1@gmail.com", "a@b.c", "@b.c", "a@bc", "a@b.", "a@@b.c", "a@b@c.d", "a b@c.d", "a@b .c", "a@.c", ".@..",
                       "a\t@b.c", "nguyễn@gmail.com"]
        let texts = written + Self.random(20_000, from: ["a", "@", ".", " ", "\t", "x", "-", "\r\n", "é"], maxLength: 7, seed: 9)
        for text in texts {
            #expect(ASCIIParsers.isEmail(text) ?? CellParser.isEmailText(text) == CellParser.isEmailText(text), "\(text)")
        }
    }

    @Test func courseIdsAgreeWithTheGeneralCanonicalForm() {
        let texts = ["K-00001", "k-00001", " K-1 ", "K 1", "K\t1", "k\u{00A0}1", "ß-1", "", "  ", "đ-1", "Ab-cD"]
            + Self.random(5_000, from: ["k", "K", "-", "1", " ", "\t", "ß", "é", "\r\n", "ǅ"], maxLength: 6, seed: 13)
        for text in texts {
            let general = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
            #expect(canonicalCourseId(text) == (general.isEmpty ? nil : general), "\(text)")
        }
    }

    /// The first case whose label or a variant folds to the key: the definition the index replaces.
    static func scan<V: Vocabulary>(_ text: String, _ type: V.Type) -> V? {
        let key = HeaderNormalizer.foldedKey(text)
        guard !key.isEmpty else { return nil }
        return V.allCases.first { v in ([v.label] + v.variants).contains { HeaderNormalizer.foldedKey($0) == key } }
    }

    @Test func vocabularyLookupsAgreeWithAScan() {
        for text in Self.corpus {
            #expect(Product.exactMatch(text) == Self.scan(text, Product.self))
            #expect(PaperworkStatus.exactMatch(text) == Self.scan(text, PaperworkStatus.self))
            #expect(OpinionStatus.exactMatch(text) == Self.scan(text, OpinionStatus.self))
            #expect(OpinionImpact.exactMatch(text) == Self.scan(text, OpinionImpact.self))
            #expect(ReportLevel.exactMatch(text) == Self.scan(text, ReportLevel.self))
            #expect(SessionPart.exactMatch(text) == Self.scan(text, SessionPart.self))
        }
        // "Không" is a variant of both not-applicable and (for impacts) other: the first case declared wins.
        #expect(PaperworkStatus.exactMatch("không") == .notApplicable)
        #expect(Product.nearMatch("Tính lươg") == .payroll)
    }
}
