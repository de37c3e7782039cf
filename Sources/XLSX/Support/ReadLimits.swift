/// Bounds on what reading may cost, so a hostile or broken file fails fast with
/// ``XLSXError/limitExceeded(limit:entry:value:maximum:)`` instead of eating memory or time.
///
/// The defaults fit every real workbook we know of (a full 1,048,576-row sheet of ten columns
/// inflates to about 500 MB); a caller that trusts a larger file raises them.
public struct ReadLimits: Sendable, Equatable {
    /// Most entries in the archive.
    public var maxEntryCount: Int = 250_000
    /// Most bytes one entry may inflate to.
    public var maxEntrySize: UInt64 = 2 << 30
    /// Most bytes all entries together may inflate to.
    public var maxTotalSize: UInt64 = 8 << 30
    /// Highest ratio of inflated to compressed size, checked once an entry passes `ratioThreshold` bytes.
    public var maxCompressionRatio: UInt64 = 500
    /// Inflated size from which the ratio is checked (small parts compress very well and harmlessly).
    public var ratioThreshold: UInt64 = 8 << 20
    /// Most bytes of a part loaded whole into memory (workbook, styles, shared strings, comments).
    public var maxPartSize: UInt64 = 128 << 20
    /// Most shared strings.
    public var maxSharedStrings: Int = 5_000_000
    /// Most cells the whole-sheet model holds.
    public var maxCells: Int = 50_000_000
    /// Deepest XML element nesting.
    public var maxXMLDepth: Int = 256

    /// The default limits; change the fields to loosen or tighten them.
    public init() {}

    /// The defaults.
    public static let `default` = ReadLimits()
}
