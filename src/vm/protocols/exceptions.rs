//! Exception semantics: raising objects, `except` matching, exception attributes, and the
//! traceback text printed for an uncaught exception (Python/pythonrun.c `print_exception`).

use std::fmt::Write as _;
use std::sync::Arc;

use crate::runtime::PyVersion;
use crate::vm::context::Vm;
use crate::vm::objects::class::Instance;
use crate::vm::objects::types::{class_of, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, type_error};

/// A traceback object over the entries of a raised exception, starting at `index`.
pub struct TracebackObj {
    entries: Vec<crate::vm::pyerr::TracebackEntry>,
    index: usize,
}

static TRACEBACK_CLASS: std::sync::LazyLock<Arc<crate::vm::objects::class::Class>> =
    std::sync::LazyLock::new(|| {
        let c = Arc::new(crate::vm::objects::class::Class::new_builtin(
            "traceback",
            "builtins",
            vec![types().object.clone()],
            crate::vm::objects::class::Layout::Builtin,
        ));
        c.dict.set_str(
            "__getattr__",
            crate::vm::builtins::method("traceback", "__getattr__", traceback_getattr),
        );
        c
    });

pub fn traceback_object(entries: &[crate::vm::pyerr::TracebackEntry], index: usize) -> Value {
    if index >= entries.len() {
        return Value::None;
    }
    Value::Native(Arc::new(crate::vm::objects::native::NativeObject::new(
        TRACEBACK_CLASS.clone(),
        TracebackObj {
            entries: entries.to_vec(),
            index,
        },
    )))
}

fn traceback_getattr(_vm: &Vm, args: crate::vm::objects::function::Args<'_>) -> PyResult<Value> {
    let tb = match args.args.first() {
        Some(Value::Native(n)) => n.downcast::<TracebackObj>(),
        _ => None,
    };
    let (Some(tb), Some(name)) = (tb, args.args.get(1).and_then(Value::as_str)) else {
        return Err(type_error("expected a traceback"));
    };
    let entry = &tb.entries[tb.index];
    match name {
        "tb_lineno" => Ok(Value::Int(i64::from(entry.line))),
        "tb_next" => Ok(traceback_object(&tb.entries, tb.index + 1)),
        "tb_frame" => Ok(Value::None),
        _ => Err(crate::vm::pyerr::attribute_error(format!(
            "'traceback' object has no attribute '{name}'"
        ))),
    }
}

/// Attributes every exception has (`args`, `__cause__`, `StopIteration.value`, ...).
pub fn exception_attribute(inst: &Instance, name: &str) -> Option<Value> {
    let data = inst.exc_data()?.lock();
    let first = || data.args.first().cloned().unwrap_or(Value::None);
    Some(match name {
        "args" => Value::tuple(data.args.clone()),
        "__cause__" => data.cause.clone().unwrap_or(Value::None),
        "__context__" => data.context.clone().unwrap_or(Value::None),
        "__suppress_context__" => Value::Bool(data.suppress_context),
        "__traceback__" => traceback_object(&data.traceback_outermost_first(), 0),
        "value" if inst.class.is_subclass(&types().exc.stop_iteration) => first(),
        "message" if data.group.is_some() => first(),
        "exceptions" => Value::tuple(data.group.clone()?),
        "code" if inst.class.is_subclass(&types().exc.system_exit) => match data.args.len() {
            0 => Value::None,
            1 => first(),
            _ => Value::tuple(data.args.clone()),
        },
        _ => {
            return super::os_errors::default_attribute(inst, name)
                .or_else(|| super::syntax_errors::default_attribute(inst, name));
        }
    })
}

/// Assignment to an exception attribute with special storage; false if not special.
pub fn set_exception_attribute(inst: &Instance, name: &str, value: &Value) -> bool {
    let Some(data) = inst.exc_data() else {
        return false;
    };
    let mut data = data.lock();
    match name {
        "args" => {
            data.args = match value {
                Value::Tuple(t) => t.items.to_vec(),
                other => vec![other.clone()],
            };
        }
        "__cause__" => {
            data.cause = (!value.is_none()).then(|| value.clone());
            data.suppress_context = true;
        }
        "__context__" => data.context = (!value.is_none()).then(|| value.clone()),
        "__suppress_context__" => data.suppress_context = matches!(value, Value::Bool(true)),
        "__traceback__" => {}
        _ => return false,
    }
    true
}

