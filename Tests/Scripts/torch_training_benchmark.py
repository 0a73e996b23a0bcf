"""PyTorch's time per training step for the nets of `descent bench training`
(Sources/descent/TrainBench.swift), measured the same way on this CPU: ReLU hidden layers,
softmax cross-entropy, torch.optim.Adam(lr=1e-3); every step indexes a minibatch out of a
reshuffled-every-epoch training set, then zero_grad, forward, loss, backward, step. The best
time per step over several timed loops after a warm-up (on one thread, the CPU time of the
measuring thread, as descent measures it, so that other processes on a shared machine inflate
it less; with several threads, wall-clock time), in float64 (descent's precision) and
float32, once with one thread (torch.set_num_threads(1)) and once with torch's default.

Nets: 2-16-16-2 and 2-64-64-2 at batch 32 (1024 two-moons-like training samples; the data
values do not change the timing), 784-128-10 at batch 64 (2048 samples of uniform random
features, random classes).

Run (`--float64-one-thread` for only the configuration that `descent bench training` compares
with: float64 on one thread):

    /tmp/torch-venv/bin/python Tests/Scripts/torch_training_benchmark.py [--float64-one-thread]
"""

import argparse
import time

import torch
from torch import nn

CASES = [([2, 16, 16, 2], 32, 2000), ([2, 64, 64, 2], 32, 2000), ([784, 128, 10], 64, 200)]
REPEATS = 3
WARMUP = 50


def make_net(widths):
    layers = []
    for i in range(1, len(widths)):
        layers.append(nn.Linear(widths[i - 1], widths[i]))
        if i < len(widths) - 1:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def step_time(widths, batch, steps, dtype, clock):
    torch.manual_seed(0)
    n = 1024 if widths[0] == 2 else 2048
    features = torch.rand(n, widths[0], dtype=dtype)
    labels = torch.randint(0, widths[-1], (n,))
    model = make_net(widths).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(n)
    position = 0

    def step():
        nonlocal order, position
        if position >= n:
            order = torch.randperm(n)
            position = 0
        index = order[position:position + batch]
        position += batch
        optimizer.zero_grad()
        loss = loss_fn(model(features[index]), labels[index])
        loss.backward()
        optimizer.step()

    for _ in range(WARMUP):
        step()
    best = float("inf")
    for _ in range(REPEATS):
        start = clock()
        for _ in range(steps):
            step()
        best = min(best, (clock() - start) / steps)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--float64-one-thread", action="store_true",
                        help="measure only float64 on one thread (what descent is compared with)")
    arguments = parser.parse_args()
    default_threads = torch.get_num_threads()
    print(f"torch {torch.__version__}, CPU capability {torch.backends.cpu.get_cpu_capability()}, "
          f"default threads {default_threads}")
    print("training step time: forward + backward + Adam(lr=1e-3), relu, cross-entropy "
          f"(best of {REPEATS} loops)")
    for threads in [1] if arguments.float64_one_thread else [1, default_threads]:
        torch.set_num_threads(threads)
        for dtype in [torch.float64] if arguments.float64_one_thread else [torch.float64, torch.float32]:
            for widths, batch, steps in CASES:
                seconds = step_time(widths, batch, steps, dtype, time.thread_time if threads == 1 else time.perf_counter)
                name = "-".join(map(str, widths))
                print(f"  threads {threads}  {str(dtype).removeprefix('torch.'):8} {name:11}  batch {batch:<3} "
                      f"{seconds * 1e6:8.2f} µs/step  {1 / seconds:9.0f} steps/s", flush=True)


if __name__ == "__main__":
    main()
