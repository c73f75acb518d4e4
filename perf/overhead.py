"""Measure what taipan's profiling flags cost: each script runs under every
variant (plain, --pyprofile, --stats, ...), interleaved round by round, and
the median and the minimum CPU time (user+sys of the child) of each variant
are compared with the first variant's. On a busy machine the minima are the
steadier figure: other jobs only ever add time.

    /path/to/python3 perf/overhead.py [--runs N] [--taipan PATH] [--before PATH]
        [SCRIPT.py ...]            (default: the perf/scripts taipan runs)

`--before PATH` adds another taipan binary (e.g. one built before a change)
as a variant. Output is checked against NAME.expected; a wrong or failing
variant is reported and its times ignored.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SCRIPTS = ["fib", "loops", "nbody", "fannkuch", "binary_trees", "spectral_norm",
                   "strings", "pidigits"]


def cpu_run(cmd):
    """CPU seconds (user+sys) of the child, wall seconds, exit code, stdout."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        out = os.open(OUT_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    with open(OUT_FILE, "rb") as f:
        out = f.read()
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, wall, code, out


OUT_FILE = os.path.join(tempfile.gettempdir(), f"taipan-overhead-{os.getpid()}.out")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scripts", nargs="*")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--taipan", default=os.path.join(ROOT, "target/release/taipan"))
    ap.add_argument("--before", help="another taipan binary to compare")
    ap.add_argument("--variants", default="plain,pyprofile,stats",
                    help="comma-separated: plain, pyprofile, stats, profile")
    args = ap.parse_args()
    scripts = args.scripts or [os.path.join(HERE, "scripts", s + ".py") for s in DEFAULT_SCRIPTS]
    tmp = tempfile.gettempdir()
    flags = {
        "plain": [],
        "pyprofile": ["--pyprofile", os.path.join(tmp, "taipan-overhead.folded")],
        "stats": ["--stats"],
        "profile": ["--profile", os.path.join(tmp, "taipan-overhead.svg")],
    }
    variants = []
    if args.before:
        variants.append(("before", [os.path.abspath(args.before)]))
    for v in args.variants.split(","):
        variants.append((v, [os.path.abspath(args.taipan)] + flags[v]))
    base = variants[0][0]
    print(f"{'script':<16}" + "".join(f"{v:>30}" for v, _ in variants))
    print(f"{'':<16}" + f"{'median    min':>30}"
          + "".join(f"{'median   change (min)':>30}" for _ in variants[1:]))
    ratios = {v: [] for v, _ in variants}
    for script in scripts:
        expected_path = os.path.splitext(script)[0] + ".expected"
        expected = open(expected_path, "rb").read() if os.path.exists(expected_path) else None
        times = {v: [] for v, _ in variants}
        bad = set()
        for r in range(args.runs + 1):  # round 0 is a warm-up
            order = variants[r % len(variants):] + variants[:r % len(variants)]
            for name, cmd in order:
                cpu, _wall, code, out = cpu_run(cmd + [script])
                if code != 0 or (expected is not None and out != expected):
                    bad.add(name)
                elif r > 0:
                    times[name].append(cpu)
        med = {v: statistics.median(t) for v, t in times.items() if t and v not in bad}
        low = {v: min(t) for v, t in times.items() if t and v not in bad}
        cells = []
        for v, _ in variants:
            if v not in med:
                cells.append(f"{'FAILED':>30}")
            elif v == base or base not in med:
                cells.append(f"{med[v]:>16.3f}s {low[v]:>6.3f}s")
            else:
                ratio = med[v] / med[base]
                low_ratio = low[v] / low[base]
                ratios[v].append((ratio, low_ratio))
                cells.append(f"{med[v]:>8.3f}s {ratio - 1:>+6.1%} {low_ratio - 1:>+6.1%}")
        print(f"{os.path.basename(script):<16}" + "".join(cells), flush=True)
    geo = []
    for v, _ in variants[1:]:
        rs = ratios[v]
        if rs:
            g = statistics.geometric_mean([r for r, _ in rs])
            gl = statistics.geometric_mean([r for _, r in rs])
            geo.append(f"{v} {g - 1:+.1%} (medians), {gl - 1:+.1%} (minima)")
    print("geometric mean vs " + base + ": " + "; ".join(geo))
    try:
        os.unlink(OUT_FILE)
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
