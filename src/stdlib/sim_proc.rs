//! The programs a simulated run may start: `echo`, `true`, `false`, `sleep N`, `cat`
//! (from its stdin) and `sys.executable` (another gilsim program, `sim_child.rs`), simulated
//! on the virtual clock so the run stays a pure function of its inputs. Starting one costs 1 ms of virtual time (about a fork and exec); `sleep N`
//! ends N seconds later. Waiting for one is a sleep with the GIL released. Output not
//! captured with PIPE reaches gilsim's stdout when the program learns the process ended
//! (poll, wait, communicate, run). Anything else is refused with NotImplementedError.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use parking_lot::Mutex;

use super::subprocess::{PIPE, STDOUT};
use crate::vm::context::Vm;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, value_error};

/// What starting a simulated program costs on the virtual clock.
const START: Duration = Duration::from_millis(1);

/// Waits `d` of virtual time with the GIL released, as waiting for the child `name`
/// (what traces and deadlock reports show).
fn wait_for(vm: &Vm, name: &str, d: Duration) -> PyResult<()> {
    vm.blocking_wait(
        crate::vm::eval::blocking::WaitFor {
            what: format!("the subprocess '{name}'"),
            kind: crate::runtime::thread::WaitKind::Other,
        },
        Some(d),
        |_| None::<()>,
    )?;
    Ok(())
}

/// Per-run process ids for simulated children.
#[derive(Default)]
struct Pids(AtomicI64);

/// A simulated child process.
pub struct SimProc {
    pub pid: i64,
    name: String,
    returncode: i64,
    /// When it ends on the virtual clock (once its stdin is closed, for `cat`).
    end: Duration,
    out: Vec<u8>,
    err: Vec<u8>,
    /// stdin, stdout, stderr: PIPE, STDOUT, DEVNULL or 0 (gilsim's own).
    modes: [i64; 3],
    /// `cat` copies its stdin; until that is closed it does not end.
    cat: bool,
    stdin_open: bool,
    /// Whether its output reached gilsim's streams (once it was seen to end).
    delivered: bool,
}

/// What a simulated program does: its exit status, output, how long it runs, and whether
/// it copies its stdin (`cat`).
struct Behaviour {
    returncode: i64,
    out: Vec<u8>,
    err: Vec<u8>,
    duration: Duration,
    cat: bool,
}

/// A program's stdout and stderr as `communicate` returns them (None: not piped).
pub type Captured = (Option<Vec<u8>>, Option<Vec<u8>>);

fn ends(returncode: i64, out: Vec<u8>, err: Vec<u8>, duration: Duration) -> Behaviour {
    Behaviour {
        returncode,
        out,
        err,
        duration,
        cat: false,
    }
}

/// The simulated program `argv` runs, or the refusal naming it.
fn behaviour(vm: &Vm, argv: &[String], pid: i64) -> PyResult<Behaviour> {
    let name = argv[0]
        .strip_prefix("/usr/bin/")
        .or_else(|| argv[0].strip_prefix("/bin/"))
        .unwrap_or(&argv[0]);
    let args = &argv[1..];
    let usage = |what: String| {
        let text = format!("sleep: {what}\nTry 'sleep --help' for more information.\n");
        Ok(ends(1, Vec::new(), text.into_bytes(), Duration::ZERO))
    };
    match name {
        "echo" => {
            let (newline, words) = match args.first().map(String::as_str) {
                Some("-n") => (false, &args[1..]),
                _ => (true, args),
            };
            let mut text = words.join(" ");
            if newline {
                text.push('\n');
            }
            Ok(ends(0, text.into_bytes(), Vec::new(), Duration::ZERO))
        }
        "true" => Ok(ends(0, Vec::new(), Vec::new(), Duration::ZERO)),
        "false" => Ok(ends(1, Vec::new(), Vec::new(), Duration::ZERO)),
        "sleep" => {
            if args.is_empty() {
                return usage("missing operand".into());
            }
            let mut total = 0.0;
            for a in args {
                match sleep_seconds(a) {
                    Some(s) => total += s,
                    None => return usage(format!("invalid time interval '{a}'")),
                }
            }
            let total = Duration::try_from_secs_f64(total).unwrap_or(Duration::from_secs(1 << 40));
            Ok(ends(0, Vec::new(), Vec::new(), total))
        }
        "cat" if args.iter().all(|a| a == "-") => Ok(Behaviour {
            cat: true,
            ..ends(0, Vec::new(), Vec::new(), Duration::ZERO)
        }),
        "gilsim" => {
            let child = super::sim_child::run(vm, args, pid)?;
            Ok(ends(child.returncode, child.out, child.err, child.duration))
        }
        _ => Err(crate::vm::pyerr::not_implemented_error(format!(
            "subprocess in a simulated run starts only echo, true, false, sleep, cat \
             (without file arguments) and sys.executable, simulated on the virtual clock, so that the run stays \
             a pure function of its inputs; run '{}' in a real run (without --sim, --seed, \
             --replay or explore)",
            argv[0]
        ))),
    }
}

