"""Writes Tests/DescentCoreTests/Fixtures/torch_optimizers.json: float64 trajectories of the
torch.optim optimizers, the reference that TorchOptimizerTests.swift matches to 1e-9 relative.

Each case runs one registry entry (`sgd`, `momentum`, `adam`, ...) with explicit keyword
arguments (torch names) from a start point for a number of steps on one objective: the built-in
surfaces `quadratic`, `beale`, `rosenbrock` (the formulas of Quadratic.swift, Beale.swift and
Rosenbrock.swift in Sources/DescentCore/Surfaces/) or `chain7`, a 7-parameter objective

    f(w) = sum_i c_i (w_i - t_i)^2 + sum_{i<6} sin(w_i) w_{i+1}

whose gradient both this script and the Swift test compute with the same explicit formula, in
the same order, with libm's sin and cos, so that the two gradients agree bit for bit:

    g_i = 2 c_i (w_i - t_i),  then for i < 6:  g_i += cos(w_i) w_{i+1},  g_{i+1} += sin(w_i)

The surfaces' gradients come from torch.autograd, which can differ from the Swift forward-mode
derivatives in the last bit. PyTorch's own tensor sqrt (MKL's vdSqrt) is not correctly rounded
either, so no implementation can follow it bit for bit. Near a minimum some optimizers amplify
such last-bit differences step after step, so every case keeps only the steps that are stable to
them: the trajectory is re-run with every gradient component changed by a few units in the last
place, and it is cut before the first step where the two runs differ by more than 1e-12 relative
(a case must keep at least MIN_STEPS steps).

LBFGS runs through `step(closure)`, one call per fixture step; the closure sets the gradient
above and returns the loss, for `chain7` computed in the Swift test's order

    f = sum_i c_i (w_i - t_i)^2  (left to right),  then for i < 6:  f += sin(w_i) w_{i+1}

and for the surfaces by the torch formulas below (the same operations as the Swift surfaces).
Its line search compares and interpolates losses, so its stability check also changes every
loss by a few units in the last place. Its cases record the closure calls so far after every
step (`evaluations`, torch's state["func_evals"]).

The trajectory lists the parameters before the first step and after every step. PyTorch's CPU
kernels use fused multiply-add where the CPU has it (AVX2 and up); the fixture records the CPU
capability it was made with.

Re-run from the repository root:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch && \
        /tmp/venv/bin/python Tests/Scripts/generate_torch_optimizer_fixtures.py
"""

import json
import math
import pathlib
import sys

import torch

torch.set_default_dtype(torch.float64)

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "DescentCoreTests" / "Fixtures" / "torch_optimizers.json"

CHAIN_WEIGHTS = [1.0, 2.0, 0.5, 3.0, 1.5, 0.75, 2.5]
CHAIN_TARGETS = [1.0, -0.5, 2.0, 0.0, -1.5, 0.5, 1.0]


def quadratic(p):
    x, y = p[0], p[1]
    return 5 * x * x + 2 * x * y + 3 * y * y


def beale(p):
    x, y = p[0], p[1]
    y2 = y * y
    a = 1.5 - x + x * y
    b = 2.25 - x + x * y2
    c = 2.625 - x + x * y2 * y
    return a * a + b * b + c * c


def rosenbrock(p):
    x, y = p[0], p[1]
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b


def chain7_gradient(w):
    """The gradient of f(w) = sum_i c_i (w_i - t_i)^2 + sum_{i<6} sin(w_i) w_{i+1}, in the order
    the Swift test computes it."""
    g = [2 * c * (x - t) for c, x, t in zip(CHAIN_WEIGHTS, w, CHAIN_TARGETS)]
    for i in range(len(w) - 1):
        g[i] += math.cos(w[i]) * w[i + 1]
        g[i + 1] += math.sin(w[i])
    return g


def chain7_loss(w):
    """f(w) in the order the Swift test computes it."""
    f = 0.0
    for c, x, t in zip(CHAIN_WEIGHTS, w, CHAIN_TARGETS):
        d = x - t
        f += c * d * d
    for i in range(len(w) - 1):
        f += math.sin(w[i]) * w[i + 1]
    return f


def autograd_gradient(function):
    def gradient(w):
        p = torch.tensor(w, requires_grad=True)
        function(p).backward()
        return p.grad.tolist()
    return gradient


def torch_loss(function):
    def loss(w):
        return function(torch.tensor(w)).item()
    return loss


