//! `_gilsim_json.encode`: the JSON encoder's common case in Rust (CPython has the same split:
//! Modules/_json.c's `c_make_encoder` encodes, Lib/json/encoder.py holds the options and
//! hooks). It writes a whole document of exact builtin types (str, int, float, bool, None,
//! list, tuple, dict) with the given separators and indent; anything else — another type
//! (default() decides), a cycle, NaN with allow_nan=False, an int past int()'s digit
//! limit, a key json.py must refuse or skip, very deep nesting — makes it answer None, and
//! json.py's Python encoder gives the answer or CPython's error. It calls no Python code,
//! so a document is encoded in one step, as the C encoder does under the GIL.

use std::fmt::Write as _;

use crate::vm::context::Vm;
use crate::vm::fmt::float_repr::float_repr;
use crate::vm::objects::function::Args;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

/// Past this depth json.py's encoder decides (a recursion limit raised this high is enforced
/// by the VM, whose frames do not live on this thread's stack); as json_scan.rs.
const MAX_NATIVE_DEPTH: usize = 3000;
/// Frames CPython counts below the encoder (the caller, dumps, encode).
const CALLER_FRAMES: usize = 3;

/// Why an encoding stopped: "ask json.py", or nesting past the recursion limit.
enum Defer {
    Python,
    TooDeep,
}

struct Encoder<'a> {
    out: String,
    ensure_ascii: bool,
    allow_nan: bool,
    item_sep: &'a str,
    key_sep: &'a str,
    indent: Option<&'a str>,
    /// The containers being encoded (their addresses), to find a cycle.
    path: Vec<usize>,
    /// sys.getrecursionlimit(): CPython's encoder counts each list and dict as a call.
    limit: usize,
}

