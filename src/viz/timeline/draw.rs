//! Drawing the collected lanes: a pure function of the lanes, the run's length and the
//! terminal's width, so every layout can be tested without running a program.

use std::fmt::Write as _;

use console::{Alignment, measure_text_width, pad_str};

use super::lane::{Lane, Mark, State};
use crate::runtime::gil::GilModel;
use crate::viz::wrap::pack;

/// What there is to draw.
pub(super) struct Chart<'a> {
    pub(super) model: GilModel,
    /// The run's length, ns (at least 1).
    pub(super) end: u64,
    pub(super) switches: u64,
    /// (thread name, lane), in the order the threads appeared.
    pub(super) lanes: Vec<(String, &'a Lane)>,
}

/// The narrowest chart drawn: a label of 17 columns (cut short with `…` beyond) beside a lane
/// of 20, the least that still shows a run's shape. A narrower terminal gets this width,
/// which its own wrapping then breaks.
pub(crate) const MIN_COLUMNS: usize = 40;

/// The widest chart drawn. `COLUMNS=1000000000` drew for ever at 1.5 GB; no screen shows
/// more than this, and a wider request (terminal, `COLUMNS`, library caller) gets this width.
pub(crate) const MAX_COLUMNS: usize = 1000;

/// Columns a lane has at least, so that a run still shows its shape.
const MIN_LANE: usize = 20;

/// The chart, `columns` characters wide (at least [`MIN_COLUMNS`]): every line fits.
pub(super) fn draw(chart: &Chart<'_>, columns: usize, color: bool) -> String {
    let columns = columns.clamp(MIN_COLUMNS, MAX_COLUMNS);
    let end = chart.end.max(1);
    // The label column: as wide as the longest name, within limits, leaving the lane room.
    let label = chart
        .lanes
        .iter()
        .map(|(n, _)| measure_text_width(n))
        .max()
        .unwrap_or(6)
        .clamp(6, 32)
        .min(columns - 3 - MIN_LANE);
    let width = columns - label - 3;
    let per_column = end as f64 / width as f64;
    let paint = Painter { color };
    let mut out = String::new();
    let header = [
        format!(
            "timeline: {} ({}),",
            fmt_time(end),
            if chart.model == GilModel::Off {
                "no GIL"
            } else {
                "GIL"
            }
        ),
        format!("one column = {}", fmt_time(per_column.round() as u64)),
    ];
    push_lines(&mut out, pack("", "  ", " ", &header, columns));
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
        let _ = writeln!(out, "{} │{row}│", pad(name, label));
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
    let gil = chart.model != GilModel::Off;
    push_lines(
        &mut out,
        pack("legend: ", "  ", "  ", &legend(gil, &paint), columns),
    );
    let switches = if gil {
        format!("switches between threads: {}", chart.switches)
    } else {
        "no GIL: threads ran in parallel, none waited for a GIL".to_string()
    };
    push_lines(&mut out, pack("", "  ", " ", &[switches], columns));
    for (name, lane) in &chart.lanes {
        let d = lane.durations(0, end);
        let share = |s: State| 100.0 * *d.get(&s).unwrap_or(&0) as f64 / end as f64;
        let figures = if gil {
            vec![
                format!("holds the GIL {:>5.1}%", share(State::Running)),
                format!("waits for it {:>5.1}%", share(State::Waiting)),
                format!("blocked {:>5.1}%", share(State::Blocked)),
            ]
        } else {
            vec![
                format!("running {:>5.1}%", share(State::Running)),
                format!("blocked {:>5.1}%", share(State::Blocked)),
            ]
        };
        let first = format!("  {} ", pad(name, label));
        push_lines(&mut out, pack(&first, "    ", "  ", &figures, columns));
    }
    out
}

/// The legend's entries. Without a GIL nothing waits for one, so no lane shows waiting and
/// there are no drop requests or failed wake-ups to mark.
fn legend(gil: bool, paint: &Painter) -> Vec<String> {
    let running = paint.paint(State::Running, "█");
    let blocked = format!(
        "{} blocked (sleep, lock, queue, join, I/O)",
        paint.paint(State::Blocked, "─")
    );
    if !gil {
        return vec![format!("{running} running (in parallel, no GIL)"), blocked];
    }
    vec![
        format!("{running} running (holds the GIL)"),
        format!("{} waiting for the GIL", paint.paint(State::Waiting, "░")),
        blocked,
        "↓ drop request".to_string(),
        "× failed wake-up".to_string(),
    ]
}

fn push_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
}

