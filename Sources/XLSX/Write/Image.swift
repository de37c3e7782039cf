/// A picture for a sheet: the bytes of a PNG or JPEG file, stored as they are in
/// `xl/media/` and drawn in the sheet's drawing (the one its charts use).
public struct Image: Hashable, Sendable {
    /// The file formats a sheet can show.
    public enum Format: String, Hashable, Sendable {
        /// Portable Network Graphics (`image/png`).
        case png
        /// JPEG (`image/jpeg`).
        case jpeg

        /// The content type of the media part.
        var contentType: String { self == .png ? "image/png" : "image/jpeg" }
    }

    /// The file's bytes, unchanged.
    public let data: [UInt8]
    /// The format, read from the bytes' signature.
    public let format: Format
    /// Width in pixels, read from the file's header.
    public let width: Int
    /// Height in pixels, read from the file's header.
    public let height: Int
    /// Alternative text (`descr`): what the picture shows, for screen readers.
    public var description: String?

    /// Reads the format and size of PNG or JPEG bytes; anything else is refused.
    public init(data: [UInt8], description: String? = nil) throws {
        guard let (format, width, height) = Image.probe(data), width > 0, height > 0 else {
            throw XLSXError.invalidOperation("an image must be a PNG or JPEG file with a readable size (got \(data.count) bytes)")
        }
        self.data = data
        self.format = format
        self.width = width
        self.height = height
        self.description = description
    }

