//! `_gilsim`: what a Python-written stdlib module may ask the runtime about its run (the
//! simulated I/O latency, reference counts) and the VM's own formatters it may reuse
//! (tracebacks for `traceback`, disassembly for `dis`), the CPython version `--like` names,
//! where user code called into the stdlib (for warnings), `types.coroutine`'s flag, and
//! exploration's choice among events due together (asyncio's timers).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

pub fn create(_vm: &Vm) -> Arc<Module> {
    crate::stdlib::native_module(
        "_gilsim",
        &[
            ("io_latency", io_latency),
            ("io_wait", io_wait),
            ("refcount", refcount),
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("disassemble", disassemble),
            ("like_version", like_version),
            ("user_site", user_site),
            ("iterable_coroutine", iterable_coroutine),
            ("explores", explores),
            ("simulated", simulated),
            ("choose_order", choose_order),
            ("observed", observed),
            ("trace_task", trace_task),
            ("caller", caller),
            ("caller_module", caller_module),
            ("left_out", left_out),
            ("iterator_type", super::iterator_types::iterator_type),
        ],
    )
}

/// `left_out(module, name)`: whether gilsim answers `module.name` only from its table of
/// CPython's names it leaves out (tools/left_out_names.py asks, to rewrite that table).
fn left_out(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match args.args {
        [Value::Str(module), Value::Str(name)] => Ok(Value::Bool(
            crate::stdlib::left_out::is_left_out(module.as_str(), name.as_str()),
        )),
        _ => Err(crate::vm::pyerr::type_error(
            "left_out(module, name) takes two strs",
        )),
    }
}

/// How many references an object has (CPython's `sys.getrefcount` minus its argument's
/// own): asyncio reports an unretrieved Task exception once only its own bookkeeping
/// still holds the Task, which is when CPython's `Future.__del__` reports it.
fn refcount(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let count = match args.args.first() {
        Some(Value::Instance(i)) => Arc::strong_count(i) - 1,
        _ => 0,
    };
    Ok(Value::Int(count as i64))
}

/// The text CPython prints for an uncaught exception (the chain, tracebacks and the
/// last line), for `traceback.format_exception` and `logging`'s `exc_info`.
fn format_exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format_exception_value(&exc)))
}

/// The exception's own lines, without its traceback or chain (`traceback.format_exception_only`):
/// `Type: message` and its notes, after the offending line and carets for a SyntaxError.
fn format_exception_only(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format_exception_only_value(&exc)))
}

/// What `gilsim dis` prints for a function's (or a method's, or a code object's) code:
/// `dis.dis(f)` shares its formatter.
fn disassemble(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut target = args.args.first().cloned().unwrap_or(Value::None);
    if let Value::Method(m) = &target {
        target = m.func.clone();
    }
    let code = match &target {
        Value::Function(f) => f.code.clone(),
        Value::Code(c) => c.clone(),
        other => {
            return Err(crate::vm::pyerr::type_error(format!(
                "don't know how to disassemble {} objects",
                crate::vm::objects::types::type_name(other)
            )));
        }
    };
    Ok(Value::str(&crate::compiler::dis::disassemble(&code)))
}

/// `(filename, lineno, function name)` of where the program's own code last called into the
/// standard library, or None: the frame `logging.Logger.findCaller` looks for (CPython walks
/// the frames up to the first outside logging; gilsim keeps no frame objects, but the VM
/// notes each call from user code into stdlib code, which is that frame).
fn caller(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.caller_location().map_or(Value::None, |loc| {
        Value::tuple(vec![
            Value::str(&loc.filename),
            Value::Int(i64::from(loc.line)),
            Value::str(&loc.function),
        ])
    }))
}

