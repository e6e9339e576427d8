//! `_gilsim_os`: the file-system calls under `os` and `os.path` (`py/os.py`,
//! `py/posixpath.py`): stat, listdir, mkdir, rmdir, rename, getcwd, realpath and the
//! environment. A real run calls the OS (writes only under the sandbox, `files.rs`); a
//! simulated run sees the disk through its own files and directories in memory, so a
//! directory it makes is listed and found by `exists`, and the disk is left as it was.
//! Errors are CPython's (Modules/posixmodule.c `path_error`: `[Errno N] text: 'name'`, and
//! `'src' -> 'dst'` for rename).

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parking_lot::Mutex;

use super::files::{Entry, Kind, MemoryDisk, absolute, check_writable, kind_in, memory_key};
use crate::vm::builtins::positional;
use crate::vm::context::Vm;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::protocols::os_errors::{from_errno, from_io, new_os_error, strerror};
use crate::vm::pyerr::{PyErr, PyResult, type_error};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("rename", rename),
    ("getcwd", getcwd),
    ("realpath", realpath),
    ("environ", environ),
];

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module("_gilsim_os", FUNCTIONS)
}

/// `st_mode` of a regular file and of a directory the run made in memory (0o644 and
/// 0o755 under the usual umask).
const FILE_MODE: i64 = 0o100644;
const DIR_MODE: i64 = 0o040755;

fn path_arg<'a>(fname: &str, v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| {
        type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            type_name(v)
        ))
    })
}

fn simulated(vm: &Vm) -> Option<Arc<MemoryDisk>> {
    vm.interp
        .runtime
        .sched
        .simulated()
        .is_some()
        .then(|| vm.interp.runtime.module_state::<MemoryDisk>())
}

fn enoent(name: &str) -> PyErr {
    from_errno(2, "No such file or directory", Some(name))
}

/// `stat(path)`: (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
/// st_mtime, st_ctime) as `os.stat_result` orders them.
fn stat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_of(vm, args, "stat", |p| std::fs::metadata(p))
}

/// `lstat(path)`: `stat` of a symbolic link itself (a simulated run's own files are never
/// links).
fn lstat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_of(vm, args, "lstat", |p| std::fs::symlink_metadata(p))
}

fn stat_of(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
    metadata: fn(&Path) -> std::io::Result<std::fs::Metadata>,
) -> PyResult<Value> {
    let a = positional(fname, args, 1, 1)?;
    let name = path_arg(fname, &a[0])?;
    let from_disk = |m: std::fs::Metadata| {
        let t = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
        Value::tuple(vec![
            Value::Int(i64::from(m.mode())),
            Value::Int(m.ino() as i64),
            Value::Int(m.dev() as i64),
            Value::Int(m.nlink() as i64),
            Value::Int(i64::from(m.uid())),
            Value::Int(i64::from(m.gid())),
            Value::Int(m.size() as i64),
            t(m.atime(), m.atime_nsec()),
            t(m.mtime(), m.mtime_nsec()),
            t(m.ctime(), m.ctime_nsec()),
        ])
    };
    let Some(disk) = simulated(vm) else {
        return metadata(Path::new(name))
            .map(from_disk)
            .map_err(|e| from_io(&e, Some(name)));
    };
    let files = disk.files.lock();
    let key = memory_key(&files, name)?;
    let in_memory = files.contains_key(&key);
    let (mode, size) = match kind_in(&files, &key) {
        Kind::Missing => return Err(enoent(name)),
        _ if !in_memory => {
            return metadata(&key)
                .map(from_disk)
                .map_err(|e| from_io(&e, Some(name)));
        }
        Kind::File(size) => (FILE_MODE, size as i64),
        Kind::Dir => (DIR_MODE, 4096),
    };
    // A simulated run does not date its writes: its own files and directories read as
    // touched now (on the run's clock), which keeps "newer than" checks of a script true.
    let now = vm.sched.wall_clock(&vm.caller()).as_secs_f64();
    let times = [now; 3];
    // An inode number of its own per path, so that samefile tells two files apart.
    let ino = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut h);
        (h.finish() >> 1) as i64
    };
    let mut fields: Vec<Value> = [mode, ino, 0, 1, 0, 0, size].map(Value::Int).into();
    fields.extend(times.map(Value::Float));
    Ok(Value::tuple(fields))
}

