//! Generators: a suspended frame resumed by `next`/`send`/`throw`/`close`
//! (Objects/genobject.c), including delegation of `throw` through `yield from`. Coroutines
//! and async generators are the same object with another `kind` (CPython's `PyGenObject`,
//! `PyCoroObject` and `PyAsyncGenObject` share their layout too).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, Weak};

use crate::compiler::bytecode::Instr;
use crate::vm::context::Vm;
use crate::vm::eval::frame::Frame;
use crate::vm::eval::{FrameExit, Resume};
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, runtime_error, stop_iteration, type_error, value_error};

/// Only ever `try_lock`ed (a locked generator is running), so a spin lock's plain-store
/// unlock is all the mutex a resumption needs.
type Mutex<T> = spin::mutex::SpinMutex<T>;

/// Which of CPython's three generator-like types an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    /// `async def` without `yield`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGenerator,
}

impl GenKind {
    /// The kind a function with these code flags makes when called.
    pub fn of_flags(code_flags: u32) -> GenKind {
        use crate::compiler::bytecode::flags::{COROUTINE, GENERATOR};
        match (code_flags & COROUTINE != 0, code_flags & GENERATOR != 0) {
            (true, true) => GenKind::AsyncGenerator,
            (true, false) => GenKind::Coroutine,
            _ => GenKind::Generator,
        }
    }

    /// The type's name, as reprs and error messages spell it.
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

/// Where a coroutine was created, so that dropping it unawaited can warn as CPython's
/// `_PyErr_WarnUnawaitedCoroutine` does (Objects/genobject.c `_PyGen_Finalize`).
#[derive(Debug)]
pub struct CreatedAt {
    pub runtime: Weak<crate::runtime::runtime::Runtime>,
    pub filename: Arc<str>,
    pub line: u32,
}

#[derive(Debug)]
pub struct Generator {
    /// The frame, locked while it runs; None once the generator finished.
    frame: Mutex<Option<Box<Frame>>>,
    finished: AtomicBool,
    started: AtomicBool,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub kind: GenKind,
    /// The code it runs (`gi_code`/`cr_code`), kept after the frame is gone.
    pub code: Arc<crate::compiler::bytecode::CodeObject>,
    /// Coroutines only: where user code created it (for the never-awaited warning).
    pub created_at: OnceLock<CreatedAt>,
    /// The iterator type of CPython's that this generator of gilsim's stdlib stands for
    /// (`itertools.chain`: `stdlib/iterator_types.rs`): its `type()` and repr.
    pub stands_for: OnceLock<Arc<crate::vm::objects::class::Class>>,
}

impl Drop for Generator {
    /// A coroutine that is collected without ever having run prints CPython's
    /// "RuntimeWarning: coroutine '...' was never awaited". CPython prints it when the
    /// coroutine is finalized, naming the line running then; gilsim names the line that
    /// created it, which is the same line for the usual mistake (`f()` as a statement).
    fn drop(&mut self) {
        if self.kind != GenKind::Coroutine || self.started.load(Ordering::Relaxed) {
            return;
        }
        let unstarted = self.frame.get_mut().is_some();
        let Some(at) = self.created_at.get() else {
            return;
        };
        let Some(runtime) = at.runtime.upgrade() else {
            return;
        };
        if !unstarted {
            return;
        }
        let mut text = format!(
            "{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n",
            at.filename, at.line, self.qualname
        );
        if let Some(src) = runtime.source_line(&at.filename, at.line) {
            text.push_str(&format!("  {}\n", src.trim()));
        }
        text.push_str(
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
        );
        runtime.stdout.flush();
        runtime.stderr.write_str(&text);
    }
}

/// What one resumption produced.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

impl Generator {
    pub fn new(frame: Frame, name: Arc<str>, qualname: Arc<str>) -> Generator {
        let kind = GenKind::of_flags(frame.func.code.flags);
        Generator {
            kind,
            code: frame.func.code.clone(),
            created_at: OnceLock::new(),
            stands_for: OnceLock::new(),
            frame: Mutex::new(Some(Box::new(frame))),
            finished: AtomicBool::new(false),
            started: AtomicBool::new(false),
            name,
            qualname,
        }
    }

    /// Teardown: the frame of a suspended generator, taken out (None while it runs or once
    /// it finished).
    pub(crate) fn take_suspended_frame(&self) -> Option<Box<Frame>> {
        self.frame.try_lock().and_then(|mut frame| frame.take())
    }

