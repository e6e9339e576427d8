//! `_gilsim_subprocess`: the processes under `subprocess` (Python, `py/subprocess.py`).
//!
//! A real run starts real programs (`std::process`), and waiting for one — `wait`,
//! `communicate`, reading its pipe — is a blocking call with the GIL released, as in
//! CPython. Threads read the child's pipes as it writes them; what the program did not ask
//! to capture goes to gilsim's own stdout and stderr.
//!
//! A simulated run must stay a pure function of its inputs, so it runs no program at all:
//! a small set of programs whose behaviour is known is simulated on the virtual clock
//! (`sim_proc.rs`), and anything else is refused with NotImplementedError naming it.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use parking_lot::Mutex;

use super::sim_proc::SimProc;
use crate::runtime::Runtime;
use crate::runtime::thread::WaitKind;
use crate::vm::builtins::{native_class, positional};
use crate::vm::context::Vm;
use crate::vm::eval::blocking::WaitFor;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::value::Value;
use crate::vm::protocols::os_errors::{from_errno, from_io};
use crate::vm::pyerr::{PyResult, type_error};

/// `subprocess.PIPE`, `STDOUT`, `DEVNULL`; 0 stands for None (inherit: gilsim's own).
pub const PIPE: i64 = -1;
pub const STDOUT: i64 = -2;
pub const DEVNULL: i64 = -3;

/// A process the program started.
pub enum Proc {
    Real(RealProc),
    Sim(Mutex<SimProc>),
}

/// A real child process and the pumps reading its output.
pub struct RealProc {
    child: Mutex<Child>,
    name: String,
    returncode: Mutex<Option<i64>>,
    stdin: Mutex<Option<ChildStdin>>,
    out: Option<Arc<Pump>>,
    err: Option<Arc<Pump>>,
    /// Pumps that copy to gilsim's own streams (waited for by `wait`, so the child's output
    /// comes before whatever the program prints next).
    forwards: Vec<Arc<Pump>>,
}

/// What a thread read from one of the child's pipes: kept (PIPE) or already forwarded.
#[derive(Default)]
pub struct Pump {
    data: Mutex<Vec<u8>>,
    done: AtomicBool,
}

static PROCESS: LazyLock<Arc<Class>> =
    LazyLock::new(|| native_class("_Process", "_gilsim_subprocess", &[]));

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("spawn", spawn),
    ("pid", pid),
    ("poll", poll),
    ("wait", wait),
    ("communicate", communicate),
    ("partial_output", partial_output),
    ("read_pipe", read_pipe),
    ("write_stdin", write_stdin),
    ("close_stdin", close_stdin),
    ("kill", kill),
    ("terminate", terminate),
];

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module("_gilsim_subprocess", FUNCTIONS)
}

fn proc<'a>(args: &'a Args<'_>) -> PyResult<&'a Proc> {
    match args.pos().first() {
        Some(Value::Native(n)) => n.downcast::<Proc>(),
        _ => None,
    }
    .ok_or_else(|| type_error("expected a process"))
}

fn bytes_or_none(v: Option<Vec<u8>>) -> Value {
    v.map_or(Value::None, |b| Value::Bytes(Arc::new(b)))
}

/// Seconds (a float or an int; None: no timeout).
fn timeout_arg(v: Option<&Value>) -> Option<Duration> {
    match v {
        Some(Value::Float(f)) => Some(Duration::from_secs_f64(f.max(0.0))),
        Some(Value::Int(i)) => Some(Duration::from_secs((*i).max(0) as u64)),
        _ => None,
    }
}

