//! CPython's messages for a deque method called with a wrong receiver or argument count.
//!
//! `collections.deque`'s methods are C functions of several kinds (Modules/_collectionsmodule.c
//! and Objects/descrobject.c, typeobject.c): METH_NOARGS and METH_O methods, an argument-clinic
//! one (`rotate`), PyArg_ParseTuple ones (`insert`, `index`) and the slot wrappers of the dunder
//! methods. Each words its errors its own way; these are CPython 3.11 and 3.12's words.

use super::deque::Deque;
use crate::vm::objects::function::Args;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

/// How a deque method takes its arguments (besides the deque).
#[derive(Clone, Copy)]
pub enum Arity {
    /// METH_NOARGS.
    NoArgs,
    /// METH_O: exactly one.
    One,
    /// Argument clinic, positional only: between `min` and `max`.
    Clinic(usize, usize),
    /// PyArg_ParseTuple: between `min` and `max`.
    Tuple(usize, usize),
    /// A slot wrapper (`__getitem__`, `__len__`): exactly `n`.
    Slot(usize),
    /// `__setitem__`'s wrapper (PyArg_UnpackTuple with an empty name): exactly `n`.
    SlotUnpack(usize),
}

const TYPE: &str = "collections.deque";

/// Checks the receiver (the first positional argument) and the count of the others; returns
/// the deque and all positional arguments (the receiver first).
pub fn checked<'a>(
    args: &'a Args<'_>,
    method: &str,
    arity: Arity,
) -> PyResult<(&'a Deque, &'a [Value])> {
    let pos = args.pos();
    let Some(receiver) = pos.first() else {
        return Err(type_error(if method.starts_with("__") {
            format!("descriptor '{method}' of '{TYPE}' object needs an argument")
        } else {
            format!("unbound method deque.{method}() needs an argument")
        }));
    };
    let deque = checked_receiver(receiver, method)?;
    check_arguments(args, method, arity, pos.len() - 1)?;
    Ok((deque, pos))
}

/// As `checked`, for a method given its receiver apart (`MethodFn`): the deque and the
/// other positional arguments.
#[inline(always)]
pub fn checked_method<'a>(
    receiver: &'a Value,
    args: &Args<'a>,
    method: &str,
    arity: Arity,
) -> PyResult<(&'a Deque, &'a [Value])> {
    let deque = checked_receiver(receiver, method)?;
    check_arguments(args, method, arity, args.pos().len())?;
    Ok((deque, args.pos()))
}

#[inline(always)]
fn checked_receiver<'a>(receiver: &'a Value, method: &str) -> PyResult<&'a Deque> {
    let Some(deque) = as_deque(receiver) else {
        let other = type_name(receiver);
        return Err(type_error(if method.starts_with("__") {
            format!("descriptor '{method}' requires a '{TYPE}' object but received a '{other}'")
        } else {
            format!(
                "descriptor '{method}' for '{TYPE}' objects doesn't apply to a '{other}' object"
            )
        }));
    };
    Ok(deque)
}

/// Refuses keywords, and `given` positional arguments where `arity` wants others.
#[inline(always)]
fn check_arguments(args: &Args<'_>, method: &str, arity: Arity, given: usize) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(type_error(if method.starts_with("__") {
            format!("wrapper {method}() takes no keyword arguments")
        } else {
            format!("deque.{method}() takes no keyword arguments")
        }));
    }
    let (min, max) = arity.bounds();
    if (min..=max).contains(&given) {
        return Ok(());
    }
    match count_error(method, arity, given) {
        Some(message) => Err(type_error(message)),
        None => Ok(()),
    }
}

fn as_deque(v: &Value) -> Option<&Deque> {
    match v {
        Value::Native(n) => n.downcast::<Deque>(),
        _ => None,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Arity {
    /// The fewest and the most arguments it takes.
    #[inline]
    fn bounds(self) -> (usize, usize) {
        match self {
            Arity::NoArgs => (0, 0),
            Arity::One => (1, 1),
            Arity::Clinic(min, max) | Arity::Tuple(min, max) => (min, max),
            Arity::Slot(n) | Arity::SlotUnpack(n) => (n, n),
        }
    }
}

/// The message for `given` arguments where `arity` wants others, or None when they fit.
fn count_error(method: &str, arity: Arity, given: usize) -> Option<String> {
    let (min, max) = arity.bounds();
    if (min..=max).contains(&given) {
        return None;
    }
    Some(match arity {
        Arity::NoArgs => format!("deque.{method}() takes no arguments ({given} given)"),
        Arity::One => format!("deque.{method}() takes exactly one argument ({given} given)"),
        Arity::Clinic(..) if given > max => format!(
            "deque.{method} expected at most {max} argument{}, got {given}",
            plural(max)
        ),
        Arity::Clinic(..) => format!(
            "deque.{method} expected at least {min} argument{}, got {given}",
            plural(min)
        ),
        Arity::Tuple(..) if min == max => {
            format!(
                "{method}() takes exactly {min} argument{} ({given} given)",
                plural(min)
            )
        }
        Arity::Tuple(..) if given > max => {
            format!(
                "{method}() takes at most {max} argument{} ({given} given)",
                plural(max)
            )
        }
        Arity::Tuple(..) => {
            format!(
                "{method}() takes at least {min} argument{} ({given} given)",
                plural(min)
            )
        }
        Arity::Slot(n) => format!("expected {n} argument{}, got {given}", plural(n)),
        Arity::SlotUnpack(n) => format!(" expected {n} argument{}, got {given}", plural(n)),
    })
}
