//! `property`, `staticmethod`, `classmethod` and `super` objects (Objects/descrobject.c,
//! funcobject.c, typeobject.c `super_getattro`).

use std::sync::Arc;

use crate::vm::objects::class::Class;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;

#[derive(Debug, Clone)]
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

#[derive(Debug, Clone)]
pub struct StaticMethod(pub Value);

#[derive(Debug, Clone)]
pub struct ClassMethod(pub Value);

/// `super(cls, obj)`: attribute lookups start after `cls` in `type(obj).__mro__`.
#[derive(Debug, Clone)]
pub struct Super {
    pub this_class: Arc<Class>,
    pub obj: Value,
    /// The class whose MRO is searched (type(obj), or obj itself for classmethods).
    pub obj_type: Arc<Class>,
}

pub fn new_property(p: Property) -> Value {
    Value::Native(Arc::new(NativeObject::new(types().property.clone(), p)))
}

pub fn new_staticmethod(f: Value) -> Value {
    staticmethod_of(&types().staticmethod, f)
}

pub fn new_classmethod(f: Value) -> Value {
    classmethod_of(&types().classmethod, f)
}

/// A staticmethod object of class `class` (used while the builtin types are being built).
pub fn staticmethod_of(class: &Arc<Class>, f: Value) -> Value {
    Value::Native(Arc::new(NativeObject::new(class.clone(), StaticMethod(f))))
}

/// A classmethod object of class `class` (used while the builtin types are being built).
pub fn classmethod_of(class: &Arc<Class>, f: Value) -> Value {
    Value::Native(Arc::new(NativeObject::new(class.clone(), ClassMethod(f))))
}

pub fn new_super(s: Super) -> Value {
    Value::Native(Arc::new(NativeObject::new(types().super_.clone(), s)))
}

pub fn as_property(v: &Value) -> Option<&Property> {
    match v {
        Value::Native(n) => n.downcast::<Property>(),
        _ => None,
    }
}

pub fn as_staticmethod(v: &Value) -> Option<&StaticMethod> {
    match v {
        Value::Native(n) => n.downcast::<StaticMethod>(),
        _ => None,
    }
}

pub fn as_classmethod(v: &Value) -> Option<&ClassMethod> {
    match v {
        Value::Native(n) => n.downcast::<ClassMethod>(),
        _ => None,
    }
}

pub fn as_super(v: &Value) -> Option<&Super> {
    match v {
        Value::Native(n) => n.downcast::<Super>(),
        _ => None,
    }
}
