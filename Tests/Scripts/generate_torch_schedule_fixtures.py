"""Writes Tests/DescentCoreTests/Fixtures/torch_schedules.json: reference learning rates from
torch.optim.lr_scheduler, and trajectories of optimizers driven by a schedule.

Every case records the learning rate used by each optimizer step, read from
``optimizer.param_groups[0]['lr']`` before ``optimizer.step()``, followed by
``scheduler.step()`` -- the convention of ``Schedule.learningRate(at:base:)``.
Trajectory cases run an optimizer (``torch.optim.SGD(lr, momentum=0.9)`` unless the case names
another) on f(x, y) = 5x² + 2xy + 3y² from (1.5, -1.2) and record every position, the start
first, the optimizer as a descent spec, and -- for schedules that cycle the momentum
(``cycle_momentum``, torch's default for OneCycleLR and CyclicLR) -- the momentum of every step
(``momentum``, else ``betas[0]``, read like the rate).

Arguments are stored under descent's spec names (``t_max``, ``t_0``, ...); ``TORCH_NAMES`` maps
them to torch's keywords. float64 throughout (``torch.set_default_dtype``).

Recreate the environment (outside the repository) and run from the repository root:
    python3 -m venv /work/venv-torch
    /work/venv-torch/bin/pip install torch
    /work/venv-torch/bin/python Tests/Scripts/generate_torch_schedule_fixtures.py
"""

import json
import pathlib
import warnings

import torch

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore", category=UserWarning)

SCHEDULERS = {
    "step": torch.optim.lr_scheduler.StepLR,
    "multistep": torch.optim.lr_scheduler.MultiStepLR,
    "exponential": torch.optim.lr_scheduler.ExponentialLR,
    "cosine": torch.optim.lr_scheduler.CosineAnnealingLR,
    "cosine_restarts": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts,
    "linear": torch.optim.lr_scheduler.LinearLR,
    "one_cycle": torch.optim.lr_scheduler.OneCycleLR,
    "cyclic": torch.optim.lr_scheduler.CyclicLR,
}
TORCH_NAMES = {"t_max": "T_max", "t_0": "T_0", "t_mult": "T_mult"}
# The rate-only cases of the momentum-cycling schedules (momentum cycling has cases of its own).
NO_CYCLING = {"cycle_momentum": False}

STEPS = 120
START = [1.5, -1.2]

SGD_MOMENTUM = ("sgd", {"momentum": 0.9})

# (name, spec arguments, base lr, steps, the optimizer whose trajectory is recorded, or None)
CASES = [
    ("step", {"step_size": 7}, 0.1, STEPS, None),
    ("step", {"step_size": 30, "gamma": 0.5}, 0.05, STEPS, SGD_MOMENTUM),
    ("multistep", {"milestones": [10, 40, 80]}, 0.1, STEPS, None),
    ("multistep", {"milestones": [5, 5, 60], "gamma": 0.3}, 0.02, STEPS, None),
    ("exponential", {"gamma": 0.97}, 0.1, STEPS, None),
    ("exponential", {"gamma": 0.9}, 0.02, STEPS, SGD_MOMENTUM),
    ("cosine", {"t_max": 50}, 0.1, STEPS, None),
    ("cosine", {"t_max": 30, "eta_min": 0.001}, 0.05, STEPS, SGD_MOMENTUM),
    ("cosine", {"t_max": 7, "eta_min": 0.01}, 0.1, STEPS, None),
    ("cosine_restarts", {"t_0": 10}, 0.1, STEPS, None),
    ("cosine_restarts", {"t_0": 5, "t_mult": 2, "eta_min": 0.001}, 0.05, STEPS, SGD_MOMENTUM),
    ("cosine_restarts", {"t_0": 3, "t_mult": 3}, 0.1, STEPS, None),
    ("linear", {}, 0.1, STEPS, None),
    ("linear", {"start_factor": 0.1, "end_factor": 0.5, "total_iters": 40}, 0.05, STEPS, SGD_MOMENTUM),
    ("linear", {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 100}, 0.1, STEPS, None),
    ("one_cycle", {"max_lr": 0.05, "total_steps": STEPS, **NO_CYCLING}, 0.1, STEPS, SGD_MOMENTUM),
    ("one_cycle", {"max_lr": 0.1, "total_steps": 100, "anneal_strategy": "linear", "pct_start": 0.25}, 0.1, 100, None),
    ("one_cycle", {"max_lr": 0.02, "total_steps": STEPS, "three_phase": True, "div_factor": 10.0,
                   "final_div_factor": 100.0}, 0.1, STEPS, None),
    ("cyclic", {"base_lr": 0.001, "max_lr": 0.05, "step_size_up": 10, **NO_CYCLING}, 0.1, STEPS, SGD_MOMENTUM),
    ("cyclic", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 8, "step_size_down": 12,
                "mode": "triangular2"}, 0.1, STEPS, None),
    ("cyclic", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 15, "mode": "exp_range", "gamma": 0.99},
     0.1, STEPS, None),
    # Momentum cycling (torch's default): `momentum` for SGD and RMSprop, beta1 for Adam.
    ("one_cycle", {"max_lr": 0.05, "total_steps": STEPS}, 0.1, STEPS, SGD_MOMENTUM),
    ("one_cycle", {"max_lr": 0.03, "total_steps": 100, "three_phase": True, "anneal_strategy": "linear",
                   "base_momentum": 0.7, "max_momentum": 0.9}, 0.1, 100, ("sgd", {"momentum": 0.5, "nesterov": True})),
    ("cyclic", {"base_lr": 0.001, "max_lr": 0.05, "step_size_up": 10}, 0.1, STEPS, SGD_MOMENTUM),
    ("cyclic", {"base_lr": 0.005, "max_lr": 0.04, "step_size_up": 8, "step_size_down": 12, "mode": "triangular2"},
     0.1, STEPS, ("sgd", {})),
    ("one_cycle", {"max_lr": 0.2, "total_steps": STEPS}, 0.1, STEPS, ("adam", {"betas": [0.9, 0.99]})),
    ("one_cycle", {"max_lr": 0.1, "total_steps": STEPS, "three_phase": True, "pct_start": 0.2}, 0.1, STEPS, ("adam", {})),
    ("cyclic", {"base_lr": 0.01, "max_lr": 0.2, "step_size_up": 15, "mode": "exp_range", "gamma": 0.99},
     0.1, STEPS, ("adam", {"betas": [0.8, 0.999]})),
    ("cyclic", {"base_lr": 0.001, "max_lr": 0.02, "step_size_up": 12}, 0.1, STEPS, ("rmsprop", {})),
]


