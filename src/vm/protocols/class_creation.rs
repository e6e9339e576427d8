//! Class creation (`__build_class__`, `type(name, bases, ns)`) and instantiation
//! (`type.__call__`: `__new__` then `__init__`), plus the attributes every class has.

use std::sync::{Arc, LazyLock};

use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::class::{Class, Instance, Layout, c3_mro};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{Args, Function};
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::types::{class_of, type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, unsupported};

/// The `__gilsim_class_new__` of a base: gilsim has no metaclasses, so a class that must
/// make its subclasses itself (typing's NamedTuple and TypedDict, whose metaclasses' `__new__`
/// build a different class from the body) defines this classmethod, which the class
/// statement calls with the name, bases and namespace instead of creating the class.
fn class_factory(bases: &[Value]) -> Option<Value> {
    bases.iter().find_map(|b| match b {
        Value::Class(c) if !c.is_builtin => {
            let hook = c.lookup_static("__gilsim_class_new__")?;
            Some(
                match crate::vm::objects::descriptors::as_classmethod(&hook) {
                    Some(cm) => crate::vm::protocols::attr::bound(cm.0.clone(), b.clone()),
                    None => hook,
                },
            )
        }
        _ => None,
    })
}

/// Builtin types user classes may subclass (their instances wrap a value of the type).
const SUBCLASSABLE: &[&str] = &[
    "list",
    "dict",
    "set",
    "frozenset",
    "tuple",
    "str",
    "int",
    "float",
    "bytes",
];

