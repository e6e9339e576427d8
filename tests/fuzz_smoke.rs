//! Deterministic smoke fuzzing (issue 19): seeded mutations of the corpus programs
//! (`tests/py`, `tests/errors`, `programs/`) go through source decoding, the parser and
//! compiler (with `dis` and the rendering of the syntax error), a step-limited simulated
//! run, and the schedule parser with `--replay`, all in this process through the library.
//! Any panic fails the test (a hook counts them, including those on the VM's own
//! threads), a stack overflow or abort kills the test process, and a run that ends far
//! past its `--timeout` is reported as an overrun.
//!
//! The default is a few seconds of work. `GILSIM_FUZZ_INPUTS=N` runs N inputs instead,
//! `GILSIM_FUZZ_RUN_EVERY=R` runs one in R of them (default 6), and `GILSIM_FUZZ_SEED=S`
//! starts elsewhere (long sessions: see `fuzz/README.md`); each input
//! is a pure function of the seed and its number, so a failure names the input to re-run
//! with `GILSIM_FUZZ_ONLY=K` (`GILSIM_FUZZ_FROM=K` resumes a session after input K, when a
//! crash took the process down: its progress lines say how far it got).

mod common;

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gilsim::runtime::gil::{CheckPoints, GilModel};
use gilsim::runtime::sched::schedule::Schedule;

/// Inputs of a default `cargo test` (a few seconds on two cores).
const DEFAULT_INPUTS: u64 = 1500;
/// One input in `RUN_EVERY` is also run (the others are decoded, parsed, compiled).
const RUN_EVERY: u64 = 6;
/// Steps and seconds a fuzzed run may take.
const MAX_STEPS: u64 = 30_000;
const TIMEOUT: f64 = 5.0;
/// How far past its timeout a run may end before it counts as an overrun (a run stopped
/// inside one long native operation ends 2 s after its timeout by design).
const OVERRUN: Duration = Duration::from_secs(15);

/// splitmix64: small, seedable, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Fragments that reach the corners: layout, brackets, huge numbers and sizes, formatting,
/// comparison protocols, recursion, threads, odd characters.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "\\\n",
    "\n",
    "\n    ",
    "\t",
    " \\\n",
    "lambda x: ",
    "yield ",
    "await ",
    "async ",
    "def f(*a, **k):\n    ",
    "class C:\n    ",
    "try:\n    pass\nexcept Exception as e:\n    ",
    "finally:\n",
    "with open:\n",
    "if 1:\n",
    "while 1:\n    break\n",
    "for i in range(3):\n    ",
    "10**100",
    "10**1000000",
    "1e999",
    "-0.0",
    "0x",
    "1_000",
    "2**63",
    "-2**63",
    "(1,) * 10**9",
    "'x' * 10**10",
    "bytes(10**12)",
    "'{:.{}f}'.format(1.5, 10**6)",
    "f'{x!r:>{w}}'",
    "'%*.*f' % (10**9, 5, 1.0)",
    "'a'.zfill(10**12)",
    "Ω",
    "\u{200b}",
    "é",
    "'''",
    "\"",
    "'",
    "#",
    "@",
    "*",
    "**",
    ":=",
    "not ",
    " if 1 else ",
    "global x\n",
    "nonlocal x\n",
    "import threading\n",
    "import sys; sys.setrecursionlimit(10**6)\n",
    "del x\n",
    "return ",
    "break\n",
    "continue\n",
    "raise ",
    "sorted([C(), C()])",
    "def __lt__(s, o): return id(s) % 3 == 1\n",
    "def __eq__(s, o): return s == o\n",
    "def __hash__(s): return -1\n",
    "a = []; a.append(a); a == [a]",
    "t = ()\nfor _ in range(1000): t = (t,)\n",
    "x = x",
    "print(",
    "len(",
    "iter(",
    "next(",
    "threading.Thread(target=print).start()\n",
    "time.sleep(1e9)\n",
    "import time\n",
    "match",
    "case",
    "*a, b = ",
    "b'\\xff'",
    "r'\\'",
    "u'",
    "\\N{DASH}",
    "0o777",
    "0b",
    "1 if 2 else",
    "**{}",
    "*()",
    "super()",
    "__class__",
    "__import__('sys')",
    "exec(",
    "eval('1+')",
    "compile('x', 's', 'exec')",
    "float('nan')",
    "int('9' * 5000)",
    "str(10**5000)",
    "hash(",
    "divmod(",
    "pow(3, -1, 7)",
    "round(1.5, 10**9)",
    "'{0[0]}'.format",
    "'%c' % 10**9",
    "chr(10**9)",
    "[*range(10**8)]",
];

