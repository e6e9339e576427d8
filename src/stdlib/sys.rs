//! The `sys` module: argv, exit, recursion limit, std streams, version information.

use std::sync::atomic::Ordering;
use std::sync::{Arc, LazyLock};

use crate::vm::builtins::{c_int_arg, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, recursion_error, type_error, value_error};

/// The payload of `sys.stdout` / `sys.stderr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdStream {
    Stdout,
    Stderr,
}

static TEXTIO: LazyLock<Arc<Class>> = LazyLock::new(|| {
    crate::vm::builtins::native_class(
        "TextIOWrapper",
        "_io",
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("isatty", stream_isatty),
        ],
    )
});

/// What a write(2) of stdout's text costs a simulated run.
const WRITE_COST: std::time::Duration =
    std::time::Duration::from_nanos(crate::runtime::sched::sim::cost::WRITE_NS);

/// A write to an unbuffered stdout (`-u`): a short blocking call, as CPython's
/// FileIO.write releases the GIL around write(2), so that another thread may run (and
/// print) in between — a scheduling point that `explore` reaches. `mid_print`: print
/// writes its end after this.
pub fn unbuffered_write(vm: &Vm, text: &str, mid_print: bool) -> PyResult<()> {
    let stdout = &vm.interp.runtime.stdout;
    vm.short_blocking_call("a write to stdout", WRITE_COST, mid_print, || {
        stdout.write_str(text);
        stdout.flush();
        // Written through: a later flush has nothing to write.
        stdout.take_unflushed();
    })
}

/// `sys.stdout.flush()` and `print(..., flush=True)`: text waiting in the buffer goes out
/// in one write(2), with the GIL released as around any write (CPython's
/// `_bufferedwriter_raw_write`); with nothing waiting there is no write and no release.
pub fn flush_stdout(vm: &Vm) -> PyResult<()> {
    let stdout = &vm.interp.runtime.stdout;
    if !stdout.take_unflushed() {
        return Ok(());
    }
    vm.short_blocking_call("a flush of stdout", WRITE_COST, false, || stdout.flush())
}

fn stream(which: StdStream) -> Value {
    Value::Native(Arc::new(NativeObject::new(TEXTIO.clone(), which)))
}

pub fn create(vm: &Vm) -> Arc<Module> {
    let m = super::native_module(
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("exc_info", exc_info),
            ("getsizeof", getsizeof),
            ("intern", intern),
        ],
    );
    let argv = vm
        .interp
        .runtime
        .options
        .argv
        .iter()
        .map(|a| Value::str(a))
        .collect();
    m.set("argv", Value::list(argv));
    // One object each, so `sys.stdout is sys.__stdout__` holds until a program replaces it.
    let (stdout, stderr) = (stream(StdStream::Stdout), stream(StdStream::Stderr));
    m.set("stdout", stdout.clone());
    m.set("stderr", stderr.clone());
    m.set("__stdout__", stdout);
    m.set("__stderr__", stderr);
    m.set("version", Value::str("3.12.0 (gilsim) [Rust]"));
    m.set(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(12),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    m.set("hexversion", Value::Int(0x030c00f0));
    m.set("platform", Value::str(std::env::consts::OS));
    m.set(
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("executable", Value::str("gilsim"));
    m.set("implementation_name", Value::str("gilsim"));
    let dir = vm
        .interp
        .script_dir
        .lock()
        .as_ref()
        .map_or_else(String::new, |d| d.display().to_string());
    m.set("path", Value::list(vec![Value::string(dir)]));
    m.set("modules", Value::Dict(vm.interp.modules.clone()));
    super::sys_gil::register(&m);
    m
}

fn exit(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("exit", args, 0, 1)?;
    Err(PyErr::with_args(&types().exc.system_exit, a.to_vec()))
}

fn getrecursionlimit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(i64::from(vm.interp.recursion_limit())))
}

fn setrecursionlimit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("setrecursionlimit", args, 1, 1)?;
    let n = c_int_arg(&a[0])?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let n = n.min(i64::from(i32::MAX)) as u32;
    let depth = vm.depth();
    if n <= depth {
        return Err(recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.interp.recursion_limit.store(n, Ordering::Relaxed);
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        vm.interp.int_max_str_digits.load(Ordering::Relaxed) as i64,
    ))
}

fn set_int_max_str_digits(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = crate::vm::builtins::parse("set_int_max_str_digits", args, &["maxdigits"], 1)?;
    let n = vm.index_i64(p.get(0).unwrap_or(&Value::Int(0)))?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.interp
        .int_max_str_digits
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn exc_info(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    let exc = vm.current_handled();
    if exc.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let class = Value::Class(crate::vm::objects::types::class_of(&exc).clone());
    Ok(Value::tuple(vec![class, exc, Value::None]))
}

fn getsizeof(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(crate::vm::pyerr::unsupported(
        "sys.getsizeof() (gilsim objects have no CPython layout)",
    ))
}

fn intern(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("intern", args, 1, 1)?;
    Ok(a[0].clone())
}

fn stream_recv(args: &Args<'_>) -> PyResult<StdStream> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<StdStream>()
            .copied()
            .ok_or_else(|| type_error("expected a stream")),
        _ => Err(type_error("expected a stream")),
    }
}

fn stream_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let which = stream_recv(&args)?;
    let a = positional("write", crate::vm::builtins::methods_rest(&args), 1, 1)?;
    let Value::Str(s) = &a[0] else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            type_name(&a[0])
        )));
    };
    let target = match which {
        StdStream::Stdout => Value::None,
        StdStream::Stderr => args.args[0].clone(),
    };
    vm.write_to(&target, s.as_str(), false)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match stream_recv(&args)? {
        StdStream::Stdout => flush_stdout(vm)?,
        StdStream::Stderr => vm.interp.runtime.stderr.flush(),
    }
    Ok(Value::None)
}

fn stream_isatty(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(false))
}