/// The names in directory `key` of a simulated run: the disk's that the run kept (in the
/// disk's order), then the ones it made (sorted, so a run stays a function of its inputs).
fn list_in(files: &HashMap<PathBuf, Entry>, key: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(key)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !matches!(kind_in(files, &key.join(n)), Kind::Missing))
                .collect()
        })
        .unwrap_or_default();
    let mut made: Vec<String> = files
        .iter()
        .filter(|(p, e)| !matches!(e, Entry::Gone) && p.parent() == Some(key))
        .filter_map(|(p, _)| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| std::fs::symlink_metadata(key.join(n)).is_err())
        .collect();
    made.sort();
    names.extend(made);
    names
}

/// `listdir(path)`: the names in a directory.
fn listdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("listdir", args, 1, 1)?;
    let name = path_arg("listdir", &a[0])?;
    let names = match simulated(vm) {
        None => std::fs::read_dir(name)
            .map_err(|e| from_io(&e, Some(name)))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Some(disk) => {
            let files = disk.files.lock();
            let key = memory_key(&files, name)?;
            match kind_in(&files, &key) {
                Kind::Missing => return Err(enoent(name)),
                Kind::File(_) => return Err(from_errno(20, "Not a directory", Some(name))),
                Kind::Dir => list_in(&files, &key),
            }
        }
    };
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

/// `mkdir(path)`: a new directory (in memory in a simulated run).
fn mkdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("mkdir", args, 1, 1)?;
    let name = path_arg("mkdir", &a[0])?;
    check_writable(vm, name)?;
    let Some(disk) = simulated(vm) else {
        std::fs::create_dir(name).map_err(|e| from_io(&e, Some(name)))?;
        return Ok(Value::None);
    };
    let mut files = disk.files.lock();
    let key = memory_key(&files, name)?;
    if !matches!(kind_in(&files, &key), Kind::Missing) {
        return Err(from_errno(17, "File exists", Some(name)));
    }
    match key.parent().map(|p| kind_in(&files, p)) {
        Some(Kind::Dir) => {}
        Some(Kind::File(_)) => return Err(from_errno(20, "Not a directory", Some(name))),
        _ => return Err(enoent(name)),
    }
    files.insert(key, Entry::Dir);
    Ok(Value::None)
}

/// `rmdir(path)`: removes an empty directory.
fn rmdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("rmdir", args, 1, 1)?;
    let name = path_arg("rmdir", &a[0])?;
    check_writable(vm, name)?;
    let Some(disk) = simulated(vm) else {
        std::fs::remove_dir(name).map_err(|e| from_io(&e, Some(name)))?;
        return Ok(Value::None);
    };
    let mut files = disk.files.lock();
    let key = memory_key(&files, name)?;
    match kind_in(&files, &key) {
        Kind::Missing => return Err(enoent(name)),
        Kind::File(_) => return Err(from_errno(20, "Not a directory", Some(name))),
        Kind::Dir if !list_in(&files, &key).is_empty() => {
            return Err(from_errno(39, "Directory not empty", Some(name)));
        }
        Kind::Dir => {}
    }
    files.insert(key, Entry::Gone);
    Ok(Value::None)
}

/// The OSError of a failed rename: `[Errno N] text: 'src' -> 'dst'`.
fn rename_error(errno: i64, text: &str, src: &str, dst: &str) -> PyErr {
    let args = vec![
        Value::Int(errno),
        Value::str(text),
        Value::str(src),
        Value::None,
        Value::str(dst),
    ];
    PyErr::new(new_os_error(&types().exc.os_error, args))
}