/// A small schedule of a threaded program, to mutate for the schedule parser.
const SCHEDULE: &str = "gilsim-schedule 1\nseed 3\nmodel gil=new check-points=3.10 switch-interval=0.005 cores=4\nprogram 0\ndecisions 6\nw0/2 w1/2*3 p0/3 w0/2\n";
const THREADED: &str = "import threading\nx = 0\ndef work():\n    global x\n    for _ in range(50):\n        x += 1\nts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(x)\n";

/// A char boundary of `s` at or before `at`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One to four random edits of `src`, with lines and fragments from `corpus`.
fn mutate(src: &str, rng: &mut Rng, corpus: &[String]) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&s, rng.below(s.len() + 1));
        let lines: Vec<&str> = s.split_inclusive('\n').collect();
        let line = rng.below(lines.len().max(1));
        s = match rng.below(11) {
            0 | 1 => format!("{}{}{}", &s[..at], rng.pick(FRAGMENTS), &s[at..]),
            2 => {
                let end = boundary(&s, at + rng.below(24));
                format!("{}{}", &s[..at], &s[end..])
            }
            3 if !lines.is_empty() => {
                let mut l = lines.clone();
                l.insert(line, lines[line]);
                l.concat()
            }
            4 if !lines.is_empty() => {
                let mut l = lines.clone();
                l.remove(line);
                l.concat()
            }
            5 if lines.len() > 1 => {
                let mut l = lines.clone();
                let other = rng.below(lines.len());
                l.swap(line, other);
                l.concat()
            }
            6 => {
                // A line of another program, at a line boundary of this one.
                let donor: Vec<&str> = rng.pick(corpus).split_inclusive('\n').collect();
                let mut l = lines.clone();
                let piece = *rng.pick(&donor);
                l.insert(line.min(l.len()), piece);
                l.concat()
            }
            7 => s[..at].to_string(),
            8 if !lines.is_empty() => {
                let indent = *rng.pick(&["", " ", "    ", "\t", "        ", "  \\\n"]);
                let mut l: Vec<String> = lines.iter().map(|x| x.to_string()).collect();
                l[line] = format!("{indent}{}", l[line].trim_start());
                l.concat()
            }
            9 => {
                let piece = *rng.pick(&["(", "[", "-", "not ", "x.", "lambda: ", "+1"]);
                let times = 1 + rng.below(400);
                format!("{}{}{}", &s[..at], piece.repeat(times), &s[at..])
            }
            _ => {
                // A digit becomes a huge number.
                match s[at..].find(|c: char| c.is_ascii_digit()) {
                    Some(i) => {
                        let i = at + i;
                        let big = *rng.pick(&["9999999999", "10**20", "2**64", "10**9"]);
                        format!("{}{big}{}", &s[..i], &s[i + 1..])
                    }
                    None => s,
                }
            }
        };
    }
    s
}

/// A mutated schedule text: characters changed, dropped, repeated; counts made huge.
fn mutate_schedule(rng: &mut Rng) -> String {
    let mut s = SCHEDULE.to_string();
    for _ in 0..1 + rng.below(3) {
        let at = boundary(&s, rng.below(s.len() + 1));
        let piece = *rng.pick(&[
            "*99999999999",
            "0",
            "/",
            " ",
            "\n",
            ";",
            "decisions 10000000000",
            "w",
            "p9/3",
            "-1",
            "18446744073709551615",
            "*0",
            "Ω",
            "",
        ]);
        let end = boundary(&s, at + rng.below(6));
        s = format!("{}{piece}{}", &s[..at], &s[end..]);
    }
    s
}

fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    for folder in ["tests/py", "tests/errors", "programs", "programs/exercises"] {
        let Ok(entries) = std::fs::read_dir(common::repo_file(folder)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        paths.sort();
        files.extend(paths);
    }
    files.iter().map(|p| common::read_source(p)).collect()
}

/// What the test found: panics (from the hook) and overruns.
#[derive(Default)]
struct Findings {
    failures: Vec<String>,
}