impl Encoder<'_> {
    fn value(&mut self, v: &Value) -> Result<(), Defer> {
        match v {
            Value::Str(s) => self.string(s.as_str()),
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::Float(f) => self.float(*f)?,
            Value::List(l) => {
                let items = l.items.read().clone();
                self.sequence(std::sync::Arc::as_ptr(l) as usize, &items)?;
            }
            Value::Tuple(t) => self.sequence(std::sync::Arc::as_ptr(t) as usize, &t.items)?,
            Value::Dict(d) => {
                let items = d.items();
                self.mapping(std::sync::Arc::as_ptr(d) as usize, &items)?;
            }
            // BigInt (int()'s digit limit applies), subclasses, and every other type.
            _ => return Err(Defer::Python),
        }
        Ok(())
    }

    /// Lib/json/encoder.py's floatstr: repr, or NaN/Infinity/-Infinity when allowed.
    fn float(&mut self, f: f64) -> Result<(), Defer> {
        if f.is_finite() {
            self.out.push_str(&float_repr(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(Defer::Python);
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    /// Modules/_json.c's escape_unicode / ascii_escape_unicode: `"`, `\` and control
    /// characters always; with ensure_ascii also DEL and everything past it, astral
    /// characters as a surrogate pair.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut run = 0;
        for (i, ch) in s.char_indices() {
            let c = ch as u32;
            let plain = c >= 0x20 && ch != '"' && ch != '\\' && (!self.ensure_ascii || c < 0x7F);
            if plain {
                continue;
            }
            self.out.push_str(&s[run..i]);
            run = i + ch.len_utf8();
            match ch {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                _ if c > 0xFFFF => {
                    let c = c - 0x10000;
                    let _ = write!(
                        self.out,
                        "\\u{:04x}\\u{:04x}",
                        0xD800 | (c >> 10),
                        0xDC00 | (c & 0x3FF)
                    );
                }
                _ => {
                    let _ = write!(self.out, "\\u{c:04x}");
                }
            }
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }

    fn enter(&mut self, id: usize) -> Result<(), Defer> {
        if self.path.contains(&id) {
            return Err(Defer::Python);
        }
        if self.path.len() + 1 + CALLER_FRAMES > self.limit {
            return Err(if self.limit > MAX_NATIVE_DEPTH {
                Defer::Python
            } else {
                Defer::TooDeep
            });
        }
        self.path.push(id);
        Ok(())
    }

    /// The newline and indent before an item (with indent), or the separator alone.
    fn item_start(&mut self, first: bool) {
        if !first {
            self.out.push_str(self.item_sep);
        }
        if let Some(indent) = self.indent {
            self.newline(indent, self.path.len());
        }
    }

    fn newline(&mut self, indent: &str, level: usize) {
        self.out.push('\n');
        for _ in 0..level {
            self.out.push_str(indent);
        }
    }

    fn close(&mut self, bracket: char) {
        self.path.pop();
        if let Some(indent) = self.indent {
            self.newline(indent, self.path.len());
        }
        self.out.push(bracket);
    }

    fn sequence(&mut self, id: usize, items: &[Value]) -> Result<(), Defer> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(id)?;
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            self.item_start(i == 0);
            self.value(item)?;
        }
        self.close(']');
        Ok(())
    }

    fn mapping(&mut self, id: usize, items: &[(Value, Value)]) -> Result<(), Defer> {
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(id)?;
        self.out.push('{');
        for (i, (key, value)) in items.iter().enumerate() {
            self.item_start(i == 0);
            self.key(key)?;
            self.out.push_str(self.key_sep);
            self.value(value)?;
        }
        self.close('}');
        Ok(())
    }

    /// A key as Lib/json/encoder.py turns it into a string; other types (refused, or
    /// skipped with skipkeys) are json.py's to decide.
    fn key(&mut self, key: &Value) -> Result<(), Defer> {
        match key {
            Value::Str(s) => self.string(s.as_str()),
            Value::None => self.out.push_str("\"null\""),
            Value::Bool(b) => self.out.push_str(if *b { "\"true\"" } else { "\"false\"" }),
            Value::Int(n) => {
                let _ = write!(self.out, "\"{n}\"");
            }
            Value::Float(f) => {
                self.out.push('"');
                self.float(*f)?;
                self.out.push('"');
            }
            _ => return Err(Defer::Python),
        }
        Ok(())
    }
}

/// `encode(obj, ensure_ascii, allow_nan, item_separator, key_separator, indent)`: the JSON
/// text, or None when json.py's encoder must decide. `indent` is None or the string of one
/// level.
pub fn encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [obj, ensure_ascii, allow_nan, item_sep, key_sep, indent] = args.args else {
        return Err(type_error("encode() takes 6 arguments"));
    };
    let (Value::Bool(ensure_ascii), Value::Bool(allow_nan)) = (ensure_ascii, allow_nan) else {
        return Err(type_error(
            "encode() takes bools for ensure_ascii and allow_nan",
        ));
    };
    let (Value::Str(item_sep), Value::Str(key_sep)) = (item_sep, key_sep) else {
        return Ok(Value::None);
    };
    let indent = match indent {
        Value::None => None,
        Value::Str(s) => Some(s.as_str()),
        _ => return Ok(Value::None),
    };
    let mut encoder = Encoder {
        out: String::new(),
        ensure_ascii: *ensure_ascii,
        allow_nan: *allow_nan,
        item_sep: item_sep.as_str(),
        key_sep: key_sep.as_str(),
        indent,
        path: Vec::new(),
        limit: vm.interp.recursion_limit() as usize,
    };
    Ok(match encoder.value(obj) {
        Ok(()) => Value::string(encoder.out),
        Err(Defer::Python) => Value::None,
        // Modules/_json.c's Py_EnterRecursiveCall(" while encoding a JSON object").
        Err(Defer::TooDeep) => {
            return Err(crate::vm::pyerr::recursion_error(
                "maximum recursion depth exceeded while encoding a JSON object".to_string(),
            ));
        }
    })
}
