//! The code generator and the optimizer on representative functions,
//! checked by opcode sequence as Lua's `testes/code.lua` checks its code
//! generator: a change that adds a `Move`, a jump or a temporary shows up as
//! a different sequence. [`raw`] is the code generator's output (`taipan
//! --dis --no-opt`), [`ops`] what runs after the peephole optimizer; both
//! are compared with [`seq`] texts, one opcode name per word.

use std::rc::Rc;

use bumpalo::Bump;

use super::check_module;
use super::codegen::compile_module;
use super::peephole;
use crate::bytecode::code::CodeObject;
use crate::bytecode::opcode::{op_of, Op};
use crate::runtime::gc::Heap;
use crate::syntax::intern::Interner;
use crate::syntax::parser::{parse, ParseOptions};

fn compile(src: &str, heap: &mut Heap, optimize: bool) -> Rc<CodeObject> {
    let arena = Bump::new();
    let mut interner = Interner::new();
    let module = parse(&arena, src, ParseOptions::default(), &mut interner).expect("parses");
    let table = check_module(&arena, &module, &mut interner, src).expect("checks");
    let mut code =
        compile_module(&module, &table, &interner, src, "<test>", heap).expect("compiles");
    if optimize {
        peephole::optimize(&mut code, heap);
    }
    code
}

fn find<'c>(code: &'c CodeObject, qualname: &str) -> Option<&'c CodeObject> {
    if &*code.qualname == qualname {
        return Some(code);
    }
    code.children.iter().find_map(|c| find(c, qualname))
}

fn names(src: &str, qualname: &str, optimize: bool) -> Vec<&'static str> {
    let mut heap = Heap::new();
    let code = compile(src, &mut heap, optimize);
    let f = find(&code, qualname).unwrap_or_else(|| panic!("no code object {qualname}"));
    f.instructions.iter().map(|&w| Op::from_u8(op_of(w)).map_or("?", Op::name)).collect()
}

/// The opcodes that run (after the optimizer), space-separated.
fn ops(src: &str, qualname: &str) -> String {
    names(src, qualname, true).join(" ")
}

/// The code generator's own opcodes, space-separated.
fn raw(src: &str, qualname: &str) -> String {
    names(src, qualname, false).join(" ")
}

/// An expected sequence written over several lines, `#` comments allowed.
fn seq(text: &str) -> String {
    let words = text.lines().flat_map(|l| l.split('#').next().unwrap_or("").split_whitespace());
    words.collect::<Vec<_>>().join(" ")
}

#[test]
fn binary_operation_writes_its_result_directly() {
    let src = "def f(a, b):\n    return a + b\n";
    assert_eq!(ops(src, "f"), "Add Return");
    assert_eq!(raw(src, "f"), "Add Return ReturnNone");
    let src = "def f(a, b):\n    c = a * b - 1\n    return c\n";
    assert_eq!(ops(src, "f"), "Mul SubI Return");
}