/// Decodes, parses, compiles and disassembles `src`; renders its syntax error if any.
fn compile(src: &str) {
    let decoded = gilsim::syntax::source::decode(src.as_bytes(), "<fuzz>");
    let Ok(text) = decoded else {
        return;
    };
    match gilsim::compiler::compile_module(&text, "<fuzz>") {
        Ok(code) => {
            let _ = gilsim::compiler::dis::disassemble(&code);
        }
        Err(e) => {
            let _ = e.render("<fuzz>", &text);
        }
    }
}

/// Runs `src` simulated and step-limited under a model drawn from `rng`.
fn run(src: &str, rng: &mut Rng, findings: &mut Findings, input: u64) {
    let mut options = common::options()
        .timeout(TIMEOUT)
        .sim(rng.next() % 1000)
        .max_steps(MAX_STEPS)
        .memory_limit(1 << 30);
    options = match rng.below(4) {
        0 => options.gil(GilModel::Off),
        1 => options.check_points(CheckPoints::EveryOp),
        _ => options,
    };
    let started = Instant::now();
    let _ = options.run(src, "<fuzz>");
    if started.elapsed() > Duration::from_secs_f64(TIMEOUT) + OVERRUN {
        findings.failures.push(format!(
            "input {input}: ran {:?} past a {TIMEOUT} s timeout:\n{src}",
            started.elapsed()
        ));
    }
}

/// Parses a mutated schedule; one that parses is replayed on a small threaded program.
fn schedule(rng: &mut Rng) {
    let text = mutate_schedule(rng);
    if let Ok(schedule) = Schedule::parse(&text) {
        let _ = common::options()
            .timeout(TIMEOUT)
            .max_steps(MAX_STEPS)
            .memory_limit(1 << 30)
            .replay(schedule)
            .run(THREADED, "<replay>");
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

#[test]
fn mutated_corpus_programs_never_panic_crash_or_overrun() {
    let panics = Arc::new(AtomicUsize::new(0));
    let messages = Arc::new(Mutex::new(Vec::<String>::new()));
    let (count, said) = (panics.clone(), messages.clone());
    std::panic::set_hook(Box::new(move |info| {
        count.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut m) = said.lock() {
            m.push(info.to_string());
        }
    }));
    let corpus = corpus();
    assert!(corpus.len() > 100, "the corpus is missing");
    let seed = env_u64("GILSIM_FUZZ_SEED").unwrap_or(19);
    let inputs = env_u64("GILSIM_FUZZ_INPUTS").unwrap_or(DEFAULT_INPUTS);
    let only = env_u64("GILSIM_FUZZ_ONLY");
    let from = env_u64("GILSIM_FUZZ_FROM").unwrap_or(0);
    let run_every = env_u64("GILSIM_FUZZ_RUN_EVERY").unwrap_or(RUN_EVERY).max(1);
    let mut findings = Findings::default();
    let (mut compiled, mut ran, mut schedules) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    for input in 0..inputs {
        if only.is_some_and(|k| k != input) || input < from {
            continue;
        }
        let mut rng = Rng(seed.wrapping_mul(0x1000_0000_01b3) ^ input);
        let before = panics.load(Ordering::SeqCst);
        let src = mutate(rng.pick(&corpus).as_str(), &mut rng, &corpus);
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            compile(&src);
            compiled += 1;
            if input % run_every == 0 {
                run(&src, &mut rng, &mut findings, input);
                ran += 1;
            }
            if input % 3 == 1 {
                schedule(&mut rng);
                schedules += 1;
            }
        }));
        if outcome.is_err() || panics.load(Ordering::SeqCst) > before {
            let said = messages.lock().map(|m| m.join("\n")).unwrap_or_default();
            findings.failures.push(format!(
                "input {input} panicked: {said}\n--- source ---\n{src}"
            ));
            if let Ok(mut m) = messages.lock() {
                m.clear();
            }
        }
        if inputs > DEFAULT_INPUTS && input % 1_000 == 0 {
            eprintln!(
                "fuzz: {input} inputs, {:?}, {} findings",
                started.elapsed(),
                findings.failures.len()
            );
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "fuzz: {compiled} compiled, {ran} run, {schedules} schedules in {:?}",
        started.elapsed()
    );
    assert!(
        findings.failures.is_empty(),
        "{} findings (seed {seed}):\n{}",
        findings.failures.len(),
        findings.failures.join("\n\n")
    );
}
