//! `_gilsim_io`: the byte-level files under `io.open` (the text and buffered layers are
//! Python, in `py/io.py`). Like CPython's BufferedReader/BufferedWriter
//! (Modules/_io/bufferedio.c), a file reads and writes through an 8 KiB buffer, and every
//! system call on a real file is a blocking call made with the GIL released, so a thread
//! writing a report lets the others run. The files of a simulated run live in memory
//! (`files.rs`); there nothing blocks.

use std::io::SeekFrom;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use parking_lot::{Mutex, MutexGuard};

use super::files::{Access, Store};
use crate::runtime::thread::WaitKind;
use crate::vm::builtins::{native_class, positional};
use crate::vm::context::Vm;
use crate::vm::eval::blocking::WaitFor;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::value::Value;
use crate::vm::protocols::os_errors::from_io;
use crate::vm::pyerr::{PyResult, type_error, value_error};

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
const BUFFER: usize = 8192;

/// How long a blocking file operation may take before the deadlock watchdog would count it
/// as waiting forever (it never does: a system call always ends).
const SYSCALL_BOUND: Duration = Duration::from_secs(365 * 24 * 3600);

/// An open file: its store (None once closed), and the read and write buffers.
pub struct RawFile {
    inner: Mutex<Inner>,
}

struct Inner {
    store: Option<Store>,
    append: bool,
    /// Bytes read ahead, and how many of them were consumed.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written and not yet passed to the store.
    wbuf: Vec<u8>,
}

static RAW_FILE: LazyLock<Arc<Class>> =
    LazyLock::new(|| native_class("_RawFile", "_gilsim_io", &[]));

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("read", read),
    ("readline", readline),
    ("readline_text", readline_text),
    ("write_text", write_text),
    ("write", write),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("flush", flush),
    ("close", close),
    ("remove", remove),
    ("find_newline", find_newline),
];

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module("_gilsim_io", FUNCTIONS)
}

/// Runs `op` (a system call on a real file) with the GIL released; in memory, at once.
fn syscall<T>(vm: &Vm, on_disk: bool, op: impl FnOnce() -> T) -> PyResult<T> {
    if !on_disk {
        return Ok(op());
    }
    let mut op = Some(op);
    let done = vm.blocking_wait(
        WaitFor {
            what: "file I/O".into(),
            kind: WaitKind::Other,
        },
        Some(SYSCALL_BOUND),
        |_| op.take().map(|f| f()),
    )?;
    Ok(done.expect("a system call ends"))
}

/// The file a function was called on, locked. Another thread using the same file waits for
/// it with the GIL released (CPython's `_enter_buffered_busy`).
fn lock<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<MutexGuard<'a, Inner>> {
    let file = match args.pos().first() {
        Some(Value::Native(n)) => n.downcast::<RawFile>(),
        _ => None,
    }
    .ok_or_else(|| type_error("expected a file"))?;
    if let Some(guard) = file.inner.try_lock() {
        return Ok(guard);
    }
    let guard = vm.blocking_wait(
        WaitFor {
            what: "a file another thread is using".into(),
            kind: WaitKind::Other,
        },
        Some(SYSCALL_BOUND),
        |slice| file.inner.try_lock_for(slice.max(Duration::from_millis(1))),
    )?;
    guard.ok_or_else(|| value_error("I/O operation on closed file."))
}

fn int_arg(args: &Args<'_>, i: usize) -> i64 {
    args.pos().get(i).and_then(Value::as_i64).unwrap_or(-1)
}

impl Inner {
    fn store(&mut self) -> PyResult<&mut Store> {
        self.store
            .as_mut()
            .ok_or_else(|| value_error("I/O operation on closed file."))
    }

