/// The names a writer has defined, each checked as Excel checks it before it is kept.
struct DefinedNames {
    private(set) var all: [DefinedName] = []

    /// Keeps `name` (a leading `=` of its formula dropped) for a workbook of `sheetCount`
    /// sheets; throws for a name Excel refuses, one local to a sheet not yet added, or one
    /// defined already in the same scope (names ignore case).
    mutating func define(_ name: DefinedName, sheetCount: Int) throws {
        var defined = name
        if defined.refersTo.hasPrefix("=") { defined.refersTo.removeFirst() }
        try defined.validate()
        if let local = defined.localSheet, !(0..<sheetCount).contains(local) {
            throw XLSXError.invalidOperation("the name \(defined.name) is local to sheet \(local + 1), which the workbook does not have yet")
        }
        if all.contains(where: { $0.name.lowercased() == defined.name.lowercased() && $0.localSheet == defined.localSheet }) {
            throw XLSXError.invalidOperation("the name \(defined.name) is defined twice in the same scope")
        }
        all.append(defined)
    }
}
