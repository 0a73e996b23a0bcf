import DescentRender

/// Plain-ASCII spellings of the few non-ASCII characters in the app's own text (key names,
/// math symbols), for a non-UTF-8 locale or `--ascii`. Arrows stay arrows (`step 60->61`,
/// `<- ->` for keys), never words that would run into the numbers around them.
enum AsciiText {
    private static let replacements: [Unicode.Scalar: String] = [
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "Δ": "d", "×": "x", "÷": "/", "–": "-", "−": "-",
        "∇": "grad ", "‖": "|", "▶": ">", "▮": "|", "▸": ">", "·": "-", "η": "lr", "…": "~", "✖": "X",
        "ₖ": "k", "θ": "theta", "₀": "0", "λ": "lambda ", "τ": "tau ", "↔": "d ",
    ]

    /// `text` as `glyphs` can show it: folded for the plain-ASCII set (no half blocks, no
    /// braille), unchanged otherwise.
    static func fold(_ text: String, for glyphs: Glyphs) -> String {
        !glyphs.halfBlocks && !glyphs.braille ? fold(text) : text
    }

    /// `text` with every non-ASCII scalar replaced (by its spelling above, or `?`).
    static func fold(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += replacements[scalar] ?? "?" }
        }
        return out
    }
}