/// GNU sleep's NUMBER[smhd].
fn sleep_seconds(arg: &str) -> Option<f64> {
    let (number, unit) = match arg.char_indices().last()? {
        (i, 's') => (&arg[..i], 1.0),
        (i, 'm') => (&arg[..i], 60.0),
        (i, 'h') => (&arg[..i], 3600.0),
        (i, 'd') => (&arg[..i], 86400.0),
        _ => (arg, 1.0),
    };
    let n: f64 = number.parse().ok()?;
    (n >= 0.0 && n.is_finite() && !number.starts_with('+')).then_some(n * unit)
}

fn now(vm: &Vm) -> Duration {
    vm.sched.now(&vm.caller())
}

impl SimProc {
    pub fn start(vm: &Vm, argv: &[String], modes: [i64; 3]) -> PyResult<SimProc> {
        let pids = vm.interp.runtime.module_state::<Pids>();
        let pid = 4000 + pids.0.fetch_add(1, Ordering::Relaxed);
        let Behaviour {
            returncode,
            out,
            err,
            duration,
            cat,
        } = behaviour(vm, argv, pid)?;
        Ok(SimProc {
            pid,
            name: argv[0].clone(),
            returncode,
            end: now(vm) + START + duration,
            out,
            err,
            modes,
            cat,
            // A cat whose stdin is not a pipe reads an empty one (a simulated run has no
            // terminal to read).
            stdin_open: cat && modes[0] == PIPE,
            delivered: false,
        })
    }

    /// Once ended: its output not captured goes to gilsim's streams (once).
    fn finish(&mut self, vm: &Vm) -> i64 {
        if !self.delivered {
            self.delivered = true;
            if self.modes[2] == STDOUT {
                let err = std::mem::take(&mut self.err);
                self.out.extend_from_slice(&err);
            }
            let rt = &vm.interp.runtime;
            if self.modes[1] == 0 {
                rt.stdout.write_str(&String::from_utf8_lossy(&self.out));
            }
            if self.modes[2] == 0 {
                rt.stdout.flush();
                rt.stderr.write_str(&String::from_utf8_lossy(&self.err));
            }
            for (mode, data) in [
                (self.modes[1], &mut self.out),
                (self.modes[2], &mut self.err),
            ] {
                if mode != PIPE {
                    data.clear();
                }
            }
        }
        self.returncode
    }

    pub fn poll(&mut self, vm: &Vm) -> Option<i64> {
        (!self.stdin_open && now(vm) >= self.end).then(|| self.finish(vm))
    }

