/// How the legends show an optimizer's oracle evaluations so far (``DescentCore/Optimizer/functionEvaluations``):
/// after its label, as `lbfgs(lr=1) 37 evals`.
enum EvaluationCount {
    /// `label` followed by ` N evals` when the optimizer counts its evaluations (`count` not nil).
    static func label(_ label: String, _ count: Int?) -> String {
        guard let count else { return label }
        return label + " \(count) eval" + (count == 1 ? "" : "s")
    }
}
