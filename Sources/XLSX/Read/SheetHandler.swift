/// Receives a worksheet's rows and cells from ``SheetHandler``, in file order.
protocol SheetSink: AnyObject {
    /// The parser to stop when the sink meets a fault (it calls ``XMLPushParser/fail(_:)``).
    var parser: XMLPushParser? { get set }
    /// A `<row>` starts.
    func beginRow(index: Int, height: Double?, hidden: Bool)
    /// A cell ends; `formula` is the formula text (shared formulas expanded) when formulas are wanted.
    func cell(_ cell: RawCell, formula: String?)
    /// The current `<row>` ends.
    func endRow(index: Int)
}

/// The engine: SAX2 events of a worksheet part turned into ``RawCell``s without a `String` per
/// cell. Values accumulate in reused buffers; `r` is parsed from bytes; cells and rows without
/// `r` take the next position. Everything outside `<sheetData>` goes into ``metadata``.
final class SheetHandler<Sink: SheetSink>: XMLContentHandler {
    let part: String
    unowned(unsafe) let sink: Sink
    /// Set before parsing, so the handler can stop the parse with an error.
    var parser: XMLPushParser?
    let wantsFormulas: Bool
    var metadata = SheetMetadata()

    private enum Collect { case none, value, inlineText, formula, validationFormula1, validationFormula2, sqref }
    private var collect = Collect.none
    private var inSheetData = false
    private var inInline = false
    private var phonetic = 0
    /// The rows and cells, shared with ``SheetScanner``.
    let cells: SheetCellBuilder<Sink>
    /// `<sheetData>` elements met so far.
    private(set) var sheetDataCount = 0

    /// A `<dataValidation>` being read: its attributes, then its formulas.
    private struct PendingValidation {
        var validation: DataValidation
        var type: String?
        var operatorName: String?
        var formula1: String?
        var formula2: String?
    }
    private var validation: PendingValidation?
    /// The ranges of the `<conditionalFormatting>` being read, and its rule being read.
    private var conditionalRanges: [CellRange]?
    private var rule: PendingRule?
    private let validationText = ByteAccumulator()
    /// The date system of the workbook, for date bounds of validations.
    let dateSystem: DateSystem

    init(part: String, sink: Sink, wantsFormulas: Bool, dateSystem: DateSystem = .date1900) {
        self.part = part
        self.sink = sink
        self.wantsFormulas = wantsFormulas
        self.dateSystem = dateSystem
        cells = SheetCellBuilder(part: part, sink: sink, wantsFormulas: wantsFormulas)
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if inSheetData {
            if name.is("c") { cells.startCell(attributes); forwardFailure(); return }
            if name.is("v") { collect = .value; return }
            if name.is("row") { cells.startRow(attributes); forwardFailure(); return }
            if name.is("f") { if cells.startFormula(attributes) { collect = .formula }; return }
            if name.is("is") { inInline = true; return }
            if inInline {
                if name.is("t") { if phonetic == 0 { collect = .inlineText } }
                else if name.is("rPh") { phonetic += 1 }
            }
            return
        }
        if name.is("sheetData") { inSheetData = true; sheetDataCount += 1; return }
        startMetadata(name, attributes)
    }

    func endElement(_ name: XMLName) {
        if inSheetData {
            if name.is("v") || name.is("t") || name.is("f") { collect = .none; return }
            if name.is("c") { collect = .none; cells.endCell(value: cells.value.base, count: cells.value.count); return }
            if name.is("row") { cells.endRow(); return }
            if name.is("is") { inInline = false; return }
            if name.is("rPh") { phonetic -= 1; return }
            if name.is("sheetData") {
                if cells.inRow { cells.endRow() }
                inSheetData = false
            }
            return
        }
        endMetadata(name)
    }

    @inline(__always)
    func characters(_ bytes: UnsafeRawBufferPointer) {
        switch collect {
        case .none: return
        case .value: cells.value.append(bytes)
        case .inlineText: cells.inline.append(bytes)
        case .formula: cells.formulaText.append(bytes)
        case .validationFormula1, .validationFormula2, .sqref: validationText.append(bytes)
        }
    }

    /// Stops the parse with the cell engine's fault, if it met one.
    @inline(__always)
    private func forwardFailure() {
        if let failure = cells.failure { parser?.fail(failure) }
    }

    // MARK: Everything around the cells

