//! The eval loop's fast paths: superinstructions on small ints, and the frame of a call to a
//! plain positional Python function.

use std::sync::Arc;

use crate::compiler::bytecode::{CodeObject, Instr, Quick};
use crate::vm::context::Vm;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::function::{Args, Function, MethodFn, NativeCall};
use crate::vm::objects::iterators::{DictView, IterObj};
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::types::class_of;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, system_error};

/// The fast path of a superinstruction; `pc` is just after it. Returns the next pc, or
/// None when the operands are not all small ints (the caller then runs the sequence
/// instruction by instruction).
#[inline(always)]
pub(super) fn quick(
    slots: &mut Vec<Value>,
    code: &CodeObject,
    q: Quick,
    pc: usize,
    instrs: &[Instr],
) -> Option<usize> {
    let int_local = |slots: &[Value], i: u16| match slots.get(i as usize) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    let int_const = |i: u16| match code.consts.get(i as usize) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    match q {
        Quick::FastConstBinary(a, c, op) => {
            let r = crate::vm::protocols::ops::int_fast(int_local(slots, a)?, int_const(c)?, op)?;
            slots.push(r);
            Some(pc + 2)
        }
        Quick::FastConstUpdate(a, c, op) => {
            let r = crate::vm::protocols::ops::int_fast(int_local(slots, a)?, int_const(c)?, op)?;
            std::mem::forget(std::mem::replace(&mut slots[a as usize], r));
            Some(pc + 3)
        }
        Quick::FastImmBinary(a, k, op) => {
            let r = crate::vm::protocols::ops::int_fast(int_local(slots, a)?, i64::from(k), op)?;
            slots.push(r);
            Some(pc + 2)
        }
        Quick::FastImmUpdate(a, k, op) => {
            let r = crate::vm::protocols::ops::int_fast(int_local(slots, a)?, i64::from(k), op)?;
            std::mem::forget(std::mem::replace(&mut slots[a as usize], r));
            Some(pc + 3)
        }
        Quick::FastImmCompareJump(a, k, op) => {
            let truth = crate::vm::protocols::ops::cmp_i64(int_local(slots, a)?, i64::from(k), op);
            jump_unless(truth, pc, instrs)
        }
        Quick::FastFastBinary(a, b, op) => {
            let r = crate::vm::protocols::ops::int_fast(
                int_local(slots, a)?,
                int_local(slots, b)?,
                op,
            )?;
            slots.push(r);
            Some(pc + 2)
        }
        Quick::FastConstCompareJump(a, c, op) => {
            let truth = crate::vm::protocols::ops::cmp_i64(int_local(slots, a)?, int_const(c)?, op);
            jump_unless(truth, pc, instrs)
        }
        Quick::FastFastCompareJump(a, b, op) => {
            let truth =
                crate::vm::protocols::ops::cmp_i64(int_local(slots, a)?, int_local(slots, b)?, op);
            jump_unless(truth, pc, instrs)
        }
        Quick::FastFast(a, b) => {
            let x = slots.get(a as usize)?.clone();
            let y = slots.get(b as usize)?.clone();
            if x.is_null() || y.is_null() {
                return None;
            }
            slots.push(x);
            slots.push(y);
            Some(pc + 1)
        }
        // Needs the VM: the eval loop runs it where a fast path above failed.
        Quick::FastAttr(..) | Quick::FastMethodCall0(..) | Quick::FastMethodCall1(..) => None,
        Quick::BuildUnpack(n) => {
            let len = slots.len();
            slots.get_mut(len.checked_sub(n as usize)?..)?.reverse();
            Some(pc + 1)
        }
        Quick::ForIterStore(t, a) => {
            let Some(Value::Iter(it)) = slots.last() else {
                return None;
            };
            let crate::vm::objects::iterators::IterObj::Range {
                next,
                stop,
                step,
                done,
            } = &**it
            else {
                return None;
            };
            use std::sync::atomic::Ordering::Relaxed;
            let cur = next.load(Relaxed);
            let more = !done.load(Relaxed) && if *step > 0 { cur < *stop } else { cur > *stop };
            if !more {
                drop_value(slots.pop().unwrap_or(Value::Null));
                return Some(t as usize);
            }
            match cur.checked_add(*step) {
                Some(n) => next.store(n, Relaxed),
                None => done.store(true, Relaxed),
            }
            let old = std::mem::replace(&mut slots[a as usize], Value::Int(cur));
            drop_value(old);
            Some(pc + 1)
        }
        Quick::ForIterUnpack2(t) => {
            let Some(Value::Iter(it)) = slots.last() else {
                return None;
            };
            let IterObj::Dict {
                dict,
                pos,
                len,
                view: DictView::Items,
            } = &**it
            else {
                return None;
            };
            // A dict that changed size is the instruction-by-instruction path's error.
            if dict.len() != *len {
                return None;
            }
            use std::sync::atomic::Ordering::Relaxed;
            let step = dict
                .next_entry(pos.load(Relaxed))
                .map(|(next, key, value)| {
                    pos.store(next, Relaxed);
                    (key, value)
                });
            Some(unpack_step(slots, step, pc, t))
        }
    }
}

