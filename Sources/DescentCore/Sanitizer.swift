/// The one function that makes text from a file, an argument or a plugin safe to show: every
/// control character — C0 (ESC, BEL, NUL, line breaks …), DEL and C1 — and every invisible
/// bidirectional or line-separator mark is shown as a Swift-style escape (`\u{1b}`), so no input
/// can send an escape sequence to the terminal, retitle it, clear it, or reorder what it shows.
/// Used by the cell buffer (everything the TUI and `render` draw) and by every error message
/// and report that quotes input.
public enum Sanitizer {
    /// `text` with every unsafe scalar escaped; at most `maxLength` characters of the original
    /// (the rest replaced by `…`) when given.
    public static func clean(_ text: String, maxLength: Int? = nil) -> String {
        // The common case, safe text within the length, is returned as it is.
        if !text.unicodeScalars.contains(where: isUnsafe), maxLength.map({ text.unicodeScalars.count <= $0 }) ?? true { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if let maxLength, count >= maxLength {
                result.append("…")
                break
            }
            count += 1
            if isUnsafe(scalar) { result.append(contentsOf: escape(scalar).unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// `'text'`, cleaned and cut to 60 characters: how messages quote input.
    public static func quoted(_ text: String) -> String { "'" + clean(text, maxLength: 60) + "'" }

    /// `'c'` for one scalar, cleaned.
    public static func quoted(_ scalar: Unicode.Scalar) -> String { quoted(String(scalar)) }

    /// `\u{1b}`: the scalar's value in hexadecimal.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16) + "}"
    }

    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
