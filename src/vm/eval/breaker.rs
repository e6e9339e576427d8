//! The eval breaker (CPython's `_Py_HandlePending`): what runs at a check point when
//! another thread, the scheduler or the run wants this thread's attention — a stop request,
//! Ctrl-C, the GIL's rules — and the check between two instructions under per-instruction
//! policies. Scheduling itself is the run's scheduler's business (`runtime::sched`).

use crate::runtime::sched::{Caller, Halt, Stop};
use crate::runtime::thread::breaker;
use crate::vm::context::Vm;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult};
use std::sync::atomic::Ordering;

impl Vm {
    /// The calling thread, as the scheduler sees it.
    #[inline]
    pub(crate) fn caller(&self) -> Caller<'_> {
        Caller {
            interp: &self.interp,
            thread: &self.thread,
            tally: &self.tally,
        }
    }

    /// Runs when `eval_breaker` is set at a check point: stop requests, Ctrl-C, then the
    /// scheduler (a GIL drop request, a simulated switch point).
    pub fn handle_eval_breaker(&self) -> PyResult<()> {
        // One load of the bits: in simulated runs this runs at every check point.
        let bits = self.thread.eval_breaker.load(Ordering::Relaxed);
        if bits & breaker::STOP != 0 {
            return Err(self.stop_error());
        }
        if bits & breaker::INTERRUPT != 0 && self.thread.take(breaker::INTERRUPT) {
            return Err(PyErr::with_args(&types().exc.keyboard_interrupt, vec![]));
        }
        if bits & breaker::MEMORY != 0 && self.take_memory_request() {
            return Err(crate::vm::pyerr::memory_error(""));
        }
        let sched = &self.sched;
        sched
            .check_point(&self.caller())
            .map_err(|stop| self.halted(stop))
    }

    /// A native loop's look at the eval breaker, once per step (`sum(range(10**18))`,
    /// `list(it)`, ...: one native call with no check point until it is done): a stopped
    /// run (`--timeout`, `--max-steps` of another thread, a deadlock) or a run over its
    /// memory limit ends the loop; scheduling waits for the next real check point.
    #[inline]
    pub fn native_loop_check(&self) -> PyResult<()> {
        let bits = self.thread.eval_breaker.load(Ordering::Relaxed);
        if bits & (breaker::STOP | breaker::MEMORY) == 0 {
            return Ok(());
        }
        if bits & breaker::STOP != 0 {
            return Err(self.stop_error());
        }
        if self.take_memory_request() {
            return Err(crate::vm::pyerr::memory_error(""));
        }
        Ok(())
    }

    /// Takes the sampler's MemoryError request: true if the process is still over its
    /// limit now (a sample taken while the program was freeing what it caught a
    /// MemoryError for must not raise a second one).
    fn take_memory_request(&self) -> bool {
        self.thread.take(breaker::MEMORY)
            && self
                .interp
                .runtime
                .memory
                .still_over(&self.interp.runtime.options)
    }

    /// The check between two instructions under `every-op` and `ticks:N` check points,
    /// tracing, and simulated runs that may switch anywhere.
    #[inline(always)]
    pub(crate) fn per_instruction_check(&self) -> PyResult<()> {
        let sched = &self.sched;
        match sched.between_instructions(&self.caller()) {
            Ok(false) => Ok(()),
            Ok(true) => self.handle_eval_breaker(),
            Err(stop) => Err(self.halted(stop)),
        }
    }

    /// Whether the eval loop must look between every two instructions: the every-op and
    /// ticks policies, tracing lines, and runs whose scheduler may switch anywhere.
    pub(crate) fn needs_per_instruction(&self) -> bool {
        self.interp.check_points().per_instruction()
            || self.tracing
            || self
                .interp
                .runtime
                .sched
                .switches_anywhere(self.interp.gil.model)
    }

    /// The exception that unwinds a thread the scheduler stopped; the run is stopped first
    /// (a deadlock found here is reported).
    pub(crate) fn halted(&self, stop: Stop) -> PyErr {
        self.interp.runtime.halt(stop);
        self.stop_error()
    }

    /// The exception for a blocking call that did not complete.
    pub(crate) fn halt_error(&self, halt: Halt) -> PyErr {
        match halt {
            Halt::Stop(stop) => self.halted(stop),
            Halt::ClockOverflow(message) => crate::vm::pyerr::overflow_error(message),
        }
    }

    /// The exception that unwinds a run stopped from outside (`--timeout`).
    pub fn stop_error(&self) -> PyErr {
        self.sched.settle(&self.caller());
        PyErr::with_args(
            &types().exc.system_exit,
            vec![Value::str("gilsim: run stopped")],
        )
    }
}
