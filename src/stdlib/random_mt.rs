//! CPython-compatible Mersenne Twister and the `random` module's algorithms
//! (Lib/random.py, Modules/_randommodule.c).
//!
//! Every public method consumes generator output in exactly the order CPython
//! 3.12 does, so a given seed yields the same values bit for bit. Where 3.11
//! and 3.12 differ (only `randrange`'s error messages), 3.12 is followed.

use std::collections::HashSet;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `random.Random.VERSION`: the first element of the tuple `getstate()` returns.
pub const STATE_VERSION: i64 = 3;

/// `NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)` from Lib/random.py. Spelled as
/// bits (read from CPython) so that compile-time folding of `exp` can never
/// make it differ from the value CPython computes at import time.
const NV_MAGICCONST: f64 = f64::from_bits(0x3ffb_72cd_3f33_1398);
/// `TWOPI = 2.0 * pi`, exact.
const TWOPI: f64 = 2.0 * std::f64::consts::PI;
/// `math.log(4)` as used by `sample`'s `_log(k * 3, 4)`: glibc's `log(4.0)` is
/// correctly rounded, which is exactly twice the correctly rounded ln 2.
const LN_4: f64 = 2.0 * std::f64::consts::LN_2;

/// The Python exception class a failed call maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// The variants are the names of Python exception classes.
#[allow(clippy::enum_variant_names)]
pub enum RandomErrorKind {
    ValueError,
    IndexError,
    TypeError,
    /// `expovariate(0.0)`.
    ZeroDivisionError,
    /// `getrandbits(k)` with `k` outside C `int` (only from `getrandbits_checked`).
    OverflowError,
}

/// A Python exception: its class and CPython 3.12's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomError {
    pub kind: RandomErrorKind,
    pub message: String,
}

impl RandomError {
    fn new(kind: RandomErrorKind, message: impl Into<String>) -> Self {
        RandomError {
            kind,
            message: message.into(),
        }
    }
    fn value(message: impl Into<String>) -> Self {
        Self::new(RandomErrorKind::ValueError, message)
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for RandomError {}

/// Running float sum, as `list(itertools.accumulate(weights))` gives for float
/// weights; feed the result to [`MersenneTwister::choices_indices`]. (Python
/// sums int weights exactly; callers with ints above 2**53 should sum them as
/// ints before converting.)
pub fn accumulate_weights(weights: &[f64]) -> Vec<f64> {
    let mut total = 0.0;
    let mut out = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        // accumulate() starts from the first element itself, not 0 + w, which
        // matters only for -0.0.
        total = if i == 0 { w } else { total + w };
        out.push(total);
    }
    out
}

/// MT19937 state plus `Random.gauss_next`, the state `random.Random` keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct MersenneTwister {
    state: [u32; N],
    /// CPython's `mti`: the next word to hand out; `N` means "twist first".
    index: usize,
    gauss_next: Option<f64>,
}

impl MersenneTwister {
    /// A generator seeded by `init_by_array(key)`. CPython never passes an
    /// empty key (`random_seed` always uses at least one word), so an empty key
    /// is treated as `[0]`, which is what `seed(0)` uses.
    pub fn from_u32_key(key: &[u32]) -> Self {
        let mut mt = MersenneTwister {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.seed_u32_key(key);
        mt
    }

    /// Reseed in place with `init_by_array(key)` and clear `gauss_next`, as
    /// `Random.seed` does after the C-level seeding.
    pub fn seed_u32_key(&mut self, key: &[u32]) {
        if key.is_empty() {
            self.init_by_array(&[0]);
        } else {
            self.init_by_array(key);
        }
        self.gauss_next = None;
    }

    /// `random.seed(n)` for an int: `random_seed` takes `abs(n)` and splits it
    /// into 32-bit words, least significant first (`_PyLong_AsByteArray`
    /// little-endian), with `[0]` for zero.
    pub fn seed_int(&mut self, n: &BigInt) {
        self.seed_biguint(n.magnitude());
    }

    /// `random.seed(a)` for str (UTF-8 encode it first), bytes or bytearray,
    /// version 2: `int.from_bytes(a + sha512(a).digest(), 'big')`.
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut buf = Vec::with_capacity(b.len() + 64);
        buf.extend_from_slice(b);
        buf.extend_from_slice(&Sha512::digest(b));
        self.seed_biguint(&BigUint::from_bytes_be(&buf));
    }

    /// `random.seed(x)` for a float, given `hash(x)`. `random_seed` converts
    /// the hash with `PyLong_FromSize_t((size_t)hash)`: a negative hash is
    /// reinterpreted as unsigned (2**64 + hash), *not* negated, so
    /// `seed(-3.5)` differs from `seed(3.5)`.
    pub fn seed_float_hash(&mut self, hash: i64) {
        self.seed_biguint(&BigUint::from(hash as u64));
    }

