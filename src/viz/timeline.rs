//! `--timeline`: one lane per thread, time left to right — running with the GIL, waiting for
//! it, blocked (sleep, lock, queue, join), done — with drop requests and failed wake-ups
//! marked, a legend and a footer of per-thread shares. Drawn at exit to fit the terminal;
//! coloured only on a terminal, and never when `NO_COLOR` is set.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use crate::runtime::Interpreter;
use crate::runtime::events::{Event, Observer};
use crate::runtime::gil::{GilModel, ReleaseReason};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum State {
    NotStarted,
    Running,
    Waiting,
    Blocked,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    DropRequest,
    FailedWakeup,
}

#[derive(Default)]
struct Lane {
    /// (since ns, state), in time order.
    changes: Vec<(u64, State)>,
    marks: Vec<(u64, Mark)>,
}

impl Lane {
    fn set(&mut self, at: u64, state: State) {
        if self.changes.last().is_some_and(|&(_, s)| s == state) {
            return;
        }
        let at = self.changes.last().map_or(at, |&(t, _)| at.max(t));
        self.changes.push((at, state));
    }

    fn state_at(&self, at: u64) -> State {
        match self.changes.partition_point(|&(t, _)| t <= at) {
            0 => State::NotStarted,
            n => self.changes[n - 1].1,
        }
    }

    /// Time spent in each state between `from` and `to`.
    fn durations(&self, from: u64, to: u64) -> HashMap<State, u64> {
        let mut out = HashMap::new();
        let mut state = self.state_at(from);
        let mut t = from;
        for &(at, s) in &self.changes {
            if at <= from {
                continue;
            }
            if at >= to {
                break;
            }
            *out.entry(state).or_insert(0) += at - t;
            t = at;
            state = s;
        }
        *out.entry(state).or_insert(0) += to.saturating_sub(t);
        out
    }
}

pub struct Timeline {
    interp: Weak<Interpreter>,
    model: GilModel,
    state: Mutex<TimelineState>,
}

#[derive(Default)]
struct TimelineState {
    lanes: HashMap<u64, Lane>,
    order: Vec<u64>,
    end: u64,
    switches: u64,
    holder: Option<u64>,
}

impl TimelineState {
    fn lane(&mut self, thread: u64) -> &mut Lane {
        if !self.lanes.contains_key(&thread) {
            self.order.push(thread);
        }
        self.lanes.entry(thread).or_default()
    }
}

impl Timeline {
    /// Starts collecting; the main thread runs from time 0.
    pub fn attach(interp: &Arc<Interpreter>) -> Arc<Timeline> {
        let timeline = Arc::new(Timeline {
            interp: Arc::downgrade(interp),
            model: interp.gil.model,
            state: Mutex::new(TimelineState::default()),
        });
        if let Some(main) = interp.threads.lock().first() {
            let mut st = timeline.state.lock();
            st.lane(main.ident).set(0, State::Running);
            st.holder = Some(main.ident);
        }
        interp.runtime.events.attach(timeline.clone());
        timeline
    }

    /// The chart, `columns` characters wide, ending at `end` (the run's length).
    pub fn render(&self, end: Duration, columns: usize, color: bool) -> String {
        let st = self.state.lock();
        let end = (end.as_nanos() as u64).max(st.end).max(1);
        let names: Vec<String> = st
            .order
            .iter()
            .map(|&t| super::thread_name(&self.interp, t))
            .collect();
        let label = names
            .iter()
            .map(|n| n.chars().count())
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
            if self.model == GilModel::Off {
                "no GIL"
            } else {
                "GIL"
            },
            fmt_time(per_column.round() as u64)
        );
        for (thread, name) in st.order.iter().zip(&names) {
            let lane = &st.lanes[thread];
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
        let _ = write!(out, "switches between threads: {}", st.switches);
        out.push('\n');
        for (thread, name) in st.order.iter().zip(&names) {
            let d = st.lanes[thread].durations(0, end);
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
}

impl Observer for Timeline {
    fn event(&self, at: Duration, event: &Event) {
        let at = at.as_nanos() as u64;
        let mut st = self.state.lock();
        st.end = st.end.max(at);
        match event {
            Event::ThreadStart { thread, .. } => {
                let lane = st.lane(*thread);
                if lane.changes.is_empty() {
                    lane.set(at, State::Waiting);
                }
            }
            Event::ThreadExit { thread } => st.lane(*thread).set(at, State::Done),
            Event::Block { thread, .. } => st.lane(*thread).set(at, State::Blocked),
            Event::Wake { thread } => {
                let state = if self.model == GilModel::Off {
                    State::Running
                } else {
                    State::Waiting
                };
                st.lane(*thread).set(at, state);
            }
            Event::GilRelease { thread, reason } => {
                let state = match reason {
                    ReleaseReason::Blocking => State::Blocked,
                    ReleaseReason::Exit => State::Done,
                    // Without a GIL a thread sharing a core is still running.
                    ReleaseReason::Quantum => State::Running,
                    ReleaseReason::DropRequest | ReleaseReason::Ticks | ReleaseReason::Explored => {
                        State::Waiting
                    }
                };
                st.lane(*thread).set(at, state);
            }
            Event::GilAcquire { thread, .. } => {
                if st.holder.is_some_and(|h| h != *thread) {
                    st.switches += 1;
                }
                st.holder = Some(*thread);
                st.lane(*thread).set(at, State::Running);
            }
            Event::DropRequest { by, .. } => st.lane(*by).marks.push((at, Mark::DropRequest)),
            Event::FailedWakeup { thread } => {
                st.lane(*thread).marks.push((at, Mark::FailedWakeup));
            }
            Event::Line { .. } | Event::Op { .. } => {}
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_durations_split_at_changes() {
        let mut lane = Lane::default();
        lane.set(0, State::Running);
        lane.set(10, State::Waiting);
        lane.set(30, State::Running);
        let d = lane.durations(0, 40);
        assert_eq!(d[&State::Running], 20);
        assert_eq!(d[&State::Waiting], 20);
        assert_eq!(lane.state_at(15), State::Waiting);
        assert_eq!(lane.durations(5, 12)[&State::Running], 5);
    }
}
