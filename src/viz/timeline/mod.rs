//! `--timeline`: one lane per thread, time left to right — running with the GIL, waiting for
//! it, blocked (sleep, lock, queue, join), done — with drop requests and failed wake-ups
//! marked, a legend and a footer of per-thread shares. Drawn at exit to fit the terminal;
//! coloured only on a terminal, and never when `NO_COLOR` is set.

mod draw;
mod lane;

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use crate::runtime::Interpreter;
use crate::runtime::events::{Event, Observer};
use crate::runtime::gil::{GilModel, ReleaseReason};
use draw::Chart;
use lane::{Lane, Mark, State};

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
        let chart = Chart {
            model: self.model,
            end: (end.as_nanos() as u64).max(st.end).max(1),
            switches: st.switches,
            lanes: st
                .order
                .iter()
                .map(|&t| (super::thread_name(&self.interp, t), &st.lanes[&t]))
                .collect(),
        };
        draw::draw(&chart, columns, color)
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
