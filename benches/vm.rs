//! VM benchmarks (criterion): small Python programs, each timed from a
//! freshly compiled module (`taipan::cli::pipeline::compile_program` then
//! `Vm::run_main`; making the VM and compiling are set-up, not timed).
//!
//! Groups: `dispatch` (tight loops), `calls` (Python→Python, native→Python
//! through `sorted(key=)`), `attrs` (module attributes, builtin method
//! lookup), `dict` (get/set), `alloc` (allocation and GC throughput).
//!
//! `cargo bench --bench vm -- calls` runs one group;
//! `cargo bench --bench vm -- calls/py_to_py --profile-time 10` profiles a
//! benchmark with pprof instead of timing it, writing
//! `target/criterion/calls/py_to_py/profile/flamegraph.svg` (set
//! `TAIPAN_BENCH_PPROF=pb` for `profile.pb` instead).
//! Under `cargo test --benches` each program runs once, so keep them quick.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use taipan::cli::pipeline::compile_program;
use taipan::vm::Vm;

// The global allocator (mimalloc, counting bytes for the GC) comes from
// the library.

/// A benchmark program; it runs after `N = n`, the iteration count that is
/// also the throughput unit ("elements" = loop iterations).
struct Prog {
    group: &'static str,
    name: &'static str,
    n: u64,
    src: &'static str,
}

const PROGS: &[Prog] = &[
    Prog {
        group: "dispatch",
        name: "while_add",
        n: 200_000,
        src: "
i = 0
t = 0
while i < N:
    t = t + i
    i = i + 1
assert t == N * (N - 1) // 2
",
    },
    Prog {
        group: "dispatch",
        name: "for_range",
        n: 200_000,
        src: "
def f(n):
    t = 0
    for i in range(n):
        t += i & 7
    return t
assert f(N) == 28 * (N // 8)
",
    },
    Prog {
        group: "dispatch",
        name: "float_loop",
        n: 100_000,
        src: "
def f(n):
    x = 0.0
    i = 0
    while i < n:
        x = x * 0.5 + 1.5
        i += 1
    return x
assert f(N) == 3.0
",
    },
    Prog {
        group: "calls",
        name: "py_to_py",
        n: 100_000,
        src: "
def add(a, b):
    return a + b
def f(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t
assert f(N) == N * (N - 1) // 2
",
    },
    Prog {
        group: "calls",
        name: "recursive_fib",
        n: 21_891,
        src: "
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
assert fib(20) == 6765
",
    },
    Prog {
        group: "calls",
        name: "native_to_py_sorted_key",
        n: 50_000,
        src: "
data = [(i * 7919) % 10007 for i in range(N)]
r = sorted(data, key=lambda x: -x)
assert r[0] == max(data)
",
    },
    Prog {
        group: "calls",
        name: "builtin_len",
        n: 100_000,
        src: "
def f(n, s):
    t = 0
    for i in range(n):
        t += len(s)
    return t
assert f(N, 'abc') == 3 * N
",
    },
    Prog {
        group: "attrs",
        name: "module_attr",
        n: 100_000,
        src: "
import math
def f(n):
    t = 0.0
    for i in range(n):
        t += math.pi
    return t
assert f(N) > 0
",
    },
    Prog {
        group: "attrs",
        name: "method_append",
        n: 100_000,
        src: "
def f(n):
    lst = []
    for i in range(n):
        lst.append(i)
    return lst
assert len(f(N)) == N
",
    },
    Prog {
        group: "attrs",
        name: "bound_method_lookup",
        n: 100_000,
        src: "
def f(n):
    s = 'a,b'
    k = 0
    for i in range(n):
        m = s.split
        k += 1
    return k
assert f(N) == N
",
    },
    Prog {
        group: "dict",
        name: "set_int",
        n: 100_000,
        src: "
def f(n):
    d = {}
    for i in range(n):
        d[i] = i
    return d
assert len(f(N)) == N
",
    },
    Prog {
        group: "dict",
        name: "get_str",
        n: 100_000,
        src: "
def f(n):
    keys = ['k%d' % i for i in range(64)]
    d = {k: 1 for k in keys}
    t = 0
    for i in range(n):
        t += d[keys[i & 63]]
    return t
assert f(N) == N
",
    },
    Prog {
        group: "dict",
        name: "get_method",
        n: 100_000,
        src: "
def f(n):
    d = {i: i for i in range(100)}
    t = 0
    for i in range(n):
        t += d.get(i % 128, 0)
    return t
assert f(N) > 0
",
    },
    Prog {
        group: "alloc",
        name: "small_tuples",
        n: 100_000,
        src: "
def f(n):
    last = None
    for i in range(n):
        last = (i, last if i % 64 else None)
    return last
assert f(N)[0] == N - 1
",
    },
    Prog {
        group: "alloc",
        name: "lists_and_strings",
        n: 50_000,
        src: "
def f(n):
    k = 0
    for i in range(n):
        x = [i, i + 1, str(i)]
        k += len(x[2])
    return k
assert f(N) > 0
",
    },
    Prog {
        group: "alloc",
        name: "binary_trees",
        n: 32_767,
        src: "
def make(d):
    if d == 0:
        return (None, None)
    return (make(d - 1), make(d - 1))
def check(t):
    l, r = t
    if l is None:
        return 1
    return 1 + check(l) + check(r)
assert check(make(14)) == N
",
    },
];

/// A VM with the program compiled, ready to run.
fn prepared(src: &str) -> (Vm, std::rc::Rc<taipan::bytecode::code::CodeObject>) {
    let mut vm = Vm::new(vec!["bench".to_owned()]);
    let code = match compile_program(&mut vm, src.as_bytes(), "<bench>", true) {
        Ok(Ok(code)) => code,
        Ok(Err(status)) => panic!("benchmark program not compiled (status {status}):\n{src}"),
        Err(e) => panic!("benchmark program invalid:\n{}", e.render("<bench>")),
    };
    (vm, code)
}

fn vm_benches(c: &mut Criterion) {
    let mut groups: Vec<&str> = PROGS.iter().map(|p| p.group).collect();
    groups.dedup();
    for group in groups {
        let mut g = c.benchmark_group(group);
        for p in PROGS.iter().filter(|p| p.group == group) {
            let src = format!("N = {}\n{}", p.n, p.src);
            // Fail loudly (not silently time an exception) when a program
            // breaks.
            let (mut vm, code) = prepared(&src);
            assert_eq!(vm.run_main(code), 0, "{}/{} failed:\n{src}", p.group, p.name);
            g.throughput(Throughput::Elements(p.n));
            g.bench_function(p.name, |b| {
                b.iter_batched(
                    || prepared(&src),
                    |(mut vm, code)| {
                        let status = vm.run_main(code);
                        (vm, status)
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        g.finish();
    }
}

#[cfg(unix)]
fn config() -> Criterion {
    use pprof::criterion::{Output, PProfProfiler};
    let output = if std::env::var("TAIPAN_BENCH_PPROF").is_ok_and(|v| v == "pb") {
        Output::Protobuf
    } else {
        Output::Flamegraph(None)
    };
    Criterion::default().with_profiler(PProfProfiler::new(997, output))
}

#[cfg(not(unix))]
fn config() -> Criterion {
    Criterion::default()
}

criterion_group! {
    name = benches;
    config = config();
    targets = vm_benches
}
criterion_main!(benches);
