import Foundation
import XLSX

/// Where a setting's value came from.
public enum SettingSource: Hashable, Sendable {
    /// The office's default (``Settings/init()``).
    case builtIn
    /// A JSON file given with `--settings`.
    case file(String)
    /// A "Cấu hình" sheet: the workbook and the cell of the value (`Cấu hình!B4`).
    case sheet(file: String, cell: String)

    /// `mặc định` / `default`, the file, or `file › Cấu hình!B4`.
    public func label(_ language: Language) -> String {
        switch self {
        case .builtIn: return language == .vi ? "mặc định" : "default"
        case .file(let path): return path
        case .sheet(let file, let cell): return "\(file) › \(cell)"
        }
    }
}

/// The settings a check runs with and where each value came from. The "Cấu hình" sheets of the
/// workbooks read are applied in file order; a `--settings` file is applied last, so the person
/// running the check can try other thresholds without editing the office's workbooks.
public struct SettingsInForce: Sendable {
    /// The values.
    public private(set) var settings = Settings()
    /// The source of each key set away from its default, by ``Settings/Key/name``.
    public private(set) var sources: [String: SettingSource] = [:]

    /// The defaults.
    public init() {}

    /// Where `key`'s value came from.
    public func source(of key: Settings.Key) -> SettingSource { sources[key.name] ?? .builtIn }

    /// Applies a "Cấu hình" sheet of `file`.
    public mutating func apply(sheet grid: SheetGrid, file: String) throws(SettingsError) {
        var found: [(String, String)] = []
        try settings.apply(sheet: grid, file: file) { key, cell in found.append((key.name, cell)) }
        for (name, cell) in found { sources[name] = .sheet(file: file, cell: cell) }
    }

    /// Applies the JSON settings file at `path`.
    public mutating func apply(jsonFile path: String) throws(CheckFailure) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckFailure(vi: "\(path): không đọc được file cấu hình", en: "\(path): cannot read the settings file")
        }
        var found: [String] = []
        do { try settings.apply(json: data, file: path) { found.append($0.name) } } catch { throw CheckFailure(error) }
        for name in found { sources[name] = .file(path) }
    }
}
