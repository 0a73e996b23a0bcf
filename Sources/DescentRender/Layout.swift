/// Splitting rectangles into parts.
public enum Layout {
    /// Which way a split cuts: side by side (columns) or stacked (rows).
    public enum Direction: Sendable {
        case horizontal, vertical
    }

    /// The size wanted by one part of a split.
    public enum Constraint: Sendable, Equatable {
        /// Exactly n cells.
        case fixed(Int)
        /// ⌊f · total⌋ cells.
        case fraction(Double)
        /// At least n cells, plus an equal share of whatever the other parts leave over.
        case minimum(Int)
    }

    /// Splits `rect` into consecutive parts along `direction`.
    ///
    /// Fixed and fractional parts get their sizes, minimum parts their minimum; the space left
    /// over is shared equally among the minimum parts (the first ones get the remainder cells).
    /// When the parts ask for more than there is, the last parts shrink first (down to zero).
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let total = direction == .horizontal ? rect.width : rect.height
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n): max(0, n)
            case .fraction(let f): f.isFinite ? max(0, Int((f * Double(total)).rounded(.down).clamped(to: 0...Double(total)))) : 0
            case .minimum(let n): max(0, n)
            }
        }
        let flexible = constraints.indices.filter { if case .minimum = constraints[$0] { true } else { false } }
        var leftover = total - sizes.reduce(0, +)
        if leftover > 0, !flexible.isEmpty {
            let share = leftover / flexible.count
            for (k, index) in flexible.enumerated() { sizes[index] += share + (k < leftover % flexible.count ? 1 : 0) }
            leftover = 0
        }
        var index = sizes.count - 1
        while leftover < 0, index >= 0 {
            let cut = min(sizes[index], -leftover)
            sizes[index] -= cut
            leftover += cut
            index -= 1
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            return direction == .horizontal
                ? Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
                : Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
        }
    }
}

extension Double {
    /// The value clamped to `range` (NaN gives the lower bound).
    func clamped(to range: ClosedRange<Double>) -> Double {
        isNaN ? range.lowerBound : min(max(self, range.lowerBound), range.upperBound)
    }
}
