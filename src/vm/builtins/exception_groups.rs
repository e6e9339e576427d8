//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction, `split`, `subgroup`,
//! `derive`, and the two steps of `except*` (CHECK_EG_MATCH and PREP_RERAISE_STAR), as
//! Objects/exceptions.c and Python/ceval.c do them.

use std::collections::HashSet;
use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::types::{Types, class_of, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, value_error};

pub(super) fn register(t: &Types) {
    let methods: &[(&str, NativeFn)] =
        &[("split", split), ("subgroup", subgroup), ("derive", derive)];
    super::add_methods(&t.exc.base_exception_group, methods);
}

/// The sub-exceptions of a group (None for any other value).
pub fn members(v: &Value) -> Option<Vec<Value>> {
    let Value::Instance(inst) = v else {
        return None;
    };
    inst.exc_data()?.lock().group.clone()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the arguments as CPython
/// does; `BaseExceptionGroup(...)` of Exceptions only is an `ExceptionGroup`, and an
/// `ExceptionGroup` refuses a BaseException.
pub fn new_group(cls: &Arc<Class>, args: &[Value]) -> PyResult<Value> {
    let t = &types().exc;
    let [message, exceptions] = args else {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    };
    if !matches!(message, Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            type_name(message)
        )));
    }
    let items = match exceptions {
        Value::List(l) => l.items.read().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
    };
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, item) in items.iter().enumerate() {
        let class = class_of(item);
        if !matches!(item, Value::Instance(_)) || !class.is_subclass(&t.base_exception) {
            return Err(value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= class.is_subclass(&t.exception);
    }
    let mut cls = cls.clone();
    if Arc::ptr_eq(&cls, &t.base_exception_group) {
        if all_exceptions {
            cls = t.exception_group.clone();
        }
    } else if cls.is_subclass(&t.exception) && !all_exceptions {
        return Err(type_error(if Arc::ptr_eq(&cls, &t.exception_group) {
            "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
        } else {
            format!("Cannot nest BaseExceptions in '{}'", cls.name)
        }));
    }
    Ok(Value::Instance(group_instance(cls, args.to_vec(), items)))
}

fn group_instance(cls: Arc<Class>, args: Vec<Value>, members: Vec<Value>) -> Arc<Instance> {
    let inst = Instance::new_exception(cls, args);
    if let Some(d) = inst.exc_data() {
        d.lock().group = Some(members);
    }
    inst
}

/// `ExceptionGroup(message, exceptions)` made natively (`_PyExc_CreateExceptionGroup`).
fn create_group(message: &str, members: Vec<Value>) -> PyResult<Value> {
    new_group(
        &types().exc.base_exception_group,
        &[Value::str(message), Value::list(members)],
    )
}

/// `str(group)`: "message (N sub-exceptions)".
pub fn group_str(vm: &Vm, inst: &Instance) -> PyResult<String> {
    let data = inst.exc_data().map(|d| d.lock());
    let (message, n) = match &data {
        Some(d) => (
            d.args.first().cloned().unwrap_or(Value::None),
            d.group.as_ref().map_or(0, Vec::len),
        ),
        None => (Value::None, 0),
    };
    drop(data);
    let plural = if n > 1 { "s" } else { "" };
    Ok(format!("{} ({n} sub-exception{plural})", vm.str(&message)?))
}

/// What `split` and `subgroup` (and `except*`) match leaves with.
enum Matcher {
    Types(Value),
    Predicate(Value),
    /// Leaves by identity (PREP_RERAISE_STAR's projection of the re-raised leaves).
    Leaves(HashSet<usize>),
}

impl Matcher {
    fn of(vm: &Vm, condition: &Value) -> PyResult<Matcher> {
        let is_exception_type =
            |v: &Value| matches!(v, Value::Class(c) if c.is_subclass(&types().exc.base_exception));
        match condition {
            c if is_exception_type(c) => Ok(Matcher::Types(c.clone())),
            Value::Tuple(t) if t.items.iter().all(is_exception_type) => {
                Ok(Matcher::Types(condition.clone()))
            }
            c if vm.is_callable(c) && !matches!(c, Value::Class(_)) => {
                Ok(Matcher::Predicate(c.clone()))
            }
            _ => Err(type_error(
                "expected an exception type, a tuple of exception types, or a callable (other than a class)",
            )),
        }
    }

    fn matches(&self, vm: &Vm, exc: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => vm.exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = vm.call(f, std::slice::from_ref(exc))?;
                vm.is_true(&r)
            }
            Matcher::Leaves(ids) => Ok(members(exc).is_none() && ids.contains(&exc.identity())),
        }
    }
}