/// `rename(src, dst)`: moves a file or a directory (replacing a file at `dst`, as POSIX
/// rename does). A simulated run moves a directory by copying its tree into memory.
fn rename(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("rename", args, 2, 2)?;
    let (src, dst) = (path_arg("rename", &a[0])?, path_arg("rename", &a[1])?);
    check_writable(vm, src)?;
    check_writable(vm, dst)?;
    let Some(disk) = simulated(vm) else {
        std::fs::rename(src, dst).map_err(|e| {
            let errno = i64::from(e.raw_os_error().unwrap_or(5));
            rename_error(errno, &strerror(&e), src, dst)
        })?;
        return Ok(Value::None);
    };
    let (from, to) = (absolute(Path::new(src)), absolute(Path::new(dst)));
    let mut files = disk.files.lock();
    let fail = |errno: i64, text: &str| Err(rename_error(errno, text, src, dst));
    let source_kind = kind_in(&files, &from);
    match (&source_kind, kind_in(&files, &to)) {
        (Kind::Missing, _) => return fail(2, "No such file or directory"),
        (_, _)
            if !to
                .parent()
                .is_some_and(|p| matches!(kind_in(&files, p), Kind::Dir)) =>
        {
            return fail(2, "No such file or directory");
        }
        (Kind::File(_), Kind::Dir) => return fail(21, "Is a directory"),
        (Kind::Dir, Kind::File(_)) => return fail(20, "Not a directory"),
        (Kind::Dir, _) if to.starts_with(&from) && to != from => {
            return fail(22, "Invalid argument");
        }
        (Kind::Dir, Kind::Dir) if !list_in(&files, &to).is_empty() => {
            return fail(39, "Directory not empty");
        }
        _ => {}
    }
    if from == to {
        return Ok(Value::None);
    }
    move_tree(&mut files, &from, &to).map_err(|e| from_io(&e, Some(src)))?;
    Ok(Value::None)
}

/// Moves `from` (a file, or a directory with everything under it) to `to` in a simulated
/// run's memory: the disk's files are read into memory, and every old path is gone.
fn move_tree(files: &mut HashMap<PathBuf, Entry>, from: &Path, to: &Path) -> std::io::Result<()> {
    match kind_in(files, from) {
        Kind::File(_) => {
            let data = match files.get(from) {
                Some(Entry::File(data)) => data.clone(),
                _ => Arc::new(Mutex::new(std::fs::read(from)?)),
            };
            files.insert(to.to_path_buf(), Entry::File(data));
        }
        Kind::Dir => {
            files.insert(to.to_path_buf(), Entry::Dir);
            for name in list_in(files, from) {
                move_tree(files, &from.join(&name), &to.join(&name))?;
            }
        }
        Kind::Missing => return Ok(()),
    }
    files.insert(from.to_path_buf(), Entry::Gone);
    Ok(())
}

/// `getcwd()`: the current directory.
fn getcwd(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("getcwd", args, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|e| from_io(&e, None))?;
    Ok(Value::str(&cwd.to_string_lossy()))
}

/// `realpath(path)`: absolute, with `.`, `..` and the symbolic links that exist resolved
/// (CPython's non-strict `posixpath.realpath`).
fn realpath(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("realpath", args, 1, 1)?;
    let name = path_arg("realpath", &a[0])?;
    let path = super::files::resolved(&absolute(Path::new(name)));
    Ok(Value::str(&path.to_string_lossy()))
}

/// `environ()`: the environment's (name, value) pairs, for `os.environ`.
fn environ(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    positional("environ", args, 0, 0)?;
    let pairs = std::env::vars_os()
        .map(|(k, v)| {
            Value::tuple(vec![
                Value::str(&k.to_string_lossy()),
                Value::str(&v.to_string_lossy()),
            ])
        })
        .collect();
    Ok(Value::list(pairs))
}
