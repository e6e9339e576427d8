//! `--timeline`: one lane per thread, time left to right (filled in by a later commit).
