#!/usr/bin/env python3
"""Chooses the trail colours: six colours that stay apart from each other and from the heatmap,
for normal vision and the three dichromacies. Plain Python 3, no packages.

Usage: trail_palette.py            (prints the best palette and its figures)

Candidates: the Okabe–Ito palette (without black) and Paul Tol's "bright" and "vibrant"
qualitative palettes — all designed to be colour-blind safe — plus white. Every six-colour
subset is scored by two measured figures, both CIE76 ΔE*ab in CIELAB (D65):

- contrast: the least ΔE between a colour and any of 256 samples of the viridis map (the
  heatmap a trail is drawn on), taken over the six colours and over normal vision and
  simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
  severity 1, applied in linear RGB);
- separation: the least ΔE between two of the six colours, over the same four visions.

The palette kept maximises min(contrast, separation); ties go to the larger sum. The figures
are printed in order (the colours are then drawn in that order: the first optimizer gets the
first colour). Tests/DescentRenderTests/TrailPaletteTests.swift recomputes both figures for the
palette in Sources/DescentRender/Palette.swift.
"""
import itertools
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

CANDIDATES = {
    # Okabe & Ito 2002
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7",
    # Tol bright
    "tol blue": "#4477AA", "tol red": "#EE6677", "tol green": "#228833", "tol yellow": "#CCBB44",
    "tol cyan": "#66CCEE", "tol purple": "#AA3377", "tol grey": "#BBBBBB",
    # Tol vibrant
    "vibrant orange": "#EE7733", "vibrant blue": "#0077BB", "vibrant cyan": "#33BBEE",
    "vibrant magenta": "#EE3377", "vibrant red": "#CC3311", "vibrant teal": "#009988",
    "white": "#FFFFFF",
}

MACHADO = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(c):
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(lin):
    r, g, b = (min(max(v, 0.0), 1.0) for v in lin)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def visions(lin):
    """The colour as seen with normal vision and the three dichromacies, in CIELAB."""
    out = [lab(lin)]
    for m in MACHADO.values():
        out.append(lab([sum(m[i][k] * lin[k] for k in range(3)) for i in range(3)]))
    return out


def delta(a, b):
    return sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5


def viridis():
    text = open(os.path.join(ROOT, "Sources/DescentRender/ColorMapTables.swift"), encoding="utf-8").read()
    section = text[text.index("static let viridis"):text.index("static let magma")]
    anchors = [(int(i) / 255, float(r), float(g), float(b))
               for i, r, g, b in re.findall(r"entry\((\d+), ([\d.]+), ([\d.]+), ([\d.]+)\)", section)]
    samples = []
    for k in range(256):
        t = k / 255
        j = max(i for i, a in enumerate(anchors) if a[0] <= t)
        a, b = anchors[j], anchors[min(j + 1, len(anchors) - 1)]
        w = 0 if b[0] == a[0] else (t - a[0]) / (b[0] - a[0])
        srgb = [round(255 * (a[c] + w * (b[c] - a[c]))) for c in (1, 2, 3)]
        samples.append([linear(v / 255) for v in srgb])
    return samples


def seen(hex_colour):
    return visions([linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5)])


def contrast(colour_seen, heat_seen):
    return min(delta(colour_seen[v], h[v]) for h in heat_seen for v in range(4))


def separation(a, b):
    return min(delta(a[v], b[v]) for v in range(4))


def main():
    heat_seen = [visions(h) for h in viridis()]
    names = list(CANDIDATES)
    looks = {n: seen(CANDIDATES[n]) for n in names}
    per_colour = {n: contrast(looks[n], heat_seen) for n in names}
    # Only colours that stand out from the whole map are worth combining.
    usable = sorted(names, key=lambda n: -per_colour[n])[:16]
    best = None
    for subset in itertools.combinations(usable, 6):
        c = min(per_colour[n] for n in subset)
        s = min(separation(looks[a], looks[b]) for a, b in itertools.combinations(subset, 2))
        score = (min(c, s), c + s)
        if best is None or score > best[0]:
            best = (score, subset, c, s)
    _, subset, least_contrast, least_separation = best
    ordered = sorted(subset, key=lambda n: -per_colour[n])
    for n in ordered:
        print(f"{n:16s} {CANDIDATES[n]}  least dE to viridis {per_colour[n]:.1f}")
    print(f"contrast {least_contrast:.1f}  separation {least_separation:.1f}")


if __name__ == "__main__":
    main()
