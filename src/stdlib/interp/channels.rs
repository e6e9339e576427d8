//! `_xxinterpchannels` as CPython 3.12 has it (Modules/_xxinterpchannelsmodule.c): channels
//! that carry shareable data between the interpreters of a run, FIFO, without blocking —
//! `recv` of an empty channel is a ChannelEmptyError (or its default), so a consumer polls,
//! sleeping between looks, as CPython's own `interpreters` module does. The channels belong
//! to the run; each remembers which interpreters used and released its ends.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use super::share::{Rules, Shared, share};
use crate::vm::builtins::{parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error, value_error};

/// The module's functions, by their 3.12 names.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("create", create_channel),
    ("destroy", destroy),
    ("list_all", list_all),
    ("list_interpreters", list_interpreters),
    ("send", send),
    ("recv", recv),
    ("close", close),
    ("release", release),
];

pub fn create(_vm: &Vm) -> Arc<Module> {
    let m = super::super::native_module("_xxinterpchannels", FUNCTIONS);
    add_classes(&m);
    m
}

/// CPython 3.9-3.11 kept channels inside `_xxsubinterpreters`: `channel_create`,
/// `channel_send`... beside the same classes.
pub fn add_to_xxsubinterpreters(m: &Module) {
    for (name, f) in FUNCTIONS {
        let name = format!("channel_{name}");
        m.set(&name, crate::vm::builtins::native(&name, *f));
    }
    add_classes(m);
}

fn add_classes(m: &Module) {
    m.set("ChannelID", Value::Class(CHANNEL_ID.clone()));
    let e = &*ERRORS;
    for (name, class) in [
        ("ChannelError", &e.base),
        ("ChannelNotFoundError", &e.not_found),
        ("ChannelEmptyError", &e.empty),
        ("ChannelClosedError", &e.closed),
        ("ChannelNotEmptyError", &e.not_empty),
    ] {
        m.set(name, Value::Class(class.clone()));
    }
}

/// The channels of one run.
#[derive(Default)]
pub struct Channels {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    next_id: u64,
    open: BTreeMap<u64, Channel>,
}

/// A channel: its queue, and each interpreter's ends (CPython's `_channelends`). An end is
/// added, open, when an interpreter first sends or receives; releasing it (or destroying
/// its interpreter) closes it. A channel with ends, none of them open, is closed — so a
/// channel whose only sender's interpreter is destroyed closes, data and all, as in 3.12.
#[derive(Default)]
struct Channel {
    items: VecDeque<Shared>,
    /// Closed by `close()`.
    closed: bool,
    /// Per interpreter: its send end and its recv end, if it has them (true: open).
    ends: BTreeMap<u64, (Option<bool>, Option<bool>)>,
}

impl Channel {
    fn is_open(&self) -> bool {
        if self.closed {
            return false;
        }
        self.ends.is_empty()
            || self
                .ends
                .values()
                .any(|(send, recv)| *send == Some(true) || *recv == Some(true))
    }

    /// `interp` uses an end (`send`: its send end): opened on first use; false if it was
    /// released.
    fn associate(&mut self, interp: u64, send: bool) -> bool {
        let (s, r) = self.ends.entry(interp).or_default();
        let end = if send { s } else { r };
        match end {
            Some(open) => *open,
            None => {
                *end = Some(true);
                true
            }
        }
    }

    /// `interp` releases its ends (a release adds an end to close, if it had none).
    fn release(&mut self, interp: u64, send: bool, recv: bool) {
        let (s, r) = self.ends.entry(interp).or_default();
        if send {
            *s = Some(false);
        }
        if recv {
            *r = Some(false);
        }
    }

    /// The interpreters whose end (send or recv) is open.
    fn open_ends(&self, send: bool) -> Vec<u64> {
        self.ends
            .iter()
            .filter(|(_, (s, r))| {
                if send {
                    *s == Some(true)
                } else {
                    *r == Some(true)
                }
            })
            .map(|(id, _)| *id)
            .collect()
    }
}

/// Interpreter `id` is destroyed: its ends of every channel are released.
pub fn drop_interpreter(runtime: &crate::runtime::Runtime, id: u64) {
    let all = runtime.module_state::<Channels>();
    let mut t = all.table.lock();
    for c in t.open.values_mut() {
        if c.ends.contains_key(&id) {
            c.release(id, true, true);
        }
    }
}

/// The exception classes, a hierarchy under RuntimeError.
struct Errors {
    base: Arc<Class>,
    not_found: Arc<Class>,
    empty: Arc<Class>,
    closed: Arc<Class>,
    not_empty: Arc<Class>,
}

