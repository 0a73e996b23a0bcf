#!/usr/bin/env python3
"""Colour error of a quantised `descent render` frame against its truecolour original.

Usage: measure_delta_e.py REFERENCE.ansi CANDIDATE.ansi [--per-pixel]

Both files are outputs of `descent render` with the same flags except `--color`
(REFERENCE with `--color truecolor`, CANDIDATE with `--color 256`, `8`, ...).
Plain Python 3, no packages.

Each cell is two pixels stacked: for the upper half block `▀` the upper pixel is the
foreground and the lower one the background; for any other character both are the
background (glyph ink is ignored: a trail drawn over the heatmap keeps the heatmap
colour as its background). Pixels with the terminal's default colour are not
measured. The frame is cut into 2×2 pixel blocks (two columns of one cell row); the
blocks measured are those whose four pixels have a colour in both frames — in
`descent render`'s surface view, the heatmap. Each block's colour is
the mean of its four pixels in linear-light sRGB (what the eye averages at a
distance); the error of a block is CIE76 ΔE*ab between the two frames' block
colours in CIELAB (D65). Printed: the mean over blocks, the 95th percentile, the
maximum and the number of blocks, e.g.

    mean dE (2x2 blocks): 3.91  p95 8.02  max 14.10  blocks 2964

`--per-pixel` measures single pixels instead of 2×2 blocks.
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def xterm_palette():
    """The xterm-256 palette as sRGB bytes (xterm's defaults for 0–15)."""
    base = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
    levels = [0, 95, 135, 175, 215, 255]
    cube = [(levels[r], levels[g], levels[b]) for r in range(6) for g in range(6) for b in range(6)]
    grey = [(8 + 10 * k,) * 3 for k in range(24)]
    return base + cube + grey


PALETTE = xterm_palette()


def parse(path):
    """Rows of cells (char, fg, bg) with colours as RGB tuples or None (default)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle.read().split("\n"):
            fg = bg = None
            cells = []
            pos = 0
            while pos < len(line):
                match = SGR.match(line, pos)
                if match:
                    fg, bg = apply_sgr(match.group(1), fg, bg)
                    pos = match.end()
                    continue
                cells.append((line[pos], fg, bg))
                pos += 1
            rows.append(cells)
    return rows


def apply_sgr(params, fg, bg):
    codes = [int(c) if c else 0 for c in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            fg = bg = None
        elif 30 <= c <= 37:
            fg = PALETTE[c - 30]
        elif 40 <= c <= 47:
            bg = PALETTE[c - 40]
        elif 90 <= c <= 97:
            fg = PALETTE[c - 90 + 8]
        elif 100 <= c <= 107:
            bg = PALETTE[c - 100 + 8]
        elif c == 39:
            fg = None
        elif c == 49:
            bg = None
        elif c in (38, 48):
            if codes[i + 1] == 5:
                colour = PALETTE[codes[i + 2]]
                i += 2
            else:
                colour = tuple(codes[i + 2:i + 5])
                i += 4
            if c == 38:
                fg = colour
            else:
                bg = colour
        i += 1
    return fg, bg


def pixels(rows):
    """Pixel rows (two per cell row): (rgb or None, measured)."""
    out = []
    for cells in rows:
        upper, lower = [], []
        for char, fg, bg in cells:
            if char == "\u2580":
                both = fg is not None and bg is not None
                upper.append((fg, both)); lower.append((bg, both))
            else:
                upper.append((bg, bg is not None)); lower.append((bg, bg is not None))
        out += [upper, lower]
    return out


def linear(c):
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(lin):
    r, g, b = lin
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def block_lab(colours):
    lins = [tuple(linear(v) for v in c) for c in colours]
    n = len(lins)
    return lab(tuple(sum(l[k] for l in lins) / n for k in range(3)))


def measure(reference, candidate, block):
    a, b = pixels(parse(reference)), pixels(parse(candidate))
    if len(a) != len(b) or any(len(p) != len(q) for p, q in zip(a, b)):
        sys.exit("the two frames differ in size: render both with the same --size")
    errors = []
    for y in range(0, len(a) - block + 1, block):
        for x in range(0, len(a[y]) - block + 1, block):
            ra = [a[y + j][x + i] for j in range(block) for i in range(block)]
            rb = [b[y + j][x + i] for j in range(block) for i in range(block)]
            if not all(h for _, h in ra + rb):
                continue
            la, lb = block_lab([c for c, _ in ra]), block_lab([c for c, _ in rb])
            errors.append(sum((p - q) ** 2 for p, q in zip(la, lb)) ** 0.5)
    return errors


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    block = 1 if "--per-pixel" in argv else 2
    errors = sorted(measure(args[0], args[1], block))
    if not errors:
        sys.exit("no heatmap blocks found: render both frames with colour (--color ...)")
    mean = sum(errors) / len(errors)
    p95 = errors[min(len(errors) - 1, int(0.95 * len(errors)))]
    label = "pixels" if block == 1 else "2x2 blocks"
    print(f"mean dE ({label}): {mean:.2f}  p95 {p95:.2f}  max {errors[-1]:.2f}  blocks {len(errors)}")


if __name__ == "__main__":
    main(sys.argv[1:])
