//! gilsim: a teaching simulator of a GIL-style Python interpreter.
#![forbid(unsafe_code)]

pub mod compiler;
pub mod runner;
pub mod runtime;
pub mod stdlib;
pub mod syntax;
pub mod viz;
pub mod vm;

pub use runner::{RunOutcome, run_file, run_source};
