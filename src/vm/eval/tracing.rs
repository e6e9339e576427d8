//! The eval loop's side of observing a run: events of this thread, timed on the run's clock
//! (its own virtual time in simulated mode), and `--trace lines|ops` as instructions run.

use std::sync::Arc;
use std::time::Duration;

use crate::compiler::bytecode::CodeObject;
use crate::runtime::events::Event;
use crate::vm::context::Vm;

impl Vm {
    /// When an event of this thread happens, on the run's clock.
    pub fn event_time(&self) -> Duration {
        self.sched.event_time(&self.caller())
    }

    /// Emits an event of this thread, timed by [`Vm::event_time`], if anyone listens.
    pub fn emit(&self, make: impl FnOnce() -> Event) {
        let events = &self.interp.runtime.events;
        if events.active() {
            events.emit_at(self.event_time(), make);
        }
    }

    /// `--trace lines|ops`: reports a new source line (and, for ops, the instruction) about to
    /// run.
    pub(crate) fn trace_instruction(&self, code: &Arc<CodeObject>, pc: usize) {
        let events = &self.interp.runtime.events;
        let at = self.event_time();
        let thread = self.thread.ident;
        let line = code.line_at(pc);
        if line == 0 {
            return;
        }
        let key = (Arc::as_ptr(code) as usize, line);
        if self.traced_line.get() != key && !code.stdlib {
            self.traced_line.set(key);
            events.emit_at(at, || Event::Line {
                thread,
                file: code.filename.clone(),
                line,
            });
        }
        if self.trace_ops && !code.stdlib {
            events.emit_at(at, || Event::Op {
                thread,
                text: crate::compiler::dis::instruction_text(code, pc),
            });
        }
    }
}
