//! The VM's heap: one arena per object type, allocation entry points that
//! count toward the next collection, and the collection itself.

use super::complex::ComplexObj;
use super::dict::{DictObj, DictViewObj};
use super::exception::{ExcObj, TracebackObj};
use super::function::{BoundMethodObj, BuiltinObj, CellObj, FuncObj};
use super::heap::{collect, sweep_arena, Arena, Gc, GcStats, Trace, Tracer};
use super::iter::IterObj;
use super::list::ListObj;
use super::module::ModuleObj;
use super::object::{BigIntObj, BytesObj, RangeObj, SliceObj, TypeObj};
use super::set::SetObj;
use super::str::StrObj;
use super::tuple::TupleObj;

macro_rules! heap_types {
    ( $( $field:ident : $ty:ty ),* $(,)? ) => {
        /// All arenas of the heap.
        #[derive(Default)]
        pub struct Arenas { $( $field: Arena<$ty> ),* }

        $(
            impl HeapType for $ty {
                #[inline]
                fn arena(a: &mut Arenas) -> &mut Arena<Self> { &mut a.$field }
            }
        )*

        impl Arenas {
            fn sweep(&mut self) -> usize {
                0 $( + sweep_arena(&mut self.$field) )*
            }
        }
    };
}

/// A type that lives in the heap.
pub trait HeapType: Trace + Sized {
    fn arena(a: &mut Arenas) -> &mut Arena<Self>;
}

heap_types! {
    strs: StrObj,
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
}

pub struct Heap {
    arenas: Arenas,
    pub stats: GcStats,
    /// Torture mode (`TAIPAN_GC_TORTURE=N`, N ≥ 1): collect at every N-th
    /// safepoint (N = 1: at every one), to shake out rooting bugs; 0 = off.
    pub torture: u32,
    /// Safepoints seen in torture mode.
    torture_ticks: u32,
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
        Heap { arenas: Arenas::default(), stats, torture, torture_ticks: 0 }
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

    /// Mark everything `roots` reaches, free the rest.
    pub fn collect(&mut self, roots: impl FnOnce(&mut Tracer)) {
        if self.torture > 1 {
            self.torture_ticks = self.torture_ticks.wrapping_add(1);
            if !self.torture_ticks.is_multiple_of(self.torture) {
                return;
            }
        }
        let arenas = &mut self.arenas;
        collect(roots, || arenas.sweep(), &mut self.stats);
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
