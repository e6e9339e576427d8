//! Builtin functions about objects: print, len, repr, isinstance, getattr, iter, next, id, hash,
//! chr/ord, exec/eval ... (Python/bltinmodule.c).

use std::sync::Arc;

use super::{c_int_arg, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::iterators::{Composite, IterObj};
use crate::vm::objects::types::{class_of, type_name};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, stop_iteration, type_error, unsupported, value_error};

pub fn install(b: &Arc<Dict>) {
    let fns: &[(&str, crate::vm::objects::function::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("iter", iter),
        ("next", next),
        ("chr", chr),
        ("ord", ord),
        ("format", format),
        ("dir", dir),
        ("vars", vars),
        ("globals", globals),
        ("locals", locals),
        ("input", input),
        ("open", open),
        ("eval", eval),
        ("exec", exec),
        ("compile", compile),
        ("__build_class__", build_class),
        ("__import__", import),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in fns {
        let needs_frame = matches!(
            *name,
            "dir" | "vars" | "globals" | "locals" | "eval" | "exec"
        );
        let func = crate::vm::objects::function::BuiltinFunction {
            needs_frame,
            ..crate::vm::objects::function::BuiltinFunction::new(name, *f)
        };
        b.set_str(name, Value::Builtin(Arc::new(func)));
    }
}

fn print(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        let text = |what: &str| -> PyResult<Option<String>> {
            match v {
                Value::None => Ok(None),
                Value::Str(s) => Ok(Some(s.as_str().to_string())),
                other => Err(type_error(format!(
                    "{what} must be None or a string, not {}",
                    type_name(other)
                ))),
            }
        };
        match k {
            "sep" => {
                if let Some(s) = text("sep")? {
                    sep = s;
                }
            }
            "end" => {
                if let Some(s) = text("end")? {
                    end = s;
                }
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.is_true(v)?,
            other => {
                return Err(type_error(format!(
                    "print() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    if file.is_none()
        && let Some(replaced) = vm.replaced_stdout()
    {
        file = replaced;
    }
    let mut pieces = Vec::with_capacity(2 * args.pos().len() + 1);
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        pieces.push(match a {
            Value::Str(s) => s.as_str().to_string(),
            other => vm.str(other)?,
        });
    }
    pieces.push(end);
    let unbuffered_stdout = vm.interp.runtime.options.unbuffered
        && match &file {
            Value::None => true,
            Value::Native(n) => {
                n.downcast::<crate::stdlib::sys::StdStream>()
                    == Some(&crate::stdlib::sys::StdStream::Stdout)
            }
            _ => false,
        };
    let last = pieces.len() - 1;
    if unbuffered_stdout {
        // Each piece is a system call that releases the GIL (builtin_print:
        // PyFile_WriteObject per argument, PyFile_WriteString for sep and end): another
        // thread may print between an object and its end. Nothing waits to be flushed.
        for (i, piece) in pieces.iter().enumerate() {
            crate::stdlib::sys::unbuffered_write(vm, piece, i < last)?;
        }
    } else if matches!(file, Value::None | Value::Native(_)) {
        vm.write_to(&file, &pieces.concat(), flush)?;
    } else {
        // A Python file object sees each piece as its own write, as CPython's print does.
        for (i, piece) in pieces.iter().enumerate() {
            vm.write_to(&file, piece, flush && i == last)?;
        }
    }
    Ok(Value::None)
}

fn len(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("len", args, 1, 1)?;
    vm.len(&a[0]).map(|n| Value::Int(n as i64))
}

fn repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("repr", args, 1, 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}

fn ascii(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("ascii", args, 1, 1)?;
    Ok(Value::string(vm.ascii(&a[0])?))
}

/// Whether `cls` is a subclass of what `isinstance`/`issubclass` got as their second
/// argument: a class, a union, or nested tuples of them. Checked in order, so a bad entry
/// after a match is never seen, as in CPython (`object_recursive_isinstance`).
fn subclass_of_spec(vm: &Vm, cls: &Arc<Class>, spec: &Value, check: Check) -> PyResult<bool> {
    let fname = check.name();
    let members: &[Value] = match spec {
        Value::Class(c) => {
            let answer = subclass_of_any(vm, cls, std::slice::from_ref(c), check)?;
            return Ok(matches!(answer, Value::Bool(true)));
        }
        Value::Tuple(t) => &t.items,
        v => match crate::vm::objects::union_type::union_members(v) {
            Some(members) => members,
            None if crate::vm::objects::generic_alias::is_generic_alias(v) => {
                return Err(type_error(format!(
                    "{fname}() argument 2 cannot be a parameterized generic"
                )));
            }
            None => {
                return Err(type_error(format!(
                    "{fname}() arg 2 must be a type, a tuple of types, or a union"
                )));
            }
        },
    };
    for m in members {
        if subclass_of_spec(vm, cls, m, check)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn isinstance(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("isinstance", args, 2, 2)?;
    // The common `isinstance(x, C)` that holds: no class list to build.
    if let Value::Class(c) = &a[1]
        && class_of(&a[0]).is_subclass(c)
    {
        return Ok(Value::Bool(true));
    }
    let cls = class_of(&a[0]);
    subclass_of_spec(vm, cls, &a[1], Check::Instance(&a[0])).map(Value::Bool)
}

fn issubclass(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("issubclass", args, 2, 2)?;
    let Value::Class(cls) = &a[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    subclass_of_spec(vm, cls, &a[1], Check::Subclass).map(Value::Bool)
}

/// What is asked: `isinstance(instance, ...)` or `issubclass(cls, ...)`.
#[derive(Clone, Copy)]
enum Check<'a> {
    Instance(&'a Value),
    Subclass,
}

impl Check<'_> {
    fn name(self) -> &'static str {
        match self {
            Check::Instance(_) => "isinstance",
            Check::Subclass => "issubclass",
        }
    }
}

/// Whether `cls` is a subclass of one of `classes`: by its MRO, or by what an abstract
/// base class says. CPython asks the metaclass (`ABCMeta.__subclasscheck__`,
/// `_ProtocolMeta.__instancecheck__`); gilsim has no metaclasses, so its `abc`,
/// `collections.abc` and `typing` give their classes the classmethods
/// `__gilsim_subclasscheck__` and `__gilsim_instancecheck__` (which sees the instance, as a
/// runtime-checkable Protocol must), consulted when the MRO says no.
fn subclass_of_any(
    vm: &Vm,
    cls: &Arc<Class>,
    classes: &[Arc<Class>],
    check: Check,
) -> PyResult<Value> {
    if classes.iter().any(|c| cls.is_subclass(c)) {
        return Ok(Value::Bool(true));
    }
    for c in classes.iter().filter(|c| !c.is_builtin) {
        let instance_hook = match check {
            Check::Instance(v) => c
                .lookup_static("__gilsim_instancecheck__")
                .map(|hook| (hook, v.clone())),
            Check::Subclass => None,
        };
        let hook = instance_hook.or_else(|| {
            c.lookup_static("__gilsim_subclasscheck__")
                .map(|hook| (hook, Value::Class(cls.clone())))
        });
        if let Some((hook, asked)) = hook {
            let hook = match crate::vm::objects::descriptors::as_classmethod(&hook) {
                Some(cm) => cm.0.clone(),
                None => hook,
            };
            let answer = vm.call(&hook, &[Value::Class(c.clone()), asked])?;
            if vm.is_true(&answer)? {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn id(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("id", args, 1, 1)?;
    Ok(Value::Int((a[0].observed_id() & 0x7fff_ffff_ffff) as i64))
}

fn hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("hash", args, 1, 1)?;
    vm.hash_value(&a[0]).map(Value::Int)
}

fn callable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("callable", args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(&a[0])))
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            other => class_of(other).lookup_static("__call__").is_some(),
        }
    }
}

fn attr_name(v: &Value, fname: &str) -> PyResult<Arc<crate::vm::objects::pystr::PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            type_name(other)
        ))),
    }
}

fn getattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("getattr", args, 2, 3)?;
    let name = attr_name(&a[1], "getattr")?;
    match vm.getattr(&a[0], &name) {
        Ok(v) => Ok(v),
        Err(e)
            if a.len() == 3
                && e.is_instance_of(&crate::vm::objects::types::types().exc.attribute_error) =>
        {
            Ok(a[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("setattr", args, 3, 3)?;
    let name = attr_name(&a[1], "setattr")?;
    vm.setattr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("hasattr", args, 2, 2)?;
    let name = attr_name(&a[1], "hasattr")?;
    match vm.getattr(&a[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is_instance_of(&crate::vm::objects::types::types().exc.attribute_error) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn delattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("delattr", args, 2, 2)?;
    let name = attr_name(&a[1], "delattr")?;
    vm.delattr(&a[0], &name)?;
    Ok(Value::None)
}

fn iter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("iter", args, 1, 2)?;
    if a.len() == 2 {
        return Ok(Value::Iter(Arc::new(IterObj::composite(
            Composite::Callable {
                func: a[0].clone(),
                sentinel: a[1].clone(),
            },
        ))));
    }
    vm.get_iter(&a[0])
}

fn next(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("next", args, 1, 2)?;
    let it = &a[0];
    let is_iterator = matches!(it, Value::Iter(_))
        || matches!(it, Value::Generator(g)
            if g.kind == crate::vm::objects::generator::GenKind::Generator)
        || class_of(it).lookup_static("__next__").is_some();
    if !is_iterator {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        )));
    }
    if let Value::Generator(g) = it {
        return match vm.gen_resume(g, crate::vm::eval::Resume::Send(Value::None))? {
            crate::vm::objects::generator::GenStep::Yield(v) => Ok(v),
            crate::vm::objects::generator::GenStep::Return(r) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(stop_iteration((!r.is_none()).then_some(r))),
            },
        };
    }
    // A Python-level `__next__` without a default: its StopIteration (and the value it
    // carries, as a coroutine's `__await__()` iterator's does) propagates unchanged.
    if a.len() == 1
        && matches!(it, Value::Instance(_) | Value::Native(_))
        && let Some(next) = crate::vm::objects::types::class_of(it).lookup_static("__next__")
    {
        return vm.call(&next, std::slice::from_ref(it));
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration(None)),
        },
    }
}

