/// The cell formats of `styles.xml` as far as reading values needs them: for each `cellXfs`
/// entry, its number format and whether that format shows a date, time, date-time or duration.
public struct CellFormats: Sendable {
    /// The number format of each cell format index.
    public private(set) var numberFormats: [NumberFormat] = []
    /// The date kind of each cell format index, nil when it shows no date or time.
    private var dateKinds: [ExcelDateTime.Kind?] = []
    /// The custom formats the part declares, by id.
    public private(set) var customFormats: [Int: NumberFormat] = [:]

    /// Formats for a workbook without a styles part: everything General.
    public init() {}

    /// The number format of cell format `index` (General when out of range).
    public func numberFormat(_ index: Int) -> NumberFormat {
        index >= 0 && index < numberFormats.count ? numberFormats[index] : .general
    }

    /// The date kind of cell format `index`, nil when it is not a date format.
    @inline(__always)
    public func dateKind(_ index: Int) -> ExcelDateTime.Kind? {
        index >= 0 && index < dateKinds.count ? dateKinds[index] : nil
    }

    /// Number of cell formats.
    public var count: Int { numberFormats.count }

    /// The format of a built-in or custom id. Ids 27–36 and 50–58 are Excel's locale-dependent
    /// East Asian date formats, without a fixed code; they read as dates.
    static func format(id: Int, custom: [Int: NumberFormat]) -> (NumberFormat, ExcelDateTime.Kind?) {
        if let f = custom[id] { return (f, kind(of: f)) }
        if let f = NumberFormat.builtIn(id) { return (f, kind(of: f)) }
        if (27...36).contains(id) || (50...58).contains(id) { return (NumberFormat("[$-F800]dddd, mmmm dd, yyyy"), .date) }
        return (.general, nil)
    }

    static func kind(of format: NumberFormat) -> ExcelDateTime.Kind? {
        switch format.kind {
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .duration: return .duration
        default: return nil
        }
    }

    /// Reads the styles part.
    static func read(_ archive: ZipArchive, entry: ZipEntry) throws -> CellFormats {
        let handler = Handler()
        try XMLPart.parse(archive, entry: entry, handler: handler)
        var formats = CellFormats()
        formats.customFormats = handler.custom
        var cache: [Int: (NumberFormat, ExcelDateTime.Kind?)] = [:]
        for id in handler.xfNumberFormatIDs {
            let entry = cache[id] ?? format(id: id, custom: handler.custom)
            cache[id] = entry
            formats.numberFormats.append(entry.0)
            formats.dateKinds.append(entry.1)
        }
        return formats
    }

    private final class Handler: XMLContentHandler {
        var custom: [Int: NumberFormat] = [:]
        var xfNumberFormatIDs: [Int] = []
        var inCellXfs = false
        var xfDepth = 0

        func startElement(_ name: XMLName, attributes: XMLAttributes) {
            if name.is("numFmt") {
                if let id = XMLPart.int(attributes.bytes("numFmtId")), let code = attributes.string("formatCode") {
                    custom[id] = NumberFormat(code)
                }
            } else if name.is("cellXfs") {
                inCellXfs = true
            } else if inCellXfs, name.is("xf") {
                xfNumberFormatIDs.append(XMLPart.int(attributes.bytes("numFmtId")) ?? 0)
            }
        }

        func endElement(_ name: XMLName) {
            if name.is("cellXfs") { inCellXfs = false }
        }

        func characters(_ bytes: UnsafeRawBufferPointer) {}
    }
}
