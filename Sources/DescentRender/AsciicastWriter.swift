import DescentCore

/// Writes an asciicast v2 recording (asciinema's format, docs.asciinema.org/manual/asciicast/v2):
/// newline-delimited JSON, a header object on the first line, then one event per line,
/// `[seconds, "o", text]`, with the seconds since the start of the recording and the text
/// written to the terminal (from ``AnsiScreenWriter``), or `[seconds, "r", "WxH"]` for a resize.
///
/// The output is deterministic: no timestamp in the header, times written with exactly six
/// decimals from whole microseconds, and the JSON escapes of ``JSONString`` (`\"`, `\\`, `\n`,
/// `\r`, `\t` and `\uXXXX` for other control characters and bidirectional marks; everything else
/// as UTF-8).
public struct AsciicastWriter: Sendable {
    public let width: Int
    public let height: Int
    public let title: String?
    /// The `TERM` a player should emulate.
    public let term: String

    public init(width: Int, height: Int, title: String? = nil, term: String = "xterm-256color") {
        self.width = width
        self.height = height
        self.title = title
        self.term = term
    }

    /// The header line (with its newline).
    public func header() -> String {
        var fields = ["\"version\": 2", "\"width\": \(width)", "\"height\": \(height)"]
        if let title { fields.append("\"title\": " + JSONString.quoted(title)) }
        fields.append("\"env\": {\"TERM\": " + JSONString.quoted(term) + "}")
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    /// One output event line (with its newline) at `microseconds` since the start.
    public static func output(_ text: String, atMicroseconds microseconds: Int) -> String {
        "[" + seconds(microseconds) + ", \"o\", " + JSONString.quoted(text) + "]\n"
    }

    /// A resize event line: the terminal is now `width` × `height` cells.
    public static func resize(width: Int, height: Int, atMicroseconds microseconds: Int) -> String {
        "[" + seconds(microseconds) + ", \"r\", \"\(width)x\(height)\"]\n"
    }

    /// Whole microseconds as seconds with six decimals, e.g. 1500000 → "1.500000".
    static func seconds(_ microseconds: Int) -> String {
        let value = max(0, microseconds)
        let fraction = String(value % 1_000_000)
        return String(value / 1_000_000) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
