import DescentCore

/// The value of `--plugin NAME=PROGRAM [ARG…]`, split into a name and an argv with simple
/// quoting rules and never given to a shell: words are separated by spaces; single quotes keep
/// everything up to the next single quote; double quotes keep everything but `\"` and `\\`;
/// outside quotes a backslash keeps the next character.
public enum PluginCommandLine {
    /// `("torch", ["python3", "scenes/plugins/torch_optim.py"])` from `torch=python3 scenes/plugins/torch_optim.py`.
    public static func parse(_ text: String) throws(PluginFault) -> (name: String, command: [String]) {
        guard let equals = text.firstIndex(of: "=") else {
            throw PluginFault("expected NAME=PROGRAM [ARG…], like 'heavy=python3 scenes/plugins/momentum.py'")
        }
        let name = String(text[..<equals]).trimmingCharacters(in: " ")
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }),
              name.count <= 40
        else { throw PluginFault("the name \(Sanitizer.quoted(name)) is not a spec name (letters, digits and _)") }
        let command = try words(String(text[text.index(after: equals)...]))
        guard !command.isEmpty else { throw PluginFault("no program after '\(name)='") }
        return (name, command)
    }

    /// The words of `text`.
    public static func words(_ text: String) throws(PluginFault) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in text {
            if escaped { word.append(c); escaped = false; continue }
            switch (quote, c) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("'", _): word.append(c)
            case ("\"", "\\"), (nil, "\\"): escaped = true; inWord = true
            case ("\"", _): word.append(c)
            case (nil, "'"), (nil, "\""): quote = c; inWord = true
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(c); inWord = true
            }
        }
        guard quote == nil else { throw PluginFault("an unclosed \(quote!) quote in the plugin command") }
        guard !escaped else { throw PluginFault("a backslash at the end of the plugin command") }
        if inWord { words.append(word) }
        return words
    }

    /// The argv as one line a reader could type back (words with spaces or quotes in quotes).
    public static func join(_ command: [String]) -> String {
        command.map { word in
            word.isEmpty || word.contains(where: { " \t'\"\\".contains($0) }) ? "'" + word.replacingAll("'", with: #"'\''"#) + "'" : word
        }.joined(separator: " ")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }

    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
