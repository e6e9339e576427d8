//! CPython's 64-bit hashes of int, float and tuple (Python/pyhash.c, Objects/longobject.c, Objects/tupleobject.c).

// Numeric hashes are "reduce modulo the Mersenne prime P = 2**61 - 1", so
// that `hash(1) == hash(1.0) == hash(Fraction(1))`: a rational m/n hashes
// as `m * n**-1 mod P`, with the sign of the number applied afterwards, and
// -1 (the C API's error value) replaced by -2.

use num_bigint::{BigInt, BigUint};
use num_traits::{Signed, ToPrimitive};

/// `_PyHASH_MODULUS`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `_PyHASH_BITS`.
const HASH_BITS: u32 = 61;
/// `_PyHASH_INF`: `hash(float('inf'))`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314159;

/// -1 is reserved for "error" in the C API, so every hash avoids it.
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(v)` for an int that fits in 64 bits.
pub fn hash_i64(v: i64) -> i64 {
    let reduced = (v.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if v < 0 { -reduced } else { reduced })
}

/// `hash(v)` for any int (`long_hash`): `sign(v) * (|v| mod P)`.
pub fn hash_bigint(v: &BigInt) -> i64 {
    if let Some(small) = v.to_i64() {
        return hash_i64(small);
    }
    let reduced = (v.magnitude() % BigUint::from(HASH_MODULUS))
        .to_i64()
        .unwrap_or(0);
    fix_minus_one(if v.is_negative() { -reduced } else { reduced })
}

/// `_Py_HashPointer`: the identity hash, the address rotated right by four
/// bits (object addresses are 16-byte aligned, so the low bits carry no
/// information).  This is what a nan hashes to since CPython 3.10.
pub fn hash_pointer(identity: usize) -> i64 {
    fix_minus_one(identity.rotate_right(4) as i64)
}

/// `_Py_HashDouble`: integral floats hash like the equal int, +-inf hash to
/// +-314159, and a nan hashes by the identity of the float object holding
/// it (pass that object's id as `identity`; it is ignored otherwise).
pub fn hash_f64(v: f64, identity: usize) -> i64 {
    if v.is_nan() {
        return hash_pointer(identity);
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    // |v| = mantissa * 2**exp exactly.
    let bits = v.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // 2**61 == 1 (mod P), so multiplying by 2**exp is a rotation of the
    // 61-bit residue by exp mod 61 (a negative exp is the inverse rotation).
    let shift = exp.rem_euclid(i64::from(HASH_BITS)) as u32;
    let m = u128::from(mantissa % HASH_MODULUS);
    let reduced = ((m << shift) % u128::from(HASH_MODULUS)) as i64;
    fix_minus_one(if v < 0.0 { -reduced } else { reduced })
}

// The xxHash64-derived constants of tupleobject.c (64-bit builds).
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `tuplehash` (CPython >= 3.8): an xxHash-like mix of the item hashes.
/// `items` are the already computed `hash()` of each element (never -1).
/// A final value of -1 becomes 1546275796, not -2: that is CPython's choice.
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &item in items {
        acc = acc.wrapping_add((item as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // The length is mixed in, offset so that hash(()) kept its pre-3.8 value.
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn ints() {
        // python3 -c 'print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61-1), hash(2**61), hash(2**61-2), hash(-(2**61)), hash(2**63-1), hash(-2**63))'
        // -> 0 1 -2 -2 0 1 2305843009213693950 -2 3 -4
        let cases: &[(i64, i64)] = &[
            (0, 0),
            (1, 1),
            (-1, -2),
            (-2, -2),
            ((1 << 61) - 1, 0),
            (1 << 61, 1),
            ((1 << 61) - 2, 2305843009213693950),
            (-(1 << 61), -2),
            (i64::MAX, 3),
            (i64::MIN, -4),
        ];
        for &(v, want) in cases {
            assert_eq!(hash_i64(v), want, "hash({v})");
            assert_eq!(hash_bigint(&BigInt::from(v)), want, "hash({v}) big");
        }
    }

    #[test]
    fn bigints() {
        // python3 -c 'for v in ["-2**100", "10**30", "2**64", "-(2**64)", "3**200", "2**122-2", "-(2**61-1)*5-1", "2**61*7-1", "-(2**200)"]: x = eval(v); print(x, hash(x))'
        let cases: &[(&str, i64)] = &[
            ("-1267650600228229401496703205376", -549755813888),
            ("1000000000000000000000000000000", 465258685558744706),
            ("18446744073709551616", 8),
            ("-18446744073709551616", -8),
            (
                "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001",
                424410663027747676,
            ),
            ("5316911983139663491615228241121378302", 2305843009213693950),
            ("-11529215046068469756", -2),
            ("16140901064495857663", 6),
            (
                "-1606938044258990275541962092341162602522202993782792835301376",
                -131072,
            ),
        ];
        for &(v, want) in cases {
            assert_eq!(hash_bigint(&big(v)), want, "hash({v})");
        }
    }

    #[test]
    fn floats() {
        // python3 -c 'for v in [0.0, -0.0, 1.5, -1.5, 1e300, 2.0**70, 0.1, -1.0, 5e-324, 1.7976931348623157e308, float("inf"), float("-inf"), 2.0**61, -2.5e-10, 1e30, 2.0**-61, -(2.0**60)*3]: print(repr(v), hash(v))'
        let cases: &[(f64, i64)] = &[
            (0.0, 0),
            (-0.0, 0),
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (1e300, 1224995262755759164),
            (2f64.powi(70), 512),
            (0.1, 230584300921369408),
            (-1.0, -2),
            (5e-324, 16777216),
            (f64::MAX, 2234066890152476671),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (2f64.powi(61), 1),
            (-2.5e-10, -699647011998930896),
            (1e30, 465278570183583362),
            (2f64.powi(-61), 1),
            (-(2f64.powi(60)) * 3.0, -1152921504606846977),
        ];
        for &(v, want) in cases {
            assert_eq!(hash_f64(v, 0), want, "hash({v:?})");
        }
        // An integral float hashes like the equal int:
        // python3 -c 'print(int(1e30))' -> 1000000000000000019884624838656
        assert_eq!(
            hash_f64(1e30, 0),
            hash_bigint(&big("1000000000000000019884624838656"))
        );
        // nan hashes by identity:
        // python3 -c 'x = float("nan"); print(hash(x) == (id(x) >> 4) | ((id(x) << 60) & (2**64-1)))' -> True
        assert_eq!(hash_f64(f64::NAN, 0x7f3a_1c2b_5e40), 0x7f3_a1c2_b5e4);
        assert_eq!(hash_pointer(0x18), 0x8000_0000_0000_0001u64 as i64);
    }

    #[test]
    fn tuples() {
        // python3 -c 'print(hash(()), hash((1,)), hash((1,2)), hash(((1,2),3)), hash((1.5,-1)), hash((0,0)), hash((-1,)), hash((1,2,3,4,5)))'
        // -> 5740354900026072187 -6644214454873602895 -3550055125485641917 -333907151259015829 -9002791676578425913 -8458139203682520985 8078679518589016365 -5659871693760987716
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1]), -6644214454873602895);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        let inner = hash_tuple(&[1, 2]);
        assert_eq!(hash_tuple(&[inner, 3]), -333907151259015829);
        assert_eq!(
            hash_tuple(&[hash_f64(1.5, 0), hash_i64(-1)]),
            -9002791676578425913
        );
        assert_eq!(hash_tuple(&[0, 0]), -8458139203682520985);
        assert_eq!(hash_tuple(&[hash_i64(-1)]), 8078679518589016365);
        assert_eq!(hash_tuple(&[1, 2, 3, 4, 5]), -5659871693760987716);
    }
}
