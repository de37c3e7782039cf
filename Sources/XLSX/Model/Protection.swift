/// Protection of a sheet: locked cells (``CellStyle/locked``, the default) cannot be changed,
/// and only the actions listed in ``allowed`` stay open. With no password anyone can lift it
/// from Excel's Review tab; it guards against slips, not against people.
public struct SheetProtection: Hashable, Sendable {
    /// Something a user may still do on a protected sheet.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        /// Select locked cells.
        case selectLockedCells
        /// Select unlocked cells.
        case selectUnlockedCells
        /// Format cells.
        case formatCells
        /// Format columns (width, hide).
        case formatColumns
        /// Format rows (height, hide).
        case formatRows
        /// Insert columns.
        case insertColumns
        /// Insert rows.
        case insertRows
        /// Insert hyperlinks.
        case insertHyperlinks
        /// Delete columns.
        case deleteColumns
        /// Delete rows.
        case deleteRows
        /// Sort.
        case sort
        /// Use filter buttons.
        case autoFilter
        /// Use pivot tables.
        case pivotTables
        /// Edit drawings, charts and notes.
        case objects
        /// Edit scenarios.
        case scenarios
    }

    /// What stays allowed; Excel's default is selecting cells only.
    public var allowed: Set<Action>
    /// The legacy password hash as Excel stores it (four hex digits), nil for no password.
    public var passwordHash: String?

    /// Protection without password, with the actions left open.
    public init(allowed: Set<Action> = [.selectLockedCells, .selectUnlockedCells]) {
        self.allowed = allowed
        self.passwordHash = nil
    }

    /// Protection with a password of 1–255 characters (hashed as Excel does) and the actions left open.
    public init(password: String, allowed: Set<Action> = [.selectLockedCells, .selectUnlockedCells]) throws {
        try Self.check(password)
        self.allowed = allowed
        self.passwordHash = Self.hash(password)
    }

    /// Excel's legacy 16-bit password hash (ECMA-376 Part 4, §14.7.1 `password`), as four
    /// upper-case hex digits: "password" gives `83AF`.
    public static func hash(_ password: String) -> String {
        // Each character rotated left within 15 bits by its position (from 1), all XORed,
        // then the length and 0xCE4B: the algorithm of Excel's legacy protection dialog.
        let units = Array(password.utf16)
        var hash: UInt16 = 0
        for (i, u) in units.enumerated() {
            let c = UInt32(u) & 0x7FFF
            let n = UInt32((i + 1) % 15)
            hash ^= UInt16(((c << n) | (c >> (15 - n))) & 0x7FFF)
        }
        hash ^= UInt16(truncatingIfNeeded: units.count)
        hash ^= 0xCE4B
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Checks a password against Excel's limit of 1–255 characters.
    static func check(_ password: String) throws {
        guard (1...255).contains(password.utf16.count) else {
            throw XLSXError.invalidOperation("a protection password has 1–255 characters (got \(password.utf16.count))")
        }
    }
}

/// Protection of the workbook's structure (sheets cannot be added, removed, renamed,
/// moved, hidden or shown) and, optionally, its windows.
public struct WorkbookProtection: Hashable, Sendable {
    /// Lock the structure.
    public var structure: Bool
    /// Lock the window size and position.
    public var windows: Bool
    /// The legacy password hash as Excel stores it, nil for no password.
    public var passwordHash: String?

    /// Workbook protection without password; the default locks the structure.
    public init(structure: Bool = true, windows: Bool = false) {
        self.structure = structure
        self.windows = windows
        self.passwordHash = nil
    }

    /// Workbook protection with a password of 1–255 characters (hashed as Excel does).
    public init(password: String, structure: Bool = true, windows: Bool = false) throws {
        try SheetProtection.check(password)
        self.structure = structure
        self.windows = windows
        self.passwordHash = SheetProtection.hash(password)
    }
}
