/// The people a staff cell names: one, or several typed in one cell, one a line or between
/// `,` `;` `/` `+` `&` or the word `và` (`Võ Thành Trung, Đặng Ngọc Ánh`). A name is never
/// cut inside: Vietnamese names hold none of these.
enum StaffNames {
    /// The names in `text`, trimmed, in order; `text` itself when it holds no separator.
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        func close() {
            let name = current.trimmingWhitespace
            if !name.isEmpty { names.append(name) }
            current = ""
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.lowercased() == "và" {
                close()
                continue
            }
            if !current.isEmpty { current += " " }
            for c in word {
                if c.isNewline || ",;/+&".contains(c) { close() } else { current.append(c) }
            }
        }
        close()
        return names.count > 1 ? names : [text]
    }
}

extension String {
    /// The string without white space at either end.
    fileprivate var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
