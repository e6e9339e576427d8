//! Watching a run: the `--trace` log, the `--timeline` chart and the `--stats` figures, each
//! an observer of the event stream.

pub mod stats;
pub mod terminal;
pub mod timeline;
pub mod trace;
pub mod wrap;

use std::sync::Weak;

use crate::runtime::Interpreter;

/// A thread's name for reports: looked up when needed (names can change while running).
pub(crate) fn thread_name(interp: &Weak<Interpreter>, ident: u64) -> String {
    interp
        .upgrade()
        .and_then(|i| i.runtime.thread(ident))
        .map_or_else(|| format!("thread {ident}"), |t| t.display_name())
}
