//! The VM's heap: one arena per object type, allocation entry points that
//! count toward the next collection, and the collection itself.

use super::dict::{DictObj, DictViewObj};
use super::exception::ExcObj;
use super::function::{BoundMethodObj, BuiltinObj, CellObj, FuncObj};
use super::heap::{collect_with_weak, sweep_arena, Arena, Gc, GcStats, Trace, Tracer};
use super::instance::InstanceObj;
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
    instances: InstanceObj,
}

pub struct Heap {
    arenas: Arenas,
    pub stats: GcStats,
    /// Collect at every safepoint (`TAIPAN_GC_TORTURE=1`), to shake out rooting bugs.
    pub torture: bool,
}

impl Heap {
    pub fn new() -> Heap {
        let torture = std::env::var_os("TAIPAN_GC_TORTURE").is_some_and(|v| v != "0");
        Heap { arenas: Arenas::default(), stats: GcStats::new(), torture }
    }

    #[inline]
    pub fn alloc<T: HeapType>(&mut self, v: T) -> Gc<T> {
        self.stats.allocated_since += std::mem::size_of::<T>() + 16 + v.heap_size();
        T::arena(&mut self.arenas).alloc(v)
    }

    /// Is a collection due?
    #[inline]
    pub fn should_collect(&self) -> bool {
        self.torture || self.stats.allocated_since >= self.stats.threshold
    }

    /// Mark everything `roots` reaches, free the rest.
    pub fn collect(&mut self, roots: impl FnOnce(&mut Tracer)) {
        self.collect_weak(roots, || {});
    }

    /// [`Heap::collect`] with a callback that prunes weak tables after
    /// marking (see [`super::heap::collect_with_weak`]).
    pub fn collect_weak(&mut self, roots: impl FnOnce(&mut Tracer), weak: impl FnOnce()) {
        let arenas = &mut self.arenas;
        collect_with_weak(roots, weak, || arenas.sweep(), &mut self.stats);
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}
