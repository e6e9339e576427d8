//! Drivers: what runs whole programs, above the runtime — `run` (one program, real or
//! simulated), `explore` (one program under many schedules) and `compare` (one program
//! under several GIL models). They build a run's
//! `Runtime`, start its main module and report on it; the runtime never calls back up.

pub mod compare;
pub mod explore;
pub mod main_module;
pub mod run;

pub use main_module::{Prepared, execute_prepared};
pub use run::{RunOutcome, run_file, run_prepared, run_program, run_source};