fn chr(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("chr", args, 1, 1)?;
    let i = c_int_arg(&a[0])?;
    match u32::try_from(i)
        .ok()
        .filter(|&u| u < 0x110000)
        .and_then(char::from_u32)
    {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0..0x110000).contains(&i) => Err(unsupported("lone surrogate characters")),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("ord", args, 1, 1)?;
    match &a[0] {
        Value::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(i64::from(c as u32))),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(i64::from(b[0]))),
        Value::Bytes(b) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("format", args, 1, 2)?;
    let spec = match a.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                type_name(other)
            )));
        }
        None => String::new(),
    };
    Ok(Value::string(vm.format(&a[0], &spec)?))
}

fn dir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &Dict| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_string());
            }
        }
    };
    match a.first() {
        None => {
            if let Some(g) = vm.globals_hint() {
                add_dict(&g);
            }
        }
        Some(Value::Module(m)) => {
            add_dict(&m.dict);
            let like = vm.interp.runtime.options.like;
            names.extend(
                crate::stdlib::lazy_names_of(&m.name, like)
                    .into_iter()
                    .map(String::from),
            );
        }
        Some(Value::Instance(i)) => {
            add_dict(&i.dict);
            for c in i.class.full_mro() {
                add_dict(&c.dict);
            }
        }
        Some(Value::Class(c)) => {
            for c in c.full_mro() {
                add_dict(&c.dict);
            }
        }
        Some(other) => {
            for c in class_of(other).full_mro() {
                add_dict(&c.dict);
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn vars(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("vars", args, 0, 1)?;
    match a.first() {
        None => globals(vm, Args::positional(&[])),
        Some(v) => vm
            .getattr_opt(v, "__dict__")?
            .ok_or_else(|| type_error("vars() argument must have __dict__ attribute")),
    }
}

fn globals(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    vm.globals_hint()
        .map(Value::Dict)
        .ok_or_else(|| unsupported("globals() outside a module"))
}

fn locals(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if vm.in_function_frame() {
        return Err(unsupported("locals() inside a function"));
    }
    globals(vm, args)
}

fn input(_vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported("input() (reading from stdin)"))
}

/// `open()` is `io.open` (written in Python, `src/stdlib/py/io.py`), as in CPython.
fn open(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let io = vm.import_module("io")?;
    let open = vm.getattr_str(&io, "open")?;
    vm.call_with(&open, args)
}

fn source_arg(v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object, not {}",
            type_name(other)
        ))),
    }
}

