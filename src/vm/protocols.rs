//! Small protocols the eval loop delegates: the context-manager entry of `with`, and the
//! eval-breaker handler that runs at check points.

use super::context::Vm;
use super::errors::{PyErr, PyResult};
use super::types::{class_of, type_name, types};
use super::value::Value;
use crate::runtime::gil::{CheckPoints, GilModel};
use crate::runtime::thread::breaker;

impl Vm {
    /// BEFORE_WITH: returns (bound `__exit__`, result of `__enter__()`).
    pub fn before_with(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = class_of(mgr);
        let enter = class.lookup_str("__enter__");
        let exit = class.lookup_str("__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if class.lookup_str("__enter__").is_none() {
                "the context manager protocol"
            } else {
                "the context manager protocol (missed __exit__ method)"
            };
            return Err(super::errors::type_error(format!(
                "'{}' object does not support {missing}",
                type_name(mgr)
            )));
        };
        let entered = self.call(&enter, std::slice::from_ref(mgr))?;
        let exit_bound = Value::Method(std::sync::Arc::new(super::function::BoundMethod {
            func: exit,
            receiver: mgr.clone(),
        }));
        Ok((exit_bound, entered))
    }

    /// Runs when `eval_breaker` is set at a check point: stop requests, Ctrl-C, and GIL drop
    /// requests (CPython's `_Py_HandlePending`: drop the GIL, let the requester take it, queue
    /// for it again).
    pub fn handle_eval_breaker(&self) -> PyResult<()> {
        if let Some(sim) = &self.interp.sim {
            return self.sim_check_point(sim);
        }
        if self.thread.stopping() {
            return Err(self.stop_error());
        }
        if self.thread.take(breaker::INTERRUPT) {
            return Err(PyErr::with_args(&types().exc.keyboard_interrupt, vec![]));
        }
        if self.thread.take(breaker::GIL_DROP_REQUEST)
            && !self.interp.gil.yield_on_request(&self.thread)
        {
            return Err(self.stop_error());
        }
        Ok(())
    }

    /// The check between two instructions under `every-op` and `ticks:N` check points.
    /// With ticks, the eval breaker is looked at every N instructions, and the old GIL
    /// releases and re-takes the lock there (CPython 2's `_Py_Ticker`).
    #[inline]
    pub(crate) fn per_instruction_check(&self) -> PyResult<()> {
        if let Some(sim) = &self.interp.sim {
            return self.sim_instruction(sim);
        }
        if let CheckPoints::Ticks(n) = self.interp.check_points() {
            let left = self.ticks.get();
            if left > 1 {
                self.ticks.set(left - 1);
                return Ok(());
            }
            self.ticks.set(n);
            if self.interp.gil.model == GilModel::Old
                && !self.interp.gil.release_and_reacquire(&self.thread)
            {
                return Err(self.stop_error());
            }
        }
        if self.thread.pending() {
            self.handle_eval_breaker()?;
        }
        Ok(())
    }

    /// The exception that unwinds a run stopped from outside (`--timeout`).
    pub fn stop_error(&self) -> PyErr {
        PyErr::with_args(
            &types().exc.system_exit,
            vec![Value::str("gilsim: run stopped")],
        )
    }
}
