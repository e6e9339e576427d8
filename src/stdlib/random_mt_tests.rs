//! Expected values were produced by CPython; each test names the command.
//! Every command printed the same under 3.11.7 (`python3`) and 3.12.1
//! (`~/.pyenv/versions/3.12.1/bin/python3`) except where noted.

use super::*;
use sha2::Sha256;

fn int(s: &str) -> BigInt {
    s.parse().unwrap()
}

fn big(n: i128) -> BigInt {
    BigInt::from(n)
}

fn pow2(k: u32) -> BigInt {
    BigInt::one() << k
}

fn seeded(n: i128) -> MersenneTwister {
    let mut mt = MersenneTwister::from_u32_key(&[0xdead_beef]);
    mt.seed_int(&big(n));
    mt
}

/// Bit-exact float comparison (the literals are CPython's round-tripping repr).
#[track_caller]
fn assert_floats(got: &[f64], want: &[f64]) {
    let g: Vec<u64> = got.iter().map(|x| x.to_bits()).collect();
    let w: Vec<u64> = want.iter().map(|x| x.to_bits()).collect();
    assert_eq!(g, w, "got {got:?}, want {want:?}");
}

fn randoms(mt: &mut MersenneTwister, n: usize) -> Vec<f64> {
    (0..n).map(|_| mt.random()).collect()
}

/// `hashlib.sha256(",".join(map(str, x)).encode()).hexdigest()`
fn digest(x: &[usize]) -> String {
    let text: Vec<String> = x.iter().map(|v| v.to_string()).collect();
    Sha256::digest(text.join(",").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[track_caller]
fn assert_err<T: fmt::Debug>(r: Result<T, RandomError>, kind: RandomErrorKind, message: &str) {
    assert_eq!(r.unwrap_err(), RandomError::new(kind, message));
}

#[test]
fn seed_int_variants() {
    // python3 -c 'import random; random.seed(0); print([random.random() for _ in range(3)])'
    assert_floats(
        &randoms(&mut seeded(0), 3),
        &[0.8444218515250481, 0.7579544029403025, 0.420571580830845],
    );
    // python3 -c 'import random; random.seed(42); print([random.random() for _ in range(5)])'
    let want42 = [
        0.6394267984578837,
        0.025010755222666936,
        0.27502931836911926,
        0.22321073814882275,
        0.7364712141640124,
    ];
    assert_floats(&randoms(&mut seeded(42), 5), &want42);
    // python3 -c 'import random; random.seed(2**100+7); print([random.random() for _ in range(3)])'
    let mut mt = seeded(0);
    mt.seed_int(&(pow2(100) + 7));
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.41604161323913513, 0.32676498245430574, 0.5566705938449678],
    );
    // python3 -c 'import random; random.seed(-5); print([random.random() for _ in range(3)])'
    // (seed(5) prints the same)
    let want5 = [0.6229016948897019, 0.7417869892607294, 0.7951935655656966];
    assert_floats(&randoms(&mut seeded(-5), 3), &want5);
    assert_floats(&randoms(&mut seeded(5), 3), &want5);
    // python3 -c 'import random; random.seed(2**32); print([random.random() for _ in range(3)])'
    assert_floats(
        &randoms(&mut seeded(1 << 32), 3),
        &[0.11299430095636409, 0.41782886486292836, 0.0166763664992291],
    );
    // seed(2**32) is the two-word key [0, 1].
    let mut mt = MersenneTwister::from_u32_key(&[0, 1]);
    assert_eq!(mt.random().to_bits(), 0.11299430095636409f64.to_bits());
    // An empty key is treated like seed(0).
    assert_eq!(MersenneTwister::from_u32_key(&[]), seeded(0));
}

#[test]
fn genrand_u32_is_getrandbits_32() {
    // python3 -c 'import random; random.seed(42); print([random.getrandbits(32) for _ in range(5)])'
    let mut mt = seeded(42);
    let got: Vec<u32> = (0..5).map(|_| mt.genrand_u32()).collect();
    assert_eq!(
        got,
        [2746317213, 478163327, 107420369, 3184935163, 1181241943]
    );
}

