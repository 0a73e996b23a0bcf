#!/usr/bin/env python3
"""A plugin that describes itself properly, then fails at its first step in the way argv[1]
says: crash, hang, garbage, wrong_length, error. argv[2], when given, is a file it writes its
process id to (the tests check that no such process is left)."""
import json
import sys
import time

mode = sys.argv[1]
if len(sys.argv) > 2:
    with open(sys.argv[2], "w") as f:
        f.write(str(__import__("os").getpid()))


def answer(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    op = request["op"]
    if op == "describe":
        answer({"protocol": 1, "name": "faulty", "summary": "fails on purpose",
                "hyperparameters": [{"name": "lr", "default": 0.01, "doc": "learning rate"}]})
    elif op in ("init", "set", "reset"):
        answer({"ok": True})
    elif op == "step":
        if mode == "crash":
            sys.stderr.write("about to fail\nZeroDivisionError: \x1b[31mdivision by zero\n")
            sys.stderr.flush()
            sys.exit(3)
        if mode == "hang":
            time.sleep(3600)
        if mode == "garbage":
            sys.stdout.write("hello \x1b]0;pwned\x07 world\n")
            sys.stdout.flush()
            continue
        if mode == "wrong_length":
            answer({"x": request["x"] + [0.0]})
            continue
        answer({"error": "no step today"})
