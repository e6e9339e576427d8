//! The virtual machine, in folders by idea: `objects` (values and the object types),
//! `protocols` (what Python operations mean for them: attributes, calls, comparisons,
//! operators, iteration, exceptions, ...), `eval` (frames and the bytecode loop, with its
//! check points and blocking calls), `builtins` (the `builtins` module and the methods of
//! builtin types) and `fmt` (CPython-exact number and string formatting). `Vm` (`context`)
//! is one thread's execution context; `pyerr` the exception in flight.

pub(crate) mod builtins;
pub(crate) mod context;
pub(crate) mod eval;
pub(crate) mod fmt;
pub(crate) mod import;
pub(crate) mod objects;
pub(crate) mod protocols;
pub(crate) mod pyerr;
pub(crate) mod teardown;
