//! Native modules importable with `import`: [`sys`], [`math`], [`time`],
//! [`dis`]. Each is created on first import.

pub mod dis;
pub mod math;
pub mod sys;
pub mod time;

use crate::vm::Vm;

/// Create the native module `name`; false if there is none.
pub fn load(vm: &mut Vm, name: &str) -> bool {
    match name {
        "sys" => sys::install(vm),
        "math" => math::install(vm),
        "time" => time::install(vm),
        "dis" => dis::install(vm),
        _ => return false,
    }
    if name != "sys" {
        if let Some(&m) = vm.modules.get(name) {
            sys::register(vm, name, m);
        }
    }
    true
}
