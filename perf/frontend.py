#!/usr/bin/env python3
"""Front-end speed: CPython's parser vs taipan's over the whole stdlib.

Reads every .py file of the stdlib (site-packages excluded), times CPython's
compile(src, path, 'exec', ast.PyCF_ONLY_AST) over all of them (best of N
runs, files already in memory), then runs `taipan --bench-parse LIST N`, which
times decoding + parsing the same files inside the taipan process (process
start and file reading excluded), and prints both throughputs and the ratio.

Usage: perf/frontend.py [--runs N] [--taipan PATH]
(build first: cargo build --release). Run it with the python3 to compare with.
"""
import argparse
import ast
import os
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stdlib_files():
    stdlib = sysconfig.get_paths()["stdlib"]
    for root, dirs, files in os.walk(stdlib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--taipan", default=os.path.join(ROOT, "target", "release", "taipan"))
    args = parser.parse_args()

    sources = []
    for path in stdlib_files():
        with open(path, "rb") as f:
            sources.append((path, f.read()))
    total = sum(len(s) for _, s in sources)

    best = float("inf")
    failures = 0
    for _ in range(args.runs):
        failures = 0
        start = time.perf_counter()
        for path, src in sources:
            try:
                compile(src, path, "exec", ast.PyCF_ONLY_AST)
            except (SyntaxError, ValueError):
                failures += 1
        best = min(best, time.perf_counter() - start)
    cpython_mbs = total / 1e6 / best
    print(f"files: {len(sources)}, {total / 1e6:.1f} MB")
    print(f"CPython {sys.version.split()[0]}: best {best:.3f} s, {cpython_mbs:.1f} MB/s "
          f"({failures} files rejected)")

    if not os.path.exists(args.taipan):
        sys.exit(f"no taipan binary at {args.taipan}: cargo build --release first")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("".join(p + "\n" for p, _ in sources))
        listfile = f.name
    try:
        out = subprocess.run([args.taipan, "--bench-parse", listfile, str(args.runs)],
                             capture_output=True, text=True, check=True).stdout.split()
    finally:
        os.unlink(listfile)
    fields = dict(zip(out[::2], out[1::2]))
    taipan_best = float(fields["best_seconds"])
    taipan_mbs = int(fields["bytes"]) / 1e6 / taipan_best
    print(f"taipan: best {taipan_best:.3f} s, {taipan_mbs:.1f} MB/s "
          f"({fields['errors']} files rejected)")
    print(f"ratio: taipan is {taipan_mbs / cpython_mbs:.2f}x CPython's throughput")


if __name__ == "__main__":
    main()
