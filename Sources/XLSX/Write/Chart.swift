/// A native Excel chart placed on a sheet: column, bar, line, pie or doughnut, one or more
/// series read from ranges of cells, with optional titles. Excel and LibreOffice draw it from the ranges; the
/// cached values, when given, are what a viewer shows before recalculating.
public struct Chart: Hashable, Sendable {
    /// The chart's kind.
    public enum Kind: Hashable, Sendable {
        /// Vertical bars.
        case column
        /// Horizontal bars.
        case bar
        /// Lines with a marker at each point, categories along the bottom (`c:lineChart`,
        /// standard grouping, as Excel writes it).
        case line
        /// Shares of a whole, one slice per value of the first series (`c:pieChart`, slices in
        /// varied colours).
        case pie
        /// A pie with a hole, one ring per series (`c:doughnutChart`); the hole's size is
        /// ``Chart/holeSize``.
        case doughnut

        /// Whether the chart has axes (pie and doughnut do not).
        var hasAxes: Bool { self != .pie && self != .doughnut }
    }

    /// Cached category labels, as a viewer shows them before recalculating: text (`c:strRef`
    /// with a `c:strCache`) or numbers (`c:numRef` with a `c:numCache`).
    public enum CachedCategories: Hashable, Sendable {
        /// Labels, written as a `c:strCache`.
        case text([String])
        /// Numbers (years, codes), written as a `c:numCache`.
        case numbers([Double])

        var count: Int {
            switch self {
            case .text(let t): t.count
            case .numbers(let n): n.count
            }
        }
    }

    /// One series: its values, their categories, and a name for the legend.
    public struct Series: Hashable, Sendable {
        /// The sheet holding the ranges.
        public var sheet: String
        /// The values: a single row or column.
        public var values: CellRange
        /// The category labels: a single row or column as long as the values.
        public var categories: CellRange?
        /// The legend's name for the series.
        public var name: String?
        /// The values as they are now (optional cache).
        public var cachedValues: [Double]
        /// The bars' (or line's and markers') colour as `RRGGBB`; nil leaves it to the viewer's
        /// theme. Set it when the workbook has no theme part (ours): LibreOffice then draws
        /// automatic bars invisible.
        public var fillColor: String?
        /// The category labels as they are now (optional cache); numbers make the categories a
        /// numeric reference, as Excel writes categories that are numbers.
        public var cachedCategories: CachedCategories?
        /// Pie and doughnut: each slice's colour as `RRGGBB` in the order of the values (a
        /// `c:dPt` per colour given; nil leaves that slice to the viewer). Give every slice a
        /// colour when the workbook has no theme part (ours), as for ``fillColor``.
        public var pointColors: [String?]

        /// A series of `values` on `sheet`, with optional categories, legend name, caches and slice colours.
        public init(sheet: String, values: CellRange, categories: CellRange? = nil, name: String? = nil,
                    cachedValues: [Double] = [], cachedCategories: CachedCategories? = nil, pointColors: [String?] = []) {
            self.sheet = sheet
            self.values = values
            self.categories = categories
            self.name = name
            self.cachedValues = cachedValues
            self.cachedCategories = cachedCategories
            self.pointColors = pointColors
        }
    }

    /// Office's default series colours (`RRGGBB`), to give series explicit colours in turn.
    public static let palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"]

    /// Column or bar.
    public var kind: Kind
    /// The series, drawn side by side in each category.
    public var series: [Series]
    /// The title above the chart; nil for none.
    public var title: String?
    /// The title of the category axis; nil for none.
    public var categoryAxisTitle: String?
    /// The title of the value axis; nil for none.
    public var valueAxisTitle: String?
    /// Where it sits: from the top-left corner of the first cell to that of the last.
    public var anchor: CellRange
    /// Whether the legend shows (on the right).
    public var showLegend: Bool
    /// Line charts: a circle marker at each point (true) or the bare line (`c:symbol` none).
    public var markers: Bool = true
    /// Pie and doughnut: where the first slice starts, in degrees clockwise from the top (0–360).
    public var firstSliceAngle: Int = 0
    /// Doughnut: the hole's diameter as a percentage of the chart's (10–90; Excel's default 50).
    public var holeSize: Int = 50
    /// Pie and doughnut: each slice labelled with its percentage of the whole.
    public var showPercentages: Bool = false

