//! The standard library as one table (`MODULES`): each module gilsim knows is native (Rust),
//! written in Python (shipped as frozen bytecode, see `frozen`), or known to be missing —
//! importing it names what is not supported yet.

pub mod counter;
pub mod deque;
mod deque_args;
pub mod fileio;
pub mod files;
pub mod frozen;
pub mod gilsim_info;
pub mod interp;
pub mod iterator_types;
pub mod json_encode;
pub mod json_scan;
pub(crate) mod left_out;
mod left_out_table;
pub mod math;
pub mod mp;
pub mod osfs;
pub mod random;
pub mod random_mt;
pub mod re;
pub mod re_translate;
pub mod sim_child;
pub mod sim_proc;
pub mod subprocess;
pub mod sys;
pub mod sys_gil;
pub mod thread;
pub mod time;
pub mod time_calendar;
pub mod time_strftime;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use crate::runtime::PyVersion;
use crate::vm::context::Vm;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::NativeFn;
use crate::vm::objects::module::Module;

/// How gilsim provides a standard module.
pub enum Provider {
    /// Written in Rust: builds the module for a run.
    Native(fn(&Vm) -> Arc<Module>),
    /// Written in Python (`src/stdlib/py/`), shipped as frozen bytecode (see `frozen`).
    Python(&'static str),
    /// A module CPython has and gilsim does not provide yet: importing it raises
    /// NotImplementedError naming it, instead of a misleading ModuleNotFoundError.
    Unsupported,
}

use Provider::{Native, Python, Unsupported};

/// Every standard module gilsim knows, one entry each. The frozen archive stores the
/// Python ones in this order.
pub static MODULES: &[(&str, Provider)] = &[
    ("sys", Native(sys::create)),
    ("builtins", Native(builtins_module)),
    ("time", Native(time::create)),
    ("math", Native(math::create)),
    ("random", Native(random::create)),
    ("_thread", Native(thread::create)),
    ("_gilsim", Native(gilsim_info::create)),
    ("_xxsubinterpreters", Native(interp::xxsub::create)),
    ("_xxinterpchannels", Native(interp::channels::create)),
    ("threading", Python(include_str!("py/threading.py"))),
    ("queue", Python(include_str!("py/queue.py"))),
    (
        "concurrent",
        Python("\"\"\"The concurrent package (gilsim provides concurrent.futures).\"\"\"\n"),
    ),
    (
        "concurrent.futures",
        Python(include_str!("py/concurrent_futures.py")),
    ),
    ("requests", Python(include_str!("py/requests.py"))),
    ("aiohttp", Python(include_str!("py/aiohttp.py"))),
    ("types", Python(include_str!("py/types.py"))),
    ("__future__", Python(include_str!("py/__future__.py"))),
    ("inspect", Python(include_str!("py/inspect.py"))),
    ("_interpreters", Native(interp::interpreters::create)),
    ("_interpqueues", Native(interp::queues::create)),
    (
        "concurrent.interpreters",
        Python(include_str!("py/concurrent_interpreters.py")),
    ),
    (
        "concurrent.futures.interpreter",
        Python(include_str!("py/concurrent_futures_interpreter.py")),
    ),
    ("_gilsim_process", Native(mp::create)),
    (
        "multiprocessing",
        Python(include_str!("py/multiprocessing.py")),
    ),
    (
        "multiprocessing.sharedctypes",
        Python(include_str!("py/multiprocessing_sharedctypes.py")),
    ),
    (
        "multiprocessing.synchronize",
        Python(include_str!("py/multiprocessing_synchronize.py")),
    ),
    (
        "multiprocessing.managers",
        Python(include_str!("py/multiprocessing_managers.py")),
    ),
    (
        "multiprocessing.pool",
        Python(include_str!("py/multiprocessing_pool.py")),
    ),
    (
        "multiprocessing.connection",
        Python(include_str!("py/multiprocessing_connection.py")),
    ),
    (
        "concurrent.futures.process",
        Python(include_str!("py/concurrent_futures_process.py")),
    ),
    ("asyncio", Python(include_str!("py/asyncio.py"))),
    (
        "asyncio.futures",
        Python(include_str!("py/asyncio_futures.py")),
    ),
    (
        "asyncio.events",
        Python(include_str!("py/asyncio_events.py")),
    ),
    ("asyncio.tasks", Python(include_str!("py/asyncio_tasks.py"))),
    (
        "asyncio.runners",
        Python(include_str!("py/asyncio_runners.py")),
    ),
    ("asyncio.locks", Python(include_str!("py/asyncio_locks.py"))),
    (
        "asyncio.queues",
        Python(include_str!("py/asyncio_queues.py")),
    ),
    ("subprocess", Python(include_str!("py/subprocess.py"))),
    ("_gilsim_subprocess", Native(subprocess::create)),
    ("os", Python(include_str!("py/os.py"))),
    ("posixpath", Python(include_str!("py/posixpath.py"))),
    ("_gilsim_os", Native(osfs::create)),
    ("socket", Unsupported),
    ("collections", Python(include_str!("py/collections.py"))),
    ("functools", Python(include_str!("py/functools.py"))),
    ("itertools", Python(include_str!("py/itertools.py"))),
    ("typing", Python(include_str!("py/typing.py"))),
    ("dataclasses", Python(include_str!("py/dataclasses.py"))),
    ("re", Python(include_str!("py/re.py"))),
    ("_gilsim_re", Native(re::create)),
    ("json", Python(include_str!("py/json.py"))),
    ("_gilsim_json", Native(json_scan::create)),
    ("textwrap", Python(include_str!("py/textwrap.py"))),
    ("logging", Python(include_str!("py/logging.py"))),
    (
        "_logging_format",
        Python(include_str!("py/_logging_format.py")),
    ),
    (
        "_logging_adapter",
        Python(include_str!("py/_logging_adapter.py")),
    ),
    ("logging.handlers", Unsupported),
    ("logging.config", Unsupported),
    ("string", Python(include_str!("py/string.py"))),
    ("copy", Python(include_str!("py/copy.py"))),
    ("operator", Python(include_str!("py/operator.py"))),
    ("statistics", Python(include_str!("py/statistics.py"))),
    ("decimal", Unsupported),
    ("fractions", Python(include_str!("py/fractions.py"))),
    ("datetime", Python(include_str!("py/datetime.py"))),
    (
        "_datetime_core",
        Python(include_str!("py/_datetime_core.py")),
    ),
    ("io", Python(include_str!("py/io.py"))),
    ("_gilsim_io", Native(fileio::create)),
    ("_gilsim_stub", Python(include_str!("py/_gilsim_stub.py"))),
    (
        "_gilsim_builtins",
        Python(include_str!("py/_gilsim_builtins.py")),
    ),
    ("_collections", Native(deque::create)),
    (
        "_collections_namedtuple",
        Python(include_str!("py/_collections_namedtuple.py")),
    ),
    (
        "collections.abc",
        Python(include_str!("py/collections_abc.py")),
    ),
    ("abc", Python(include_str!("py/abc.py"))),
    ("heapq", Python(include_str!("py/heapq.py"))),
    ("bisect", Python(include_str!("py/bisect.py"))),
    ("contextlib", Python(include_str!("py/contextlib.py"))),
    ("traceback", Python(include_str!("py/traceback.py"))),
    ("atexit", Python(include_str!("py/atexit.py"))),
    ("enum", Python(include_str!("py/enum.py"))),
    ("dis", Python(include_str!("py/dis.py"))),
    ("timeit", Python(include_str!("py/timeit.py"))),
    ("pprint", Python(include_str!("py/pprint.py"))),
];

/// How gilsim provides the standard module `name`, if it knows one.
pub fn provider(name: &str) -> Option<&'static Provider> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, p)| p)
}

