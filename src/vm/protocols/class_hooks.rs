//! What a class answers about itself: gilsim has no metaclasses, so a Python class may
//! define classmethods `__gilsim_class_iter__`, `__gilsim_class_len__`,
//! `__gilsim_class_contains__`, `__gilsim_class_reversed__`, `__gilsim_class_repr__` and
//! `__gilsim_class_setattr__`, which `iter(C)`, `len(C)`, `x in C`, `reversed(C)`,
//! `repr(C)` and `C.x = v` call where CPython would ask the metaclass (`enum`'s EnumType
//! defines those six).

use crate::vm::context::Vm;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::PyResult;

impl Vm {
    /// Calls `cls.<hook>(*args)` if `cls` is a Python class that defines the hook.
    pub(crate) fn class_hook(
        &self,
        cls: &Value,
        hook: &'static str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Value::Class(c) = cls else {
            return Ok(None);
        };
        if c.is_builtin {
            return Ok(None);
        }
        let Some(f) = c.lookup_static(hook) else {
            return Ok(None);
        };
        let f = match crate::vm::objects::descriptors::as_classmethod(&f) {
            Some(cm) => cm.0.clone(),
            None => f,
        };
        let mut argv = Vec::with_capacity(args.len() + 1);
        argv.push(cls.clone());
        argv.extend_from_slice(args);
        self.call(&f, &argv).map(Some)
    }
}
