/// Dates decode from a serial number (a date-time in the 1900 system) or ISO 8601 text;
/// the typed-row decoder hands over a cell's date directly.
extension ExcelDateTime: Decodable {
    /// Decodes a serial number (a 1900-system date-time) or ISO 8601 text; throws on anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let serial = try? container.decode(Double.self) {
            self.init(serial: serial, kind: .dateTime)
            return
        }
        let text = try container.decode(String.self)
        guard let (components, kind) = ISODate.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        self.init(components, kind: kind)
    }
}

/// Calendar components decode from ISO 8601 text (`2024-12-01`, `2024-12-01T09:30:00`).
extension DateTimeComponents: Decodable {
    /// Decodes ISO 8601 text; throws on anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let (components, _) = ISODate.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        self = components
    }
}