    private func startMetadata(_ name: XMLName, _ attributes: XMLAttributes) {
        if validation != nil {
            if name.is("formula1") { validationText.reset(); collect = .validationFormula1 }
            else if name.is("formula2") { validationText.reset(); collect = .validationFormula2 }
            else if name.is("sqref") { validationText.reset(); collect = .sqref }
            return
        }
        if name.is("col") {
            guard let min = XMLPart.int(attributes.bytes("min")), min >= 1 else { return }
            let max = XMLPart.int(attributes.bytes("max")) ?? min
            metadata.columns.append(ColumnInfo(
                first: min - 1, last: Swift.min(Swift.max(max, min), CellReference.maxColumns) - 1,
                width: XMLPart.double(attributes.bytes("width")),
                hidden: XMLPart.bool(attributes.bytes("hidden")) ?? false,
                styleIndex: XMLPart.int(attributes.bytes("style")) ?? 0))
        } else if name.is("mergeCell") {
            if let ref = attributes.string("ref"), let range = CellRange(ref) { metadata.mergedRanges.append(range) }
        } else if name.is("pane") {
            let state = attributes.string("state") ?? "split"
            guard state == "frozen" || state == "frozenSplit" else { return }
            let columns = Int(XMLPart.double(attributes.bytes("xSplit")) ?? 0)
            let rows = Int(XMLPart.double(attributes.bytes("ySplit")) ?? 0)
            metadata.freezePane = FreezePane(rows: rows, columns: columns,
                                             topLeftCell: attributes.string("topLeftCell").flatMap { CellReference($0) })
        } else if name.is("dimension") {
            metadata.declaredDimension = attributes.string("ref")
        } else if name.is("sheetFormatPr") {
            metadata.defaultRowHeight = XMLPart.double(attributes.bytes("defaultRowHeight"))
            metadata.defaultColumnWidth = XMLPart.double(attributes.bytes("defaultColWidth"))
        } else if name.is("hyperlink") {
            guard let ref = attributes.string("ref"), let range = CellRange(ref.split(separator: " ").first.map(String.init) ?? ref) else { return }
            if let relID = attributes.bytes("id", namespaceSuffix: "relationships").map({ String(decoding: $0, as: UTF8.self) }) {
                metadata.hyperlinkRelationships[range] = relID
            } else {
                metadata.hyperlinkRelationships[range] = nil
            }
            metadata.hyperlinks[range] = Hyperlink(location: attributes.string("location"), display: attributes.string("display"),
                                                   tooltip: attributes.string("tooltip"))
        } else if name.is("sheetProtection") {
            metadata.protection = Self.protection(attributes)
        } else if name.is("tablePart") {
            if let id = attributes.bytes("id", namespaceSuffix: "relationships").map({ String(decoding: $0, as: UTF8.self) }) {
                metadata.tableRelationships.append(id)
            }
        } else if name.is("conditionalFormatting") {
            conditionalRanges = RangeList.parse(attributes.string("sqref") ?? "")
        } else if name.is("cfRule"), let ranges = conditionalRanges {
            rule = PendingRule(type: attributes.string("type") ?? "", operatorName: attributes.string("operator"),
                               dxfID: XMLPart.int(attributes.bytes("dxfId")), stopIfTrue: XMLPart.bool(attributes.bytes("stopIfTrue")) ?? false,
                               ranges: ranges)
        } else if rule != nil {
            if name.is("formula") { validationText.reset(); collect = .sqref }
            else if name.is("cfvo") { rule?.thresholds.append(Self.threshold(attributes)) }
            else if name.is("color") { rule?.colors.append(Self.color(attributes)) }
        } else if name.is("dataValidation") {
            func message(_ title: String?, _ text: String?) -> DataValidation.Message? {
                title == nil && text == nil ? nil : DataValidation.Message(title: title ?? "", text ?? "")
            }
            let style = attributes.string("errorStyle").flatMap(DataValidation.ErrorStyle.init(rawValue:)) ?? .stop
            validation = PendingValidation(
                validation: DataValidation(
                    .any, allowBlank: XMLPart.bool(attributes.bytes("allowBlank")) ?? false,
                    inputMessage: message(attributes.string("promptTitle"), attributes.string("prompt")),
                    errorMessage: message(attributes.string("errorTitle"), attributes.string("error")),
                    errorStyle: style, hideDropDown: XMLPart.bool(attributes.bytes("showDropDown")) ?? false,
                    showInputMessage: XMLPart.bool(attributes.bytes("showInputMessage")) ?? false,
                    showErrorMessage: XMLPart.bool(attributes.bytes("showErrorMessage")) ?? false,
                    ranges: RangeList.parse(attributes.string("sqref") ?? "")),
                type: attributes.string("type"), operatorName: attributes.string("operator"))
        }
    }

    /// A `<cfRule>` being read.
    struct PendingRule {
        var type: String
        var operatorName: String?
        var dxfID: Int?
        var stopIfTrue: Bool
        var ranges: [CellRange]
        var formulas: [String] = []
        var thresholds: [ConditionalFormat.Threshold] = []
        var colors: [Color] = []