/// The name of the module whose code last called into the stdlib (`__main__` when none
/// is known): what CPython's namedtuple, NewType and functional Enum read from
/// `sys._getframe(1).f_globals['__name__']` as the new class's `__module__`. The module
/// is the one in `sys.modules` whose `__file__` is the calling code's file.
fn caller_module(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let Some(loc) = vm.caller_location() else {
        return Ok(Value::str("__main__"));
    };
    let from_file = vm
        .interp
        .modules
        .items()
        .into_iter()
        .find_map(|(name, module)| {
            let Value::Module(m) = module else {
                return None;
            };
            let file = m.dict.get_str("__file__")?;
            (file.as_str() == Some(loc.filename.as_str())).then_some(name)
        });
    Ok(from_file.unwrap_or_else(|| Value::str("__main__")))
}

/// Mean latency of simulated network requests, in seconds (`--io-latency`).
fn io_latency(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.runtime.options.io_latency))
}

/// `io_wait(seconds, what)`: a simulated network wait (requests' latency). The thread
/// blocks with the GIL released, as in a sleep, but the views show it as I/O on `what`.
fn io_wait(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("io_wait", args, 2, 2)?;
    let ns = crate::stdlib::time::seconds_to_ns(&a[0])?.max(0);
    let what = a[1].as_str().unwrap_or("a response").to_string();
    vm.wait_for_io(std::time::Duration::from_nanos(ns.unsigned_abs()), what)?;
    Ok(Value::None)
}

/// The CPython version the run imitates, as `(major, minor)`: `--like`, else 3.12 (the
/// default the README names). Stdlib modules whose behaviour changed between versions
/// (asyncio's `get_event_loop`) ask this; `sys.version_info` stays 3.12.
fn like_version(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let v = vm.interp.runtime.options.like_version();
    Ok(Value::tuple(vec![
        Value::Int(i64::from(v.0)),
        Value::Int(i64::from(v.1)),
    ]))
}

/// Where user code last called into the stdlib: `(filename, line, source line or None)`,
/// or None. A warning that CPython issues with a `stacklevel` pointing at the user's call
/// (`asyncio.get_event_loop()`'s DeprecationWarning) is printed at this position.
fn user_site(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let Some(loc) = vm.caller_location() else {
        return Ok(Value::None);
    };
    let source = vm
        .interp
        .runtime
        .source_line(&loc.filename, loc.line)
        .map_or(Value::None, |s| Value::string(s.trim().to_string()));
    Ok(Value::tuple(vec![
        Value::string(loc.filename),
        Value::Int(i64::from(loc.line)),
        source,
    ]))
}

/// `types.coroutine(f)` for a generator function `f`: the same function with
/// CO_ITERABLE_COROUTINE set in its code's flags, so `await` accepts its generators
/// (CPython replaces `f.__code__` in place; gilsim's functions cannot change their code,
/// so this is a copy of `f` sharing its attribute dict).
fn iterable_coroutine(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    use crate::vm::objects::function::Function;
    let Some(Value::Function(f)) = args.args.first() else {
        return Err(crate::vm::pyerr::type_error(
            "iterable_coroutine() needs a Python function",
        ));
    };
    let mut code = (*f.code).clone();
    code.flags |= crate::compiler::bytecode::flags::ITERABLE_COROUTINE;
    let dict = f.attr_dict();
    Ok(Value::Function(Arc::new(Function {
        code: Arc::new(code),
        globals: f.globals.clone(),
        name: parking_lot::RwLock::new(f.name()),
        qualname: parking_lot::RwLock::new(f.qualname()),
        defaults: f.defaults.clone(),
        kwdefaults: f.kwdefaults.clone(),
        closure: f.closure.clone(),
        annotations: f.annotations.clone(),
        dict: parking_lot::Mutex::new(Some(dict)),
        module: f.module.clone(),
    })))
}

/// `simulated()`: whether the run is simulated (on the virtual clock).
fn simulated(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.sched.simulated().is_some()))
}

/// Whether the run explores (`gilsim explore`, or the replay of one of its witnesses):
/// asyncio then treats timers due within the same millisecond as due together.
fn explores(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.sched.explores()))
}

