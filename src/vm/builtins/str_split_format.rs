//! `str` methods that split, join and format: split/join/replace/partition, `str.format`, encode, translate.

use std::sync::Arc;

use super::str_methods::{is_py_space, recv, str_arguments};
use super::{add_receiver_methods, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, MethodFn};
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, index_error, key_error, type_error, value_error};

pub fn register(cls: &Arc<Class>, staticmethod: &Arc<Class>) {
    let methods: &[(&str, MethodFn)] = &[
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("partition", partition),
        ("rpartition", rpartition),
        ("format", format),
        ("format_map", format_map),
        ("expandtabs", expandtabs),
        ("encode", encode),
        ("translate", translate),
    ];
    add_receiver_methods(cls, methods);
    cls.dict.set_str(
        "maketrans",
        crate::vm::objects::descriptors::staticmethod_of(
            staticmethod,
            super::native("maketrans", maketrans),
        ),
    );
}

fn sep_arg(v: Option<&Value>) -> PyResult<Option<&str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(value_error("empty separator"));
            }
            Ok(Some(s.as_str()))
        }
        Some(other) => Err(type_error(format!(
            "must be str or None, not {}",
            type_name(other)
        ))),
    }
}

/// `s` if it is one ASCII byte: such a pattern is found by comparing bytes (it cannot sit
/// inside a multi-byte character), cheaper on short strings than the standard library's
/// substring and `char` searchers.
fn ascii_byte(s: &str) -> Option<u8> {
    match s.as_bytes() {
        [b] if b.is_ascii() => Some(*b),
        _ => None,
    }
}

/// Where `byte` (ASCII) occurs in `text`.
fn byte_positions(text: &str, byte: u8) -> impl DoubleEndedIterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(move |(i, b)| (b == byte).then_some(i))
}

fn split_common(
    vm: &Vm,
    receiver: &Value,
    args: Args<'_>,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    // `s.split(',')` needs no keyword parsing (nor its allocation).
    let parsed;
    let (sep, maxsplit) = if !args.has_kwargs() && args.args.len() <= 2 {
        (args.args.first(), args.args.get(1))
    } else {
        parsed = parse(name, args, &["sep", "maxsplit"], 0)?;
        (parsed.get(0), parsed.get(1))
    };
    let sep = sep_arg(sep)?;
    let maxsplit = match maxsplit {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let text = s.as_str();
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<Value> = match sep {
        Some(sep) => split_on(text, sep, limit, right),
        None => whitespace_split(text, limit, right)
            .into_iter()
            .map(Value::str)
            .collect(),
    };
    Ok(Value::list(parts))
}

/// `text` split on `sep` at most `limit` times, from the right if `right`.
fn split_on(text: &str, sep: &str, limit: usize, right: bool) -> Vec<Value> {
    let Some(byte) = ascii_byte(sep) else {
        let pieces = limit.saturating_add(1);
        if right {
            let mut parts: Vec<Value> = text.rsplitn(pieces, sep).map(Value::str).collect();
            parts.reverse();
            return parts;
        }
        return text.splitn(pieces, sep).map(Value::str).collect();
    };
    let mut parts = Vec::new();
    if right {
        let mut end = text.len();
        for at in byte_positions(text, byte).rev().take(limit) {
            parts.push(Value::str(&text[at + 1..end]));
            end = at;
        }
        parts.push(Value::str(&text[..end]));
        parts.reverse();
    } else {
        let mut start = 0;
        for at in byte_positions(text, byte).take(limit) {
            parts.push(Value::str(&text[start..at]));
            start = at + 1;
        }
        parts.push(Value::str(&text[start..]));
    }
    parts
}

/// `split()` with no separator: runs of whitespace, leading/trailing ignored.
fn whitespace_split(text: &str, limit: usize, right: bool) -> Vec<&str> {
    let mut out = Vec::new();
    if right {
        let mut rest = text.trim_end_matches(is_py_space);
        while !rest.is_empty() {
            if out.len() == limit {
                out.push(rest);
                break;
            }
            match rest.rfind(is_py_space) {
                Some(i) => {
                    let word_start = i + rest[i..].chars().next().map_or(1, char::len_utf8);
                    out.push(&rest[word_start..]);
                    rest = rest[..i].trim_end_matches(is_py_space);
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
        out.reverse();
        return out;
    }
    let mut rest = text.trim_start_matches(is_py_space);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        match rest.find(is_py_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_py_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn split(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, receiver, args, "split", false)
}

fn rsplit(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, receiver, args, "rsplit", true)
}

fn splitlines(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "splitlines")?;
    let p = parse("splitlines", args, &["keepends"], 0)?;
    let keep = match p.get(0) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r'
            && let Some(&(_, '\n')) = chars.peek()
        {
            chars.next();
            end += 1;
        }
        out.push(Value::str(if keep {
            &text[start..end]
        } else {
            &text[start..i]
        }));
        start = end;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn join(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "join")?;
    let a = str_arguments("join", args, 1, 1)?;
    let items = vm.collect(&a[0])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s.as_str());
        }
        match item {
            Value::Str(x) => out.push_str(x.as_str()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(other)
                )));
            }
        }
    }
    Ok(Value::string(out))
}

