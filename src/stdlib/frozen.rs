//! gilsim's standard modules written in Python: sources embedded in the binary, compiled on
//! first import and run like any module under the filename `<frozen NAME>`.

/// The source of the Python-written module `name`, if gilsim has one.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "threading" => include_str!("py/threading.py"),
        "queue" => include_str!("py/queue.py"),
        "concurrent" => {
            "\"\"\"The concurrent package (gilsim provides concurrent.futures).\"\"\"\n"
        }
        "concurrent.futures" => include_str!("py/concurrent_futures.py"),
        "requests" => include_str!("py/requests.py"),
        _ => return None,
    })
}
