"""Timing for tests as ratios of sizes, never wall-clock limits.

A test builds its input at two sizes ten times apart and compares the time per
unit of the larger with that of the smaller (best of several runs, so a busy
machine slows both alike). Only a super-linear path can multiply the time per
unit at ten times the size; linear code stays near 1. Very short runs are not
compared: below :data:`FLOOR` seconds at the large size, scheduling noise is
larger than the work.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

RUNS = 3
"""Timings per size; the best is kept (noise only ever adds time)."""
FACTOR = 3.0
"""Largest allowed ratio of time per unit at ten times the size to time per unit at the small
size. Linear code measures about 1; a quadratic path about 10."""
FLOOR = 0.005
"""At the large size, runs shorter than this pass uncompared: too short to measure."""


def best(run: Callable[[], Any], runs: int = RUNS) -> float:
    """The shortest of ``runs`` timings of ``run()``, in seconds."""
    out = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        run()
        out = min(out, time.perf_counter() - start)
    return out


def growth(make: Callable[[int], Any], run: Callable[[Any], Any], small: int, large: int | None = None) -> float:
    """Time per unit at ``large`` (default ten times ``small``) over time per unit at ``small``;
    1.0 when the large run is too short to measure."""
    large = large if large is not None else 10 * small
    small_input, large_input = make(small), make(large)
    t_large = best(lambda: run(large_input))
    if t_large < FLOOR:
        return 1.0
    t_small = best(lambda: run(small_input))
    return (t_large / large) / max(t_small / small, FLOOR / large)


def assert_linear(make: Callable[[int], Any], run: Callable[[Any], Any], small: int, what: str, large: int | None = None) -> None:
    """Fail when ``run`` costs super-linearly more per unit at the larger size."""
    ratio = growth(make, run, small, large)
    assert ratio < FACTOR, f"{what}: time per unit grows {ratio:.1f}x from {small:,} to {(large or 10 * small):,} units"
