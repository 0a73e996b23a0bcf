import CNcursesw

/// Colour pairs allocated on demand with ncurses' `alloc_pair` and cached by (fg, bg) number.
///
/// Pair numbers are passed to ncurses as `int` through `setcchar`'s `opts` argument, never packed
/// with `COLOR_PAIR()` (which keeps only 8 bits). Each new pair is read back with
/// `extended_pair_content`; a pair that does not hold what was asked for (an old or limited
/// ncurses) or an `alloc_pair` failure marks the table full. The table never asks for more than
/// `COLOR_PAIRS - 1` pairs, because `alloc_pair` silently recycles the oldest pair — recolouring
/// cells already on screen — when none is free.
struct ColorPairTable {
    private struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var pairs: [Colors: Int32] = [:]
    private(set) var capacity: Int

    /// Whether nothing has been allocated since creation or the last ``reset()``.
    var isEmpty: Bool { pairs.isEmpty }

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The pair showing `foreground` on `background`, or nil when no more pairs can be had.
    mutating func pair(foreground: Int32, background: Int32) -> Int32? {
        let colors = Colors(foreground: foreground, background: background)
        if let pair = pairs[colors] { return pair }
        guard pairs.count < capacity else { return nil }
        let pair = alloc_pair(foreground, background)
        var shownForeground: Int32 = 0, shownBackground: Int32 = 0
        guard pair >= 0,
              extended_pair_content(pair, &shownForeground, &shownBackground) == OK,
              shownForeground == foreground, shownBackground == background
        else {
            capacity = pairs.count
            return nil
        }
        pairs[colors] = pair
        return pair
    }

    /// Frees every pair (`reset_color_pairs`); cells on screen that use them must be redrawn.
    mutating func reset() {
        reset_color_pairs()
        pairs.removeAll()
    }
}