/// CALL's fast path: when the callable under the `argc` arguments is a `plain_call` function
/// taking exactly its positional arguments (and no keyword names are pending), takes it off
/// the stack. Two layouts qualify: `NULL, f, args` (a plain call: `argc` arguments) and
/// `f, self, args` (a method found by LOAD_ATTR's method form: `self` is the first of
/// `argc + 1` arguments, CPython's CALL_PY_EXACT_ARGS on a method).
#[inline(always)]
pub(super) fn take_plain_callee(
    slots: &mut [Value],
    kwnames: Option<u32>,
    argc: usize,
) -> Option<Arc<Function>> {
    if kwnames.is_some() {
        return None;
    }
    let base = slots.len().checked_sub(argc + 2)?;
    let at = match &slots[base..base + 2] {
        [Value::Null, Value::Function(f)]
            if f.code.plain_call && f.code.argcount as usize == argc =>
        {
            base + 1
        }
        [Value::Function(f), receiver]
            if !receiver.is_null() && f.code.plain_call && f.code.argcount as usize == argc + 1 =>
        {
            base
        }
        _ => return None,
    };
    match std::mem::take(&mut slots[at]) {
        Value::Function(f) => Some(f),
        _ => None,
    }
}

/// `s += t` / `s = s + t` on strs when the result goes back into the same local (CPython's
/// BINARY_OP_INPLACE_ADD_UNICODE, Python/bytecodes.c): the local's reference is dropped first,
/// so the left string is usually held by the stack alone and grows in place — string building
/// in a loop is linear, not quadratic. True when done (the sum replaced both operands).
#[inline]
pub(super) fn str_append_in_place(slots: &mut Vec<Value>, code: &CodeObject, pc: usize) -> bool {
    let Some(&Instr::StoreFast(target)) = code.instructions.get(pc) else {
        return false;
    };
    let len = slots.len();
    let target = target as usize;
    let (Value::Str(left), Value::Str(_)) = (&slots[len - 2], &slots[len - 1]) else {
        return false;
    };
    if !matches!(&slots[target], Value::Str(local) if Arc::ptr_eq(local, left)) {
        return false;
    }
    // The STORE_FAST that follows overwrites the local anyway.
    drop(std::mem::take(&mut slots[target]));
    let Some(Value::Str(right)) = slots.pop() else {
        return false;
    };
    let Value::Str(left) = &mut slots[len - 2] else {
        return false;
    };
    match Arc::get_mut(left) {
        Some(unique) => unique.append(&right),
        None => {
            let mut text = String::with_capacity(left.as_str().len() + right.as_str().len());
            text.push_str(left.as_str());
            text.push_str(right.as_str());
            *left = Arc::new(PyStr::new(text));
        }
    }
    true
}

/// CALL's fast path for a builtin function or method (`len(x)`, `l.append(i)`): its native
/// function and where its arguments start, when the callable is an unbound builtin that does
/// not read its caller's frame and no keyword names are pending. The stack is left as it is.
#[inline(always)]
pub(super) fn builtin_callee(frame: &Frame, argc: usize) -> Option<(NativeCall, usize)> {
    if frame.kwnames.is_some() {
        return None;
    }
    let base = frame.slots.len().checked_sub(argc + 2)?;
    let (b, start) = match &frame.slots[base..base + 2] {
        [Value::Null, Value::Builtin(b)] => (b, base + 2),
        [Value::Builtin(b), receiver] if !receiver.is_null() => (b, base + 1),
        _ => return None,
    };
    // A method called unbound with no receiver is the general path's error.
    let receiverless = start == frame.slots.len() && matches!(b.func, NativeCall::Method(_));
    (b.bound.is_none() && !b.needs_frame && !receiverless).then_some((b.func, start))
}