    /// Passes the buffered writes to the store.
    fn flush_writes(&mut self, vm: &Vm) -> PyResult<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.wbuf);
        let append = self.append;
        let store = self.store()?;
        let on_disk = store.on_disk();
        syscall(vm, on_disk, || store.write_all(&bytes, append))?.map_err(|e| from_io(&e, None))
    }

    /// Gives back what was read ahead, so the store's position is the program's.
    fn drop_read_ahead(&mut self, vm: &Vm) -> PyResult<()> {
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            let store = self.store()?;
            let on_disk = store.on_disk();
            syscall(vm, on_disk, || store.seek(SeekFrom::Current(-unread)))?
                .map_err(|e| from_io(&e, None))?;
        }
        Ok(())
    }

    /// Reads up to one buffer more into `rbuf`; false at the end of the file.
    fn fill(&mut self, vm: &Vm) -> PyResult<bool> {
        self.flush_writes(vm)?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let store = self.store()?;
        let on_disk = store.on_disk();
        let mut chunk = vec![0u8; BUFFER];
        let n = syscall(vm, on_disk, || store.read(&mut chunk))?.map_err(|e| from_io(&e, None))?;
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }
}

/// `open(name, read, write, append, create, truncate, exclusive)`: a new raw file.
fn open(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("open", args, 7, 7)?;
    let name = path_arg(&a[0])?;
    let flag = |i: usize| matches!(a[i], Value::Bool(true));
    let access = Access {
        read: flag(1),
        write: flag(2),
        append: flag(3),
        create: flag(4),
        truncate: flag(5),
        exclusive: flag(6),
    };
    let store = super::files::open(vm, name, access)?;
    let file = RawFile {
        inner: Mutex::new(Inner {
            store: Some(store),
            append: access.append,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
        }),
    };
    Ok(Value::Native(Arc::new(NativeObject::new(
        RAW_FILE.clone(),
        file,
    ))))
}

/// `read(f, n)`: up to `n` bytes (all that is left when `n` < 0).
fn read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = int_arg(&args, 1);
    let mut f = lock(vm, &args)?;
    loop {
        let have = f.rbuf.len() - f.rpos;
        if n >= 0 && have >= n as usize {
            return Ok(Value::Bytes(Arc::new(f.take(n as usize))));
        }
        if !f.fill(vm)? {
            let rest = f.rbuf.len() - f.rpos;
            return Ok(Value::Bytes(Arc::new(f.take(rest))));
        }
    }
}

/// `readline(f, limit)`: the bytes up to and including the next `\n` (at most `limit`).
fn readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let limit = int_arg(&args, 1);
    let mut f = lock(vm, &args)?;
    let mut scanned = 0;
    loop {
        let pending = &f.rbuf[f.rpos..];
        if let Some(i) = pending[scanned..].iter().position(|&b| b == b'\n') {
            let end = scanned + i + 1;
            let n = if limit >= 0 {
                end.min(limit as usize)
            } else {
                end
            };
            return Ok(Value::Bytes(Arc::new(f.take(n))));
        }
        scanned = pending.len();
        if limit >= 0 && scanned >= limit as usize {
            return Ok(Value::Bytes(Arc::new(f.take(limit as usize))));
        }
        if !f.fill(vm)? {
            let rest = f.rbuf.len() - f.rpos;
            return Ok(Value::Bytes(Arc::new(f.take(rest))));
        }
    }
}

/// `readline_text(f, limit)`: `readline`, decoded from UTF-8 when it can be at once (valid
/// and without a `\r` to translate), else the bytes for the text layer to decode (the
/// fast path of `TextIOWrapper.readline`, which is C in CPython).
fn readline_text(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let line = readline(vm, args)?;
    if let Value::Bytes(b) = &line
        && !b.contains(&b'\r')
        && let Ok(text) = std::str::from_utf8(b)
    {
        return Ok(Value::str(text));
    }
    Ok(line)
}

/// `write_text(f, s)`: `s` written as UTF-8; its length (`TextIOWrapper.write`'s fast path).
fn write_text(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let text = match args.pos().get(1) {
        Some(Value::Str(s)) => s.clone(),
        other => {
            return Err(type_error(format!(
                "write() argument must be str, not {}",
                other.map_or("NoneType", crate::vm::objects::types::type_name)
            )));
        }
    };
    let mut f = lock(vm, &args)?;
    f.store()?;
    f.drop_read_ahead(vm)?;
    f.wbuf.extend_from_slice(text.as_str().as_bytes());
    if f.wbuf.len() >= BUFFER {
        f.flush_writes(vm)?;
    }
    Ok(Value::Int(text.char_len() as i64))
}

