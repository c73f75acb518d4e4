//! Module objects: a name and a namespace dict.

use super::dict::DictObj;
use super::heap::{Gc, Trace, Tracer};
use super::str::StrObj;

pub struct ModuleObj {
    pub name: Gc<StrObj>,
    pub dict: Gc<DictObj>,
}

impl Trace for ModuleObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        t.mark(self.dict);
    }
}
