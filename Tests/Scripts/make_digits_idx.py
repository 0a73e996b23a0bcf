"""Writes the 8x8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", the
1,797-image copy in scikit-learn) as IDX files under scenes/data/: a training set and a
validation set, split once here (seeded), so every lesson and test sees the same split.

Pixels are counts 0..16 of an 4x4-block downsampling of 32x32 bitmaps; they are stored as
unsigned bytes scaled to 0..255 (round(v * 255 / 16)), so descent's IDX reader (v / 255) gives
v / 16 in [0, 1]. Run: /work/venv/bin/python Tests/Scripts/make_digits_idx.py (needs scikit-learn).
"""
import pathlib
import struct

import numpy as np
from sklearn.datasets import load_digits

VALIDATION = 360
SEED = 0


def write_idx(path, array):
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + b"".join(struct.pack(">I", d) for d in array.shape)
    path.write_bytes(header + array.tobytes())


def main():
    digits = load_digits()
    images = np.rint(digits.images * 255.0 / 16.0).astype(np.uint8)  # n x 8 x 8
    labels = digits.target.astype(np.uint8)
    order = np.random.RandomState(SEED).permutation(len(labels))
    train, validation = order[VALIDATION:], order[:VALIDATION]
    out = pathlib.Path(__file__).resolve().parents[2] / "scenes" / "data"
    out.mkdir(parents=True, exist_ok=True)
    write_idx(out / "digits-train-images.idx", images[train])
    write_idx(out / "digits-train-labels.idx", labels[train])
    write_idx(out / "digits-validation-images.idx", images[validation])
    write_idx(out / "digits-validation-labels.idx", labels[validation])
    print(f"{len(train)} training and {len(validation)} validation images written to {out}")


if __name__ == "__main__":
    main()
