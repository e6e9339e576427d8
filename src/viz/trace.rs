//! `--trace switches|lines|ops`: one line per event, each with its time (virtual in simulated
//! mode, so the trace is deterministic there) and the thread's name, written to stderr.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use crate::runtime::events::{Event, Observer};
use crate::runtime::gil::{GilModel, ReleaseReason};
use crate::runtime::{Interpreter, TraceLevel};

pub struct Trace {
    level: TraceLevel,
    interp: Weak<Interpreter>,
    model: GilModel,
    state: Mutex<TraceState>,
}

/// Per GIL (by `Gil::id`): who held it last, and who let it go last and why.
#[derive(Default)]
struct TraceState {
    holders: HashMap<usize, u64>,
    released: HashMap<usize, (u64, ReleaseReason)>,
}

impl Trace {
    pub fn attach(interp: &Arc<Interpreter>, level: TraceLevel) {
        let trace = Arc::new(Trace {
            level,
            interp: Arc::downgrade(interp),
            model: interp.gil.model,
            state: Mutex::new(TraceState::default()),
        });
        interp.runtime.events.attach(trace);
    }

    fn name(&self, ident: u64) -> String {
        super::thread_name(&self.interp, ident)
    }

    fn gil(&self, gil: usize) -> String {
        super::gil_name(&self.interp, gil)
    }

    /// The text for one event, or None when this level does not show it.
    fn describe(&self, event: &Event) -> Option<(u64, String)> {
        let mut st = self.state.lock();
        Some(match event {
            Event::ThreadStart { thread, .. } => (*thread, "starts".into()),
            Event::ThreadExit { thread } => (*thread, "exits".into()),
            Event::Block { thread, what, .. } => (*thread, format!("blocks, waiting for {what}")),
            Event::Wake { .. } => return None,
            Event::DropRequest { gil, by, holder } => (
                *by,
                format!(
                    "asks {} to drop {} (waited a switch interval)",
                    self.name(*holder),
                    self.gil(*gil)
                ),
            ),
            Event::FailedWakeup { gil, thread } => (
                *thread,
                format!(
                    "woke up, but {} was taken again (failed wake-up)",
                    self.gil(*gil)
                ),
            ),
            Event::GilRelease {
                gil,
                thread,
                reason,
            } => {
                st.released.insert(*gil, (*thread, *reason));
                return None;
            }
            Event::GilAcquire {
                gil,
                thread,
                waited,
            } => {
                let previous = st.holders.insert(*gil, *thread);
                if previous == Some(*thread) || self.model == GilModel::Off {
                    return None;
                }
                let mut text = format!("takes {}", self.gil(*gil));
                if let Some((from, reason)) = st.released.remove(gil)
                    && from != *thread
                {
                    let _ = write!(text, " from {} ({})", self.name(from), reason.name());
                }
                if *waited >= Duration::from_micros(1) {
                    let _ = write!(text, " after waiting {}", millis(*waited));
                }
                (*thread, text)
            }
            Event::Line { thread, file, line } if self.level >= TraceLevel::Lines => {
                let source = self
                    .interp
                    .upgrade()
                    .and_then(|i| i.runtime.source_line(file, *line))
                    .unwrap_or_default();
                (*thread, format!("line {line}: {}", source.trim()))
            }
            Event::Op { thread, text } if self.level >= TraceLevel::Ops => {
                (*thread, format!("    {text}"))
            }
            Event::Task { thread, text } => (*thread, format!("task {text}")),
            Event::Line { .. } | Event::Op { .. } => return None,
        })
    }
}

fn millis(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

impl Observer for Trace {
    fn event(&self, at: Duration, event: &Event) {
        let Some((thread, text)) = self.describe(event) else {
            return;
        };
        let Some(interp) = self.interp.upgrade() else {
            return;
        };
        let line = format!(
            "{:>11.6}  {:<20} {text}\n",
            at.as_secs_f64(),
            self.name(thread)
        );
        interp.runtime.stderr.write_str(&line);
    }
}
