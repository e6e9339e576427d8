//! Code objects as bytes, so gilsim's standard modules can ship compiled (CPython's
//! `Python/marshal.c` plays this part for its frozen modules).
//!
//! The bytes mirror every field of a `CodeObject`, the derived ones (`quick`, `plain_call`)
//! included: loading does no compiler work at all, and a frozen module is exactly what a fresh
//! compile would give (`stdlib::frozen`'s tests compare the two).

use std::sync::Arc;

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use super::bytecode::{CodeObject, ExceptionEntry, Instr, Position};
use super::unit::Interner;
use crate::vm::objects::value::Value;

/// A code object with its constants in a form that owns no runtime objects.
#[derive(Serialize, Deserialize)]
struct FrozenCode<'a> {
    name: &'a str,
    qualname: &'a str,
    filename: &'a str,
    stdlib: bool,
    first_line: u32,
    instructions: Vec<Instr>,
    quick: Vec<Instr>,
    lines: Vec<u32>,
    positions: Vec<Position>,
    #[serde(borrow)]
    consts: Vec<FrozenConst<'a>>,
    #[serde(borrow)]
    names: Vec<&'a str>,
    #[serde(borrow)]
    varnames: Vec<&'a str>,
    #[serde(borrow)]
    cellvars: Vec<&'a str>,
    #[serde(borrow)]
    freevars: Vec<&'a str>,
    cell_args: Vec<Option<u32>>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    exception_table: Vec<ExceptionEntry>,
    max_stack: u32,
    docstring: Option<&'a str>,
    plain_call: bool,
}

