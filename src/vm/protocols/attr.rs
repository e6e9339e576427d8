//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the method-call shortcut of
//! LOAD_ATTR (Objects/object.c `PyObject_GenericGetAttr`, typeobject.c `type_getattro`).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::descriptors::{as_classmethod, as_property, as_staticmethod, as_super};
use crate::vm::objects::function::BoundMethod;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::types::{class_of, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, attribute_error, type_error};

pub(crate) fn bound(func: Value, receiver: Value) -> Value {
    Value::Method(Arc::new(BoundMethod { func, receiver }))
}

impl Vm {
    pub fn getattr(&self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Value> {
        match self.getattr_opt_name(obj, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(obj, name.as_str())),
        }
    }

    pub fn getattr_str(&self, obj: &Value, name: &str) -> PyResult<Value> {
        self.getattr(obj, &Arc::new(PyStr::new(name)))
    }

    /// `getattr(obj, name, None)`-like: Ok(None) when the attribute does not exist.
    pub fn getattr_opt(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.getattr_opt_name(obj, &Arc::new(PyStr::new(name)))
    }

    pub fn getattr_opt_name(&self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(cls) => self.class_getattr(cls, name),
            Value::Module(m) => match m.dict.get_name(name) {
                Some(v) => Ok(Some(v)),
                None if name.as_str() == "__dict__" => Ok(Some(Value::Dict(m.dict.clone()))),
                None => self.missing_module_attribute(m, name),
            },
            _ => {
                if let Some(s) = as_super(obj) {
                    return self.super_getattr(s, name);
                }
                if let Some(v) = self.builtin_attribute(obj, name.as_str())? {
                    return Ok(Some(v));
                }
                if let Some(attr) = class_of(obj).lookup(name) {
                    return Ok(Some(bind_to(attr, obj)));
                }
                if let (Value::Native(n), Some(hook)) =
                    (obj, class_of(obj).lookup_static("__getattr__"))
                {
                    let _ = n;
                    return self
                        .call(&hook, &[obj.clone(), Value::Str(name.clone())])
                        .map(Some);
                }
                Ok(None)
            }
        }
    }

    fn instance_getattr(
        &self,
        obj: &Value,
        inst: &Arc<Instance>,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        // An instance attribute that nothing on the class overrides: the dict entry, found
        // without walking the MRO (CPython's LOAD_ATTR_INSTANCE_VALUE).
        let plain = crate::vm::objects::attr_plan::plain_read(&inst.class, name);
        if plain && let Some(v) = inst.dict.get_name(name) {
            return Ok(Some(v));
        }
        let class_attr = inst.class.lookup(name);
        if let Some(attr) = &class_attr
            && let Some(p) = as_property(attr)
        {
            if p.fget.is_none() {
                return Err(attribute_error(format!(
                    "property '{}' of '{}' object has no getter",
                    name.as_str(),
                    inst.class.name
                )));
            }
            return self.call(&p.fget, std::slice::from_ref(obj)).map(Some);
        }
        // A Python-class descriptor: a data descriptor (with __set__ or __delete__) wins
        // over the instance dict, a non-data one (cached_property) only after it.
        let descriptor = class_attr.as_ref().and_then(user_descriptor);
        if let Some((get, data)) = &descriptor
            && *data
        {
            let attr = class_attr.clone().unwrap_or(Value::None);
            let owner = Value::Class(inst.class.clone());
            return self.call(get, &[attr, obj.clone(), owner]).map(Some);
        }
        // A plain read has looked in the dict already.
        if !plain && let Some(v) = inst.dict.get_name(name) {
            return Ok(Some(v));
        }
        if let Some((get, _)) = &descriptor {
            let attr = class_attr.clone().unwrap_or(Value::None);
            let owner = Value::Class(inst.class.clone());
            return self.call(get, &[attr, obj.clone(), owner]).map(Some);
        }
        if inst.is_exception()
            && let Some(v) =
                crate::vm::protocols::exceptions::exception_attribute(inst, name.as_str())
        {
            return Ok(Some(v));
        }
        if let Some(attr) = class_attr {
            return Ok(Some(bind_to(attr, obj)));
        }
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Class(inst.class.clone()))),
            "__dict__" if inst.class.slots.is_none() => {
                return Ok(Some(Value::Dict(inst.dict.clone())));
            }
            _ => {}
        }
        if let Some(hook) = inst.class.lookup_static("__getattr__") {
            let r = self.call(&hook, &[obj.clone(), Value::Str(name.clone())]);
            return match r {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance_of(&types().exc.attribute_error) => Err(e),
                Err(e) => Err(e),
            };
        }
        Ok(None)
    }

    fn class_getattr(&self, cls: &Arc<Class>, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        if let Some(attr) = cls.lookup(name) {
            if let Some(sm) = as_staticmethod(&attr) {
                return Ok(Some(sm.0.clone()));
            }
            if let Some(cm) = as_classmethod(&attr) {
                return Ok(Some(bound(cm.0.clone(), Value::Class(cls.clone()))));
            }
            if let Some((get, _)) = user_descriptor(&attr) {
                let owner = Value::Class(cls.clone());
                return self.call(&get, &[attr, Value::None, owner]).map(Some);
            }
            return Ok(Some(attr));
        }
        Ok(
            crate::vm::protocols::class_creation::class_special_attribute(cls, name.as_str())
                .or_else(|| crate::vm::objects::slots::member_descriptor(cls, name.as_str())),
        )
    }

    /// `super().name`: search the MRO of `type(obj)` after `this_class`.
    fn super_getattr(
        &self,
        s: &crate::vm::objects::descriptors::Super,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let mro = s.obj_type.full_mro();
        let start = mro
            .iter()
            .position(|c| Arc::ptr_eq(c, &s.this_class))
            .map_or(mro.len(), |i| i + 1);
        for cls in &mro[start..] {
            if let Some(attr) = cls.dict.get_name(name) {
                if let Some(p) = as_property(&attr) {
                    return self.call(&p.fget, std::slice::from_ref(&s.obj)).map(Some);
                }
                if let Some(sm) = as_staticmethod(&attr) {
                    return Ok(Some(sm.0.clone()));
                }
                if let Some(cm) = as_classmethod(&attr) {
                    return Ok(Some(bound(cm.0.clone(), Value::Class(s.obj_type.clone()))));
                }
                return Ok(Some(match (&attr, &s.obj) {
                    (Value::Function(_) | Value::Builtin(_), Value::Class(_)) => attr,
                    (Value::Function(_) | Value::Builtin(_), obj) => bound(attr, obj.clone()),
                    _ => attr,
                }));
            }
        }
        Ok(None)
    }

    /// For LOAD_ATTR with the method bit: `(function, true)` when `obj` is the receiver of a
    /// method found on its class (no bound-method object is made), else `(attribute, false)`.
    pub fn load_method(&self, obj: &Value, name: &Arc<PyStr>) -> PyResult<(Value, bool)> {
        match obj {
            Value::Instance(inst) => {
                let class = &inst.class;
                let method = self.methods.method::<()>(class, None, name, || {
                    Ok(class
                        .lookup(name)
                        .filter(|a| matches!(a, Value::Function(_) | Value::Builtin(_))))
                });
                if let Ok(Some(attr)) = method
                    && !inst.dict.contains_name(name)
                {
                    return Ok((attr, true));
                }
            }
            Value::Class(_) | Value::Module(_) => {}
            // A native object's method (deque.append) unbound, as for the builtins below,
            // unless getattr would find something else first: super()'s lookup or a data
            // attribute of the object. Saves a bound method per call (a third of
            // `d.append(x)`'s cost).
            Value::Native(n) => {
                let payload = Some(n.payload_type);
                let method = self.methods.method(&n.class, payload, name, || {
                    Ok(match n.class.lookup(name) {
                        Some(attr @ Value::Builtin(_))
                            if as_super(obj).is_none()
                                && self.builtin_attribute(obj, name.as_str())?.is_none() =>
                        {
                            Some(attr)
                        }
                        _ => None,
                    })
                })?;
                if let Some(method) = method {
                    return Ok((method, true));
                }
            }
            _ => {
                let class = class_of(obj);
                let method = self.methods.method::<()>(class, None, name, || {
                    Ok(class
                        .lookup(name)
                        .filter(|a| matches!(a, Value::Builtin(_))))
                });
                if let Ok(Some(method)) = method {
                    return Ok((method, true));
                }
            }
        }
        Ok((self.getattr(obj, name)?, false))
    }

    pub fn setattr(&self, obj: &Value, name: &Arc<PyStr>, value: Value) -> PyResult<()> {
        // A class's own say over its attributes, where CPython asks the metaclass
        // (`enum`'s members cannot be reassigned); NotImplemented lets the store happen.
        if let Value::Class(_) = obj
            && let Some(answer) = self.class_hook(
                obj,
                "__gilsim_class_setattr__",
                &[Value::Str(name.clone()), value.clone()],
            )?
            && !matches!(answer, Value::NotImplemented)
        {
            return Ok(());
        }
        if let Value::Instance(inst) = obj
            && inst.class.has_python_function("__setattr__")
            && let Some(hook @ Value::Function(_)) = inst.class.lookup_static("__setattr__")
        {
            self.call(&hook, &[obj.clone(), Value::Str(name.clone()), value])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__`: properties, then the instance dict (no `__setattr__` hook).
    pub fn generic_setattr(&self, obj: &Value, name: &Arc<PyStr>, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(attr) = inst.class.lookup(name) {
                    if let Some(p) = as_property(&attr) {
                        if p.fset.is_none() {
                            return Err(attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name.as_str(),
                                inst.class.name
                            )));
                        }
                        self.call(&p.fset, &[obj.clone(), value])?;
                        return Ok(());
                    }
                    if let Value::Instance(d) = &attr
                        && let Some(set) = d.class.lookup_static("__set__")
                    {
                        self.call(&set, &[attr.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                }
                if inst.is_exception()
                    && crate::vm::protocols::exceptions::set_exception_attribute(
                        inst,
                        name.as_str(),
                        &value,
                    )
                {
                    return Ok(());
                }
                if !crate::vm::objects::slots::may_store(&inst.class, name) {
                    return Err(no_attribute(obj, name.as_str()));
                }
                inst.dict.set_name(name, value);
                Ok(())
            }
            Value::Class(cls) => {
                if cls.is_builtin {
                    return Err(type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str(),
                        cls.name
                    )));
                }
                cls.dict.set_name(name, value);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_name(name, value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = &value {
                            *f.name.write() = s.as_str().into();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &value {
                            *f.qualname.write() = s.as_str().into();
                        }
                    }
                    _ => {}
                }
                f.attr_dict().set_name(name, value);
                Ok(())
            }
            _ => {
                if crate::vm::protocols::builtin_attrs::set_native_attribute(
                    self,
                    obj,
                    name.as_str(),
                    &value,
                )? {
                    return Ok(());
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    type_name(obj),
                    name.as_str()
                )))
            }
        }
    }

    pub fn delattr(&self, obj: &Value, name: &Arc<PyStr>) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(hook @ Value::Function(_)) = inst.class.lookup_static("__delattr__")
        {
            self.call(&hook, &[obj.clone(), Value::Str(name.clone())])?;
            return Ok(());
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`: properties, descriptors, then the instance dict.
    pub fn generic_delattr(&self, obj: &Value, name: &Arc<PyStr>) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(attr) = inst.class.lookup(name)
                    && let Some(p) = as_property(&attr)
                {
                    if p.fdel.is_none() {
                        return Err(attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            name.as_str(),
                            inst.class.name
                        )));
                    }
                    self.call(&p.fdel, std::slice::from_ref(obj))?;
                    return Ok(());
                }
                if let Some(attr) = inst.class.lookup(name)
                    && let Value::Instance(d) = &attr
                    && let Some(delete) = d.class.lookup_static("__delete__")
                {
                    self.call(&delete, &[attr.clone(), obj.clone()])?;
                    return Ok(());
                }
                inst.dict.remove_name(name.as_str()).is_some()
            }
            Value::Class(cls) if !cls.is_builtin => cls.dict.remove_name(name.as_str()).is_some(),
            Value::Module(m) => m.dict.remove_name(name.as_str()).is_some(),
            Value::Function(f) => f.attr_dict().remove_name(name.as_str()).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(no_attribute(obj, name.as_str()))
        }
    }
}

