//! Interpreter teardown: empties every container reachable from a finished run's modules so
//! the reference cycles Python code always makes are freed, not leaked.
//!
//! gilsim's objects are reference counted and it has no cycle collector, and every module
//! is a cycle: its functions point at its globals, which hold the functions, and
//! `sys.modules` holds `sys`, whose namespace holds `sys.modules`. A `gilsim run` process
//! exits right after its run, so that never mattered; but `gilsim explore` runs thousands
//! of interpreters in one process, and each leaked its whole heap (about 70 KB per schedule
//! of a `threading` program: 645 MB after the 9,215 schedules of the bank exercise, and the
//! fresh memory every schedule had to fault in was a fifth of the explorer's time).
//!
//! Like CPython's `finalize_modules` (Python/pylifecycle.c), which clears module
//! namespaces at shutdown, this walks from the roots (`sys.modules`, `builtins`) and
//! empties what it meets: dicts, lists, sets, cells, user classes' and instances'
//! namespaces, suspended generators' frames. The contents then drop in the usual way.
//! It runs after every thread of the run has ended, so no Python code sees the emptied
//! objects. Objects shared by every interpreter in the process (builtin classes, native
//! functions, code objects and their constants) are immutable and never touched.
//! A cycle that nothing reachable from the roots points at any more (garbage a cycle
//! collector would find) is still leaked.

use std::sync::Arc;

use crate::runtime::interpreter::Interpreter;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::value::Value;

/// Empties everything reachable from the interpreter's roots. Call it once the run is over.
pub fn break_cycles(interp: &Interpreter) {
    let mut walk = Walk::default();
    walk.take_dict(&interp.modules);
    walk.take_dict(&interp.builtins);
    while let Some(value) = walk.pending.pop() {
        walk.visit(value);
    }
}

#[derive(Default)]
struct Walk {
    pending: Vec<Value>,
    /// Immutable or shared nodes already walked (their address): a cycle through a tuple
    /// or a function must not loop forever.
    seen: hashbrown::HashSet<usize>,
}

impl Walk {
    fn first_visit<T>(&mut self, node: &Arc<T>) -> bool {
        self.seen.insert(Arc::as_ptr(node) as *const () as usize)
    }

    /// The dict's items move to the walk; the dict is left empty.
    fn take_dict(&mut self, dict: &Dict) {
        dict.drain(|v| self.keep(v));
    }

    /// Values that can reference other objects wait in `pending`; the rest drop here, so a
    /// million-int list is freed at once instead of being copied onto the walk first.
    fn keep(&mut self, value: Value) {
        if holds_references(&value) {
            self.pending.push(value);
        }
    }

    fn keep_all(&mut self, values: impl IntoIterator<Item = Value>) {
        values.into_iter().for_each(|v| self.keep(v));
    }

    fn visit(&mut self, value: Value) {
        match value {
            Value::Dict(d) => self.take_dict(&d),
            Value::List(l) => {
                let items = std::mem::take(&mut *l.items.write());
                self.keep_all(items);
            }
            Value::Set(s) => {
                self.keep_all(s.values());
                s.clear();
            }
            Value::Cell(c) => {
                let content = std::mem::take(&mut *c.value.lock());
                self.keep(content);
            }
            Value::Tuple(t) if self.first_visit(&t) => self.keep_all(t.items.iter().cloned()),
            Value::FrozenSet(s) if self.first_visit(&s) => self.keep_all(s.values()),
            Value::Method(m) if self.first_visit(&m) => {
                self.keep_all([m.func.clone(), m.receiver.clone()]);
            }
            Value::Function(f) if self.first_visit(&f) => self.visit_function(&f),
            Value::Class(c) if !c.is_builtin && self.first_visit(&c) => {
                self.take_dict(&c.dict);
                let related = c.bases.iter().chain(&c.mro).chain(&c.builtin_base);
                self.pending
                    .extend(related.map(|b| Value::Class(b.clone())));
            }
            Value::Instance(i) if self.first_visit(&i) => self.visit_instance(&i),
            Value::Module(m) if self.first_visit(&m) => self.take_dict(&m.dict),
            Value::Generator(g) => {
                if let Some(frame) = g.take_suspended_frame() {
                    self.visit_frame(*frame);
                }
            }
            // Scalars, strings, code, native functions and objects, iterators: no Python
            // references that can close a cycle, or none gilsim can reach.
            _ => {}
        }
    }

