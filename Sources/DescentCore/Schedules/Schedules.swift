/// The learning-rate schedules, with `torch.optim.lr_scheduler` semantics where torch has them:
/// `learningRate(at: t, base:)` is the rate of optimizer step t after t calls of
/// `scheduler.step()`. Parameter names are torch's keywords in lower case (`t_max` for `T_max`).
public enum Schedules {
    public static let all: [ScheduleEntry] = [
        ScheduleEntry(name: "constant", summary: "the base learning rate at every step",
                      reference: "torch.optim.lr_scheduler.ConstantLR(factor=1)", parameters: []) { _ in ConstantSchedule() },
        ScheduleEntry(
            name: "step", summary: "multiply the rate by gamma every step_size steps",
            reference: "torch.optim.lr_scheduler.StepLR",
            parameters: [
                .integer("step_size", nil, .atLeast(1), "period of the decay, in steps"),
                .real("gamma", 0.1, .positive, "factor γ applied every step_size steps"),
            ]) { c in StepSchedule(stepSize: c.integer("step_size"), gamma: c.number("gamma")) },
        ScheduleEntry(
            name: "multistep", summary: "multiply the rate by gamma at each milestone",
            reference: "torch.optim.lr_scheduler.MultiStepLR",
            parameters: [
                HyperParameter("milestones", .list, default: nil, bounds: .nonNegative,
                               doc: "steps at which the rate is multiplied by γ, e.g. (30, 80)"),
                .real("gamma", 0.1, .positive, "factor γ applied at each milestone"),
            ]) { c in
                let milestones = c.tuple("milestones").compactMap { Limits.wholeNumber($0, in: 0...Limits.integerParameter) }
                guard milestones.count == c.tuple("milestones").count else {
                    throw SpecError("multistep: milestones must be whole numbers of steps from 0 to \(Limits.integerParameter) (the limit)")
                }
                return MultiStepSchedule(milestones: milestones, gamma: c.number("gamma"))
            },
        ScheduleEntry(
            name: "exponential", summary: "multiply the rate by gamma every step",
            reference: "torch.optim.lr_scheduler.ExponentialLR",
            parameters: [requiredReal("gamma", .positive, "factor γ applied every step")]
        ) { c in ExponentialSchedule(gamma: c.number("gamma")) },
        ScheduleEntry(
            name: "cosine", summary: "cosine from the base rate down to eta_min over t_max steps (and back up after)",
            reference: "torch.optim.lr_scheduler.CosineAnnealingLR; Loshchilov & Hutter 2017",
            parameters: [
                .integer("t_max", nil, .atLeast(1), "steps of the half cosine from η to η_min (torch's T_max)"),
                .real("eta_min", 0, .nonNegative, "the lowest rate η_min"),
            ]) { c in CosineAnnealingSchedule(tMax: c.integer("t_max"), etaMin: c.number("eta_min")) },
        ScheduleEntry(
            name: "cosine_restarts", summary: "cosine annealing restarted every cycle, cycles growing by t_mult",
            reference: "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts; Loshchilov & Hutter 2017 (SGDR)",
            parameters: [
                .integer("t_0", nil, .atLeast(1), "length of the first cycle in steps (torch's T_0)"),
                .integer("t_mult", 1, .atLeast(1), "each cycle is t_mult times longer than the last (torch's T_mult)"),
                .real("eta_min", 0, .nonNegative, "the lowest rate η_min"),
            ]) { c in
                CosineWarmRestartsSchedule(t0: c.integer("t_0"), tMult: c.integer("t_mult"), etaMin: c.number("eta_min"))
            },
        ScheduleEntry(
            name: "linear", summary: "scale the rate linearly from start_factor to end_factor over total_iters steps",
            reference: "torch.optim.lr_scheduler.LinearLR",
            parameters: [
                .real("start_factor", 1.0 / 3, HyperParameter.Bounds(lower: 0, lowerInclusive: false, upper: 1),
                      "factor of the base rate at step 0"),
                .real("end_factor", 1, .unit, "factor of the base rate from step total_iters on"),
                .integer("total_iters", 5, .atLeast(1), "steps of the linear change"),
            ]) { c in
                LinearSchedule(startFactor: c.number("start_factor"), endFactor: c.number("end_factor"),
                               totalIters: c.integer("total_iters"))
            },
        ScheduleEntry(
            name: "one_cycle", summary: "warm up to max_lr, then anneal far below the start (ignores the base rate)",
            reference: "torch.optim.lr_scheduler.OneCycleLR; Smith & Topin 2019",
            parameters: [
                requiredReal("max_lr", .positive, "the peak rate"),
                .integer("total_steps", nil, .atLeast(1), "length of the cycle in steps"),
                .real("pct_start", 0.3, .unit, "fraction of the steps spent rising to max_lr"),
                .choice("anneal_strategy", ["cos", "linear"], default: "cos", "shape of each phase"),
                .real("div_factor", 25, .positive, "the start rate is max_lr/div_factor"),
                .real("final_div_factor", 1e4, .positive, "the final rate is the start rate/final_div_factor"),
                .flag("three_phase", false, "fall back to the start rate before the final anneal"),
            ] + momentumCycling(base: 0.85, max: 0.95)) { c in
                try OneCycleSchedule(
                    maxLR: c.number("max_lr"), totalSteps: c.integer("total_steps"), pctStart: c.number("pct_start"),
                    anneal: OneCycleSchedule.Anneal(rawValue: c.choice("anneal_strategy")) ?? .cos,
                    divFactor: c.number("div_factor"), finalDivFactor: c.number("final_div_factor"),
                    threePhase: c.flag("three_phase"), momentum: cycledMomentum(c))
            },
        ScheduleEntry(
            name: "cyclic", summary: "triangle waves between base_lr and max_lr (ignores the base rate)",
            reference: "torch.optim.lr_scheduler.CyclicLR; Smith 2017",
            parameters: [
                requiredReal("base_lr", .nonNegative, "the low end of each cycle"),
                requiredReal("max_lr", .nonNegative, "the high end of each cycle (scaled down by the mode)"),
                .integer("step_size_up", 2000, .atLeast(1), "steps of the rising half"),
                .integer("step_size_down", 0, .nonNegative, "steps of the falling half; 0 (the default): step_size_up"),
                .choice("mode", ["triangular", "triangular2", "exp_range"], default: "triangular",
                        "amplitude per cycle: constant, halved every cycle, or scaled by γ^t"),
                .real("gamma", 1, .positive, "γ of exp_range"),
            ] + momentumCycling(base: 0.8, max: 0.9)) { c in
                let up = c.integer("step_size_up"), down = c.integer("step_size_down")
                return CyclicSchedule(
                    baseLR: c.number("base_lr"), maxLR: c.number("max_lr"), stepSizeUp: up,
                    stepSizeDown: down == 0 ? up : down,
                    mode: CyclicSchedule.Mode(rawValue: c.choice("mode")) ?? .triangular, gamma: c.number("gamma"),
                    momentum: cycledMomentum(c))
            },
        ScheduleEntry(
            name: "trapezoid", summary: "linear warm-up, flat, linear cool-down to 0 (warmup-stable-decay)",
            reference: "Zhai et al. 2022; Hägele et al. 2024",
            parameters: [
                .integer("total", nil, .atLeast(1), "steps of the whole schedule; the rate is 0 after"),
                .integer("warmup", 10, .nonNegative, "steps of the linear rise from 0 to η"),
                .integer("cooldown", 20, .nonNegative, "last steps of the linear fall from η to 0"),
            ]) { c in
                try TrapezoidSchedule(warmup: c.integer("warmup"), cooldown: c.integer("cooldown"), total: c.integer("total"))
            },
        ScheduleEntry(
            name: "inverse_sqrt", summary: "linear warm-up, then decay as 1/sqrt(step) (the Transformer schedule)",
            reference: "Vaswani et al. 2017",
            parameters: [.integer("warmup", 10, .atLeast(1), "steps of the linear rise to η (the paper used 4000)")]
        ) { c in InverseSqrtSchedule(warmup: c.integer("warmup")) },
    ]

    /// torch's momentum-cycling keys with its defaults for the schedule (`OneCycleLR`: 0.85 and
    /// 0.95, `CyclicLR`: 0.8 and 0.9).
    static func momentumCycling(base: Double, max: Double) -> [HyperParameter] {
        [.flag("cycle_momentum", true, "cycle the optimizer's momentum (or β₁) inversely to the rate"),
         .real("base_momentum", base, .unit, "the momentum at the peak rate"),
         .real("max_momentum", max, .unit, "the momentum at the lowest rate")]
    }

    /// (base_momentum, max_momentum) when `cycle_momentum` is on, else nil.
    static func cycledMomentum(_ c: Configuration) -> (base: Double, max: Double)? {
        c.flag("cycle_momentum") ? (c.number("base_momentum"), c.number("max_momentum")) : nil
    }

    /// A real parameter with no default.
    static func requiredReal(_ name: String, _ bounds: HyperParameter.Bounds, _ doc: String) -> HyperParameter {
        HyperParameter(name, .real, default: nil, bounds: bounds, doc: doc)
    }
}
