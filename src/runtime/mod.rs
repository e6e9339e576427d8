//! The object tree that owns all state: `Runtime` → `Interpreter` → threads (DESIGN.md
//! principle 6), plus the GIL models, the event stream and deadlock detection.

pub mod deadlock;
pub mod events;
pub mod explore;
pub mod gil;
pub mod interpreter;
pub mod mailbox;
pub mod output;
pub mod pool;
pub mod sched;
pub mod stats;
pub mod thread;

pub use interpreter::{Interpreter, RunOptions, Runtime, TraceLevel};
pub use thread::ThreadState;
