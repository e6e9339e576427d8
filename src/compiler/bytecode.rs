//! The instruction set and code objects. Names and operand meanings follow CPython 3.12
//! (Include/opcode.h) so `gilsim dis` reads like `python -m dis`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::vm::objects::value::Value;

/// Operators of BINARY_OP, numbered as CPython's `NB_*` constants (oparg of BINARY_OP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    /// The non-inplace operator (used for dispatch and error messages).
    pub fn base(self) -> BinaryOp {
        use BinaryOp::*;
        match self {
            InplaceAdd => Add,
            InplaceAnd => And,
            InplaceFloorDivide => FloorDivide,
            InplaceLshift => Lshift,
            InplaceMatrixMultiply => MatrixMultiply,
            InplaceMultiply => Multiply,
            InplaceRemainder => Remainder,
            InplaceOr => Or,
            InplacePower => Power,
            InplaceRshift => Rshift,
            InplaceSubtract => Subtract,
            InplaceTrueDivide => TrueDivide,
            InplaceXor => Xor,
            other => other,
        }
    }

    pub fn is_inplace(self) -> bool {
        (self as u8) >= 13
    }

    pub fn inplace(self) -> BinaryOp {
        use BinaryOp::*;
        match self {
            Add => InplaceAdd,
            And => InplaceAnd,
            FloorDivide => InplaceFloorDivide,
            Lshift => InplaceLshift,
            MatrixMultiply => InplaceMatrixMultiply,
            Multiply => InplaceMultiply,
            Remainder => InplaceRemainder,
            Or => InplaceOr,
            Power => InplacePower,
            Rshift => InplaceRshift,
            Subtract => InplaceSubtract,
            TrueDivide => InplaceTrueDivide,
            Xor => InplaceXor,
            other => other,
        }
    }
}

/// Rich comparison operators of COMPARE_OP (CPython's `Py_LT` ... `Py_GE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    /// The low bits CPython 3.12 puts in COMPARE_OP's oparg (compile.c `compare_masks`).
    pub fn mask(self) -> u32 {
        const LESS: u32 = 2;
        const GREATER: u32 = 4;
        const EQUAL: u32 = 8;
        match self {
            CompareOp::Lt => LESS,
            CompareOp::Le => LESS | EQUAL,
            CompareOp::Eq => EQUAL,
            CompareOp::Ne => LESS | GREATER,
            CompareOp::Gt => GREATER,
            CompareOp::Ge => GREATER | EQUAL,
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }
}

/// One instruction with its operand. Jump operands are absolute instruction indexes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Instr {
    Nop,
    Resume(u32),
    PopTop,
    PushNull,
    Copy(u32),
    Swap(u32),
    LoadConst(u32),
    ReturnConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    LoadClassDeref(u32),
    /// `(namei << 1) | push_null`, as CPython 3.12.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `(namei << 1) | is_method`, as CPython 3.12.
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    BinaryOp(BinaryOp),
    UnaryNegative,
    UnaryPositive,
    UnaryNot,
    UnaryInvert,
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    /// `(op << 4)` as CPython 3.12's COMPARE_OP oparg.
    CompareOp(CompareOp),
    IsOp(u32),
    ContainsOp(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    JumpForward(u32),
    JumpBackward(u32),
    JumpBackwardNoInterrupt(u32),
    GetIter,
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// `before | (after << 8)`, as CPython.
    UnpackEx(u32),
    /// Names the last `len(consts[i])` arguments of the following CALL.
    KwNames(u32),
    Call(u32),
    /// flags & 1: a mapping of keyword arguments is on the stack.
    CallFunctionEx(u32),
    /// flags: 0x01 defaults tuple, 0x02 kw-defaults dict, 0x08 closure tuple.
    MakeFunction(u32),
    ReturnValue,
    /// 0: plain `yield`; 1: inside `yield from`/`await` (throw() is delegated).
    YieldValue(u32),
    GetYieldFromIter,
    Send(u32),
    EndSend,
    RaiseVarargs(u32),
    Reraise(u32),
    PushExcInfo,
    PopExcept,
    CheckExcMatch,
    /// `except*`: [exc, type] -> [rest, match] (or [exc, None] when nothing matches).
    CheckEgMatch,
    /// After the `except*` clauses: [orig, raised list] -> [what to re-raise, or None].
    PrepReraiseStar,
    BeforeWith,
    WithExceptStart,
    LoadAssertionError,
    LoadBuildClass,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// flags & 3: 0 none, 1 str, 2 repr, 3 ascii; flags & 4: a format spec is on the stack.
    FormatValue(u32),
    SetupAnnotations,
    /// `await`: the awaitable's iterator (0: `await`, 1: after `__aenter__`, 2: after
    /// `__aexit__`, for the error message).
    GetAwaitable(u32),
    GetAIter,
    GetANext,
    EndAsyncFor,
    BeforeAsyncWith,
    /// An async generator's `yield` marks its value, so that `asend` tells it from what an
    /// inner `await` yields (3.12's CALL_INTRINSIC_1 INTRINSIC_ASYNC_GEN_WRAP).
    AsyncGenWrap,
    /// Superinstructions: the eval loop's quickened stream replaces the first instruction of a
    /// common sequence with one of these; the rest of the sequence stays in place (it is
    /// skipped on the fast path and executed on the slow path). Never shown by `dis`.
    Quick(Quick),
}

