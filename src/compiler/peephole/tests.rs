//! Tests of the shared list form: decoding and encoding, compaction and
//! the pc remapping of side tables.

use super::asm::assemble;
use super::*;
use crate::bytecode::code::ExcEntry;

fn pos(line: u32) -> Position {
    Position { line, end_line: line, col: 0, end_col: 0 }
}

#[test]
fn decode_encode_round_trips_jumps_and_ext_args() {
    let words = vec![
        asbx(Op::LoadInt, 0, -7),
        Op::ExtArg as u32 | 3 << 8,
        abc(Op::GetAttr, 1, 0, 4),
        asbx(Op::JmpIfFalse, 1, 2),
        abc(Op::IfLt, 0, 1, 0),
        sj(Op::Jmp, -5),
        abc(Op::Return, 1, 0, 0),
    ];
    let positions: Vec<Position> = (1..=7).map(pos).collect();
    let list = decode(&words, &positions, &[]).expect("decodes");
    assert_eq!(list.len(), 6);
    assert_eq!(list[1].c, 3 << 8 | 4);
    assert_eq!(list[1].pos.line, 3, "an ExtArg pair has its instruction's position");
    assert_eq!(list[2].target, 5, "pc 6 is list entry 5");
    assert_eq!(list[4].target, 1, "pc 1 (the ExtArg) is list entry 1");
    let enc = encode(&list).expect("encodes");
    assert_eq!(enc.words, words);
    assert_eq!(enc.positions[2..], positions[2..]);
    assert_eq!(enc.pcs, vec![0, 1, 3, 4, 5, 6]);
    assert!(enc.exc_table.is_empty());
}

#[test]
fn malformed_code_is_refused() {
    let past_end = vec![sj(Op::Jmp, 5), Op::ReturnNone as u32];
    assert!(decode(&past_end, &[], &[]).is_err());
    let into_pair = vec![
        sj(Op::Jmp, 1),
        Op::ExtArg as u32 | 1 << 8,
        abc(Op::GetAttr, 0, 0, 0),
        Op::ReturnNone as u32,
    ];
    assert!(decode(&into_pair, &[], &[]).is_err());
    let bad_ext = vec![Op::ExtArg as u32 | 1 << 8, abc(Op::Add, 0, 0, 0)];
    assert!(decode(&bad_ext, &[], &[]).is_err());
    assert!(verify(&assemble("IfLt 0 1\nReturn 0")).is_err(), "If* without its Jmp");
    assert!(verify(&assemble("LoadInt 0 1")).is_err(), "falls off the end");
}

#[test]
fn compaction_moves_jumps_to_the_next_live_instruction() {
    let mut code = assemble(
        "
        Jmp ->a
        LoadInt 0 1
    a:
        LoadInt 0 2
        LoadInt 0 3
        Return 0
    ",
    );
    code[2].dead = true;
    code[3].dead = true;
    assert!(compact(&mut code));
    assert_eq!(code.len(), 3);
    assert_eq!(code[0].target, 2);
    assert_eq!(code[2].op, Op::Return);
    assert!(!compact(&mut code));
}

#[test]
fn remap_maps_pcs_ranges_and_side_tables() {
    // Old: 0 LoadInt, 1-2 ExtArg+GetAttr, 3 Move (deleted), 4 Return.
    let words = vec![
        asbx(Op::LoadInt, 0, 1),
        Op::ExtArg as u32 | 1 << 8,
        abc(Op::GetAttr, 1, 0, 2),
        abc(Op::Move, 2, 2, 0),
        abc(Op::Return, 1, 0, 0),
    ];
    let mut list = decode(&words, &[], &[]).unwrap();
    list[2].dead = true;
    compact(&mut list);
    let enc = encode(&list).unwrap();
    assert_eq!(enc.words.len(), 4);
    let remap = Remap::new(words.len(), &list, &enc.pcs, enc.words.len());
    assert_eq!(remap.new_of_old, vec![0, 1, 2, 3, 3, 4]);
    assert_eq!(remap.old_of_new, vec![Some(0), Some(1), Some(2), Some(4)]);
    // A handler range covering only the deleted move becomes empty; one
    // covering the GetAttr pair and the move shrinks to the pair.
    assert_eq!(remap.range(3, 4), (3, 3));
    assert_eq!(remap.range(1, 4), (1, 3));
    let slots = remap.carry(&[10, 11, 12, 13, 14]);
    assert_eq!(slots, vec![10, 11, 12, 14]);
}

