//! Watching a run: the `--trace` log and the `--timeline` chart, both fed by the event stream.

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
        .and_then(|i| {
            i.threads
                .lock()
                .iter()
                .find(|t| t.ident == ident)
                .map(|t| t.display_name())
        })
        .unwrap_or_else(|| format!("thread {ident}"))
}
