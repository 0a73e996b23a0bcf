/// An expression compiled to a flat postfix program, evaluated with a small stack that lives on
/// the call stack (no allocation per evaluation). Generic over ``SurfaceScalar``, so one program
/// gives f over `Double`, f and ∇f over ``Dual2``, and f, ∇f and ∇²f over ``Jet2``.
struct ExpressionProgram: Sendable {
    /// One postfix instruction: push an operand, or replace the top one or two with a result.
    enum Instruction: Sendable, Equatable {
        case constant(Double)
        case variable(ExpressionVariable)
        case negate
        case add, subtract, multiply, divide
        /// top ^ n, exactly (repeated multiplication for small n).
        case integerPower(Int)
        /// top ^ c for a constant non-integer c.
        case realPower(Double)
        /// second ^ top = exp(top · log second).
        case power
        case call(ExpressionFunction)
    }

    private(set) var instructions: [Instruction] = []
    /// The deepest the stack gets, so that it can be allocated once per evaluation.
    private(set) var stackDepth = 0

    init(_ node: ExpressionNode) {
        var depth = 0
        emit(node, depth: &depth)
    }

    private mutating func emit(_ node: ExpressionNode, depth: inout Int) {
        switch node {
        case .constant(let c):
            push(.constant(c), depth: &depth)
        case .variable(let v):
            push(.variable(v), depth: &depth)
        case .negation(let operand):
            emit(operand, depth: &depth)
            instructions.append(.negate)
        case .call(let function, let argument):
            emit(argument, depth: &depth)
            instructions.append(.call(function))
        case .binary(.power, let base, .constant(let c)):
            emit(base, depth: &depth)
            switch ExpressionExponent(c) {
            case .integer(let n): instructions.append(.integerPower(n))
            case .real(let c): instructions.append(.realPower(c))
            }
        case .binary(let op, let lhs, let rhs):
            emit(lhs, depth: &depth)
            emit(rhs, depth: &depth)
            depth -= 1
            switch op {
            case .add: instructions.append(.add)
            case .subtract: instructions.append(.subtract)
            case .multiply: instructions.append(.multiply)
            case .divide: instructions.append(.divide)
            case .power: instructions.append(.power)
            }
        }
    }

    private mutating func push(_ instruction: Instruction, depth: inout Int) {
        instructions.append(instruction)
        depth += 1
        stackDepth = max(stackDepth, depth)
    }

    /// The program's value at (x, y).
    func evaluate<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        withUnsafeTemporaryAllocation(of: T.self, capacity: stackDepth) { stack -> T in
            let base = stack.baseAddress!
            var top = base - 1
            for instruction in instructions {
                switch instruction {
                case .constant(let c):
                    top += 1
                    top.initialize(to: T(c))
                case .variable(.x):
                    top += 1
                    top.initialize(to: x)
                case .variable(.y):
                    top += 1
                    top.initialize(to: y)
                case .negate:
                    top.pointee = -top.pointee
                case .integerPower(let n):
                    top.pointee = pow(top.pointee, n)
                case .realPower(let c):
                    top.pointee = pow(top.pointee, c)
                case .call(let function):
                    top.pointee = function.apply(top.pointee)
                case .add, .subtract, .multiply, .divide, .power:
                    let rhs = top.move()
                    top -= 1
                    top.pointee = Self.combine(instruction, top.pointee, rhs)
                }
            }
            return base.move()
        }
    }

    /// The result of a binary instruction.
    private static func combine<T: SurfaceScalar>(_ instruction: Instruction, _ a: T, _ b: T) -> T {
        switch instruction {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        default: pow(a, b)
        }
    }
}