/// `text` with each of `matches` (position, matched text) replaced by `new`.
fn replaced<'a>(
    text: &'a str,
    matches: impl Iterator<Item = (usize, &'a str)>,
    new: &str,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, found) in matches {
        out.push_str(&text[last..at]);
        out.push_str(new);
        last = at + found.len();
    }
    out.push_str(&text[last..]);
    out
}

fn replace(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "replace")?;
    let a = str_arguments("replace", args, 2, 3)?;
    let (Value::Str(old), Value::Str(new)) = (&a[0], &a[1]) else {
        return Err(type_error(format!(
            "replace() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    let count = match a.get(2) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let text = s.as_str();
    // Nothing to replace: an exact str comes back as itself (Objects/unicodeobject.c
    // `replace`, its `nothing:` label), so `s.replace('x', 'y') is s` as in CPython.
    // `contains` then `replace` scans a matching string twice, yet measured cheaper than one
    // hand-written `find` + `match_indices` pass (281M against 309M instructions for the
    // broad benchmark's str_methods line): std's vectorised `contains` costs little.
    let byte = ascii_byte(old.as_str());
    let found = match byte {
        Some(b) => text.as_bytes().contains(&b),
        None => text.contains(old.as_str()),
    };
    let unchanged =
        count == 0 || old.as_str() == new.as_str() || (!old.as_str().is_empty() && !found);
    if unchanged && let Value::Str(exact) = receiver {
        return Ok(Value::Str(exact.clone()));
    }
    if count < 0 && old.as_str().is_empty() {
        // Empty pattern: insert between every character and at both ends.
        let mut out = String::from(new.as_str());
        for c in text.chars() {
            out.push(c);
            out.push_str(new.as_str());
        }
        return Ok(Value::string(out));
    }
    if old.as_str().is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in text.chars() {
            if (n as i64) < count {
                out.push_str(new.as_str());
                n += 1;
            }
            out.push(c);
        }
        if (n as i64) < count {
            out.push_str(new.as_str());
        }
        return Ok(Value::string(out));
    }
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let old = old.as_str();
    let out = match byte {
        Some(b) => replaced(
            text,
            byte_positions(text, b).take(limit).map(|at| (at, old)),
            new.as_str(),
        ),
        None => replaced(text, text.match_indices(old).take(limit), new.as_str()),
    };
    Ok(Value::string(out))
}

fn partition_common(receiver: &Value, args: Args<'_>, name: &str, right: bool) -> PyResult<Value> {
    let s = recv(receiver, name)?;
    let a = str_arguments(name, args, 1, 1)?;
    let Value::Str(sep) = &a[0] else {
        return Err(type_error(format!("must be str, not {}", type_name(&a[0]))));
    };
    if sep.as_str().is_empty() {
        return Err(value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if right {
        text.rfind(sep.as_str())
    } else {
        text.find(sep.as_str())
    };
    let parts = match found {
        Some(i) => [&text[..i], sep.as_str(), &text[i + sep.as_str().len()..]],
        None if right => ["", "", text],
        None => [text, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    partition_common(receiver, args, "partition", false)
}

fn rpartition(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    partition_common(receiver, args, "rpartition", true)
}

fn expandtabs(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "expandtabs")?;
    let p = parse("expandtabs", args, &["tabsize"], 0)?;
    // The tab size is a C int in CPython (`unicode_expandtabs_impl`).
    let size = match p.get(0) {
        Some(v) => {
            let n = match v {
                Value::BigInt(_) => i64::MAX,
                _ => vm.index_i64(v)?,
            };
            i32::try_from(n)
                .map_err(|_| {
                    crate::vm::pyerr::overflow_error("Python int too large to convert to C int")
                })?
                .max(0) as usize
        }
        None => 8,
    };
    // Two passes as in CPython: the length first, so a huge tab size is a MemoryError
    // before anything is written (it was an allocator abort).
    let expand = |out: Option<&mut String>| -> usize {
        let (mut col, mut total) = (0usize, 0usize);
        let mut out = out;
        for c in s.as_str().chars() {
            let n = match c {
                '\t' if size > 0 => size - col % size,
                '\t' => 0,
                _ => 1,
            };
            if let Some(o) = out.as_deref_mut() {
                if c == '\t' {
                    o.extend(std::iter::repeat_n(' ', n));
                } else {
                    o.push(c);
                }
            }
            total = total.saturating_add(if c == '\t' { n } else { c.len_utf8() });
            col = if matches!(c, '\n' | '\r') {
                0
            } else {
                col.saturating_add(n)
            };
        }
        total
    };
    let mut out = crate::vm::pyerr::string_with_capacity(expand(None))?;
    expand(Some(&mut out));
    Ok(Value::string(out))
}

fn encode(_vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "encode")?;
    let p = parse("encode", args, &["encoding", "errors"], 0)?;
    match p.get(0) {
        None => {}
        Some(Value::Str(e)) => {
            let e = e.as_str().to_ascii_lowercase().replace('_', "-");
            if !matches!(e.as_str(), "utf-8" | "utf8") {
                if e == "ascii" && s.is_ascii() {
                    return Ok(Value::Bytes(Arc::new(s.as_str().as_bytes().to_vec())));
                }
                return Err(crate::vm::pyerr::unsupported(&format!(
                    "the '{e}' encoding"
                )));
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "encode() argument 'encoding' must be str, not {}",
                type_name(other)
            )));
        }
    }
    Ok(Value::Bytes(Arc::new(s.as_str().as_bytes().to_vec())))
}

fn maketrans(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = positional("maketrans", args, 1, 3)?;
    let d = Arc::new(crate::vm::objects::dict::Dict::new());
    match a {
        [Value::Dict(m)] => {
            for (k, v) in m.items() {
                let key = match &k {
                    Value::Str(s) if s.char_len() == 1 => {
                        Value::Int(i64::from(s.as_str().chars().next().unwrap_or(' ') as u32))
                    }
                    other => other.clone(),
                };
                d.set(vm, key, v)?;
            }
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.char_len() != y.char_len() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (c1, c2) in x.as_str().chars().zip(y.as_str().chars()) {
                d.set(
                    vm,
                    Value::Int(i64::from(c1 as u32)),
                    Value::Int(i64::from(c2 as u32)),
                )?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.as_str().chars() {
                    d.set(vm, Value::Int(i64::from(c as u32)), Value::None)?;
                }
            }
        }
        _ => {
            return Err(type_error(
                "maketrans() arguments must be strings or a dict",
            ));
        }
    }
    Ok(Value::Dict(d))
}

fn translate(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "translate")?;
    let a = str_arguments("translate", args, 1, 1)?;
    let mut out = String::new();
    for c in s.as_str().chars() {
        let key = Value::Int(i64::from(c as u32));
        let mapped = match vm.getitem(&a[0], &key) {
            Ok(v) => Some(v),
            Err(e) if e.is_instance_of(&crate::vm::objects::types::types().exc.lookup_error) => {
                None
            }
            Err(e) => return Err(e),
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(t)) => out.push_str(t.as_str()),
            Some(Value::Int(i)) => out.push(char::from_u32(i as u32).unwrap_or('\u{fffd}')),
            Some(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ));
            }
        }
    }
    Ok(Value::string(out))
}

