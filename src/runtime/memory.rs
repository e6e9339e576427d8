//! The memory limit (`--memory-limit`): a program that would exhaust the machine's memory
//! meets a catchable `MemoryError` instead, and an uncaught one ends the run with a
//! traceback and exit status 1.
//!
//! What is measured is the process's resident memory (`VmRSS` in /proc/self/status), not
//! an exact count of gilsim's own allocations: a global allocator that counted every byte
//! would tax every allocation of the hot paths, and the resident size is what exhausts a
//! machine. Two places enforce it:
//!
//! - **Sizes known up front** (`reserve`): sequence repetition, `bytes(n)`, padding and
//!   `expandtabs`, big-int powers, products and shifts, lists built from a sized iterable
//!   ask for their bytes before allocating. Beyond the limit is a `MemoryError` at once
//!   (`(1,) * 10**9`, 16 GB, no longer allocates); from 1 MiB on, the resident size is read
//!   and the request must fit beside it. Smaller requests cost one comparison.
//! - **Growth in small steps** (appends in a loop, dict inserts, deep recursion with a huge
//!   recursion limit): a sampler thread, one per process for every live run, reads the
//!   resident size every 10 ms; a run over its limit has the `MEMORY` bit of its threads'
//!   eval breakers set, and the next check point of a running thread raises `MemoryError`
//!   (CPython raises it where the allocation failed; here it is where the program next
//!   looks, a few milliseconds later). A program that catches it and lets go of its data
//!   continues: the bit is raised again only while a later sample is still over.
//!
//! The limit covers the whole process, so runs sharing one (the test harness) share it;
//! a simulated run that exceeds it raises at a point the wall clock decides.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use super::runtime::Runtime;
use super::thread::breaker;
use crate::vm::pyerr::{PyResult, memory_error};

/// Requests smaller than this never read the resident size (one comparison only).
const CHECK_FROM: u64 = 1 << 20;
/// How often the sampler reads the resident size.
const SAMPLE_EVERY: Duration = Duration::from_millis(10);
/// The smallest limit a run may have: below it even the interpreter's start-up would fail.
pub const MIN_LIMIT: u64 = 64 << 20;

/// The default limit: half of physical memory (`MemTotal` in /proc/meminfo), which leaves
/// the other half to the rest of the machine. None where /proc is missing (no limit).
pub fn default_limit() -> Option<u64> {
    static DEFAULT: OnceLock<Option<u64>> = OnceLock::new();
    *DEFAULT.get_or_init(|| physical_memory().map(|total| (total / 2).max(MIN_LIMIT)))
}

/// Physical memory in bytes, from /proc/meminfo.
pub fn physical_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    kilobytes_field(&text, "MemTotal:")
}

/// The process's resident memory in bytes (0 where /proc is missing).
pub fn resident() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|text| kilobytes_field(&text, "VmRSS:"))
        .unwrap_or(0)
}

/// `NAME:   1234 kB` in a /proc file, in bytes.
fn kilobytes_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kb: u64 = line[name.len()..].split_whitespace().next()?.parse().ok()?;
    kb.checked_mul(1024)
}

/// `--memory-limit`: bytes (`2000000000`), with a binary suffix (`512M`, `1.5G`, `K`,
/// `T`), a share of physical memory (`25%`), or `none`. Below `MIN_LIMIT` is refused.
pub fn parse_limit(s: &str) -> Result<Option<u64>, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bytes = if let Some(percent) = s.strip_suffix('%') {
        let share: f64 = percent
            .trim()
            .parse()
            .map_err(|_| format!("not a size: {s}"))?;
        if !(share > 0.0 && share <= 100.0) {
            return Err(format!("out of range (a share from 0 to 100%): {s}"));
        }
        let total = physical_memory().ok_or("physical memory is unknown here: give a size")?;
        total as f64 * share / 100.0
    } else {
        let upper = s.to_ascii_uppercase();
        let (number, unit) = match upper.trim_end_matches('B').char_indices().last() {
            Some((i, c @ ('K' | 'M' | 'G' | 'T'))) => (&s[..i], c),
            _ => (upper.trim_end_matches('B'), ' '),
        };
        let scale = match unit {
            'K' => 1u64 << 10,
            'M' => 1 << 20,
            'G' => 1 << 30,
            'T' => 1 << 40,
            _ => 1,
        };
        let n: f64 = number
            .trim()
            .parse()
            .map_err(|_| format!("not a size: {s}"))?;
        if !n.is_finite() || n < 0.0 {
            return Err(format!("not a size: {s}"));
        }
        n * scale as f64
    };
    if bytes < MIN_LIMIT as f64 {
        return Err(format!("too small (at least {} MiB): {s}", MIN_LIMIT >> 20));
    }
    Ok(Some(if bytes >= u64::MAX as f64 {
        u64::MAX
    } else {
        bytes as u64
    }))
}