/// `choose_order(n)`: which of `n` events due together comes next, 0 being the order
/// CPython keeps. Exploring, a decision the explorer tries every answer of; otherwise 0.
fn choose_order(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = match args.args.first() {
        Some(Value::Int(n)) if *n >= 1 && *n <= i64::from(u32::MAX) => *n as u32,
        _ => {
            return Err(crate::vm::pyerr::value_error(
                "choose_order() needs a count of at least 1",
            ));
        }
    };
    match vm.sched.choose_order(n) {
        Ok(k) => Ok(Value::Int(i64::from(k))),
        Err(stop) => Err(vm.halted(stop)),
    }
}

/// Whether anything observes the run's events (`--trace`, `--timeline`, stats): asyncio
/// describes its tasks' steps only then.
fn observed(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.interp.runtime.events.active()))
}

/// `trace_task(what, task, detail)`: a step of asyncio `task` as a trace event of this
/// thread (the loop's). `what` is "resumes", "finishes", "is cancelled", "raises" (detail:
/// the exception) or "waits" (detail: what the coroutine yielded). The text is built here,
/// not in Python, so a traced run executes only the call's few instructions more than an
/// untraced one and its virtual timings barely move.
fn trace_task(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    use crate::vm::objects::types::type_name;
    let events = &vm.interp.runtime.events;
    let [what, task, detail] = args.args else {
        return Ok(Value::None);
    };
    if !events.active() {
        return Ok(Value::None);
    }
    let what = what.as_str().unwrap_or("");
    let coro = vm.getattr_str(task, "_coro")?;
    let label = format!("{} ({})", task_name(vm, task)?, coroutine_name(vm, &coro)?);
    let text = match what {
        "raises" => format!("{label} raises {}", type_name(detail)),
        "waits" => wait_text(vm, label, &coro, detail)?,
        _ => format!("{label} {what}"),
    };
    let thread = vm.thread.ident;
    vm.emit(|| crate::runtime::events::Event::Task { thread, text });
    Ok(Value::None)
}

fn task_name(vm: &Vm, task: &Value) -> PyResult<String> {
    let name = vm.getattr_str(task, "_name")?;
    Ok(name.as_str().unwrap_or("?").to_string())
}

fn coroutine_name(vm: &Vm, coro: &Value) -> PyResult<String> {
    if let Value::Generator(g) = coro {
        return Ok(g.qualname.to_string());
    }
    Ok(match vm.getattr_opt(coro, "__qualname__")? {
        Some(v) => v.as_str().unwrap_or("?").to_string(),
        None => crate::vm::objects::types::type_name(coro).to_string(),
    })
}

/// What a task that gave the loop back waits for: the stdlib coroutine (asyncio's or
/// aiohttp's) its chain of awaits ends in, else the task, gather() or Future it yielded;
/// and the user's coroutine and line that await it.
fn wait_text(vm: &Vm, label: String, coro: &Value, yielded: &Value) -> PyResult<String> {
    use crate::vm::objects::generator::GenKind;
    let mut waits_in = None;
    let mut user = None;
    let mut current = Some(coro.clone());
    while let Some(Value::Generator(g)) = current {
        if g.kind != GenKind::Coroutine {
            break;
        }
        if g.code.stdlib {
            waits_in.get_or_insert_with(|| format!("{}()", g.qualname));
        } else {
            user = Some(g.clone());
        }
        current = g.awaiting();
    }
    let what = match waits_in {
        Some(w) => Some(w),
        None if yielded.is_none() => None,
        None => Some(match crate::vm::objects::types::type_name(yielded) {
            "Task" => format!("task {}", task_name(vm, yielded)?),
            "_GatheringFuture" => "gather()".to_string(),
            _ => "a Future".to_string(),
        }),
    };
    let mut text = match what {
        Some(what) => format!("{label} awaits {what}"),
        None => format!("{label} yields to the loop"),
    };
    if let Some(g) = user
        && let Some(line) = g.current_line()
    {
        text.push_str(&format!(" ({}, line {line})", g.qualname));
    }
    Ok(text)
}