/// Calls what `builtin_callee` found with the arguments from its start (a method's receiver
/// first, which `builtin_callee` made sure is there).
#[inline(always)]
pub(super) fn call_native(vm: &Vm, call: NativeCall, args: &[Value]) -> PyResult<Value> {
    match (call, args) {
        (NativeCall::Args(f), _) => f(vm, Args::positional(args)),
        (NativeCall::Method(f), [receiver, rest @ ..]) => f(vm, receiver, Args::positional(rest)),
        (NativeCall::Method(_), []) => Err(system_error("a method called without its receiver")),
    }
}

/// The method that a fused `obj.name()` or `obj.name(x)` (`FastMethodCall0/1`) calls: a
/// method of a builtin type that takes its receiver apart, as LOAD_ATTR's method form has
/// already found it (the per-`Vm` method cache) for the receiver's class, with the
/// argument's local bound. None sends the group down the instruction-by-instruction path,
/// which fills the cache for the next time.
#[inline(always)]
pub(super) fn fused_method(
    vm: &Vm,
    slots: &[Value],
    code: &CodeObject,
    q: Quick,
) -> Option<MethodFn> {
    let (receiver, name) = match q {
        Quick::FastMethodCall0(a, name) => (slots.get(a as usize)?, name),
        Quick::FastMethodCall1(a, name, b) if !slots.get(b as usize)?.is_null() => {
            (slots.get(a as usize)?, name)
        }
        _ => return None,
    };
    let Some(Value::Str(name)) = code.names.get(name as usize) else {
        return None;
    };
    match receiver {
        // Their attributes are not their class's alone (instance dicts, metaclasses, module
        // globals), and an unbound local is the slow path's error.
        Value::Instance(_) | Value::Class(_) | Value::Module(_) | Value::Null => None,
        Value::Native(n) => vm
            .methods
            .native_method(&n.class, Some(n.payload_type), name),
        other => vm.methods.native_method(class_of(other), None, name),
    }
}

/// How many instructions a fused method call stands for (LOAD_FAST ... CALL).
#[inline(always)]
pub(super) fn fused_call_length(q: Quick) -> u64 {
    if matches!(q, Quick::FastMethodCall1(..)) {
        4
    } else {
        3
    }
}

/// Calls what `fused_method` found, with the receiver and argument read in place.
#[inline(always)]
pub(super) fn call_fused(vm: &Vm, method: MethodFn, slots: &[Value], q: Quick) -> PyResult<Value> {
    match q {
        Quick::FastMethodCall1(a, _, b) => method(
            vm,
            &slots[a as usize],
            Args::positional(std::slice::from_ref(&slots[b as usize])),
        ),
        Quick::FastMethodCall0(a, _) => method(vm, &slots[a as usize], Args::positional(&[])),
        _ => Err(system_error("not a fused method call")),
    }
}

