//! Python regular-expression syntax (CPython's Lib/re/_parser.py) turned into the `regex`
//! crate's: the same meaning where both have it, CPython's `re.error` messages for the
//! common mistakes, and a refusal naming the feature where the crate has none
//! (backreferences, lookaround, conditionals, atomic groups, possessive quantifiers).

/// Flag bits, CPython's values (Lib/re/_constants.py).
pub const IGNORECASE: i64 = 2;
pub const LOCALE: i64 = 4;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const VERBOSE: i64 = 64;
pub const ASCII: i64 = 256;
pub const DEBUG: i64 = 128;

/// What translation found wrong: a Python syntax error (message and char position) or a
/// construct the crate cannot run.
#[derive(Debug, PartialEq)]
pub enum Problem {
    Error(String, usize),
    Unsupported(&'static str),
}

/// A translated pattern: the crate's syntax, and whether it has a `$` that, in CPython,
/// also matches before a final newline (the crate's `$` matches only at the end).
#[derive(Debug)]
pub struct Translated {
    pub pattern: String,
    pub end_dollar: bool,
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() || c.is_whitespace() {
        let mut buf = [0u8; 4];
        out.push_str(&regex::escape(c.encode_utf8(&mut buf)));
    } else {
        out.push(c);
    }
}

fn push_char_code(out: &mut String, code: u32, pos: usize) -> Result<(), Problem> {
    match char::from_u32(code) {
        Some(c) => {
            out.push_str(&format!("\\x{{{:x}}}", u32::from(c)));
            Ok(())
        }
        None if (0xD800..0xE000).contains(&code) => {
            Err(Problem::Unsupported("lone surrogates in patterns"))
        }
        None => Err(Problem::Error(
            format!("bad escape \\U{code:08x} at position {pos}"),
            pos,
        )),
    }
}

struct Translator<'a> {
    chars: &'a [char],
    i: usize,
    out: String,
    verbose: bool,
    multiline: bool,
    end_dollar: bool,
    /// Positions of the open groups.
    groups: Vec<usize>,
    /// Where the global flag groups at the start of the output end.
    flags_end: usize,
    /// Capturing groups so far, and the named ones (name, number).
    captures: usize,
    names: Vec<(String, usize)>,
    /// Whether what precedes can take a quantifier (an atom), or is a quantifier.
    last: Last,
}

#[derive(PartialEq, Clone, Copy)]
enum Last {
    Nothing,
    Atom,
    Repeat,
    /// A repeat made lazy (`*?`): nothing more may follow it.
    Lazy,
}