# objective -> (gradient, loss, starts)
OBJECTIVES = {
    "quadratic": (autograd_gradient(quadratic), torch_loss(quadratic), [[1.5, -1.0], [-0.8, 1.7]]),
    "beale": (autograd_gradient(beale), torch_loss(beale), [[1.0, 1.5], [2.0, -0.5]]),
    "rosenbrock": (autograd_gradient(rosenbrock), torch_loss(rosenbrock), [[-1.2, 1.0], [0.5, -0.3]]),
    "chain7": (chain7_gradient, chain7_loss, [[0.5, -1.0, 1.5, 2.0, -0.5, 0.0, 1.0]]),
}

MIN_STEPS = 30
# A closure optimizer's step is many iterations (LBFGS: up to max_iter, each with its line
# search), so fewer steps test as much; on Rosenbrock's curved valley its line search turns
# last-bit differences into 1e-12 ones within 10 to 20 steps.
MIN_CLOSURE_STEPS = 10
# How far a trajectory may move when every gradient component changes by a few ulps.
STABILITY_TOLERANCE = 1e-12

# registry entry -> (torch class, the keyword arguments the entry's defaults imply)
ENTRIES = {
    "sgd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.9}),
    "nesterov": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, {}),
    "adadelta": (torch.optim.Adadelta, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
    "adam": (torch.optim.Adam, {}),
    "adamw": (torch.optim.AdamW, {}),
    "adamax": (torch.optim.Adamax, {}),
    "nadam": (torch.optim.NAdam, {}),
    "radam": (torch.optim.RAdam, {}),
    "rprop": (torch.optim.Rprop, {}),
    "asgd": (torch.optim.ASGD, {}),
    "adafactor": (torch.optim.Adafactor, {}),
    "lbfgs": (torch.optim.LBFGS, {}),
}

# The optimizers whose torch `step` takes a closure; their steps are closure calls.
CLOSURE_ENTRIES = {"lbfgs"}

# Learning rates per objective for each family, large enough to move visibly and small enough
# to stay bounded.
SGD_LR = {"quadratic": 0.05, "beale": 0.002, "rosenbrock": 0.0005, "chain7": 0.05}
ADAPTIVE_LR = {"quadratic": 0.1, "beale": 0.1, "rosenbrock": 0.05, "chain7": 0.1}
ADAGRAD_LR = {"quadratic": 0.5, "beale": 0.5, "rosenbrock": 0.3, "chain7": 0.5}
# RAdam's first steps (rho_t <= 5) are plain momentum steps of size lr * m, so it needs the
# smaller rates of SGD where gradients are large.
RADAM_LR = {"quadratic": 0.05, "beale": 0.005, "rosenbrock": 0.002, "chain7": 0.05}
ADADELTA_LR = {"quadratic": 5.0, "beale": 5.0, "rosenbrock": 2.0, "chain7": 5.0}
# Near a minimum, sign-like steps much longer than the distance to it amplify rounding; these
# configurations need smaller steps there to stay reproducible for 30+ steps.
ADADELTA_OPTIONS_LR = {**ADADELTA_LR, "quadratic": 1.0}
CENTERED_LR = {**ADAPTIVE_LR, "beale": 0.03}
# Rprop's lr is its initial step size.
RPROP_LR = {"quadratic": 0.05, "beale": 0.02, "rosenbrock": 0.01, "chain7": 0.05}
ASGD_LR = {**SGD_LR, "quadratic": 0.08}
ADAFACTOR_LR = {"quadratic": 0.05, "beale": 0.05, "rosenbrock": 0.02, "chain7": 0.05}
ADAFACTOR_OPTIONS_LR = {**ADAFACTOR_LR, "beale": 0.02}
# LBFGS steps without a line search are t = lr along a quasi-Newton direction.
LBFGS_LR = {"quadratic": 0.5, "beale": 0.1, "rosenbrock": 0.05, "chain7": 0.5}
LBFGS_TOLERANCES_LR = {**LBFGS_LR, "beale": 0.2}

# The objectives where an entry's defaults leave the box (a learning rate too large for
# them): its "defaults" case skips these.
DEFAULTS_TOO_LARGE = {"asgd": {"rosenbrock"}, "lbfgs": {"beale", "rosenbrock"}}

