//! `--timeline`: one lane per thread, time left to right — running (with the GIL, or on a
//! core without one), waiting for the GIL, blocked (sleep, lock, queue, join), done — with
//! drop requests and failed wake-ups marked, a legend and a footer of per-thread shares.
//! Collected from the event stream here; drawn at exit by `draw`.

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
    /// Who holds each GIL (by `Gil::id`), to count the switches between threads.
    holders: HashMap<usize, u64>,
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
        if let Some(main) = interp.main_thread() {
            let mut st = timeline.state.lock();
            st.lane(main.ident).set(0, State::Running);
            st.holders.insert(interp.gil.id, main.ident);
        }
        interp.runtime.events.attach(timeline.clone());
        timeline
    }

    /// The chart, `columns` characters wide, ending at `end` (the run's length).
    /// Lanes are grouped by interpreter (the main one first), in creation order within one.
    pub fn render(&self, end: Duration, columns: usize, color: bool) -> String {
        let st = self.state.lock();
        let mut order = st.order.clone();
        if let Some(interp) = self.interp.upgrade() {
            let runtime = &interp.runtime;
            order.sort_by_key(|&t| runtime.thread(t).map_or(0, |t| t.interp));
        }
        let chart = Chart {
            model: self.model,
            end: (end.as_nanos() as u64).max(st.end).max(1),
            switches: st.switches,
            lanes: order
                .iter()
                .map(|&t| (super::thread_name(&self.interp, t), &st.lanes[&t]))
                .collect(),
        };
        draw::draw(&chart, columns, color)
    }
}

impl Timeline {
    /// What a thread that may run (just started, or woken) does: with a GIL it waits for it
    /// (its `GilAcquire` says when it has it); without one it runs at once, and in real mode
    /// nothing else would ever say so, as there is no GIL to acquire.
    fn ready(&self) -> State {
        if self.model == GilModel::Off {
            State::Running
        } else {
            State::Waiting
        }
    }
}

impl Observer for Timeline {
    fn event(&self, at: Duration, event: &Event) {
        let at = at.as_nanos() as u64;
        let mut st = self.state.lock();
        st.end = st.end.max(at);
        match event {
            Event::ThreadStart { thread, .. } => {
                let ready = self.ready();
                let lane = st.lane(*thread);
                if lane.changes.is_empty() {
                    lane.set(at, ready);
                }
            }
            Event::ThreadExit { thread } => st.lane(*thread).set(at, State::Done),
            Event::Block { thread, .. } => st.lane(*thread).set(at, State::Blocked),
            Event::Wake { thread } => {
                let ready = self.ready();
                st.lane(*thread).set(at, ready);
            }
            Event::GilRelease { thread, reason, .. } => {
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
            Event::GilAcquire { gil, thread, .. } => {
                // Without a GIL only the simulated scheduler reports these: its virtual core
                // passing between threads that all run in parallel, not a switch.
                let previous = st.holders.insert(*gil, *thread);
                if self.model != GilModel::Off && previous.is_some_and(|h| h != *thread) {
                    st.switches += 1;
                }
                st.lane(*thread).set(at, State::Running);
            }
            Event::DropRequest { by, .. } => st.lane(*by).marks.push((at, Mark::DropRequest)),
            Event::FailedWakeup { thread, .. } => {
                st.lane(*thread).marks.push((at, Mark::FailedWakeup));
            }
            Event::Line { .. } | Event::Op { .. } | Event::Task { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::events::sample::{acquire, deliver, start};

    fn timeline(model: GilModel) -> Timeline {
        let timeline = Timeline {
            interp: Weak::new(),
            model,
            state: Mutex::new(TimelineState::default()),
        };
        timeline.state.lock().lane(1).set(0, State::Running);
        timeline.state.lock().holders.insert(0, 1);
        timeline
    }

    fn ev(timeline: &Timeline, at: u64, event: Event) {
        deliver(timeline, at, event);
    }

    #[test]
    fn without_a_gil_a_started_thread_runs_at_once() {
        // Real mode without a GIL: a thread starts, runs, exits; no GIL event at all.
        let t = timeline(GilModel::Off);
        ev(&t, 10, start(2));
        ev(
            &t,
            10,
            Event::Block {
                thread: 1,
                what: "join".into(),
                line: 0,
            },
        );
        ev(&t, 90, Event::ThreadExit { thread: 2 });
        ev(&t, 90, Event::Wake { thread: 1 });
        let st = t.state.lock();
        let worker = st.lanes[&2].durations(0, 100);
        assert_eq!(worker.get(&State::Running), Some(&80));
        assert_eq!(worker.get(&State::Waiting), None);
        let main = st.lanes[&1].durations(0, 100);
        assert_eq!(main.get(&State::Running), Some(&20));
        assert_eq!(main.get(&State::Blocked), Some(&80));
    }

    #[test]
    fn with_a_gil_a_started_thread_waits_for_it() {
        let t = timeline(GilModel::New);
        ev(&t, 10, start(2));
        ev(&t, 30, acquire(2));
        let st = t.state.lock();
        let worker = st.lanes[&2].durations(0, 40);
        assert_eq!(worker.get(&State::Waiting), Some(&20));
        assert_eq!(worker.get(&State::Running), Some(&10));
        assert_eq!(st.switches, 1);
    }

    #[test]
    fn a_simulated_core_changing_hands_is_no_switch() {
        let t = timeline(GilModel::Off);
        for (at, from, to) in [(10, 1, 2), (20, 2, 1), (30, 1, 2)] {
            ev(
                &t,
                at,
                Event::GilRelease {
                    gil: 0,
                    thread: from,
                    reason: ReleaseReason::Quantum,
                },
            );
            ev(&t, at, acquire(to));
        }
        let st = t.state.lock();
        assert_eq!(st.switches, 0);
        assert_eq!(
            st.lanes[&1].durations(0, 40).get(&State::Running),
            Some(&40)
        );
    }
}
