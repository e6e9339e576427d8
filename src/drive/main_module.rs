//! The main module on its thread: compile `__main__` (once, for the explorer's many runs),
//! run it, report an uncaught exception as CPython does (or map `SystemExit` to the exit
//! status), then shut the interpreter down as `threading._shutdown` does.

use std::sync::Arc;

use crate::compiler::bytecode::CodeObject;
use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyErr;

/// A main program ready to run many times (the explorer's): its source shared, its hash
/// taken and its code compiled once, since all three are pure functions of the text.
pub struct Prepared {
    pub source: Arc<str>,
    pub filename: String,
    /// `sha256:<hex>` of the source (the schedule's `program` line).
    pub hash: String,
    /// None if it does not compile: each run then reports the SyntaxError itself.
    pub code: Option<Arc<CodeObject>>,
}

impl Prepared {
    pub fn new(source: &str, filename: &str) -> Prepared {
        Prepared {
            source: Arc::from(source),
            filename: filename.to_string(),
            hash: crate::runtime::sched::schedule::program_hash(source),
            code: crate::compiler::compile_module(source, filename).ok(),
        }
    }

    /// The same text, compiled by the run itself (a single run has nothing to share).
    pub(super) fn uncompiled(source: &str, filename: &str) -> Prepared {
        Prepared {
            source: Arc::from(source),
            filename: filename.to_string(),
            hash: crate::runtime::sched::schedule::program_hash(source),
            code: None,
        }
    }
}

/// Runs a prepared `__main__` on the current thread (compiling it first if it is not
/// compiled yet); returns the exit status.
pub fn execute_prepared(vm: &Vm, prepared: &Prepared) -> i32 {
    let (source, filename) = (&*prepared.source, prepared.filename.as_str());
    let runtime = vm.interp.runtime.clone();
    runtime.register_shared_source(filename, prepared.source.clone());
    if let Some(replay) = runtime.options.sim.as_ref().and_then(|s| s.replay.as_ref()) {
        let model = runtime.options.model_line();
        runtime
            .stderr
            .write_str(&replay.header_mismatch(&model, &prepared.hash));
    }
    crate::vm::builtins::install_builtins(vm, &vm.interp.builtins);
    let compiled = match &prepared.code {
        Some(code) => Ok(code.clone()),
        None => crate::compiler::compile_main(source, filename, runtime.options.top_level_await),
    };
    let code = match compiled {
        Ok(code) => code,
        Err(e) => {
            runtime.stdout.flush();
            runtime.stderr.write_str(&e.render(filename, source));
            return 1;
        }
    };
    let main = Arc::new(Module::new("__main__"));
    main.set("__file__", Value::str(filename));
    main.set("__builtins__", Value::Dict(vm.builtins().clone()));
    vm.interp
        .modules
        .set_str("__main__", Value::Module(main.clone()));
    let mut frame = Frame::new(code, main.dict.clone(), None);
    let sched = &runtime.sched;
    sched.begin_first_thread(&vm.caller());
    let result = if code_is_coroutine(&frame) {
        run_awaiting_module(vm, &frame).map(|_| ())
    } else {
        vm.run_frame(&mut frame, Resume::Start).map(|_| ())
    };
    drop(frame);
    let mut status = match result {
        Ok(_) => 0,
        Err(err) => report_uncaught(vm, &err),
    };
    // Like threading._shutdown: run its exit hooks, wait for the non-daemon threads, then
    // stop the rest.
    if !vm.thread.stopping()
        && let Err(err) = run_threading_atexits(vm).and_then(|()| vm.wait_for_non_daemon_threads())
    {
        status = report_uncaught(vm, &err);
    }
    // Then the `atexit` functions, as CPython's Py_FinalizeEx does after threading's
    // shutdown, whether the program ended normally, by sys.exit or by an exception.
    if !vm.thread.stopping()
        && let Err(err) = run_atexit_functions(vm)
    {
        status = report_uncaught(vm, &err);
    }
    vm.thread.mark_finished();
    sched.end_main_thread(&vm.caller(), || runtime.stop_all());
    runtime.stdout.flush();
    if let Some(exited) = runtime.exit_status() {
        // `os._exit`: no finalization, so no warnings about what is left either.
        return exited;
    }
    crate::stdlib::interp::warn_if_any_remain(vm);
    if let Some(reason) = runtime.stop_reason.lock().clone() {
        runtime.stderr.write_str(&reason);
        status = status.max(1);
    }
    status
}

fn code_is_coroutine(frame: &Frame) -> bool {
    frame.func.code.flags & crate::compiler::bytecode::flags::COROUTINE != 0
}

/// A module body that awaits (`--top-level-await`): its coroutine, run to the end on an
/// event loop with `asyncio.run`, as IPython runs a cell that awaits.
fn run_awaiting_module(vm: &Vm, frame: &Frame) -> crate::vm::pyerr::PyResult<Value> {
    let body = crate::vm::objects::function::Function::for_code(
        frame.func.code.clone(),
        frame.func.globals.clone(),
    );
    let coroutine = vm.call(&Value::Function(Arc::new(body)), &[])?;
    let asyncio = vm.import_module("asyncio")?;
    let run = vm.getattr(
        &asyncio,
        &Arc::new(crate::vm::objects::pystr::PyStr::new("run")),
    )?;
    vm.call(&run, &[coroutine])
}

/// `threading._run_atexits()`, if the program imported `threading`.
fn run_threading_atexits(vm: &Vm) -> crate::vm::pyerr::PyResult<()> {
    let Some(threading) = vm.interp.modules.get_str("threading") else {
        return Ok(());
    };
    if let Some(hook) = vm.getattr_opt(&threading, "_run_atexits")? {
        vm.call(&hook, &[])?;
    }
    Ok(())
}

/// `atexit._run_exitfuncs()`, if the program imported `atexit` (it reports what the
/// functions raise itself).
fn run_atexit_functions(vm: &Vm) -> crate::vm::pyerr::PyResult<()> {
    let Some(atexit) = vm.interp.modules.get_str("atexit") else {
        return Ok(());
    };
    if let Some(hook) = vm.getattr_opt(&atexit, "_run_exitfuncs")? {
        vm.call(&hook, &[])?;
    }
    Ok(())
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
pub fn report_uncaught(vm: &Vm, err: &PyErr) -> i32 {
    vm.interp.runtime.stdout.flush();
    vm.report_exit(err)
}