impl Translator<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn hex(&self, start: usize, n: usize) -> Option<u32> {
        let digits: String = self.chars.get(start..start + n)?.iter().collect();
        if digits.chars().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(&digits, 16).ok()
        } else {
            None
        }
    }

    /// An escape at `self.i` (the backslash); `in_class` for `[...]`.
    fn escape(&mut self, in_class: bool) -> Result<(), Problem> {
        let pos = self.i;
        let Some(c) = self.peek(1) else {
            return Err(Problem::Error("bad escape (end of pattern)".into(), pos));
        };
        self.i += 2;
        match c {
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'b' if in_class => self.out.push_str("\\x08"),
            'b' | 'B' | 'A' if !in_class => {
                self.out.push('\\');
                self.out.push(c);
            }
            'Z' if !in_class => self.out.push_str("\\z"),
            'n' => self.out.push_str("\\n"),
            't' => self.out.push_str("\\t"),
            'r' => self.out.push_str("\\r"),
            'f' => self.out.push_str("\\x0c"),
            'v' => self.out.push_str("\\x0b"),
            'a' => self.out.push_str("\\x07"),
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let Some(code) = self.hex(self.i, n) else {
                    let got: String = self.chars[pos..(self.i + n).min(self.chars.len())]
                        .iter()
                        .take_while(|c| **c != ']' || !in_class)
                        .collect();
                    return Err(Problem::Error(
                        format!("incomplete escape {got} at position {pos}"),
                        pos,
                    ));
                };
                self.i += n;
                push_char_code(&mut self.out, code, pos)?;
            }
            'N' => return Err(Problem::Unsupported("named Unicode escapes (\\N{...})")),
            '0' => {
                let mut code = 0;
                let mut k = 0;
                while k < 2
                    && let Some(d) = self.peek(0).and_then(|d| d.to_digit(8))
                {
                    code = code * 8 + d;
                    self.i += 1;
                    k += 1;
                }
                push_char_code(&mut self.out, code, pos)?;
            }
            '1'..='9' if in_class => {
                return Err(Problem::Error(
                    format!("bad escape \\{c} at position {pos}"),
                    pos,
                ));
            }
            '1'..='9' => return Err(Problem::Unsupported("backreferences (\\1) in patterns")),
            c if c.is_ascii_alphabetic() => {
                return Err(Problem::Error(
                    format!("bad escape \\{c} at position {pos}"),
                    pos,
                ));
            }
            c => push_literal(&mut self.out, c),
        }
        Ok(())
    }

    fn class(&mut self) -> Result<(), Problem> {
        let start = self.i;
        self.i += 1;
        self.out.push('[');
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(Problem::Error(
                    format!("unterminated character set at position {start}"),
                    start,
                ));
            };
            match c {
                ']' if !first => {
                    self.i += 1;
                    self.out.push(']');
                    return Ok(());
                }
                '\\' => self.escape(true)?,
                // The crate reads `[`, `&&`, `--` and `~~` inside a class as set operations;
                // Python reads them literally.
                '[' | '&' | '~' | ']' => {
                    self.out.push('\\');
                    self.out.push(c);
                    self.i += 1;
                }
                '-' if self.peek(1) == Some('-') || first || self.peek(1) == Some(']') => {
                    self.out.push_str("\\-");
                    self.i += 1;
                }
                c => {
                    self.out.push(c);
                    self.i += 1;
                }
            }
            first = false;
        }
    }

    /// `{m,n}` at `self.i`, if it is a valid repeat (else `{` is a literal, as in Python);
    /// Err for m > n.
    fn braces(&self) -> Result<Option<(String, usize)>, Problem> {
        let Some((text, len, lo, hi)) = self.brace_parts() else {
            return Ok(None);
        };
        if let (Ok(lo), Some(Ok(hi))) = (lo.parse::<u64>(), hi.map(|h| h.parse::<u64>()))
            && lo > hi
        {
            let pos = self.i + 1;
            return Err(Problem::Error(
                format!("min repeat greater than max repeat at position {pos}"),
                pos,
            ));
        }
        Ok(Some((text, len)))
    }

    /// The text, length and bounds of a `{m,n}` at `self.i`.
    fn brace_parts(&self) -> Option<(String, usize, String, Option<String>)> {
        let mut j = self.i + 1;
        let mut body = String::new();
        while let Some(&c) = self.chars.get(j) {
            if c == '}' {
                break;
            }
            body.push(c);
            j += 1;
        }
        self.chars.get(j)?;
        let (lo, hi) = match body.split_once(',') {
            Some((lo, hi)) => (lo, Some(hi)),
            None => (body.as_str(), None),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(lo) || !hi.is_none_or(digits) || (lo.is_empty() && hi.is_none()) {
            return None;
        }
        let lo = if lo.is_empty() { "0" } else { lo };
        let text = match hi {
            None => format!("{{{lo}}}"),
            Some(hi) => format!("{{{lo},{hi}}}"),
        };
        let hi = hi.filter(|h| !h.is_empty()).map(str::to_string);
        Some((text, j + 1 - self.i, lo.to_string(), hi))
    }

    fn group_open(&mut self) -> Result<(), Problem> {
        let pos = self.i;
        self.groups.push(pos);
        if self.peek(1) != Some('?') {
            self.captures += 1;
            self.out.push('(');
            self.i += 1;
            return Ok(());
        }
        let rest: String = self.chars[self.i + 2..].iter().take(3).collect();
        if rest.starts_with(':') {
            self.out.push_str("(?:");
            self.i += 3;
        } else if rest.starts_with("P<") {
            let name_start = self.i + 4;
            let Some(len) = self.chars[name_start..].iter().position(|c| *c == '>') else {
                return Err(Problem::Error(
                    format!("missing >, unterminated name at position {name_start}"),
                    name_start,
                ));
            };
            let name: String = self.chars[name_start..name_start + len].iter().collect();
            let valid = name
                .chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_alphabetic())
                && name.chars().all(|c| c == '_' || c.is_alphanumeric());
            if !valid {
                let msg = if name.is_empty() {
                    format!("missing group name at position {name_start}")
                } else {
                    format!("bad character in group name '{name}' at position {name_start}")
                };
                return Err(Problem::Error(msg, name_start));
            }
            self.captures += 1;
            if let Some((_, was)) = self.names.iter().find(|(n, _)| *n == name) {
                return Err(Problem::Error(
                    format!(
                        "redefinition of group name '{name}' as group {}; was group {was} at position {name_start}",
                        self.captures
                    ),
                    name_start,
                ));
            }
            self.names.push((name.clone(), self.captures));
            self.out.push_str(&format!("(?P<{name}>"));
            self.i = name_start + len + 1;
        } else if rest.starts_with("P=") {
            return Err(Problem::Unsupported(
                "backreferences ((?P=name)) in patterns",
            ));
        } else if !rest.starts_with(|c: char| "imsxuaL-=!<(>#".contains(c)) {
            let ext: String = rest
                .chars()
                .take(if rest.starts_with('P') { 2 } else { 1 })
                .collect();
            return Err(Problem::Error(
                format!("unknown extension ?{ext} at position {}", pos + 1),
                pos + 1,
            ));
        } else if rest.starts_with('=') || rest.starts_with('!') {
            return Err(Problem::Unsupported(
                "lookahead assertions ((?=...), (?!...))",
            ));
        } else if rest.starts_with("<=") || rest.starts_with("<!") {
            return Err(Problem::Unsupported(
                "lookbehind assertions ((?<=...), (?<!...))",
            ));
        } else if rest.starts_with('(') {
            return Err(Problem::Unsupported("conditional patterns ((?(1)...))"));
        } else if rest.starts_with('>') {
            return Err(Problem::Unsupported("atomic groups ((?>...))"));
        } else if rest.starts_with('#') {
            self.groups.pop();
            while let Some(c) = self.peek(0) {
                self.i += 1;
                if c == ')' {
                    return Ok(());
                }
            }
            return Err(Problem::Error(
                "missing ), unterminated comment".to_string() + &format!(" at position {pos}"),
                pos,
            ));
        } else {
            self.inline_flags(pos)?;
        }
        Ok(())
    }

    /// `(?imsx-imsx:...)` or global `(?imsx)`.
    fn inline_flags(&mut self, pos: usize) -> Result<(), Problem> {
        let mut j = self.i + 2;
        let mut text = String::from("(?");
        while let Some(&c) = self.chars.get(j) {
            match c {
                'i' | 'm' | 's' | '-' => text.push(c),
                'x' => {
                    if !text.contains('-') {
                        self.verbose = true;
                    }
                }
                'u' => {}
                'a' | 'L' => return Err(Problem::Unsupported("the ASCII and LOCALE flags")),
                ':' | ')' => break,
                _ => {
                    return Err(Problem::Error(format!("unknown flag at position {j}"), j));
                }
            }
            j += 1;
        }
        let Some(&end) = self.chars.get(j) else {
            return Err(Problem::Error("missing -, : or )".into(), j));
        };
        if text.contains('m') && !text.contains("-m") {
            self.multiline = true;
        }
        if end == ')' {
            // A global flag group: it applies to the whole pattern (Python 3.11+ insists
            // it comes first).
            self.groups.pop();
            if self.out.len() != self.flags_end {
                return Err(Problem::Error(
                    format!("global flags not at the start of the expression at position {pos}"),
                    pos,
                ));
            }
            if text.len() > 2 {
                text.push(')');
                self.out.push_str(&text);
            }
            self.flags_end = self.out.len();
        } else {
            text.push(':');
            self.out.push_str(if text == "(?:" { "(?:" } else { &text });
        }
        self.i = j + 1;
        Ok(())
    }

    fn run(&mut self) -> Result<(), Problem> {
        while let Some(c) = self.peek(0) {
            let before = self.last;
            self.last = Last::Atom;
            match c {
                ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' if self.verbose => {
                    self.i += 1;
                    self.last = before;
                }
                '#' if self.verbose => {
                    while let Some(c) = self.peek(0) {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                    self.last = before;
                }
                '\\' => self.escape(false)?,
                '[' => self.class()?,
                '(' => {
                    self.group_open()?;
                    self.last = Last::Nothing;
                }
                ')' => {
                    if self.groups.pop().is_none() {
                        return Err(Problem::Error(
                            format!("unbalanced parenthesis at position {}", self.i),
                            self.i,
                        ));
                    }
                    self.out.push(')');
                    self.i += 1;
                }
                '|' => {
                    self.out.push('|');
                    self.i += 1;
                    self.last = Last::Nothing;
                }
                '*' | '+' | '?' | '{' => {
                    let (text, len) = if c == '{' {
                        match self.braces()? {
                            Some(b) => b,
                            None => {
                                self.out.push_str("\\{");
                                self.i += 1;
                                continue;
                            }
                        }
                    } else {
                        (c.to_string(), 1)
                    };
                    match before {
                        Last::Nothing => {
                            return Err(Problem::Error(
                                format!("nothing to repeat at position {}", self.i),
                                self.i,
                            ));
                        }
                        Last::Repeat if c == '?' => {
                            self.out.push('?');
                            self.i += 1;
                            self.last = Last::Lazy;
                            continue;
                        }
                        Last::Repeat if c == '+' => {
                            return Err(Problem::Unsupported(
                                "possessive quantifiers (*+, ++, ?+)",
                            ));
                        }
                        Last::Repeat | Last::Lazy => {
                            return Err(Problem::Error(
                                format!("multiple repeat at position {}", self.i),
                                self.i,
                            ));
                        }
                        Last::Atom => {}
                    }
                    self.out.push_str(&text);
                    self.i += len;
                    self.last = Last::Repeat;
                }
                '$' => {
                    if self.multiline {
                        self.out.push('$');
                    } else {
                        self.out.push_str("\\z");
                        self.end_dollar = true;
                    }
                    self.i += 1;
                }
                '^' | '.' => {
                    self.out.push(c);
                    self.i += 1;
                }
                '}' => {
                    self.out.push_str("\\}");
                    self.i += 1;
                }
                c => {
                    push_literal(&mut self.out, c);
                    self.i += 1;
                }
            }
        }
        if let Some(&open) = self.groups.last() {
            return Err(Problem::Error(
                format!("missing ), unterminated subpattern at position {open}"),
                open,
            ));
        }
        Ok(())
    }
}