fn namespace_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Arc<Dict>> {
    match v {
        Some(Value::Dict(d)) => Ok(d.clone()),
        Some(Value::None) | None => vm
            .globals_hint()
            .ok_or_else(|| unsupported("eval()/exec() without globals here")),
        Some(other) => Err(type_error(format!(
            "globals must be a dict, not {}",
            type_name(other)
        ))),
    }
}

fn eval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("eval", args, &["source", "globals", "locals"], 1)?;
    let globals = namespace_arg(vm, p.get(1))?;
    match p.get(0) {
        Some(Value::Code(code)) => vm.run_code(code.clone(), globals),
        source => {
            let source = source_arg(source.unwrap_or(&Value::None), "eval")?;
            // CPython's eval strips the blanks around an expression string (builtin_eval_impl).
            vm.eval_source(source.trim_matches([' ', '\t']), globals, true)
        }
    }
}

fn exec(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse("exec", args, &["source", "globals", "locals"], 1)?;
    let globals = namespace_arg(vm, p.get(1))?;
    match p.get(0) {
        Some(Value::Code(code)) => vm.run_code(code.clone(), globals)?,
        source => {
            let source = source_arg(source.unwrap_or(&Value::None), "exec")?;
            vm.eval_source(&source, globals, false)?
        }
    };
    Ok(Value::None)
}

