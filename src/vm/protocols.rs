//! Small protocols the eval loop delegates: the context-manager entry of `with`, and the
//! eval-breaker handler that runs at check points.

use super::context::Vm;
use super::errors::{PyErr, PyResult};
use super::types::{class_of, type_name, types};
use super::value::Value;
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

    /// Runs when `eval_breaker` is set at a check point: stop requests and Ctrl-C.
    pub fn handle_eval_breaker(&self) -> PyResult<()> {
        if self.thread.take(breaker::INTERRUPT) {
            return Err(PyErr::with_args(&types().exc.keyboard_interrupt, vec![]));
        }
        if self
            .thread
            .eval_breaker
            .load(std::sync::atomic::Ordering::Relaxed)
            & breaker::STOP
            != 0
        {
            return Err(self.stop_error());
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
