"""Writes Tests/DescentCoreTests/Fixtures/torch_training.json: 50 optimizer steps of a tiny MLP
trained by PyTorch in float64, the reference that TrainingTorchFixtureTests.swift matches to
1e-9 relative.

Everything the Swift side needs to reproduce the run exactly is in the file: the data (10
samples, 2 features, 3 classes), the initial parameters of a 2-4-3 net (torch's default
nn.Linear init under a fixed manual seed, flattened as parameters_to_vector: W1 row-major, b1,
W2, b2 — the layout of Sources/DescentCore/Training/MLP.swift), and the minibatch order
(batch size 4: batches of 4, 4 and 2 per epoch). The order is the one descent's
MinibatchOrder draws from its seed — xoshiro256** seeded through SplitMix64, one Fisher-Yates
shuffle per epoch with j = high 64 bits of next() * (i + 1) — re-implemented below, so the test
also checks that the Swift sampler yields the same batches.

Each case trains the net with one activation, loss and optimizer (descent spec and the same
torch.optim call), and records the parameters after every step. Losses use reduction='mean':
CrossEntropyLoss on class labels, BCEWithLogitsLoss and MSELoss on one-hot targets.

Re-run from the repository root:

    /work/venv-torch/bin/python Tests/Scripts/generate_torch_training_fixtures.py
"""

import json
import pathlib
import re

import torch
from torch import nn

torch.set_default_dtype(torch.float64)

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "DescentCoreTests" / "Fixtures" / "torch_training.json"
MASK = (1 << 64) - 1
WIDTHS = [2, 4, 3]
SAMPLES = 10
BATCH = 4
SEED = 7
STEPS = 50

CASES = [
    ("tanh cross-entropy sgd momentum", "tanh", "cross_entropy", "sgd(lr=0.1, momentum=0.9)",
     torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}),
    ("tanh cross-entropy adam", "tanh", "cross_entropy", "adam(lr=0.01)",
     torch.optim.Adam, {"lr": 0.01}),
    ("gelu binary cross-entropy adam", "gelu", "binary_cross_entropy", "adam(lr=0.02, betas=(0.8, 0.99))",
     torch.optim.Adam, {"lr": 0.02, "betas": (0.8, 0.99)}),
    ("relu mse nesterov", "relu", "mse", "sgd(lr=0.05, momentum=0.9, nesterov=true)",
     torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sigmoid cross-entropy sgd", "sigmoid", "cross_entropy", "sgd(lr=0.5)",
     torch.optim.SGD, {"lr": 0.5}),
]

ACTIVATIONS = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid, "gelu": nn.GELU}


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256:
    """xoshiro256** seeded by SplitMix64, as Sources/DescentCore/Random/Xoshiro256.swift."""

    def __init__(self, seed):
        state = seed
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            words.append(z ^ (z >> 31))
        self.s = words

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def shuffle(self, values):
        for i in range(len(values) - 1, 0, -1):
            j = (self.next() * (i + 1)) >> 64
            values[i], values[j] = values[j], values[i]


def minibatches(n, batch, seed, steps):
    """The batches of descent's MinibatchOrder: a shuffle per epoch, the last batch partial."""
    generator = Xoshiro256(seed)
    order = list(range(n))
    generator.shuffle(order)
    position = 0
    batches = []
    while len(batches) < steps:
        if position >= n:
            generator.shuffle(order)
            position = 0
        batches.append(order[position:position + batch])
        position = min(position + batch, n)
    return batches


def net(activation):
    layers = []
    for i in range(1, len(WIDTHS)):
        layers.append(nn.Linear(WIDTHS[i - 1], WIDTHS[i]))
        if i < len(WIDTHS) - 1:
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(*layers)


def loss_of(name, logits, labels):
    if name == "cross_entropy":
        return nn.functional.cross_entropy(logits, labels)
    targets = nn.functional.one_hot(labels, WIDTHS[-1]).to(torch.float64)
    if name == "binary_cross_entropy":
        return nn.functional.binary_cross_entropy_with_logits(logits, targets)
    return nn.functional.mse_loss(logits, targets)


def main():
    torch.manual_seed(1234)
    features = torch.randn(SAMPLES, WIDTHS[0])
    labels = torch.tensor([i % WIDTHS[-1] for i in range(SAMPLES)])
    initial = nn.utils.parameters_to_vector(net("tanh").parameters()).detach().clone()
    batches = minibatches(SAMPLES, BATCH, SEED, STEPS)
    cases = []
    for name, activation, loss_name, spec, optimizer_class, kwargs in CASES:
        model = net(activation)
        nn.utils.vector_to_parameters(initial.clone(), model.parameters())
        optimizer = optimizer_class(model.parameters(), **kwargs)
        trajectory = []
        for batch in batches:
            index = torch.tensor(batch)
            optimizer.zero_grad()
            loss = loss_of(loss_name, model(features[index]), labels[index])
            loss.backward()
            optimizer.step()
            trajectory.append(nn.utils.parameters_to_vector(model.parameters()).detach().tolist())
        cases.append({"name": name, "activation": activation, "loss": loss_name, "spec": spec,
                      "trajectory": trajectory})
    fixture = {
        "torch_version": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "widths": WIDTHS,
        "features": features.tolist(),
        "labels": labels.tolist(),
        "batch_size": BATCH,
        "seed": SEED,
        "initial_parameters": initial.tolist(),
        "batches": batches,
        "cases": cases,
    }
    text = json.dumps(fixture, indent=1)
    # One line per list of numbers (a sample, a batch, a parameter vector).
    text = re.sub(r"\[\s+([-+0-9.eE,\s]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)
    OUTPUT.write_text(text + "\n")
    print(f"wrote {OUTPUT} ({len(cases)} cases of {STEPS} steps)")


if __name__ == "__main__":
    main()
