#!/usr/bin/env python3
"""Any torch.optim optimizer as a descent plugin (protocol 1), in float64.

    descent trace --plugin 'torch=python3 scenes/plugins/torch_optim.py' \\
        --optimizer 'torch(cls=Adam, lr=0.05, betas=(0.9, 0.99))'

`cls` names the class; the other hyperparameters are the union of the classes' constructor
arguments. Each is passed only to a class whose constructor takes it; a negative `eps`, `alpha`,
`lr_decay`, `rho`, `lambd` or `t0` means "the class's own default". descent sends this step's
(scheduled) learning rate, which is written into the parameter group before each step.
L-BFGS gets a closure that asks descent for f and its gradient ({"op":"eval"}).

Needs torch (pip install torch); descent's tests skip it when torch is not importable.
"""
import inspect
import json
import sys

import torch

torch.set_default_dtype(torch.float64)

CLASSES = sorted(
    name for name, cls in vars(torch.optim).items()
    if inspect.isclass(cls) and issubclass(cls, torch.optim.Optimizer) and cls is not torch.optim.Optimizer
)
OWN_DEFAULT = {"eps", "alpha", "lr_decay", "rho", "lambd", "t0"}

HYPERPARAMETERS = [
    {"name": "cls", "default": "SGD", "choices": CLASSES, "doc": "the torch.optim class"},
    {"name": "lr", "default": 0.001, "doc": "learning rate (each step: descent's scheduled rate)"},
    {"name": "momentum", "default": 0.0, "doc": "SGD/RMSprop momentum"},
    {"name": "dampening", "default": 0.0, "doc": "SGD dampening"},
    {"name": "nesterov", "default": False, "doc": "SGD Nesterov momentum"},
    {"name": "betas", "default": [0.9, 0.999], "doc": "Adam family (beta1, beta2)"},
    {"name": "eps", "default": -1.0, "doc": "epsilon (negative: the class's default)"},
    {"name": "weight_decay", "default": 0.0, "doc": "L2 penalty / decoupled decay"},
    {"name": "amsgrad", "default": False, "doc": "Adam/AdamW AMSGrad"},
    {"name": "alpha", "default": -1.0, "doc": "RMSprop smoothing / ASGD power (negative: the class's default)"},
    {"name": "centered", "default": False, "doc": "RMSprop centred"},
    {"name": "rho", "default": -1.0, "doc": "Adadelta decay (negative: the class's default)"},
    {"name": "lr_decay", "default": -1.0, "doc": "Adagrad lr decay (negative: the class's default)"},
    {"name": "lambd", "default": -1.0, "doc": "ASGD decay term (negative: the class's default)"},
    {"name": "t0", "default": -1.0, "doc": "ASGD averaging start (negative: the class's default)"},
    {"name": "momentum_decay", "default": 0.004, "doc": "NAdam momentum decay"},
    {"name": "decoupled_weight_decay", "default": False, "doc": "NAdam/RAdam decoupled weight decay"},
    {"name": "max_iter", "default": 20, "doc": "LBFGS iterations per step"},
    {"name": "history_size", "default": 100, "doc": "LBFGS history"},
]

SCHEMA = {
    "protocol": 1,
    "name": "torch_optim",
    "summary": "any torch.optim class by name, in float64",
    "reference": "torch.optim " + torch.__version__,
    "hyperparameters": HYPERPARAMETERS,
}


class Session:
    def __init__(self, dim, hyper):
        self.dim = dim
        self.hyper = dict(hyper)
        self.start()

    def start(self):
        cls = getattr(torch.optim, self.hyper["cls"])
        accepted = inspect.signature(cls.__init__).parameters
        kwargs = {}
        for name, value in self.hyper.items():
            if name == "cls" or name not in accepted:
                continue
            if name in OWN_DEFAULT and isinstance(value, (int, float)) and value < 0:
                continue
            if name in ("max_iter", "history_size"):
                value = int(value)
            if isinstance(value, list):
                value = tuple(value)
            kwargs[name] = value
        self.param = torch.zeros(self.dim, dtype=torch.float64, requires_grad=True)
        self.optimizer = cls([self.param], **kwargs)
        self.needs_closure = cls is torch.optim.LBFGS

    def set(self, hyper):
        self.hyper.update(hyper)
        for group in self.optimizer.param_groups:
            for name, value in hyper.items():
                if name in group:
                    group[name] = tuple(value) if isinstance(value, list) else value

    def step(self, request, ask):
        with torch.no_grad():
            self.param.copy_(torch.tensor(request["x"], dtype=torch.float64))
        self.param.grad = torch.tensor(request["grad"], dtype=torch.float64)
        for group in self.optimizer.param_groups:
            group["lr"] = request["lr"]
        if self.needs_closure:
            first = [True]

            def closure():
                if first[0]:
                    first[0] = False
                    self.param.grad = torch.tensor(request["grad"], dtype=torch.float64)
                    return torch.tensor(request["loss"], dtype=torch.float64)
                reply = ask({"op": "eval", "x": self.param.detach().tolist()})
                self.param.grad = torch.tensor(reply["grad"], dtype=torch.float64)
                return torch.tensor(reply["loss"], dtype=torch.float64)

            self.optimizer.step(closure)
        else:
            self.optimizer.step()
        state = {}
        for name, value in self.optimizer.state[self.param].items():
            if torch.is_tensor(value) and value.shape == self.param.shape:
                state[name] = value.detach().tolist()
        return {"x": self.param.detach().tolist(), "state": state}


def main():
    session = None
    hyper = {}

    def answer(message):
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    def ask(message):
        answer(message)
        return json.loads(sys.stdin.readline())

    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        try:
            if op == "describe":
                answer(SCHEMA)
            elif op == "init":
                hyper = dict(request["hyperparameters"])
                session = Session(request["dim"], hyper)
                answer({"ok": True})
            elif op == "set":
                hyper.update(request["hyperparameters"])
                if session is not None:
                    session.set(request["hyperparameters"])
                answer({"ok": True})
            elif op == "reset":
                if session is not None:
                    session = Session(session.dim, hyper)
                answer({"ok": True})
            elif op == "step":
                answer(session.step(request, ask))
            else:
                answer({"error": "unknown op %r" % op})
        except Exception as error:  # the run fails with the reason, descent goes on
            answer({"error": "%s: %s" % (type(error).__name__, error)})


if __name__ == "__main__":
    main()