static ERRORS: LazyLock<Errors> = LazyLock::new(|| {
    let class = |name: &str, base: &Arc<Class>| {
        Arc::new(Class::new_builtin(
            name,
            "_xxinterpchannels",
            vec![base.clone()],
            Layout::Exception,
        ))
    };
    let base = class("ChannelError", &types().exc.runtime_error);
    Errors {
        not_found: class("ChannelNotFoundError", &base),
        empty: class("ChannelEmptyError", &base),
        closed: class("ChannelClosedError", &base),
        not_empty: class("ChannelNotEmptyError", &base),
        base,
    }
});

fn not_found(id: u64) -> PyErr {
    PyErr::msg(&ERRORS.not_found, format!("channel {id} not found"))
}

fn closed(id: u64) -> PyErr {
    PyErr::msg(&ERRORS.closed, format!("channel {id} is closed"))
}

/// Which end of a channel a ChannelID object stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Both,
    Send,
    Recv,
}

struct ChannelId {
    id: u64,
    end: End,
}

/// `_xxinterpchannels.ChannelID`.
static CHANNEL_ID: LazyLock<Arc<Class>> = LazyLock::new(|| {
    crate::vm::builtins::native_class(
        "ChannelID",
        "_xxinterpchannels",
        &[
            ("__repr__", id_repr),
            ("__str__", id_str),
            ("__int__", id_int),
            ("__index__", id_int),
            ("__hash__", id_hash),
            ("__eq__", id_eq),
        ],
    )
});

fn end_value(id: u64, end: End) -> Value {
    Value::Native(Arc::new(NativeObject::new(
        CHANNEL_ID.clone(),
        ChannelId { id, end },
    )))
}

/// A ChannelID for channel `id` (both ends), as made in the interpreter that receives one.
pub fn id_value(id: u64) -> Value {
    end_value(id, End::Both)
}

/// The channel a ChannelID object stands for.
pub fn id_of(v: &Value) -> Option<u64> {
    match v {
        Value::Native(n) => n.downcast::<ChannelId>().map(|c| c.id),
        _ => None,
    }
}

/// A channel id from a ChannelID or an int.
fn id_arg(v: &Value) -> PyResult<u64> {
    if let Some(id) = id_of(v) {
        return Ok(id);
    }
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as u64),
        Value::Int(i) => Err(value_error(format!(
            "channel ID must be a non-negative int, got {i}"
        ))),
        other => Err(type_error(format!(
            "channel ID must be an int, got {}",
            type_name(other)
        ))),
    }
}

fn receiver(args: &Args<'_>) -> PyResult<(u64, End)> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<ChannelId>()
            .map(|c| (c.id, c.end))
            .ok_or_else(|| type_error("descriptor requires a 'ChannelID' object")),
        _ => Err(type_error("descriptor requires a 'ChannelID' object")),
    }
}

fn id_repr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (id, end) = receiver(&args)?;
    Ok(Value::string(match end {
        End::Both => format!("ChannelID({id})"),
        End::Send => format!("ChannelID({id}, send=True)"),
        End::Recv => format!("ChannelID({id}, recv=True)"),
    }))
}

fn id_str(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(receiver(&args)?.0.to_string()))
}

fn id_int(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(receiver(&args)?.0 as i64))
}

fn id_hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let id = Value::Int(receiver(&args)?.0 as i64);
    Ok(Value::Int(vm.hash_value(&id)?))
}

fn id_eq(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (mine, _) = receiver(&args)?;
    Ok(match args.args.get(1).map(id_arg) {
        Some(Ok(theirs)) => Value::Bool(theirs == mine),
        _ => Value::NotImplemented,
    })
}

/// `ChannelID.send`, `.recv` and `.end` (the attribute lookup of builtin objects asks).
pub fn attribute(n: &NativeObject, name: &str) -> Option<Value> {
    let c = n.downcast::<ChannelId>()?;
    Some(match name {
        "send" => end_value(c.id, End::Send),
        "recv" => end_value(c.id, End::Recv),
        "end" => Value::str(match c.end {
            End::Both => "both",
            End::Send => "send",
            End::Recv => "recv",
        }),
        _ => return None,
    })
}

fn channels(vm: &Vm) -> Arc<Channels> {
    vm.interp.runtime.module_state::<Channels>()
}

fn create_channel(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("create", args, 0, 0)?;
    let all = channels(vm);
    let mut t = all.table.lock();
    let id = t.next_id;
    t.next_id += 1;
    t.open.insert(id, Channel::default());
    Ok(id_value(id))
}

