#!/usr/bin/env python3
"""Report which run_* behaviour cases taipan passes (ignoring .skip files): per area counts, failures listed in /tmp/taipan_runfails.txt."""
import subprocess, os, sys, collections
import pathlib
root = str(pathlib.Path(__file__).resolve().parents[1] / 'cases')
TP = str(pathlib.Path(__file__).resolve().parents[2] / 'target' / 'release' / 'taipan')
res = collections.Counter(); fails = []
for area in sorted(os.listdir(root)):
    if not area.startswith('run_'): continue
    d = os.path.join(root, area)
    for f in sorted(os.listdir(d)):
        if not f.endswith('.py'): continue
        name = f[:-3]
        exp_out = open(os.path.join(d, name + '.out'), 'rb').read() if os.path.exists(os.path.join(d, name + '.out')) else b''
        exp_err = open(os.path.join(d, name + '.err'), 'rb').read() if os.path.exists(os.path.join(d, name + '.err')) else b''
        st = int(open(os.path.join(d, name + '.status')).read()) if os.path.exists(os.path.join(d, name + '.status')) else 0
        try:
            r = subprocess.run([TP, f], cwd=d, capture_output=True, timeout=10)
            err = r.stderr.replace((d + '/').encode(), b'')
            ok = r.stdout == exp_out and err == exp_err and r.returncode == st
            outok = r.stdout == exp_out
        except subprocess.TimeoutExpired:
            ok = False; outok = False; err = b'TIMEOUT'
        res[(area, ok)] += 1
        if not ok: fails.append((area, name, outok, err.decode(errors='replace').strip().splitlines()[-1:] ))
for a in sorted(set(k[0] for k in res)):
    print(a, res[(a, True)], '/', res[(a, True)] + res[(a, False)])
print('total', sum(v for k, v in res.items() if k[1]), '/', sum(res.values()))
with open('/tmp/taipan_runfails.txt', 'w') as fh:
    for f in fails: fh.write(repr(f) + '\n')
