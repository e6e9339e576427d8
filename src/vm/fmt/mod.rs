//! CPython-exact number and string formatting, number parsing and numeric hashing.

pub mod float_repr;
pub mod numhash;
pub mod parse_num;
pub mod percent;
pub mod spec;