    /// A chart of `kind` showing `series`, placed over `anchor`.
    public init(_ kind: Kind, series: [Series], title: String? = nil, categoryAxisTitle: String? = nil,
                valueAxisTitle: String? = nil, anchor: CellRange, showLegend: Bool = true) {
        self.kind = kind
        self.series = series
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.anchor = anchor
        self.showLegend = showLegend
    }

    /// Checks that there are series, each over one row or column.
    func validate() throws {
        guard !series.isEmpty, series.count <= 255 else {
            throw XLSXError.invalidOperation("a chart needs 1–255 series (got \(series.count))")
        }
        for s in series {
            try SheetName.validate(s.sheet)
            for r in [s.values, s.categories].compactMap({ $0 }) where r.rowCount != 1 && r.columnCount != 1 {
                throw XLSXError.invalidOperation("chart range \(r) must be a single row or column")
            }
            let length = max(s.values.rowCount, s.values.columnCount)
            if let c = s.categories, max(c.rowCount, c.columnCount) != length {
                throw XLSXError.invalidOperation("chart categories \(c) and values \(s.values) differ in length")
            }
            if let cached = s.cachedCategories, s.categories == nil || cached.count != length {
                throw XLSXError.invalidOperation("cached categories need a category range as long as the values \(s.values)")
            }
            if s.pointColors.count > length {
                throw XLSXError.invalidOperation("\(s.pointColors.count) slice colours for \(length) values \(s.values)")
            }
        }
        if kind == .pie, series.count != 1 {
            throw XLSXError.invalidOperation("a pie chart draws one series (got \(series.count)); a doughnut draws several")
        }
        guard (0...360).contains(firstSliceAngle) else {
            throw XLSXError.invalidOperation("first slice angle \(firstSliceAngle) is not within 0–360")
        }
        guard (10...90).contains(holeSize) else {
            throw XLSXError.invalidOperation("doughnut hole size \(holeSize) is not within 10–90")
        }
    }
}

extension SheetLayout {
    /// Places a chart on the sheet.
    public func addChart(_ chart: Chart) throws {
        try chart.validate()
        charts.append(chart)
    }
}

