//! Module objects: a name and a namespace dict (the module's globals).

use std::sync::Arc;

use crate::vm::objects::dict::Dict;
use crate::vm::objects::value::Value;

#[derive(Debug)]
pub struct Module {
    pub name: Arc<str>,
    pub dict: Arc<Dict>,
}

impl Module {
    pub fn new(name: &str) -> Module {
        let dict = Arc::new(Dict::new());
        dict.set_str("__name__", Value::str(name));
        dict.set_str("__doc__", Value::None);
        dict.set_str("__package__", Value::None);
        dict.set_str("__spec__", Value::None);
        Module {
            name: name.into(),
            dict,
        }
    }

    pub fn with_dict(name: &str, dict: Arc<Dict>) -> Module {
        Module {
            name: name.into(),
            dict,
        }
    }

    pub fn set(&self, name: &str, value: Value) {
        self.dict.set_str(name, value);
    }
}