/// gilsim's Python stand-ins for CPython's C types, by `__module__` and name: messages name
/// them as CPython's do (`'itertools.count' object is not subscriptable`), by a `tp_name`
/// with the module, where a class's has none.
const C_TYPES_IN_PYTHON: &[(&str, &str)] = &[
    ("itertools", "count"),
    ("itertools", "repeat"),
    ("itertools", "groupby"),
    ("functools", "partial"),
    ("collections", "defaultdict"),
    ("collections", "OrderedDict"),
    ("datetime", "date"),
    ("datetime", "time"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("datetime", "tzinfo"),
    ("datetime", "timezone"),
    ("_io", "StringIO"),
    ("_io", "BytesIO"),
    ("_io", "TextIOWrapper"),
    ("_io", "BufferedReader"),
    ("_io", "BufferedWriter"),
    ("_io", "BufferedRandom"),
    ("re", "Pattern"),
    ("re", "Match"),
    ("operator", "attrgetter"),
    ("operator", "itemgetter"),
    ("operator", "methodcaller"),
];

impl Vm {
    /// `__build_class__(func, name, *bases, **kwds)`: runs the class body, then creates the class.
    pub fn build_class(&self, args: Args<'_>) -> PyResult<Value> {
        let pos = args.pos();
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (pos.first(), pos.get(1))
        else {
            return Err(type_error("__build_class__: func and name required"));
        };
        let mut class_kwargs: Vec<(Value, Value)> = Vec::new();
        for (k, v) in args.kwargs() {
            if k == "metaclass" {
                if let Value::Class(m) = v
                    && Arc::ptr_eq(m, &types().type_)
                {
                    continue;
                }
                return Err(unsupported("metaclasses other than 'type'"));
            }
            class_kwargs.push((Value::str(k), v.clone()));
        }
        let (bases, orig_bases) = self.resolve_bases(&pos[2..])?;
        let ns = Arc::new(Dict::new());
        let mut frame = Frame::new(body.code.clone(), body.globals.clone(), Some(ns.clone()));
        if !body.code.cellvars.is_empty() || !body.code.freevars.is_empty() {
            let mut cells: Vec<Arc<crate::vm::objects::function::Cell>> = body
                .code
                .cellvars
                .iter()
                .map(|_| Arc::new(crate::vm::objects::function::Cell::default()))
                .collect();
            cells.extend(body.closure.iter().cloned());
            frame.cells = cells;
        }
        self.check_native_stack()?;
        self.run_frame(&mut frame, Resume::Start)?;
        // After the body, as CPython's __build_class__ sets it.
        if let Some(orig) = orig_bases {
            ns.set_str("__orig_bases__", orig);
        }
        if let Some(factory) = class_factory(&bases) {
            let mut argv = vec![
                Value::Str(name.clone()),
                Value::tuple(bases.clone()),
                Value::Dict(ns),
            ];
            let mut kwnames = Vec::with_capacity(class_kwargs.len());
            for (k, v) in class_kwargs {
                kwnames.push(k);
                argv.push(v);
            }
            return self.call_with(
                &factory,
                Args {
                    args: &argv,
                    kwnames: &kwnames,
                },
            );
        }
        let class = self.new_class(name.as_str(), &bases, ns)?;
        self.init_subclass(&class, &class_kwargs)?;
        Ok(class)
    }

    /// PEP 560's `__mro_entries__`: a base that is not a class (`List[int]`, a NamedTuple
    /// stand-in) names the classes it stands for; the bases as written are returned too
    /// when any was replaced (`__orig_bases__`), as CPython's `update_bases` does.
    fn resolve_bases(&self, written: &[Value]) -> PyResult<(Vec<Value>, Option<Value>)> {
        let mut bases = Vec::with_capacity(written.len());
        let mut replaced = false;
        let as_tuple = || Value::tuple(written.to_vec());
        for b in written {
            if !matches!(b, Value::Class(_))
                && let Some(entries) = self.getattr_opt(b, "__mro_entries__")?
            {
                let entries = self.call(&entries, &[as_tuple()])?;
                let Value::Tuple(t) = &entries else {
                    return Err(type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(t.items.iter().cloned());
                replaced = true;
            } else {
                bases.push(b.clone());
            }
        }
        Ok((bases, replaced.then(as_tuple)))
    }

    /// Calls the parent's `__init_subclass__` with the class keyword arguments (PEP 487).
    pub(crate) fn init_subclass(&self, class: &Value, kwargs: &[(Value, Value)]) -> PyResult<()> {
        let Value::Class(cls) = class else {
            return Ok(());
        };
        let hook = cls
            .mro
            .iter()
            .find_map(|c| c.dict.get_str("__init_subclass__"));
        let hook = match hook {
            Some(h) => match crate::vm::objects::descriptors::as_classmethod(&h) {
                Some(cm) => cm.0.clone(),
                None => h,
            },
            None => {
                if let Some((k, _)) = kwargs.first() {
                    let _ = k;
                    return Err(type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        cls.name
                    )));
                }
                return Ok(());
            }
        };
        let mut argv = vec![class.clone()];
        let mut names = Vec::new();
        for (k, v) in kwargs {
            names.push(k.clone());
            argv.push(v.clone());
        }
        self.call_with(
            &hook,
            Args {
                args: &argv,
                kwnames: &names,
            },
        )?;
        Ok(())
    }

    /// Creates a class from a name, bases and a filled namespace (`type(name, bases, ns)`).
    pub fn new_class(&self, name: &str, bases: &[Value], ns: Arc<Dict>) -> PyResult<Value> {
        let mut base_classes = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                other => {
                    return Err(type_error(format!(
                        "bases must be types, not {}",
                        type_name(other)
                    )));
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(types().object.clone());
        }
        let mut layout = Layout::Object;
        let mut builtin_base: Option<Arc<Class>> = None;
        for b in &base_classes {
            match b.layout {
                Layout::Exception => layout = Layout::Exception,
                Layout::Builtin if !Arc::ptr_eq(b, &types().object) => {
                    if !SUBCLASSABLE.contains(&&*b.name) || !b.is_builtin {
                        return Err(
                            if matches!(
                                &*b.name,
                                "bool" | "NoneType" | "function" | "range" | "slice" | "generator"
                            ) {
                                type_error(format!(
                                    "type '{}' is not an acceptable base type",
                                    b.name
                                ))
                            } else {
                                unsupported(&format!("subclassing the builtin type '{}'", b.name))
                            },
                        );
                    }
                    if builtin_base.is_some() {
                        return Err(type_error("multiple bases have instance lay-out conflict"));
                    }
                    builtin_base = Some(b.clone());
                }
                _ => {
                    if let Some(bb) = &b.builtin_base {
                        builtin_base = Some(bb.clone());
                    }
                }
            }
        }
        let mro = c3_mro(&base_classes).ok_or_else(|| {
            let names: Vec<&str> = base_classes.iter().map(|c| &*c.name).collect();
            type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ))
        })?;
        // A class that defines __eq__ without __hash__ gets __hash__ = None (typeobject.c).
        if ns.get_str("__eq__").is_some() && ns.get_str("__hash__").is_none() {
            ns.set_str("__hash__", Value::None);
        }
        let module = match ns.get_str("__module__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "__main__".to_string(),
        };
        let qualname = match ns.get_str("__qualname__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => name.to_string(),
        };
        for implicit in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = ns.get_str(implicit) {
                ns.set_str(
                    implicit,
                    crate::vm::objects::descriptors::new_classmethod(f),
                );
            }
        }
        let classcell = ns.remove_name("__classcell__");
        ns.mark_class_dict();
        let slots = crate::vm::objects::slots::instance_slots(self, name, &base_classes, &ns)?;
        let name: Arc<str> = name.into();
        let tp_name = if C_TYPES_IN_PYTHON.contains(&(module.as_str(), &*name)) {
            Class::module_qualified(&module, &name)
        } else {
            name.clone()
        };
        let class = Arc::new(Class {
            tp_name,
            name,
            qualname: qualname.into(),
            module: module.into(),
            bases: base_classes,
            mro,
            dict: ns,
            layout,
            is_builtin: false,
            builtin_base,
            slots,
        });
        if let Some(Value::Cell(cell)) = classcell {
            cell.set(Value::Class(class.clone()));
        }
        let dict = class.dict.clone();
        let class = Value::Class(class);
        self.set_names(&class, &dict)?;
        Ok(class)
    }

    /// PEP 487: each attribute whose class defines `__set_name__` learns its owner and name
    /// (`functools.cached_property` needs it). Only Python-class instances can define it.
    fn set_names(&self, class: &Value, ns: &Dict) -> PyResult<()> {
        for (name, value) in ns.items() {
            if let Value::Instance(inst) = &value
                && let Some(hook) = inst.class.lookup_static("__set_name__")
            {
                self.call_with_receiver(
                    &hook,
                    value.clone(),
                    Args::positional(&[class.clone(), name]),
                )?;
            }
        }
        Ok(())
    }

    /// The `__init__` that `cls(...)` may run as an inline frame of the caller (CPython
    /// 3.13's CALL_ALLOC_AND_ENTER_INIT): a plain Python class whose `__new__` is object's and
    /// whose `__init__` is an ordinary Python function. Anything else goes through
    /// `call_class`.
    pub(crate) fn inline_init(&self, cls: &Class) -> Option<Arc<Function>> {
        // Remembered per class (under the type cache's epoch) in the method cache, under a
        // key of its own: the answer is the rule below, not a plain `__init__` lookup.
        static KEY: LazyLock<Arc<PyStr>> =
            LazyLock::new(|| Arc::new(PyStr::new("__init__ run inline")));
        let found = self.methods.method::<()>(cls, None, &KEY, || {
            Ok(self.decide_inline_init(cls).map(Value::Function))
        });
        match found {
            Ok(Some(Value::Function(init))) => Some(init),
            _ => None,
        }
    }

    /// The uncached rule of `inline_init`.
    fn decide_inline_init(&self, cls: &Class) -> Option<Arc<Function>> {
        if cls.is_builtin || cls.layout != Layout::Object || cls.builtin_base.is_some() {
            return None;
        }
        let Some(Value::Function(init)) = cls.lookup_static("__init__") else {
            return None;
        };
        if init.code.is_generator() {
            return None;
        }
        let new = cls.lookup_static("__new__")?;
        let object_new = crate::vm::objects::types::types()
            .object
            .lookup_static("__new__")?;
        new.is(&object_new).then_some(init)
    }

    /// The `__new__` a class defines or inherits from a class other than `object`, or None:
    /// remembered per class in the method cache (this ran an uncached MRO walk for every
    /// `raise ValueError(...)`).
    fn own_new(&self, cls: &Arc<Class>) -> Value {
        static KEY: LazyLock<Arc<PyStr>> =
            LazyLock::new(|| Arc::new(PyStr::new("__new__ not object's")));
        let found = self.methods.method::<()>(cls, None, &KEY, || {
            Ok(Some(
                cls.lookup_with_owner("__new__")
                    .filter(|(_, owner)| !Arc::ptr_eq(owner, &types().object))
                    .map_or(Value::None, |(new, _)| new),
            ))
        });
        found.ok().flatten().unwrap_or(Value::None)
    }

    /// `cls(*args)`.
    pub fn call_class(&self, cls: &Arc<Class>, args: Args<'_>) -> PyResult<Value> {
        if cls.is_builtin && cls.layout != Layout::Exception {
            return crate::vm::builtins::constructors::construct(self, cls, args);
        }
        let instance = match self.own_new(cls) {
            new @ (Value::Function(_) | Value::Native(_)) => {
                let new = match crate::vm::objects::descriptors::as_staticmethod(&new) {
                    Some(sm) => sm.0.clone(),
                    None => new,
                };
                let inst = self.call_with_receiver(&new, Value::Class(cls.clone()), args)?;
                if !class_of(&inst).is_subclass(cls) {
                    return Ok(inst);
                }
                inst
            }
            _ => {
                if cls.layout == Layout::Exception
                    && cls.is_subclass(&crate::vm::objects::types::types().exc.base_exception_group)
                {
                    crate::vm::builtins::exception_groups::new_group(cls, args.pos())?
                } else if cls.layout == Layout::Exception
                    && cls.is_subclass(&crate::vm::objects::types::types().exc.os_error)
                {
                    Value::Instance(super::os_errors::new_os_error(cls, args.pos().to_vec()))
                } else if cls.layout == Layout::Exception
                    && cls.is_subclass(&crate::vm::objects::types::types().exc.syntax_error)
                {
                    let args = args.pos().to_vec();
                    Value::Instance(super::syntax_errors::new_syntax_error(self, cls, args)?)
                } else if cls.layout == Layout::Exception {
                    Value::Instance(Instance::new_exception(cls.clone(), args.pos().to_vec()))
                } else if let Some(base_class) = &cls.builtin_base {
                    return self.new_builtin_subclass_instance(cls, base_class, args);
                } else {
                    Value::Instance(Instance::new(cls.clone()))
                }
            }
        };
        // The instance's own class decides (CPython's type_call uses Py_TYPE(obj)): a
        // `__new__` may return an instance of a subclass.
        match class_of(&instance).lookup_static("__init__") {
            Some(init @ Value::Function(_)) => {
                let r = self.call_with_receiver(&init, instance.clone(), args)?;
                if !r.is_none() {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        type_name(&r)
                    )));
                }
            }
            _ => {
                let takes_args = cls.layout == Layout::Exception
                    || !matches!(self.own_new(cls), Value::Builtin(_) | Value::None);
                if !takes_args && !args.args.is_empty() {
                    return Err(type_error(format!("{}() takes no arguments", cls.name)));
                }
            }
        }
        Ok(instance)
    }
}

