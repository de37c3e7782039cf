extension DefinedName {
    /// A name to write: `formula` is what it refers to, without `=`.
    init(_ name: String, refersTo formula: String, localSheet: Int? = nil, hidden: Bool = false) {
        self.init(name: name, formula: formula, localSheetIndex: localSheet, hidden: hidden)
    }

    /// Excel's rules: starts with a letter, `_` or `\\`, then letters, digits, `_`, `.`;
    /// at most 255 characters; not a cell reference.
    func validate() throws {
        guard let first = name.unicodeScalars.first, name.utf16.count <= 255,
              first.properties.isAlphabetic || first == "_" || first == "\\",
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "." || $0 == "\\" }),
              name.hasPrefix("_xlnm.") || CellReference(name) == nil
        else {
            throw XLSXError.invalidOperation("\"\(name)\" is not a valid defined name")
        }
    }
}