#[test]
fn for_range_loop() {
    let src = "def f(n):\n    total = 0\n    for i in range(n):\n        total += i * i\n    return total\n";
    let want = seq("
        LoadInt                                 # total = 0
        LoadGlobal Move ForRangePrep            # counter, stop, step of range(n)
        ForRangeLoop Move Mul Inplace Jmp       # the loop
        Return
    ");
    assert_eq!(ops(src, "f"), want);
}

#[test]
fn if_elif_else_with_comparisons() {
    let src = "def f(a, b):\n    if a < b:\n        r = -1\n    elif a == b:\n        r = 0\n    else:\n        r = 1\n    return r\n";
    // Bound on every arm: no CheckBound before the return.
    let want = seq("
        IfLt Jmp LoadInt Jmp
        IfEq Jmp LoadInt Jmp
        LoadInt Return ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    // The jumps to the return became returns.
    let want = seq("
        IfLt Jmp LoadInt Return
        IfEq Jmp LoadInt Return
        LoadInt Return
    ");
    assert_eq!(ops(src, "f"), want);
    // Against a small constant: the immediate form.
    let src = "def f(n):\n    if n < 2:\n        return n\n    return 0\n";
    assert_eq!(ops(src, "f"), "IfLtI Jmp Return LoadInt Return");
}

#[test]
fn while_loop() {
    let src = "def f(n):\n    i = 0\n    while i < n:\n        i = i + 2\n    return i\n";
    assert_eq!(ops(src, "f"), "LoadInt IfLt Jmp AddI Jmp Return");
    // `while True` tests nothing at run time; `break` jumps out.
    let src = "def f(n):\n    while True:\n        n -= 1\n        if n == 0:\n            break\n    return n\n";
    let want = seq("
        LoadTrue JmpIfFalse                     # while True
        LoadInt Inplace                         # n -= 1
        IfEqI Jmp Jmp                           # if n == 0: break
        Jmp                                     # back edge
        Return ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    // The If's own Jmp is no GC safepoint, so it is not threaded to the
    // back edge (only a backward `Jmp` collects).
    assert_eq!(ops(src, "f"), "InplaceI IfEqI Jmp Return Jmp");
}

#[test]
fn calls_with_positional_and_keyword_arguments() {
    let src = "def f(g, x, y):\n    g(x)\n    g(x, y, 3)\n    return g(x, key=y, reverse=True)\n";
    let want = seq("
        Move Move Call                          # g(x)
        Move Move Move LoadInt Call             # g(x, y, 3)
        Move Move Move LoadTrue CallKw          # g(x, key=y, reverse=True)
        Return
    ");
    assert_eq!(ops(src, "f"), want);
    let src = "def f(lst, x):\n    lst.append(x)\n    return lst.pop()\n";
    assert_eq!(ops(src, "f"), "LoadMethod Move CallMethod LoadMethod CallMethod Return");
}

#[test]
fn closures() {
    let src = "def outer(x):\n    def inner(y):\n        return x + y\n    return inner\n";
    assert_eq!(ops(src, "outer"), "LoadClosure BuildTuple MakeFunction Move Return");
    assert_eq!(ops(src, "outer.<locals>.inner"), "LoadDeref Add Return");
    // A lambda argument is made where the call wants it.
    let src = "def f(k):\n    return sorted(k, key=lambda v: -v)\n";
    assert_eq!(ops(src, "f"), "LoadGlobal Move MakeFunction CallKw Return");
}

#[test]
fn comprehensions() {
    let src = "def f(xs):\n    return [x * 2 for x in xs if x > 0]\n";
    // Built and called in the register that is returned.
    assert_eq!(ops(src, "f"), "MakeFunction GetIter Call Return");
    let want = seq("
        BuildList Move                          # [], the iterator
        ForIter Move                            # for x in ...
        IfGtI Jmp                               # if x > 0
        LoadInt Mul ListAppend                  # append(x * 2)
        Jmp Return
    ");
    assert_eq!(ops(src, "f.<locals>.<listcomp>"), want);
}

#[test]
fn augmented_assignment_to_subscripts_and_attributes() {
    let src = "def f(d, lst, k):\n    d[k] += 1\n    lst[0] -= k\n    d.count *= 2\n";
    let want = seq("
        GetItem LoadInt Inplace SetItem         # d[k] += 1
        LoadInt GetItem Inplace SetItem         # lst[0] -= k
        GetAttr LoadInt Inplace SetAttr         # d.count *= 2
        ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    // Small int operands become immediates (superinstructions).
    let want = seq("
        GetItem InplaceI SetItem                # d[k] += 1
        GetItemI Inplace SetItemI               # lst[0] -= k
        GetAttr InplaceI SetAttr                # d.count *= 2
        ReturnNone
    ");
    assert_eq!(ops(src, "f"), want);
}

#[test]
fn chained_comparisons() {
    let src = "def f(a, b, c):\n    if a < b < c:\n        return 1\n    return a < b <= c\n";
    // The operands are read in place (no Move).
    let want = seq("
        Lt JmpIfFalse Lt JmpIfFalse             # if a < b < c
        LoadInt Return
        Lt JmpIfFalse Le Return                 # return a < b <= c
        ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    // In the condition the links fuse into compare-and-skip once threading
    // points them at the else branch.
    let want = seq("
        IfLt Jmp IfLt Jmp
        LoadInt Return
        Lt JmpIfFalse Le Return
    ");
    assert_eq!(ops(src, "f"), want);
}

#[test]
fn and_or_not_in_conditions_short_circuit_without_temporaries() {
    let src = "def f(a, b, c):\n    if a and b or c:\n        return 1\n    while a < b and not c:\n        a += 1\n    return a or b\n";
    let want = seq("
        JmpIfFalse JmpIfTrue JmpIfFalse         # if a and b or c
        LoadInt Return
        IfLt Jmp JmpIfTrue                      # while a < b and not c
        InplaceI Jmp                            # a += 1
        Move JmpIfTrue Move Return              # return a or b
    ");
    assert_eq!(ops(src, "f"), want);
}

#[test]
fn comparison_and_if_expression_assign_locals_directly() {
    let src = "def f(a, b):\n    x = a < b\n    y = a if x else b\n    return y\n";
    assert_eq!(ops(src, "f"), "Lt JmpIfFalse Move Return Move Return");
}

#[test]
fn constant_expressions_fold() {
    let src = "def f():\n    return 2 ** 10 - 1, -(1 << 4), 'ab' * 2\n";
    let want = seq("
        LoadInt LoadInt Pow SubI                # 2 ** 10 - 1
        LoadInt LoadInt LShift Neg              # -(1 << 4)
        LoadK LoadInt Mul                       # 'ab' * 2
        BuildTuple Return ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    assert_eq!(ops(src, "f"), "LoadK Return");
    let mut heap = Heap::new();
    let code = compile(src, &mut heap, true);
    let f = find(&code, "f").expect("f");
    let k = crate::bytecode::opcode::bx_of(f.instructions[0]);
    assert_eq!(crate::bytecode::dis::const_repr(&f.consts[k]), "(1023, -16, 'abab')");
}

#[test]
fn module_level_code_is_optimized_too() {
    let src = "x = 1\nif x:\n    y = 2\nelse:\n    y = 3\n";
    let want = seq("
        LoadInt StoreGlobal                     # x = 1
        LoadGlobal JmpIfFalse                   # if x
        LoadInt StoreGlobal ReturnNone          # y = 2 (and the end)
        LoadInt StoreGlobal ReturnNone          # y = 3
    ");
    assert_eq!(ops(src, "<module>"), want);
}

#[test]
fn unpacking_into_consecutive_locals_needs_no_moves() {
    let src = "def f(node):\n    left, right = node\n    return left\n";
    assert_eq!(raw(src, "f"), "Unpack Return ReturnNone");
    // Registers in the wrong order (`b` was bound first): temporaries.
    let src = "def f(node):\n    b = 0\n    a = 1\n    a, b = node\n    return a\n";
    assert_eq!(raw(src, "f"), "LoadInt LoadInt Unpack Move Move Return ReturnNone");
    // A plain local as the value of a multi-target assignment: no copy.
    let src = "def f(x):\n    a = b = x\n    return a + b\n";
    assert_eq!(ops(src, "f"), "Move Move Add Return");
}

#[test]
fn is_none_tests_branch_in_one_instruction() {
    let src = "def f(x):\n    if x is None:\n        return 1\n    return 2\n";
    assert_eq!(ops(src, "f"), "IfNone Jmp LoadInt Return LoadInt Return");
    let src = "def f(x, y):\n    if x is not None and y is None:\n        return 1\n";
    assert_eq!(ops(src, "f"), "IfNone Jmp IfNone Jmp LoadInt Return ReturnNone");
}

#[test]
fn calls_inside_displays_and_arguments_run_in_place() {
    let src = "def f(x):\n    return (g(x), g(x))\n";
    assert_eq!(ops(src, "f"), "LoadGlobal Move Call LoadGlobal Move Call BuildTuple Return");
    let src = "def f(x):\n    return h(g(x), x)\n";
    assert_eq!(ops(src, "f"), "LoadGlobal LoadGlobal Move Call Move Call Return");
}

#[test]
fn match_statement() {
    let src = "def f(v):\n    match v:\n        case [x, 1]:\n            return x\n        case {'k': y, **rest}:\n            return rest\n        case Point(_, b=2) | None:\n            return 0\n        case _:\n            return 1\n";
    // The subject is tested in its own register; each failing test jumps
    // to the next case, and captures are stored once the pattern matched.
    let want = seq("
        MatchSeq Jmp Unpack IfEqI Jmp           # [x, 1]
        Move Return Jmp                         # x = the item; return x
        MatchMap Jmp LoadK MatchKeys Jmp        # {'k': y, ...
        CopyDictWithoutKeys Move Move           # **rest; y, rest = ...
        Return Jmp
        LoadGlobal LoadK MatchClass Jmp         # Point(_, b=...
        IfEqI Jmp Jmp                           # b=2, then the body
        IfSingleton Jmp                         # | None
        LoadInt Return Jmp
        LoadInt Return                          # case _: only the body
        ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
    // The jumps to the end after each `return` are gone.
    let want = seq("
        MatchSeq Jmp Unpack IfEqI Jmp Move Return
        MatchMap Jmp LoadK MatchKeys Jmp CopyDictWithoutKeys Move Move Return
        LoadGlobal LoadK MatchClass Jmp IfEqI Jmp Jmp IfSingleton Jmp LoadInt Return
        LoadInt Return
    ");
    assert_eq!(ops(src, "f"), want);
    // A guard is a condition jumping to the next case; `*_` reads by index.
    let src = "def f(v):\n    match v:\n        case [a, *_, z] if a < z:\n            return a\n";
    let want = seq("
        MatchSeq Jmp                            # a sequence of length >= 2
        GetItemI                                # v[0]
        GetLen SubI GetItem                     # v[len(v) - 1]
        Move Move IfLt Jmp                      # a, z = ...; if a < z
        Return ReturnNone
    ");
    assert_eq!(raw(src, "f"), want);
}

#[test]
fn with_statement_costs_the_lookup_and_two_calls() {
    let src = "def f(m):\n    with m as x:\n        g(x)\n";
    let body = "
        BeforeWith CallMethod                   # __exit__/__enter__ looked up, __enter__()
        Move                                    # x = its result (covered from here)
        LoadGlobal Move Call                    # g(x)
        LoadNone LoadNone LoadNone CallMethod   # __exit__(None, None, None)
    ";
    let handler = "
        PushExc WithExceptStart CallMethod      # __exit__(type, value, traceback)
        JmpIfTrue Reraise                       # a true result suppresses
        PopExc Reraise                          # cleanup: restore, re-raise
        PopExc ReturnNone                       # suppressed: carry on
    ";
    assert_eq!(raw(src, "f"), seq(&format!("{body} Jmp {handler}")));
    // The optimizer copies the final return over the jump.
    assert_eq!(ops(src, "f"), seq(&format!("{body} ReturnNone {handler}")));
}

#[test]
fn return_in_with_calls_exit_on_fresh_registers() {
    let src = "def f(m):\n    with m:\n        return g()\n";
    let want = seq("
        BeforeWith CallMethod                   # __enter__(), result discarded
        LoadGlobal Call                         # g(), the value to return
        Move Move LoadNone LoadNone LoadNone CallMethod   # __exit__ above it
        Return
    ");
    let got = raw(src, "f");
    assert!(got.starts_with(&want), "{got}");
}

#[test]
fn leaving_a_for_loop_releases_its_iterator() {
    // `break` and `return` drop the loop's iterator (an abandoned generator
    // is closed then); `continue` and the normal exit do not. The returned
    // local is returned as it is: no Move to a fresh register.
    let src = "def f(xs):\n    for x in xs:\n        if x:\n            break\n        if x is None:\n            continue\n        if x == 2:\n            return x\n    return 0\n";
    let want = seq("
        GetIter ForIter Move                    # for x in xs
        JmpIfFalse Release Jmp                  # break
        IfNone Jmp Jmp                          # continue
        IfEqI Jmp Release Return                # return x
        Jmp LoadInt Return
    ");
    assert_eq!(ops(src, "f"), want);
    // Two loops left by one return: the inner iterator first.
    let src = "def f(a, b):\n    for x in a:\n        for y in b:\n            return y\n";
    assert_eq!(
        ops(src, "f"),
        "GetIter ForIter Move GetIter ForIter Move Release Release Return Jmp ReturnNone"
    );
}
