//! What `gilsim compare` prints: one table of figures per model (exit status, the output's
//! last line, time, speed-up over the first model, GIL switches, drop requests, share of
//! time some thread waited for a GIL), then each model's lanes on one shared time scale.

use std::fmt::Write as _;

use crate::drive::compare::ModelRun;
use crate::viz::recording::State;

/// The table; `clock` says which clock the times are on ("virtual" or "wall").
pub fn table(runs: &[ModelRun], clock: &str) -> String {
    let rows: Vec<[String; 8]> = runs.iter().map(|r| row(r, runs)).collect();
    let header = [
        "model".to_string(),
        "exit".into(),
        "output (last line; error if failed)".into(),
        format!("{clock} time"),
        "speed-up".into(),
        "switches".into(),
        "drop requests".into(),
        "waiting".into(),
    ];
    let mut widths = header.clone().map(|h| h.chars().count());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for r in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in r.iter().zip(widths).enumerate() {
            // Text columns left, figures right.
            let pad = " ".repeat(w - cell.chars().count());
            if i == 0 || i == 2 {
                let _ = write!(line, "{cell}{pad}  ");
            } else {
                let _ = write!(line, "{pad}{cell}  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&outputs_note(runs));
    out
}

fn row(r: &ModelRun, runs: &[ModelRun]) -> [String; 8] {
    let rec = &r.recording;
    let first = runs.first().map_or(0, |f| f.recording.end);
    let speed_up = if rec.end > 0 && first > 0 {
        format!("{:.2}x", first as f64 / rec.end as f64)
    } else {
        "-".into()
    };
    let (switches, requests, waiting) = if rec.has_gil() {
        (
            rec.switches().to_string(),
            rec.drop_requests().to_string(),
            format!(
                "{:.1}%",
                100.0 * rec.waiting_ns() as f64 / rec.end.max(1) as f64
            ),
        )
    } else {
        ("no GIL".into(), "-".into(), "-".into())
    };
    [
        r.label.clone(),
        r.outcome.exit_code.to_string(),
        shown_line(&r.outcome),
        duration(rec.end),
        speed_up,
        switches,
        requests,
        waiting,
    ]
}

/// What a row shows of a run's output: its last line, or for a run that failed, the last
/// line of its error (the exception, the deadlock) — what made it fail.
fn shown_line(outcome: &crate::drive::RunOutcome) -> String {
    // gilsim's own closing lines (a simulated run's summary) are not the program's error.
    let error: String = outcome
        .stderr
        .lines()
        .filter(|l| !l.starts_with("gilsim: simulated run"))
        .collect::<Vec<_>>()
        .join("\n");
    if outcome.exit_code != 0 && !error.trim().is_empty() {
        last_line(&error, 40)
    } else {
        last_line(&outcome.stdout, 32)
    }
}

/// The output's last non-empty line, cut to `max` characters.
fn last_line(stdout: &str, max: usize) -> String {
    let line = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(no output)")
        .trim_end();
    cut(line, max)
}

/// Whether the models printed the same thing; where they did not, whether only numbers
/// differ (timings, lost updates) and each model's first line that differs.
fn outputs_note(runs: &[ModelRun]) -> String {
    let Some(first) = runs.first() else {
        return String::new();
    };
    let differing: Vec<&ModelRun> = runs
        .iter()
        .filter(|r| r.outcome.stdout != first.outcome.stdout)
        .collect();
    if differing.is_empty() {
        return "every model printed the same output\n".into();
    }
    let labels: Vec<&str> = differing.iter().map(|r| r.label.as_str()).collect();
    let numbers_only = differing
        .iter()
        .all(|r| without_numbers(&r.outcome.stdout) == without_numbers(&first.outcome.stdout));
    let mut out = format!(
        "the output differs from {}'s under: {}{}\n",
        first.label,
        labels.join(", "),
        if numbers_only {
            " (only in its numbers: timings, counts)"
        } else {
            ""
        }
    );
    for r in differing {
        let _ = writeln!(
            out,
            "  {}",
            first_difference(
                &first.label,
                &first.outcome.stdout,
                &r.label,
                &r.outcome.stdout
            )
        );
    }
    out
}

/// The output with every run of digits (and the decimal points between them) made one `#`.
fn without_numbers(stdout: &str) -> String {
    let mut out = String::with_capacity(stdout.len());
    let mut in_number = false;
    for c in stdout.chars() {
        let part_of_number = c.is_ascii_digit() || (in_number && c == '.');
        if part_of_number && !in_number {
            out.push('#');
        } else if !part_of_number {
            out.push(c);
        }
        in_number = part_of_number;
    }
    out
}

/// `3.13t, line 2: "total 754211" (3.12: "total 800000")`, each line cut to 60 characters.
fn first_difference(base: &str, base_out: &str, label: &str, out: &str) -> String {
    let (mut a, mut b) = (base_out.lines(), out.lines());
    let mut number = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => number += 1,
            (x, y) => {
                let shown = |l: Option<&str>| {
                    l.map_or("(no line)".to_string(), |l| format!("{:?}", cut(l, 60)))
                };
                return format!(
                    "{label}, line {number}: {} ({base}: {})",
                    shown(y),
                    shown(x)
                );
            }
        }
    }
}

/// `line` cut to `max` characters, the cut marked.
fn cut(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        line.to_string()
    } else {
        line.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// A time as the table shows it.
pub fn duration(ns: u64) -> String {
    let secs = ns as f64 / 1e9;
    if secs >= 1.0 {
        format!("{secs:.3} s")
    } else {
        format!("{:.2} ms", secs * 1e3)
    }
}

/// Each model's lanes, `columns` wide, all on the time scale of the longest run.
pub fn timelines(runs: &[ModelRun], columns: usize) -> String {
    let scale = runs
        .iter()
        .map(|r| r.recording.end)
        .max()
        .unwrap_or(0)
        .max(1);
    let name_width = runs
        .iter()
        .flat_map(|r| r.recording.lanes.iter().map(|l| lane_name(&r.recording, l)))
        .map(|name| name.chars().count().min(24))
        .max()
        .unwrap_or(0);
    let cells = columns.saturating_sub(name_width + 3).max(10);
    let mut out = String::new();
    for r in runs {
        let _ = writeln!(
            out,
            "{} ({}):",
            r.label,
            duration(r.recording.end).trim_start()
        );
        for lane in &r.recording.lanes {
            let name: String = lane_name(&r.recording, lane).chars().take(24).collect();
            let pad = " ".repeat(name_width - name.chars().count());
            let row = lane_cells(&lane.slices, scale, cells);
            let _ = writeln!(out, "{name}{pad} │{row}│");
        }
    }
    let _ = writeln!(
        out,
        "{}0{}{}",
        " ".repeat(name_width + 2),
        " ".repeat(cells.saturating_sub(duration(scale).len())),
        duration(scale)
    );
    out.push_str("█ running  ░ waiting for the GIL  ─ blocked  (one scale for every model)\n");
    out
}

/// A lane's name, a subinterpreter's or child process's threads prefixed with it
/// (`[1] Thread-1`, `[Process-1] MainThread`), as the terminal timeline names them.
fn lane_name(rec: &crate::viz::recording::Recording, lane: &crate::viz::recording::Lane) -> String {
    if lane.interp == 0 {
        lane.name.clone()
    } else {
        let process = rec.processes.get(&lane.interp);
        super::lane_prefix(lane.interp, process.map(|p| p.name.as_str()), &lane.name)
    }
}

/// One lane drawn in `cells` characters over [0, scale): each cell shows the state that
/// filled most of its time.
fn lane_cells(slices: &[crate::viz::recording::Slice], scale: u64, cells: usize) -> String {
    // Time in each cell per state: running, waiting, blocked.
    let mut filled = vec![[0u64; 3]; cells];
    let width = scale as f64 / cells as f64;
    for s in slices {
        let kind = match s.state {
            State::Running { .. } => 0,
            State::Waiting => 1,
            State::Blocked { .. } => 2,
            State::Done => continue,
        };
        let first = ((s.start as f64 / width) as usize).min(cells - 1);
        let last = ((s.end as f64 / width) as usize).min(cells - 1);
        for (c, cell) in filled.iter_mut().enumerate().take(last + 1).skip(first) {
            let lo = (c as f64 * width).max(s.start as f64);
            let hi = ((c + 1) as f64 * width).min(s.end as f64);
            if hi > lo {
                cell[kind] += (hi - lo) as u64 + 1;
            }
        }
    }
    filled
        .iter()
        .map(|cell| {
            let (kind, most) = cell
                .iter()
                .enumerate()
                .max_by_key(|&(k, t)| (*t, std::cmp::Reverse(k)))
                .unwrap_or((0, &0));
            match (kind, *most) {
                (_, 0) => ' ',
                (0, _) => '█',
                (1, _) => '░',
                _ => '─',
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::recording::Slice;

    #[test]
    fn a_lane_cell_shows_what_filled_most_of_it() {
        let slices = vec![
            Slice {
                start: 0,
                end: 50,
                state: State::Running { line: 0 },
            },
            Slice {
                start: 50,
                end: 100,
                state: State::Waiting,
            },
        ];
        assert_eq!(lane_cells(&slices, 200, 4), "█░  ");
        assert_eq!(last_line("a\nlast one\n\n", 32), "last one");
        assert_eq!(last_line("abcdef", 4), "abc…");
    }

    #[test]
    fn outputs_that_differ_only_in_numbers_are_told_apart_from_other_differences() {
        assert_eq!(
            without_numbers("took 2.13 s, 10 threads.\n"),
            "took # s, # threads.\n"
        );
        assert_eq!(
            first_difference("3.12", "a\ntotal 800000\n", "3.13t", "a\ntotal 754211\n"),
            "3.13t, line 2: \"total 754211\" (3.12: \"total 800000\")"
        );
        assert_eq!(
            first_difference("2.7", "a\n", "3.9", "a\nb\n"),
            "3.9, line 2: \"b\" (2.7: (no line))"
        );
    }
}
