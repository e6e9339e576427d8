//! `_gilsim_re`: the engine under gilsim's `re` (src/stdlib/py/re.py), on the `regex` crate.
//! A pattern is compiled once (translated by `re_translate`); a search returns the span of
//! every group in characters, as CPython's `_sre` does, so `re.py` builds Match objects.

use std::sync::{Arc, LazyLock, OnceLock};

use crate::vm::builtins::native_class;
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::Args;
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, unsupported};

use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::{Anchored, Input, MatchKind};

use super::re_translate::{Problem, translate};

/// A compiled pattern: the crate's regex, the one anchored at the end for `fullmatch`
/// (made on first use), and whether a `$` needs CPython's final-newline rule.
struct Compiled {
    regex: regex::Regex,
    full: OnceLock<Result<regex::Regex, String>>,
    /// The pattern as a PikeVM reporting the longest match (see `longer_match_at`).
    longest: OnceLock<Option<PikeVM>>,
    translated: String,
    end_dollar: bool,
}

static PATTERN: LazyLock<Arc<Class>> = LazyLock::new(|| native_class("_Engine", "re", &[]));

pub fn create(_vm: &Vm) -> Arc<Module> {
    super::native_module("_gilsim_re", &[("compile", compile), ("search", search)])
}

fn arg_str<'a>(args: &'a Args<'_>, i: usize, what: &str) -> PyResult<&'a str> {
    args.args
        .get(i)
        .and_then(Value::as_str)
        .ok_or_else(|| type_error(format!("{what} must be a string")))
}

fn arg_int(args: &Args<'_>, i: usize) -> i64 {
    match args.args.get(i) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => 0,
    }
}

/// `compile(pattern, flags)`: `(engine, groups, {name: index})`, or `(message, position)`
/// for a pattern CPython rejects (re.py raises `re.error` with them).
fn compile(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pattern = arg_str(&args, 0, "pattern")?;
    let flags = arg_int(&args, 1);
    let translated = match translate(pattern, flags) {
        Ok(t) => t,
        Err(Problem::Error(msg, pos)) => {
            return Ok(Value::tuple(vec![Value::str(&msg), Value::Int(pos as i64)]));
        }
        Err(Problem::Unsupported(feature)) => {
            return Err(unsupported(&format!("re: {feature}")));
        }
    };
    let regex = match regex::Regex::new(&translated.pattern) {
        Ok(r) => r,
        Err(e) => {
            // What the translation let through and the crate rejects (a bad range,
            // too big a repeat): the crate's own words, without a position.
            let msg = e.to_string();
            let last = msg.lines().last().unwrap_or("").trim();
            let last = last.strip_prefix("error: ").unwrap_or(last);
            return Ok(Value::tuple(vec![Value::str(last), Value::None]));
        }
    };
    let names = Dict::new();
    for (i, name) in regex.capture_names().enumerate() {
        if let Some(name) = name {
            names.set_str(name, Value::Int(i as i64));
        }
    }
    let groups = regex.captures_len() as i64 - 1;
    let engine = Compiled {
        regex,
        full: OnceLock::new(),
        longest: OnceLock::new(),
        translated: translated.pattern,
        end_dollar: translated.end_dollar,
    };
    Ok(Value::tuple(vec![
        Value::Native(Arc::new(NativeObject::new(PATTERN.clone(), engine))),
        Value::Int(groups),
        Value::Dict(Arc::new(names)),
    ]))
}

/// Byte offset of char index `k` in `s` (clamped to the end).
fn byte_at(s: &str, ascii: bool, k: usize) -> usize {
    if ascii {
        return k.min(s.len());
    }
    s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
}

/// `search(engine, string, pos, endpos, mode, must_advance)`: mode 0 searches, 1 matches
/// at `pos`, 2 matches all of `pos..endpos`. With `must_advance`, an empty match at `pos`
/// does not count (CPython's rule for the next match after an empty one). Returns a tuple
/// of (start, end) char offsets per group, -1 for a group that did not take part, or None.
fn search(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Native(n)) = args.args.first() else {
        return Err(type_error("expected a compiled pattern"));
    };
    let Some(engine) = n.downcast::<Compiled>() else {
        return Err(type_error("expected a compiled pattern"));
    };
    let Some(Value::Str(string)) = args.args.get(1) else {
        return Err(type_error("expected string or bytes-like object"));
    };
    let s = string.as_str();
    let ascii = string.is_ascii();
    let nchars = if ascii { s.len() } else { string.char_len() };
    let clamp = |v: i64| v.clamp(0, nchars as i64) as usize;
    let endpos = clamp(arg_int(&args, 3));
    let pos = clamp(arg_int(&args, 2)).min(endpos);
    let mode = arg_int(&args, 4);
    let must_advance = arg_int(&args, 5) != 0;
    let hay = &s[..byte_at(s, ascii, endpos)];
    if engine.end_dollar && hay.ends_with('\n') {
        return Err(unsupported(
            "re: '$' (without MULTILINE) on a string that ends with a newline",
        ));
    }
    let regex = if mode == 2 {
        match engine.full.get_or_init(|| {
            regex::Regex::new(&format!("(?:{})\\z", engine.translated)).map_err(|e| e.to_string())
        }) {
            Ok(r) => r,
            Err(e) => return Err(crate::vm::pyerr::value_error(e.clone())),
        }
    } else {
        &engine.regex
    };
    let start = byte_at(s, ascii, pos);
    let mut at = start;
    let caps = loop {
        let Some(caps) = regex.captures_at(hay, at) else {
            return Ok(Value::None);
        };
        let whole = caps.get(0).map_or((at, at), |m| (m.start(), m.end()));
        if must_advance && whole == (start, start) {
            // CPython's backtracking would now take the first non-empty match at `pos` in
            // the pattern's order of preference, which the crate cannot enumerate. If
            // there is none, the next match starts later: try again one character on.
            if longer_match_at(engine, hay, start) {
                return Err(unsupported(
                    "re: a pattern that prefers an empty match to a longer one at the same \
                     place (as '|a' or 'a*?'), in findall, finditer, sub or split",
                ));
            }
            match hay[at..].chars().next() {
                Some(c) => at += c.len_utf8(),
                None => return Ok(Value::None),
            }
            continue;
        }
        break caps;
    };
    let whole = caps.get(0).map_or(0, |m| m.start());
    if mode != 0 && whole != start {
        return Ok(Value::None);
    }
    let to_char = |b: usize| -> i64 {
        if ascii {
            b as i64
        } else {
            s[..b].chars().count() as i64
        }
    };
    let mut spans = Vec::with_capacity(caps.len() * 2);
    for g in caps.iter() {
        match g {
            Some(m) => {
                spans.push(Value::Int(to_char(m.start())));
                spans.push(Value::Int(to_char(m.end())));
            }
            None => {
                spans.push(Value::Int(-1));
                spans.push(Value::Int(-1));
            }
        }
    }
    Ok(Value::tuple(spans))
}

/// Whether the pattern has a non-empty match starting at `start` (its longest match there,
/// by a PikeVM that reports all matches, ends later).
fn longer_match_at(engine: &Compiled, hay: &str, start: usize) -> bool {
    let vm = engine.longest.get_or_init(|| {
        PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build(&engine.translated)
            .ok()
    });
    let Some(vm) = vm else {
        // Cannot tell: refusing is the honest answer.
        return true;
    };
    let mut cache = vm.create_cache();
    let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
    vm.find(&mut cache, input).is_some_and(|m| m.end() > start)
}