/// The modules that only some CPython versions have: (name, first version, last version).
static VERSIONED: &[(&str, PyVersion, Option<PyVersion>)] = &[
    (
        "_xxsubinterpreters",
        PyVersion(3, 8),
        Some(PyVersion(3, 12)),
    ),
    (
        "_xxinterpchannels",
        PyVersion(3, 12),
        Some(PyVersion(3, 12)),
    ),
    ("_interpreters", PyVersion(3, 13), None),
    ("_interpqueues", PyVersion(3, 13), None),
    ("concurrent.interpreters", PyVersion(3, 14), None),
    ("concurrent.futures.interpreter", PyVersion(3, 14), None),
];

/// Names a module provides from another module, loaded on first use (CPython's
/// module-level `__getattr__`, PEP 562): (module, name, the module that defines it).
static LAZY_NAMES: &[(&str, &str, &str)] = &[
    (
        "concurrent.futures",
        "InterpreterPoolExecutor",
        "concurrent.futures.interpreter",
    ),
    // Half of `import collections` was loading namedtuple's module (issue 16's target:
    // collections, functools, itertools and dataclasses add at most 2 ms to start-up).
    ("collections", "namedtuple", "_collections_namedtuple"),
];

/// The module that defines `module.name` when `module` loads it lazily, and the CPython the
/// run imitates has it.
pub fn lazy_name_provider(
    module: &str,
    name: &str,
    like: Option<PyVersion>,
) -> Option<&'static str> {
    LAZY_NAMES
        .iter()
        .find(|(m, n, _)| *m == module && *n == name)
        .map(|(_, _, provider)| *provider)
        .filter(|provider| exists_in(provider, like))
}

