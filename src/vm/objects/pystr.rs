//! Python `str` storage: UTF-8 text with a cached hash and O(1) indexing for ASCII text.

use std::sync::atomic::{AtomicI64, Ordering};

use compact_str::CompactString;

/// What a `PyStr` is made from. Borrowed text up to 24 bytes is stored inline; an owned
/// `String` keeps its buffer (copying it inline would cost a free for every string built by
/// formatting, which is most of them).
pub trait PyText {
    fn into_text(self) -> CompactString;
}

impl PyText for String {
    fn into_text(self) -> CompactString {
        CompactString::from_string_buffer(self)
    }
}

impl PyText for &str {
    fn into_text(self) -> CompactString {
        CompactString::new(self)
    }
}

impl PyText for CompactString {
    fn into_text(self) -> CompactString {
        self
    }
}

impl PyText for &String {
    fn into_text(self) -> CompactString {
        CompactString::new(self)
    }
}

/// Hash value meaning "not computed yet" (a real hash is never -1 in CPython either).
const NO_HASH: i64 = -1;

#[derive(Debug)]
pub struct PyStr {
    /// Up to 24 bytes inline (most names, numbers and words): such a str is one allocation
    /// (its `Arc`), not two. A longer one keeps the buffer of the `String` it was made from.
    text: CompactString,
    /// Number of code points.
    char_len: usize,
    hash: AtomicI64,
}

impl PyStr {
    pub fn new(text: impl PyText) -> PyStr {
        let text = text.into_text();
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            char_len,
            hash: AtomicI64::new(NO_HASH),
        }
    }

    /// Appends `other` in place (a string nobody else holds: `s += t` in a function).
    pub fn append(&mut self, other: &PyStr) {
        self.text.push_str(&other.text);
        self.char_len += other.char_len;
        *self.hash.get_mut() = NO_HASH;
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points, as `len()` reports it.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (i may equal `char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// Substring by code-point range.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let s = self.byte_offset(start);
        let e = self.byte_offset(end.max(start));
        &self.text[s..e]
    }

    /// A deterministic hash (CPython randomizes str hashes per process; gilsim must be
    /// reproducible, so it uses FNV-1a, fixed across runs).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != NO_HASH {
            return h;
        }
        let h = hash_str(&self.text);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// The hash `PyStr::hash` caches, computed without building a `PyStr`.
pub fn hash_str(text: &str) -> i64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        x ^= u64::from(b);
        x = x.wrapping_mul(0x0100_0000_01b3);
    }
    let h = x as i64;
    if h == NO_HASH { -2 } else { h }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}
