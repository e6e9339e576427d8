//! Subinterpreters as the program's modules see them — the machinery `_xxsubinterpreters`
//! (3.12), `_interpreters` (3.13) and `concurrent.interpreters` (3.14) share: creating,
//! finding and destroying interpreters, and running code in one on the calling thread, as
//! CPython swaps thread states (`_run_script_in_interpreter`, Modules/_xxsubinterpretersmodule.c).

pub mod channels;
pub mod fallback;
pub mod interpreters;
pub mod queues;
pub mod share;
pub mod xxsub;

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::compiler::bytecode::CodeObject;
use crate::runtime::Interpreter;
use crate::runtime::config::InterpreterConfig;
use crate::runtime::sched::Wait;
use crate::runtime::thread::WaitKind;
use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult};
use share::Shared;

/// A new interpreter of the run. `own_gil`: it gets a GIL of its own (PEP 684, CPython
/// 3.12+), else it shares the main interpreter's, as every interpreter did up to 3.11. Its
/// GIL settings start as CPython's defaults, or are the shared GIL's.
pub fn create(vm: &Vm, own_gil: bool) -> Option<Arc<Interpreter>> {
    let runtime = &vm.interp.runtime;
    let main = runtime.interpreter(0)?;
    let config = InterpreterConfig {
        gil: main.gil.model,
        check_points: main.check_points(),
        ..InterpreterConfig::default()
    };
    let shared =
        (!own_gil || runtime.options.subinterpreters_share_gil()).then(|| main.gil.clone());
    let interp = Interpreter::new(runtime.clone(), config, shared);
    interp.isolated.store(own_gil, Ordering::Release);
    *interp.script_dir.lock() = vm.interp.script_dir.lock().clone();
    crate::vm::builtins::install_builtins(vm, &interp.builtins);
    runtime.add_subinterpreter(interp.clone()).then_some(interp)
}

/// Why an interpreter could not be destroyed.
pub enum DestroyError {
    /// No interpreter has that id (any more).
    Unknown,
    /// It is the caller's own.
    Current,
    /// Code runs in its `__main__` (the main interpreter always does).
    Running,
}

/// Destroys subinterpreter `id`: its modules are emptied and it is forgotten.
pub fn destroy(vm: &Vm, id: u64) -> Result<(), DestroyError> {
    let runtime = &vm.interp.runtime;
    let Some(target) = runtime.interpreter(id) else {
        return Err(DestroyError::Unknown);
    };
    if target.id == vm.interp.id {
        return Err(DestroyError::Current);
    }
    if target.is_main() || target.running_main.load(Ordering::Acquire) > 0 {
        return Err(DestroyError::Running);
    }
    if let Some(gone) = runtime.remove_subinterpreter(id) {
        channels::drop_interpreter(runtime, id);
        queues::drop_interpreter(runtime, id);
        runtime.module_state::<PendingMain>().0.lock().remove(&id);
        crate::vm::teardown::break_cycles(&gone);
    }
    Ok(())
}

/// Whether code runs in the interpreter's `__main__` (always, for the main interpreter).
pub fn is_running(interp: &Interpreter) -> bool {
    interp.is_main() || interp.running_main.load(Ordering::Acquire) > 0
}

/// An exception raised by code run in another interpreter, as it crosses back (CPython's
/// `_PyXI_excinfo`).
pub struct ExcInfo {
    /// `ValueError`, `MyError`.
    pub type_name: String,
    /// `ValueError`, `Outer.MyError`.
    pub type_qualname: String,
    /// `builtins`, `__main__`.
    pub type_module: String,
    /// `str(exc)`.
    pub msg: String,
    /// `ValueError: boom`: the exception's last line in a traceback.
    pub formatted: String,
    /// The whole traceback text, as it would have been printed there.
    pub errdisplay: String,
    /// The exception itself as shared data, when 3.14 could pickle it (a builtin exception
    /// class with plain-data args): `InterpreterPoolExecutor` re-raises it.
    pub exception: Option<Shared>,
}

impl ExcInfo {
    /// `<class 'ValueError'>`, `<class '__main__.MyError'>`: how 3.12 names the type.
    pub fn type_repr(&self) -> String {
        if self.type_module == "builtins" {
            format!("<class '{}'>", self.type_name)
        } else {
            format!("<class '{}.{}'>", self.type_module, self.type_name)
        }
    }
}

