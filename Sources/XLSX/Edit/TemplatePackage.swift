/// The facts of a workbook package a fill or an annotation needs — where the sheets are, their
/// names, the shared strings, which styles show dates, each part's relationships — taken from
/// the reader's own package layer (``Workbook``, ``RelationshipsReader``), so that filling,
/// marking and reading resolve targets, decode escapes and honour limits alike.
struct TemplatePackage {
    /// A relationship of a part, its target resolved to a part name.
    typealias Relationship = XLSX.Relationship

    /// A worksheet: its name and part.
    struct Sheet {
        var name: String
        var part: String
    }

    let archive: ZipArchive
    let workbookPart: String
    let sheets: [Sheet]
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let dateSystem: DateSystem
    let calcChainPart: String?

    init(archive: ZipArchive) throws {
        self.archive = archive
        let workbook = try Workbook(archive: archive, path: nil)
        workbookPart = workbook.workbookPart
        sheets = workbook.sheets.compactMap { info in
            guard info.kind == .worksheet, let part = info.part else { return nil }
            return Sheet(name: info.name, part: part)
        }
        let strings = workbook.sharedStrings
        sharedStrings = (0..<strings.count).map { strings.string(at: $0) ?? "" }
        let formats = workbook.cellFormats
        dateStyles = Set((0..<formats.count).filter { formats.dateKind($0) != nil })
        dateSystem = workbook.dateSystem
        calcChainPart = try RelationshipsReader.read(archive, of: workbookPart)
            .first { !$0.isExternal && $0.isType("calcChain") }?.target
    }

    /// The part holding the relationships of `part`.
    static func relationshipsPart(of part: String) -> String {
        part.isEmpty ? "_rels/.rels" : RelationshipsReader.relsName(of: part)
    }

    /// The relationships of a part (none when it has no relationships part).
    func relationships(of part: String) throws -> [Relationship] {
        try RelationshipsReader.read(archive, of: part)
    }

    /// The parts `part` points to with a relationship type ending in `typeSuffix`.
    func targets(of part: String, typeSuffix: String) throws -> [String] {
        try relationships(of: part).filter { !$0.isExternal && $0.type.hasSuffix(typeSuffix) }.map(\.target)
    }
}
