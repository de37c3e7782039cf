/// A defined name: a named range, constant or formula, for the whole workbook or local to one
/// sheet, such as `DanhSachDonVi` → `'Đơn vị'!$A$2:$A$40` (``Workbook/definedNames`` when
/// reading; ``WorkbookWriter/defineName(_:)`` when writing).
public struct DefinedName: Hashable, Sendable {
    /// The name; Excel's built-in names start `_xlnm.` (`_xlnm.Print_Area`, `_xlnm.Print_Titles`).
    public var name: String
    /// What it refers to, as formula text without `=` (`'Đơn vị'!$A$2:$A$40`).
    public var refersTo: String
    /// The zero-based position of the sheet it is local to; nil for a workbook-wide name.
    public var localSheet: Int?
    /// True when Excel hides it from the Name Manager.
    public var hidden: Bool

    /// A name referring to `refersTo` (formula text without `=`), workbook-wide unless `localSheet` is given.
    public init(_ name: String, refersTo: String, localSheet: Int? = nil, hidden: Bool = false) {
        self.name = name
        self.refersTo = refersTo
        self.localSheet = localSheet
        self.hidden = hidden
    }

    /// Excel's rules: starts with a letter, `_` or `\`, then letters, digits, `_`, `.`;
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