/// CPython 3.14's warning at exit for subinterpreters nobody closed (`finalize_subinterpreters`
/// in Python/pylifecycle.c); 3.12 and 3.13 destroy them silently. It is given under
/// `--like 3.14`, or when the program uses 3.14's `concurrent.interpreters`.
pub fn warn_if_any_remain(vm: &Vm) {
    let runtime = &vm.interp.runtime;
    let uses_314 = runtime.options.like >= Some(crate::runtime::PyVersion(3, 14))
        || vm
            .interp
            .modules
            .get_str("concurrent.interpreters")
            .is_some();
    let stopped = runtime.stop_reason.lock().is_some();
    if uses_314 && !stopped && !runtime.subinterpreter_ids().is_empty() {
        runtime.stderr.write_str(
            "<sys>:0: RuntimeWarning: remaining subinterpreters; \
             close them with Interpreter.close()\n",
        );
    }
}

/// What to run in another interpreter's `__main__`.
pub enum Script<'a> {
    /// A script's text (compiled there, as `<string>`).
    Source(&'a str),
    /// A function's code object, which takes no arguments and has no closure: code objects
    /// are immutable, so the target runs the same one (3.13's `exec(id, func)`).
    Code(Arc<CodeObject>),
    /// A call of a callable with these arguments (3.14's `Interpreter.call`).
    Call(Box<Call>),
}

/// A function call to make in another interpreter, its parts as shared data.
pub struct Call {
    pub function: CallTarget,
    pub args: Vec<Shared>,
    /// The keyword arguments' dict, pickled (None: no keywords).
    pub kwargs: Option<Shared>,
}

/// What is called: a stateless function's code, made into a function there with the
/// target's `__main__` as its globals, or a callable sent by pickle.
pub enum CallTarget {
    Code(Arc<CodeObject>),
    Pickled(Shared),
}

/// Runs `source` in `target`'s `__main__` on the calling OS thread, after binding `shared`
/// there; Ok(Some(info)) if the code raised. Err only when the run is being stopped (or a
/// wait overflowed the clock) — the caller's own thread must unwind then.
pub fn run_source(
    vm: &Vm,
    target: &Arc<Interpreter>,
    source: &str,
    shared: Vec<(String, Shared)>,
) -> PyResult<Option<ExcInfo>> {
    run_script(vm, target, Script::Source(source), shared)
        .map(|outcome| outcome.err().map(|info| *info))
}

/// `run_source` for any `Script`: Ok(Ok(result)) when it ran to the end (the call's result
/// for `Script::Call`, else None), Ok(Err(info)) when it raised.
pub fn run_script(
    vm: &Vm,
    target: &Arc<Interpreter>,
    script: Script<'_>,
    shared: Vec<(String, Shared)>,
) -> PyResult<Result<Option<Shared>, Box<ExcInfo>>> {
    let into = target.new_thread(&vm.thread.display_name());
    let wait = Wait {
        what: format!("interpreter {} to finish running code", target.id),
        kind: WaitKind::Thread(into.clone()),
        location: vm.caller_location(),
    };
    target.running_main.fetch_add(1, Ordering::AcqRel);
    let entered = vm
        .sched
        .enter_interpreter(&vm.caller(), target, &into, wait);
    if let Err(halt) = entered {
        target.running_main.fetch_sub(1, Ordering::AcqRel);
        *vm.thread.blocked.lock() = None;
        into.mark_finished();
        return Err(vm.halt_error(halt));
    }
    let outcome = {
        let inner = Vm::new(target.clone(), into.clone(), vm.stack_left());
        let outcome = execute_in_main(&inner, script, shared);
        let left = vm.sched.leave_interpreter(&inner.caller(), &vm.caller());
        target.running_main.fetch_sub(1, Ordering::AcqRel);
        left.map(|()| outcome)
    };
    match outcome {
        Ok(outcome) => Ok(outcome),
        Err(halt) => Err(vm.halt_error(halt)),
    }
}

/// On `vm` (of the target interpreter): binds what waits for `__main__` and `shared` there,
/// then runs the script; its result, or the exception it raised.
fn execute_in_main(
    vm: &Vm,
    script: Script<'_>,
    shared: Vec<(String, Shared)>,
) -> Result<Option<Shared>, Box<ExcInfo>> {
    let mut bindings = take_pending(vm.interp.as_ref());
    bindings.extend(shared);
    let result = bind_in_main(vm, bindings).and_then(|()| run_in_main(vm, script));
    result.map_err(|err| Box::new(exc_info(vm, &err)))
}

fn run_in_main(vm: &Vm, script: Script<'_>) -> PyResult<Option<Shared>> {
    let main = main_module(&vm.interp);
    let filename = "<string>";
    let code = match script {
        Script::Code(code) => code,
        Script::Call(call) => return call_in_main(vm, &main, *call).map(Some),
        Script::Source(source) => match crate::compiler::compile_module(source, filename) {
            // The text is not registered as `<string>`'s source: CPython's traceback of code
            // run this way shows no source lines either.
            Ok(code) => code,
            Err(e) => return Err(vm.syntax_error_to_exception(&e, filename, source)),
        },
    };
    let mut frame = Frame::new(code, main.dict.clone(), None);
    vm.run_frame(&mut frame, Resume::Start)?;
    Ok(None)
}

