//! `--timeline`: drawn to fit the terminal it goes to, coloured only there (and not under a
//! non-empty `NO_COLOR`), and right with and without a GIL, in real and simulated mode.

use std::path::PathBuf;
use std::process::Command;

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

/// Runs the gilsim binary with `args` on a pseudo-terminal `cols` wide (util-linux
/// `script`), with `env` set; the terminal's output, or None (said loudly) without `script`.
fn on_a_terminal(cols: u16, args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("WARNING: no `script` (util-linux) found; skipping the terminal test");
        return None;
    }
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c"])
        .arg(format!(
            "stty cols {cols} rows 24; exec \"$GILSIM\" {}",
            args.join(" ")
        ))
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
    let Some(screen) = on_a_terminal(70, &args, &[]) else {
        return;
    };
    let lines = timeline_lines(&screen);
    let lanes: Vec<_> = lines.iter().filter(|l| l.ends_with('│')).collect();
    assert!(!lanes.is_empty(), "{screen}");
    for lane in lanes {
        assert_eq!(screen_width(lane), 70, "{lane:?} in\n{screen}");
    }
}

#[test]
fn an_empty_no_color_leaves_colour_on() {
    let prog = program("tty_colour.py", TWO_COUNTERS);
    let args = ["run", "--seed", "1", "--timeline", prog.to_str().unwrap()];
    let Some(screen) = on_a_terminal(80, &args, &[("NO_COLOR", "")]) else {
        return;
    };
    assert!(screen.contains("\x1b["), "no colour in\n{screen}");
    let screen = on_a_terminal(80, &args, &[("NO_COLOR", "1")]).unwrap();
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
