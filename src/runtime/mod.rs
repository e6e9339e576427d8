//! The object tree that owns all state: `Runtime` (one per run) → `Interpreter` → threads
//! (DESIGN.md principle 6), plus the scheduling seam, the GIL models, the event stream and
//! deadlock detection.

pub mod config;
pub mod deadlock;
pub mod events;
pub mod gil;
pub mod interpreter;
pub mod mailbox;
pub mod memory;
pub mod output;
pub mod pool;
#[allow(clippy::module_inception)]
pub mod runtime;
pub mod sched;
pub mod thread;

pub use config::{InterpreterConfig, PyVersion, RunOptions, TraceLevel};
pub use interpreter::Interpreter;
pub use runtime::Runtime;
pub use thread::ThreadState;

#[cfg(test)]
mod tests;