impl Vm {
    /// A name not in a module's namespace: a standard-library name loaded on first use, the
    /// module's own `__getattr__` (PEP 562), or a name CPython has that gilsim leaves out.
    fn missing_module_attribute(
        &self,
        m: &crate::vm::objects::module::Module,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        if let Some(v) = self.lazy_module_attribute(m, name.as_str())? {
            return Ok(Some(v));
        }
        if let Some(hook) = m.dict.get_str("__getattr__") {
            // Its AttributeError means "no such name", so that `from m import sub` still
            // imports a submodule (CPython's import_from tries that next).
            return match self.call(&hook, &[Value::Str(name.clone())]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance_of(&types().exc.attribute_error) => Ok(None),
                Err(e) => Err(e),
            };
        }
        crate::stdlib::left_out::attribute(self, m, name.as_str())
    }

    /// A name a standard module loads on first use (`concurrent.futures`'
    /// `InterpreterPoolExecutor`): imports the module that defines it and keeps it, as
    /// CPython's module `__getattr__` does with `global`.
    fn lazy_module_attribute(
        &self,
        m: &crate::vm::objects::module::Module,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let like = self.interp.runtime.options.like;
        let Some(provider) = crate::stdlib::lazy_name_provider(&m.name, name, like) else {
            return Ok(None);
        };
        let defining = self.import_module(provider)?;
        let value = self.getattr_opt(&defining, name)?;
        if let Some(v) = &value {
            m.set(name, v.clone());
        }
        Ok(value)
    }
}

