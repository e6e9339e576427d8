//! Drawing the collected lanes: a pure function of the lanes, the run's length and the
//! terminal's width, so every layout can be tested without running a program.

use std::fmt::Write as _;

use super::lane::{Lane, Mark, State};
use crate::runtime::gil::GilModel;

/// What there is to draw.
pub(super) struct Chart<'a> {
    pub(super) model: GilModel,
    /// The run's length, ns (at least 1).
    pub(super) end: u64,
    pub(super) switches: u64,
    /// (thread name, lane), in the order the threads appeared.
    pub(super) lanes: Vec<(String, &'a Lane)>,
}

/// The chart, `columns` characters wide.
pub(super) fn draw(chart: &Chart<'_>, columns: usize, color: bool) -> String {
    let end = chart.end.max(1);
    let label = chart
        .lanes
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 22);
    let width = columns.saturating_sub(label + 3).max(20);
    let per_column = end as f64 / width as f64;
    let paint = Painter { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "timeline: {} ({}), one column = {}",
        fmt_time(end),
        if chart.model == GilModel::Off {
            "no GIL"
        } else {
            "GIL"
        },
        fmt_time(per_column.round() as u64)
    );
    for (name, lane) in &chart.lanes {
        let mut row = String::new();
        let mut marks = String::new();
        for c in 0..width {
            let from = (c as f64 * per_column) as u64;
            let to = (((c + 1) as f64 * per_column) as u64).max(from + 1);
            let mark = lane
                .marks
                .iter()
                .find(|(t, _)| *t >= from && *t < to)
                .map(|(_, m)| *m);
            let dominant = lane
                .durations(from, to)
                .into_iter()
                .max_by_key(|&(s, d)| (d, s == State::Running))
                .map_or(State::NotStarted, |(s, _)| s);
            row.push_str(&paint.paint(dominant, glyph(dominant)));
            marks.push_str(match mark {
                Some(Mark::DropRequest) => "↓",
                Some(Mark::FailedWakeup) => "×",
                None => " ",
            });
        }
        let _ = writeln!(out, "{:<label$} │{row}│", truncate(name, label));
        if !lane.marks.is_empty() {
            let _ = writeln!(out, "{:<label$} │{marks}│", "");
        }
    }
    let _ = writeln!(
        out,
        "{:<label$}  0{:>w$}",
        "",
        fmt_time(end),
        w = width.saturating_sub(1)
    );
    let _ = writeln!(
        out,
        "legend: {} running (holds the GIL)  {} waiting for the GIL  {} blocked (sleep, lock, queue, join, I/O)  ↓ drop request  × failed wake-up",
        paint.paint(State::Running, "█"),
        paint.paint(State::Waiting, "░"),
        paint.paint(State::Blocked, "─"),
    );
    let _ = write!(out, "switches between threads: {}", chart.switches);
    out.push('\n');
    for (name, lane) in &chart.lanes {
        let d = lane.durations(0, end);
        let share = |s: State| 100.0 * *d.get(&s).unwrap_or(&0) as f64 / end as f64;
        let _ = writeln!(
            out,
            "  {:<label$} running {:>5.1}%  waiting for the GIL {:>5.1}%  blocked {:>5.1}%",
            truncate(name, label),
            share(State::Running),
            share(State::Waiting),
            share(State::Blocked)
        );
    }
    out
}

fn glyph(s: State) -> &'static str {
    match s {
        State::Running => "█",
        State::Waiting => "░",
        State::Blocked => "─",
        State::NotStarted | State::Done => " ",
    }
}

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, s: State, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match s {
            State::Running => "32",
            State::Waiting => "31",
            State::Blocked => "34",
            State::NotStarted | State::Done => return text.to_string(),
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

fn fmt_time(ns: u64) -> String {
    if ns >= 1_000_000_000 {
        format!("{:.3} s", ns as f64 / 1e9)
    } else if ns >= 1_000_000 {
        format!("{:.3} ms", ns as f64 / 1e6)
    } else {
        format!("{:.1} µs", ns as f64 / 1e3)
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
