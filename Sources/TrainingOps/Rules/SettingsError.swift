/// A bad setting: an unknown key or a value of the wrong kind, with where it was written.
public struct SettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The sheet and cell (`Cấu hình!B4`) or JSON key, when known.
    public var place: String?
    /// The setting's key as written.
    public var key: String
    /// Vietnamese message.
    public var messageVi: String
    /// English message.
    public var messageEn: String

    /// An error.
    public init(file: String, place: String?, key: String, messageVi: String, messageEn: String) {
        self.file = file
        self.place = place
        self.key = key
        self.messageVi = messageVi
        self.messageEn = messageEn
    }

    /// One line naming file and place.
    public func message(_ language: Language) -> String {
        let at = file + (place.map { " › \($0)" } ?? "")
        return language == .vi ? "\(at): cấu hình \"\(key)\" sai: \(messageVi)" : "\(at): bad setting \"\(key)\": \(messageEn)"
    }

    /// The Vietnamese one-line message.
    public var description: String { message(.vi) }
}