/// `FOR_ITER; UNPACK_SEQUENCE 2` over an `enumerate` (`for i, x in enumerate(l)`): the step
/// with the count and item unpaired, or None for any other iterator. The step may run
/// Python code (the inner iterator's `__next__`) and fail as FOR_ITER would.
#[inline]
pub(super) fn enumerate_pair(vm: &Vm, slots: &[Value]) -> Option<PyResult<Option<(Value, Value)>>> {
    match slots.last() {
        Some(Value::Iter(it)) => match &**it {
            IterObj::Composite(state) => {
                crate::vm::objects::composite_iterators::enumerate_pair(vm, state)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Where `FOR_ITER; UNPACK_SEQUENCE 2` (at `pc - 1`, exit `exit`) goes with `step`: the
/// pair pushed first item on top, as UNPACK_SEQUENCE leaves it; or, when the iterator is
/// done, the iterator popped and the loop left.
#[inline(always)]
pub(super) fn unpack_step(
    slots: &mut Vec<Value>,
    step: Option<(Value, Value)>,
    pc: usize,
    exit: u32,
) -> usize {
    match step {
        Some((first, second)) => {
            slots.push(second);
            slots.push(first);
            pc + 1
        }
        None => {
            drop_value(slots.pop().unwrap_or(Value::Null));
            exit as usize
        }
    }
}

/// STORE_ATTR's fast path (CPython's STORE_ATTR_INSTANCE_VALUE): `obj.name = v` where `obj`
/// is an instance whose class leaves the store to the instance dict (`attr_plan`). Pops both
/// and stores; false (the stack untouched) when the general `setattr` must run.
#[inline(always)]
pub(super) fn store_instance_attr(slots: &mut Vec<Value>, code: &CodeObject, name: u32) -> bool {
    let Some(Value::Str(name)) = code.names.get(name as usize) else {
        return false;
    };
    let [.., _, Value::Instance(inst)] = slots.as_slice() else {
        return false;
    };
    if inst.is_exception() || !crate::vm::objects::attr_plan::plain_store(&inst.class, name) {
        return false;
    }
    // Both operands are there (checked above): the object on top, the value under it.
    if let (Some(Value::Instance(inst)), Some(v)) = (slots.pop(), slots.pop()) {
        inst.dict.set_name(name, v);
    }
    true
}

impl Vm {
    /// The frame of a plain call (see `take_plain_callee`): the arguments (`self` included
    /// for a method) move from the caller's stack into the callee's locals.
    #[inline(always)]
    pub(super) fn plain_frame(
        &self,
        caller: &mut Frame,
        func: Arc<Function>,
        argc: usize,
    ) -> Frame {
        let len = caller.slots.len();
        let nargs = func.code.argcount as usize;
        let slots = self.positional_locals(&func.code, &mut caller.slots[len - nargs..]);
        // What is left of the CALL's `argc + 2` slots is the NULL and the (taken)
        // callable, or the taken method: nothing to drop.
        caller.slots.truncate(len - argc - 2);
        Frame::of_function(func, slots)
    }
}

/// POP_JUMP_IF_FALSE at `pc + 2` of a fused compare-and-jump.
#[inline(always)]
fn jump_unless(truth: bool, pc: usize, instrs: &[Instr]) -> Option<usize> {
    if truth {
        return Some(pc + 3);
    }
    match instrs.get(pc + 2) {
        Some(Instr::PopJumpIfFalse(t)) => Some(*t as usize),
        _ => None,
    }
}

/// The two topmost stack values when both are small ints.
#[inline(always)]
pub(super) fn int_pair(slots: &[Value]) -> Option<(i64, i64)> {
    match slots {
        [.., Value::Int(x), Value::Int(y)] => Some((*x, *y)),
        _ => None,
    }
}

/// How many instructions a superinstruction's fast path stood for: all of them, except a
/// `FOR_ITER; STORE_FAST` whose iterator was exhausted (only the FOR_ITER ran).
pub(crate) fn quick_weight(q: Quick, pc: usize, next: usize) -> u64 {
    match q {
        Quick::FastFast(..) | Quick::ForIterStore(..) | Quick::ForIterUnpack2(..)
            if next != pc + 1 =>
        {
            1
        }
        Quick::FastFast(..)
        | Quick::ForIterStore(..)
        | Quick::ForIterUnpack2(..)
        | Quick::BuildUnpack(..)
        | Quick::FastAttr(..) => 2,
        Quick::FastConstBinary(..) | Quick::FastImmBinary(..) | Quick::FastFastBinary(..) => 3,
        Quick::FastConstUpdate(..)
        | Quick::FastImmUpdate(..)
        | Quick::FastConstCompareJump(..)
        | Quick::FastImmCompareJump(..)
        | Quick::FastFastCompareJump(..) => 4,
        Quick::FastMethodCall0(..) | Quick::FastMethodCall1(..) => fused_call_length(q),
    }
}

/// Drops a value, skipping the (out-of-line) drop glue for the unboxed variants that have
/// nothing to free — the common case in arithmetic loops.
#[inline(always)]
pub(super) fn drop_value(v: Value) {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None | Value::Null => {
            std::mem::forget(v)
        }
        other => drop(other),
    }
}

/// LIST_APPEND (a list comprehension's step): `v` onto the list `depth` deep in the stack
/// (the comprehension's own list, so no other thread sees it yet).
#[inline]
pub(super) fn list_append(stack: &[Value], depth: u32, v: Value) {
    let at = stack.len().checked_sub(depth as usize);
    if let Some(Value::List(l)) = at.and_then(|k| stack.get(k)) {
        l.items.write().push(v);
    }
}
