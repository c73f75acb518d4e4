//! Floor division of big integers whose quotient fits a machine word (the
//! `//` of pidigits-style spigots: two long numbers, a one-digit quotient).
//!
//! `num-bigint` divides two long numbers with Burnikel–Ziegler even when the
//! quotient is a single digit, copying and re-splitting the operands at each
//! level (about 300 instructions per limb). Here the quotient is estimated
//! from the top bits, checked with one multiply-subtract pass into a reused
//! scratch buffer and corrected; `//` then allocates nothing big, `%` builds
//! the remainder with two in-place `num-bigint` operations. Longer quotients
//! fall back to `num-bigint`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::ToPrimitive;
use std::cell::RefCell;
use std::cmp::Ordering;

thread_local! {
    static SCRATCH: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` with the (cleared) scratch limb buffer.
fn with_scratch<R>(f: impl FnOnce(&mut Vec<u64>) -> R) -> R {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut v) => {
            v.clear();
            f(&mut v)
        }
        Err(_) => f(&mut Vec::new()),
    })
}

fn nlimbs(x: &BigUint) -> usize {
    x.iter_u64_digits().len()
}

/// `floor(x / 2**s) mod 2**128`.
fn bits_from(x: &BigUint, s: u64) -> u128 {
    let (li, sh) = ((s / 64) as usize, (s % 64) as u32);
    let mut it = x.iter_u64_digits().skip(li);
    let l0 = it.next().unwrap_or(0) as u128;
    let l1 = it.next().unwrap_or(0) as u128;
    let l2 = it.next().unwrap_or(0) as u128;
    let lo = l0 | (l1 << 64);
    if sh == 0 {
        lo
    } else {
        (lo >> sh) | (l2 << (128 - sh))
    }
}

/// Compare limbs `a` (top zero limbs allowed) with `b`.
fn cmp_limbs(a: &[u64], b: &BigUint) -> Ordering {
    let len = a.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
    len.cmp(&nlimbs(b)).then_with(|| a[..len].iter().rev().copied().cmp(b.iter_u64_digits().rev()))
}

/// `a += b` in place (carry out returned).
fn add_in_place(a: &mut [u64], b: &BigUint) -> bool {
    let mut carry = false;
    let mut bi = b.iter_u64_digits();
    for o in a.iter_mut() {
        let y = bi.next().unwrap_or(0);
        let (s1, c1) = o.overflowing_add(y);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        carry = c1 | c2;
        *o = s2;
    }
    carry
}

/// `a -= b` in place, `a >= b`.
fn sub_in_place(a: &mut [u64], b: &BigUint) {
    let mut borrow = false;
    let mut bi = b.iter_u64_digits();
    for o in a.iter_mut() {
        let y = bi.next().unwrap_or(0);
        let (d1, o1) = o.overflowing_sub(y);
        let (d2, o2) = d1.overflowing_sub(borrow as u64);
        borrow = o1 | o2;
        *o = d2;
    }
}

/// Truncated `|a| // |b|` (`b != 0`) when the quotient has at most 62 bits:
/// the quotient is estimated from the top 128 bits of `a` and the top 64
/// bits of `b` (off by at most one or two), the remainder computed in one
/// multiply-subtract pass and the estimate corrected. Returns the quotient and
/// whether the remainder is non-zero; `None` for longer quotients.
fn div_short(a: &BigUint, b: &BigUint) -> Option<(u64, bool)> {
    let (ab, bb) = (a.bits(), b.bits());
    if ab < bb {
        return Some((0, ab != 0));
    }
    if ab - bb > 62 {
        return None;
    }
    if ab <= 128 {
        let (x, y) = (a.to_u128()?, b.to_u128()?);
        return Some(((x / y) as u64, x % y != 0));
    }
    // bb > 64 here: ab > 128 and ab - bb <= 62.
    let s = bb - 64;
    let at = bits_from(a, s);
    let bt = bits_from(b, s) as u64;
    let mut q = (at / bt as u128) as u64;
    with_scratch(|out| {
        out.reserve(nlimbs(a));
        let (mut mc, mut borrow) = (0u64, false);
        let mut bi = b.iter_u64_digits();
        for x in a.iter_u64_digits() {
            let p = bi.next().unwrap_or(0) as u128 * q as u128 + mc as u128;
            mc = (p >> 64) as u64;
            let (d1, o1) = x.overflowing_sub(p as u64);
            let (d2, o2) = d1.overflowing_sub(borrow as u64);
            borrow = o1 | o2;
            out.push(d2);
        }
        // The remainder is `out - ext_neg * 2**(64 n)`.
        let mut ext_neg = mc as u128 + borrow as u128;
        while ext_neg > 0 {
            q -= 1;
            if add_in_place(out, b) {
                ext_neg -= 1;
            }
        }
        while cmp_limbs(out, b) != Ordering::Less {
            sub_in_place(out, b);
            q += 1;
        }
        Some((q, out.iter().any(|&d| d != 0)))
    })
}

/// Python's floor division of big integers (`y != 0`).
pub fn floordiv(x: &BigInt, y: &BigInt) -> BigInt {
    let Some((q, rem)) = div_short(x.magnitude(), y.magnitude()) else {
        return x.div_floor(y);
    };
    if x.sign() == y.sign() || x.sign() == Sign::NoSign {
        BigInt::from(q)
    } else {
        // Opposite signs: the truncated quotient is -q; floor is one lower
        // when the division is inexact.
        -BigInt::from(q as u128 + rem as u128)
    }
}

/// Python's floor division and modulo of big integers (`y != 0`).
pub fn divmod_floor(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    let Some((q, rem)) = div_short(x.magnitude(), y.magnitude()) else {
        return x.div_mod_floor(y);
    };
    // Truncated remainder |x| - q |y|, signed like x.
    let mut t = y.magnitude().clone();
    t *= q;
    let mut r = x.magnitude().clone();
    r -= &t;
    let r = BigInt::from_biguint(x.sign(), r);
    if x.sign() == y.sign() || x.sign() == Sign::NoSign {
        (BigInt::from(q), r)
    } else if rem {
        (-BigInt::from(q as u128 + 1), r + y)
    } else {
        (-BigInt::from(q), r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{One, Zero};

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn kernels_match_num_bigint() {
        let mut vals = vec![
            BigInt::zero(),
            BigInt::one(),
            -BigInt::one(),
            BigInt::from(u64::MAX),
            -BigInt::from(u64::MAX),
            BigInt::from(u128::MAX),
            big("340282366920938463463374607431768211456"),
            big("-98765432109876543210987654321098765432109876543210"),
        ];
        let p = BigInt::from(3u32).pow(200);
        vals.push(p.clone());
        vals.push(-&p);
        vals.push(&p * 7u32 + 5u32);
        vals.push((BigInt::one() << 640u32) - 1u32);
        vals.push(BigInt::one() << 640u32);
        vals.push(-(BigInt::one() << 700u32) + 12345u32);
        for x in &vals {
            for y in &vals {
                if !y.is_zero() {
                    assert_eq!(divmod_floor(x, y), x.div_mod_floor(y), "{x} divmod {y}");
                    assert_eq!(floordiv(x, y), x.div_floor(y), "{x} // {y}");
                    for k in [1u32, 2, 3, 10, 1 << 20] {
                        let z = y * k + 1u32;
                        assert_eq!(divmod_floor(&(x * &z), y), (x * &z).div_mod_floor(y));
                        assert_eq!(floordiv(&(-(x * &z)), y), (-(x * &z)).div_floor(y));
                        assert_eq!(divmod_floor(&(-(y * k)), y), (-(y * k)).div_mod_floor(y));
                        assert_eq!(divmod_floor(&(y * k), y), (y * k).div_mod_floor(y));
                        assert_eq!(
                            divmod_floor(&(y * k - 1u32), y),
                            (y * k - 1u32).div_mod_floor(y)
                        );
                    }
                }
            }
        }
    }
}