/// `exceptiongroup_split_recursive`: (match, rest), each None when empty.
fn split_by(
    vm: &Vm,
    exc: &Value,
    matcher: &Matcher,
    with_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matcher.matches(vm, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    let Some(items) = members(exc) else {
        return Ok((None, Some(exc.clone())));
    };
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for item in &items {
        let (m, r) = split_by(vm, item, matcher, with_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let matched = match matched.is_empty() {
        true => None,
        false => Some(derive_and_copy(vm, exc, matched)?),
    };
    let rest = match rest.is_empty() || !with_rest {
        true => None,
        false => Some(derive_and_copy(vm, exc, rest)?),
    };
    Ok((matched, rest))
}

/// `eg.derive(excs)` with the original's traceback, cause, context and notes.
fn derive_and_copy(vm: &Vm, eg: &Value, items: Vec<Value>) -> PyResult<Value> {
    let derive = vm
        .getattr_opt(eg, "derive")?
        .ok_or_else(|| type_error("derive must return an instance of BaseExceptionGroup"))?;
    let derived = vm.call(&derive, &[Value::list(items)])?;
    let (Value::Instance(from), Value::Instance(to)) = (eg, &derived) else {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    };
    if members(&derived).is_none() {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let (Some(src), Some(dst)) = (from.exc_data(), to.exc_data()) {
        let src = src.lock();
        let mut dst = dst.lock();
        dst.traceback = src.traceback.clone();
        dst.cause = src.cause.clone();
        dst.context = src.context.clone();
        dst.suppress_context = src.suppress_context;
    }
    if let Some(notes) = from.dict.get_str("__notes__") {
        to.dict.set_str("__notes__", notes);
    }
    Ok(derived)
}

fn receiver_group(args: &Args<'_>) -> PyResult<Value> {
    match args.args.first() {
        Some(v) if members(v).is_some() => Ok(v.clone()),
        _ => Err(type_error(
            "descriptor requires a 'BaseExceptionGroup' object",
        )),
    }
}

fn condition_arg(name: &str, args: &Args<'_>) -> PyResult<Value> {
    match args.args.get(1..) {
        Some([condition]) => Ok(condition.clone()),
        Some(rest) => Err(type_error(format!(
            "BaseExceptionGroup.{name}() takes exactly one argument ({} given)",
            rest.len()
        ))),
        None => Err(type_error(format!(
            "BaseExceptionGroup.{name}() takes exactly one argument (0 given)"
        ))),
    }
}

/// `eg.split(condition) -> (match, rest)`.
fn split(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let eg = receiver_group(&args)?;
    let matcher = Matcher::of(vm, &condition_arg("split", &args)?)?;
    let (m, r) = split_by(vm, &eg, &matcher, true)?;
    Ok(Value::tuple(vec![
        m.unwrap_or(Value::None),
        r.unwrap_or(Value::None),
    ]))
}

/// `eg.subgroup(condition)`: the match part of `split`.
fn subgroup(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let eg = receiver_group(&args)?;
    let matcher = Matcher::of(vm, &condition_arg("subgroup", &args)?)?;
    Ok(split_by(vm, &eg, &matcher, false)?.0.unwrap_or(Value::None))
}

/// `eg.derive(excs)`: a group of the same message (`BaseExceptionGroup(...)`, so a
/// subclass that wants to keep its type overrides it).
fn derive(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let eg = receiver_group(&args)?;
    let excs = condition_arg("derive", &args)?;
    let message = vm.getattr_opt(&eg, "message")?.unwrap_or(Value::None);
    new_group(&types().exc.base_exception_group, &[message, excs])
}

/// CHECK_EG_MATCH's test of the `except*` clause's type: an exception class (or tuple of
/// them) that is not an exception group.
pub fn check_star_type(typ: &Value) -> PyResult<()> {
    let group = &types().exc.base_exception_group;
    let classes = match typ {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    for class in &classes {
        match class {
            Value::Class(c) if c.is_subclass(group) => {
                return Err(type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
            Value::Class(c) if c.is_exception_class() => {}
            _ => {
                return Err(type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
    }
    Ok(())
}

/// CHECK_EG_MATCH (`exception_group_match`): Some((rest, match)) when part of `exc`
/// matches `typ` (a naked exception that matches is wrapped in `ExceptionGroup('', (exc,))`
/// with its traceback), None when nothing does.
pub fn star_match(vm: &Vm, exc: &Value, typ: &Value) -> PyResult<Option<(Value, Value)>> {
    check_star_type(typ)?;
    if exc.is_none() {
        return Ok(None);
    }
    if vm.exception_matches(exc, typ)? {
        if members(exc).is_some() {
            return Ok(Some((Value::None, exc.clone())));
        }
        let wrapped = new_group(
            &types().exc.base_exception_group,
            &[Value::str(""), Value::tuple(vec![exc.clone()])],
        )?;
        if let (Value::Instance(from), Value::Instance(to)) = (exc, &wrapped)
            && let (Some(src), Some(dst)) = (from.exc_data(), to.exc_data())
        {
            dst.lock().traceback = src.lock().traceback.clone();
        }
        return Ok(Some((Value::None, wrapped)));
    }
    if members(exc).is_none() {
        return Ok(None);
    }
    let split = vm
        .getattr_opt(exc, "split")?
        .ok_or_else(|| type_error("exception group has no split()"))?;
    let pair = vm.call(&split, std::slice::from_ref(typ))?;
    let Value::Tuple(pair) = pair else {
        return Err(type_error(format!(
            "{}.split must return a tuple, not {}",
            class_of(exc).name,
            type_name(&pair)
        )));
    };
    match &pair.items[..] {
        [m, _] if m.is_none() => Ok(None),
        [m, r] => Ok(Some((r.clone(), m.clone()))),
        _ => Err(value_error(format!(
            "{}.split must return a 2-tuple, got tuple of size {}",
            class_of(exc).name,
            pair.items.len()
        ))),
    }
}

/// The leaves of an exception (itself, or those of its groups), by identity.
fn collect_leaves(exc: &Value, out: &mut HashSet<usize>) {
    match members(exc) {
        Some(items) => items.iter().for_each(|i| collect_leaves(i, out)),
        None => {
            out.insert(exc.identity());
        }
    }
}

/// PREP_RERAISE_STAR (`_PyExc_PrepReraiseStar`): what leaves an `except*` statement — the
/// re-raised and unhandled parts of `orig` in its own structure, plus what the handlers
/// raised, in a new `ExceptionGroup('', ...)` if there is more than one; None if nothing.
///
/// CPython tells a re-raised part by its metadata (the same traceback object as `orig`'s);
/// gilsim by its leaves: a part whose leaves all come from `orig` was re-raised (so
/// `raise e` of the matched group counts as a bare `raise`).
pub fn prep_reraise_star(vm: &Vm, orig: &Value, raised: &[Value]) -> PyResult<Value> {
    let raised: Vec<&Value> = raised.iter().filter(|e| !e.is_none()).collect();
    if raised.is_empty() {
        return Ok(Value::None);
    }
    if members(orig).is_none() {
        // A naked exception was wrapped: only one clause ran, so one exception leaves.
        return Ok(raised[0].clone());
    }
    let mut orig_leaves = HashSet::new();
    collect_leaves(orig, &mut orig_leaves);
    let (mut new, mut reraised_leaves) = (Vec::new(), HashSet::new());
    for e in raised {
        let mut leaves = HashSet::new();
        collect_leaves(e, &mut leaves);
        if leaves.is_subset(&orig_leaves) {
            reraised_leaves.extend(leaves);
        } else {
            new.push(e.clone());
        }
    }
    let reraised = match reraised_leaves.is_empty() {
        true => None,
        false => split_by(vm, orig, &Matcher::Leaves(reraised_leaves), false)?.0,
    };
    if new.is_empty() {
        return Ok(reraised.unwrap_or(Value::None));
    }
    new.extend(reraised);
    if new.len() == 1 {
        return Ok(new.remove(0));
    }
    create_group("", new)
}