/// `compile(source, filename, mode)`: a code object for `exec` or `eval`. Flags (the `ast`
/// module's PyCF_* values) and mode 'single' (the interactive prompt's) are not modelled.
fn compile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "*_feature_version",
    ];
    let p = parse("compile", args, &names, 3)?;
    let source = source_arg(p.get(0).unwrap_or(&Value::None), "compile")?;
    let filename = match p.get(1) {
        Some(Value::Str(f)) => f.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "compile() argument 'filename' must be str, not {}",
                type_name(other)
            )));
        }
        None => unreachable!("compile's filename is required"),
    };
    if p.given(3).is_some_and(|f| !matches!(f, Value::Int(0))) {
        return Err(unsupported(
            "compile() flags (ast.PyCF_ONLY_AST and the others)",
        ));
    }
    let expression = match p.get(2).and_then(Value::as_str) {
        Some("exec") => false,
        Some("eval") => true,
        Some("single") => return Err(unsupported("compile() mode 'single'")),
        _ => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    let code = vm.compile_source(&source, &filename, expression)?;
    Ok(Value::Code(code))
}

fn build_class(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.build_class(args)
}

fn import(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parse(
        "__import__",
        args,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let Some(Value::Str(name)) = p.get(0) else {
        return Err(type_error("__import__() argument 1 must be str"));
    };
    vm.import_module_for(name.as_str(), &p.or_none(3))
}

fn exit(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("exit", args, 0, 1)?;
    Err(crate::vm::pyerr::PyErr::with_args(
        &crate::vm::objects::types::types().exc.system_exit,
        a.to_vec(),
    ))
}
