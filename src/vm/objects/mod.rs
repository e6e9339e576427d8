//! Values and the object types: `Value` (a 16-byte enum), strings, dicts, sets, ranges,
//! modules, functions and other callables, generators, classes and instances, the builtin
//! classes (`types`), iterator objects and the objects implemented in Rust.

pub(crate) mod attr_plan;
pub(crate) mod class;
pub(crate) mod composite_iterators;
pub(crate) mod descriptors;
pub(crate) mod dict;
pub(crate) mod function;
pub(crate) mod generator;
pub(crate) mod generic_alias;
pub(crate) mod iterators;
pub(crate) mod module;
pub(crate) mod native;
pub(crate) mod pystr;
pub(crate) mod range;
pub(crate) mod set;
pub(crate) mod slots;
pub(crate) mod trashcan;
pub(crate) mod type_cache;
pub(crate) mod types;
pub(crate) mod union_type;
pub(crate) mod value;
