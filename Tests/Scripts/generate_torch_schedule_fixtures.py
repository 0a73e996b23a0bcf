"""Writes Tests/DescentCoreTests/Fixtures/torch_schedules.json: reference learning rates from
torch.optim.lr_scheduler, and a few SGD-with-momentum trajectories driven by a schedule.

Every case records the learning rate used by each optimizer step, read from
``optimizer.param_groups[0]['lr']`` before ``optimizer.step()``, followed by
``scheduler.step()`` -- the convention of ``Schedule.learningRate(at:base:)``.
Trajectory cases run ``torch.optim.SGD(lr, momentum=0.9)`` on f(x, y) = 5x² + 2xy + 3y² from
(1.5, -1.2) and record every position, the start first.

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
# Momentum cycling is out of scope for descent's schedules.
EXTRA_TORCH_ARGS = {"one_cycle": {"cycle_momentum": False}, "cyclic": {"cycle_momentum": False}}

STEPS = 120
START = [1.5, -1.2]

# (name, spec arguments, base lr, steps, record the SGD trajectory)
CASES = [
    ("step", {"step_size": 7}, 0.1, STEPS, False),
    ("step", {"step_size": 30, "gamma": 0.5}, 0.05, STEPS, True),
    ("multistep", {"milestones": [10, 40, 80]}, 0.1, STEPS, False),
    ("multistep", {"milestones": [5, 5, 60], "gamma": 0.3}, 0.02, STEPS, False),
    ("exponential", {"gamma": 0.97}, 0.1, STEPS, False),
    ("exponential", {"gamma": 0.9}, 0.02, STEPS, True),
    ("cosine", {"t_max": 50}, 0.1, STEPS, False),
    ("cosine", {"t_max": 30, "eta_min": 0.001}, 0.05, STEPS, True),
    ("cosine", {"t_max": 7, "eta_min": 0.01}, 0.1, STEPS, False),
    ("cosine_restarts", {"t_0": 10}, 0.1, STEPS, False),
    ("cosine_restarts", {"t_0": 5, "t_mult": 2, "eta_min": 0.001}, 0.05, STEPS, True),
    ("cosine_restarts", {"t_0": 3, "t_mult": 3}, 0.1, STEPS, False),
    ("linear", {}, 0.1, STEPS, False),
    ("linear", {"start_factor": 0.1, "end_factor": 0.5, "total_iters": 40}, 0.05, STEPS, True),
    ("linear", {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 100}, 0.1, STEPS, False),
    ("one_cycle", {"max_lr": 0.05, "total_steps": STEPS}, 0.1, STEPS, True),
    ("one_cycle", {"max_lr": 0.1, "total_steps": 100, "anneal_strategy": "linear", "pct_start": 0.25}, 0.1, 100, False),
    ("one_cycle", {"max_lr": 0.02, "total_steps": STEPS, "three_phase": True, "div_factor": 10.0,
                   "final_div_factor": 100.0}, 0.1, STEPS, False),
    ("cyclic", {"base_lr": 0.001, "max_lr": 0.05, "step_size_up": 10}, 0.1, STEPS, True),
    ("cyclic", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 8, "step_size_down": 12,
                "mode": "triangular2"}, 0.1, STEPS, False),
    ("cyclic", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 15, "mode": "exp_range", "gamma": 0.99},
     0.1, STEPS, False),
]


def torch_kwargs(name, args):
    kwargs = {TORCH_NAMES.get(k, k): v for k, v in args.items()}
    kwargs.update(EXTRA_TORCH_ARGS.get(name, {}))
    return kwargs


def objective(p):
    x, y = p[0], p[1]
    return 5 * x * x + 2 * x * y + 3 * y * y


def run(name, args, base_lr, steps):
    """The lr of every step and the SGD(momentum=0.9) positions, start first."""
    p = torch.tensor(START, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base_lr, momentum=0.9)
    sched = SCHEDULERS[name](opt, **torch_kwargs(name, args))
    lrs, positions = [], [p.detach().tolist()]
    for _ in range(steps):
        lrs.append(float(opt.param_groups[0]["lr"]))
        opt.zero_grad()
        objective(p).backward()
        opt.step()
        sched.step()
        positions.append(p.detach().tolist())
    return lrs, positions


def main():
    schedules, trajectories = [], []
    for name, args, base_lr, steps, with_trajectory in CASES:
        lrs, positions = run(name, args, base_lr, steps)
        schedules.append({"name": name, "args": args, "base_lr": base_lr, "lrs": lrs})
        if with_trajectory:
            trajectories.append({"name": name, "args": args, "base_lr": base_lr, "momentum": 0.9,
                                 "start": START, "positions": positions})
    out = pathlib.Path(__file__).resolve().parent.parent / "DescentCoreTests" / "Fixtures" / "torch_schedules.json"
    out.write_text(json.dumps({"torch_version": torch.__version__, "schedules": schedules,
                               "trajectories": trajectories}, indent=1) + "\n")
    print(f"wrote {out}: {len(schedules)} schedules, {len(trajectories)} trajectories")


if __name__ == "__main__":
    main()