    /// Format and pixel size from the PNG header or the JPEG start-of-frame segment.
    static func probe(_ d: [UInt8]) -> (Format, Int, Int)? {
        func be16(_ i: Int) -> Int { Int(d[i]) << 8 | Int(d[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if d.count >= 24, d.starts(with: png), d[12..<16].elementsEqual("IHDR".utf8) {
            return (.png, be32(16), be32(20))
        }
        guard d.count >= 4, d[0] == 0xFF, d[1] == 0xD8 else { return nil }
        var i = 2
        while i + 4 <= d.count {
            guard d[i] == 0xFF else { return nil }
            let marker = d[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }  // image data before any frame header
            let length = be16(i + 2)
            guard length >= 2 else { return nil }
            // Start of frame: every C0–CF except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard i + 9 <= d.count else { return nil }
                return (.jpeg, be16(i + 7), be16(i + 5))
            }
            i += 2 + length
        }
        return nil
    }
}

/// Where a picture sits in the drawing: two cell anchors (zero-based cells, offsets in EMU)
/// and the position and size in EMU that Excel writes beside them.
struct PlacedImage: Hashable, Sendable {
    struct Corner: Hashable, Sendable {
        var column: Int, columnOffset: Int
        var row: Int, rowOffset: Int
    }

    var image: Image
    var from: Corner
    var to: Corner
    /// `editAs="oneCell"`: the picture moves with its first cell but keeps its size.
    var oneCell: Bool
    var x: Int, y: Int, cx: Int, cy: Int
}

extension SheetLayout {
    /// EMU in a pixel at 96 pixels per inch.
    static let emuPerPixel = 9525

    /// Width of a column in pixels, as Excel draws it with the default font (7-pixel digits).
    func columnPixels(_ column: Int) -> Int {
        let width = columnWidths[column] ?? 8.43
        if hiddenColumns.contains(column) || width == 0 { return 0 }
        return width < 1 ? Int(width * 12 + 0.5) : Int(width * 7 + 0.5) + 5
    }

    /// Height of a row in pixels (points × 4/3).
    func rowPixels(_ row: Int) -> Int {
        if hiddenRows.contains(row) { return 0 }
        return Int((rowHeights[row] ?? 15) * 4 / 3 + 0.5)
    }

    /// Places a picture at its own size (96 pixels per inch), its top-left corner at the
    /// top-left corner of `cell`; it moves with that cell. Set column widths and row heights
    /// first: the far corner is worked out from them.
    public func addImage(_ image: Image, at cell: CellReference) throws {
        var column = cell.column, columnOffset = image.width
        while columnOffset >= columnPixels(column), column < CellReference.maxColumns - 1 {
            columnOffset -= columnPixels(column)
            column += 1
        }
        var row = cell.row, rowOffset = image.height
        while rowOffset >= rowPixels(row), row < CellReference.maxRows - 1 {
            rowOffset -= rowPixels(row)
            row += 1
        }
        let e = SheetLayout.emuPerPixel
        images.append(PlacedImage(image: image,
                                  from: .init(column: cell.column, columnOffset: 0, row: cell.row, rowOffset: 0),
                                  to: .init(column: column, columnOffset: columnOffset * e, row: row, rowOffset: rowOffset * e),
                                  oneCell: true, x: left(of: cell.column) * e, y: top(of: cell.row) * e,
                                  cx: image.width * e, cy: image.height * e))
    }

    /// Places a picture stretched over `range`: from the top-left corner of its first cell to
    /// the bottom-right corner of its last; it moves and sizes with those cells.
    public func addImage(_ image: Image, over range: CellRange) throws {
        guard range.end.column + 1 < CellReference.maxColumns, range.end.row + 1 < CellReference.maxRows else {
            throw XLSXError.invalidOperation("image range \(range) reaches past the sheet's last row or column")
        }
        let e = SheetLayout.emuPerPixel
        let x = left(of: range.start.column), y = top(of: range.start.row)
        images.append(PlacedImage(image: image,
                                  from: .init(column: range.start.column, columnOffset: 0, row: range.start.row, rowOffset: 0),
                                  to: .init(column: range.end.column + 1, columnOffset: 0, row: range.end.row + 1, rowOffset: 0),
                                  oneCell: false, x: x * e, y: y * e,
                                  cx: (left(of: range.end.column + 1) - x) * e, cy: (top(of: range.end.row + 1) - y) * e))
    }

    private func left(of column: Int) -> Int { (0..<column).reduce(0) { $0 + columnPixels($1) } }

    private func top(of row: Int) -> Int {
        // Rows of default height in one step: a picture far down should not walk a million rows.
        let standard = Int(15.0 * 4 / 3 + 0.5)
        var pixels = row * standard
        for r in Set(rowHeights.keys).union(hiddenRows) where r < row { pixels += rowPixels(r) - standard }
        return pixels
    }
}

/// The picture anchors of a drawing part.
enum ImageXML {
    /// Writes the anchor of a picture; `id` is its shape id, `number` its count among pictures,
    /// `relation` the drawing's relationship to its media part.
    static func anchor(_ placed: PlacedImage, id: Int, number: Int, relation: String, to xml: XMLWriter) {
        xml.raw(placed.oneCell ? "<xdr:twoCellAnchor editAs=\"oneCell\">" : "<xdr:twoCellAnchor>")
        corner("from", placed.from, xml)
        corner("to", placed.to, xml)
        xml.raw("<xdr:pic><xdr:nvPicPr><xdr:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", "Picture \(number)")
        if let d = placed.image.description { xml.attribute("descr", d) }
        xml.raw("/><xdr:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
        xml.attribute("r:embed", relation)
        xml.raw("/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off")
        xml.attribute("x", placed.x)
        xml.attribute("y", placed.y)
        xml.raw("/><a:ext")
        xml.attribute("cx", placed.cx)
        xml.attribute("cy", placed.cy)
        xml.raw("/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>")
    }

    private static func corner(_ name: StaticString, _ c: PlacedImage.Corner, _ xml: XMLWriter) {
        xml.raw("<xdr:"); xml.raw(name); xml.raw("><xdr:col>")
        xml.int(c.column)
        xml.raw("</xdr:col><xdr:colOff>")
        xml.int(c.columnOffset)
        xml.raw("</xdr:colOff><xdr:row>")
        xml.int(c.row)
        xml.raw("</xdr:row><xdr:rowOff>")
        xml.int(c.rowOffset)
        xml.raw("</xdr:rowOff></xdr:"); xml.raw(name); xml.raw(">")
    }
}
