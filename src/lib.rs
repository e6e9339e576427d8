//! gilsim: a teaching simulator of a GIL-style Python interpreter.
#![forbid(unsafe_code)]

pub mod compiler;
pub mod drive;
pub mod runtime;
pub(crate) mod stdlib;
pub mod syntax;
pub(crate) mod viz;
pub(crate) mod vm;

pub use drive::{RunOutcome, run_file, run_source};
