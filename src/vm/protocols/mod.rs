//! What Python's operations mean for every object (CPython's Objects/abstract.c and
//! object.c): attribute access, calls, comparisons and hashing, repr/str/format, operators
//! and arithmetic, subscription, iteration, set algebra, exceptions, class creation,
//! `str % args`, `with`, and the smaller services builtins need.

pub(crate) mod attr;
pub(crate) mod builtin_attrs;
pub(crate) mod call;
mod carets;
pub(crate) mod class_creation;
pub(crate) mod class_hooks;
pub(crate) mod compare;
pub(crate) mod convert;
pub(crate) mod exceptions;
pub(crate) mod iteration;
pub(crate) mod numeric;
pub(crate) mod ops;
pub(crate) mod os_errors;
pub(crate) mod percent_format;
pub(crate) mod services;
pub(crate) mod setops;
pub(crate) mod subscript;
pub(crate) mod syntax_errors;
pub(crate) mod with;
