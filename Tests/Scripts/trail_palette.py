#!/usr/bin/env python3
"""Chooses the trail colours: six colours that stay apart from each other and from the heatmap,
for normal vision and the three dichromacies. Plain Python 3, no packages.

Usage: trail_palette.py            (prints the best palette and its figures)

Candidates: the Okabe–Ito palette (without black) and Paul Tol's "bright", "vibrant", "muted"
and "light" qualitative palettes — all designed to be colour-blind safe — plus white. Every
six-colour subset is scored by two measured figures, both CIEDE2000 ΔE00 in CIELAB (D65):

- contrast: the least ΔE00 between a colour and any of 256 samples of the viridis map (the
  heatmap a trail is drawn on), taken over the six colours and over normal vision and
  simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
  severity 1, applied in linear RGB);
- separation: the least ΔE00 between two of the six colours, over the same four visions.

CIE76 ΔE*ab, used before, overstates the difference of saturated colours: the previous
palette's orange and vibrant orange (SGD's and Adam's trails) measured 19.5 apart in ΔE*ab and
6.1 in ΔE00 under protanopia, and looked alike; its light blue measured 13.7 from viridis in
ΔE*ab and 8.4 in ΔE00, and faded into the map's blues.

Of the subsets that keep the previous palette's CIE76 guarantees (contrast ≥ 10 and
separation ≥ 15 in ΔE*ab, under the four visions), the palette kept maximises
min(contrast, separation) in ΔE00; ties go to the larger sum.

The same colours draw the legend's swatches and the loss charts on the terminal's dark
background. A third figure, background contrast, is the least ΔE00 to near-black (#1C1C1C, the
SVG theme's, and #000000) under the four visions. Tol's muted wine #882255, picked by the two
figures above, measured 13.7 (every other colour at least 26.8) and faded on a projector; a
colour below 25 is replaced by the CIELAB tone (L* 40…60, a*, b* on a grid of 1 and 2) nearest
to it in ΔE00 that reaches 25 while keeping its contrast to viridis, the palette's least
separation, the palette's least CIE76 contrast and the CIE76 separation bound. The figures
are printed by contrast; Sources/DescentRender/Palette.swift orders the six so that different
hues sit side by side. Tests/DescentRenderTests/TrailPaletteTests.swift recomputes both figures
for that palette.
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
    # Tol muted
    "muted rose": "#CC6677", "muted sand": "#DDCC77", "muted cyan": "#88CCEE", "muted wine": "#882255",
    "muted teal": "#44AA99", "muted olive": "#999933", "muted purple": "#AA4499",
    # Tol light
    "light blue": "#77AADD", "light orange": "#EE8866", "light yellow": "#EEDD88", "pink": "#FFAABB",
    "light cyan": "#99DDFF", "mint": "#44BB99", "pear": "#BBCC33", "olive": "#AAAA00",
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


def delta2000(p, q):
    """CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt
    (l1, a1, b1), (l2, a2, b2) = p, q
    c_bar = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = hypot(a1p, b1), hypot(a2p, b2)
    h1p = degrees(atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = degrees(atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    big_dh = 2 * sqrt(c1p * c2p) * sin(radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * cos(radians(h_bar - 30)) + 0.24 * cos(radians(2 * h_bar))
         + 0.32 * cos(radians(3 * h_bar + 6)) - 0.20 * cos(radians(4 * h_bar - 63)))
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / sqrt(20 + (l_bar - 50) ** 2)
    sc, sh = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    rt = -2 * sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7)) * sin(radians(60 * exp(-(((h_bar - 275) / 25) ** 2))))
    return sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (big_dh / sh) ** 2 + rt * (dc / sc) * (big_dh / sh))


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
    return min(delta2000(colour_seen[v], h[v]) for h in heat_seen for v in range(4))


def contrast76(colour_seen, heat_seen):
    return min(delta(colour_seen[v], h[v]) for h in heat_seen for v in range(4))


def separation76(a, b):
    return min(delta(a[v], b[v]) for v in range(4))


def separation(a, b):
    return min(delta2000(a[v], b[v]) for v in range(4))


BACKGROUNDS = ["#1C1C1C", "#000000"]
BACKGROUND_CONTRAST = 25


