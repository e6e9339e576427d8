//! Where a run's files live: the sandbox that confines writes, and the in-memory files a
//! simulated run writes instead of the disk (so it stays a pure function of its inputs).
//!
//! The decisions, also in the README:
//! - Reads go anywhere, as in CPython: the files a program reads are its inputs, like the
//!   program file itself.
//! - Writes (modes `w`, `a`, `x` and `+`) are allowed only under the sandbox directory:
//!   `--sandbox DIR`, by default the directory gilsim was started in — where a student runs
//!   a lecture's report writer, and never `~/.bashrc` or `/etc` by a typo in a class
//!   exercise. Elsewhere the open fails with PermissionError naming the sandbox.
//! - A simulated run (`--sim`, `--seed`, `--replay`, `explore`) writes nothing to disk: its
//!   files live in memory for the run, on top of the disk it reads. Reasons: `explore` runs
//!   many schedules at once in one process, and a file one schedule writes must not leak
//!   into another; and a replay must see what the recorded run saw, not what an earlier run
//!   left behind.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::vm::context::Vm;
use crate::vm::protocols::os_errors::{from_errno, from_io};
use crate::vm::pyerr::PyResult;

/// The bytes of a file in memory, shared by the handles open on it.
pub type Contents = Arc<Mutex<Vec<u8>>>;

/// The files and directories a simulated run wrote, by absolute path (kept for the whole
/// run, across its interpreters and processes, like a disk), over the disk it reads.
#[derive(Default)]
pub struct MemoryDisk {
    pub(super) files: Mutex<HashMap<PathBuf, Entry>>,
}

/// What the run made of one path: a file, a directory, or a path of the disk it removed
/// (or renamed away).
#[derive(Clone)]
pub enum Entry {
    File(Contents),
    Dir,
    Gone,
}

/// What backs an open file: the disk, or a simulated run's memory.
pub enum Store {
    Disk(std::fs::File),
    Memory { data: Arc<Mutex<Vec<u8>>>, pos: u64 },
}

/// How a file is opened (the mode letters, parsed by `io.open`).
#[derive(Clone, Copy)]
pub struct Access {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
}

impl Store {
    pub fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Store::Disk(f) => f.read(buf),
            Store::Memory { data, pos } => {
                let data = data.lock();
                let start = (*pos as usize).min(data.len());
                let n = buf.len().min(data.len() - start);
                buf[..n].copy_from_slice(&data[start..start + n]);
                *pos += n as u64;
                Ok(n)
            }
        }
    }

    pub fn write_all(&mut self, bytes: &[u8], append: bool) -> std::io::Result<()> {
        match self {
            Store::Disk(f) => f.write_all(bytes),
            Store::Memory { data, pos } => {
                let mut data = data.lock();
                if append {
                    *pos = data.len() as u64;
                }
                let start = *pos as usize;
                if data.len() < start {
                    data.resize(start, 0);
                }
                let overlap = bytes.len().min(data.len() - start);
                data[start..start + overlap].copy_from_slice(&bytes[..overlap]);
                data.extend_from_slice(&bytes[overlap..]);
                *pos += bytes.len() as u64;
                Ok(())
            }
        }
    }

    pub fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        match self {
            Store::Disk(f) => f.seek(to),
            Store::Memory { data, pos } => {
                let len = data.lock().len() as i64;
                let target = match to {
                    SeekFrom::Start(n) => n as i64,
                    SeekFrom::Current(d) => *pos as i64 + d,
                    SeekFrom::End(d) => len + d,
                };
                if target < 0 {
                    return Err(std::io::Error::from_raw_os_error(22)); // EINVAL
                }
                *pos = target as u64;
                Ok(*pos)
            }
        }
    }

    pub fn truncate(&mut self, size: u64) -> std::io::Result<()> {
        match self {
            Store::Disk(f) => f.set_len(size),
            Store::Memory { data, .. } => {
                data.lock().resize(size as usize, 0);
                Ok(())
            }
        }
    }

    /// Whether operations on it are system calls (made with the GIL released).
    pub fn on_disk(&self) -> bool {
        matches!(self, Store::Disk(_))
    }
}

/// `path` made absolute against the current directory, with `.` and `..` resolved by
/// name (the key of the memory disk; the sandbox check resolves symbolic links too).
pub(super) fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir().unwrap_or_default().join(path);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A simulated run's key for `name` among its `files`: as `absolute`, but a `..` comes
/// only after a directory that exists, as the kernel walks a path (`sub/../x` fails when
/// `sub` does not exist, or is a file).
pub(super) fn memory_key(files: &HashMap<PathBuf, Entry>, name: &str) -> PyResult<PathBuf> {
    let joined = std::env::current_dir().unwrap_or_default().join(name);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                match kind_in(files, &out) {
                    Kind::Dir => {}
                    Kind::File(_) => return Err(from_errno(20, "Not a directory", Some(name))),
                    Kind::Missing => {
                        return Err(from_errno(2, "No such file or directory", Some(name)));
                    }
                }
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// The directory writes are confined to: `--sandbox DIR`, else the current directory.
pub fn sandbox_root(vm: &Vm) -> PathBuf {
    let root = vm
        .interp
        .runtime
        .options
        .sandbox
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    let root = absolute(&root);
    root.canonicalize().unwrap_or(root)
}

/// `path` with its symbolic links resolved as far as it exists (a file about to be created
/// has an existing directory at least).
pub(super) fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => resolved(parent).join(name),
        _ => path.to_path_buf(),
    }
}

