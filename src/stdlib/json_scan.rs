//! `_gilsim_json.scan`: the JSON decoder's common case in Rust (CPython has the same split:
//! Modules/_json.c scans, Lib/json/decoder.py holds the hooks). It parses a whole document
//! with the default options into Python values, or reports the first error with the C
//! scanner's message and character position; what it cannot decide alone (lone
//! surrogates, integers past int()'s digit limit, very deep nesting) it leaves to
//! json.py's Python scanner, which gives the answer or the refusal.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error};

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module(
        "_gilsim_json",
        &[("scan", scan), ("encode", super::json_encode::encode)],
    )
}

/// Why a scan stopped: a JSON error (message, byte offset), nesting past the recursion
/// limit (in an array or an object), or "ask the Python scanner".
enum Stop {
    Error(&'static str, usize),
    TooDeep(&'static str),
    Defer,
}

/// Past this depth the Python scanner decides (a recursion limit raised this high is
/// enforced by the VM, whose frames do not live on this thread's stack).
const MAX_NATIVE_DEPTH: usize = 3000;
/// Frames CPython counts below the scanner (the caller, loads, decode).
const CALLER_FRAMES: usize = 3;
/// CPython's int() refuses longer decimal strings (sys.int_info.default_max_str_digits).
const MAX_INT_DIGITS: usize = 4300;

struct Scanner<'a> {
    s: &'a [u8],
    text: &'a str,
    /// sys.getrecursionlimit(): CPython's scanner counts each array and object as a call.
    limit: usize,
}

impl Scanner<'_> {
    fn skip(&self, mut i: usize) -> usize {
        while i < self.s.len() && matches!(self.s[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        self.s[i..].starts_with(word.as_bytes())
    }

    fn enter(&self, depth: usize, what: &'static str) -> Result<(), Stop> {
        if depth + CALLER_FRAMES > self.limit {
            return Err(if self.limit > MAX_NATIVE_DEPTH {
                Stop::Defer
            } else {
                Stop::TooDeep(what)
            });
        }
        Ok(())
    }

    fn value(&self, i: usize, depth: usize) -> Result<(Value, usize), Stop> {
        let Some(&c) = self.s.get(i) else {
            return Err(Stop::Error("Expecting value", i));
        };
        match c {
            b'"' => self.string(i + 1).map(|(s, e)| (Value::string(s), e)),
            b'{' => self.object(i + 1, depth),
            b'[' => self.array(i + 1, depth),
            b'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            b't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            b'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            b'N' if self.starts(i, "NaN") => Ok((Value::Float(f64::NAN), i + 3)),
            b'I' if self.starts(i, "Infinity") => Ok((Value::Float(f64::INFINITY), i + 8)),
            b'-' if self.starts(i, "-Infinity") => Ok((Value::Float(f64::NEG_INFINITY), i + 9)),
            _ => self.number(i),
        }
    }

    fn digits(&self, mut i: usize) -> usize {
        while i < self.s.len() && self.s[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    /// -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? (Lib/json/scanner.py's NUMBER_RE).
    fn number(&self, start: usize) -> Result<(Value, usize), Stop> {
        let s = self.s;
        let mut i = start;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = self.digits(i),
            _ => return Err(Stop::Error("Expecting value", start)),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            i = self.digits(i + 1);
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if s.get(j).is_some_and(u8::is_ascii_digit) {
                is_float = true;
                i = self.digits(j);
            }
        }
        let text = &self.text[start..i];
        if is_float {
            // Rust's parse is correctly rounded, as CPython's float() is.
            let f: f64 = text.parse().map_err(|_| Stop::Defer)?;
            return Ok((Value::Float(f), i));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok((Value::Int(n), i));
        }
        if text.len() > MAX_INT_DIGITS {
            return Err(Stop::Defer);
        }
        let big: num_bigint::BigInt = text.parse().map_err(|_| Stop::Defer)?;
        Ok((Value::from_bigint(big), i))
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let digits = self.text.get(i..i + 4)?;
        if digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            u32::from_str_radix(digits, 16).ok()
        } else {
            None
        }
    }

    /// The string whose opening quote is at `i - 1`.
    fn string(&self, mut i: usize) -> Result<(String, usize), Stop> {
        let s = self.s;
        let begin = i - 1;
        let mut out = String::new();
        loop {
            let run = i;
            while i < s.len() && s[i] != b'"' && s[i] != b'\\' && s[i] >= 0x20 {
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            let Some(&c) = s.get(i) else {
                return Err(Stop::Error("Unterminated string starting at", begin));
            };
            match c {
                b'"' => return Ok((out, i + 1)),
                b'\\' => {}
                _ => return Err(Stop::Error("Invalid control character at", i)),
            }
            let Some(&esc) = s.get(i + 1) else {
                return Err(Stop::Error("Unterminated string starting at", begin));
            };
            let simple = match esc {
                b'"' => Some('"'),
                b'\\' => Some('\\'),
                b'/' => Some('/'),
                b'b' => Some('\u{8}'),
                b'f' => Some('\u{c}'),
                b'n' => Some('\n'),
                b'r' => Some('\r'),
                b't' => Some('\t'),
                b'u' => None,
                _ => return Err(Stop::Error("Invalid \\escape", i)),
            };
            if let Some(ch) = simple {
                out.push(ch);
                i += 2;
                continue;
            }
            let u = i + 1;
            let Some(mut code) = self.hex4(u + 1) else {
                return Err(Stop::Error("Invalid \\uXXXX escape", u));
            };
            i = u + 5;
            if (0xD800..0xDC00).contains(&code) && self.starts(i, "\\u") {
                let Some(low) = self.hex4(i + 2) else {
                    return Err(Stop::Error("Invalid \\uXXXX escape", i + 1));
                };
                if (0xDC00..0xE000).contains(&low) {
                    code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00));
                    i += 6;
                }
            }
            // A lone surrogate has no Rust char: json.py refuses it by name.
            out.push(char::from_u32(code).ok_or(Stop::Defer)?);
        }
    }

    fn object(&self, i: usize, depth: usize) -> Result<(Value, usize), Stop> {
        self.enter(depth + 1, "object")?;
        let dict = Dict::new();
        let mut i = self.skip(i);
        if self.s.get(i) == Some(&b'}') {
            return Ok((Value::Dict(Arc::new(dict)), i + 1));
        }
        loop {
            if self.s.get(i) != Some(&b'"') {
                return Err(Stop::Error(
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip(end);
            if self.s.get(i) != Some(&b':') {
                return Err(Stop::Error("Expecting ':' delimiter", i));
            }
            let (value, end) = self.value(self.skip(i + 1), depth + 1)?;
            dict.set_str(&key, value);
            i = self.skip(end);
            match self.s.get(i) {
                Some(b'}') => return Ok((Value::Dict(Arc::new(dict)), i + 1)),
                Some(b',') => i = self.skip(i + 1),
                _ => return Err(Stop::Error("Expecting ',' delimiter", i)),
            }
        }
    }

    fn array(&self, i: usize, depth: usize) -> Result<(Value, usize), Stop> {
        self.enter(depth + 1, "array")?;
        let mut items = Vec::new();
        let mut i = self.skip(i);
        if self.s.get(i) == Some(&b']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (value, end) = self.value(i, depth + 1)?;
            items.push(value);
            i = self.skip(end);
            match self.s.get(i) {
                Some(b']') => return Ok((Value::list(items), i + 1)),
                Some(b',') => i = self.skip(i + 1),
                _ => return Err(Stop::Error("Expecting ',' delimiter", i)),
            }
        }
    }
}

/// `scan(text)`: `(True, value, None)`, `(False, message, char position)` for a document
/// that is not JSON, or None when json.py's Python scanner must decide.
fn scan(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Str(text)) = args.args.first() else {
        return Err(type_error("scan() expects a str"));
    };
    let text = text.as_str();
    let scanner = Scanner {
        s: text.as_bytes(),
        text,
        limit: vm.interp.recursion_limit() as usize,
    };
    let result = scanner.value(scanner.skip(0), 0).and_then(|(value, end)| {
        let end = scanner.skip(end);
        if end == text.len() {
            Ok(value)
        } else {
            Err(Stop::Error("Extra data", end))
        }
    });
    Ok(match result {
        Ok(value) => Value::tuple(vec![Value::Bool(true), value, Value::None]),
        Err(Stop::Error(msg, byte)) => {
            let pos = text[..byte].chars().count();
            Value::tuple(vec![
                Value::Bool(false),
                Value::str(msg),
                Value::Int(pos as i64),
            ])
        }
        Err(Stop::TooDeep(what)) => {
            return Err(crate::vm::pyerr::recursion_error(format!(
                "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
            )));
        }
        Err(Stop::Defer) => Value::None,
    })
}
