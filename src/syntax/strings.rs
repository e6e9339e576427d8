//! Decoding of string and bytes literal bodies: escape sequences, as CPython's `_PyUnicode_DecodeUnicodeEscape`.

use super::error::SyntaxErr;

/// Decodes the escapes of a (non-raw) str literal body. `offset` is the body's byte offset in
/// the source, used to place errors.
pub fn decode_str(body: &str, offset: usize) -> Result<String, SyntaxErr> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if let Some((_, '\n')) = chars.peek() {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let value = take_hex(&mut chars, digits).ok_or_else(|| {
                    let kind = if e == 'x' { "\\xXX" } else { "\\uXXXX" };
                    let kind = if e == 'U' { "\\UXXXXXXXX" } else { kind };
                    SyntaxErr::at(
                        format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated {kind} escape",
                            i,
                            i + 1
                        ),
                        offset + i,
                    )
                })?;
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(SyntaxErr::at(
                            format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                i,
                                i + digits + 1
                            ),
                            offset + i,
                        ));
                    }
                }
            }
            'N' => {
                return Err(SyntaxErr::at(
                    "\\N{...} escapes are not supported by gilsim",
                    offset + i,
                ));
            }
            other => {
                // Unknown escapes keep their backslash (CPython warns, then does the same).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes the escapes of a (non-raw) bytes literal body; non-ASCII characters are an error.
pub fn decode_bytes(body: &str, offset: usize, raw: bool) -> Result<Vec<u8>, SyntaxErr> {
    if let Some((i, _)) = body.char_indices().find(|(_, c)| !c.is_ascii()) {
        return Err(SyntaxErr::at(
            "bytes can only contain ASCII literal characters",
            offset + i,
        ));
    }
    if raw {
        return Ok(body.as_bytes().to_vec());
    }
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c != b'\\' || i >= bytes.len() {
            out.push(c);
            continue;
        }
        let e = bytes[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    if i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                        value = value * 8 + u32::from(bytes[i] - b'0');
                        i += 1;
                    }
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hex = bytes.get(i..i + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        return Err(SyntaxErr::at(
                            format!("(value error) invalid \\x escape at position {}", i - 2),
                            offset + i - 2,
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

fn take_hex(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    digits: usize,
) -> Option<u32> {
    let mut value = 0u32;
    for _ in 0..digits {
        let (_, d) = chars.next()?;
        value = value.checked_mul(16)?.checked_add(d.to_digit(16)?)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_escapes() {
        assert_eq!(
            decode_str(r"a\tb\n\x41\u0416\101\\", 0).unwrap(),
            "a\tb\nAЖA\\"
        );
        assert_eq!(decode_str(r"\d", 0).unwrap(), "\\d");
        assert!(decode_str(r"\x4", 0).is_err());
    }

    #[test]
    fn decodes_bytes() {
        assert_eq!(decode_bytes(r"a\x00\n", 0, false).unwrap(), b"a\x00\n");
        assert!(decode_bytes("ж", 0, false).is_err());
    }
}