#[test]
fn exception_table_rows_follow_their_instructions() {
    // try: x = a[0] (with a dead move) / except: return None
    //   0 LoadInt 3 0      row 0..3 -> 4, exception in r5
    //   1 Move 4 4
    //   2 GetItem 1 0 3
    //   3 Return 1
    //   4 ReturnNone
    let words = vec![
        asbx(Op::LoadInt, 3, 0),
        abc(Op::Move, 4, 4, 0),
        abc(Op::GetItem, 1, 0, 3),
        abc(Op::Return, 1, 0, 0),
        Op::ReturnNone as u32,
    ];
    let rows = [ExcEntry { start: 0, end: 3, handler: 4, reg: 5 }];
    let mut list = decode(&words, &[], &rows).expect("decodes");
    assert_eq!(list[2].exc, Some((4, 5)));
    assert_eq!(list[3].exc, None);
    assert_eq!(encode(&list).unwrap().exc_table, rows, "round trip");
    list[1].dead = true;
    compact(&mut list);
    let enc = encode(&list).unwrap();
    assert_eq!(enc.exc_table, [ExcEntry { start: 0, end: 2, handler: 3, reg: 5 }]);
    // Rows that overlap, or point into nothing, are refused.
    let bad = [rows[0], ExcEntry { start: 2, end: 4, handler: 4, reg: 0 }];
    assert!(decode(&words, &[], &bad).is_err());
    let bad = [ExcEntry { start: 0, end: 3, handler: 9, reg: 0 }];
    assert!(decode(&words, &[], &bad).is_err());
}

#[test]
fn handlers_are_reachable_and_keep_their_registers_live() {
    // The handler reads r4, set before the protected call: r4 must stay
    // (a dead-looking store to a temporary read only by the handler).
    let mut code = assemble(
        "
        LoadInt 4 7
        Call 2 0 !h:5
        Return 2
    h:
        Return 4
    ",
    );
    let live = liveness::live_out(&code);
    assert!(live[0].contains(4));
    assert!(liveness::reachable(&code).iter().all(|&r| r));
    assert!(!dead_code::run(&mut code));
    assert!(!moves::run(&mut code, 2));
    assert_eq!(code.len(), 4);
    assert!(jump_targets(&code)[3], "a handler starts a block");
}

/// Every code object of every behaviour case and benchmark script: the
/// optimized code decodes, verifies, and is a fixed point of the passes.
#[test]
fn optimized_programs_verify_and_are_a_fixed_point() {
    use crate::compiler::{check_module, codegen::compile_module};
    use crate::runtime::gc::Heap;
    use crate::syntax::intern::Interner;
    use crate::syntax::parser::{parse, ParseOptions};

    fn each(code: &CodeObject, f: &mut impl FnMut(&CodeObject)) {
        f(code);
        code.children.iter().for_each(|c| each(c, f));
    }

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in std::fs::read_dir(root.join("tests/cases")).expect("cases").flatten() {
        if dir.file_name().to_string_lossy().starts_with("run_") {
            files.extend(std::fs::read_dir(dir.path()).expect("area").flatten().map(|e| e.path()));
        }
    }
    files.extend(
        std::fs::read_dir(root.join("perf/scripts")).expect("perf").flatten().map(|e| e.path()),
    );
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    let mut checked = 0;
    for path in files {
        let src = std::fs::read_to_string(&path).expect("read");
        let arena = bumpalo::Bump::new();
        let mut interner = Interner::new();
        let Ok(module) = parse(&arena, &src, ParseOptions::default(), &mut interner) else {
            continue;
        };
        let Ok(table) = check_module(&arena, &module, &mut interner, &src) else { continue };
        let mut heap = Heap::new();
        let Ok(mut code) = compile_module(&module, &table, &interner, &src, "t", &mut heap) else {
            continue;
        };
        optimize(&mut code, &mut heap);
        each(&code, &mut |c| {
            let name = format!("{}: {}", path.display(), c.qualname);
            let mut list = decode(&c.instructions, &c.positions, &c.exc_table).expect(&name);
            verify(&list).expect(&name);
            assert_eq!(c.positions.len(), c.instructions.len(), "{name}");
            assert_eq!(c.global_cache.len(), c.instructions.len(), "{name}");
            let mut consts = c.consts.clone();
            let mut heap = Heap::new();
            run_passes(
                &mut list,
                c.varnames.len() as u32,
                &mut fold::Consts::new(&mut consts, &mut heap),
            );
            assert_eq!(
                encode(&list).expect(&name).words,
                c.instructions,
                "{name} is no fixed point"
            );
            checked += 1;
        });
    }
    assert!(checked > 500, "only {checked} code objects");
}