#[test]
fn seed_bytes_and_str() {
    let mut mt = seeded(0);
    // python3 -c 'import random; random.seed("hello"); print([random.random() for _ in range(3)])'
    mt.seed_bytes(b"hello");
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.3537754404730722, 0.6631985810268619, 0.5476053663383964],
    );
    // python3 -c 'import random; random.seed(b"abc"); print([random.random() for _ in range(3)])'
    mt.seed_bytes(b"abc");
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.7720246314157545, 0.5581691373899791, 0.7095325359498886],
    );
    // python3 -c 'import random; random.seed(b""); print([random.random() for _ in range(3)])'
    mt.seed_bytes(b"");
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.9602256525641875, 0.595411957851699, 0.3880117152955401],
    );
    // python3 -c 'import random; random.seed("héllo ✓"); print([random.random() for _ in range(3)])'
    mt.seed_bytes("héllo ✓".as_bytes());
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.5592754137226804, 0.16962911506618839, 0.5818399129795992],
    );
}

#[test]
fn seed_float_uses_unsigned_hash() {
    let mut mt = seeded(0);
    // python3 -c 'import random; random.seed(3.5); print(hash(3.5), [random.random() for _ in range(3)])'
    // -> 1152921504606846979 [...]
    mt.seed_float_hash(1152921504606846979);
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.3039190124834461, 0.23014450764056538, 0.9120431245165537],
    );
    // python3 -c 'import random; random.seed(-3.5); print(hash(-3.5), [random.random() for _ in range(3)])'
    // -> -1152921504606846979 [...]: not the same as seed(3.5), because the
    // hash is cast to size_t rather than negated.
    mt.seed_float_hash(-1152921504606846979);
    assert_floats(
        &randoms(&mut mt, 3),
        &[0.4125139924995227, 0.9438666893960546, 0.5996012376791487],
    );
}

#[test]
fn getrandbits_sizes() {
    // python3 -c 'import random; random.seed(42); print([random.getrandbits(k) for k in (0, 1, 31, 32, 33, 64, 100, 1000)])'
    let want = [
        "0",
        "1",
        "239081663",
        "107420369",
        "3184935163",
        "4117511471858006928",
        "800402129360547565400942494185",
        "7457015953378763802413959751031804000916776212369606495435802671252786890741058315189638100583370909922251803578303552338187871276241562076179815141266737053030709746101303541221612748706397540380389326191203290453519385694597086199827560286107087836713502873182858429006147210892559577782140779914931",
    ];
    let ks = [0u64, 1, 31, 32, 33, 64, 100, 1000];
    let mut mt = seeded(42);
    let got: Vec<BigInt> = ks.iter().map(|&k| mt.getrandbits(k)).collect();
    assert_eq!(got, want.map(int));
    // The u64 fast path makes identical draws.
    let mut mt = seeded(42);
    for (&k, w) in ks.iter().zip(want) {
        if k <= 64 {
            assert_eq!(BigInt::from(mt.getrandbits_u64(k as u32)), int(w));
        } else {
            mt.getrandbits(k);
        }
    }
    assert_eq!(mt, {
        let mut other = seeded(42);
        ks.iter().for_each(|&k| drop(other.getrandbits(k)));
        other
    });
}

#[test]
fn getrandbits_checked_errors() {
    // ~/.pyenv/versions/3.12.1/bin/python3 -c 'import random; random.getrandbits(-1)'
    // (and with -2**31, 2**31, -2**31-1)
    let mut mt = seeded(42);
    let value = RandomErrorKind::ValueError;
    let overflow = RandomErrorKind::OverflowError;
    assert_err(
        mt.getrandbits_checked(&big(-1)),
        value,
        "number of bits must be non-negative",
    );
    assert_err(
        mt.getrandbits_checked(&big(-(1 << 31))),
        value,
        "number of bits must be non-negative",
    );
    let too_big = "Python int too large to convert to C int";
    assert_err(mt.getrandbits_checked(&big(1 << 31)), overflow, too_big);
    assert_err(
        mt.getrandbits_checked(&big(-(1 << 31) - 1)),
        overflow,
        too_big,
    );
    assert_eq!(mt.getrandbits_checked(&big(32)).unwrap(), big(2746317213));
}

