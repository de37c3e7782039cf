/// Whether a sheet's tab shows in Excel's tab bar (the `state` of a `<sheet>` in the workbook):
/// ``SheetInfo/state`` when reading, ``SheetLayout/state`` when writing.
public enum SheetState: String, Sendable, Hashable {
    /// The tab shows (the default).
    case visible
    /// The tab is hidden; the user can unhide it (Format › Sheet › Unhide).
    case hidden
    /// The tab is hidden and absent from Excel's Unhide list; only code (VBA) can show it.
    case veryHidden
}
