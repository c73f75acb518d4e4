//! The VM's heap: one arena per object type, allocation entry points that
//! count toward the next collection, and the collection itself.

use super::complex::ComplexObj;
use super::dict::{DictObj, DictViewObj};
use super::exception::{ExcObj, TracebackObj};
use super::function::{BoundMethodObj, BuiltinObj, CellObj, FuncObj};
use super::generator::GenObj;
use super::heap::{
    collect_resurrecting, sweep_arena, sweep_tail_arena, Arena, Gc, GcStats, TailArena, Trace,
    Tracer,
};
use super::instance::InstanceObj;
use super::iter::IterObj;
use super::list::ListObj;
use super::module::ModuleObj;
use super::object::{BigIntObj, BytesObj, RangeObj, SliceObj, TypeObj};
use super::set::SetObj;
use super::str::{StrObj, StrSlot, StrWriter};
use super::tuple::TupleObj;

macro_rules! heap_types {
    ( $( $field:ident : $ty:ty ),* $(,)? ) => {
        /// All arenas of the heap.
        #[derive(Default)]
        pub struct Arenas {
            /// Strings: one allocation each, text included (see `runtime::str`).
            strs: TailArena<StrObj>,
            $( $field: Arena<$ty> ),*
        }

        $(
            impl HeapType for $ty {
                #[inline]
                fn arena(a: &mut Arenas) -> &mut Arena<Self> { &mut a.$field }
            }
        )*

        impl Arenas {
            fn sweep(&mut self) -> usize {
                sweep_tail_arena(&mut self.strs) $( + sweep_arena(&mut self.$field) )*
            }
        }
    };
}

/// A type that lives in the heap.
pub trait HeapType: Trace + Sized {
    fn arena(a: &mut Arenas) -> &mut Arena<Self>;
}

heap_types! {
    s8: StrSlot<8>,
    s16: StrSlot<16>,
    s24: StrSlot<24>,
    s32: StrSlot<32>,
    s48: StrSlot<48>,
    s64: StrSlot<64>,
    s96: StrSlot<96>,
    s128: StrSlot<128>,
    s192: StrSlot<192>,
    s256: StrSlot<256>,
    lists: ListObj,
    tuples: TupleObj,
    dicts: DictObj,
    dict_views: DictViewObj,
    sets: SetObj,
    bigints: BigIntObj,
    bytes: BytesObj,
    ranges: RangeObj,
    slices: SliceObj,
    funcs: FuncObj,
    builtins: BuiltinObj,
    methods: BoundMethodObj,
    cells: CellObj,
    iters: IterObj,
    excs: ExcObj,
    types: TypeObj,
    modules: ModuleObj,
    complexes: ComplexObj,
    tracebacks: TracebackObj,
    gens: GenObj,
    instances: InstanceObj,
}

pub struct Heap {
    arenas: Arenas,
    /// The empty string and the one-character strings of code points below
    /// 256, made once (immortal), as CPython caches them.
    empty_str: Gc<StrObj>,
    latin1: Box<[Gc<StrObj>]>,
    pub stats: GcStats,
    /// Torture mode (`TAIPAN_GC_TORTURE=N`, N ≥ 1): collect at every N-th
    /// safepoint (N = 1: at every one), to shake out rooting bugs; 0 = off.
    pub torture: u32,
    /// Safepoints seen in torture mode.
    torture_ticks: u32,
    /// Generators found unreachable while suspended where closing them runs
    /// code (a `finally`, a `with`): kept alive (they are roots) until the
    /// VM closes them, as CPython's finalizer would (PEP 442).
    pub finalize: Vec<Gc<GenObj>>,
}

impl Heap {
    pub fn new() -> Heap {
        let torture = std::env::var("TAIPAN_GC_TORTURE")
            .ok()
            .map_or(0, |v| v.trim().parse::<u32>().unwrap_or(1));
        let mut stats = GcStats::new();
        if torture > 0 {
            stats.threshold = 0;
        }
        let mut arenas = Arenas::default();
        let empty_str = StrObj::alloc(&mut arenas.strs, true, 0, Some(0), |_| {});
        let latin1 = (0..256u32)
            .map(|cp| {
                let c = char::from_u32(cp).expect("Latin-1 code point");
                StrObj::alloc(&mut arenas.strs, true, c.len_utf8(), Some(1), |w| w.push_char(c))
            })
            .collect();
        Heap { arenas, empty_str, latin1, stats, torture, torture_ticks: 0, finalize: Vec::new() }
    }

    // ----- strings ----------------------------------------------------------

    /// A string with the text `s` (the cached one for "" and one Latin-1
    /// character).
    #[inline]
    pub fn alloc_str(&mut self, s: &str) -> Gc<StrObj> {
        self.alloc_str_n(s, None)
    }

    /// [`Heap::alloc_str`] when the caller knows the length in code points
    /// (e.g. a piece of an ASCII string).
    #[inline]
    pub fn alloc_str_n(&mut self, s: &str, nchars: Option<usize>) -> Gc<StrObj> {
        if let Some(g) = self.cached_str(s.as_bytes()) {
            return g;
        }
        self.str_raw(s.len(), nchars, |w| w.push_str(s))
    }