#[test]
fn randrange_steps_and_big_bounds() {
    // python3 -c 'import random; random.seed(1); print([random.randrange(10), random.randrange(3, 100, 7), random.randrange(100, 3, -7), random.randrange(-50, 50, 3), random.randrange(-10, -100, -9), random.randrange(2**100), random.randrange(-2**80, 2**90, 12345), random.randrange(0, 2**64 + 1), random.randrange(2**64), random.randrange(-5, 5), random.randrange(10**30, -10**30, -3**40)])'
    let mut mt = seeded(1);
    let one = BigInt::one();
    let mut rr =
        |a: BigInt, b: Option<BigInt>, s: BigInt| mt.randrange(&a, b.as_ref(), &s).unwrap();
    let e30 = big(10).pow(30u32);
    let got = vec![
        rr(big(10), None, one.clone()),
        rr(big(3), Some(big(100)), big(7)),
        rr(big(100), Some(big(3)), big(-7)),
        rr(big(-50), Some(big(50)), big(3)),
        rr(big(-10), Some(big(-100)), big(-9)),
        rr(pow2(100), None, one.clone()),
        rr(-pow2(80), Some(pow2(90)), big(12345)),
        rr(big(0), Some(pow2(64) + 1), one.clone()),
        rr(pow2(64), None, one.clone()),
        rr(big(-5), Some(big(5)), one.clone()),
        rr(e30.clone(), Some(-e30), -big(3).pow(40u32)),
    ];
    let want = [
        "2",
        "66",
        "9",
        "-38",
        "-46",
        "1169483931270079643063686261641",
        "706936656056270393548395929",
        "3872982626502034966",
        "7190703300742001586",
        "4",
        "89058132584072921536903425331",
    ];
    assert_eq!(got, want.map(int));
}

#[test]
fn randint_values() {
    // python3 -c 'import random; random.seed(2); print([random.randint(1, 6) for _ in range(10)], random.randint(-2**70, 2**70), random.randint(7, 7))'
    let mut mt = seeded(2);
    let dice: Vec<BigInt> = (0..10)
        .map(|_| mt.randint(&big(1), &big(6)).unwrap())
        .collect();
    assert_eq!(dice, [1, 1, 1, 3, 2, 6, 6, 3, 3, 5].map(big));
    assert_eq!(
        mt.randint(&-pow2(70), &pow2(70)).unwrap(),
        int("-1003377407701054916387")
    );
    assert_eq!(mt.randint(&big(7), &big(7)).unwrap(), big(7));
}

#[test]
fn choice_values() {
    // python3 -c 'import random; random.seed(3); print([random.choice(range(7)) for _ in range(10)], random.choice(range(10**6)), random.choice(range(2**40)))'
    let mut mt = seeded(3);
    let got: Vec<usize> = (0..10).map(|_| mt.choice_index(7).unwrap()).collect();
    assert_eq!(got, [1, 4, 4, 1, 2, 4, 3, 5, 4, 0]);
    assert_eq!(mt.choice_index(1_000_000).unwrap(), 635017);
    assert_eq!(mt.choice_index(1 << 40).unwrap(), 1034389053353);
}

#[test]
fn shuffle_values() {
    // python3 -c 'import random; random.seed(4); x = list(range(10)); random.shuffle(x); print(x)'
    let mut x: Vec<usize> = (0..10).collect();
    seeded(4).shuffle(&mut x);
    assert_eq!(x, [8, 2, 0, 7, 6, 9, 5, 1, 4, 3]);
    // python3 -c 'import random, hashlib; random.seed(4); x = list(range(1000)); random.shuffle(x); print(x[:8], hashlib.sha256(",".join(map(str, x)).encode()).hexdigest())'
    let mut x: Vec<usize> = (0..1000).collect();
    seeded(4).shuffle(&mut x);
    assert_eq!(x[..8], [456, 709, 673, 756, 600, 232, 288, 340]);
    assert_eq!(
        digest(&x),
        "bdd04f43e7fe9a39c9b3707e8ef7ff2f74188e979a6bbfdf6dc0853d88a606ca"
    );
    // Empty and single-item shuffles draw nothing.
    let mut mt = seeded(4);
    mt.shuffle::<u8>(&mut []);
    mt.shuffle(&mut [1]);
    assert_eq!(mt, seeded(4));
}

#[test]
fn sample_set_and_pool_algorithms() {
    // python3 -c 'import random, hashlib; random.seed(5); a = random.sample(range(1000), 10); b = random.sample(range(20), 5); c = random.sample(range(100), 5); d = random.sample(range(100), 6); e = random.sample(range(1000), 990); print(a, b, c, d, e[:8], hashlib.sha256(",".join(map(str, e)).encode()).hexdigest())'
    let mut mt = seeded(5);
    let mut s = |n, k| mt.sample_indices(n, k).unwrap();
    assert_eq!(
        s(1000, 10),
        [637, 261, 759, 367, 814, 707, 965, 861, 757, 667]
    ); // set
    assert_eq!(s(20, 5), [16, 0, 14, 7, 1]); // pool: n <= 21
    assert_eq!(s(100, 5), [20, 14, 47, 60, 31]); // set
    assert_eq!(s(100, 6), [48, 69, 13, 73, 31, 1]); // set: setsize 21 + 4**3
    let e = s(1000, 990); // pool: setsize 21 + 4**6
    assert_eq!(e[..8], [748, 221, 417, 286, 186, 938, 888, 784]);
    assert_eq!(
        digest(&e),
        "8714fd4fc4cd56abba791670ee0e1cf658899c7741becc4cf3730019db3ab3cc"
    );
}

