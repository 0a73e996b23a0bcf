#!/usr/bin/env python3
"""SAM as a descent plugin that asks descent for an extra gradient (the protocol's eval request).

With g the gradient, rho the radius, mu the momentum and eta this step's rate:

    e = rho*g/|g|;  descent evaluates g_sam = grad f(x + e)   (skipped when |g| = 0)
    b <- mu*b + g_sam;  x <- x - eta*b

which is descent's built-in `sam` (Foret et al. 2021, SGD base).
"""
import json
import math
import sys

SCHEMA = {
    "protocol": 1,
    "name": "sam_plugin",
    "summary": "SAM through eval requests",
    "hyperparameters": [
        {"name": "lr", "default": 0.01, "doc": "learning rate eta"},
        {"name": "rho", "default": 0.05, "doc": "radius of the ascent step"},
        {"name": "momentum", "default": 0.0, "doc": "heavy-ball momentum mu"},
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
            x, g, eta = request["x"], request["grad"], request["lr"]
            norm = math.sqrt(sum(v * v for v in g))
            if norm > 0 and math.isfinite(norm):
                answer({"op": "eval", "x": [xi + (hyper["rho"] / norm) * gi for xi, gi in zip(x, g)]})
                g = json.loads(sys.stdin.readline())["grad"]
            if buffer is None:
                buffer = [0.0] * len(x)
            buffer = [hyper["momentum"] * b + gi for b, gi in zip(buffer, g)]
            answer({"x": [xi - eta * b for xi, b in zip(x, buffer)]})
        else:
            answer({"error": "unknown op %r" % op})


if __name__ == "__main__":
    main()