    /// `gi_running`: the frame is locked exactly while it runs.
    pub fn is_running(&self) -> bool {
        self.frame.is_locked()
    }

    /// Finished (returned, raised or closed): `cr_frame`/`gi_frame` is None.
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Relaxed)
    }

    pub fn is_started(&self) -> bool {
        self.started.load(Ordering::Relaxed)
    }

    /// The line the frame is suspended at (its first line before it starts), as
    /// `cr_frame.f_lineno` would say; None once finished.
    pub fn current_line(&self) -> Option<u32> {
        let slot = self.frame.try_lock()?;
        let frame = slot.as_ref()?;
        Some(if self.is_started() {
            frame.func.code.line_at(frame.pc.saturating_sub(1))
        } else {
            frame.func.code.first_line
        })
    }

    /// What the suspended frame is delegating to (`cr_await`, `gi_yieldfrom`): the
    /// object under the top of its stack while it sits in a `yield from`/`await`.
    pub fn awaiting(&self) -> Option<Value> {
        let slot = self.frame.try_lock()?;
        let frame = slot.as_ref()?;
        let delegating = frame.pc > 0
            && matches!(
                frame.func.code.instructions.get(frame.pc - 1),
                Some(Instr::YieldValue(1))
            );
        delegating.then(|| frame.top().clone())
    }
}

