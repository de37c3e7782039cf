/// One identity per team, however it is written: `Nhóm 1`, `Nhóm TK 1`, `N1`, `nhom1`,
/// `Nhóm triển khai 1`, `Team 1`, `NHÓM 01` are the same team.
///
/// The key of a team is its number when it has one (`#1`), else its folded name without the
/// words that only say "team" (`Nhóm Hòa Vang` → `hoa vang`).
public enum TeamName {
    /// Folded words that only say "team" (and "deployment"): dropped before the name is compared.
    static let teamWords: Set<Substring> = ["nhom", "team", "group", "doi", "to", "trien", "khai", "tk", "n", "so"]

    /// The identity of a team as written; `nil` for a blank.
    public static func key(_ written: String) -> String? {
        var words: [Substring] = []
        for word in HeaderNormalizer.key(written).split(separator: " ") {
            // Letters glued to digits (`nhom1`, `n1`, `team01`) are two words.
            if let digit = word.firstIndex(where: \.isNumber), digit != word.startIndex,
               word[digit...].allSatisfy(\.isNumber) {
                words.append(word[..<digit])
                words.append(word[digit...])
            } else {
                words.append(word)
            }
        }
        let named = words.filter { !teamWords.contains($0) }
        if named.count == 1, let only = named.first, only.allSatisfy(\.isNumber), let n = Int(only) { return "#\(n)" }
        let key = named.joined(separator: " ")
        if !key.isEmpty { return key }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