    /// `random.seed()` / `seed(None)`: `random_seed_urandom` fills all 624
    /// key words from the OS. If /dev/urandom is unreadable, falls back (like
    /// `random_seed_time_pid`) to the clock and process id.
    pub fn seed_from_os_entropy(&mut self) {
        use std::io::Read;
        let mut bytes = [0u8; N * 4];
        let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
        if read.is_ok() {
            let key: Vec<u32> = bytes
                .chunks_exact(4)
                .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            self.seed_u32_key(&key);
        } else {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let secs = now.as_secs();
            let key = [
                secs as u32,
                (secs >> 32) as u32,
                now.subsec_nanos(),
                std::process::id(),
            ];
            self.seed_u32_key(&key);
        }
    }

    fn seed_biguint(&mut self, n: &BigUint) {
        // to_u32_digits is little-endian with no high zero words, which is
        // exactly `keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1` words.
        self.seed_u32_key(&n.to_u32_digits());
    }

    /// `init_genrand`: the reference MT19937 linear seeding.
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: the reference MT19937 array seeding (key non-empty).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The MSB is 1, assuring a non-zero initial array.
        mt[0] = 0x8000_0000;
    }

    /// Regenerate all N words at once (the three loops of `genrand_uint32`
    /// folded into one: indices wrap modulo N and earlier words are already
    /// updated, exactly as in the reference code).
    fn twist(&mut self) {
        let mt = &mut self.state;
        for kk in 0..N {
            let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// `genrand_uint32`: the next tempered 32-bit output.
    pub fn genrand_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_random`: 27 high bits then 26 high bits of two words, giving a
    /// 53-bit float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k >= 0`. `_random_Random_getrandbits_impl` fills
    /// 32-bit words least significant first; only the last (most significant)
    /// word is shifted right to drop its surplus bits. `k == 0` draws nothing.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 64 {
            return BigInt::from(self.getrandbits_u64(k as u32));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut remaining = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            digits.push(r);
            remaining = remaining.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
    }

    /// `getrandbits(k)` taking the Python int argument, with the errors
    /// 3.12's Argument Clinic `int k` conversion and the method raise.
    pub fn getrandbits_checked(&mut self, k: &BigInt) -> Result<BigInt, RandomError> {
        match k.to_i32() {
            Some(k) if k < 0 => Err(RandomError::value("number of bits must be non-negative")),
            Some(k) => Ok(self.getrandbits(k as u64)),
            None => Err(RandomError::new(
                RandomErrorKind::OverflowError,
                "Python int too large to convert to C int",
            )),
        }
    }

    /// Same draws and result as `getrandbits(k)` for `k <= 64`.
    ///
    /// # Panics
    /// If `k > 64`.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits_u64 supports at most 64 bits");
        match k {
            0 => 0,
            1..=32 => u64::from(self.genrand_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.genrand_u32());
                let high = u64::from(self.genrand_u32() >> (64 - k));
                (high << 32) | low
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)`: `getrandbits(n.bit_length())` until
    /// the draw is below `n`. CPython loops forever for `n == 0`; here any
    /// `n <= 0` returns 0 without drawing (no caller in this module passes it).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// Fast path of [`Self::randbelow`], same draws and results; 0 for `n == 0`.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = u64::BITS - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(start)` (`stop == None`) or `randrange(start, stop[, step])`.
    ///
    /// Pass `step = 1` when Python's call omitted it: CPython tests the
    /// default by identity (`step is not _ONE`), which an int cannot express;
    /// `randrange(5, None, 1)` behaves the same in CPython anyway because small
    /// ints are cached. Messages print the arguments as ints (3.12 prints
    /// `str()` of the original objects, which differs only for bools and
    /// `__index__` objects). 3.11's messages differ; these are 3.12's.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, RandomError> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RandomError::new(
                    RandomErrorKind::TypeError,
                    "Missing a non-None stop argument",
                ));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(RandomError::value(format!(
                "empty range in randrange({start}, {stop})"
            )));
        }
        // Number of items in range(start, stop, step), by floor division.
        let n = if step.is_positive() {
            (&width + step - 1u32).div_floor(step)
        } else if step.is_negative() {
            (&width + step + 1u32).div_floor(step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(RandomError::value(format!(
                "empty range in randrange({start}, {stop}, {step})"
            )));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randint(a, b)` is `randrange(a, b + 1)`, so its error names `b + 1`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    /// The index `choice(seq)` picks from a sequence of length `len`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::new(
                RandomErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `shuffle(x)`: `for i in reversed(range(1, len(x)))` swap `x[i]` with
    /// `x[_randbelow(i + 1)]`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// The indices `sample(population, k)` picks, in selection order. Like
    /// `Random.sample`, it uses a pool (partial Fisher-Yates) when the
    /// population is no bigger than the memory a set of `k` ints would take
    /// (`setsize`), and otherwise redraws indices already in a set. A negative
    /// Python `k` must be reported by the caller with the same ValueError.
    /// (`counts=` is `sample(range(total), k)` then a bisect, done by callers.)
    pub fn sample_indices(
        &mut self,
        population_len: usize,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let n = population_len;
        if k > n {
            return Err(RandomError::value(
                "Sample larger than population or is negative",
            ));
        }
        let mut setsize: u128 = 21; // size of a small set minus size of an empty list
        if k > 5 {
            // 4 ** _ceil(_log(k * 3, 4)): math.log of an int converts it to
            // float first, then divides by log(4).
            let exponent = (((k as u128) * 3) as f64).ln() / LN_4;
            let exponent = exponent.ceil() as u32;
            setsize = setsize.saturating_add(4u128.checked_pow(exponent).unwrap_or(u128::MAX));
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1]; // move non-selected item into vacancy
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while !selected.insert(j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`. `random()` is drawn before anything else;
    /// a zero-width range with an explicit mode is CPython's caught
    /// ZeroDivisionError and returns `low`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(mode) => {
                let width = high - low;
                if width == 0.0 {
                    return low;
                }
                (mode - low) / width
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        // u * c is never negative here, so math.sqrt cannot raise.
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)`: Box-Muller, returning the cosine half and caching
    /// the sine half in `gauss_next` for the next call (taken even if that call
    /// has different `mu`/`sigma`, as in CPython).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `expovariate(lambd)` exactly: for `lambd == 0.0` CPython draws
    /// `random()` and then raises ZeroDivisionError("float division by zero").
    pub fn try_expovariate(&mut self, lambd: f64) -> Result<f64, RandomError> {
        let x = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return Err(RandomError::new(
                RandomErrorKind::ZeroDivisionError,
                "float division by zero",
            ));
        }
        Ok(x / lambd)
    }

    /// The indices `choices(population, cum_weights=..., k=k)` picks. Without
    /// weights each is `floor(random() * float(n))`; with cumulative weights
    /// it is `bisect(cum_weights, random() * total, 0, n - 1)`. For `weights=`
    /// pass [`accumulate_weights`] of them. The error for passing both
    /// `weights` and `cum_weights` (a TypeError) is the caller's. The
    /// IndexError for an empty population says "list index out of range", as
    /// for a list; a range or tuple population words it after its own type.
    pub fn choices_indices(
        &mut self,
        population_len: usize,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let n = population_len;
        let index_error =
            || RandomError::new(RandomErrorKind::IndexError, "list index out of range");
        let Some(cum) = cum_weights else {
            let nf = n as f64;
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                // random() < 1 means the product never rounds up to n.
                let i = (self.random() * nf).floor() as usize;
                if i >= n {
                    // Only for an empty population: population[0] fails after
                    // one random() has been drawn.
                    return Err(index_error());
                }
                out.push(i);
            }
            return Ok(out);
        };
        if cum.len() != n {
            return Err(RandomError::value(
                "The number of weights does not match the population",
            ));
        }
        // `cum_weights[-1]` on an empty list.
        let total = *cum.last().ok_or_else(index_error)? + 0.0;
        if total <= 0.0 {
            return Err(RandomError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RandomError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| bisect_right(cum, self.random() * total, hi))
            .collect())
    }

    /// `getstate()` without the version: the 624 words, the index (`mti`,
    /// 0..=624) and `gauss_next`; Python's tuple is
    /// `(STATE_VERSION, (*words, index), gauss_next)`.
    pub fn getstate(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.state.to_vec(), self.index, self.gauss_next)
    }

    /// `setstate((3, (*words, index), gauss_next))`. `Random.setstate` assigns
    /// `gauss_next` before the C `random_setstate` validates the rest, so it
    /// sticks even when this fails; the words and index change only on
    /// success. Converting tuple items to u32/i64 (and version 2's
    /// `x % 2**32`) is the caller's.
    pub fn setstate(
        &mut self,
        words: &[u32],
        index: i64,
        gauss_next: Option<f64>,
    ) -> Result<(), RandomError> {
        self.gauss_next = gauss_next;
        if words.len() != N {
            return Err(RandomError::value("state vector is the wrong size"));
        }
        if !(0..=N as i64).contains(&index) {
            return Err(RandomError::value("invalid state"));
        }
        self.state.copy_from_slice(words);
        self.index = index as usize;
        Ok(())
    }
}

/// `bisect.bisect_right(a, x, 0, hi)`: Python compares with `x < a[mid]`, so a
/// NaN anywhere moves right, as here.
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

#[cfg(test)]
#[path = "random_mt_tests.rs"]
mod tests;
