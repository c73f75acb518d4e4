//! Substring search on UTF-8 bytes, as CPython's `stringlib/fastsearch.h`
//! does it for its own string kinds: one-byte needles with `memchr`, short
//! haystacks by scanning for the needle's first byte, long ones with
//! `memchr::memmem` (SIMD). The standard library's `str::find(&str)` builds
//! a Two-Way searcher on every call, which dominated short searches such as
//! `"a|b|c".split("|")` or `"x" in "+-*/"`.
//!
//! Byte offsets are returned. A match of a valid UTF-8 needle in valid UTF-8
//! text always starts and ends on character boundaries (UTF-8 is
//! self-synchronizing), so the offsets can slice the `&str`.

use memchr::{memchr, memchr_iter, memmem, memrchr};

/// Haystacks shorter than this are searched by first byte, without
/// building a `memmem` searcher.
const SHORT: usize = 64;

/// The byte offset of the first `needle` in `hay` (`Some(0)` for an empty
/// needle).
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// Below this length a plain loop finds a byte faster than calling
/// `memchr`.
const TINY: usize = 16;

fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    match n.len() {
        0 => Some(0),
        1 if h.len() < TINY => h.iter().position(|&b| b == n[0]),
        1 => memchr(n[0], h),
        m if m > h.len() => None,
        m if h.len() < SHORT => {
            let last = h.len() - m;
            (0..=last).find(|&i| h[i] == n[0] && &h[i..i + m] == n)
        }
        _ => memmem::find(h, n),
    }
}

/// The byte offset of the last `needle` in `hay` (`Some(hay.len())` for an
/// empty needle).
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n.len() {
        0 => Some(h.len()),
        1 => memrchr(n[0], h),
        m if m > h.len() => None,
        m if h.len() < SHORT => {
            let last = h.len() - m;
            (0..=last).rev().find(|&i| h[i] == n[0] && &h[i..i + m] == n)
        }
        _ => memmem::rfind(h, n),
    }
}

/// Non-overlapping matches of a non-empty `needle`, left to right: the
/// byte offset of each.
pub struct Matches<'a> {
    hay: &'a [u8],
    needle: &'a [u8],
    pos: usize,
    /// A searcher for a long text (boxed: it is large, and `Matches` is
    /// moved around by iterator adapters).
    finder: Option<Box<memmem::Finder<'a>>>,
    /// A one-byte needle in a long text: one `memchr` iterator.
    bytes: Option<memchr::Memchr<'a>>,
}

impl<'a> Matches<'a> {
    pub fn new(hay: &'a str, needle: &'a str) -> Matches<'a> {
        debug_assert!(!needle.is_empty());
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        // A searcher pays off when the text is long and the needle is more
        // than one byte.
        let finder = (n.len() > 1 && h.len() >= SHORT).then(|| Box::new(memmem::Finder::new(n)));
        let bytes = (n.len() == 1 && h.len() >= SHORT).then(|| memchr_iter(n[0], h));
        Matches { hay: h, needle: n, pos: 0, finder, bytes }
    }
}

impl Iterator for Matches<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if let Some(it) = &mut self.bytes {
            return it.next();
        }
        let rest = self.hay.get(self.pos..)?;
        let found = match &self.finder {
            Some(f) => f.find(rest),
            None if self.needle.len() == 1 => rest.iter().position(|&b| b == self.needle[0]),
            None => find_bytes(rest, self.needle),
        };
        match found {
            Some(i) => {
                let at = self.pos + i;
                self.pos = at + self.needle.len();
                Some(at)
            }
            None => {
                self.pos = self.hay.len() + 1;
                None
            }
        }
    }
}

/// The number of non-overlapping `needle`s (non-empty) in `hay`, at most
/// `max`.
pub fn count(hay: &str, needle: &str, max: usize) -> usize {
    if needle.len() == 1 {
        let c = needle.as_bytes()[0];
        if max == usize::MAX {
            // A loop the compiler vectorizes.
            return hay.bytes().filter(|&b| b == c).count();
        }
        return memchr::memchr_iter(c, hay.as_bytes()).take(max).count();
    }
    Matches::new(hay, needle).take(max).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        let long = "ab".repeat(100) + "needle" + &"xy".repeat(50) + "needle";
        let hays = ["", "a", "abc", "a|b|c", "||", "héllo wörld", &long, "aaaa", "ababab"];
        let needles = ["", "a", "|", "ab", "aa", "needle", "ö", "wörld", "zz", "abab"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "find {h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "rfind {h:?} {n:?}");
                if !n.is_empty() {
                    let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
                    let ours: Vec<usize> = Matches::new(h, n).collect();
                    assert_eq!(ours, std, "matches {h:?} {n:?}");
                    assert_eq!(count(h, n, usize::MAX), std.len());
                    assert_eq!(count(h, n, 1), std.len().min(1));
                }
            }
        }
    }
}
