//! `ast.dump` (stub, to be replaced).
use super::ast::Mod;
use super::intern::Interner;
use super::source::LineIndex;

/// Options of [`dump`], as the arguments of CPython's `ast.dump`.
#[derive(Clone, Copy, Debug)]
pub struct DumpOptions {
    pub include_attributes: bool,
    /// `None` for the one-line form, `Some(n)` for `indent=n`.
    pub indent: Option<usize>,
}

/// Print `module` exactly as CPython's `ast.dump(module, indent=..., include_attributes=...)`.
pub fn dump(_module: &Mod, _interner: &Interner, _index: &LineIndex, _opts: DumpOptions) -> String {
    String::new()
}