/// The names `module` loads on first use that the imitated CPython has (`dir()` lists them,
/// as CPython's `collections` has `namedtuple` in its namespace from the start).
pub fn lazy_names_of(module: &str, like: Option<PyVersion>) -> Vec<&'static str> {
    LAZY_NAMES
        .iter()
        .filter(|(m, _, provider)| *m == module && exists_in(provider, like))
        .map(|(_, name, _)| *name)
        .collect()
}

/// Whether the CPython a run imitates has module `name`: with no `--like`, every version's
/// modules exist side by side (a 3.12 lecture script and a 3.14 exercise both run).
pub fn exists_in(name: &str, like: Option<PyVersion>) -> bool {
    let Some(version) = like else { return true };
    VERSIONED
        .iter()
        .find(|(n, _, _)| *n == name)
        .is_none_or(|(_, first, last)| version >= *first && last.is_none_or(|l| version <= l))
}

/// The Python-written modules: (name, source), in table order (what the archive holds).
#[cfg(test)]
pub fn python_modules() -> impl Iterator<Item = (&'static str, &'static str)> {
    MODULES.iter().filter_map(|(name, p)| match p {
        Python(source) => Some((*name, *source)),
        _ => None,
    })
}

/// Data attributes of the standard library's native objects (`ChannelID.send` ...).
pub fn native_attribute(
    n: &crate::vm::objects::native::NativeObject,
    name: &str,
) -> Option<crate::vm::objects::value::Value> {
    interp::channels::attribute(n, name).or_else(|| deque::attribute(n, name))
}

/// `import builtins`: the interpreter's own builtins namespace as a module, so that
/// `builtins.print = ...` changes what every module calls.
fn builtins_module(vm: &Vm) -> Arc<Module> {
    let dict = vm.interp.builtins.clone();
    if dict.get_str("__name__").is_none() {
        dict.set_str(
            "__name__",
            crate::vm::objects::value::Value::str("builtins"),
        );
    }
    Arc::new(Module {
        name: "builtins".into(),
        dict,
    })
}

/// A module with the given native functions. The functions are immutable and shared by
/// every interpreter, so the namespace is built once per process and each run's module
/// starts as a copy of it (the explorer creates `sys`, `time` and `_thread` for every
/// schedule; building them afresh was some 30,000 instructions and 190 allocations each
/// time). `functions` must be the same on every call for one `name`, as each module's
/// `create` passes a fixed table.
pub fn native_module(name: &str, functions: &[(&str, NativeFn)]) -> Arc<Module> {
    static TEMPLATES: LazyLock<Mutex<HashMap<String, Arc<Dict>>>> = LazyLock::new(Default::default);
    let template = TEMPLATES
        .lock()
        .entry(name.to_string())
        .or_insert_with(|| {
            let m = Module::new(name);
            for (fname, f) in functions {
                m.set(fname, crate::vm::builtins::native(fname, *f));
            }
            m.dict
        })
        .clone();
    let dict = Arc::new(Dict::new());
    dict.fill_from(&template);
    Arc::new(Module::with_dict(name, dict))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_module_has_one_entry() {
        let mut names: Vec<&str> = super::MODULES.iter().map(|(n, _)| *n).collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "a module is listed twice");
        assert!(super::python_modules().any(|(n, _)| n == "threading"));
    }
}