/// Fused forms of frequent instruction sequences (see `compiler/quicken.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Quick {
    /// LOAD_FAST a; LOAD_CONST c; BINARY_OP op
    FastConstBinary(u16, u16, BinaryOp),
    /// LOAD_FAST a; LOAD_CONST c; BINARY_OP op; STORE_FAST a   (`n -= 1`)
    FastConstUpdate(u16, u16, BinaryOp),
    /// LOAD_FAST a; LOAD_FAST b; BINARY_OP op
    FastFastBinary(u16, u16, BinaryOp),
    /// LOAD_FAST a; LOAD_CONST c; COMPARE_OP op; POP_JUMP_IF_FALSE t   (t read from slot 3)
    FastConstCompareJump(u16, u16, CompareOp),
    /// LOAD_FAST a; LOAD_FAST b; COMPARE_OP op; POP_JUMP_IF_FALSE t   (t read from slot 3)
    FastFastCompareJump(u16, u16, CompareOp),
    /// FastConstBinary with a small int constant as an immediate.
    FastImmBinary(u16, i16, BinaryOp),
    /// FastConstUpdate with a small int constant as an immediate.
    FastImmUpdate(u16, i16, BinaryOp),
    /// FastConstCompareJump with a small int constant as an immediate.
    FastImmCompareJump(u16, i16, CompareOp),
    /// LOAD_FAST a; LOAD_FAST b
    FastFast(u16, u16),
    /// FOR_ITER t; STORE_FAST a
    ForIterStore(u32, u16),
    /// FOR_ITER t; UNPACK_SEQUENCE 2 (`for k, v in d.items()`): a dict's items unpacked
    /// without making the pair.
    ForIterUnpack2(u32),
    /// BUILD_TUPLE n; UNPACK_SEQUENCE n (`a, b = b, a`): the top n values reversed, no tuple
    /// made (what CPython's own compiler emits as SWAP).
    BuildUnpack(u16),
    /// LOAD_FAST a; LOAD_ATTR name (not the method form): `self.x` read from the local in
    /// place (no reference count taken on `self`).
    FastAttr(u16, u16),
    /// LOAD_FAST a; LOAD_ATTR name (method form); CALL 0: `d.popleft()` on a local.
    FastMethodCall0(u16, u16),
    /// LOAD_FAST a; LOAD_ATTR name (method form); LOAD_FAST b; CALL 1: `l.append(x)`.
    FastMethodCall1(u16, u16, u16),
}

