/// The bounds of an import file's shape (the bounds of each field's value are in
/// `FieldLimits`): a file beyond them is refused with one message naming the line, before
/// anything of the file is stored, and memory stays bounded whatever the file holds (an
/// unclosed quote cannot make the rest of a 10 GB file one record).
public enum ImportLimits {
    /// The longest record (a CSV row with its quoted line breaks, or one JSON value), bytes.
    public static let recordBytes = 4 << 20
    /// The most columns a CSV header may have.
    public static let columns = 1_000
    /// The most notes about a file's columns or keys; the rest are counted in one last note.
    public static let notesPerFile = 20
}