#[test]
fn sample_setsize_boundary() {
    // python3 -c 'import random; random.seed(5); print(random.sample(range(0), 0), random.sample(range(1), 1), random.sample(range(85), 10), random.sample(range(86), 10), random.sample(range(10**9), 4))'
    let mut mt = seeded(5);
    let mut s = |n, k| mt.sample_indices(n, k).unwrap();
    assert_eq!(s(0, 0), [0usize; 0]);
    assert_eq!(s(1, 1), [0]);
    assert_eq!(s(85, 10), [45, 83, 67, 3, 59, 31, 6, 20, 14, 47]); // pool
    assert_eq!(s(86, 10), [60, 31, 48, 69, 13, 73, 1, 27, 52, 35]); // set
    assert_eq!(
        s(1_000_000_000, 4),
        [195502252, 983918344, 931427111, 822191441]
    );
}

#[test]
fn uniform_values() {
    // python3 -c 'import random; random.seed(6); print([random.uniform(-3.0, 7.5) for _ in range(5)])'
    let mut mt = seeded(6);
    let got: Vec<f64> = (0..5).map(|_| mt.uniform(-3.0, 7.5)).collect();
    assert_floats(
        &got,
        &[
            5.330070879497461,
            5.630517444357132,
            2.0928635932749255,
            -0.2529744290810916,
            -2.9952569937067546,
        ],
    );
}

#[test]
fn gauss_caches_second_value() {
    // python3 -c 'import random; random.seed(7); g = [random.gauss(0.0, 1.0)]; cached = random.getstate()[2]; g += [random.gauss(0.0, 1.0) for _ in range(4)]; print(g, cached, random.gauss(10.0, 2.0), random.getstate()[2])'
    let mut mt = seeded(7);
    let mut g = vec![mt.gauss(0.0, 1.0)];
    let cached = mt.getstate().2.unwrap();
    g.extend((0..4).map(|_| mt.gauss(0.0, 1.0)));
    assert_floats(
        &g,
        &[
            -0.2558802884476004,
            0.511431512516514,
            -0.2260961647831047,
            -0.3150684223311854,
            -0.9300181903227674,
        ],
    );
    assert_floats(&[cached], &[0.511431512516514]);
    assert_floats(&[mt.gauss(10.0, 2.0)], &[9.573396105157592]);
    assert_eq!(mt.getstate().2, None);
    // python3 -c 'import random; random.seed(7); random.gauss(0.0, 1.0); random.seed(7); print(random.getstate()[2], random.gauss(0.0, 1.0))'
    // -> None -0.2558802884476004: reseeding clears gauss_next.
    mt.gauss(0.0, 1.0);
    mt.seed_int(&big(7));
    assert_eq!(mt.getstate().2, None);
    assert_floats(&[mt.gauss(0.0, 1.0)], &[-0.2558802884476004]);
}

#[test]
fn normalvariate_values() {
    // python3 -c 'import random; random.seed(8); print([random.normalvariate(1.0, 3.0) for _ in range(5)])'
    let mut mt = seeded(8);
    let got: Vec<f64> = (0..5).map(|_| mt.normalvariate(1.0, 3.0)).collect();
    assert_floats(
        &got,
        &[
            -5.515004786475662,
            -1.836825462642488,
            2.349941390069106,
            0.522377065587671,
            -1.7582759333046698,
        ],
    );
}

#[test]
fn expovariate_values() {
    // python3 -c 'import random; random.seed(9); print([random.expovariate(1.5) for _ in range(3)], random.expovariate(-2.0))'
    let mut mt = seeded(9);
    let got = [
        mt.try_expovariate(1.5).unwrap(),
        mt.try_expovariate(1.5).unwrap(),
        mt.try_expovariate(1.5).unwrap(),
    ];
    assert_floats(
        &got,
        &[0.4145139241807281, 0.3115375735868206, 0.09941731518104947],
    );
    assert_floats(&[mt.try_expovariate(-2.0).unwrap()], &[-1.0070586021371593]);
}

