//! Watching a run: the `--trace` log, the `--timeline` chart and the `--stats` figures, each
//! an observer of the event stream; the trace JSON and the HTML report, drawn from a
//! recording of it.

pub mod compare;
pub mod html;
pub mod recording;
pub mod stats;
pub mod terminal;
pub mod timeline;
pub mod trace;
pub mod trace_json;
pub mod wrap;

use std::sync::Weak;

use crate::runtime::Interpreter;

/// A thread's name for reports, looked up when needed (names can change while running):
/// a thread of a subinterpreter is named after its interpreter first (`[1] Thread-3`), a
/// thread of a child process after the process, as `multiprocessing` names it
/// (`[Process-1] MainThread`, `[ForkPoolWorker-2] MainThread`; its pid is in the trace
/// JSON's process names and in deadlock reports).
pub(crate) fn thread_name(interp: &Weak<Interpreter>, ident: u64) -> String {
    let Some(runtime) = interp.upgrade().map(|i| i.runtime.clone()) else {
        return format!("thread {ident}");
    };
    match runtime.thread(ident) {
        Some(t) if t.interp != 0 => {
            let process = runtime.process_name(t.interp).map(|p| p.name);
            lane_prefix(t.interp, process.as_deref(), &t.display_name())
        }
        Some(t) => t.display_name(),
        None => format!("thread {ident}"),
    }
}

/// `name` prefixed with its interpreter: the process it stands for, or its number.
fn lane_prefix(interp: u64, process: Option<&str>, name: &str) -> String {
    match process {
        Some(process) => format!("[{process}] {name}"),
        None => format!("[{interp}] {name}"),
    }
}

/// A GIL as reports name it: "the GIL" (the main interpreter's, which every interpreter
/// shares up to CPython 3.11), "interp 2's GIL", "Process-1's GIL".
pub(crate) fn gil_name(interp: &Weak<Interpreter>, gil: usize) -> String {
    let Some(runtime) = interp.upgrade().map(|i| i.runtime.clone()) else {
        return "the GIL".into();
    };
    match runtime.gil_owner(gil) {
        0 => "the GIL".into(),
        owner => match runtime.process_name(owner) {
            Some(p) => format!("{}'s GIL", p.name),
            None => format!("interp {owner}'s GIL"),
        },
    }
}
