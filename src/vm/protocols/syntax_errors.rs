//! `SyntaxError` as CPython builds and prints it (Objects/exceptions.c `SyntaxError_init`,
//! Python/pythonrun.c `print_exception_file_and_line`): `msg`, `filename`, `lineno`,
//! `offset`, `text`, `end_lineno`, `end_offset` as attributes, and a traceback that shows
//! the offending line with its carets under the frames that raised it.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::syntax::error::{SyntaxErr, render_error_text};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error};

/// The attributes a SyntaxError keeps beside its args (stored in its dict), in the order
/// of the `(filename, lineno, offset, text, end_lineno, end_offset)` details tuple.
const DETAILS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`: the
/// message and the details become attributes; `args` stays as given.
pub fn new_syntax_error(vm: &Vm, cls: &Arc<Class>, args: Vec<Value>) -> PyResult<Arc<Instance>> {
    let details = match args.as_slice() {
        [_, details] => Some(vm.collect(details)?),
        _ => None,
    };
    if let Some(d) = &details {
        if d.len() < 4 {
            return Err(type_error(format!(
                "function takes at least 4 arguments ({} given)",
                d.len()
            )));
        }
        if d.len() > 6 {
            return Err(type_error(format!(
                "function takes at most 6 arguments ({} given)",
                d.len()
            )));
        }
        if d.len() == 5 {
            return Err(type_error(
                "end_offset must be provided when end_lineno is provided",
            ));
        }
    }
    let inst = Instance::new_exception(cls.clone(), args.clone());
    if let Some(msg) = args.first() {
        inst.dict.set_str("msg", msg.clone());
    }
    for (name, v) in DETAILS.iter().zip(details.unwrap_or_default()) {
        inst.dict.set_str(name, v);
    }
    Ok(inst)
}

/// The exception a compile error raises (`exec`, `eval`, an import): the kind's class with
/// CPython's args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
pub fn from_compile_error(
    class: &Arc<Class>,
    e: &SyntaxErr,
    filename: &str,
    source: &str,
) -> PyErr {
    let place = e.place(source);
    let int = |v: Option<i64>| v.map_or(Value::None, Value::Int);
    let details = [
        Value::str(filename),
        Value::Int(place.lineno),
        int(place.offset),
        place.text.as_deref().map_or(Value::None, Value::str),
        Value::Int(place.lineno),
        int(place.end_offset),
    ];
    let inst = Instance::new_exception(
        class.clone(),
        vec![Value::str(&e.msg), Value::tuple(details.to_vec())],
    );
    inst.dict.set_str("msg", Value::str(&e.msg));
    for (name, v) in DETAILS.iter().zip(details) {
        inst.dict.set_str(name, v);
    }
    PyErr::new(inst)
}

/// `msg`, `filename`, ... of a SyntaxError made without them: None.
pub fn default_attribute(inst: &Instance, name: &str) -> Option<Value> {
    let known = name == "msg" || name == "print_file_and_line" || DETAILS.contains(&name);
    (known && inst.class.is_subclass(&types().exc.syntax_error)).then_some(Value::None)
}

/// The last lines of a SyntaxError's traceback when it knows its line: `File "f", line N`,
/// the line and its carets, then `Name: msg`; false (print it as any exception) when
/// `lineno` is not an int, as `print_exception_file_and_line` gives up then.
pub fn format_with_place(vm: &Vm, inst: &Instance, name: &str, out: &mut String) -> bool {
    let get = |n: &str| inst.dict.get_str(n).unwrap_or(Value::None);
    let Value::Int(lineno) = get("lineno") else {
        return false;
    };
    let filename = match get("filename") {
        Value::None => "<string>".to_string(),
        other => vm.str(&other).unwrap_or_default(),
    };
    let _ = writeln!(out, "  File \"{filename}\", line {lineno}");
    let column = |n: &str| match get(n) {
        Value::Int(i) => Some(i),
        _ => None,
    };
    if let Value::Str(text) = get("text") {
        render_error_text(out, text.as_str(), column("offset"), column("end_offset"));
    }
    let msg = match get("msg") {
        Value::None => String::new(),
        other => vm
            .str(&other)
            .unwrap_or_else(|_| format!("<{} str() failed>", type_name(&other))),
    };
    let _ = writeln!(out, "{name}: {msg}");
    true
}