/// `spawn(argv, cwd, env, stdin, stdout, stderr)`: starts the program (argv is a list of
/// str; env None or a list of (key, value); the streams are PIPE, STDOUT, DEVNULL or 0).
fn spawn(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("spawn", args, 6, 6)?;
    let argv: Vec<String> = match &a[0] {
        Value::List(l) => l
            .snapshot()
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<_>>(),
        _ => None,
    }
    .filter(|v: &Vec<String>| !v.is_empty())
    .ok_or_else(|| type_error("spawn() needs a list of str"))?;
    let cwd = a[1].as_str().map(str::to_string);
    let env: Option<Vec<(String, String)>> = match &a[2] {
        Value::List(l) => Some(
            l.snapshot()
                .iter()
                .filter_map(|kv| match kv {
                    Value::Tuple(t) if t.items.len() == 2 => Some((
                        t.items[0].as_str()?.to_string(),
                        t.items[1].as_str()?.to_string(),
                    )),
                    _ => None,
                })
                .collect(),
        ),
        _ => None,
    };
    let modes = [&a[3], &a[4], &a[5]].map(|v| v.as_i64().unwrap_or(0));
    if let Some(dir) = &cwd
        && !std::path::Path::new(dir).is_dir()
    {
        let (errno, text) = if std::path::Path::new(dir).exists() {
            (20, "Not a directory")
        } else {
            (2, "No such file or directory")
        };
        return Err(from_errno(errno, text, Some(dir)));
    }
    let proc = if vm.interp.runtime.sched.simulated().is_some() {
        Proc::Sim(Mutex::new(SimProc::start(vm, &argv, modes)?))
    } else {
        Proc::Real(start_real(vm, argv, cwd, env, modes)?)
    };
    Ok(Value::Native(Arc::new(NativeObject::new(
        PROCESS.clone(),
        proc,
    ))))
}

/// The program to run for `argv[0]`: `sys.executable` ("gilsim") is this gilsim.
fn program(name: &str) -> std::path::PathBuf {
    if name == "gilsim"
        && let Ok(me) = std::env::current_exe()
        && me
            .file_name()
            .is_some_and(|f| f.to_string_lossy().starts_with("gilsim"))
    {
        return me;
    }
    name.into()
}

fn start_real(
    vm: &Vm,
    argv: Vec<String>,
    cwd: Option<String>,
    env: Option<Vec<(String, String)>>,
    [stdin, stdout, stderr]: [i64; 3],
) -> PyResult<RealProc> {
    let runtime = vm.interp.runtime.clone();
    // What the program printed so far comes before anything the child writes.
    runtime.stdout.flush();
    let mut command = Command::new(program(&argv[0]));
    command.args(&argv[1..]);
    if let Some(dir) = &cwd {
        command.current_dir(dir);
    }
    if let Some(env) = env {
        command.env_clear().envs(env);
    }
    command.stdin(match stdin {
        PIPE => Stdio::piped(),
        DEVNULL => Stdio::null(),
        _ => Stdio::inherit(),
    });
    // stderr=STDOUT: both into one pipe, read as the child's stdout.
    let merged = if stderr == STDOUT && stdout != DEVNULL {
        let (reader, writer) = std::io::pipe().map_err(|e| from_io(&e, None))?;
        let second = writer.try_clone().map_err(|e| from_io(&e, None))?;
        command.stdout(writer).stderr(second);
        Some(reader)
    } else {
        command.stdout(if stdout == DEVNULL {
            Stdio::null()
        } else {
            Stdio::piped()
        });
        command.stderr(if stderr == DEVNULL || stderr == STDOUT {
            Stdio::null()
        } else {
            Stdio::piped()
        });
        None
    };
    let mut child = command.spawn().map_err(|e| from_io(&e, Some(&argv[0])))?;
    // The parent's ends of a merged pipe's writer must close, or its reader never ends.
    drop(command);
    let mut forwards = Vec::new();
    let mut pump = |source: Box<dyn Read + Send>, mode: i64, to_stderr: bool| {
        let pump = Arc::new(Pump::default());
        let forward = (mode != PIPE).then(|| runtime.clone());
        if forward.is_some() {
            forwards.push(pump.clone());
        }
        let p = pump.clone();
        std::thread::spawn(move || run_pump(source, &p, forward.as_deref(), to_stderr));
        (mode == PIPE).then_some(pump)
    };
    let out = match merged {
        Some(reader) => pump(Box::new(reader), stdout, false),
        None => child
            .stdout
            .take()
            .and_then(|s| pump(Box::new(s), stdout, false)),
    };
    let err = child
        .stderr
        .take()
        .and_then(|s| pump(Box::new(s), stderr, true));
    Ok(RealProc {
        stdin: Mutex::new(child.stdin.take()),
        child: Mutex::new(child),
        name: argv[0].clone(),
        returncode: Mutex::new(None),
        out,
        err,
        forwards,
    })
}