impl Vm {
    /// `MyList(...)`: mutable bases start empty and are filled by `__init__` (the user's, or
    /// the builtin's); immutable bases are built from the arguments, like `__new__`.
    fn new_builtin_subclass_instance(
        &self,
        cls: &Arc<Class>,
        base_class: &Arc<Class>,
        args: Args<'_>,
    ) -> PyResult<Value> {
        let mutable = matches!(&*base_class.name, "list" | "dict" | "set");
        let user_init = matches!(cls.lookup_static("__init__"), Some(Value::Function(_)));
        let base = if mutable {
            crate::vm::builtins::constructors::construct(self, base_class, Args::positional(&[]))?
        } else {
            let ctor_args = if user_init {
                Args::positional(&[])
            } else {
                args
            };
            crate::vm::builtins::constructors::construct(self, base_class, ctor_args)?
        };
        let instance = Value::Instance(Instance::with_base(cls.clone(), base.clone()));
        if user_init {
            let init = cls.lookup_static("__init__").unwrap_or(Value::None);
            self.call_with_receiver(&init, instance.clone(), args)?;
        } else if mutable && !args.args.is_empty() {
            let filled = crate::vm::builtins::constructors::construct(self, base_class, args)?;
            match (&base, &filled) {
                (Value::List(b), Value::List(f)) => *b.items.write() = f.snapshot(),
                (Value::Dict(b), Value::Dict(f)) => {
                    for (k, v) in f.items() {
                        b.set(self, k, v)?;
                    }
                }
                (Value::Set(b), Value::Set(f)) => b.merge_table(&f.table()),
                _ => {}
            }
        }
        Ok(instance)
    }
}

/// Attributes of class objects that are not in their dict (`__name__`, `__mro__`, ...).
pub fn class_special_attribute(cls: &Arc<Class>, name: &str) -> Option<Value> {
    Some(match name {
        "__name__" => Value::str(&cls.name),
        "__qualname__" => Value::str(&cls.qualname),
        "__module__" => Value::str(&cls.module),
        "__bases__" => Value::tuple(cls.bases.iter().map(|b| Value::Class(b.clone())).collect()),
        "__base__" => cls
            .bases
            .first()
            .map_or(Value::None, |b| Value::Class(b.clone())),
        "__mro__" => Value::tuple(cls.full_mro().into_iter().map(Value::Class).collect()),
        "__dict__" => Value::Dict(Arc::new(cls.dict.copy())),
        "__doc__" => Value::None,
        "__class__" => Value::Class(types().type_.clone()),
        _ => {
            // Methods of `type` itself (`A.mro()`), bound to the class.
            let f = types().type_.dict.get_str(name)?;
            return Some(Value::Method(Arc::new(
                crate::vm::objects::function::BoundMethod {
                    func: f,
                    receiver: Value::Class(cls.clone()),
                },
            )));
        }
    })
}