TORCH_OPTIMIZERS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop}


def torch_kwargs(args):
    return {TORCH_NAMES.get(k, k): v for k, v in args.items()}


def spec_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "(" + ", ".join(repr(x) for x in v) + ")"
    return repr(v)


def descent_spec(name, base_lr, args):
    """The optimizer as a descent spec: `adam(lr=0.1, betas=(0.9, 0.99))`."""
    return name + "(" + ", ".join(f"{k}={spec_value(v)}" for k, v in {"lr": base_lr, **args}.items()) + ")"


def objective(p):
    x, y = p[0], p[1]
    return 5 * x * x + 2 * x * y + 3 * y * y


def run(name, args, base_lr, steps, optimizer):
    """The lr and momentum of every step and the optimizer's positions, start first."""
    opt_name, opt_args = optimizer
    p = torch.tensor(START, requires_grad=True)
    opt = TORCH_OPTIMIZERS[opt_name]([p], lr=base_lr, **opt_args)
    sched = SCHEDULERS[name](opt, **torch_kwargs(args))
    lrs, momentums, positions = [], [], [p.detach().tolist()]
    for _ in range(steps):
        group = opt.param_groups[0]
        lrs.append(float(group["lr"]))
        momentums.append(float(group["momentum"] if "momentum" in group else group["betas"][0]))
        opt.zero_grad()
        objective(p).backward()
        opt.step()
        sched.step()
        positions.append(p.detach().tolist())
    return lrs, momentums, positions


def main():
    schedules, trajectories = [], []
    for name, args, base_lr, steps, optimizer in CASES:
        lrs, momentums, positions = run(name, args, base_lr, steps, optimizer or SGD_MOMENTUM)
        schedules.append({"name": name, "args": args, "base_lr": base_lr, "lrs": lrs})
        if optimizer:
            case = {"name": name, "args": args, "base_lr": base_lr, "optimizer": descent_spec(optimizer[0], base_lr, optimizer[1]),
                    "start": START, "positions": positions}
            if args.get("cycle_momentum", name in ("one_cycle", "cyclic")):
                case["momentums"] = momentums
            trajectories.append(case)
    out = pathlib.Path(__file__).resolve().parent.parent / "DescentCoreTests" / "Fixtures" / "torch_schedules.json"
    out.write_text(json.dumps({"torch_version": torch.__version__, "schedules": schedules,
                               "trajectories": trajectories}, indent=1) + "\n")
    print(f"wrote {out}: {len(schedules)} schedules, {len(trajectories)} trajectories")


if __name__ == "__main__":
    main()