# (entry, label, kwargs without lr, learning rates per objective (None in place of the dict
# or of a rate: the default; an objective left out: not run), steps)
CONFIGS = [(entry, "defaults", {},
            {o: None for o in OBJECTIVES if o not in DEFAULTS_TOO_LARGE.get(entry, ())}, 40)
           for entry in ENTRIES] + [
    ("sgd", "lr", {}, SGD_LR, 50),
    ("sgd", "momentum-dampening", {"momentum": 0.8, "dampening": 0.3}, SGD_LR, 50),
    ("sgd", "nesterov-weight-decay", {"momentum": 0.7, "nesterov": True, "weight_decay": 0.1}, SGD_LR, 50),
    ("momentum", "weight-decay", {"weight_decay": 0.05}, SGD_LR, 50),
    ("nesterov", "lr", {}, SGD_LR, 50),
    ("adagrad", "lr", {}, ADAGRAD_LR, 50),
    ("adagrad", "options", {"lr_decay": 0.05, "initial_accumulator_value": 0.5, "weight_decay": 0.1, "eps": 1e-6},
     ADAGRAD_LR, 50),
    ("adadelta", "lr", {}, ADADELTA_LR, 50),
    ("adadelta", "options", {"rho": 0.5, "eps": 1e-4, "weight_decay": 0.1}, ADADELTA_OPTIONS_LR, 50),
    ("rmsprop", "lr", {}, ADAPTIVE_LR, 50),
    ("rmsprop", "centered", {"centered": True, "alpha": 0.9}, CENTERED_LR, 50),
    ("rmsprop", "momentum-weight-decay", {"momentum": 0.6, "weight_decay": 0.1, "eps": 1e-3}, ADAPTIVE_LR, 50),
    ("rmsprop", "centered-momentum", {"centered": True, "momentum": 0.5}, CENTERED_LR, 50),
    ("rmsprop", "centered-low-alpha", {"centered": True, "alpha": 0.4}, CENTERED_LR, 50),
    ("adam", "lr", {}, ADAPTIVE_LR, 60),
    ("adam", "amsgrad", {"amsgrad": True, "betas": (0.8, 0.95)}, ADAPTIVE_LR, 60),
    ("adam", "weight-decay", {"weight_decay": 0.2, "eps": 1e-4}, ADAPTIVE_LR, 60),
    ("adam", "decoupled", {"weight_decay": 0.2, "decoupled_weight_decay": True}, ADAPTIVE_LR, 60),
    # 1 - beta1 >= 0.5: torch.lerp's second branch.
    ("adam", "low-betas", {"betas": (0.3, 0.6)}, ADAPTIVE_LR, 60),
    ("adamw", "lr", {}, ADAPTIVE_LR, 60),
    ("adamw", "amsgrad-weight-decay", {"weight_decay": 0.3, "amsgrad": True}, ADAPTIVE_LR, 60),
    ("adamax", "lr", {}, ADAPTIVE_LR, 60),
    ("adamax", "options", {"betas": (0.7, 0.9), "weight_decay": 0.1, "eps": 1e-3}, ADAPTIVE_LR, 60),
    ("nadam", "lr", {}, ADAPTIVE_LR, 60),
    ("nadam", "momentum-decay", {"momentum_decay": 0.05, "betas": (0.85, 0.99)}, ADAPTIVE_LR, 60),
    ("nadam", "weight-decay", {"weight_decay": 0.1}, ADAPTIVE_LR, 60),
    ("nadam", "decoupled", {"weight_decay": 0.2, "decoupled_weight_decay": True}, ADAPTIVE_LR, 60),
    ("radam", "lr", {}, RADAM_LR, 60),
    ("radam", "short-memory", {"betas": (0.9, 0.9)}, RADAM_LR, 40),
    ("radam", "weight-decay", {"weight_decay": 0.1}, RADAM_LR, 60),
    ("radam", "decoupled", {"weight_decay": 0.2, "decoupled_weight_decay": True}, RADAM_LR, 60),
    ("rprop", "lr", {}, RPROP_LR, 60),
    ("rprop", "options", {"etas": (0.3, 1.5), "step_sizes": (1e-3, 0.2)}, RPROP_LR, 60),
    ("asgd", "lr", {}, ASGD_LR, 60),
    # Averaging from step 5, a visible step-size decay and weight decay.
    ("asgd", "averaging", {"t0": 5, "lambd": 0.05, "alpha": 0.6, "weight_decay": 0.05}, ASGD_LR, 60),
    ("adafactor", "lr", {}, ADAFACTOR_LR, 60),
    ("adafactor", "options", {"beta2_decay": -0.5, "eps": (1e-3, 1e-2), "d": 1.5, "weight_decay": 0.1},
     ADAFACTOR_OPTIONS_LR, 60),
    ("lbfgs", "short", {"max_iter": 2, "history_size": 3}, LBFGS_LR, 40),
    ("lbfgs", "tolerances", {"max_iter": 4, "max_eval": 3, "tolerance_grad": 1e-3, "tolerance_change": 1e-6},
     LBFGS_TOLERANCES_LR, 40),
    ("lbfgs", "strong-wolfe", {"line_search_fn": "strong_wolfe"}, None, 30),
    ("lbfgs", "strong-wolfe-short", {"line_search_fn": "strong_wolfe", "max_iter": 1, "max_eval": 6,
                                     "history_size": 2}, None, 40),
]


