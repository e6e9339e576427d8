//! `--timeline`: drawn to fit the terminal it goes to, coloured only there (and not under a
//! non-empty `NO_COLOR`), and right with and without a GIL, in real and simulated mode.

mod common;

use std::path::PathBuf;
use std::process::Command;

use gilsim::runtime::gil::GilModel;

/// Two CPU-bound threads: they take turns under the GIL and run in parallel without it.
const TWO_COUNTERS: &str = "
import threading

def count(n):
    while n > 0:
        n -= 1

threads = [threading.Thread(target=count, args=(200_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('done')
";

/// `source` saved as a file that the gilsim binary can be given.
fn program(name: &str, source: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, source).unwrap();
    path
}

/// A line's width on the screen: colour escapes take none.
fn screen_width(line: &str) -> usize {
    let plain = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(line, "");
    plain.chars().count()
}

/// The timeline's lines (from the `timeline:` header on) in the stderr of a run.
fn timeline_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .skip_while(|l| !l.starts_with("timeline:"))
        .collect()
}

/// Runs the gilsim binary with `args` on a pseudo-terminal `size` big ("rows 24 cols 70",
/// for `stty`; util-linux `script`), with `env` set; the terminal's output, or None (said
/// loudly) without `script`.
fn on_a_terminal(size: &str, args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("WARNING: no `script` (util-linux) found; skipping the terminal test");
        return None;
    }
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c"])
        .arg(format!("stty {size}; exec \"$GILSIM\" {}", args.join(" ")))
        .arg("/dev/null")
        .env("GILSIM", env!("CARGO_BIN_EXE_gilsim"))
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_timeline_is_as_wide_as_the_terminal() {
    let prog = program("tty_width.py", TWO_COUNTERS);
    let args = ["run", "--seed", "1", "--timeline", prog.to_str().unwrap()];
    // A pseudo-terminal nobody gave a height (`script` without a terminal on its stdin) is
    // as wide as `stty cols` says all the same.
    for size in ["rows 24 cols 70", "rows 0 cols 70"] {
        let Some(screen) = on_a_terminal(size, &args, &[]) else {
            return;
        };
        let lines = timeline_lines(&screen);
        let lanes: Vec<_> = lines.iter().filter(|l| l.ends_with('│')).collect();
        assert!(!lanes.is_empty(), "{screen}");
        for lane in lanes {
            assert_eq!(screen_width(lane), 70, "{size}: {lane:?} in\n{screen}");
        }
    }
}

#[test]
fn an_empty_no_color_leaves_colour_on() {
    let prog = program("tty_colour.py", TWO_COUNTERS);
    let args = ["run", "--seed", "1", "--timeline", prog.to_str().unwrap()];
    let Some(screen) = on_a_terminal("rows 24 cols 80", &args, &[("NO_COLOR", "")]) else {
        return;
    };
    assert!(screen.contains("\x1b["), "no colour in\n{screen}");
    let screen = on_a_terminal("rows 24 cols 80", &args, &[("NO_COLOR", "1")]).unwrap();
    assert!(!screen.contains("\x1b["), "colour in\n{screen}");
    assert!(screen.contains("timeline:"), "{screen}");
}

/// Runs the gilsim binary with `args`, stderr piped, `COLUMNS` as given; the timeline's lines.
fn piped(args: &[&str], columns: Option<&str>) -> Vec<String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gilsim"));
    command.args(args).env_remove("COLUMNS");
    if let Some(c) = columns {
        command.env("COLUMNS", c);
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    timeline_lines(&String::from_utf8_lossy(&out.stderr))
}

#[test]
fn piped_it_is_as_wide_as_columns_says_and_every_line_fits() {
    let prog = program("piped_width.py", TWO_COUNTERS);
    let args = ["run", "--seed", "1", "--timeline", prog.to_str().unwrap()];
    for (columns, expected) in [(None, 100), (Some("120"), 120), (Some("40"), 40)] {
        let lines = piped(&args, columns);
        assert!(lines.iter().any(|l| l.starts_with("legend:")), "{lines:#?}");
        for line in &lines {
            assert!(screen_width(line) <= expected, "{columns:?}: {lines:#?}");
            if line.ends_with('│') {
                assert_eq!(screen_width(line), expected, "{columns:?}: {lines:#?}");
            }
        }
    }
}

/// Runs `source` in-process with `--timeline` under `gil` (simulated with seed 1 when `sim`);
/// the timeline's lines. Captured output is drawn 100 columns wide without colour.
fn timeline_of(source: &str, gil: GilModel, sim: bool) -> Vec<String> {
    let mut options = common::options().timeout(120.0).gil(gil).timeline();
    if sim {
        options = options.sim(1);
    }
    let out = options.run(source, "<test>");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "done\n");
    timeline_lines(&out.stderr)
}

/// The footer's figures for `thread`, runs of spaces made one: "running 100.0% blocked 0.0%".
fn figures(lines: &[String], thread: &str) -> String {
    let line = lines
        .iter()
        .find(|l| l.starts_with(&format!("  {thread} ")))
        .unwrap_or_else(|| panic!("no footer line for {thread} in {lines:#?}"));
    line.split_whitespace()
        .skip(thread.split_whitespace().count())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lanes(lines: &[String]) -> Vec<&String> {
    lines.iter().filter(|l| l.ends_with('│')).collect()
}

#[test]
fn simulated_without_a_gil_both_threads_run_all_along() {
    let lines = timeline_of(TWO_COUNTERS, GilModel::Off, true);
    // Two threads on four virtual cores: they run side by side from their start (21 µs in)
    // to the end (36.026 ms), while the main thread waits in `join`; nothing waits for a GIL
    // there is not.
    for thread in ["Thread-1 (count)", "Thread-2 (count)"] {
        assert_eq!(figures(&lines, thread), "running 99.9% blocked 0.0%");
    }
    assert_eq!(figures(&lines, "MainThread"), "running 0.1% blocked 99.9%");
    let text = lines.join("\n");
    assert!(text.contains("no GIL: threads ran in parallel"), "{text}");
    for gone in ["░", "holds the GIL", "waiting for the GIL", "switches"] {
        assert!(!text.contains(gone), "{gone:?} in\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn simulated_with_the_gil_the_threads_take_turns() {
    let lines = timeline_of(TWO_COUNTERS, GilModel::New, true);
    let text = lines.join("\n");
    assert!(text.contains("switches between threads:"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn real_without_a_gil_threads_run_and_never_wait_for_one() {
    let lines = timeline_of(TWO_COUNTERS, GilModel::Off, false);
    let text = lines.join("\n");
    // How long each part took depends on the machine; what the lanes may show does not.
    for lane in lanes(&lines) {
        assert!(!lane.contains('░'), "a lane waits for the GIL:\n{text}");
    }
    for thread in ["Thread-1 (count)", "Thread-2 (count)"] {
        let figures = figures(&lines, thread);
        assert!(figures.starts_with("running "), "{figures}");
        assert!(
            !figures.starts_with("running 0.0%"),
            "{thread} never ran:\n{text}"
        );
    }
    assert!(text.contains("(no GIL)"), "{text}");
    assert!(text.contains("running (in parallel, no GIL)"), "{text}");
    for gone in ["holds the GIL", "waiting for the GIL", "waits for it"] {
        assert!(!text.contains(gone), "{gone:?} in\n{text}");
    }
}
