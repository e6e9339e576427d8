//! `str` methods: case, stripping, searching, predicates, padding (Objects/unicodeobject.c).

use std::sync::Arc;

use super::add_receiver_methods;
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, MethodFn};
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, type_error, value_error};

pub fn register(cls: &Arc<Class>) {
    let methods: &[(&str, MethodFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
    ];
    add_receiver_methods(cls, methods);
}

/// The receiver of a str method.
pub fn recv<'a>(receiver: &'a Value, name: &str) -> PyResult<&'a Arc<PyStr>> {
    match crate::vm::objects::class::unwrap_base(receiver) {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            type_name(other)
        ))),
    }
}

/// The method's own arguments (without the receiver).
pub fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        args: &args.args[1.min(args.args.len())..],
        kwnames: args.kwnames,
    }
}

/// The arguments of a positional-only str method, with CPython's errors.
pub(super) fn str_arguments<'a>(
    name: &str,
    args: Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    super::method_arguments(|| "str", name, args, min, max)
}

fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(type_error(format!(
            "{fname}() argument {what} must be str, not {}",
            type_name(other)
        ))),
    }
}

fn map_str(
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    f: impl Fn(&str) -> String,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    str_arguments(name, args, 0, 0)?;
    Ok(Value::string(f(s.as_str())))
}

fn upper(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_ascii_or_unicode(
        receiver,
        args,
        "upper",
        str::make_ascii_uppercase,
        str::to_uppercase,
    )
}

fn lower(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_ascii_or_unicode(
        receiver,
        args,
        "lower",
        str::make_ascii_lowercase,
        str::to_lowercase,
    )
}

/// `map_str` with a byte-by-byte mapping, in place, for ASCII text (known without a scan):
/// a short result is made in the new str's inline storage, with no allocation of its own.
fn map_ascii_or_unicode(
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    ascii: fn(&mut str),
    unicode: fn(&str) -> String,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    str_arguments(name, args, 0, 0)?;
    if !s.is_ascii() {
        return Ok(Value::string(unicode(s.as_str())));
    }
    let mut text = compact_str::CompactString::new(s.as_str());
    ascii(text.as_mut_str());
    Ok(Value::Str(Arc::new(PyStr::new(text))))
}

fn casefold(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_str(receiver, args, "casefold", |s| {
        s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
    })
}

fn capitalize(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_str(receiver, args, "capitalize", |s| {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
            None => String::new(),
        }
    })
}

/// `str.title()`: a letter after a non-letter starts a word.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn title(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_str(receiver, args, "title", title_case)
}

fn swapcase(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    map_str(receiver, args, "swapcase", |s| {
        s.chars()
            .flat_map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<Vec<_>>()
                } else {
                    c.to_uppercase().collect::<Vec<_>>()
                }
            })
            .collect()
    })
}

/// Python's whitespace for `strip()`/`split()` (str.isspace()).
pub fn is_py_space(c: char) -> bool {
    crate::vm::fmt::parse_num::unicode_isspace(c)
}

fn strip_impl(
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    let a = str_arguments(name, args, 0, 1)?;
    let chars: Option<Vec<char>> = match a.first() {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str().chars().collect()),
        Some(other) => {
            return Err(type_error(format!(
                "{name} arg must be None or str, not {}",
                type_name(other)
            )));
        }
    };
    let test = |c: char| match &chars {
        None => is_py_space(c),
        Some(set) => set.contains(&c),
    };
    let mut t = s.as_str();
    if left {
        t = t.trim_start_matches(test);
    }
    if right {
        t = t.trim_end_matches(test);
    }
    Ok(Value::str(t))
}

fn strip(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    strip_impl(receiver, args, "strip", true, true)
}

fn lstrip(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    strip_impl(receiver, args, "lstrip", true, false)
}

fn rstrip(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    strip_impl(receiver, args, "rstrip", false, true)
}

/// Resolves optional `start`/`end` (char indexes, slice semantics) into a char range.
fn char_range(
    vm: &Vm,
    s: &PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let len = s.char_len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = vm.index_i64(x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let a = norm(start, 0)?;
    let b = norm(end, len)?;
    Ok((a as usize, b.max(a) as usize))
}

/// Finds `sub` in `s[start:end]`; returns a char index.
fn find_impl(
    vm: &Vm,
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    reverse: bool,
) -> PyResult<Option<usize>> {
    let s = recv(receiver, name)?;
    let a = str_arguments(name, args, 1, 3)?;
    let sub = str_arg(&a[0], name, "1")?;
    let (start, end) = char_range(vm, s, a.get(1), a.get(2))?;
    if start > s.char_len() || (end - start) < sub.chars().count() && !sub.is_empty() {
        return Ok(if sub.is_empty() && start <= s.char_len() {
            Some(start)
        } else {
            None
        });
    }
    let region = s.slice_chars(start, end);
    let found = if reverse {
        region.rfind(sub)
    } else {
        region.find(sub)
    };
    Ok(found.map(|byte| start + region[..byte].chars().count()))
}

fn find(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, receiver, args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn rfind(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, receiver, args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn index(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    find_impl(vm, receiver, args, "index", false)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| value_error("substring not found"))
}

fn rindex(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    find_impl(vm, receiver, args, "rindex", true)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| value_error("substring not found"))
}

fn count(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "count")?;
    let a = str_arguments("count", args, 1, 3)?;
    let sub = str_arg(&a[0], "count", "1")?;
    let (start, end) = char_range(vm, s, a.get(1), a.get(2))?;
    if start > s.char_len() {
        return Ok(Value::Int(0));
    }
    let region = s.slice_chars(start, end);
    let n = if sub.is_empty() {
        region.chars().count() + 1
    } else {
        region.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix_impl(
    vm: &Vm,
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    let a = str_arguments(name, args, 1, 3)?;
    let (start, end) = char_range(vm, s, a.get(1), a.get(2))?;
    if start > s.char_len() {
        return Ok(Value::Bool(false));
    }
    let region = s.slice_chars(start, end);
    let check = |p: &str| {
        if prefix {
            region.starts_with(p)
        } else {
            region.ends_with(p)
        }
    };
    match &a[0] {
        Value::Str(p) => Ok(Value::Bool(check(p.as_str()))),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                match item {
                    Value::Str(p) if check(p.as_str()) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        return Err(type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            type_name(other)
                        )));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(other)
        ))),
    }
}