impl Instr {
    /// CPython's opcode name, for `dis`.
    pub fn name(&self) -> &'static str {
        use Instr::*;
        match self {
            Nop => "NOP",
            Resume(_) => "RESUME",
            PopTop => "POP_TOP",
            PushNull => "PUSH_NULL",
            Copy(_) => "COPY",
            Swap(_) => "SWAP",
            LoadConst(_) => "LOAD_CONST",
            ReturnConst(_) => "RETURN_CONST",
            LoadFast(_) => "LOAD_FAST",
            StoreFast(_) => "STORE_FAST",
            DeleteFast(_) => "DELETE_FAST",
            LoadDeref(_) => "LOAD_DEREF",
            StoreDeref(_) => "STORE_DEREF",
            DeleteDeref(_) => "DELETE_DEREF",
            LoadClosure(_) => "LOAD_CLOSURE",
            LoadClassDeref(_) => "LOAD_CLASSDEREF",
            LoadGlobal(_) => "LOAD_GLOBAL",
            StoreGlobal(_) => "STORE_GLOBAL",
            DeleteGlobal(_) => "DELETE_GLOBAL",
            LoadName(_) => "LOAD_NAME",
            StoreName(_) => "STORE_NAME",
            DeleteName(_) => "DELETE_NAME",
            LoadAttr(_) => "LOAD_ATTR",
            StoreAttr(_) => "STORE_ATTR",
            DeleteAttr(_) => "DELETE_ATTR",
            BinaryOp(_) => "BINARY_OP",
            UnaryNegative => "UNARY_NEGATIVE",
            UnaryPositive => "UNARY_POSITIVE",
            UnaryNot => "UNARY_NOT",
            UnaryInvert => "UNARY_INVERT",
            BinarySubscr => "BINARY_SUBSCR",
            StoreSubscr => "STORE_SUBSCR",
            DeleteSubscr => "DELETE_SUBSCR",
            BuildSlice(_) => "BUILD_SLICE",
            CompareOp(_) => "COMPARE_OP",
            IsOp(_) => "IS_OP",
            ContainsOp(_) => "CONTAINS_OP",
            PopJumpIfFalse(_) => "POP_JUMP_IF_FALSE",
            PopJumpIfTrue(_) => "POP_JUMP_IF_TRUE",
            PopJumpIfNone(_) => "POP_JUMP_IF_NONE",
            PopJumpIfNotNone(_) => "POP_JUMP_IF_NOT_NONE",
            JumpIfFalseOrPop(_) => "JUMP_IF_FALSE_OR_POP",
            JumpIfTrueOrPop(_) => "JUMP_IF_TRUE_OR_POP",
            JumpForward(_) => "JUMP_FORWARD",
            JumpBackward(_) => "JUMP_BACKWARD",
            JumpBackwardNoInterrupt(_) => "JUMP_BACKWARD_NO_INTERRUPT",
            GetIter => "GET_ITER",
            ForIter(_) => "FOR_ITER",
            BuildTuple(_) => "BUILD_TUPLE",
            BuildList(_) => "BUILD_LIST",
            BuildSet(_) => "BUILD_SET",
            BuildMap(_) => "BUILD_MAP",
            BuildString(_) => "BUILD_STRING",
            ListAppend(_) => "LIST_APPEND",
            SetAdd(_) => "SET_ADD",
            MapAdd(_) => "MAP_ADD",
            ListExtend(_) => "LIST_EXTEND",
            SetUpdate(_) => "SET_UPDATE",
            DictUpdate(_) => "DICT_UPDATE",
            DictMerge(_) => "DICT_MERGE",
            ListToTuple => "LIST_TO_TUPLE",
            UnpackSequence(_) => "UNPACK_SEQUENCE",
            UnpackEx(_) => "UNPACK_EX",
            KwNames(_) => "KW_NAMES",
            Call(_) => "CALL",
            CallFunctionEx(_) => "CALL_FUNCTION_EX",
            MakeFunction(_) => "MAKE_FUNCTION",
            ReturnValue => "RETURN_VALUE",
            YieldValue(_) => "YIELD_VALUE",
            GetYieldFromIter => "GET_YIELD_FROM_ITER",
            Send(_) => "SEND",
            EndSend => "END_SEND",
            RaiseVarargs(_) => "RAISE_VARARGS",
            Reraise(_) => "RERAISE",
            PushExcInfo => "PUSH_EXC_INFO",
            PopExcept => "POP_EXCEPT",
            CheckExcMatch => "CHECK_EXC_MATCH",
            CheckEgMatch => "CHECK_EG_MATCH",
            PrepReraiseStar => "PREP_RERAISE_STAR",
            BeforeWith => "BEFORE_WITH",
            WithExceptStart => "WITH_EXCEPT_START",
            LoadAssertionError => "LOAD_ASSERTION_ERROR",
            LoadBuildClass => "LOAD_BUILD_CLASS",
            ImportName(_) => "IMPORT_NAME",
            ImportFrom(_) => "IMPORT_FROM",
            ImportStar => "IMPORT_STAR",
            FormatValue(_) => "FORMAT_VALUE",
            GetAwaitable(_) => "GET_AWAITABLE",
            GetAIter => "GET_AITER",
            GetANext => "GET_ANEXT",
            EndAsyncFor => "END_ASYNC_FOR",
            BeforeAsyncWith => "BEFORE_ASYNC_WITH",
            AsyncGenWrap => "CALL_INTRINSIC_1",
            SetupAnnotations => "SETUP_ANNOTATIONS",
            Quick(_) => "QUICK",
        }
    }

    /// The numeric operand as `dis` shows it, if the instruction has one.
    pub fn arg(&self) -> Option<u32> {
        use Instr::*;
        match *self {
            Resume(a)
            | Copy(a)
            | Swap(a)
            | LoadConst(a)
            | ReturnConst(a)
            | LoadFast(a)
            | StoreFast(a)
            | DeleteFast(a)
            | LoadDeref(a)
            | StoreDeref(a)
            | DeleteDeref(a)
            | LoadClosure(a)
            | LoadClassDeref(a)
            | LoadGlobal(a)
            | StoreGlobal(a)
            | DeleteGlobal(a)
            | LoadName(a)
            | StoreName(a)
            | DeleteName(a)
            | LoadAttr(a)
            | StoreAttr(a)
            | DeleteAttr(a)
            | BuildSlice(a)
            | IsOp(a)
            | ContainsOp(a)
            | PopJumpIfFalse(a)
            | PopJumpIfTrue(a)
            | PopJumpIfNone(a)
            | PopJumpIfNotNone(a)
            | JumpIfFalseOrPop(a)
            | JumpIfTrueOrPop(a)
            | JumpForward(a)
            | JumpBackward(a)
            | JumpBackwardNoInterrupt(a)
            | ForIter(a)
            | BuildTuple(a)
            | BuildList(a)
            | BuildSet(a)
            | BuildMap(a)
            | BuildString(a)
            | ListAppend(a)
            | SetAdd(a)
            | MapAdd(a)
            | ListExtend(a)
            | SetUpdate(a)
            | DictUpdate(a)
            | DictMerge(a)
            | UnpackSequence(a)
            | UnpackEx(a)
            | KwNames(a)
            | Call(a)
            | CallFunctionEx(a)
            | MakeFunction(a)
            | YieldValue(a)
            | Send(a)
            | RaiseVarargs(a)
            | Reraise(a)
            | ImportName(a)
            | ImportFrom(a)
            | FormatValue(a)
            | GetAwaitable(a) => Some(a),
            AsyncGenWrap => Some(4),
            BinaryOp(op) => Some(op as u32),
            CompareOp(op) => Some(((op as u32) << 4) | op.mask()),
            _ => None,
        }
    }

    /// The jump operand, for instructions that jump (the one list of them).
    fn jump_operand(&mut self) -> Option<&mut u32> {
        use Instr::*;
        match self {
            PopJumpIfFalse(t)
            | PopJumpIfTrue(t)
            | PopJumpIfNone(t)
            | PopJumpIfNotNone(t)
            | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t)
            | JumpForward(t)
            | JumpBackward(t)
            | JumpBackwardNoInterrupt(t)
            | ForIter(t)
            | Send(t) => Some(t),
            _ => None,
        }
    }

    /// The jump target, for instructions that jump.
    pub fn jump_target(&self) -> Option<u32> {
        let mut copy = *self;
        copy.jump_operand().copied()
    }

    pub fn set_jump_target(&mut self, target: u32) {
        if let Some(t) = self.jump_operand() {
            *t = target;
        }
    }
}

