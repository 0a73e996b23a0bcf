extension Array {
    /// Bounds a history that grows by appending: every element of the last `window` is kept,
    /// and the older part, once longer than `window`, is thinned to every other element (its
    /// first always kept). Called after each append, the array stays below 2·`window` + 1
    /// elements, the older part covering the whole past at a spacing that doubles each time it
    /// fills — as the live views need, whose charts show the whole run but whose memory must not
    /// grow with it. Amortised O(1) per append.
    public mutating func thinOlder(keepingLast window: Int) {
        let window = Swift.max(window, 1)
        let older = count - window
        guard older > window else { return }
        var kept = 0
        for i in Swift.stride(from: 0, to: older, by: 2) {
            self[kept] = self[i]
            kept += 1
        }
        removeSubrange(kept..<older)
    }
}
