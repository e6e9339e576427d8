//! Generators: a suspended frame resumed by `next`/`send`/`throw`/`close`
//! (Objects/genobject.c), including delegation of `throw` through `yield from`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

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

#[derive(Debug)]
pub struct Generator {
    /// The frame, locked while it runs; None once the generator finished.
    frame: Mutex<Option<Box<Frame>>>,
    finished: AtomicBool,
    started: AtomicBool,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
}

/// What one resumption produced.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

impl Generator {
    pub fn new(frame: Frame, name: Arc<str>, qualname: Arc<str>) -> Generator {
        Generator {
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
}

impl Vm {
    /// Resumes `generator` with `how`; returns what it yielded or returned.
    pub fn gen_resume(&self, generator: &Arc<Generator>, how: Resume) -> PyResult<GenStep> {
        if generator.finished.load(Ordering::Relaxed) {
            return finished_step(how);
        }
        let first = !generator.started.load(Ordering::Relaxed);
        if first
            && let Resume::Send(v) = &how
            && !v.is_none()
        {
            return Err(type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        // The frame stays in its mutex while it runs: locking once per resumption (instead of
        // taking the frame out and putting it back, two lock/unlock pairs) halves the atomic
        // instructions of a `next()`. A generator that is already running — re-entered from
        // its own code or resumed from another thread — is locked: CPython's ValueError.
        let Some(mut slot) = generator.frame.try_lock() else {
            return Err(value_error("generator already executing"));
        };
        let Some(frame) = slot.as_mut() else {
            return finished_step(how);
        };
        generator.started.store(true, Ordering::Relaxed);
        let how = match how {
            Resume::Send(_) if first => Resume::Start,
            other => other,
        };
        let result = self.run_generator_frame(frame, how);
        if !matches!(result, Ok(FrameExit::Yield(_))) {
            generator.finished.store(true, Ordering::Relaxed);
            *slot = None;
        }
        drop(slot);
        match result {
            Ok(FrameExit::Yield(v)) => Ok(GenStep::Yield(v)),
            Ok(FrameExit::Return(v)) => Ok(GenStep::Return(v)),
            Err(e) => {
                // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
                if e.is_instance_of(&types().exc.stop_iteration) {
                    let err = runtime_error("generator raised StopIteration");
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

/// Resuming a finished generator: `next`/`send` see it return None, `throw` re-raises.
fn finished_step(how: Resume) -> PyResult<GenStep> {
    match how {
        Resume::Throw(err) => Err(err),
        _ => Ok(GenStep::Return(Value::None)),
    }
}