std::thread_local! {
    /// The limit of the run this OS thread executes Python code for (`install`).
    static LIMIT: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Makes `limit` the one `reserve` enforces on this OS thread (each `Vm` installs its run's).
pub fn install(limit: Option<u64>) {
    LIMIT.with(|l| l.set(limit));
}

/// A native operation is about to allocate `bytes`: a bare `MemoryError` (CPython's
/// `PyErr_NoMemory`) when that would take the process past the limit.
#[inline]
pub fn reserve(bytes: u64) -> PyResult<()> {
    if bytes < CHECK_FROM {
        return Ok(());
    }
    reserve_large(bytes)
}

#[cold]
fn reserve_large(bytes: u64) -> PyResult<()> {
    let Some(limit) = LIMIT.with(std::cell::Cell::get) else {
        return Ok(());
    };
    if bytes > limit || resident().saturating_add(bytes) > limit {
        return Err(memory_error(""));
    }
    Ok(())
}

/// `reserve` for `count` items of `size` bytes each (an overflowing product is over any
/// limit).
#[inline]
pub fn reserve_items(count: usize, size: usize) -> PyResult<()> {
    reserve(count.checked_mul(size).map_or(u64::MAX, |b| b as u64))
}

/// A run's side of the sampler: whether its last sample was over its limit, and since when
/// it has been far over.
#[derive(Default)]
pub struct Watch {
    over: AtomicBool,
    far_over_since: Mutex<Option<std::time::Instant>>,
}

/// How long a run may stay half as much again over its limit (a native operation that
/// looks at nothing) before a command-line run ends the process.
const FAR_OVER_FOR: Duration = Duration::from_secs(2);

impl Watch {
    /// Whether the latest sample found the process over the run's limit, and it still is
    /// (read again now).
    pub fn still_over(&self, options: &super::RunOptions) -> bool {
        self.over.load(Ordering::Relaxed)
            && options.memory_limit.is_some_and(|limit| resident() > limit)
    }
}

/// The runs the sampler watches (weak: a finished run drops out by itself).
static WATCHED: Mutex<Vec<Weak<Runtime>>> = Mutex::new(Vec::new());

/// Watches `runtime` until it is dropped, if it has a limit (starts the sampler once).
pub fn watch(runtime: &Arc<Runtime>) {
    if runtime.options.memory_limit.is_none() {
        return;
    }
    static SAMPLER: OnceLock<()> = OnceLock::new();
    SAMPLER.get_or_init(|| {
        let _ = std::thread::Builder::new()
            .name("gilsim-memory".into())
            .stack_size(64 * 1024)
            .spawn(sample_forever);
    });
    WATCHED.lock().push(Arc::downgrade(runtime));
}

fn sample_forever() {
    loop {
        std::thread::sleep(SAMPLE_EVERY);
        let live: Vec<Arc<Runtime>> = {
            let mut watched = WATCHED.lock();
            watched.retain(|w| w.strong_count() > 0);
            watched.iter().filter_map(Weak::upgrade).collect()
        };
        if live.is_empty() {
            continue;
        }
        let rss = resident();
        for runtime in live {
            let Some(limit) = runtime.options.memory_limit else {
                continue;
            };
            let over = rss > limit;
            runtime.memory.over.store(over, Ordering::Relaxed);
            if over {
                runtime.request_all(breaker::MEMORY);
            }
            backstop(&runtime, rss, limit);
        }
    }
}

/// The last resort of a command-line run: a native operation that never looks at the eval
/// breaker and keeps growing (half as much again over the limit for two seconds) ends the
/// process with a message, before the kernel's OOM killer ends it without one. Runs that
/// capture their output (the library's callers: tests, the explorer) are left to their
/// caller, which owns the process.
fn backstop(runtime: &Runtime, rss: u64, limit: u64) {
    let mut since = runtime.memory.far_over_since.lock();
    if rss <= limit.saturating_add(limit / 2) {
        *since = None;
        return;
    }
    let first = *since.get_or_insert_with(std::time::Instant::now);
    if first.elapsed() < FAR_OVER_FOR || runtime.options.capture {
        return;
    }
    runtime.stdout.flush();
    runtime.stderr.write_str(&format!(
        "gilsim: the run was stopped: {} MiB in use, past its --memory-limit of {} MiB \
         inside one native operation\n",
        rss >> 20,
        limit >> 20
    ));
    runtime.stderr.flush();
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_fields_are_read_in_bytes() {
        let status = "Name:\tgilsim\nVmRSS:\t    2048 kB\nThreads: 3\n";
        assert_eq!(kilobytes_field(status, "VmRSS:"), Some(2 << 20));
        assert_eq!(kilobytes_field(status, "VmHWM:"), None);
        if std::path::Path::new("/proc/self/status").exists() {
            assert!(resident() > 0);
            assert!(default_limit().is_some_and(|l| l >= MIN_LIMIT));
        }
    }

    #[test]
    fn limits_parse_as_sizes_shares_or_none() {
        assert_eq!(parse_limit("512M"), Ok(Some(512 << 20)));
        assert_eq!(parse_limit("1.5g"), Ok(Some(3 << 29)));
        assert_eq!(parse_limit("2GB"), Ok(Some(2 << 30)));
        assert_eq!(parse_limit("100000000"), Ok(Some(100_000_000)));
        assert_eq!(parse_limit("none"), Ok(None));
        for bad in ["", "x", "-1G", "1M", "0", "nan", "inf", "150%", "0%", "G"] {
            assert!(parse_limit(bad).is_err(), "{bad}");
        }
        if physical_memory().is_some() {
            assert!(parse_limit("50%").is_ok_and(|l| l.is_some()));
        }
    }

    #[test]
    fn requests_past_the_limit_are_memory_errors() {
        install(Some(MIN_LIMIT));
        assert!(reserve(1000).is_ok());
        assert!(reserve(MIN_LIMIT + 1).is_err());
        assert!(reserve_items(usize::MAX, 16).is_err());
        install(None);
        assert!(reserve(u64::MAX).is_ok());
    }
}