#[test]
fn triangular_values() {
    // python3 -c 'import random; random.seed(10); print([random.triangular(0.0, 1.0) for _ in range(3)], [random.triangular(2.0, 5.0, 4.5) for _ in range(3)], random.triangular(1.0, 1.0, 1.0), random.triangular(10.0, 0.0, 1.0), random.random())'
    let mut mt = seeded(10);
    let mut got: Vec<f64> = (0..3).map(|_| mt.triangular(0.0, 1.0, None)).collect();
    got.extend((0..3).map(|_| mt.triangular(2.0, 5.0, Some(4.5))));
    got.push(mt.triangular(1.0, 1.0, Some(1.0))); // ZeroDivisionError caught, one draw
    got.push(mt.triangular(10.0, 0.0, Some(1.0)));
    got.push(mt.random());
    assert_floats(
        &got,
        &[
            0.5370759212840153,
            0.46308155581663724,
            0.5407023302554597,
            3.243276614855384,
            4.469799462543447,
            4.4853403276012,
            1.0,
            6.202545578062356,
            0.5206693596399246,
        ],
    );
}

#[test]
fn choices_with_and_without_weights() {
    // python3 -c 'import random; random.seed(11); print(random.choices(range(10), k=10), random.choices(range(5), weights=[1, 2, 3, 4, 5], k=10), random.choices(range(5), cum_weights=[1, 3, 6, 10, 15], k=10), random.choices(range(4), weights=[0.1, 0.0, 2.5, 0.4], k=6))'
    let mut mt = seeded(11);
    let mut c = |n, w: Option<&[f64]>, k| mt.choices_indices(n, w, k).unwrap();
    assert_eq!(c(10, None, 10), [4, 5, 9, 4, 5, 5, 1, 5, 6, 7]);
    let cum = accumulate_weights(&[1.0, 2.0, 3.0, 4.0, 5.0]);
    assert_eq!(cum, [1.0, 3.0, 6.0, 10.0, 15.0]);
    assert_eq!(c(5, Some(&cum), 10), [1, 2, 1, 4, 4, 0, 4, 4, 3, 3]);
    assert_eq!(c(5, Some(&cum), 10), [1, 0, 3, 0, 1, 2, 0, 3, 3, 4]);
    let cum = accumulate_weights(&[0.1, 0.0, 2.5, 0.4]);
    assert_eq!(c(4, Some(&cum), 6), [2; 6]);
    assert_eq!(c(0, None, 0), [0usize; 0]);
}

#[test]
fn state_roundtrip() {
    // python3 -c 'import random; random.seed(42); s = random.getstate(); print(s[0], len(s[1]), s[1][:3], s[1][-1], s[2]); random.random(); t = random.getstate(); print(t[1][:2], t[1][-1])'
    // -> 3 625 (2147483648, 3564348608, 1266698288) 624 None
    //    (2468570525, 44967195) 2
    let mut mt = seeded(42);
    let (words, index, gauss_next) = mt.getstate();
    assert_eq!(STATE_VERSION, 3);
    assert_eq!(
        (words.len(), &words[..3], index, gauss_next),
        (624, &[2147483648, 3564348608, 1266698288][..], 624, None)
    );
    mt.random();
    let (after, index_after, _) = mt.getstate();
    assert_eq!((&after[..2], index_after), (&[2468570525, 44967195][..], 2));
    let next = mt.clone().random();
    let mut other = seeded(0);
    other
        .setstate(&after, index_after as i64, Some(1.5))
        .unwrap();
    assert_eq!(other.getstate().2, Some(1.5));
    assert_eq!(other.random().to_bits(), next.to_bits());
}

