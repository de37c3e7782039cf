extension XMLWriter {
    /// Writes the `<conditionalFormatting>` elements of a sheet: rules on the same ranges share
    /// one element (in the order their ranges first appear), priorities follow the order the
    /// rules were added, as Excel numbers them.
    func conditionalFormats(_ list: [ConditionalFormat], dxfIDs: [Int?]) {
        guard !list.isEmpty else { return }
        var groups: [(String, [Int])] = []
        var position: [String: Int] = [:]
        for (i, f) in list.enumerated() {
            let sqref = f.ranges.map(\.description).joined(separator: " ")
            if let g = position[sqref] {
                groups[g].1.append(i)
            } else {
                position[sqref] = groups.count
                groups.append((sqref, [i]))
            }
        }
        for (sqref, members) in groups {
            raw("<conditionalFormatting")
            attribute("sqref", sqref)
            raw(">")
            for i in members { cfRule(list[i], dxfID: i < dxfIDs.count ? dxfIDs[i] : nil, priority: i + 1) }
            raw("</conditionalFormatting>")
        }
    }

    private func cfRule(_ f: ConditionalFormat, dxfID: Int?, priority: Int) {
        let type: StaticString
        switch f.rule {
        case .cellValue: type = "cellIs"
        case .expression: type = "expression"
        case .duplicateValues: type = "duplicateValues"
        case .uniqueValues: type = "uniqueValues"
        case .colorScale: type = "colorScale"
        case .dataBar: type = "dataBar"
        }
        raw("<cfRule type=\"")
        raw(type)
        byte(0x22)
        if let dxfID { attribute("dxfId", dxfID) }
        attribute("priority", priority)
        if f.stopIfTrue { raw(" stopIfTrue=\"1\"") }
        switch f.rule {
        case let .cellValue(op, a, b):
            attribute("operator", op.rawValue)
            raw("><formula>")
            text(a)
            raw("</formula>")
            if let b {
                raw("<formula>")
                text(b)
                raw("</formula>")
            }
        case .expression(let formula):
            raw("><formula>")
            text(formula)
            raw("</formula>")
        case .duplicateValues, .uniqueValues:
            raw("/>")
            return
        case let .colorScale(points, colors):
            raw("><colorScale>")
            for p in points { cfvo(p) }
            for c in colors { color("color", c) }
            raw("</colorScale>")
        case let .dataBar(c, lowest, highest):
            raw("><dataBar>")
            cfvo(lowest)
            cfvo(highest)
            color("color", c)
            raw("</dataBar>")
        }
        raw("</cfRule>")
    }

    /// A `<cfvo>`: a threshold of a colour scale or data bar.
    private func cfvo(_ t: ConditionalFormat.Threshold) {
        func number(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)" }
        raw("<cfvo")
        switch t {
        case .lowest: raw(" type=\"min\"")
        case .highest: raw(" type=\"max\"")
        case .number(let v): raw(" type=\"num\""); attribute("val", number(v))
        case .percent(let v): raw(" type=\"percent\""); attribute("val", number(v))
        case .percentile(let v): raw(" type=\"percentile\""); attribute("val", number(v))
        case .formula(let f): raw(" type=\"formula\""); attribute("val", f)
        }
        raw("/>")
    }

    /// A `<dxf>`: the parts of a differential style, in the schema's order (font, numFmt, fill,
    /// border). A solid fill is written as Excel does in a dxf: its colour as `bgColor`.
    func differentialStyle(_ d: DifferentialStyle, numberFormatID: Int?) {
        raw("<dxf>")
        if d.fontColor != nil || d.bold != nil || d.italic != nil || d.strike != nil || d.underline != nil {
            raw("<font>")
            if let b = d.bold { raw(b ? "<b/>" : "<b val=\"0\"/>") }
            if let i = d.italic { raw(i ? "<i/>" : "<i val=\"0\"/>") }
            if let s = d.strike { raw(s ? "<strike/>" : "<strike val=\"0\"/>") }
            if let u = d.underline { u == .single ? raw("<u/>") : { raw("<u"); attribute("val", u.rawValue); raw("/>") }() }
            if let c = d.fontColor { color("color", c) }
            raw("</font>")
        }
        if let f = d.numberFormat, let id = numberFormatID {
            raw("<numFmt")
            attribute("numFmtId", id)
            attribute("formatCode", f.code)
            raw("/>")
        }
        if let f = d.fill {
            raw("<fill><patternFill")
            if f.pattern == .solid {
                raw(">")
                if let c = f.foreground ?? f.background { color("bgColor", c) }
            } else {
                attribute("patternType", f.pattern.rawValue)
                raw(">")
                if let c = f.foreground { color("fgColor", c) }
                if let c = f.background { color("bgColor", c) }
            }
            raw("</patternFill></fill>")
        }
        if let b = d.border {
            raw("<border>")
            func edge(_ open: StaticString, _ close: StaticString, _ empty: StaticString, _ e: BorderEdge?) {
                guard let e else { raw(empty); return }
                raw(open)
                attribute("style", e.style.rawValue)
                raw(">")
                if let c = e.color { color("color", c) } else { raw("<color auto=\"1\"/>") }
                raw(close)
            }
            edge("<left", "</left>", "<left/>", b.left)
            edge("<right", "</right>", "<right/>", b.right)
            edge("<top", "</top>", "<top/>", b.top)
            edge("<bottom", "</bottom>", "<bottom/>", b.bottom)
            raw("<vertical/><horizontal/></border>")
        }
        raw("</dxf>")
    }
}
