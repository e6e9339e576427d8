//! A code object under construction: instructions with labels, line numbers, the handler that
//! protects each instruction (turned into the exception table), constants and name tables.

use hashbrown::HashMap;
use std::sync::Arc;

use super::bytecode::{CodeObject, ExceptionEntry, Instr, Position, flags};
use super::symtable::ScopeKind;
use crate::syntax::ast::Span;
use crate::vm::objects::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub usize);

/// The exception handler active while an instruction is emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
    pub lasti: bool,
}

/// Blocks that `break`, `continue` and `return` must unwind (CPython's fblocks).
#[derive(Debug, Clone)]
pub enum FBlock {
    While {
        start: Label,
        end: Label,
    },
    For {
        start: Label,
        end: Label,
    },
    TryExcept,
    /// A `try` with a `finally`: the finally body runs on the way out.
    Finally {
        body: Vec<crate::syntax::ast::Stmt>,
    },
    /// Inside the exceptional path of a finally body ([lasti, prev_exc, exc] on the stack).
    FinallyEnd,
    /// `with` (`async with` when `is_async`: its `__aexit__` result is awaited).
    With {
        is_async: bool,
        span: crate::syntax::ast::Span,
    },
    /// Inside an `except` body; `name` is cleared on the way out.
    Handler {
        name: Option<String>,
    },
    /// Inside the `except*` clauses ([prev_exc, orig, raised, rest] on the stack): nothing
    /// may jump out of them.
    ExceptStar,
}

pub struct Unit {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub kind: ScopeKind,
    pub scope: usize,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    /// The span of the expression (or statement) each instruction belongs to.
    spans: Vec<Span>,
    handlers_of: Vec<Option<Handler>>,
    pub labels: Vec<Option<usize>>,
    pub consts: Vec<Value>,
    const_keys: HashMap<String, u32>,
    pub names: Vec<Arc<str>>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<Arc<str>>,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub current_line: u32,
    pub current_span: Span,
    pub handler_stack: Vec<Handler>,
    pub fblocks: Vec<FBlock>,
    /// For each fblock, the handler-stack length to restore when unwinding past it.
    pub fblock_handlers: Vec<usize>,
    /// Stack values owned by enclosing blocks (for-iterators, with-exits, handler state).
    pub block_depth: u32,
    pub docstring: Option<String>,
    /// Name of the enclosing class, for private-name mangling (`__x` → `_A__x`).
    pub private: Option<String>,
}

impl Unit {
    pub fn new(name: &str, qualname: &str, kind: ScopeKind, scope: usize, first_line: u32) -> Unit {
        Unit {
            name: name.into(),
            qualname: qualname.into(),
            kind,
            scope,
            first_line,
            instrs: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            handlers_of: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            current_line: first_line,
            current_span: Span::default(),
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            fblock_handlers: Vec::new(),
            block_depth: 0,
            docstring: None,
            private: None,
        }
    }