/// PermissionError unless `name` (as the program wrote it) lies inside the sandbox.
pub fn check_writable(vm: &Vm, name: &str) -> PyResult<()> {
    let root = sandbox_root(vm);
    if resolved(&absolute(Path::new(name))).starts_with(&root) {
        return Ok(());
    }
    Err(from_errno(
        13,
        &format!(
            "Permission denied (gilsim writes only under {}; choose another directory with --sandbox DIR)",
            root.display()
        ),
        Some(name),
    ))
}

/// Opens `name` for a run: on disk in a real run, in the run's memory in a simulated one.
pub fn open(vm: &Vm, name: &str, access: Access) -> PyResult<Store> {
    if access.write {
        check_writable(vm, name)?;
    }
    let simulated = vm.interp.runtime.sched.simulated().is_some();
    if simulated {
        return open_in_memory(vm, name, access);
    }
    let mut options = std::fs::OpenOptions::new();
    options
        .read(access.read)
        .write(access.write && !access.append)
        .append(access.append)
        .truncate(access.truncate)
        .create(access.create && !access.exclusive)
        .create_new(access.exclusive);
    let file = options.open(name).map_err(|e| from_io(&e, Some(name)))?;
    // Linux opens a directory for reading; CPython's FileIO then refuses it with EISDIR.
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(from_errno(21, "Is a directory", Some(name)));
    }
    Ok(Store::Disk(file))
}

/// A simulated run's open: its own files first, then (copied) what the disk holds.
fn open_in_memory(vm: &Vm, name: &str, access: Access) -> PyResult<Store> {
    let disk = vm.interp.runtime.module_state::<MemoryDisk>();
    let mut files = disk.files.lock();
    let key = memory_key(&files, name)?;
    let existing = match files.get(&key) {
        Some(Entry::File(data)) => Some(data.clone()),
        Some(Entry::Dir) => return Err(from_errno(21, "Is a directory", Some(name))),
        Some(Entry::Gone) => None,
        None if key.is_dir() => return Err(from_errno(21, "Is a directory", Some(name))),
        None => match std::fs::read(&key) {
            Ok(bytes) => Some(Arc::new(Mutex::new(bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(from_io(&e, Some(name))),
        },
    };
    let data = match existing {
        Some(_) if access.exclusive => return Err(from_errno(17, "File exists", Some(name))),
        Some(data) => data,
        None if access.create => {
            if !key
                .parent()
                .is_some_and(|p| matches!(kind_in(&files, p), Kind::Dir))
            {
                return Err(from_errno(2, "No such file or directory", Some(name)));
            }
            Arc::new(Mutex::new(Vec::new()))
        }
        None => return Err(from_errno(2, "No such file or directory", Some(name))),
    };
    if access.truncate {
        data.lock().clear();
    }
    if access.write {
        files.insert(key, Entry::File(data.clone()));
    }
    // A file the run wrote is shared by its handles, as one file on disk is.
    Ok(Store::Memory { data, pos: 0 })
}

/// `os.remove(name)`: on disk in a real run; in a simulated one, the file is gone for the
/// rest of the run (the disk keeps it).
pub fn remove(vm: &Vm, name: &str) -> PyResult<()> {
    check_writable(vm, name)?;
    if vm.interp.runtime.sched.simulated().is_none() {
        let path = Path::new(name);
        if path.is_dir() {
            return Err(from_errno(21, "Is a directory", Some(name)));
        }
        return std::fs::remove_file(path).map_err(|e| from_io(&e, Some(name)));
    }
    let disk = vm.interp.runtime.module_state::<MemoryDisk>();
    let mut files = disk.files.lock();
    let key = memory_key(&files, name)?;
    match kind_in(&files, &key) {
        Kind::File(_) => {}
        Kind::Dir => return Err(from_errno(21, "Is a directory", Some(name))),
        Kind::Missing => return Err(from_errno(2, "No such file or directory", Some(name))),
    }
    files.insert(key, Entry::Gone);
    Ok(())
}

/// What a path is in a simulated run: the run's own entry, else the disk's.
pub enum Kind {
    File(u64),
    Dir,
    Missing,
}

/// The kind of absolute path `key` among a simulated run's `files` (over the disk). A path
/// under a removed directory is gone too.
pub(super) fn kind_in(files: &HashMap<PathBuf, Entry>, key: &Path) -> Kind {
    match files.get(key) {
        Some(Entry::File(data)) => return Kind::File(data.lock().len() as u64),
        Some(Entry::Dir) => return Kind::Dir,
        Some(Entry::Gone) => return Kind::Missing,
        None => {}
    }
    if key
        .ancestors()
        .skip(1)
        .any(|a| matches!(files.get(a), Some(Entry::Gone | Entry::File(_))))
    {
        return Kind::Missing;
    }
    match std::fs::metadata(key) {
        Ok(m) if m.is_dir() => Kind::Dir,
        Ok(m) => Kind::File(m.len()),
        Err(_) => Kind::Missing,
    }
}