/// `write(f, data)`: buffers the bytes, passing them on once a buffer is full.
fn write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Bytes(data)) = args.pos().get(1) else {
        return Err(type_error("expected bytes"));
    };
    let mut f = lock(vm, &args)?;
    f.store()?;
    f.drop_read_ahead(vm)?;
    f.wbuf.extend_from_slice(data);
    if f.wbuf.len() >= BUFFER {
        f.flush_writes(vm)?;
    }
    Ok(Value::Int(data.len() as i64))
}

/// `seek(f, offset, whence)`: the new position.
fn seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let offset = int_arg(&args, 1);
    let whence = int_arg(&args, 2);
    let mut f = lock(vm, &args)?;
    f.flush_writes(vm)?;
    f.drop_read_ahead(vm)?;
    let to = match whence {
        0 if offset < 0 => return Err(value_error(format!("negative seek position {offset}"))),
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    let store = f.store()?;
    let on_disk = store.on_disk();
    let pos = syscall(vm, on_disk, || store.seek(to))?.map_err(|e| from_io(&e, None))?;
    Ok(Value::Int(pos as i64))
}

/// `tell(f)`: the position the program is at (the store's, less what was read ahead).
fn tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut f = lock(vm, &args)?;
    f.flush_writes(vm)?;
    let unread = (f.rbuf.len() - f.rpos) as u64;
    let store = f.store()?;
    let on_disk = store.on_disk();
    let pos = syscall(vm, on_disk, || store.seek(SeekFrom::Current(0)))?
        .map_err(|e| from_io(&e, None))?;
    Ok(Value::Int((pos - unread) as i64))
}

/// `truncate(f, size)`: cuts the file at `size` (None: the current position).
fn truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let size = args.pos().get(1).and_then(Value::as_i64);
    let mut f = lock(vm, &args)?;
    f.flush_writes(vm)?;
    f.drop_read_ahead(vm)?;
    let store = f.store()?;
    let on_disk = store.on_disk();
    let size = match size {
        Some(s) => s as u64,
        None => syscall(vm, on_disk, || store.seek(SeekFrom::Current(0)))?
            .map_err(|e| from_io(&e, None))?,
    };
    syscall(vm, on_disk, || store.truncate(size))?.map_err(|e| from_io(&e, None))?;
    Ok(Value::Int(size as i64))
}

fn flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut f = lock(vm, &args)?;
    f.flush_writes(vm)?;
    Ok(Value::None)
}

/// `close(f)`: flushes, then lets the file go (closing twice is allowed, as in CPython).
fn close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut f = lock(vm, &args)?;
    if f.store.is_none() {
        return Ok(Value::None);
    }
    let flushed = f.flush_writes(vm);
    f.store = None;
    flushed.map(|()| Value::None)
}

/// `remove(name)`: `os.remove`, within the sandbox.
fn remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("remove", args, 1, 1)?;
    let name = path_arg(&a[0])?;
    super::files::remove(vm, name)?;
    Ok(Value::None)
}

/// `find_newline(data, start)`: the index of the first `\n` of bytes at or after `start`,
/// or -1 (`BytesIO.readline`; gilsim's bytes have no `find`).
fn find_newline(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("find_newline", args, 2, 2)?;
    let (Value::Bytes(data), Some(start)) = (&a[0], a[1].as_i64()) else {
        return Err(type_error("find_newline(bytes, int)"));
    };
    let start = (start.max(0) as usize).min(data.len());
    Ok(Value::Int(
        data[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(-1, |i| (start + i) as i64),
    ))
}

fn path_arg(v: &Value) -> PyResult<&str> {
    v.as_str().ok_or_else(|| {
        type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            crate::vm::objects::types::type_name(v)
        ))
    })
}

/// A file dropped without `close()` still gets its writes, as CPython's `__del__` flushes.
impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(store) = self.store.as_mut()
            && !self.wbuf.is_empty()
        {
            let _ = store.write_all(&self.wbuf, self.append);
        }
    }
}