    /// A new string of `len` bytes: short ones in the arena of their size
    /// class (text inline in the slot), long ones in their own allocation.
    #[inline]
    fn str_raw(
        &mut self,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> Gc<StrObj> {
        let a = &mut self.arenas;
        match len {
            0..=8 => StrObj::alloc_in(&mut a.s8, len, nchars, fill),
            9..=16 => StrObj::alloc_in(&mut a.s16, len, nchars, fill),
            17..=24 => StrObj::alloc_in(&mut a.s24, len, nchars, fill),
            25..=32 => StrObj::alloc_in(&mut a.s32, len, nchars, fill),
            33..=48 => StrObj::alloc_in(&mut a.s48, len, nchars, fill),
            49..=64 => StrObj::alloc_in(&mut a.s64, len, nchars, fill),
            65..=96 => StrObj::alloc_in(&mut a.s96, len, nchars, fill),
            97..=128 => StrObj::alloc_in(&mut a.s128, len, nchars, fill),
            129..=192 => StrObj::alloc_in(&mut a.s192, len, nchars, fill),
            193..=256 => StrObj::alloc_in(&mut a.s256, len, nchars, fill),
            _ => StrObj::alloc(&mut a.strs, false, len, nchars, fill),
        }
    }

    /// The cached string for `b` (UTF-8), if it is "" or one Latin-1
    /// character.
    #[inline]
    fn cached_str(&self, b: &[u8]) -> Option<Gc<StrObj>> {
        match *b {
            [] => Some(self.empty_str),
            [c] => Some(self.latin1[c as usize]),
            [c0 @ 0xc2..=0xc3, c1] => {
                Some(self.latin1[(((c0 & 0x1f) as usize) << 6) | (c1 & 0x3f) as usize])
            }
            _ => None,
        }
    }

    /// The one-character string of the ASCII byte `b` (< 0x80).
    #[inline]
    pub fn ascii_char(&self, b: u8) -> Gc<StrObj> {
        debug_assert!(b < 0x80);
        self.latin1[b as usize]
    }

    /// A string of `len` bytes written by `fill` (which must write exactly
    /// that many; `nchars`: its length in code points, if known), built in
    /// place: one allocation, no intermediate `String`.
    #[inline]
    pub fn str_with(
        &mut self,
        len: usize,
        nchars: Option<usize>,
        fill: impl FnOnce(&mut StrWriter),
    ) -> Gc<StrObj> {
        if len <= 2 {
            let mut buf = [0u8; 2];
            let mut w = StrWriter::on(&mut buf[..len]);
            fill(&mut w);
            let text = w.text();
            if let Some(g) = self.cached_str(text.as_bytes()) {
                return g;
            }
            return self.str_raw(len, nchars, |w| w.push_str(text));
        }
        self.str_raw(len, nchars, fill)
    }

    /// The concatenation of `parts`.
    #[inline]
    pub fn str_concat(&mut self, parts: &[&str]) -> Gc<StrObj> {
        let len = parts.iter().map(|p| p.len()).sum();
        self.str_with(len, None, |w| {
            for p in parts {
                w.push_str(p)
            }
        })
    }

    #[inline]
    pub fn alloc<T: HeapType>(&mut self, v: T) -> Gc<T> {
        T::arena(&mut self.arenas).alloc(v)
    }

    /// Is a collection due?
    #[inline]
    pub fn should_collect(&self) -> bool {
        super::alloc::bytes_in_use() >= self.stats.threshold
    }

    /// The generators alive and suspended.
    pub fn suspended_generators(&self) -> Vec<Gc<GenObj>> {
        let mut gens = self.arenas.gens.objects();
        gens.retain(|g| g.status() == super::generator::GenStatus::Suspended);
        gens
    }

    /// Mark everything `roots` reaches, free the rest.
    pub fn collect(&mut self, roots: impl FnOnce(&mut Tracer)) {
        self.collect_weak(roots, || {}, None, false);
    }

    /// [`Heap::collect`] with a callback that prunes weak tables after
    /// marking (see [`super::heap::collect_resurrecting`]). With
    /// `needs_close`, unreachable generators for which it is true are kept
    /// and queued in [`Heap::finalize`]. `force`: collect even when torture
    /// mode would skip this safepoint.
    pub fn collect_weak(
        &mut self,
        roots: impl FnOnce(&mut Tracer),
        weak: impl FnOnce(),
        needs_close: Option<fn(Gc<GenObj>) -> bool>,
        force: bool,
    ) {
        if self.torture > 1 && !force {
            self.torture_ticks = self.torture_ticks.wrapping_add(1);
            if !self.torture_ticks.is_multiple_of(self.torture) {
                return;
            }
        }
        let Heap { arenas, finalize, stats, .. } = self;
        // `resurrect` reads the generators' arena, the sweep (which runs
        // after it) needs every arena mutably.
        let arenas = std::cell::RefCell::new(arenas);
        // The resurrected generators, found between marking and sweeping.
        let mut found = Vec::new();
        let resurrect = |t: &mut Tracer| {
            for g in finalize.iter() {
                t.mark(*g);
            }
            if let Some(needs_close) = needs_close {
                for g in arenas.borrow().gens.unmarked() {
                    if needs_close(g) {
                        t.mark(g);
                        found.push(g);
                    }
                }
            }
        };
        collect_resurrecting(roots, resurrect, weak, || arenas.borrow_mut().sweep(), stats);
        self.finalize.extend(found);
        if self.torture > 0 {
            self.stats.threshold = 0;
        }
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}
