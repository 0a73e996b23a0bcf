/// The gradient transforms that can be chained in front of any optimizer.
public enum Transforms {
    public static let all: [TransformEntry] = []
}