def to_hex(l_star, a_star, b_star):
    """The sRGB colour of a CIELAB (D65) point, or None outside the gamut."""
    fy = (l_star + 16) / 116
    fx, fz = fy + a_star / 500, fy - b_star / 200
    inverse = lambda f: f ** 3 if f ** 3 > 216 / 24389 else (116 * f - 16) / (24389 / 27)
    x, y, z = inverse(fx) * 0.95047, inverse(fy), inverse(fz) * 1.08883
    rgb = [3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
           -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
           0.0556434 * x - 0.2040259 * y + 1.0572252 * z]
    if any(c < -1e-6 or c > 1 + 1e-6 for c in rgb):
        return None
    encode = lambda c: round(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055))
    return "#%02X%02X%02X" % tuple(encode(min(max(c, 0.0), 1.0)) for c in rgb)


def background_contrast(colour_seen):
    return min(separation(colour_seen, seen(b)) for b in BACKGROUNDS)


def lift_from_background(colour, others, heat_seen, least_separation, least_contrast76):
    """The tone nearest to `colour` that stands out from a dark background (see the docstring)."""
    looks = seen(colour)
    own_contrast = contrast(looks, heat_seen)
    best = None
    for l_star in range(40, 61):
        for a_star in range(-60, 61, 2):
            for b_star in range(-60, 61, 2):
                tone = to_hex(l_star, a_star, b_star)
                if tone is None:
                    continue
                tone_seen = seen(tone)
                if background_contrast(tone_seen) < BACKGROUND_CONTRAST:
                    continue
                distance = delta2000(tone_seen[0], looks[0])
                if best is not None and distance >= best[0]:
                    continue
                if contrast(tone_seen, heat_seen) < own_contrast or contrast76(tone_seen, heat_seen) < least_contrast76:
                    continue
                if any(separation(tone_seen, seen(o)) < least_separation or separation76(tone_seen, seen(o)) < 15 for o in others):
                    continue
                best = (distance, tone)
    return best[1]


def main():
    heat_seen = [visions(h) for h in viridis()]
    names = list(CANDIDATES)
    looks = {n: seen(CANDIDATES[n]) for n in names}
    per_colour = {n: contrast(looks[n], heat_seen) for n in names}
    # Only colours that stand out from the whole map are worth combining.
    usable = [n for n in sorted(names, key=lambda n: -per_colour[n])[:18] if contrast76(looks[n], heat_seen) >= 10]
    pair = {(a, b): separation(looks[a], looks[b]) for a, b in itertools.combinations(usable, 2)}
    pair76 = {(a, b): separation76(looks[a], looks[b]) for a, b in itertools.combinations(usable, 2)}
    best = None
    for subset in itertools.combinations(usable, 6):
        if min(pair76[p] for p in itertools.combinations(subset, 2)) < 15:
            continue
        c = min(per_colour[n] for n in subset)
        s = min(pair[(a, b)] for a, b in itertools.combinations(subset, 2))
        score = (min(c, s), c + s)
        if best is None or score > best[0]:
            best = (score, subset, c, s)
    _, subset, least_contrast, least_separation = best
    ordered = sorted(subset, key=lambda n: -per_colour[n])
    colours = {n: CANDIDATES[n] for n in ordered}
    least_contrast76 = min(contrast76(looks[n], heat_seen) for n in ordered)
    for n in ordered:
        if background_contrast(looks[n]) < BACKGROUND_CONTRAST:
            others = [colours[o] for o in ordered if o != n]
            colours[n] = lift_from_background(CANDIDATES[n], others, heat_seen, least_separation, least_contrast76)
    for n in ordered:
        c = colours[n]
        lifted = f"  (lifted from {CANDIDATES[n]})" if c != CANDIDATES[n] else ""
        print(f"{n:16s} {c}  least dE to viridis {contrast(seen(c), heat_seen):.1f}  "
              f"to the background {background_contrast(seen(c)):.1f}{lifted}")
    final = [seen(colours[n]) for n in ordered]
    least_contrast = min(contrast(f, heat_seen) for f in final)
    least_separation = min(separation(a, b) for a, b in itertools.combinations(final, 2))
    least_background = min(background_contrast(f) for f in final)
    print(f"contrast {least_contrast:.1f}  separation {least_separation:.1f}  background {least_background:.1f}  (dE00)")


if __name__ == "__main__":
    main()
