extension Duration {
    /// The duration in seconds as a `Double` (seconds + attoseconds · 10⁻¹⁸).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
