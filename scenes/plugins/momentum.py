#!/usr/bin/env python3
"""Heavy-ball momentum as a descent plugin (protocol 1, JSON lines on stdin/stdout).

Pure Python, no packages. With g the gradient, mu the momentum and eta this step's learning
rate (the scheduled rate descent sends), per coordinate:

    b <- g                 on the first step
    b <- mu*b + g          after it
    x <- x - eta*b

which is torch.optim.SGD(momentum=mu) and descent's built-in `momentum`.

    descent trace --plugin 'heavy=python3 scenes/plugins/momentum.py' --optimizer 'heavy(lr=0.01)'
"""
import json
import sys

SCHEMA = {
    "protocol": 1,
    "name": "heavy_ball",
    "summary": "heavy-ball momentum, in Python",
    "reference": "Polyak 1964; torch.optim.SGD(momentum=mu)",
    "hyperparameters": [
        {"name": "lr", "default": 0.001, "doc": "learning rate eta"},
        {"name": "momentum", "default": 0.9, "doc": "momentum coefficient mu"},
    ],
}


def main():
    hyper = {}
    buffer = None

    def answer(message):
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        if op == "describe":
            answer(SCHEMA)
        elif op == "init":
            hyper = dict(request["hyperparameters"])
            buffer = None
            answer({"ok": True})
        elif op == "set":
            hyper.update(request["hyperparameters"])
            answer({"ok": True})
        elif op == "reset":
            buffer = None
            answer({"ok": True})
        elif op == "step":
            x, g, eta, mu = request["x"], request["grad"], request["lr"], hyper["momentum"]
            if buffer is None:
                buffer = list(g)
            else:
                buffer = [mu * b + gi for b, gi in zip(buffer, g)]
            answer({"x": [xi - eta * b for xi, b in zip(x, buffer)], "state": {"momentum_buffer": buffer}})
        else:
            answer({"error": "unknown op %r" % op})


if __name__ == "__main__":
    main()