fn startswith(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    affix_impl(vm, receiver, args, "startswith", true)
}

fn endswith(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    affix_impl(vm, receiver, args, "endswith", false)
}

fn predicate(
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    empty: bool,
    f: impl Fn(&str) -> bool,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    str_arguments(name, args, 0, 0)?;
    if s.as_str().is_empty() {
        return Ok(Value::Bool(empty));
    }
    Ok(Value::Bool(f(s.as_str())))
}

fn isdigit(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isdigit", false, |s| {
        s.chars().all(|c| {
            crate::vm::fmt::parse_num::unicode_decimal(c).is_some()
                || matches!(c, '²' | '³' | '¹' | '⁰' | '⁴'..='⁹' | '₀'..='₉' | '①'..='⑨')
        })
    })
}

fn isdecimal(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isdecimal", false, |s| {
        s.chars()
            .all(|c| crate::vm::fmt::parse_num::unicode_decimal(c).is_some())
    })
}

fn isnumeric(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isnumeric", false, |s| {
        s.chars().all(char::is_numeric)
    })
}

fn isalpha(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isalpha", false, |s| {
        s.chars().all(char::is_alphabetic)
    })
}

fn isalnum(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isalnum", false, |s| {
        s.chars().all(char::is_alphanumeric)
    })
}

fn isspace(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isspace", false, |s| {
        s.chars().all(is_py_space)
    })
}

fn isupper(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isupper", false, |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}

fn islower(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "islower", false, |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}

fn istitle(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "istitle", false, |s| {
        s.chars().any(|c| c.is_alphabetic()) && title_case(s) == s
    })
}

fn isidentifier(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isidentifier", false, |s| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric())
    })
}

fn isprintable(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isprintable", true, |s| {
        s.chars().all(crate::vm::protocols::convert::is_printable)
    })
}

fn isascii(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    predicate(receiver, args, "isascii", true, |s| s.is_ascii())
}

fn pad_args(
    vm: &Vm,
    receiver: &Value,
    args: Args<'_>,
    name: &str,
) -> PyResult<(Arc<PyStr>, usize, char)> {
    let s = recv(receiver, name)?.clone();
    let a = str_arguments(name, args, 1, 2)?;
    let width = vm.index_i64(&a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ));
        }
    };
    Ok((s, width, fill))
}

/// `s` with `left` and `right` fill characters around it, allocated fallibly (a width of
/// 10**12 is CPython's MemoryError, and was an allocator abort).
fn padded(s: &PyStr, fill: char, left: usize, right: usize) -> PyResult<String> {
    let bytes = (left + right)
        .checked_mul(fill.len_utf8())
        .and_then(|n| n.checked_add(s.as_str().len()))
        .unwrap_or(usize::MAX);
    let mut out = crate::vm::pyerr::string_with_capacity(bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn center(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, receiver, args, "center")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    let total = width - len;
    // CPython puts the extra space on the left when the string length is odd.
    let left = total / 2 + (total & width & 1);
    let right = total - left;
    Ok(Value::string(padded(&s, fill, left, right)?))
}

fn ljust(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, receiver, args, "ljust")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(padded(&s, fill, 0, width - len)?))
}

fn rjust(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, receiver, args, "rjust")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    Ok(Value::string(padded(&s, fill, width - len, 0)?))
}

fn zfill(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "zfill")?;
    let a = str_arguments("zfill", args, 1, 1)?;
    let width = vm.index_i64(&a[0])?.max(0) as usize;
    let text = s.as_str();
    let len = s.char_len();
    if width <= len {
        return Ok(Value::str(text));
    }
    let mut out = crate::vm::pyerr::string_with_capacity(text.len() + (width - len))?;
    let digits = match text.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', width - len));
    out.push_str(digits);
    Ok(Value::string(out))
}

fn removeprefix(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "removeprefix")?;
    let a = str_arguments("removeprefix", args, 1, 1)?;
    let p = str_arg(&a[0], "removeprefix", "")?;
    Ok(Value::str(s.as_str().strip_prefix(p).unwrap_or(s.as_str())))
}

fn removesuffix(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "removesuffix")?;
    let a = str_arguments("removesuffix", args, 1, 1)?;
    let p = str_arg(&a[0], "removesuffix", "")?;
    Ok(Value::str(s.as_str().strip_suffix(p).unwrap_or(s.as_str())))
}
