/// An expression compiled to one straight-line program over registers: what a custom surface
/// evaluates every step, as f over `Double`, f and ∇f over ``Dual2``, f, ∇f and ∇²f over
/// ``Jet2``.
///
/// Built from the postfix ``ExpressionProgram``: x and y are registers 0 and 1, then every
/// distinct constant has a register, then every operation writes a register of its own (single
/// assignment), reading registers written before it. A repeated subexpression (`x*y` in
/// `(1 - x + xy)^2 + (2 - x + xy^2)^2`) is computed once. Each operation is the same arithmetic
/// on the same operands as the postfix program, so the two agree bit for bit; what goes is the
/// stack traffic (a push and pop per operand), the repeated work, and the constants' and
/// variables' instructions. The operations live in one buffer allocated at compile time.
struct CompiledExpression: Sendable {
    /// What an operation computes from registers a (and b).
    enum Code: UInt8, Sendable {
        case negate, add, subtract, multiply, divide
        /// a ^ b for a variable exponent.
        case power
        /// a ^ n, n stored in b.
        case integerPower
        /// a ^ c for the operation's constant c.
        case realPower
        /// The operation's function of a.
        case call
    }

    /// One single-assignment operation; its result goes to the next free register.
    struct Operation: Sendable, Equatable {
        var code: Code
        var function: ExpressionFunction = .sin
        var a: Int32
        var b: Int32 = 0
        var constant: Double = 0
    }

    /// The constants, in register order from register 2.
    let constants: [Double]
    /// The operations, in order; operation k writes register 2 + constants.count + k.
    var operations: [Operation] { Array(storage.operations) }
    /// The register holding the value of the whole expression.
    let result: Int
    private let storage: Storage

    /// The number of registers an evaluation needs.
    var registerCount: Int { 2 + constants.count + storage.operations.count }

    init(_ program: ExpressionProgram) {
        var constants: [Double] = []
        var constantRegisters: [UInt64: Int32] = [:]
        var operations: [Operation] = []
        var known: [OperationKey: Int32] = [:]
        var stack: [Int32] = []
        var firstResult: Int32 { 2 + Int32(constants.count) }
        // Constants get their registers first (operations are numbered after them), so collect
        // them in a first pass.
        for case .constant(let c) in program.instructions where constantRegisters[c.bitPattern] == nil {
            constantRegisters[c.bitPattern] = 2 + Int32(constants.count)
            constants.append(c)
        }
        func emit(_ operation: Operation) {
            let key = OperationKey(operation)
            if let register = known[key] {
                stack.append(register)
                return
            }
            let register = firstResult + Int32(operations.count)
            operations.append(operation)
            known[key] = register
            stack.append(register)
        }
        for instruction in program.instructions {
            switch instruction {
            case .constant(let c): stack.append(constantRegisters[c.bitPattern]!)
            case .variable(.x): stack.append(0)
            case .variable(.y): stack.append(1)
            case .negate: emit(Operation(code: .negate, a: stack.removeLast()))
            case .integerPower(let n): emit(Operation(code: .integerPower, a: stack.removeLast(), b: Int32(n)))
            case .realPower(let c): emit(Operation(code: .realPower, a: stack.removeLast(), constant: c))
            case .call(let function): emit(Operation(code: .call, function: function, a: stack.removeLast()))
            case .add, .subtract, .multiply, .divide, .power:
                let b = stack.removeLast(), a = stack.removeLast()
                let code: Code = switch instruction {
                case .add: .add
                case .subtract: .subtract
                case .multiply: .multiply
                case .divide: .divide
                default: .power
                }
                emit(Operation(code: code, a: a, b: b))
            }
        }
        precondition(stack.count == 1, "a postfix program leaves one value")
        self.constants = constants
        result = Int(stack[0])
        storage = Storage(operations)
    }

    /// The expression's value at (x, y).
    @inline(__always)
    func evaluate<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        withUnsafeTemporaryAllocation(of: T.self, capacity: registerCount) { buffer -> T in
            let r = buffer.baseAddress!
            r.initialize(to: x)
            (r + 1).initialize(to: y)
            var next = r + 2
            for c in constants {
                next.initialize(to: T(c))
                next += 1
            }
            for operation in storage.operations {
                let a = r[Int(operation.a)]
                let value: T
                switch operation.code {
                case .negate: value = -a
                case .add: value = a + r[Int(operation.b)]
                case .subtract: value = a - r[Int(operation.b)]
                case .multiply: value = a * r[Int(operation.b)]
                case .divide: value = a / r[Int(operation.b)]
                case .power: value = pow(a, r[Int(operation.b)])
                case .integerPower: value = pow(a, Int(operation.b))
                case .realPower: value = pow(a, operation.constant)
                case .call: value = operation.function.apply(a)
                }
                next.initialize(to: value)
                next += 1
            }
            return r[result]
        }
    }

    /// An operation as a dictionary key (the constant by its bits, so that -0 and 0 differ).
    private struct OperationKey: Hashable {
        var code: UInt8, function: ExpressionFunction, a: Int32, b: Int32, constant: UInt64
        init(_ o: Operation) {
            code = o.code.rawValue
            function = o.function
            a = o.a
            b = o.b
            constant = o.constant.bitPattern
        }
    }

    /// The operations in one buffer allocated once and never written again, so that an
    /// evaluation walks it through a pointer (no array bounds checks or reference counting in
    /// the loop).
    private final class Storage: @unchecked Sendable {
        let operations: UnsafeBufferPointer<Operation>

        init(_ operations: [Operation]) {
            let buffer = UnsafeMutableBufferPointer<Operation>.allocate(capacity: operations.count)
            _ = buffer.initialize(from: operations)
            self.operations = UnsafeBufferPointer(buffer)
        }

        deinit { operations.deallocate() }
    }
}
