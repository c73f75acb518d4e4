#!/usr/bin/env python3
"""Differential test of taipan's lexer against CPython's `tokenize` module.

Usage: tools/lexer_diff.py [files or dirs...]   (default: the stdlib)
Runs `target/debug/examples/lex_dump` (build it with
`cargo build --example lex_dump`) and compares token kinds and start/end
(line, character column) with tokenize's, skipping COMMENT/NL and the
positions of DEDENT/ENDMARKER/NEWLINE-at-EOF (tokenize reports them
differently). Only files python3 can compile are compared.
"""
import io, os, subprocess, sys, token, tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DUMP = os.path.join(ROOT, 'target', 'debug', 'examples', 'lex_dump')
STDLIB = '/root/.pyenv/versions/3.11.7/lib/python3.11'


def files(args):
    for a in args or [STDLIB]:
        if os.path.isdir(a):
            for d, dirs, fs in os.walk(a):
                dirs[:] = sorted(x for x in dirs if x != 'site-packages')
                for f in sorted(fs):
                    if f.endswith('.py'):
                        yield os.path.join(d, f)
        else:
            yield a


def expected(path):
    src = open(path, 'rb').read()
    try:
        compile(src, path, 'exec')
    except Exception:
        return None
    out = []
    for t in tokenize.tokenize(io.BytesIO(src).readline):
        if t.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
            continue
        name = token.tok_name[t.exact_type] if t.type == tokenize.OP else token.tok_name[t.type]
        out.append((name, t.start, t.end, t.string))
    return out


OPNAMES = token.EXACT_TOKEN_TYPES


def ours(paths):
    res = subprocess.run([DUMP, *paths], capture_output=True, text=True, errors='replace')
    cur = None
    result = {}
    for line in res.stdout.splitlines():
        if line.startswith('FILE '):
            cur = line[5:]
            result[cur] = []
            continue
        parts = line.split(' ')
        if parts[0] in ('ERROR', 'IOERROR', 'TYPE_IGNORE'):
            result[cur].append((line,))
            continue
        kind = parts[0]
        sl, sc, el, ec = map(int, parts[1:5])
        if kind in OPNAMES:
            kind = token.tok_name[OPNAMES[kind]]
        elif kind.isidentifier() and kind not in ('NAME', 'NUMBER', 'STRING', 'NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER', 'TYPE_COMMENT', 'ERRORTOKEN'):
            kind = 'NAME'  # keywords
        result[cur].append((kind, (sl, sc), (el, ec)))
    return result


def compare(exp, got):
    if len(exp) != len(got):
        pass
    for i, (e, g) in enumerate(zip(exp, got)):
        if len(g) == 1:
            return f'token {i}: we stopped: {g[0]} ; expected {e}'
        if e[0] != g[0]:
            return f'token {i}: kind {g} != {e}'
        if e[0] in ('DEDENT', 'ENDMARKER'):
            continue
        if e[0] == 'NEWLINE' and e[3] == '':
            continue
        if (e[1], e[2]) != (g[1], g[2]):
            return f'token {i}: position {g} != {e}'
    if len(exp) != len(got):
        return f'length {len(got)} != {len(exp)}; extra: {(got[len(exp):] or exp[len(got):])[:3]}'
    return None


def main():
    paths = list(files(sys.argv[1:]))
    ok = bad = skipped = 0
    for i in range(0, len(paths), 200):
        chunk = paths[i:i + 200]
        got = ours(chunk)
        for p in chunk:
            exp = expected(p)
            if exp is None:
                skipped += 1
                continue
            msg = compare(exp, got.get(p, []))
            if msg:
                bad += 1
                print(f'{p}: {msg}')
            else:
                ok += 1
    print(f'{ok} files agree, {bad} differ, {skipped} skipped (python3 cannot compile them)')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
