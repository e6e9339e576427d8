//! Objects implemented in Rust that are not core types: stdout writers, properties, random
//! generators, locks ... Each carries its class and a payload reached by downcasting.

use std::any::{Any, TypeId};
use std::sync::Arc;

use crate::vm::objects::class::Class;

pub struct NativeObject {
    pub class: Arc<Class>,
    pub payload: Box<dyn Any + Send + Sync>,
    /// The payload's type, kept beside it: the method cache's key reads it without a
    /// virtual call.
    pub payload_type: TypeId,
}

impl std::fmt::Debug for NativeObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object>", self.class.name)
    }
}

impl NativeObject {
    pub fn new<T: Any + Send + Sync>(class: Arc<Class>, payload: T) -> NativeObject {
        NativeObject {
            class,
            payload: Box::new(payload),
            payload_type: TypeId::of::<T>(),
        }
    }

    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.payload.downcast_ref::<T>()
    }
}