    /// Sleeps on the virtual clock (GIL released) until it ends or `timeout` passes (None).
    pub fn wait(p: &Mutex<SimProc>, vm: &Vm, timeout: Option<Duration>) -> PyResult<Option<i64>> {
        let (open, end, name) = {
            let p = p.lock();
            (p.stdin_open, p.end, p.name.clone())
        };
        if open {
            // A cat waiting for input nobody sends: it never ends.
            let waited = vm.blocking_wait(
                crate::vm::eval::blocking::WaitFor {
                    what: format!("the subprocess '{name}', which waits for its input"),
                    kind: crate::runtime::thread::WaitKind::Other,
                },
                timeout,
                |_| (!p.lock().stdin_open).then_some(()),
            )?;
            if waited.is_none() {
                return Ok(None);
            }
            return Self::wait(p, vm, None);
        }
        let remaining = end.saturating_sub(now(vm));
        match timeout {
            Some(t) if t < remaining => {
                wait_for(vm, &name, t)?;
                Ok(None)
            }
            _ => {
                if !remaining.is_zero() {
                    wait_for(vm, &name, remaining)?;
                }
                Ok(Some(p.lock().finish(vm)))
            }
        }
    }

    /// (stdout, stderr) once it ended, each None unless piped; None if `timeout` passed.
    pub fn communicate(
        p: &Mutex<SimProc>,
        vm: &Vm,
        input: Option<Vec<u8>>,
        timeout: Option<Duration>,
    ) -> PyResult<Option<Captured>> {
        {
            let mut p = p.lock();
            if let Some(data) = input
                && p.stdin_open
            {
                p.stdin_data(&data);
            }
            p.close_stdin_at(now(vm));
        }
        if Self::wait(p, vm, timeout)?.is_none() {
            return Ok(None);
        }
        let mut p = p.lock();
        let modes = p.modes;
        let take = |mode: i64, data: &mut Vec<u8>| (mode == PIPE).then(|| std::mem::take(data));
        let out = take(modes[1], &mut p.out);
        let err = take(modes[2], &mut p.err);
        Ok(Some((out, err)))
    }

    /// A line (or the rest) of its stdout or stderr pipe, once it ended.
    pub fn read_pipe(p: &Mutex<SimProc>, vm: &Vm, from_err: bool, line: bool) -> PyResult<Vec<u8>> {
        Self::wait(p, vm, None)?;
        let mut p = p.lock();
        let data = if from_err { &mut p.err } else { &mut p.out };
        let n = match data.iter().position(|&b| b == b'\n') {
            Some(i) if line => i + 1,
            _ => data.len(),
        };
        Ok(data.drain(..n).collect())
    }

    fn stdin_data(&mut self, data: &[u8]) {
        if self.cat {
            self.out.extend_from_slice(data);
        }
    }

    pub fn feed(&mut self, data: &[u8]) -> PyResult<Value> {
        if self.modes[0] != PIPE || (!self.stdin_open && self.cat) {
            return Err(value_error("write to closed file"));
        }
        self.stdin_data(data);
        Ok(Value::Int(data.len() as i64))
    }

    fn close_stdin_at(&mut self, at: Duration) {
        if self.stdin_open {
            self.stdin_open = false;
            self.end = self.end.max(at);
        }
    }

    /// `p.stdin.close()`: a cat ends once its input does.
    pub fn close_stdin(&mut self, vm: &Vm) {
        self.close_stdin_at(now(vm));
    }

    /// SIGKILL: it ends now with -9, its output so far dropped.
    pub fn kill(&mut self, vm: &Vm) {
        self.signal(vm, 9);
    }

    /// A signal the simulated programs do not catch (SIGKILL, SIGTERM): it ends now with
    /// `-sig`, its output so far dropped.
    pub fn signal(&mut self, vm: &Vm, sig: i64) {
        if self.delivered {
            return;
        }
        let t = now(vm);
        if self.stdin_open || t < self.end {
            self.stdin_open = false;
            self.end = t;
            self.returncode = -sig;
            self.out.clear();
            self.err.clear();
        }
    }
}
