//! `with`: the context-manager entry of BEFORE_WITH (`__enter__`, and `__exit__` bound for later).

use crate::vm::context::Vm;
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

impl Vm {
    /// BEFORE_WITH: returns (bound `__exit__`, result of `__enter__()`).
    pub fn before_with(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = class_of(mgr);
        let enter = class.lookup_static("__enter__");
        let exit = class.lookup_static("__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if class.lookup_static("__enter__").is_none() {
                "the context manager protocol"
            } else {
                "the context manager protocol (missed __exit__ method)"
            };
            return Err(crate::vm::pyerr::type_error(format!(
                "'{}' object does not support {missing}",
                type_name(mgr)
            )));
        };
        let entered = self.call(&enter, std::slice::from_ref(mgr))?;
        let exit_bound = Value::Method(std::sync::Arc::new(
            crate::vm::objects::function::BoundMethod {
                func: exit,
                receiver: mgr.clone(),
            },
        ));
        Ok((exit_bound, entered))
    }
}
