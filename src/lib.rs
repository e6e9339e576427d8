//! gilsim: a teaching simulator of a GIL-style Python interpreter.
#![forbid(unsafe_code)]

pub mod compiler;
pub mod drive;
pub mod runtime;
pub mod stdlib;
pub mod syntax;
pub mod viz;
pub mod vm;

pub use drive::{RunOutcome, run_file, run_source};
