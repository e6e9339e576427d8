//! An executing (or suspended) frame: code, instruction pointer, locals and value stack in one
//! vector, closure cells, and the namespaces. Frames own everything they need, so a generator
//! can keep one suspended and resume it later.

use std::sync::Arc;

use crate::compiler::bytecode::CodeObject;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{Cell, Function};
use crate::vm::objects::value::Value;

#[derive(Debug)]
pub struct Frame {
    /// The function being run (a stand-in one for module, class-body and `exec` code). A CALL
    /// moves the callee from the caller's stack into its frame, so a call clones neither code
    /// nor globals: every `Arc` clone and drop is an atomic instruction, and they were most of
    /// the cost of a Python-to-Python call.
    pub func: Arc<Function>,
    /// Index of the next instruction.
    pub pc: usize,
    /// `slots[..nlocals]` are the fast locals; the value stack grows after them.
    pub slots: Vec<Value>,
    pub nlocals: usize,
    /// Cell variables, then free variables (closure).
    pub cells: Vec<Arc<Cell>>,
    /// The namespace of `*_NAME` instructions: module globals or a class body's dict.
    pub locals: Option<Arc<Dict>>,
    /// Pending KW_NAMES constant index for the next CALL.
    pub kwnames: Option<u32>,
    /// For the frame of an `__init__` run inline by `cls(...)`: the new instance, which the
    /// CALL produces when `__init__` returns None.
    pub constructing: Option<Value>,
}

impl Frame {
    pub fn new(code: Arc<CodeObject>, globals: Arc<Dict>, locals: Option<Arc<Dict>>) -> Frame {
        Frame::with_slots(code, globals, locals, Vec::new())
    }

    /// A frame whose slot vector reuses `slots` (empty, from the VM's pool).
    pub fn with_slots(
        code: Arc<CodeObject>,
        globals: Arc<Dict>,
        locals: Option<Arc<Dict>>,
        mut slots: Vec<Value>,
    ) -> Frame {
        let nlocals = code.varnames.len();
        slots.reserve(nlocals + code.max_stack as usize + 2);
        slots.resize(nlocals, Value::Null);
        Frame {
            func: Arc::new(Function::for_code(code, globals)),
            pc: 0,
            slots,
            nlocals,
            cells: Vec::new(),
            locals,
            kwnames: None,
            constructing: None,
        }
    }

    /// The frame of a call of `func`, whose locals (arguments bound) are `slots`.
    #[inline]
    pub fn of_function(func: Arc<Function>, slots: Vec<Value>) -> Frame {
        Frame {
            nlocals: func.code.varnames.len(),
            func,
            pc: 0,
            slots,
            cells: Vec::new(),
            locals: None,
            kwnames: None,
            constructing: None,
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.slots.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        if self.slots.len() > self.nlocals {
            self.slots.pop().unwrap_or(Value::Null)
        } else {
            Value::Null
        }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        if self.slots.len() > self.nlocals {
            &self.slots[self.slots.len() - 1]
        } else {
            &Value::Null
        }
    }

    /// The value `n` below the top (0 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.slots.len();
        if len > self.nlocals + n {
            &self.slots[len - 1 - n]
        } else {
            &Value::Null
        }
    }

    /// The top `n` values as a tuple's items (a pair stays inline: no allocation).
    pub fn pop_tuple_items(&mut self, n: usize) -> crate::vm::objects::value::TupleItems {
        let start = self.slots.len().saturating_sub(n).max(self.nlocals);
        self.slots.drain(start..).collect()
    }

    /// Removes the top `n` values and returns them in push order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let start = self.slots.len().saturating_sub(n).max(self.nlocals);
        self.slots.split_off(start)
    }

    /// Cuts the value stack down to `depth` entries.
    pub fn truncate_stack(&mut self, depth: usize) {
        self.slots.truncate(self.nlocals + depth);
    }
}
