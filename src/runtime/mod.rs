//! The object tree that owns all state: `Runtime` → `Interpreter` → threads (DESIGN.md principle 6).

pub mod interpreter;
pub mod output;
pub mod thread;

pub use interpreter::{Interpreter, RunOptions, Runtime};
pub use thread::ThreadState;
