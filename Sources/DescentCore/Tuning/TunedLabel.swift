import Foundation

extension TuneTrial {
    /// `spec` (an optimizer spec, possibly a chain) with this trial's learning rate, and its value of
    /// the second parameter `also`, set on the last optimizer of the chain.
    public func applied(to spec: String, also: String?) throws(SpecError) -> String {
        var chain = try SpecParser.parseChain(spec)
        var last = chain[chain.count - 1].setting("lr", to: learningRate)
        if let also, let value = self.also { last = last.setting(also, to: value) }
        chain[chain.count - 1] = last
        return chain.map(\.text).joined(separator: " | ")
    }

    /// The label of a run at this trial's values, saying so in the arguments (which the legend
    /// keeps when it shortens a label): `sgd(lr=0.0123, tuned)` for a run labelled by its spec
    /// (the tuned values with three significant digits; `also` names the second tuned parameter),
    /// `SGD (tuned)` for a run with a label of its own (the legend's lr column shows the rate;
    /// `SGD (tuned, momentum=0.9)` with a second parameter).
    public func label(_ label: String?, also: String?) -> String {
        let alsoValue = also.flatMap { name in self.also.map { "\(name)=" + Self.short($0) } }
        if let label { return "\(label) (" + (["tuned"] + (alsoValue.map { [$0] } ?? [])).joined(separator: ", ") + ")" }
        let values = ["lr=" + Self.short(learningRate)] + (alsoValue.map { [$0] } ?? [])
        guard var chain = try? SpecParser.parseChain(spec) else { return "\(spec) (\(values.joined(separator: ", ")), tuned)" }
        var last = chain.removeLast()
        last.arguments.removeAll { $0.key == "lr" || $0.key == also }
        let kept = last.arguments.map { "\($0.key)=\($0.value.text)" }
        let text = last.name + "(" + (values + kept + ["tuned"]).joined(separator: ", ") + ")"
        return (chain.map(\.text) + [text]).joined(separator: " | ")
    }

    /// Three significant digits: `0.0123`, `1.24e-07`.
    static func short(_ v: Double) -> String { String(format: "%.3g", v) }
}

extension TuneResult {
    /// The label of the tuned run in a race (``TuneTrial/label(_:also:)`` of the winner), or the
    /// spec or label as given with the reason when no rate survived.
    public func label(_ label: String? = nil, also: String?) -> String {
        guard let best else { return (label ?? spec) + " (untuned: every rate diverged)" }
        return best.label(label, also: also)
    }
}