/// A pump thread: reads the pipe to its end, keeping the bytes or copying them to gilsim's
/// own stream as they come.
fn run_pump(mut source: Box<dyn Read + Send>, pump: &Pump, forward: Option<&Runtime>, err: bool) {
    let mut chunk = [0u8; 8192];
    while let Ok(n) = source.read(&mut chunk) {
        if n == 0 {
            break;
        }
        match forward {
            Some(rt) => {
                let text = String::from_utf8_lossy(&chunk[..n]);
                if err {
                    rt.stderr.write_str(&text);
                } else {
                    rt.stdout.write_str(&text);
                }
            }
            None => pump.data.lock().extend_from_slice(&chunk[..n]),
        }
    }
    if let Some(rt) = forward.filter(|_| !err) {
        rt.stdout.flush();
    }
    pump.done.store(true, Ordering::Release);
}

impl RealProc {
    /// The exit status, if the child has ended (CPython's -N for a signal N).
    fn try_status(&self) -> Option<i64> {
        let mut rc = self.returncode.lock();
        if rc.is_none()
            && let Ok(Some(status)) = self.child.lock().try_wait()
        {
            use std::os::unix::process::ExitStatusExt;
            *rc = Some(match status.code() {
                Some(c) => i64::from(c),
                None => -i64::from(status.signal().unwrap_or(0)),
            });
        }
        *rc
    }

    /// Waits, with the GIL released, until `ready` holds or `timeout` passes (false).
    fn block_until(
        &self,
        vm: &Vm,
        timeout: Option<Duration>,
        ready: impl Fn(&RealProc) -> bool,
    ) -> PyResult<bool> {
        if ready(self) {
            return Ok(true);
        }
        let done = vm.blocking_wait(
            WaitFor {
                what: format!("the subprocess '{}'", self.name),
                kind: WaitKind::Other,
            },
            // Never "forever": a child always may end, so it is no deadlock.
            Some(timeout.unwrap_or(Duration::from_secs(365 * 24 * 3600))),
            |slice| {
                if ready(self) {
                    return Some(());
                }
                std::thread::sleep(slice.min(Duration::from_millis(2)));
                ready(self).then_some(())
            },
        )?;
        Ok(done.is_some())
    }

    fn forwarded(&self) -> bool {
        self.forwards.iter().all(|p| p.done.load(Ordering::Acquire))
    }

    fn drained(&self) -> bool {
        [&self.out, &self.err]
            .into_iter()
            .flatten()
            .all(|p| p.done.load(Ordering::Acquire))
    }

    /// Sends `input` to the child's stdin from a thread of its own and closes it (a child
    /// that does not read it must not block the program), as `communicate` does.
    fn send_input(&self, input: Option<Vec<u8>>) {
        if let Some(mut stdin) = self.stdin.lock().take() {
            std::thread::spawn(move || {
                if let Some(data) = input {
                    let _ = stdin.write_all(&data);
                }
            });
        }
    }
}

fn pid(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(match proc(&args)? {
        Proc::Real(p) => i64::from(p.child.lock().id()),
        Proc::Sim(p) => p.lock().pid,
    }))
}

/// `poll(p)`: the return code, or None while it runs.
fn poll(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let rc = match proc(&args)? {
        Proc::Real(p) => p.try_status().filter(|_| p.forwarded()),
        Proc::Sim(p) => p.lock().poll(vm),
    };
    Ok(rc.map_or(Value::None, Value::Int))
}

/// `wait(p, timeout)`: the return code, or None if the timeout passed first.
fn wait(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let timeout = timeout_arg(args.pos().get(1));
    let rc = match proc(&args)? {
        Proc::Real(p) => {
            if p.block_until(vm, timeout, |p| p.try_status().is_some() && p.forwarded())? {
                p.try_status()
            } else {
                None
            }
        }
        Proc::Sim(p) => SimProc::wait(p, vm, timeout)?,
    };
    Ok(rc.map_or(Value::None, Value::Int))
}

/// `communicate(p, input, timeout)`: (stdout, stderr) once the child has ended and its
/// pipes are read (each None unless it was a PIPE); None if the timeout passed first.
fn communicate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let input = match args.pos().get(1) {
        Some(Value::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    };
    let timeout = timeout_arg(args.pos().get(2));
    let (out, err) = match proc(&args)? {
        Proc::Real(p) => {
            p.send_input(input);
            let ready = |p: &RealProc| p.try_status().is_some() && p.drained() && p.forwarded();
            if !p.block_until(vm, timeout, ready)? {
                return Ok(Value::None);
            }
            let take = |pump: &Option<Arc<Pump>>| {
                pump.as_ref()
                    .map(|pump| std::mem::take(&mut *pump.data.lock()))
            };
            (take(&p.out), take(&p.err))
        }
        Proc::Sim(p) => match SimProc::communicate(p, vm, input, timeout)? {
            Some(pair) => pair,
            None => return Ok(Value::None),
        },
    };
    Ok(Value::tuple(vec![bytes_or_none(out), bytes_or_none(err)]))
}

