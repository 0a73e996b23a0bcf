#!/usr/bin/env python3
"""Replays an asciicast v2 file through the pyte terminal emulator and prints the final screen.

Usage: replay_asciicast.py FILE.cast

Checks the format on the way (asciinema's asciicast v2: a JSON header object with version 2,
width and height on the first line; then one [seconds, "o", text] event per line, with
non-decreasing times) and exits 1 with a message on the first problem. Prints the final
screen, one line per row (trailing spaces kept). Exits 3 when pyte is not installed.
"""
import json
import sys

try:
    import pyte
except ImportError:
    sys.exit(3)


def main(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        sys.exit("empty file")
    header = json.loads(lines[0])
    if header.get("version") != 2 or not isinstance(header.get("width"), int) or not isinstance(header.get("height"), int):
        sys.exit(f"bad header: {lines[0][:200]}")
    screen = pyte.Screen(header["width"], header["height"])
    stream = pyte.Stream(screen)
    last = 0.0
    for number, line in enumerate(lines[1:], start=2):
        event = json.loads(line)
        if not (isinstance(event, list) and len(event) == 3 and isinstance(event[0], (int, float))
                and event[1] == "o" and isinstance(event[2], str)):
            sys.exit(f"line {number}: not an output event")
        if event[0] < last:
            sys.exit(f"line {number}: time goes back ({event[0]} < {last})")
        last = event[0]
        stream.feed(event[2])
    sys.stdout.write("\n".join(screen.display) + "\n")
    sys.stderr.write(f"{len(lines) - 1} events, {last:.1f} s\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