/// Makes the callable of `call` in this interpreter, calls it, and shares its result by
/// 3.14's rules (a result that cannot cross arrives as a refusal, which the caller raises).
fn call_in_main(vm: &Vm, main: &Module, call: Call) -> PyResult<Shared> {
    use crate::vm::objects::function::{Args, Function};
    let callable = match call.function {
        CallTarget::Code(code) => {
            Value::Function(Arc::new(Function::for_code(code, main.dict.clone())))
        }
        CallTarget::Pickled(data) => data.into_value(vm)?,
    };
    let mut args = call
        .args
        .into_iter()
        .map(|a| a.into_value(vm))
        .collect::<PyResult<Vec<_>>>()?;
    let mut names = Vec::new();
    if let Some(kwargs) = call.kwargs
        && let Value::Dict(d) = kwargs.into_value(vm)?
    {
        for (name, value) in d.items() {
            names.push(name);
            args.push(value);
        }
    }
    let result = vm.call_with(
        &callable,
        Args {
            args: &args,
            kwnames: &names,
        },
    )?;
    match fallback::share_or_pickle(vm, &result)? {
        Some(shared) => Ok(shared),
        None => {
            let refused = fallback::refusal(vm, &result, true);
            Ok(Shared::Refused(format!(
                "concurrent.interpreters.NotShareableError: {}",
                vm.str(&refused.value())?
            )))
        }
    }
}

/// The interpreter's `__main__` module, made on first use.
fn main_module(interp: &Interpreter) -> Arc<Module> {
    if let Some(Value::Module(m)) = interp.modules.get_str("__main__") {
        return m;
    }
    let main = Arc::new(Module::new("__main__"));
    main.set("__builtins__", Value::Dict(interp.builtins.clone()));
    main.set("__doc__", Value::None);
    interp
        .modules
        .set_str("__main__", Value::Module(main.clone()));
    main
}

/// Values bound in interpreters' `__main__` from other interpreters (`set___main___attrs`,
/// `prepare_main`), waiting to be made there: objects are made by the interpreter that will
/// own them, when it next runs code.
#[derive(Default)]
struct PendingMain(parking_lot::Mutex<std::collections::HashMap<u64, Vec<(String, Shared)>>>);

/// Binds `shared` in `target`'s `__main__`: at once if it is the caller's own
/// interpreter, else the next time code runs there.
pub fn set_main_attrs(
    vm: &Vm,
    target: &Interpreter,
    shared: Vec<(String, Shared)>,
) -> PyResult<()> {
    if target.id == vm.interp.id {
        return bind_in_main(vm, shared);
    }
    let pending = vm.interp.runtime.module_state::<PendingMain>();
    pending
        .0
        .lock()
        .entry(target.id)
        .or_default()
        .extend(shared);
    Ok(())
}

fn take_pending(interp: &Interpreter) -> Vec<(String, Shared)> {
    let pending = interp.runtime.module_state::<PendingMain>();
    let taken = pending.0.lock().remove(&interp.id);
    taken.unwrap_or_default()
}

/// Binds `shared` in the `__main__` of `vm`'s interpreter, each value made afresh there.
fn bind_in_main(vm: &Vm, shared: Vec<(String, Shared)>) -> PyResult<()> {
    let main = main_module(&vm.interp);
    for (name, value) in shared {
        main.set(&name, value.into_value(vm)?);
    }
    Ok(())
}

/// What crosses back of an exception raised in another interpreter.
pub fn exc_info(vm: &Vm, err: &PyErr) -> ExcInfo {
    let exc = err.value();
    let class = crate::vm::objects::types::class_of(&exc);
    let type_module = class
        .dict
        .get_str("__module__")
        .and_then(|m| vm.str(&m).ok())
        .unwrap_or_else(|| class.module.to_string());
    let msg = vm.str(&exc).unwrap_or_default();
    let shown = vm.exception_type_name(&exc);
    let formatted = if msg.is_empty() {
        shown
    } else {
        format!("{shown}: {msg}")
    };
    let errdisplay = vm.format_exception(err).trim_end().to_string();
    let exception = fallback::share_or_pickle(vm, &exc).ok().flatten();
    ExcInfo {
        type_name: class.name.to_string(),
        type_qualname: class.qualname.to_string(),
        type_module,
        msg,
        formatted,
        errdisplay,
        exception,
    }
}