/// `partial_output(p)`: what the child wrote to its pipes so far (None where nothing came),
/// left for a later `communicate`: CPython's TimeoutExpired carries it, as bytes even in
/// text mode.
fn partial_output(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (out, err) = match proc(&args)? {
        Proc::Real(p) => {
            let so_far = |pump: &Option<Arc<Pump>>| {
                pump.as_ref()
                    .map(|pump| pump.data.lock().clone())
                    .filter(|data| !data.is_empty())
            };
            (so_far(&p.out), so_far(&p.err))
        }
        // A simulated program's output comes when it ends: nothing before.
        Proc::Sim(_) => (None, None),
    };
    Ok(Value::tuple(vec![bytes_or_none(out), bytes_or_none(err)]))
}

/// `read_pipe(p, stderr, line)`: from the child's stdout (or stderr) pipe, a line (up to
/// and including `\n`) or everything up to its end; blocks with the GIL released.
fn read_pipe(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("read_pipe", args, 3, 3)?;
    let from_err = matches!(a[1], Value::Bool(true));
    let line = matches!(a[2], Value::Bool(true));
    let data = match proc(&args)? {
        Proc::Real(p) => {
            let Some(pump) = (if from_err { &p.err } else { &p.out }) else {
                return Ok(Value::Bytes(Arc::new(Vec::new())));
            };
            let has_line = |pump: &Pump| line && pump.data.lock().contains(&b'\n');
            p.block_until(vm, None, |_| {
                pump.done.load(Ordering::Acquire) || has_line(pump)
            })?;
            let mut data = pump.data.lock();
            let n = match data.iter().position(|&b| b == b'\n') {
                Some(i) if line => i + 1,
                _ => data.len(),
            };
            data.drain(..n).collect()
        }
        Proc::Sim(p) => SimProc::read_pipe(p, vm, from_err, line)?,
    };
    Ok(Value::Bytes(Arc::new(data)))
}

/// `write_stdin(p, data)`: to the child's stdin pipe (a real run's only).
fn write_stdin(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Bytes(data)) = args.pos().get(1) else {
        return Err(type_error("expected bytes"));
    };
    match proc(&args)? {
        Proc::Real(p) => {
            let mut stdin = p.stdin.lock();
            let Some(pipe) = stdin.as_mut() else {
                return Err(crate::vm::pyerr::value_error("write to closed file"));
            };
            let mut op = Some(move || pipe.write_all(data));
            let done = vm.blocking_wait(
                WaitFor {
                    what: format!("the subprocess '{}' to read its input", p.name),
                    kind: WaitKind::Other,
                },
                Some(Duration::from_secs(365 * 24 * 3600)),
                |_| op.take().map(|mut f| f()),
            )?;
            if let Some(Err(e)) = done {
                return Err(from_io(&e, None));
            }
            Ok(Value::Int(data.len() as i64))
        }
        Proc::Sim(p) => p.lock().feed(data),
    }
}

fn close_stdin(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match proc(&args)? {
        Proc::Real(p) => drop(p.stdin.lock().take()),
        Proc::Sim(p) => p.lock().close_stdin(vm),
    }
    Ok(Value::None)
}

/// `terminate(p)`: sends the child SIGTERM (Lib/subprocess.py `Popen.terminate`), so a
/// program that does not catch it ends with return code -15. A simulated program ends as
/// a killed one does, with -15.
fn terminate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match proc(&args)? {
        Proc::Real(p) => {
            if p.try_status().is_none() {
                let pid = rustix::process::Pid::from_child(&p.child.lock());
                // A child that ended since is reaped by the next wait: ESRCH is no error,
                // as in CPython's send_signal.
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
        }
        Proc::Sim(p) => p.lock().signal(vm, 15),
    }
    Ok(Value::None)
}

/// `kill(p)`: ends the child at once (SIGKILL).
fn kill(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match proc(&args)? {
        Proc::Real(p) => {
            if p.try_status().is_none() {
                let _ = p.child.lock().kill();
            }
        }
        Proc::Sim(p) => p.lock().kill(vm),
    }
    Ok(Value::None)
}