/// The `__get__` of a class attribute that is an instance of a Python class defining it
/// (the descriptor protocol), and whether it is a data descriptor.
fn user_descriptor(attr: &Value) -> Option<(Value, bool)> {
    let Value::Instance(d) = attr else {
        return None;
    };
    let get = d.class.lookup_static("__get__")?;
    let data =
        d.class.lookup_static("__set__").is_some() || d.class.lookup_static("__delete__").is_some();
    Some((get, data))
}

/// Binds a class attribute found through an instance (functions become bound methods).
fn bind_to(attr: Value, obj: &Value) -> Value {
    match &attr {
        Value::Function(_) | Value::Builtin(_) => bound(attr, obj.clone()),
        _ => {
            if let Some(sm) = as_staticmethod(&attr) {
                return sm.0.clone();
            }
            if let Some(cm) = as_classmethod(&attr) {
                return bound(cm.0.clone(), Value::Class(class_of(obj).clone()));
            }
            attr
        }
    }
}

/// CPython's AttributeError messages for a missing attribute.
pub fn no_attribute(obj: &Value, name: &str) -> crate::vm::pyerr::PyErr {
    match obj {
        Value::Class(c) => attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            c.tp_name
        )),
        Value::Module(m) => {
            attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        _ => attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj)
        )),
    }
}