// ------------------------------------------------------------ str.format

fn format(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "format")?;
    let r = args;
    let positional: Vec<Value> = r.pos().to_vec();
    let kwargs: Vec<(String, Value)> = r
        .kwargs()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let lookup = |name: &str| -> PyResult<Value> {
        kwargs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| key_error(Value::str(name)))
    };
    Ok(Value::string(vm.str_format(
        s.as_str(),
        &positional,
        &lookup,
    )?))
}

fn format_map(vm: &Vm, receiver: &Value, args: Args<'_>) -> PyResult<Value> {
    let s = recv(receiver, "format_map")?;
    let a = str_arguments("format_map", args, 1, 1)?;
    let mapping = a[0].clone();
    let lookup = |name: &str| vm.getitem(&mapping, &Value::str(name));
    Ok(Value::string(vm.str_format(s.as_str(), &[], &lookup)?))
}

impl Vm {
    /// `str.format` (Objects/stringlib/unicode_format.h).
    pub fn str_format(
        &self,
        fmt: &str,
        positional: &[Value],
        named: &dyn Fn(&str) -> PyResult<Value>,
    ) -> PyResult<String> {
        let mut auto_index = 0usize;
        let mut manual = false;
        let mut automatic = false;
        self.str_format_inner(
            fmt,
            positional,
            named,
            &mut auto_index,
            &mut manual,
            &mut automatic,
            0,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn str_format_inner(
        &self,
        fmt: &str,
        positional: &[Value],
        named: &dyn Fn(&str) -> PyResult<Value>,
        auto_index: &mut usize,
        manual: &mut bool,
        automatic: &mut bool,
        depth: usize,
    ) -> PyResult<String> {
        if depth > 2 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let chars: Vec<char> = fmt.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(value_error("Single '}' encountered in format string"));
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching '}' (format specs may nest one level of braces).
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() && level > 0 {
                match chars[j] {
                    '{' => level += 1,
                    '}' => level -= 1,
                    _ => {}
                }
                j += 1;
            }
            if level > 0 {
                return Err(value_error(if j >= chars.len() && i + 1 < chars.len() {
                    "expected '}' before end of string"
                } else {
                    "Single '{' encountered in format string"
                }));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            let (name_part, conversion, spec) = split_field(&field)?;
            let value =
                self.resolve_field(&name_part, positional, named, auto_index, manual, automatic)?;
            let spec = self.str_format_inner(
                &spec,
                positional,
                named,
                auto_index,
                manual,
                automatic,
                depth + 1,
            )?;
            out.push_str(&self.format_field(&value, conversion, &spec)?);
        }
        Ok(out)
    }

    fn resolve_field(
        &self,
        field: &str,
        positional: &[Value],
        named: &dyn Fn(&str) -> PyResult<Value>,
        auto_index: &mut usize,
        manual: &mut bool,
        automatic: &mut bool,
    ) -> PyResult<Value> {
        let first_end = field.find(['.', '[']).unwrap_or(field.len());
        let first = &field[..first_end];
        let mut value = if first.is_empty() {
            if *manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            *automatic = true;
            let v = positional.get(*auto_index).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {} out of range for positional args tuple",
                    *auto_index
                ))
            })?;
            *auto_index += 1;
            v
        } else if let Ok(n) = first.parse::<usize>() {
            if *automatic {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            *manual = true;
            positional.get(n).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else {
            named(first)?
        };
        let mut rest = &field[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                value = self.getattr_str(&value, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r
                    .find(']')
                    .ok_or_else(|| value_error("Missing ']' in format string"))?;
                let key_text = &r[..end];
                let key = match key_text.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key_text),
                };
                value = self.getitem(&value, &key)?;
                rest = &r[end + 1..];
            } else {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        Ok(value)
    }
}

/// Splits `name!conv:spec`.
fn split_field(field: &str) -> PyResult<(String, Option<char>, String)> {
    let mut bracket = false;
    let mut name_end = field.len();
    for (i, c) in field.char_indices() {
        match c {
            '[' => bracket = true,
            ']' => bracket = false,
            '!' | ':' if !bracket => {
                name_end = i;
                break;
            }
            _ => {}
        }
    }
    let name = field[..name_end].to_string();
    let rest = &field[name_end..];
    let (conversion, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut it = r.chars();
        let conv = it
            .next()
            .ok_or_else(|| value_error("end of string while looking for conversion specifier"))?;
        let after = it.as_str();
        let spec = match after.strip_prefix(':') {
            Some(s) => s.to_string(),
            None if after.is_empty() => String::new(),
            None => return Err(value_error("expected ':' after conversion specifier")),
        };
        (Some(conv), spec)
    } else if let Some(r) = rest.strip_prefix(':') {
        (None, r.to_string())
    } else {
        (None, String::new())
    };
    Ok((name, conversion, spec))
}