def radam_rectifies(beta2, steps):
    """Whether RAdam's rho_t crosses 5 within `steps` steps (it is 1 at step 1)."""
    rho_inf = 2 / (1 - beta2) - 1
    return any(rho_inf - 2 * t * beta2 ** t / (1 - beta2 ** t) > 5 for t in range(1, steps + 1))


def trajectory(entry, kwargs, objective, start, steps, perturbation=0.0):
    """The parameters before the first step and after each step, and for a closure optimizer
    the closure calls so far after each step. `perturbation` scales every gradient component
    by 1 +- perturbation (alternating signs), and every loss by 1 + perturbation, to measure
    stability."""
    cls, implied = ENTRIES[entry]
    gradient, loss = OBJECTIVES[objective][:2]
    p = torch.tensor(start)
    options = {**implied, **kwargs}
    if entry not in CLOSURE_ENTRIES:
        options["foreach"] = False
    optimizer = cls([p], **options)

    def set_gradient():
        g = gradient(p.tolist())
        p.grad = torch.tensor([v * (1 + perturbation * (-1) ** i) for i, v in enumerate(g)])

    def closure():
        set_gradient()
        return loss(p.tolist()) * (1 + perturbation)

    points = [p.tolist()]
    evaluations = []
    for _ in range(steps):
        if entry in CLOSURE_ENTRIES:
            optimizer.step(closure)
            evaluations.append(optimizer.state[p]["func_evals"])
        else:
            set_gradient()
            optimizer.step()
        point = p.tolist()
        if not all(math.isfinite(v) and abs(v) < 100 for v in point):
            raise SystemExit(f"{entry} {kwargs} on {objective} from {start} left the box: {point}")
        points.append(point)
    return points, evaluations


def relative_difference(a, b):
    return max(abs(x - y) / max(abs(y), 1e-3) for x, y in zip(a, b))


def stable_prefix(entry, kwargs, objective, start, points):
    """`points` up to the first step where a few-ulp change of the gradients moves the
    trajectory by more than STABILITY_TOLERANCE. The gradients change both ways, scaled by
    1 + p, 1 - p, 1 + p, ... and by 1 - p, 1 + p, ...: a last-bit difference can die out in one
    run and grow in the other."""
    steps = len(points) - 1
    ulps = 4 * sys.float_info.epsilon
    runs = [trajectory(entry, kwargs, objective, start, steps, perturbation=p)[0] for p in (ulps, -ulps)]
    for step, (a, *perturbed) in enumerate(zip(points, *runs)):
        if max(relative_difference(b, a) for b in perturbed) > STABILITY_TOLERANCE:
            return points[:step]
    return points


def main():
    cases = []
    for entry, label, options, rates, steps in CONFIGS:
        if entry == "radam":
            beta2 = options.get("betas", (0.9, 0.999))[1]
            assert radam_rectifies(beta2, steps), f"radam {label} never rectifies"
        for objective, (_, _, starts) in OBJECTIVES.items():
            if rates is not None and objective not in rates:
                continue
            kwargs = dict(options)
            if rates is not None and rates[objective] is not None:
                kwargs["lr"] = rates[objective]
            for index, start in enumerate(starts):
                name = f"{entry}-{label}-{objective}-{index}"
                points, evaluations = trajectory(entry, kwargs, objective, start, steps)
                points = stable_prefix(entry, kwargs, objective, start, points)
                if len(points) - 1 < (MIN_CLOSURE_STEPS if entry in CLOSURE_ENTRIES else MIN_STEPS):
                    raise SystemExit(f"{name}: only {len(points) - 1} steps are stable to rounding")
                case = {
                    "name": name,
                    "entry": entry,
                    "kwargs": {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()},
                    "objective": objective,
                    "start": start,
                    "steps": len(points) - 1,
                    "trajectory": points,
                }
                if entry in CLOSURE_ENTRIES:
                    case["evaluations"] = evaluations[:len(points) - 1]
                cases.append(case)
    fixture = {
        "generator": "Tests/Scripts/generate_torch_optimizer_fixtures.py",
        "torch_version": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "chain7": {"weights": CHAIN_WEIGHTS, "targets": CHAIN_TARGETS},
        "cases": cases,
    }
    OUTPUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