#[test]
fn error_messages() {
    // Each message is what ~/.pyenv/versions/3.12.1/bin/python3 prints for
    // the Python call in the comment beside it.
    use RandomErrorKind::*;
    let mut mt = seeded(0);
    let one = BigInt::one();
    // randrange(5, 5); 3.11 says "empty range for randrange() (5, 5, 0)"
    assert_err(
        mt.randrange(&big(5), Some(&big(5)), &one),
        ValueError,
        "empty range in randrange(5, 5)",
    );
    // randrange(5, 5, 2); 3.11 says "empty range for randrange()"
    let r = mt.randrange(&big(5), Some(&big(5)), &big(2));
    assert_err(r, ValueError, "empty range in randrange(5, 5, 2)");
    let r = mt.randrange(&big(0), Some(&big(10)), &big(-3)); // randrange(0, 10, -3)
    assert_err(r, ValueError, "empty range in randrange(0, 10, -3)");
    let r = mt.randrange(&big(5), Some(&big(10)), &big(0)); // randrange(5, 10, 0)
    assert_err(r, ValueError, "zero step for randrange()");
    assert_err(
        mt.randrange(&big(0), None, &one),
        ValueError,
        "empty range for randrange()",
    ); // randrange(0)
    assert_err(
        mt.randrange(&big(-3), None, &one),
        ValueError,
        "empty range for randrange()",
    ); // randrange(-3)
    let r = mt.randrange(&big(5), None, &big(2)); // randrange(5, None, 2)
    assert_err(r, TypeError, "Missing a non-None stop argument");
    assert_err(
        mt.randint(&big(5), &big(3)),
        ValueError,
        "empty range in randrange(5, 4)",
    ); // randint(5, 3)
    assert_err(
        mt.choice_index(0),
        IndexError,
        "Cannot choose from an empty sequence",
    ); // choice([])
    let too_many = "Sample larger than population or is negative";
    assert_err(mt.sample_indices(3, 4), ValueError, too_many); // sample(range(3), 4)
    let w = [1.0, 3.0];
    let r = mt.choices_indices(1, Some(&w), 1); // choices([1], [1, 2])
    assert_err(
        r,
        ValueError,
        "The number of weights does not match the population",
    );
    let r = mt.choices_indices(2, Some(&[0.0, 0.0]), 1); // choices([1, 2], [0, 0])
    assert_err(r, ValueError, "Total of weights must be greater than zero");
    let r = mt.choices_indices(2, Some(&[1.0, f64::INFINITY]), 1); // choices([1, 2], [1, inf])
    assert_err(r, ValueError, "Total of weights must be finite");
    let r = mt.choices_indices(2, Some(&[1.0, f64::NAN]), 1); // choices([1, 2], [1, nan])
    assert_err(r, ValueError, "Total of weights must be finite");
    let r = mt.choices_indices(0, Some(&[]), 1); // choices([], [], k=1)
    assert_err(r, IndexError, "list index out of range");
    assert_eq!(mt, seeded(0), "none of the above draws");
    // choices([], k=1) draws one random() before failing; expovariate(0)
    // draws one random() before raising.
    assert_err(
        mt.choices_indices(0, None, 1),
        IndexError,
        "list index out of range",
    );
    assert_err(
        mt.try_expovariate(0.0),
        ZeroDivisionError,
        "float division by zero",
    );
    // python3 -c 'import random; random.seed(0); print([random.random() for _ in range(3)])'
    assert_floats(&[mt.random()], &[0.420571580830845]);
    // setstate((3, (0,)*5, None)); setstate((3, (0,)*624 + (625,), None)); ... (-1,)
    let zeros = [0u32; 624];
    let bad_size = mt.setstate(&zeros[..5], 0, None);
    assert_err(bad_size, ValueError, "state vector is the wrong size");
    assert_err(mt.setstate(&zeros, 625, None), ValueError, "invalid state");
    assert_err(
        mt.setstate(&zeros, -1, Some(2.0)),
        ValueError,
        "invalid state",
    );
    assert_eq!(
        mt.getstate().2,
        Some(2.0),
        "gauss_next is assigned before validation"
    );
    let display = RandomError::new(ValueError, "x").to_string();
    assert_eq!(display, "ValueError: x");
}

#[test]
fn bigint_and_u64_paths_agree() {
    let mut a = seeded(12345);
    let mut b = a.clone();
    for n in [
        1u64,
        2,
        3,
        7,
        1 << 31,
        (1 << 32) + 1,
        u64::MAX / 3,
        u64::MAX,
    ] {
        for _ in 0..20 {
            assert_eq!(
                a.randbelow(&BigInt::from(n)),
                BigInt::from(b.randbelow_u64(n))
            );
        }
    }
    assert_eq!(a, b);
    assert_eq!(a.randbelow(&big(0)), big(0));
    assert_eq!(a, b, "randbelow(0) draws nothing");
}

#[test]
fn os_entropy_seeding_resets_gauss_and_reseeds() {
    let mut a = seeded(0);
    a.gauss(0.0, 1.0);
    a.seed_from_os_entropy();
    assert_eq!(a.getstate().2, None);
    assert_eq!(a.getstate().1, 624);
    let mut b = seeded(0);
    b.seed_from_os_entropy();
    assert_ne!(a, b, "two OS-entropy seeds should differ");
}
