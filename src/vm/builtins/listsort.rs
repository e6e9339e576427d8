//! The stable sort behind `list.sort` and `sorted`, after CPython's `listsort`
//! (Objects/listobject.c).
//!
//! Why not `slice::sort_by`: since Rust 1.81 it panics when the comparison is not a total
//! order, and a Python `__lt__` may be anything (`return random.random() < 0.5`). CPython
//! then sorts into *some* order and never fails; only an exception raised by `<` stops it.
//! So this sort asks only `lt(x, y)` ("is x < y?"), fallibly, and every step is plain index
//! arithmetic that holds whatever `lt` answers.
//!
//! A list shorter than 64 is sorted exactly as CPython 3.12 does (`count_run`, then
//! `binarysort`), so the `__lt__` calls of a printing `__lt__` and the order an
//! inconsistent one ends in are CPython's. Longer lists are cut into runs the same way and
//! merged pairwise without galloping: the result of a consistent `<` is the same (a stable
//! sort has one answer); the calls in between may differ.

/// `merge_compute_minrun`: the run length below which runs are extended by binary insertion.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `count_run` (3.12): the length of the run at the start of `v` (at least 2 when `v` has 2
/// items), and whether it is strictly descending.
fn count_run<T: Copy, E>(
    v: &[T],
    lt: &mut impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(usize, bool), E> {
    if v.len() < 2 {
        return Ok((v.len(), false));
    }
    let descending = lt(v[1], v[0])?;
    let mut n = 2;
    while n < v.len() && lt(v[n], v[n - 1])? == descending {
        n += 1;
    }
    Ok((n, descending))
}

/// `binarysort`: `v[..start]` is sorted; insert each later item after the last item it is
/// not less than (which keeps the sort stable). On an error `v` is still a permutation.
fn binarysort<T: Copy, E>(
    v: &mut [T],
    start: usize,
    lt: &mut impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(), E> {
    for s in start.max(1)..v.len() {
        let pivot = v[s];
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(pivot, v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=s].rotate_right(1);
    }
    Ok(())
}

/// Merges the sorted `v[..mid]` and `v[mid..]`, stably (`merge_lo` without galloping). On an
/// error the items not yet placed are put back, so `v` stays a permutation.
fn merge<T: Copy, E>(
    v: &mut [T],
    mid: usize,
    lt: &mut impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(), E> {
    let left: Vec<T> = v[..mid].to_vec();
    let (mut i, mut j, mut dest) = (0, mid, 0);
    while i < left.len() && j < v.len() {
        match lt(v[j], left[i]) {
            Ok(true) => {
                v[dest] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[dest] = left[i];
                i += 1;
            }
            Err(e) => {
                // dest + (left.len() - i) == j: the rest of `left` fills the gap exactly.
                v[dest..j].copy_from_slice(&left[i..]);
                return Err(e);
            }
        }
        dest += 1;
    }
    // What remains of the right run is in place already.
    v[dest..dest + left.len() - i].copy_from_slice(&left[i..]);
    Ok(())
}

/// Merges runs `i` and `i + 1` of the stack (`merge_at`).
fn merge_at<T: Copy, E>(
    v: &mut [T],
    runs: &mut Vec<(usize, usize)>,
    i: usize,
    lt: &mut impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(), E> {
    let (start, a) = runs[i];
    let (_, b) = runs[i + 1];
    runs[i] = (start, a + b);
    runs.remove(i + 1);
    merge(&mut v[start..start + a + b], a, lt)
}

/// Keeps the run stack's lengths growing like Fibonacci numbers (timsort's classic
/// `merge_collapse`), so it stays O(log n) deep and merges stay balanced; `all` merges
/// everything (`merge_force_collapse`).
fn collapse<T: Copy, E>(
    v: &mut [T],
    runs: &mut Vec<(usize, usize)>,
    all: bool,
    lt: &mut impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(), E> {
    while runs.len() > 1 {
        let len = |k: usize| runs[k].1;
        let mut n = runs.len() - 2;
        if all {
            if n > 0 && len(n - 1) < len(n + 1) {
                n -= 1;
            }
        } else if (n > 0 && len(n - 1) <= len(n) + len(n + 1))
            || (n > 1 && len(n - 2) <= len(n - 1) + len(n))
        {
            if len(n - 1) < len(n + 1) {
                n -= 1;
            }
        } else if len(n) > len(n + 1) {
            break;
        }
        merge_at(v, runs, n, lt)?;
    }
    Ok(())
}

/// Sorts `v` stably by `lt`. Never panics, whatever `lt` answers; the first error stops the
/// sort and is returned, with `v` left in some order (a permutation of what it was), as
/// CPython leaves a list whose sort failed.
pub fn sort_by_lt<T: Copy, E>(
    v: &mut [T],
    mut lt: impl FnMut(T, T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = v.len();
    let minrun = compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let rest = &mut v[lo..];
        let (mut run, descending) = count_run(rest, &mut lt)?;
        if descending {
            rest[..run].reverse();
        }
        if run < minrun {
            let force = rest.len().min(minrun);
            binarysort(&mut rest[..force], run, &mut lt)?;
            run = force;
        }
        runs.push((lo, run));
        lo += run;
        collapse(v, &mut runs, false, &mut lt)?;
    }
    collapse(v, &mut runs, true, &mut lt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_lt(a: i32, b: i32) -> Result<bool, ()> {
        Ok(a < b)
    }

    #[test]
    fn sorts_stably_like_any_sort() {
        // Pseudo-random keys with many ties; the index says whether ties kept their order.
        let mut x: u64 = 12345;
        for n in [0, 1, 2, 3, 63, 64, 65, 100, 1000, 5000] {
            let mut v: Vec<(i32, usize)> = (0..n)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (((x >> 33) % 50) as i32, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort();
            sort_by_lt(&mut v, |a, b| ok_lt(a.0, b.0)).unwrap();
            assert_eq!(v, expected, "n = {n}");
        }
        let mut v: Vec<i32> = (0..3000).rev().collect();
        sort_by_lt(&mut v, ok_lt).unwrap();
        assert!(v.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_inconsistent_lt_gives_a_permutation() {
        // Rust's sort_by panics on such a comparison; this one must sort into some order.
        let mut x: u64 = 7;
        for n in [5, 63, 64, 200, 4000] {
            let mut v: Vec<usize> = (0..n).collect();
            sort_by_lt(&mut v, |_, _| -> Result<bool, ()> {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                Ok(x >> 63 == 1)
            })
            .unwrap();
            v.sort_unstable();
            assert_eq!(v, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_stops_the_sort_and_keeps_a_permutation() {
        for (n, fail_at) in [(5, 3), (100, 150), (1000, 5000)] {
            let mut v: Vec<i32> = (0..n).rev().collect();
            let mut calls = 0;
            let r = sort_by_lt(&mut v, |a, b| {
                calls += 1;
                if calls == fail_at {
                    Err(calls)
                } else {
                    Ok(a % 7 < b % 7)
                }
            });
            assert_eq!(r, Err(fail_at));
            v.sort_unstable();
            assert_eq!(v, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn small_lists_compare_like_cpython() {
        // python3 -c 'class K: ...' printing each __lt__ of sorted([5, 3, 4, 1, 2, 2]):
        // lt 3 5, lt 4 3, lt 4 5, lt 4 3, lt 1 4, lt 1 3, lt 2 4, lt 2 3, lt 2 1, lt 2 3, lt 2 2
        let mut calls = Vec::new();
        let mut v = [5, 3, 4, 1, 2, 2];
        sort_by_lt(&mut v, |a, b| {
            calls.push((a, b));
            ok_lt(a, b)
        })
        .unwrap();
        assert_eq!(v, [1, 2, 2, 3, 4, 5]);
        let expected = [
            (3, 5),
            (4, 3),
            (4, 5),
            (4, 3),
            (1, 4),
            (1, 3),
            (2, 4),
            (2, 3),
            (2, 1),
            (2, 3),
            (2, 2),
        ];
        assert_eq!(calls, expected);
    }
}
