//! `OSError` as CPython builds it (Objects/exceptions.c `OSError_new`, `OSError_str`): the
//! errno picks the subclass (`OSError(2, ...)` is a FileNotFoundError), `errno`, `strerror`,
//! `filename` and `filename2` are attributes, and `str()` reads `[Errno 2] msg: 'name'`;
//! and the OSError a failed system call raises (`from_io`).

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::types::types;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult};

/// The attributes an OSError keeps beside its args (stored in its dict).
const FIELDS: [&str; 4] = ["errno", "strerror", "filename", "filename2"];

/// The subclass CPython picks for an errno (`errnomap` in exceptions.c, Linux's numbers).
pub fn errno_class(errno: i64) -> Option<Arc<Class>> {
    let e = &types().exc;
    Some(
        match errno {
            11 | 114 | 115 => &e.blocking_io_error, // EAGAIN, EALREADY, EINPROGRESS
            10 => &e.child_process_error,           // ECHILD
            32 | 108 => &e.broken_pipe_error,       // EPIPE, ESHUTDOWN
            103 => &e.connection_aborted_error,     // ECONNABORTED
            111 => &e.connection_refused_error,     // ECONNREFUSED
            104 => &e.connection_reset_error,       // ECONNRESET
            17 => &e.file_exists_error,             // EEXIST
            2 => &e.file_not_found_error,           // ENOENT
            21 => &e.is_a_directory_error,          // EISDIR
            20 => &e.not_a_directory_error,         // ENOTDIR
            4 => &e.interrupted_error,              // EINTR
            1 | 13 => &e.permission_error,          // EPERM, EACCES
            3 => &e.process_lookup_error,           // ESRCH
            110 => &e.timeout_error,                // ETIMEDOUT
            _ => return None,
        }
        .clone(),
    )
}

/// A new instance of `cls` (an OSError subclass) called with `args`: with 2 to 5 arguments
/// they are (errno, strerror, filename, winerror, filename2); a filename leaves only
/// (errno, strerror) in `args`. `OSError` itself becomes the errno's subclass.
pub fn new_os_error(cls: &Arc<Class>, args: Vec<Value>) -> Arc<Instance> {
    if !(2..=5).contains(&args.len()) {
        return Instance::new_exception(cls.clone(), args);
    }
    let class = match (&args[0], Arc::ptr_eq(cls, &types().exc.os_error)) {
        (Value::Int(n), true) => errno_class(*n).unwrap_or_else(|| cls.clone()),
        _ => cls.clone(),
    };
    let filename = args.get(2).cloned().unwrap_or(Value::None);
    let filename2 = args.get(4).cloned().unwrap_or(Value::None);
    let kept = if filename.is_none() {
        args.clone()
    } else {
        args[..2].to_vec()
    };
    let inst = Instance::new_exception(class, kept);
    for (name, v) in FIELDS
        .iter()
        .zip([args[0].clone(), args[1].clone(), filename, filename2])
    {
        inst.dict.set_str(name, v);
    }
    inst
}

/// `errno`, `strerror`, `filename`, `filename2` of an OSError made without them: None.
pub fn default_attribute(inst: &Instance, name: &str) -> Option<Value> {
    (FIELDS.contains(&name) && inst.class.is_subclass(&types().exc.os_error)).then_some(Value::None)
}

/// `str(oserror)` when it has an errno and a strerror; None: the generic rule applies.
pub fn os_error_str(vm: &Vm, inst: &Instance) -> Option<PyResult<String>> {
    if !inst.class.is_subclass(&types().exc.os_error) {
        return None;
    }
    let get = |n: &str| inst.dict.get_str(n).filter(|v| !v.is_none());
    let (errno, strerror) = (get("errno"), get("strerror"));
    let filename = get("filename");
    if filename.is_none() && (errno.is_none() || strerror.is_none()) {
        return None;
    }
    let text = |v: Option<Value>| v.map_or(Ok("None".to_string()), |v| vm.str(&v));
    Some((|| {
        let head = format!("[Errno {}] {}", text(errno)?, text(strerror)?);
        Ok(match (filename, get("filename2")) {
            (Some(f), Some(f2)) => format!("{head}: {} -> {}", vm.repr(&f)?, vm.repr(&f2)?),
            (Some(f), None) => format!("{head}: {}", vm.repr(&f)?),
            _ => head,
        })
    })())
}

/// The words `strerror(3)` has for an OS error (Rust's text minus its " (os error N)").
pub fn strerror(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => text
            .strip_suffix(&format!(" (os error {code})"))
            .unwrap_or(&text)
            .to_string(),
        None => text,
    }
}

/// The OSError a failed system call raises, as CPython's `PyErr_SetFromErrnoWithFilename`.
pub fn from_io(e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let errno = i64::from(e.raw_os_error().unwrap_or(5)); // EIO when the OS named none
    from_errno(errno, &strerror(e), filename)
}

/// An OSError of the errno's subclass: `[Errno errno] strerror: 'filename'`.
pub fn from_errno(errno: i64, strerror: &str, filename: Option<&str>) -> PyErr {
    let mut args = vec![Value::Int(errno), Value::str(strerror)];
    if let Some(f) = filename {
        args.push(Value::str(f));
    }
    PyErr::new(new_os_error(&types().exc.os_error, args))
}
