/// A note (Excel's classic comment, a "comment" in the file format) on a cell: its author and
/// text, shown in a yellow box on hover. ``Sheet/notes`` gives a read sheet's notes by cell;
/// ``SheetLayout/addNote(_:at:)`` and ``WorkbookAnnotations/addNote(_:at:in:)`` put one on a cell.
public struct Note: Hashable, Sendable {
    /// The text (at most 32,767 characters); a note read from a file has its runs joined, their fonts dropped.
    public var text: String
    /// The author's name; empty when the note has none.
    public var author: String
    /// True to show the box all the time rather than on hover (`<x:Visible/>` in the sheet's
    /// VML drawing, where writers put it and the reader finds it).
    public var visible: Bool

    /// A note with its text, author and visibility.
    public init(_ text: String, author: String = "", visible: Bool = false) {
        self.text = text
        self.author = author
        self.visible = visible
    }
}