impl Vm {
    /// The exception to raise for `raise v`: an instance, or a class called with no arguments.
    pub fn make_exception(&self, v: Value) -> PyResult<PyErr> {
        match v {
            Value::Instance(i) if i.is_exception() => Ok(PyErr::new(i)),
            Value::Class(c) if c.is_exception_class() => match self.call(&Value::Class(c), &[])? {
                Value::Instance(i) if i.is_exception() => Ok(PyErr::new(i)),
                _ => Err(type_error("exceptions must derive from BaseException")),
            },
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    /// `except typ:` — typ is a class or a tuple of classes.
    pub fn exception_matches(&self, exc: &Value, typ: &Value) -> PyResult<bool> {
        let class = class_of(exc);
        match typ {
            Value::Class(c) if c.is_exception_class() => Ok(class.is_subclass(c)),
            Value::Tuple(t) => {
                for item in t.items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `str(exc)`: "" for no args, str(arg) for one, str(args) for several; KeyError uses repr.
    pub fn exception_str(&self, exc: &Value) -> PyResult<String> {
        let Value::Instance(inst) = exc else {
            return self.str(exc);
        };
        if let Some(Value::Function(_)) = inst.class.lookup_static("__str__") {
            return self.str(exc);
        }
        if inst.class.is_subclass(&types().exc.base_exception_group) {
            return crate::vm::builtins::exception_groups::group_str(self, inst);
        }
        if let Some(text) = super::os_errors::os_error_str(self, inst) {
            return text;
        }
        let args = inst
            .exc_data()
            .map(|d| d.lock().args.clone())
            .unwrap_or_default();
        match args.len() {
            0 => Ok(String::new()),
            1 if inst.class.is_subclass(&types().exc.key_error) => self.repr(&args[0]),
            1 => self.str(&args[0]),
            _ => self.repr(&Value::tuple(args)),
        }
    }

    /// `str(exc)`: the message, except that a SyntaxError that knows where it happened says
    /// so (CPython's `SyntaxError_str`: "msg (file, line N)", the file's base name) — a
    /// traceback shows the place on lines of its own and the message alone.
    pub fn exception_display(&self, exc: &Value) -> PyResult<String> {
        let Value::Instance(inst) = exc else {
            return self.exception_str(exc);
        };
        if !inst.class.is_subclass(&types().exc.syntax_error)
            || matches!(
                inst.class.lookup_static("__str__"),
                Some(Value::Function(_))
            )
        {
            return self.exception_str(exc);
        }
        let msg = match inst.dict.get_str("msg") {
            Some(Value::None) | None => String::new(),
            Some(m) => self.str(&m)?,
        };
        let filename = match inst.dict.get_str("filename") {
            Some(Value::Str(f)) => Some(f.as_str().rsplit('/').next().unwrap_or("").to_string()),
            _ => None,
        };
        let line = match inst.dict.get_str("lineno") {
            Some(Value::Int(n)) => Some(n),
            _ => None,
        };
        Ok(match (filename, line) {
            (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(n)) => format!("{msg} (line {n})"),
            (None, None) => msg,
        })
    }

    /// The exception's qualified class name as tracebacks show it.
    pub fn exception_type_name(&self, exc: &Value) -> String {
        let class = class_of(exc);
        match &*class.module {
            "builtins" | "__main__" => class.qualname.to_string(),
            module => format!("{module}.{}", class.qualname),
        }
    }

    /// The source line a traceback shows for an entry. Code given with `-c` (`<string>`)
    /// shows none before 3.13, whose `-c` registers its text with linecache.
    fn traceback_source_line(&self, entry: &crate::vm::pyerr::TracebackEntry) -> Option<String> {
        if &*entry.filename == "<string>"
            && self.interp.runtime.options.like_version() < PyVersion(3, 13)
        {
            return None;
        }
        self.interp.runtime.source_line(&entry.filename, entry.line)
    }

    /// The `^^^` line under a traceback entry's source line: from CPython 3.11 on, and only
    /// when the entry's position starts on the line shown.
    fn error_markers(
        &self,
        line: &str,
        entry: &crate::vm::pyerr::TracebackEntry,
    ) -> Option<String> {
        if self.interp.runtime.options.like_version() < PyVersion(3, 11) {
            return None;
        }
        let position = entry.position.filter(|p| p.line == entry.line)?;
        let rules = match self.interp.runtime.options.like_version() >= PyVersion(3, 13) {
            true => super::carets::Rules::Py313,
            false => super::carets::Rules::Py311,
        };
        super::carets::caret_line(line, position, rules)
    }

    /// Traceback lines; runs of an identical entry beyond three collapse into
    /// "[Previous line repeated N more times]" (Python/traceback.c `tb_print_internal`).
    fn format_traceback_entries(
        &self,
        entries: &[crate::vm::pyerr::TracebackEntry],
        out: &mut String,
    ) {
        const REPEAT_CUTOFF: usize = 3;
        let mut i = 0;
        while i < entries.len() {
            let entry = &entries[i];
            let mut run = 1;
            while i + run < entries.len() && same_entry(&entries[i + run], entry) {
                run += 1;
            }
            for _ in 0..run.min(REPEAT_CUTOFF) {
                let _ = writeln!(
                    out,
                    "  File \"{}\", line {}, in {}",
                    entry.filename, entry.line, entry.name
                );
                if let Some(line) = self.traceback_source_line(entry) {
                    let trimmed = line.trim();
                    if !trimmed.is_empty() {
                        let _ = writeln!(out, "    {trimmed}");
                        if let Some(markers) = self.error_markers(&line, entry) {
                            out.push_str(&markers);
                        }
                    }
                }
            }
            if run > REPEAT_CUTOFF {
                let more = run - REPEAT_CUTOFF;
                let s = if more == 1 { "" } else { "s" };
                let _ = writeln!(out, "  [Previous line repeated {more} more time{s}]");
            }
            i += run;
        }
    }

    /// The full text CPython prints for an uncaught exception, including chained ones.
    /// What an exception that ended a program or a process's code makes of its exit
    /// status, as CPython's `handle_system_exit` does: SystemExit's code (its text printed
    /// when it is not an int), else the traceback printed and 1. A thread the run stopped
    /// reports nothing.
    pub fn report_exit(&self, err: &PyErr) -> i32 {
        let runtime = &self.interp.runtime;
        if self.thread.stopping() {
            return 1;
        }
        if err.is_instance_of(&types().exc.system_exit) {
            let args = err.args();
            return match args.as_slice() {
                [] | [Value::None] => 0,
                [Value::Int(i)] => *i as i32,
                [Value::Bool(b)] => i32::from(*b),
                [other] => {
                    let text = self.str(other).unwrap_or_default();
                    runtime.stderr.write_str(&format!("{text}\n"));
                    1
                }
                many => {
                    let text = self.repr(&Value::tuple(many.to_vec())).unwrap_or_default();
                    runtime.stderr.write_str(&format!("{text}\n"));
                    1
                }
            };
        }
        runtime.stderr.write_str(&self.format_exception(err));
        1
    }

    pub fn format_exception(&self, err: &PyErr) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(
            &err.value(),
            &mut out,
            &mut seen,
            &mut GroupPrint::default(),
        );
        out
    }

    /// `format_exception` of an exception object (the `traceback` module's view of one);
    /// anything else formats as CPython's `traceback` does a non-exception: `NoneType: None`.
    pub fn format_exception_value(&self, exc: &Value) -> String {
        if !matches!(exc, Value::Instance(i) if i.exc_data().is_some()) {
            let name = crate::vm::objects::types::type_name(exc);
            let text = self.str(exc).unwrap_or_default();
            return format!("{name}: {text}\n");
        }
        let mut out = String::new();
        self.format_chain(exc, &mut out, &mut Vec::new(), &mut GroupPrint::default());
        out
    }

    /// `format_exception_only` of an exception object; anything else as CPython's
    /// `traceback` shows a non-exception (`NoneType: None`).
    pub fn format_exception_only_value(&self, exc: &Value) -> String {
        match exc {
            Value::Instance(inst) if inst.exc_data().is_some() => {
                let mut out = String::new();
                self.format_exception_only(exc, inst, &mut out);
                out
            }
            _ => self.format_exception_value(exc),
        }
    }

    /// One exception and what it was chained to, inside the groups `g` says it is nested in
    /// (Lib/traceback.py `TracebackException.format`).
    fn format_chain(
        &self,
        exc: &Value,
        out: &mut String,
        seen: &mut Vec<usize>,
        g: &mut GroupPrint,
    ) {
        let Value::Instance(inst) = exc else {
            return;
        };
        seen.push(Arc::as_ptr(inst) as *const u8 as usize);
        let (cause, context, suppress, traceback, group) = match inst.exc_data() {
            Some(d) => {
                let d = d.lock();
                (
                    d.cause.clone(),
                    d.context.clone(),
                    d.suppress_context,
                    d.traceback_outermost_first(),
                    d.group.clone(),
                )
            }
            None => (None, None, false, Vec::new(), None),
        };
        let unseen = |v: &Value| match v {
            Value::Instance(i) => !seen.contains(&(Arc::as_ptr(i) as *const u8 as usize)),
            _ => false,
        };
        if let Some(c) = cause.filter(|c| unseen(c)) {
            self.format_chain(&c, out, seen, g);
            g.emit(
                out,
                "\nThe above exception was the direct cause of the following exception:\n\n",
                '|',
            );
        } else if let Some(c) = context.filter(|c| !suppress && unseen(c)) {
            self.format_chain(&c, out, seen, g);
            g.emit(
                out,
                "\nDuring handling of the above exception, another exception occurred:\n\n",
                '|',
            );
        }
        // CPython runs Futures and Tasks in C (`_asyncio`), so its tracebacks never show
        // frames of them; gilsim's are Python and are left out the same way.
        let traceback: Vec<_> = traceback
            .into_iter()
            .filter(|e| !CPYTHON_NATIVE_FILES.contains(&&*e.filename))
            .collect();
        let Some(members) = group else {
            let mut text = String::new();
            if !traceback.is_empty() {
                text.push_str("Traceback (most recent call last):\n");
                self.format_traceback_entries(&traceback, &mut text);
            }
            self.format_exception_only(exc, inst, &mut text);
            g.emit(out, &text, '|');
            return;
        };
        if g.depth > MAX_GROUP_DEPTH {
            g.emit(
                out,
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        self.format_group(exc, inst, &traceback, &members, out, seen, g);
    }

    /// An exception group: its traceback and message, then each sub-exception in a frame
    /// of its own (at most 15, then "and N more exceptions").
    #[allow(clippy::too_many_arguments)]
    fn format_group(
        &self,
        exc: &Value,
        inst: &Instance,
        traceback: &[crate::vm::pyerr::TracebackEntry],
        members: &[Value],
        out: &mut String,
        seen: &mut Vec<usize>,
        g: &mut GroupPrint,
    ) {
        let top_level = g.depth == 0;
        if top_level {
            g.depth += 1;
        }
        if !traceback.is_empty() {
            let margin = if top_level { '+' } else { '|' };
            g.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            let mut text = String::new();
            self.format_traceback_entries(traceback, &mut text);
            g.emit(out, &text, '|');
        }
        let mut text = String::new();
        self.format_exception_only(exc, inst, &mut text);
        g.emit(out, &text, '|');
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        g.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                g.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            let _ = writeln!(
                out,
                "{}{corner}+---------------- {title} ----------------",
                g.indent()
            );
            g.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let s = if remaining > 1 { "s" } else { "" };
                g.emit(out, &format!("and {remaining} more exception{s}\n"), '|');
            } else {
                self.format_chain(&members[i], out, seen, g);
            }
            if last && g.need_close {
                let _ = writeln!(out, "{}+------------------------------------", g.indent());
                g.need_close = false;
            }
            g.depth -= 1;
        }
        if top_level {
            g.depth = 0;
        }
    }

    /// "Type: message" and the notes.
    fn format_exception_only(&self, exc: &Value, inst: &Instance, out: &mut String) {
        let name = self.exception_type_name(exc);
        if inst.class.is_subclass(&types().exc.syntax_error)
            && super::syntax_errors::format_with_place(self, inst, &name, out)
        {
            self.format_notes(inst, out);
            return;
        }
        // str(exc), which for a SyntaxError without a line says "msg (file)".
        let msg = self
            .exception_display(exc)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if msg.is_empty() {
            let _ = writeln!(out, "{name}");
        } else {
            let _ = writeln!(out, "{name}: {msg}");
        }
        self.format_notes(inst, out);
    }

    /// `__notes__`, one per line after the message (Python/pythonrun.c
    /// `print_exception_notes`: a note that is not a str shows as its repr).
    fn format_notes(&self, inst: &Instance, out: &mut String) {
        let Some(notes) = inst.dict.get_str("__notes__") else {
            return;
        };
        let Value::List(notes) = notes else {
            let shown = self
                .repr(&notes)
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            let _ = writeln!(out, "{shown}");
            return;
        };
        let notes = notes.items.read().clone();
        for note in notes {
            let shown = match &note {
                Value::Str(s) => s.as_str().to_string(),
                other => self
                    .repr(other)
                    .unwrap_or_else(|_| "<note repr() failed>".into()),
            };
            let _ = writeln!(out, "{shown}");
        }
    }
}

/// How many sub-exceptions of a group a traceback shows, and how deep it shows nested
/// groups (Lib/traceback.py's `max_group_width` and `max_group_depth`).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where a traceback is inside exception groups: each level indents by two spaces and
/// draws a margin (Lib/traceback.py `_ExceptionPrintContext`).
#[derive(Default)]
struct GroupPrint {
    depth: usize,
    need_close: bool,
}

impl GroupPrint {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `text`, every line of it prefixed with the indent and, inside a group, the margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// gilsim's Python stand-ins for modules CPython implements in C: no traceback shows them.
const CPYTHON_NATIVE_FILES: &[&str] = &[
    "<frozen asyncio.futures>",
    "<frozen asyncio.tasks>",
    "<frozen atexit>",
    "<frozen io>",
];

fn same_entry(a: &crate::vm::pyerr::TracebackEntry, b: &crate::vm::pyerr::TracebackEntry) -> bool {
    a.line == b.line && a.name == b.name && a.filename == b.filename
}
