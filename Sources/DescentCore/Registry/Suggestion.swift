/// The names closest to `word` (at most 2 edits for words of 4+ characters, counting a swap of
/// neighbours as one edit), or else the names sharing its first three letters, for "did you
/// mean" hints.
public func suggestions(for word: String, among names: [String]) -> [String] {
    let w = Array(word.lowercased())
    let limit = min(2, max(1, w.count / 2))
    let close = names.map { ($0, editDistance(w, Array($0.lowercased()))) }
        .filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }.map(\.0)
    if !close.isEmpty { return close }
    return w.count >= 3 ? names.filter { $0.lowercased().hasPrefix(String(w.prefix(3))) } : []
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// adjacent characters each cost one.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
