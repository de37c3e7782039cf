import XLSX

/// Why the office's workbooks cannot be checked at all: a path that does not exist, a file that
/// cannot be read, a bad settings entry or as-of moment. One line in each language, naming the
/// file and the cell where there is one.
public struct CheckFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Vietnamese line.
    public var vi: String
    /// The English line.
    public var en: String

    /// A failure with its two lines.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// A bad setting.
    public init(_ error: SettingsError) {
        self.init(vi: error.message(.vi), en: error.message(.en))
    }

    /// A file the XLSX reader refused, named as the report names it.
    public init(_ error: XLSXError, file: String) {
        let located = error.located(in: file)
        self.init(vi: located.message(.vi), en: located.message(.en))
    }

    /// The line in `language`.
    public func message(_ language: Language) -> String { language == .vi ? vi : en }

    /// The Vietnamese line.
    public var description: String { vi }

    /// The run was cancelled before it finished.
    public static let cancelled = CheckFailure(vi: "đã hủy", en: "cancelled")
}
