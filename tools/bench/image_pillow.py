#!/usr/bin/python3
"""tools/bench/image_pillow.py - Pillow's side of tools/bench/image_bench.cpp (run by tools/bench/run.sh).

  image_pillow.py make PATH [WIDTH HEIGHT]
      Writes a synthetic picture (gradients, stripes and noise; 4000 x 3000 by default) as a baseline 4:2:0
      JPEG of quality 90, the kind a phone camera makes. Made at bench time, never kept in the project.
  image_pillow.py time PATH RUNS
      Times what the notebook's cell does, Image.open(PATH).resize((64, 64)) (BICUBIC, Pillow's default),
      RUNS times in this one process, and prints one line:
        pillow: first N ms, median N ms (decode N ms + resize N ms)
      The first run pays for fresh memory pages; later ones reuse the memory Python's allocator kept.
"""
import statistics
import sys
import time

import numpy as np
from PIL import Image


def make(path, w, h):
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    r = 128 + 100 * np.sin(x / 97.0) * np.cos(y / 53.0)
    g = 128 + 90 * np.sin((x + y) / 31.0)
    b = 127.5 * (x / w + y / h)
    noise = np.random.RandomState(0).randn(h, w, 3).astype(np.float32) * 12
    img = np.clip(np.stack([r, g, b], 2) + noise, 0, 255).astype(np.uint8)
    Image.fromarray(img).save(path, "JPEG", quality=90, subsampling=2)


def time_runs(path, runs):
    total, decode, resize = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        im = Image.open(path)
        im.load()
        t1 = time.perf_counter()
        im.resize((64, 64), Image.BICUBIC)
        t2 = time.perf_counter()
        total.append((t2 - t0) * 1e3)
        decode.append((t1 - t0) * 1e3)
        resize.append((t2 - t1) * 1e3)
    print("pillow: first %.1f ms, median %.1f ms (decode %.1f ms + resize %.1f ms)" %
          (total[0], statistics.median(total), statistics.median(decode), statistics.median(resize)))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        w, h = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (4000, 3000)
        make(sys.argv[2], w, h)
    elif sys.argv[1] == "time":
        time_runs(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