    fn visit_function(&mut self, f: &crate::vm::objects::function::Function) {
        self.take_dict(&f.globals);
        self.keep_all(f.defaults.iter().cloned());
        self.keep(f.module.clone());
        let dicts = [&f.kwdefaults, &f.annotations, &*f.dict.lock()];
        for dict in dicts.into_iter().flatten() {
            self.take_dict(dict);
        }
        self.pending
            .extend(f.closure.iter().map(|c| Value::Cell(c.clone())));
    }

    fn visit_instance(&mut self, i: &crate::vm::objects::class::Instance) {
        self.take_dict(&i.dict);
        self.pending.push(Value::Class(i.class.clone()));
        self.keep_all(i.base.clone());
        if let Some(exc) = i.exc_data() {
            let mut exc = exc.lock();
            let args = std::mem::take(&mut exc.args);
            let linked = [exc.cause.take(), exc.context.take()];
            drop(exc);
            self.keep_all(args);
            self.keep_all(linked.into_iter().flatten());
        }
    }

    fn visit_frame(&mut self, frame: crate::vm::eval::frame::Frame) {
        self.keep_all(frame.slots);
        self.pending
            .extend(frame.cells.into_iter().map(Value::Cell));
        self.pending.extend(frame.locals.map(Value::Dict));
        self.pending.push(Value::Function(frame.func));
    }
}

/// Whether `value` can lead to other objects (and so into a cycle).
fn holds_references(value: &Value) -> bool {
    !matches!(
        value,
        Value::Null
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Code(_)
            | Value::Builtin(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Interpreter, RunOptions, Runtime};
    use crate::vm::context::Vm;
    use std::sync::Weak;

    /// Runs `source` as `__main__` on this thread; returns the interpreter and a weak
    /// reference to every module's namespace and to each named global of `__main__`.
    fn run(source: &str, globals: &[&str]) -> (Arc<Interpreter>, Vec<Weak<Dict>>, Vec<Value>) {
        let runtime = Runtime::new(RunOptions {
            capture: true,
            ..RunOptions::default()
        });
        let interp = Interpreter::main(runtime.clone());
        let thread = interp.new_thread("MainThread");
        runtime.sched.add_first_thread(&thread, &interp.gil);
        {
            let vm = Vm::new(interp.clone(), thread, 8 << 20);
            let prepared = crate::drive::Prepared::new(source, "<teardown test>");
            assert_eq!(crate::drive::execute_prepared(&vm, &prepared), 0);
        }
        let mut namespaces = Vec::new();
        for (_, module) in interp.modules.items() {
            if let Value::Module(m) = module {
                namespaces.push(Arc::downgrade(&m.dict));
            }
        }
        let main = match interp.modules.get_str("__main__") {
            Some(Value::Module(m)) => m,
            _ => panic!("no __main__"),
        };
        let named = globals
            .iter()
            .map(|name| main.dict.get_str(name).expect("global defined"))
            .collect();
        (interp, namespaces, named)
    }

    /// Whether the object is still alive, asked later.
    fn alive<T: Send + Sync + 'static>(object: &Arc<T>) -> Box<dyn Fn() -> bool> {
        let weak = Arc::downgrade(object);
        Box::new(move || weak.upgrade().is_some())
    }

    #[test]
    fn a_finished_run_frees_its_cycles() {
        let source = "
import threading
class Base:
    def __init__(self):
        self.me = self
class Child(Base):
    def __init__(self):
        super().__init__()          # a __class__ cell: Child -> method -> cell -> Child
        self.bound = self.method
    def method(self):
        return 1
def outer():
    def again(n):
        return again(n - 1) if n else 0   # a closure that refers to itself
    return again
def gen():
    me = yield 1
    yield me
g = gen()
next(g)
items = [1]
items.append(items)
child = Child()
recursive = outer()
lock = threading.Lock()
try:
    raise ValueError(child)
except ValueError as e:
    caught = e
";
        let (interp, namespaces, named) = run(
            source,
            &["Child", "child", "recursive", "g", "items", "caught"],
        );
        let weak: Vec<Box<dyn Fn() -> bool>> = named
            .iter()
            .map(|v| match v {
                Value::Class(c) => alive(c),
                Value::Instance(i) => alive(i),
                Value::Function(f) => alive(f),
                Value::Generator(g) => alive(g),
                Value::List(l) => alive(l),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        drop(named);
        assert!(namespaces.len() >= 3, "__main__, sys, threading at least");
        break_cycles(&interp);
        drop(interp);
        for (n, alive) in weak.iter().enumerate() {
            assert!(!alive(), "global {n} of __main__ outlived its run");
        }
        for ns in &namespaces {
            assert!(
                ns.upgrade().is_none(),
                "a module namespace outlived its run"
            );
        }
    }
}