fn destroy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("destroy", args, 1, 1)?;
    let id = id_arg(&a[0])?;
    let all = channels(vm);
    let mut t = all.table.lock();
    t.open.remove(&id).ok_or_else(|| not_found(id))?;
    Ok(Value::None)
}

fn list_all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("list_all", args, 0, 0)?;
    let all = channels(vm);
    let t = all.table.lock();
    let ids = t
        .open
        .iter()
        .filter(|(_, c)| c.is_open())
        .map(|(id, _)| id_value(*id))
        .collect();
    Ok(Value::list(ids))
}

fn list_interpreters(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("list_interpreters", args, &["cid", "send"], 1)?;
    let id = id_arg(p.get(0).unwrap_or(&Value::None))?;
    let send = match p.given(1) {
        Some(v) => vm.is_true(v)?,
        None => {
            return Err(type_error(
                "list_interpreters() missing required argument 'send'",
            ));
        }
    };
    let all = channels(vm);
    let t = all.table.lock();
    let c = t.open.get(&id).ok_or_else(|| not_found(id))?;
    if !c.is_open() {
        return Err(closed(id));
    }
    let ids = c
        .open_ends(send)
        .into_iter()
        .map(super::xxsub::interpreter_id_value)
        .collect();
    Ok(Value::list(ids))
}

fn send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("send", args, 2, 2)?;
    let id = id_arg(&a[0])?;
    let me = vm.interp.id;
    let all = channels(vm);
    {
        let t = all.table.lock();
        let c = t.open.get(&id).ok_or_else(|| not_found(id))?;
        if !c.is_open() || c.ends.get(&me).is_some_and(|e| e.0 == Some(false)) {
            return Err(closed(id));
        }
    }
    let Some(data) = share(&a[1], Rules::Py312)? else {
        let shown = vm.str(&a[1])?;
        return Err(value_error(format!(
            "{shown} does not support cross-interpreter data"
        )));
    };
    let mut t = all.table.lock();
    let c = t.open.get_mut(&id).ok_or_else(|| not_found(id))?;
    if !c.is_open() || !c.associate(me, true) {
        return Err(closed(id));
    }
    c.items.push_back(data);
    Ok(Value::None)
}

fn recv(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("recv", args, 1, 2)?;
    let id = id_arg(&a[0])?;
    let me = vm.interp.id;
    let all = channels(vm);
    let mut t = all.table.lock();
    let c = t.open.get_mut(&id).ok_or_else(|| not_found(id))?;
    if !c.is_open() || !c.associate(me, false) {
        return Err(closed(id));
    }
    match c.items.pop_front() {
        Some(data) => data.into_value(vm),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::msg(&ERRORS.empty, format!("channel {id} is empty"))),
        },
    }
}

/// The `send=`/`recv=` pair of `close` and `release`: which ends (both when neither is
/// given).
fn ends(vm: &Vm, send: Option<&Value>, recv: Option<&Value>) -> PyResult<(bool, bool)> {
    let send = match send {
        Some(v) if !matches!(v, Value::None) => vm.is_true(v)?,
        _ => false,
    };
    let recv = match recv {
        Some(v) if !matches!(v, Value::None) => vm.is_true(v)?,
        _ => false,
    };
    Ok(if send || recv {
        (send, recv)
    } else {
        (true, true)
    })
}

fn close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("close", args, &["cid", "send", "recv", "force"], 1)?;
    let id = id_arg(p.get(0).unwrap_or(&Value::None))?;
    ends(vm, p.given(1), p.given(2))?;
    let force = match p.given(3) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let all = channels(vm);
    let mut t = all.table.lock();
    let c = t.open.get_mut(&id).ok_or_else(|| not_found(id))?;
    if !c.is_open() {
        return Err(closed(id));
    }
    if !c.items.is_empty() && !force {
        return Err(PyErr::msg(
            &ERRORS.not_empty,
            format!("channel {id} may not be closed if not empty (try force=True)"),
        ));
    }
    c.items.clear();
    c.closed = true;
    Ok(Value::None)
}

fn release(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("release", args, &["cid", "send", "recv", "force"], 1)?;
    let id = id_arg(p.get(0).unwrap_or(&Value::None))?;
    let (send, recv) = ends(vm, p.given(1), p.given(2))?;
    let me = vm.interp.id;
    let all = channels(vm);
    let mut t = all.table.lock();
    let c = t.open.get_mut(&id).ok_or_else(|| not_found(id))?;
    if !c.is_open() {
        return Err(closed(id));
    }
    c.release(me, send, recv);
    Ok(Value::None)
}