    pub fn emit(&mut self, instr: Instr) -> usize {
        self.instrs.push(instr);
        self.lines.push(self.current_line);
        self.spans.push(self.current_span);
        self.handlers_of.push(self.handler_stack.last().copied());
        self.instrs.len() - 1
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    pub fn bind(&mut self, label: Label) {
        self.labels[label.0] = Some(self.instrs.len());
    }

    /// Emits a jump whose target is patched when the label is bound (the operand holds the
    /// label number until then).
    pub fn emit_jump(&mut self, make: fn(u32) -> Instr, label: Label) -> usize {
        self.emit(make(label.0 as u32))
    }

    /// Enters a block that `break`/`continue`/`return` must unwind; call before the block's
    /// own handler is pushed.
    pub fn push_fblock(&mut self, block: FBlock) {
        self.fblocks.push(block);
        self.fblock_handlers.push(self.handler_stack.len());
    }

    pub fn pop_fblock(&mut self) {
        self.fblocks.pop();
        self.fblock_handlers.pop();
    }

    pub fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        self.handler_stack.push(Handler {
            label,
            depth,
            lasti,
        });
    }

    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        let key = const_key(&v);
        if let Some(k) = &key
            && let Some(&i) = self.const_keys.get(k)
        {
            return i;
        }
        self.consts.push(v);
        let i = (self.consts.len() - 1) as u32;
        if let Some(k) = key {
            self.const_keys.insert(k, i);
        }
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        self.names.push(name.into());
        let i = (self.names.len() - 1) as u32;
        self.name_index.insert(name.to_string(), i);
        i
    }

    pub fn varname_index(&self, name: &str) -> Option<u32> {
        self.varnames
            .iter()
            .position(|n| &**n == name)
            .map(|i| i as u32)
    }

    /// Index for LOAD_DEREF/LOAD_CLOSURE: cellvars first, then freevars.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|n| &**n == name) {
            return Some(i as u32);
        }
        self.freevars
            .iter()
            .position(|n| &**n == name)
            .map(|i| (i + self.cellvars.len()) as u32)
    }

    /// Resolves labels and builds the code object.
    /// The code object; `line_starts` (the byte offset of each source line) turns the
    /// instructions' spans into positions.
    pub fn finish(
        mut self,
        filename: Arc<str>,
        interner: &mut Interner,
        line_starts: &[usize],
    ) -> CodeObject {
        let labels = self.labels.clone();
        let resolve = |l: u32| labels.get(l as usize).copied().flatten().unwrap_or(0) as u32;
        for instr in &mut self.instrs {
            if let Some(label) = instr.jump_target() {
                instr.set_jump_target(resolve(label));
            }
        }
        let mut table: Vec<ExceptionEntry> = Vec::new();
        for (i, h) in self.handlers_of.iter().enumerate() {
            let Some(h) = h else { continue };
            let target = resolve(h.label.0 as u32);
            match table.last_mut() {
                Some(last)
                    if last.end == i as u32
                        && last.target == target
                        && last.depth == h.depth
                        && last.lasti == h.lasti =>
                {
                    last.end += 1;
                }
                _ => table.push(ExceptionEntry {
                    start: i as u32,
                    end: i as u32 + 1,
                    target,
                    depth: h.depth,
                    lasti: h.lasti,
                }),
            }
        }
        let cell_args = self
            .cellvars
            .iter()
            .map(|c| self.varname_index(c))
            .collect();
        let names = self.names.iter().map(|n| interner.intern(n)).collect();
        let max_stack = max_stack_estimate(&self.instrs);
        let quick = super::quicken::quicken(&self.instrs, &table, &self.consts);
        let stdlib = filename.starts_with(super::bytecode::STDLIB_FILENAME_PREFIX);
        let plain_call = !stdlib
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty()
            && self.flags
                & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE)
                == 0;
        CodeObject {
            plain_call,
            name: self.name,
            qualname: self.qualname,
            stdlib,
            filename,
            first_line: self.first_line,
            instructions: self.instrs.into_boxed_slice(),
            quick,
            lines: self.lines.into_boxed_slice(),
            positions: match stdlib {
                true => Box::default(),
                false => self
                    .spans
                    .iter()
                    .map(|s| position(*s, line_starts))
                    .collect(),
            },
            consts: self.consts.into_boxed_slice(),
            names,
            varnames: self.varnames.into_boxed_slice(),
            cellvars: self.cellvars.into_boxed_slice(),
            freevars: self.freevars.into_boxed_slice(),
            cell_args,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            exception_table: table.into_boxed_slice(),
            max_stack,
            docstring: self.docstring.map(|d| d.into()),
        }
    }
}

/// A span's lines and line-relative byte columns (the default span: no position).
fn position(span: Span, line_starts: &[usize]) -> Position {
    if span.end <= span.start {
        return Position::default();
    }
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let (start, last) = (span.start as usize, span.end as usize - 1);
    let (line, end_line) = (line_of(start), line_of(last));
    Position {
        line: line as u32,
        end_line: end_line as u32,
        col: (start - line_starts[line - 1]) as u32,
        end_col: (last + 1 - line_starts[end_line - 1]) as u32,
    }
}

/// Shares one `str` object per distinct name across a module's code objects, so attribute and
/// global lookups usually match by pointer. Names are interned process-wide, as CPython
/// interns identifiers: `self._state` written in one module and read in another (asyncio's
/// futures and tasks) is the same object, found in an instance dict without comparing
/// text. The local map saves the global lock for a name the module already used.
#[derive(Default)]
pub struct Interner {
    map: HashMap<String, Value>,
}

/// Every name interned so far (kept for the process's life, as CPython's interned strings).
static NAMES: std::sync::LazyLock<parking_lot::Mutex<HashMap<String, Value>>> =
    std::sync::LazyLock::new(Default::default);

impl Interner {
    pub fn intern(&mut self, name: &str) -> Value {
        if let Some(v) = self.map.get(name) {
            return v.clone();
        }
        let shared = NAMES
            .lock()
            .entry(name.to_string())
            .or_insert_with(|| Value::str(name))
            .clone();
        self.map.insert(name.to_string(), shared.clone());
        shared
    }
}

/// A cheap upper bound on the value-stack size, used to pre-size frames.
fn max_stack_estimate(instrs: &[Instr]) -> u32 {
    let builds = instrs
        .iter()
        .filter_map(|i| match i {
            Instr::BuildTuple(n) | Instr::BuildList(n) | Instr::BuildSet(n) | Instr::Call(n) => {
                Some(*n + 2)
            }
            Instr::BuildMap(n) => Some(*n * 2),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    (builds + 8).min(256)
}

/// Deduplication key for constants (CPython merges equal constants of the same type).
fn const_key(v: &Value) -> Option<String> {
    Some(match v {
        Value::None => "N".into(),
        Value::Bool(b) => format!("b{b}"),
        Value::Int(i) => format!("i{i}"),
        Value::BigInt(b) => format!("I{b}"),
        Value::Float(f) => format!("f{}", f.to_bits()),
        Value::Str(s) => format!("s{}", s.as_str()),
        Value::Ellipsis => "E".into(),
        Value::Tuple(t) => {
            let mut k = String::from("t(");
            for item in t.items.iter() {
                k.push_str(&const_key(item)?);
                k.push(',');
            }
            k.push(')');
            k
        }
        _ => return None,
    })
}
