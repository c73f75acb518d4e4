#!/usr/bin/env python3
"""Regenerate the expected outputs of the behaviour tests under tests/cases/.

For every ``tests/cases/<area>/NAME.py`` this runs the real CPython 3.11 binary
from the case's own directory with the relative file name and writes
``NAME.out`` (stdout, always), ``NAME.err`` (stderr, only when non-empty) and
``NAME.status`` (exit status, only when non-zero). The ``.py`` files are never
touched.

* ``ast/`` cases run ``python3 -m ast NAME.py``; when that fails, only the
  final ``File ...`` / ``SyntaxError: ...`` block of the traceback is kept
  (taipan prints no Python traceback for ``-m ast``).
* every other area runs ``python3 NAME.py``.

CPython makes the script path absolute (``File "/abs/dir/NAME.py"``): the
case directory prefix is removed so expectations do not depend on where the
repository lives. ``tests/cases.rs`` strips the same prefix from taipan's output.

Usage: tests/regen.py [--python PATH] [AREA_OR_CASE ...]
(the interpreter defaults to $TAIPAN_PYTHON, the pyenv 3.11.7 binary when
present, else ``python3``; it must be CPython 3.11).
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
PYENV = "/root/.pyenv/versions/3.11.7/bin/python3"


def find_python(explicit):
    python = explicit or os.environ.get("TAIPAN_PYTHON")
    if not python:
        python = PYENV if os.path.exists(PYENV) else "python3"
    version = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    if version != "(3, 11)":
        sys.exit(f"regen.py: {python} is Python {version}, expected 3.11")
    return python


def last_error_block(stderr, name):
    """The final `  File "NAME"...` block of a traceback, if there is one."""
    lines = stderr.splitlines(keepends=True)
    marker = f'  File "{name}"'
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(marker):
            return "".join(lines[i:])
    return stderr


def run_case(python, area, directory, name):
    if area == "ast":
        argv = [python, "-m", "ast", name]
    else:
        argv = [python, name]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(argv, cwd=directory, capture_output=True, env=env, timeout=60)
    prefix = (os.path.realpath(directory) + os.sep).encode()
    out = proc.stdout.replace(prefix, b"")
    err = proc.stderr.replace(prefix, b"")
    if area == "ast" and proc.returncode != 0:
        err = last_error_block(err.decode("utf-8", "replace"), name).encode()
    return out, err, proc.returncode


def write_or_remove(path, data):
    if data:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python")
    parser.add_argument("only", nargs="*", help="areas or case names to regenerate")
    args = parser.parse_args()
    python = find_python(args.python)
    count = 0
    for area in sorted(os.listdir(ROOT)):
        directory = os.path.join(ROOT, area)
        if not os.path.isdir(directory):
            continue
        for file in sorted(os.listdir(directory)):
            if not file.endswith(".py"):
                continue
            stem = file[:-3]
            if args.only and area not in args.only and stem not in args.only:
                continue
            out, err, status = run_case(python, area, directory, file)
            base = os.path.join(directory, stem)
            with open(base + ".out", "wb") as f:
                f.write(out)
            write_or_remove(base + ".err", err)
            write_or_remove(base + ".status", b"%d\n" % status if status else b"")
            count += 1
    print(f"regenerated {count} cases with {python}")


if __name__ == "__main__":
    main()