/// The values the compiler puts in `consts`.
#[derive(Serialize, Deserialize)]
enum FrozenConst<'a> {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// Two's-complement little-endian bytes of an int outside i64.
    BigInt(Vec<u8>),
    Float(f64),
    Str(&'a str),
    Bytes(&'a [u8]),
    #[serde(borrow)]
    Tuple(Vec<FrozenConst<'a>>),
    #[serde(borrow)]
    Code(Box<FrozenCode<'a>>),
}

/// Why a code object could not be turned into bytes or back.
#[derive(Debug)]
pub struct MarshalError(pub String);

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The bytes of `code` and every code object nested in its constants.
pub fn dump(code: &CodeObject) -> Result<Vec<u8>, MarshalError> {
    let frozen = freeze_code(code)?;
    postcard::to_stdvec(&frozen).map_err(|e| MarshalError(e.to_string()))
}

/// The code object `dump` wrote. Names are interned once per loaded module, as the compiler
/// interns them once per compiled module.
pub fn load(bytes: &[u8]) -> Result<Arc<CodeObject>, MarshalError> {
    let frozen: FrozenCode =
        postcard::from_bytes(bytes).map_err(|e| MarshalError(e.to_string()))?;
    Ok(Arc::new(thaw_code(frozen, &mut Interner::default())))
}

fn strs(names: &[Arc<str>]) -> Vec<&str> {
    names.iter().map(|n| &**n).collect()
}

fn freeze_code(code: &CodeObject) -> Result<FrozenCode<'_>, MarshalError> {
    let names = code
        .names
        .iter()
        .map(|n| match n {
            Value::Str(s) => Ok(s.as_str()),
            other => Err(MarshalError(format!("a name that is not a str: {other:?}"))),
        })
        .collect::<Result<_, _>>()?;
    Ok(FrozenCode {
        name: &code.name,
        qualname: &code.qualname,
        filename: &code.filename,
        stdlib: code.stdlib,
        first_line: code.first_line,
        instructions: code.instructions.to_vec(),
        quick: code.quick.to_vec(),
        lines: code.lines.to_vec(),
        positions: code.positions.to_vec(),
        consts: code
            .consts
            .iter()
            .map(freeze_const)
            .collect::<Result<_, _>>()?,
        names,
        varnames: strs(&code.varnames),
        cellvars: strs(&code.cellvars),
        freevars: strs(&code.freevars),
        cell_args: code.cell_args.to_vec(),
        argcount: code.argcount,
        posonlyargcount: code.posonlyargcount,
        kwonlyargcount: code.kwonlyargcount,
        flags: code.flags,
        exception_table: code.exception_table.to_vec(),
        max_stack: code.max_stack,
        docstring: code.docstring.as_deref(),
        plain_call: code.plain_call,
    })
}

fn freeze_const(value: &Value) -> Result<FrozenConst<'_>, MarshalError> {
    Ok(match value {
        Value::None => FrozenConst::None,
        Value::Ellipsis => FrozenConst::Ellipsis,
        Value::Bool(b) => FrozenConst::Bool(*b),
        Value::Int(i) => FrozenConst::Int(*i),
        Value::BigInt(b) => FrozenConst::BigInt(b.to_signed_bytes_le()),
        Value::Float(f) => FrozenConst::Float(*f),
        Value::Str(s) => FrozenConst::Str(s.as_str()),
        Value::Bytes(b) => FrozenConst::Bytes(b),
        Value::Tuple(t) => {
            FrozenConst::Tuple(t.items.iter().map(freeze_const).collect::<Result<_, _>>()?)
        }
        Value::Code(c) => FrozenConst::Code(Box::new(freeze_code(c)?)),
        other => {
            return Err(MarshalError(format!(
                "a constant the compiler never makes: {other:?}"
            )));
        }
    })
}

fn arcs(names: Vec<&str>) -> Box<[Arc<str>]> {
    names.into_iter().map(Arc::from).collect()
}

fn thaw_code(code: FrozenCode, interner: &mut Interner) -> CodeObject {
    CodeObject {
        name: code.name.into(),
        qualname: code.qualname.into(),
        filename: code.filename.into(),
        stdlib: code.stdlib,
        first_line: code.first_line,
        instructions: code.instructions.into_boxed_slice(),
        quick: code.quick.into_boxed_slice(),
        lines: code.lines.into_boxed_slice(),
        positions: code.positions.into_boxed_slice(),
        consts: code
            .consts
            .into_iter()
            .map(|c| thaw_const(c, interner))
            .collect(),
        names: code.names.iter().map(|n| interner.intern(n)).collect(),
        varnames: arcs(code.varnames),
        cellvars: arcs(code.cellvars),
        freevars: arcs(code.freevars),
        cell_args: code.cell_args.into_boxed_slice(),
        argcount: code.argcount,
        posonlyargcount: code.posonlyargcount,
        kwonlyargcount: code.kwonlyargcount,
        flags: code.flags,
        exception_table: code.exception_table.into_boxed_slice(),
        max_stack: code.max_stack,
        docstring: code.docstring.map(Arc::from),
        plain_call: code.plain_call,
    }
}

fn thaw_const(value: FrozenConst, interner: &mut Interner) -> Value {
    match value {
        FrozenConst::None => Value::None,
        FrozenConst::Ellipsis => Value::Ellipsis,
        FrozenConst::Bool(b) => Value::Bool(b),
        FrozenConst::Int(i) => Value::Int(i),
        FrozenConst::BigInt(bytes) => Value::from_bigint(BigInt::from_signed_bytes_le(&bytes)),
        FrozenConst::Float(f) => Value::Float(f),
        FrozenConst::Str(s) => Value::str(s),
        FrozenConst::Bytes(b) => Value::Bytes(Arc::new(b.to_vec())),
        FrozenConst::Tuple(items) => {
            Value::tuple(items.into_iter().map(|c| thaw_const(c, interner)).collect())
        }
        FrozenConst::Code(code) => Value::Code(Arc::new(thaw_code(*code, interner))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(source: &str) -> Arc<CodeObject> {
        crate::compiler::compile_module(source, "<test>").expect("compiles")
    }

    #[test]
    fn a_loaded_code_object_is_the_compiled_one_field_for_field() {
        let source = "import sys\nBIG = 2 ** 70 + -123456789012345678901234567890\n\
                      def f(a, /, b=(1, 'x', b'y', 2.5, None, ...), *c, d, **e):\n    \
                      '''doc'''\n    x = [i for i in c]\n    def g():\n        return x, a\n    \
                      return g\n\
                      class C:\n    def m(self):\n        return super().m()\n\
                      for i in range(3):\n    try:\n        print(i)\n    except Exception as err:\n        pass\n";
        let code = compile(source);
        let loaded = load(&dump(&code).expect("dumps")).expect("loads");
        assert_eq!(format!("{loaded:?}"), format!("{code:?}"));
    }

    #[test]
    fn names_are_shared_across_a_loaded_module() {
        let code = compile("def f(o):\n    return o.value\ndef g(o):\n    return o.value\n");
        let loaded = load(&dump(&code).expect("dumps")).expect("loads");
        let functions: Vec<&Arc<CodeObject>> = loaded
            .consts
            .iter()
            .filter_map(|c| match c {
                Value::Code(c) => Some(c),
                _ => None,
            })
            .collect();
        let value_name = |c: &CodeObject| match &c.names[0] {
            Value::Str(s) => Arc::as_ptr(s),
            other => panic!("not a str name: {other:?}"),
        };
        assert_eq!(functions.len(), 2);
        assert_eq!(value_name(functions[0]), value_name(functions[1]));
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = dump(&compile("x = 1\n")).expect("dumps");
        assert!(load(&bytes[..bytes.len() / 2]).is_err());
        assert!(load(&[0xff; 3]).is_err());
    }
}