/// Translates a Python pattern with `flags` into the crate's syntax.
pub fn translate(pattern: &str, flags: i64) -> Result<Translated, Problem> {
    if flags & (ASCII | LOCALE) != 0 {
        return Err(Problem::Unsupported("the ASCII and LOCALE flags"));
    }
    if flags & DEBUG != 0 {
        return Err(Problem::Unsupported("the DEBUG flag"));
    }
    let chars: Vec<char> = pattern.chars().collect();
    let mut t = Translator {
        chars: &chars,
        i: 0,
        out: String::new(),
        verbose: flags & VERBOSE != 0,
        multiline: flags & MULTILINE != 0,
        end_dollar: false,
        groups: Vec::new(),
        flags_end: 0,
        captures: 0,
        names: Vec::new(),
        last: Last::Nothing,
    };
    // Global inline flags come first in Python 3.11+; read them before the body so `(?m)`
    // and `(?x)` govern the translation of everything after.
    t.run()?;
    let mut prefix = String::new();
    for (bit, letter) in [(IGNORECASE, 'i'), (MULTILINE, 'm'), (DOTALL, 's')] {
        if flags & bit != 0 {
            prefix.push(letter);
        }
    }
    let pattern = if prefix.is_empty() {
        t.out
    } else {
        format!("(?{prefix}){}", t.out)
    };
    Ok(Translated {
        pattern,
        end_dollar: t.end_dollar,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(p: &str) -> String {
        translate(p, 0).unwrap().pattern
    }

    fn err(p: &str) -> Problem {
        translate(p, 0).unwrap_err()
    }

    #[test]
    fn python_syntax_becomes_the_crates() {
        assert_eq!(ok(r"a{,3}b{2}c{x"), r"a{0,3}b{2}c\{x");
        assert_eq!(ok("a??b*?"), "a??b*?");
        assert_eq!(
            err("a???"),
            Problem::Error("multiple repeat at position 3".into(), 3)
        );
        assert_eq!(ok(r"[a&&b]\Z"), r"[a\&\&b]\z");
        assert_eq!(ok(r"(?P<year>\d+)-"), r"(?P<year>\d+)\-");
        assert_eq!(translate("a b # c\n", VERBOSE).unwrap().pattern, "ab");
        assert_eq!(translate("^a$", MULTILINE).unwrap().pattern, "(?m)^a$");
        assert!(translate("a$", 0).unwrap().end_dollar);
    }

    #[test]
    fn mistakes_get_cpythons_messages() {
        let e = |m: &str, p| Problem::Error(m.into(), p);
        assert_eq!(
            err("(a"),
            e("missing ), unterminated subpattern at position 0", 0)
        );
        assert_eq!(err("a)"), e("unbalanced parenthesis at position 1", 1));
        assert_eq!(err("*a"), e("nothing to repeat at position 0", 0));
        assert_eq!(err("a**"), e("multiple repeat at position 2", 2));
        assert_eq!(err("[ab"), e("unterminated character set at position 0", 0));
        assert_eq!(err(r"\q"), e(r"bad escape \q at position 0", 0));
        assert_eq!(
            err("x{2,1}"),
            e("min repeat greater than max repeat at position 2", 2)
        );
        assert_eq!(
            err("(?P<n>a)(?P<n>b)"),
            e(
                "redefinition of group name 'n' as group 2; was group 1 at position 12",
                12
            )
        );
    }

    #[test]
    fn what_the_crate_cannot_do_is_refused() {
        for p in [r"(a)\1", "(?=a)", "(?<!a)b", "(?P<x>a)(?P=x)", "a*+"] {
            assert!(matches!(err(p), Problem::Unsupported(_)), "{p}");
        }
    }
}