/// An exception-table entry: instructions `start..end` are protected by the handler at `target`;
/// on an exception the value stack is cut to `depth` (then `lasti` pushes the raising offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Where in the source an instruction's expression stands (CPython's `co_positions()`):
/// its first and last line, and the byte columns where it starts (on the first line) and
/// ends (exclusive, on the last). Tracebacks underline it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    /// A generator function made awaitable by `types.coroutine` (CPython's
    /// CO_ITERABLE_COROUTINE): `await` accepts its generators, and it may `yield from` a
    /// coroutine.
    pub const ITERABLE_COROUTINE: u32 = 0x100;
}

/// Filenames of gilsim's own Python-source modules (`<frozen threading>`), as CPython names
/// its frozen modules.
pub const STDLIB_FILENAME_PREFIX: &str = "<frozen ";

/// A compiled function body, module or class body.
#[derive(Debug, Clone)]
pub struct CodeObject {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    /// Part of gilsim's Python-source standard library: positions reported for blocking
    /// calls are those of the user code that called into it.
    pub stdlib: bool,
    pub first_line: u32,
    pub instructions: Box<[Instr]>,
    /// `instructions` with superinstructions, as the eval loop runs them.
    pub quick: Box<[Instr]>,
    /// Source line of each instruction.
    pub lines: Box<[u32]>,
    /// The source position of each instruction's expression; empty for gilsim's stdlib,
    /// whose tracebacks show no source.
    pub positions: Box<[Position]>,
    pub consts: Box<[Value]>,
    /// Names used by global/name/attribute instructions (interned `str` values).
    pub names: Box<[Value]>,
    pub varnames: Box<[Arc<str>]>,
    pub cellvars: Box<[Arc<str>]>,
    pub freevars: Box<[Arc<str>]>,
    /// For each cellvar that is also an argument, its index in `varnames`.
    pub cell_args: Box<[Option<u32>]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exception_table: Box<[ExceptionEntry]>,
    pub max_stack: u32,
    pub docstring: Option<Arc<str>>,
    /// Positional parameters only, no cells of its own (free variables are fine: they are read
    /// from the closure), not a generator, not gilsim's stdlib: a CALL
    /// with exactly `argcount` positional arguments just moves them into the new frame's
    /// locals (the eval loop's fast path).
    pub plain_call: bool,
}

impl CodeObject {
    /// Calling it makes a generator, coroutine or async generator instead of running it.
    pub fn is_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE) != 0
    }
    pub fn has_varargs(&self) -> bool {
        self.flags & flags::VARARGS != 0
    }
    pub fn has_varkeywords(&self) -> bool {
        self.flags & flags::VARKEYWORDS != 0
    }
    /// The name of cell or free variable `i` (the operand of LOAD_DEREF and its kin): the
    /// cellvars come first, then the freevars, as in CPython's `co_localsplusnames`.
    pub fn deref_name(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        match self.cellvars.get(i) {
            Some(name) => Some(name),
            None => self.freevars.get(i - self.cellvars.len()).map(|s| &**s),
        }
    }
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
    pub fn position_at(&self, pc: usize) -> Option<Position> {
        self.positions.get(pc).copied()
    }
    /// The innermost handler protecting instruction `pc`.
    pub fn handler_for(&self, pc: usize) -> Option<&ExceptionEntry> {
        let pc = pc as u32;
        self.exception_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
    }
}
