#!/usr/bin/env python3
"""Dump the AST of every stdlib .py file, as `python3 -m ast FILE` prints it,
in ONE python process (for tests/stdlib_ast.rs).

Usage: stdlib_dumps.py CACHE_DIR

Writes into CACHE_DIR:
  stdlib_dir            the stdlib directory (one line)
  files.txt             the relative paths CPython parses, one a line
  failures.txt          the relative paths CPython cannot parse, with the error
  dumps/<rel path>.ast  ast.dump(ast.parse(src, type_comments=True), indent=3)
  complete              written last: the cache is usable
site-packages is excluded.
"""
import ast
import os
import sys
import sysconfig


def main():
    cache = sys.argv[1]
    stdlib = sysconfig.get_paths()["stdlib"]
    dumps = os.path.join(cache, "dumps")
    os.makedirs(dumps, exist_ok=True)
    ok, failed = [], []
    for root, dirs, files in os.walk(stdlib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, stdlib)
            try:
                with open(path, "rb") as f:
                    source = f.read()
                tree = ast.parse(source, rel, "exec", type_comments=True)
                text = ast.dump(tree, indent=3)
            except (SyntaxError, ValueError, RecursionError, MemoryError, OSError) as e:
                failed.append(f"{rel}\t{type(e).__name__}: {e}".replace("\n", " "))
                continue
            out = os.path.join(dumps, rel + ".ast")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8", errors="surrogatepass") as f:
                f.write(text)
            ok.append(rel)
    with open(os.path.join(cache, "stdlib_dir"), "w") as f:
        f.write(stdlib + "\n")
    with open(os.path.join(cache, "files.txt"), "w") as f:
        f.write("".join(r + "\n" for r in ok))
    with open(os.path.join(cache, "failures.txt"), "w") as f:
        f.write("".join(r + "\n" for r in failed))
    with open(os.path.join(cache, "complete"), "w") as f:
        f.write(f"{len(ok)} parsed, {len(failed)} failed\n")
    print(f"stdlib_dumps: {len(ok)} files dumped, {len(failed)} not parsable by CPython", file=sys.stderr)


if __name__ == "__main__":
    main()