        /// The rule in the model; nil for kinds it does not hold (icon sets, top 10, text rules…).
        var format: ConditionalFormat? {
            let rule: ConditionalFormat.Rule
            switch type {
            case "cellIs":
                guard let op = operatorName.flatMap(ConditionalFormat.Operator.init(rawValue:)), let first = formulas.first else { return nil }
                rule = .cellValue(op, first, formulas.count > 1 ? formulas[1] : nil)
            case "expression":
                guard let f = formulas.first else { return nil }
                rule = .expression(f)
            case "duplicateValues": rule = .duplicateValues
            case "uniqueValues": rule = .uniqueValues
            case "colorScale":
                rule = .colorScale(thresholds, colors)
            case "dataBar":
                guard thresholds.count == 2, let c = colors.first else { return nil }
                rule = .dataBar(c, lowest: thresholds[0], highest: thresholds[1])
            default:
                return nil
            }
            return ConditionalFormat(rule, stopIfTrue: stopIfTrue, ranges: ranges)
        }
    }

    static func threshold(_ a: XMLAttributes) -> ConditionalFormat.Threshold {
        let value = a.string("val") ?? ""
        switch a.string("type") {
        case "min": return .lowest
        case "max": return .highest
        case "percent": return Double(value).map { .percent($0) } ?? .formula(value)
        case "percentile": return Double(value).map { .percentile($0) } ?? .formula(value)
        case "num": return Double(value).map { .number($0) } ?? .formula(value)
        default: return .formula(value)
        }
    }

    static func color(_ a: XMLAttributes) -> Color {
        if let rgb = a.string("rgb") { return .rgb(rgb.uppercased()) }
        if let theme = XMLPart.int(a.bytes("theme")) { return .theme(theme, tint: XMLPart.double(a.bytes("tint")) ?? 0) }
        return .indexed(XMLPart.int(a.bytes("indexed")) ?? 64)
    }

    /// The protection a `<sheetProtection>` describes, with its allowed actions.
    static func protection(_ a: XMLAttributes) -> SheetProtection? {
        guard XMLPart.bool(a.bytes("sheet")) ?? false else { return nil }
        var allowed: Set<SheetProtection.Action> = []
        // objects, scenarios and the two selections: set means protected (selections: 1 forbids).
        if !(XMLPart.bool(a.bytes("objects")) ?? false) { allowed.insert(.objects) }
        if !(XMLPart.bool(a.bytes("scenarios")) ?? false) { allowed.insert(.scenarios) }
        if !(XMLPart.bool(a.bytes("selectLockedCells")) ?? false) { allowed.insert(.selectLockedCells) }
        if !(XMLPart.bool(a.bytes("selectUnlockedCells")) ?? false) { allowed.insert(.selectUnlockedCells) }
        // The others default to protected (1); 0 allows them.
        let rest: [(StaticString, SheetProtection.Action)] = [
            ("formatCells", .formatCells), ("formatColumns", .formatColumns), ("formatRows", .formatRows),
            ("insertColumns", .insertColumns), ("insertRows", .insertRows), ("insertHyperlinks", .insertHyperlinks),
            ("deleteColumns", .deleteColumns), ("deleteRows", .deleteRows), ("sort", .sort), ("autoFilter", .autoFilter),
            ("pivotTables", .pivotTables),
        ]
        for (name, action) in rest where XMLPart.bool(a.bytes(name)) == false { allowed.insert(action) }
        var p = SheetProtection(allowed: allowed)
        p.passwordHash = a.string("password")
        return p
    }

    private func endMetadata(_ name: XMLName) {
        if rule != nil {
            if name.is("formula") {
                rule?.formulas.append(validationText.string)
                collect = .none
            } else if name.is("cfRule"), let r = rule {
                if let f = r.format {
                    metadata.conditionalFormats.append(f)
                    metadata.conditionalFormatStyleIDs.append(r.dxfID)
                }
                rule = nil
            }
            return
        }
        if name.is("conditionalFormatting") { conditionalRanges = nil }
        guard validation != nil else { return }
        if name.is("dataValidation") {
            if var v = validation {
                v.validation.rule = DataValidation.rule(type: v.type, operator: v.operatorName, formula1: v.formula1,
                                                        formula2: v.formula2, system: dateSystem)
                metadata.dataValidations.append(v.validation)
            }
            validation = nil
            collect = .none
        } else if name.is("formula1") {
            validation?.formula1 = validationText.string
            collect = .none
        } else if name.is("formula2") {
            validation?.formula2 = validationText.string
            collect = .none
        } else if name.is("sqref") {
            validation?.validation.ranges = RangeList.parse(validationText.string)
            collect = .none
        }
    }
}

extension RawCellType {
    /// The type named by a `t` attribute; unknown names read as formula strings (text).
    init(attribute b: UnsafeRawBufferPointer) {
        switch b.count {
        case 1:
            switch b[0] {
            case 0x73: self = .sharedString
            case 0x6E: self = .number
            case 0x62: self = .boolean
            case 0x65: self = .error
            case 0x64: self = .isoDate
            default: self = .formulaString
            }
        case 9 where b[0] == 0x69: self = .inlineString
        default: self = .formulaString
        }
    }
}
