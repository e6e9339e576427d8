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
/// a thread of a subinterpreter is named after its interpreter first (`[1] Thread-3`).
pub(crate) fn thread_name(interp: &Weak<Interpreter>, ident: u64) -> String {
    match interp.upgrade().and_then(|i| i.runtime.thread(ident)) {
        Some(t) if t.interp != 0 => format!("[{}] {}", t.interp, t.display_name()),
        Some(t) => t.display_name(),
        None => format!("thread {ident}"),
    }
}

/// A GIL as reports name it: "the GIL" (the main interpreter's, which every interpreter
/// shares up to CPython 3.11), "interp 2's GIL".
pub(crate) fn gil_name(interp: &Weak<Interpreter>, gil: usize) -> String {
    match interp.upgrade().map(|i| i.runtime.gil_owner(gil)) {
        Some(owner) if owner != 0 => format!("interp {owner}'s GIL"),
        _ => "the GIL".into(),
    }
}