/// A thread's name in the label column: cut short with `…`, or padded, to `width` columns.
fn pad(name: &str, width: usize) -> String {
    pad_str(name, width, Alignment::Left, Some("…")).into_owned()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Three threads that ran, waited, blocked and were marked, one with a long name and
    /// one whose name is in wide (two-column) characters.
    fn lanes() -> Vec<(String, Lane)> {
        let mut main = Lane::default();
        main.set(0, State::Running);
        main.set(100, State::Blocked);
        main.set(900, State::Running);
        main.set(1_000, State::Done);
        let mut worker = Lane::default();
        worker.set(100, State::Waiting);
        worker.set(200, State::Running);
        worker.set(500, State::Waiting);
        worker.set(600, State::Running);
        worker.set(900, State::Done);
        worker.marks.push((300, Mark::DropRequest));
        worker.marks.push((550, Mark::FailedWakeup));
        let mut wide = Lane::default();
        wide.set(150, State::Waiting);
        wide.set(500, State::Running);
        wide.set(600, State::Blocked);
        wide.set(800, State::Done);
        vec![
            ("MainThread".into(), main),
            ("ThreadPoolExecutor-0_0 (worker)".into(), worker),
            ("工作线程".into(), wide),
        ]
    }

    fn chart(model: GilModel, lanes: &[(String, Lane)]) -> Chart<'_> {
        Chart {
            model,
            end: 1_000,
            switches: 3,
            lanes: lanes.iter().map(|(n, l)| (n.clone(), l)).collect(),
        }
    }

    fn is_lane(line: &str) -> bool {
        line.ends_with('│')
    }

    #[test]
    fn every_line_fits_the_width() {
        let lanes = lanes();
        for model in [GilModel::New, GilModel::Off] {
            for color in [false, true] {
                for columns in MIN_COLUMNS..=200 {
                    let text = draw(&chart(model, &lanes), columns, color);
                    for line in text.lines() {
                        let w = measure_text_width(line);
                        assert!(w <= columns, "{w} > {columns}: {line:?} in\n{text}");
                        if is_lane(line) {
                            assert_eq!(w, columns, "{line:?} in\n{text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_narrower_terminal_gets_the_minimum_width() {
        let lanes = lanes();
        for columns in [0, 10, 20, MIN_COLUMNS - 1] {
            let text = draw(&chart(GilModel::New, &lanes), columns, false);
            assert_eq!(
                text,
                draw(&chart(GilModel::New, &lanes), MIN_COLUMNS, false)
            );
        }
        let text = draw(&chart(GilModel::New, &lanes), MIN_COLUMNS, false);
        let lane = text.lines().find(|l| is_lane(l)).unwrap();
        assert_eq!(measure_text_width(lane), MIN_COLUMNS);
        // Long names are cut short, with a mark that they were.
        assert!(text.contains("ThreadPoolExecut… │"), "{text}");
    }

    #[test]
    fn a_wider_request_gets_the_maximum_width() {
        let lanes = lanes();
        for columns in [MAX_COLUMNS, MAX_COLUMNS + 1, 1_000_000_000, usize::MAX] {
            let text = draw(&chart(GilModel::New, &lanes), columns, false);
            for lane in text.lines().filter(|l| is_lane(l)) {
                assert_eq!(measure_text_width(lane), MAX_COLUMNS, "{columns}");
            }
        }
    }

    #[test]
    fn the_legend_wraps_on_a_narrow_terminal() {
        let lanes = lanes();
        let legend_lines = |columns| {
            let text = draw(&chart(GilModel::New, &lanes), columns, false);
            let lines: Vec<String> = text
                .lines()
                .skip_while(|l| !l.starts_with("legend:"))
                .take_while(|l| !l.starts_with("switches"))
                .map(String::from)
                .collect();
            lines
        };
        assert_eq!(legend_lines(200).len(), 1);
        let narrow = legend_lines(MIN_COLUMNS);
        assert!(narrow.len() > 2, "{narrow:#?}");
        // Every entry is still there.
        let all = narrow.join(" ");
        for entry in [
            "running",
            "waiting for the GIL",
            "blocked",
            "drop request",
            "wake-up",
        ] {
            assert!(all.contains(entry), "{entry} missing from {narrow:#?}");
        }
    }

    /// The legend and the footer of a chart, with runs of spaces made one.
    fn key(model: GilModel) -> String {
        let lanes = lanes();
        let text = draw(&chart(model, &lanes), 200, false);
        let key: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("legend:"))
            .collect();
        key.join("\n")
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn with_a_gil_threads_hold_it_and_wait_for_it() {
        let key = key(GilModel::New);
        assert!(key.contains("█ running (holds the GIL)"), "{key}");
        assert!(key.contains("↓ drop request"), "{key}");
        assert!(key.contains("switches between threads: 3"), "{key}");
        assert!(
            key.contains("MainThread holds the GIL 20.0% waits for it 0.0% blocked 80.0%"),
            "{key}"
        );
    }

    #[test]
    fn without_a_gil_threads_run_and_nothing_waits_for_one() {
        let key = key(GilModel::Off);
        for gone in [
            "holds",
            "waiting",
            "waits for it",
            "drop request",
            "switches",
        ] {
            assert!(!key.contains(gone), "{gone} in {key}");
        }
        assert!(key.contains("█ running (in parallel, no GIL)"), "{key}");
        assert!(key.contains("no GIL: threads ran in parallel"), "{key}");
        assert!(
            key.contains("MainThread running 20.0% blocked 80.0%"),
            "{key}"
        );
    }
}