/// The parts of charts: the sheet's drawing (where each chart sits) and one chart part each.
enum ChartXML {
    /// Writes `xl/drawings/drawing{n}.xml`; chart i is related as `rId{i+1}`, then picture j
    /// as `rId{charts + j + 1}`. Shape ids run on across charts and pictures.
    static func drawing(_ charts: [Chart], images: [PlacedImage] = [], to xml: XMLWriter) {
        xml.raw(PartXML.declaration)
        xml.raw("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">")
        for (i, chart) in charts.enumerated() {
            xml.raw("<xdr:twoCellAnchor><xdr:from><xdr:col>")
            xml.int(chart.anchor.start.column)
            xml.raw("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
            xml.int(chart.anchor.start.row)
            xml.raw("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>")
            xml.int(chart.anchor.end.column)
            xml.raw("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
            xml.int(chart.anchor.end.row)
            xml.raw("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr")
            xml.attribute("id", i + 2)
            xml.attribute("name", "Chart \(i + 1)")
            xml.raw("/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
            xml.attribute("r:id", "rId\(i + 1)")
            xml.raw("/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>")
        }
        for (j, image) in images.enumerated() {
            ImageXML.anchor(image, id: charts.count + j + 2, number: j + 1, relation: "rId\(charts.count + j + 1)", to: xml)
        }
        xml.raw("</xdr:wsDr>")
    }

    /// Axis ids, as Excel numbers them (any pair of distinct numbers will do).
    static let categoryAxis = 50_010_001, valueAxis = 50_010_002

    /// Writes `xl/charts/chart{k}.xml`, its elements in the order Excel writes them (corpus
    /// chart_column01, chart_line01, chart_pie01, chart_doughnut01, chart_points01).
    static func chart(_ chart: Chart, to xml: XMLWriter) {
        xml.raw(PartXML.declaration)
        xml.raw("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:lang val=\"en-US\"/><c:chart>")
        if let t = chart.title {
            title(t, xml)
            xml.raw("<c:autoTitleDeleted val=\"0\"/>")
        }
        xml.raw("<c:plotArea><c:layout/>")
        switch chart.kind {
        case .line:
            // varyColors and smooth are written although Excel's own line files leave them out:
            // LibreOffice reads an absent one as true (the standard's default).
            xml.raw("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>")
        case .pie:
            xml.raw("<c:pieChart><c:varyColors val=\"1\"/>")
        case .doughnut:
            xml.raw("<c:doughnutChart><c:varyColors val=\"1\"/>")
        case .column, .bar:
            xml.raw("<c:barChart><c:barDir val=\"")
            xml.raw(chart.kind == .column ? "col" : "bar")
            xml.raw("\"/><c:grouping val=\"clustered\"/>")
        }
        for (i, s) in chart.series.enumerated() {
            series(s, index: i, of: chart, xml)
        }
        switch chart.kind {
        case .line:
            xml.rawString("<c:marker val=\"1\"/><c:axId val=\"\(categoryAxis)\"/><c:axId val=\"\(valueAxis)\"/></c:lineChart>")
        case .pie:
            xml.rawString("<c:firstSliceAng val=\"\(chart.firstSliceAngle)\"/></c:pieChart>")
        case .doughnut:
            xml.rawString("<c:firstSliceAng val=\"\(chart.firstSliceAngle)\"/><c:holeSize val=\"\(chart.holeSize)\"/></c:doughnutChart>")
        case .column, .bar:
            xml.rawString("<c:axId val=\"\(categoryAxis)\"/><c:axId val=\"\(valueAxis)\"/></c:barChart>")
        }
        if chart.kind.hasAxes { axes(chart, xml) }
        xml.raw("</c:plotArea>")
        if chart.showLegend {
            xml.raw("<c:legend><c:legendPos val=\"r\"/><c:layout/>")
            if !chart.kind.hasAxes {
                // Excel gives a pie's legend its own text properties (left to right).
                xml.raw("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr rtl=\"0\"><a:defRPr/></a:pPr><a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>")
            }
            xml.raw("</c:legend>")
        }
        xml.raw("<c:plotVisOnly val=\"1\"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings></c:chartSpace>")
    }

    /// One `c:ser`: idx, order, tx, spPr, then the kind's own (invertIfNegative, marker, dPt,
    /// dLbls), cat, val, smooth — the schema's order.
    private static func series(_ s: Chart.Series, index i: Int, of chart: Chart, _ xml: XMLWriter) {
        xml.raw("<c:ser><c:idx")
        xml.attribute("val", i)
        xml.raw("/><c:order")
        xml.attribute("val", i)
        xml.raw("/>")
        if let name = s.name {
            xml.raw("<c:tx><c:v>")
            xml.text(name)
            xml.raw("</c:v></c:tx>")
        }
        switch chart.kind {
        case .line:
            lineStyle(s.fillColor, markers: chart.markers, xml)
        case .pie, .doughnut:
            for (k, color) in s.pointColors.enumerated() {
                guard let color else { continue }
                xml.raw("<c:dPt><c:idx")
                xml.attribute("val", k)
                xml.raw("/><c:spPr><a:solidFill><a:srgbClr")
                xml.attribute("val", color)
                xml.raw("/></a:solidFill></c:spPr></c:dPt>")
            }
            if chart.showPercentages {
                // Every flag written: LibreOffice reads an absent one as true.
                xml.raw("<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"0\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"1\"/><c:showBubbleSize val=\"0\"/><c:showLeaderLines val=\"1\"/></c:dLbls>")
            }
        case .column, .bar:
            if let color = s.fillColor {
                xml.raw("<c:spPr><a:solidFill><a:srgbClr val=\"")
                xml.text(color)
                xml.raw("\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>")
            }
        }
        if let c = s.categories {
            let reference = SheetName.reference(s.sheet, c)
            switch s.cachedCategories {
            case .numbers(let values)?:
                xml.raw("<c:cat>")
                numberReference(reference, values, xml)
                xml.raw("</c:cat>")
            case .text(let labels)?:
                xml.raw("<c:cat><c:strRef><c:f>")
                xml.text(reference)
                xml.raw("</c:f><c:strCache><c:ptCount")
                xml.attribute("val", labels.count)
                xml.raw("/>")
                for (k, label) in labels.enumerated() {
                    xml.raw("<c:pt")
                    xml.attribute("idx", k)
                    xml.raw("><c:v>")
                    xml.text(label)
                    xml.raw("</c:v></c:pt>")
                }
                xml.raw("</c:strCache></c:strRef></c:cat>")
            case nil:
                xml.raw("<c:cat><c:strRef><c:f>")
                xml.text(reference)
                xml.raw("</c:f></c:strRef></c:cat>")
            }
        }
        xml.raw("<c:val>")
        numberReference(SheetName.reference(s.sheet, s.values), s.cachedValues, xml)
        xml.raw(chart.kind == .line ? "</c:val><c:smooth val=\"0\"/></c:ser>" : "</c:val></c:ser>")
    }

    /// `c:numRef` with its formula and, when there are values, their `c:numCache`.
    private static func numberReference(_ formula: String, _ values: [Double], _ xml: XMLWriter) {
        xml.raw("<c:numRef><c:f>")
        xml.text(formula)
        xml.raw("</c:f>")
        if !values.isEmpty {
            xml.raw("<c:numCache><c:formatCode>General</c:formatCode><c:ptCount")
            xml.attribute("val", values.count)
            xml.raw("/>")
            for (k, v) in values.enumerated() {
                xml.raw("<c:pt")
                xml.attribute("idx", k)
                xml.raw("><c:v>")
                xml.double(v)
                xml.raw("</c:v></c:pt>")
            }
            xml.raw("</c:numCache>")
        }
        xml.raw("</c:numRef>")
    }

    /// The category and value axes of a column, bar or line chart.
    private static func axes(_ chart: Chart, _ xml: XMLWriter) {
        let (catPos, valPos): (StaticString, StaticString) = chart.kind == .bar ? ("l", "b") : ("b", "l")
        xml.rawString("<c:catAx><c:axId val=\"\(categoryAxis)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>")
        xml.raw("<c:axPos val=\"")
        xml.raw(catPos)
        xml.raw("\"/>")
        if let t = chart.categoryAxisTitle { title(t, xml) }
        xml.rawString("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"\(valueAxis)\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>")
        xml.rawString("<c:valAx><c:axId val=\"\(valueAxis)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>")
        xml.raw("<c:axPos val=\"")
        xml.raw(valPos)
        xml.raw("\"/><c:majorGridlines/>")
        if let t = chart.valueAxisTitle { title(t, xml) }
        xml.rawString("<c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"\(categoryAxis)\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>")
    }

    /// A line series' `c:spPr` (a 2.25 pt line) and `c:marker` (a circle, or none), in `color`
    /// when given.
    private static func lineStyle(_ color: String?, markers: Bool, _ xml: XMLWriter) {
        if let color {
            xml.raw("<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"")
            xml.text(color)
            xml.raw("\"/></a:solidFill><a:round/></a:ln></c:spPr>")
        }
        guard markers else {
            xml.raw("<c:marker><c:symbol val=\"none\"/></c:marker>")
            return
        }
        xml.raw("<c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/>")
        if let color {
            xml.raw("<c:spPr><a:solidFill><a:srgbClr val=\"")
            xml.text(color)
            xml.raw("\"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val=\"")
            xml.text(color)
            xml.raw("\"/></a:solidFill></a:ln></c:spPr>")
        }
        xml.raw("</c:marker>")
    }

    private static func title(_ text: String, _ xml: XMLWriter) {
        xml.raw("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>")
        xml.text(text)
        xml.raw("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
    }
}
