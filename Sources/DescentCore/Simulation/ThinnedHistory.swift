extension Array {
    /// Bounds a history that grows by appending: every element of the last `window` is kept,
    /// and the older part, once longer than `window`, is thinned to every other element (its
    /// first always kept). Called after each append, the array stays below 2·`window` + 1
    /// elements, the older part covering the whole past at a spacing that doubles each time it
    /// fills — as the live views need, whose charts show the whole run but whose memory must not
    /// grow with it. Amortised O(1) per append.
    public mutating func thinOlder(keepingLast window: Int) {
        guard let older = Self.olderToThin(count: count, keepingLast: window) else { return }
        thinEntries(older: older)
    }

    /// How many leading entries of a history of `count` entries ``thinOlder(keepingLast:)``
    /// thins now (those before the last `window`), or nil when it leaves the history as it is
    /// (the older part is not longer than `window`). Columns of one history that hold different
    /// kinds of entries (points of several coordinates, one fewer learning rate) are thinned
    /// alike by passing this count to ``thinEntries(older:width:)`` of each.
    public static func olderToThin(count: Int, keepingLast window: Int) -> Int? {
        let window = Swift.max(window, 1)
        let older = count - window
        return older > window ? older : nil
    }

    /// Keeps every other entry of the first `older` entries (entries 0, 2, 4, …), each entry
    /// being `width` consecutive elements, and all entries after them, in order.
    public mutating func thinEntries(older: Int, width: Int = 1) {
        var kept = 0
        for i in Swift.stride(from: 0, to: older, by: 2) {
            for j in 0..<width { self[kept * width + j] = self[i * width + j] }
            kept += 1
        }
        removeSubrange((kept * width)..<(older * width))
    }
}