impl Vm {
    /// Resumes `generator` with `how`; returns what it yielded or returned.
    pub fn gen_resume(&self, generator: &Arc<Generator>, how: Resume) -> PyResult<GenStep> {
        if generator.finished.load(Ordering::Relaxed) {
            return finished_step(generator.kind, how);
        }
        let first = !generator.started.load(Ordering::Relaxed);
        if first
            && let Resume::Send(v) = &how
            && !v.is_none()
        {
            return Err(type_error(format!(
                "can't send non-None value to a just-started {}",
                generator.kind.type_name()
            )));
        }
        // The frame stays in its mutex while it runs: locking once per resumption (instead of
        // taking the frame out and putting it back, two lock/unlock pairs) halves the atomic
        // instructions of a `next()`. A generator that is already running — re-entered from
        // its own code or resumed from another thread — is locked: CPython's ValueError.
        let Some(mut slot) = generator.frame.try_lock() else {
            return Err(value_error(format!(
                "{} already executing",
                generator.kind.type_name()
            )));
        };
        let Some(frame) = slot.as_mut() else {
            return finished_step(generator.kind, how);
        };
        generator.started.store(true, Ordering::Relaxed);
        let how = match how {
            Resume::Send(_) if first => Resume::Start,
            other => other,
        };
        let result = self.run_generator_frame(frame, how);
        let mut done = None;
        if !matches!(result, Ok(FrameExit::Yield(_))) {
            generator.finished.store(true, Ordering::Relaxed);
            done = slot.take();
        }
        drop(slot);
        // A finished frame's slots serve the next call (a task's coroutines finish by the
        // thousand).
        if let Some(frame) = done {
            self.recycle_frame(*frame);
        }
        match result {
            Ok(FrameExit::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(FrameExit::Return(v)) => Ok(GenStep::Return(v)),
            Err(e) => {
                // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
                if e.is_instance_of(&types().exc.stop_iteration) {
                    let err = runtime_error(format!(
                        "{} raised StopIteration",
                        match generator.kind {
                            GenKind::Generator => "generator",
                            GenKind::Coroutine => "coroutine",
                            GenKind::AsyncGenerator => "async generator",
                        }
                    ));
                    err.with_data(|d| d.cause = Some(e.value()));
                    return Err(err);
                }
                Err(e)
            }
        }
    }

    /// Runs a generator frame, first delegating a thrown exception to a `yield from` target.
    fn run_generator_frame(&self, frame: &mut Frame, how: Resume) -> PyResult<FrameExit> {
        if let Resume::Throw(err) = how {
            return self.throw_into(frame, err);
        }
        self.check_native_stack()?;
        self.run_frame(frame, how)
    }

    /// `generator.throw(exc)`: if the generator is suspended inside `yield from`, the sub-iterator
    /// gets the exception first (genobject.c `_gen_throw`).
    fn throw_into(&self, frame: &mut Frame, err: PyErr) -> PyResult<FrameExit> {
        let at_delegating_yield = frame.pc > 0
            && matches!(
                frame.func.code.instructions.get(frame.pc - 1),
                Some(Instr::YieldValue(1))
            );
        if !at_delegating_yield {
            return self.run_frame(frame, Resume::Throw(err));
        }
        let sub = frame.top().clone();
        let is_exit = err.is_instance_of(&types().exc.generator_exit);
        let outcome = if let Value::Generator(g) = &sub {
            if is_exit {
                self.gen_close(g).map(|_| None)
            } else {
                match self.gen_resume(g, Resume::Throw(err.clone())) {
                    Ok(GenStep::Yield(v)) => return Ok(FrameExit::Yield(v)),
                    Ok(GenStep::Return(r)) => Ok(Some(r)),
                    Err(e) => Err(e),
                }
            }
        } else if is_exit {
            match self.getattr_opt(&sub, "close")? {
                Some(close) => self.call(&close, &[]).map(|_| None),
                None => Ok(None),
            }
        } else {
            match self.getattr_opt(&sub, "throw")? {
                Some(throw) => match self.call(&throw, &[err.value()]) {
                    Ok(v) => return Ok(FrameExit::Yield(v)),
                    Err(e) if e.is_instance_of(&types().exc.stop_iteration) => {
                        Ok(Some(e.args().into_iter().next().unwrap_or(Value::None)))
                    }
                    Err(e) => Err(e),
                },
                None => Ok(None),
            }
        };
        match outcome {
            // The sub-iterator finished: continue after the `yield from` with its result.
            Ok(Some(result)) => {
                let target = match frame.func.code.instructions.get(frame.pc) {
                    Some(Instr::JumpBackwardNoInterrupt(send_at)) => {
                        match frame.func.code.instructions.get(*send_at as usize) {
                            Some(Instr::Send(exit)) => Some(*exit as usize),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                match target {
                    Some(exit) => {
                        frame.pop();
                        frame.push(result);
                        frame.pc = exit;
                        self.run_frame(frame, Resume::Continue)
                    }
                    None => self.run_frame(frame, Resume::Throw(err)),
                }
            }
            Ok(None) => self.run_frame(frame, Resume::Throw(err)),
            Err(e) => self.run_frame(frame, Resume::Throw(e)),
        }
    }

    /// `generator.close()`.
    pub fn gen_close(&self, generator: &Arc<Generator>) -> PyResult<()> {
        if generator.finished.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !generator.started.load(Ordering::Relaxed) {
            generator.finished.store(true, Ordering::Relaxed);
            match generator.frame.try_lock() {
                Some(mut slot) => drop(slot.take()),
                None => return Err(value_error("generator already executing")),
            }
            return Ok(());
        }
        let exit = PyErr::with_args(&types().exc.generator_exit, vec![]);
        match self.gen_resume(generator, Resume::Throw(exit)) {
            Ok(GenStep::Yield(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(GenStep::Return(_)) => Ok(()),
            Err(e)
                if e.is_instance_of(&types().exc.generator_exit)
                    || e.is_instance_of(&types().exc.stop_iteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// `next(generator)` as the iteration protocol sees it: None when the generator returns.
    pub fn gen_next(&self, generator: &Arc<Generator>) -> PyResult<Option<Value>> {
        match self.gen_resume(generator, Resume::Send(Value::None))? {
            GenStep::Yield(v) => Ok(Some(v)),
            GenStep::Return(_) => Ok(None),
        }
    }

    /// `generator.send(v)`: StopIteration(value) when it returns.
    pub fn gen_send(&self, generator: &Arc<Generator>, v: Value) -> PyResult<Value> {
        match self.gen_resume(generator, Resume::Send(v))? {
            GenStep::Yield(v) => Ok(v),
            GenStep::Return(r) => Err(stop_iteration((!r.is_none()).then_some(r))),
        }
    }
}

/// Resuming a finished generator: `next`/`send` see it return None, `throw` re-raises;
/// a finished coroutine refuses to run again (genobject.c `gen_send_ex2`).
fn finished_step(kind: GenKind, how: Resume) -> PyResult<GenStep> {
    match how {
        Resume::Throw(err) => Err(err),
        _ if kind == GenKind::Coroutine => {
            Err(runtime_error("cannot reuse already awaited coroutine"))
        }
        _ => Ok(GenStep::Return(Value::None)),
    }
}
