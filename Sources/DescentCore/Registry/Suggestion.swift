/// The names closest to `word` by edit distance (at most 2 edits, or a shared prefix), for
/// "did you mean" hints.
func suggestions(for word: String, among names: [String]) -> [String] {
    let w = Array(word.lowercased())
    let scored = names.map { name -> (String, Int) in (name, editDistance(w, Array(name.lowercased()))) }
    let close = scored.filter { $0.1 <= min(2, max(1, w.count / 3)) }.sorted { $0.1 < $1.1 }.map(\.0)
    if !close.isEmpty { return close }
    return w.count >= 3 ? names.filter { $0.lowercased().hasPrefix(String(w.prefix(3))) } : []
}

/// Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
