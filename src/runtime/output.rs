//! Where `print` goes: the process's stdout/stderr, or an in-memory buffer (tests, the explorer).

use std::io::{self, IsTerminal, Write};

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

pub enum Sink {
    Stdout(io::BufWriter<io::Stdout>, bool),
    Stderr(io::Stderr),
    Captured(Vec<u8>),
}

/// One output stream, shared by all threads of a runtime.
pub struct Output {
    sink: Mutex<Sink>,
    /// Text written since the program last flushed (what its next flush would write).
    unflushed: AtomicBool,
}

impl Output {
    pub fn stdout() -> Output {
        let tty = io::stdout().is_terminal();
        Output {
            sink: Mutex::new(Sink::Stdout(
                io::BufWriter::with_capacity(1 << 16, io::stdout()),
                tty,
            )),
            unflushed: AtomicBool::new(false),
        }
    }

    pub fn stderr() -> Output {
        Output {
            sink: Mutex::new(Sink::Stderr(io::stderr())),
            unflushed: AtomicBool::new(false),
        }
    }

    pub fn captured() -> Output {
        Output {
            sink: Mutex::new(Sink::Captured(Vec::new())),
            unflushed: AtomicBool::new(false),
        }
    }

    /// Writes text; a terminal stdout is line-buffered like CPython's.
    pub fn write_str(&self, s: &str) {
        self.unflushed.store(true, Ordering::Relaxed);
        let mut sink = self.sink.lock();
        match &mut *sink {
            Sink::Stdout(w, tty) => {
                let _ = w.write_all(s.as_bytes());
                if *tty && s.contains('\n') {
                    let _ = w.flush();
                }
            }
            Sink::Stderr(w) => {
                let _ = w.write_all(s.as_bytes());
            }
            Sink::Captured(buf) => buf.extend_from_slice(s.as_bytes()),
        }
    }

    /// Whether text was written since the last call (the program's flush consumes it).
    pub fn take_unflushed(&self) -> bool {
        self.unflushed.swap(false, Ordering::Relaxed)
    }

    pub fn flush(&self) {
        let mut sink = self.sink.lock();
        match &mut *sink {
            Sink::Stdout(w, _) => {
                let _ = w.flush();
            }
            Sink::Stderr(w) => {
                let _ = w.flush();
            }
            Sink::Captured(_) => {}
        }
    }

    /// The captured text so far (empty for real streams).
    pub fn captured_text(&self) -> String {
        match &*self.sink.lock() {
            Sink::Captured(buf) => String::from_utf8_lossy(buf).into_owned(),
            _ => String::new(),
        }
    }
}
