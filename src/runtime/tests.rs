//! Several interpreters in one run, real and simulated, each with its own GIL or sharing
//! one: the shape the scheduler and the GIL are built for, exercised below any Python API
//! for subinterpreters.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::sched::SimOptions;
use super::{Interpreter, InterpreterConfig, RunOptions, Runtime, ThreadState};
use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::eval::frame::Frame;

/// A CPU-bound loop, as a lecture writes it.
const COUNT: &str = "def count(n):\n    while n > 0:\n        n -= 1\ncount(20000)\n";

/// One interpreter's thread: the interpreter and its registered thread state.
struct Worker {
    interp: Arc<Interpreter>,
    thread: Arc<ThreadState>,
}

/// A run with two interpreters, the second with its own GIL or sharing the first's, and a
/// thread in each, both known to the scheduler from the start.
fn two_interpreters(sim: Option<SimOptions>, shared_gil: bool) -> (Arc<Runtime>, [Worker; 2]) {
    let runtime = Runtime::new(RunOptions {
        capture: true,
        sim,
        ..RunOptions::default()
    });
    let main = Interpreter::main(runtime.clone());
    let gil = shared_gil.then(|| main.gil.clone());
    let sub = Interpreter::new(runtime.clone(), InterpreterConfig::default(), gil);
    let workers = [main, sub].map(|interp| {
        let thread = interp.new_thread("worker");
        runtime.sched.add_first_thread(&thread, &interp.gil);
        Worker { interp, thread }
    });
    (runtime, workers)
}

/// Runs `COUNT` in each worker's interpreter on its own OS thread; `while_holding` runs on
/// each once it holds its GIL, before the Python code.
fn run_both(workers: [Worker; 2], while_holding: impl Fn(usize) + Send + Sync + 'static) {
    let while_holding = Arc::new(while_holding);
    let handles: Vec<_> = workers
        .into_iter()
        .enumerate()
        .map(|(n, w)| {
            let while_holding = while_holding.clone();
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || {
                    let vm = Vm::new(w.interp.clone(), w.thread.clone(), 64 << 20);
                    crate::vm::builtins::install_builtins(&vm, &vm.interp.builtins);
                    let sched = &vm.interp.runtime.sched;
                    assert!(sched.begin_first_thread(&vm.caller()));
                    while_holding(n);
                    let code = crate::compiler::compile_module(COUNT, "<count>")
                        .unwrap_or_else(|_| panic!("COUNT compiles"));
                    let globals = Arc::new(crate::vm::objects::dict::Dict::new());
                    let mut frame = Frame::new(code, globals, None);
                    assert!(vm.run_frame(&mut frame, Resume::Start).is_ok());
                    drop(frame);
                    w.thread.mark_finished();
                    assert!(sched.end_thread(&vm.caller()).is_ok());
                })
                .unwrap_or_else(|e| panic!("cannot start a test thread: {e}"))
        })
        .collect();
    for h in handles {
        assert!(h.join().is_ok(), "a worker panicked");
    }
}

/// Virtual time of a simulated run of the two loops on two virtual cores.
fn simulated_time(shared_gil: bool) -> Duration {
    let sim = SimOptions {
        seed: 1,
        cores: 2,
        ..SimOptions::default()
    };
    let (runtime, workers) = two_interpreters(Some(sim), shared_gil);
    run_both(workers, |_| {});
    let sim = runtime.sched.simulated().expect("a simulated run");
    sim.totals().0
}

#[test]
fn simulated_interpreters_with_their_own_gils_run_in_parallel() {
    let own = simulated_time(false);
    let shared = simulated_time(true);
    let ratio = shared.as_secs_f64() / own.as_secs_f64();
    assert!(
        (1.8..=2.2).contains(&ratio),
        "own GILs {own:?}, one shared GIL {shared:?}: ratio {ratio}"
    );
    assert_eq!(simulated_time(false), own, "the same seed, the same run");
}

/// Whether both threads held their GILs at the same moment, in real mode.
fn held_together(shared_gil: bool, patience: Duration) -> bool {
    let (_runtime, workers) = two_interpreters(None, shared_gil);
    let holding = Arc::new([AtomicBool::new(false), AtomicBool::new(false)]);
    let met = Arc::new(AtomicBool::new(false));
    let (h, m) = (holding.clone(), met.clone());
    run_both(workers, move |n| {
        h[n].store(true, Ordering::SeqCst);
        let start = Instant::now();
        while start.elapsed() < patience && !m.load(Ordering::SeqCst) {
            if h[1 - n].load(Ordering::SeqCst) {
                m.store(true, Ordering::SeqCst);
            }
            std::hint::spin_loop();
        }
        h[n].store(false, Ordering::SeqCst);
    });
    met.load(Ordering::SeqCst)
}

#[test]
fn real_interpreters_with_their_own_gils_hold_them_at_once_and_a_shared_one_never() {
    assert!(held_together(false, Duration::from_secs(20)));
    assert!(!held_together(true, Duration::from_millis(200)));
}
