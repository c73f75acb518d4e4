//! Identifier interning: each distinct identifier of a compilation becomes a
//! `Symbol` (a `u32` index), so names compare and hash as integers.
//!
//! The interner borrows the identifier text (from the source or the AST arena),
//! so interning an identifier allocates nothing beyond a table slot the first
//! time it is seen.

use ahash::AHashMap;

/// An interned identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

/// Maps identifier text to symbols and back.
#[derive(Default)]
pub struct Interner<'a> {
    map: AHashMap<&'a str, Symbol>,
    names: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    pub fn new() -> Self {
        Interner { map: AHashMap::with_capacity(256), names: Vec::with_capacity(256) }
    }

    /// The symbol for `name`, creating it on first sight.
    #[inline]
    pub fn intern(&mut self, name: &'a str) -> Symbol {
        if let Some(&sym) = self.map.get(name) {
            return sym;
        }
        let sym = Symbol(self.names.len() as u32);
        self.names.push(name);
        self.map.insert(name, sym);
        sym
    }

    /// The symbol for `name` if it was interned.
    pub fn lookup(&self, name: &str) -> Option<Symbol> {
        self.map.get(name).copied()
    }

    /// The text of `sym`.
    #[inline]
    pub fn resolve(&self, sym: Symbol) -> &'a str {
        self.names[sym.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_idempotent() {
        let mut i = Interner::new();
        let a = i.intern("spam");
        let b = i.intern("eggs");
        assert_ne!(a, b);
        assert_eq!(i.intern("spam"), a);
        assert_eq!(i.resolve(b), "eggs");
        assert_eq!(i.lookup("eggs"), Some(b));
        assert_eq!(i.lookup("ham"), None);
        assert_eq!(i.len(), 2);
    }
}
