//! Smaller services builtins need from the VM: `len()`, writing to stdout/stderr or a file
//! object, the current module's globals, and `eval`/`exec` of source text.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::eval::frame::Frame;
use crate::vm::eval::{FrameExit, Resume};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};

impl Vm {
    /// `len(v)`.
    pub fn len(&self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Range(r) => {
                let n = self.range_len(r);
                num_traits::ToPrimitive::to_usize(&n)
                    .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?
            }
            Value::Instance(_) | Value::Native(_) => match self.call_dunder(v, "__len__", &[])? {
                Some(r) => {
                    let n = self.index_value(&r)?;
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(value_error("__len__() should return >= 0"));
                    }
                    num_traits::ToPrimitive::to_usize(&n).ok_or_else(|| {
                        overflow_error("cannot fit 'int' into an index-sized integer")
                    })?
                }
                None => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        type_name(v)
                    )));
                }
            },
            Value::Class(_) if let Some(n) = self.class_hook(v, "__gilsim_class_len__", &[])? => {
                let n = self.index_value(&n)?;
                num_traits::ToPrimitive::to_usize(&n)
                    .ok_or_else(|| value_error("__len__() should return >= 0"))?
            }
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )));
            }
        })
    }

    /// Writes `text` to `file` (None → stdout; sys.stdout/sys.stderr; or any `.write()`).
    /// What a program put in `sys.stdout` in place of the real stream
    /// (`contextlib.redirect_stdout`), which `print` then writes to.
    pub fn replaced_stdout(&self) -> Option<Value> {
        let Some(Value::Module(sys)) = self.interp.modules.get_str("sys") else {
            return None;
        };
        match sys.dict.get_str("stdout")? {
            Value::Native(n) if n.downcast::<crate::stdlib::sys::StdStream>().is_some() => None,
            other => Some(other),
        }
    }

    pub fn write_to(&self, file: &Value, text: &str, flush: bool) -> PyResult<()> {
        let runtime = &self.interp.runtime;
        let target = match file {
            Value::None => Some(crate::stdlib::sys::StdStream::Stdout),
            Value::Native(n) => n.downcast::<crate::stdlib::sys::StdStream>().copied(),
            _ => None,
        };
        match target {
            Some(crate::stdlib::sys::StdStream::Stdout) if runtime.options.unbuffered => {
                crate::stdlib::sys::unbuffered_write(self, text, false)?;
            }
            Some(crate::stdlib::sys::StdStream::Stdout) => {
                runtime.stdout.write_str(text);
                if flush {
                    crate::stdlib::sys::flush_stdout(self)?;
                }
            }
            Some(crate::stdlib::sys::StdStream::Stderr) => {
                runtime.stdout.flush();
                runtime.stderr.write_str(text);
            }
            None => {
                let write = self.getattr_str(file, "write")?;
                self.call(&write, &[Value::str(text)])?;
                if flush && let Some(f) = self.getattr_opt(file, "flush")? {
                    self.call(&f, &[])?;
                }
            }
        }
        Ok(())
    }

    /// The globals of the frame that called the current native function.
    pub fn globals_hint(&self) -> Option<Arc<Dict>> {
        self.frame_hint.borrow().as_ref().map(|(g, _)| g.clone())
    }

    /// Whether that frame is a function body (where `locals()` differs from `globals()`).
    pub fn in_function_frame(&self) -> bool {
        self.frame_hint.borrow().as_ref().is_some_and(|(_, f)| *f)
    }

    /// Remembers where user code called a blocking or stdlib function, for deadlock reports
    /// and traces (calls made from inside the stdlib keep the user's position).
    pub(crate) fn note_caller(&self, code: &Arc<crate::compiler::bytecode::CodeObject>, pc: usize) {
        if !code.stdlib {
            *self.caller_location.borrow_mut() = Some((code.clone(), pc));
        }
    }

    pub(crate) fn set_frame_hint(&self, frame: &Frame) {
        self.note_caller(&frame.func.code, frame.pc);
        let is_function = frame.locals.is_none()
            && frame.func.code.flags & crate::compiler::bytecode::flags::NESTED != 0;
        let unchanged = matches!(
            self.frame_hint.borrow().as_ref(),
            Some((g, f)) if Arc::ptr_eq(g, &frame.func.globals) && *f == is_function
        );
        if !unchanged {
            *self.frame_hint.borrow_mut() = Some((frame.func.globals.clone(), is_function));
        }
    }

    /// `eval(source)` (an expression) or `exec(source)` (statements) in `globals`.
    pub fn eval_source(
        &self,
        source: &str,
        globals: Arc<Dict>,
        expression: bool,
    ) -> PyResult<Value> {
        let code = self.compile_source(source, "<string>", expression)?;
        self.run_code(code, globals)
    }

    /// `compile(source, filename, mode)`: an expression (mode 'eval') or statements, or the
    /// SyntaxError CPython raises. Statements are read as a file is, so a SyntaxError's
    /// `text` ends in a newline even when the string does not (CPython's tokenizer adds one).
    pub fn compile_source(
        &self,
        source: &str,
        filename: &str,
        expression: bool,
    ) -> PyResult<Arc<crate::compiler::bytecode::CodeObject>> {
        let code = if expression {
            crate::compiler::compile_expression(source, filename)
        } else {
            crate::compiler::compile_module(source, filename)
        };
        code.map_err(|e| match expression || source.ends_with('\n') {
            true => self.syntax_error_to_exception(&e, filename, source),
            false => self.syntax_error_to_exception(&e, filename, &format!("{source}\n")),
        })
    }

    /// Runs compiled code (`exec(code)`, `eval(code)`) with `globals` as its namespace.
    pub fn run_code(
        &self,
        code: Arc<crate::compiler::bytecode::CodeObject>,
        globals: Arc<Dict>,
    ) -> PyResult<Value> {
        if globals.get_str("__builtins__").is_none() {
            globals.set_str("__builtins__", Value::Dict(self.builtins().clone()));
        }
        let mut frame = Frame::new(code, globals, None);
        self.check_native_stack()?;
        let saved = self.frame_hint.borrow().clone();
        let r = self.run_frame(&mut frame, Resume::Start);
        *self.frame_hint.borrow_mut() = saved;
        match r? {
            FrameExit::Return(v) | FrameExit::Yield(v) => Ok(v),
        }
    }
}
