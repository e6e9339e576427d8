//! `Value`: every Python object as a 16-byte enum — unboxed None/bool/int/float, the rest behind `Arc`.

use std::sync::Arc;

use num_bigint::BigInt;
use parking_lot::RwLock;

use crate::compiler::bytecode::CodeObject;
use crate::vm::objects::class::{Class, Instance};
use crate::vm::objects::dict::Dict;
use crate::vm::objects::function::{BoundMethod, BuiltinFunction, Cell, Function};
use crate::vm::objects::generator::Generator;
use crate::vm::objects::iterators::IterObj;
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::pystr::PyStr;
use crate::vm::objects::set::Set;

/// `repr(C, u64)`: a word-sized tag and every payload in the second word. With Rust's default
/// layout `Bool`'s payload sat at byte 1, so moving a `Value` copied bytes 1..16 in
/// overlapping pieces, and reading it back soon after missed the CPU's store-to-load
/// forwarding (about 15 cycles each time: generators' `next()` was 30 % slower).
#[derive(Clone, Debug, Default)]
#[repr(C, u64)]
pub enum Value {
    /// Internal marker: an unbound local, the NULL of CALL's calling convention. Never visible
    /// to Python code.
    #[default]
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// An int outside i64; always normalized (never holds a value that fits in i64).
    BigInt(Arc<BigInt>),
    Float(f64),
    Str(Arc<PyStr>),
    Bytes(Arc<Vec<u8>>),
    Tuple(Arc<Tuple>),
    List(Arc<List>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    FrozenSet(Arc<Set>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Function(Arc<Function>),
    Builtin(Arc<BuiltinFunction>),
    Method(Arc<BoundMethod>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Iter(Arc<IterObj>),
    Generator(Arc<Generator>),
    Code(Arc<CodeObject>),
    Cell(Arc<Cell>),
    Native(Arc<NativeObject>),
}

/// A tuple's items, up to three of them stored in the tuple itself: a pair (a dict item, an
/// `enumerate` step, a returned `a, b`) or a triple (`f(*args)` of three, `return a, b, c`)
/// is then one allocation instead of two (16 bytes more per tuple than with two inline).
pub type TupleItems = smallvec::SmallVec<[Value; 3]>;

#[derive(Debug)]
pub struct Tuple {
    pub items: TupleItems,
}

#[derive(Debug, Default)]
pub struct List {
    pub items: RwLock<Vec<Value>>,
}

/// Deep nesting is freed through the `trashcan`, not by unbounded recursion.
impl Drop for Tuple {
    fn drop(&mut self) {
        use crate::vm::objects::trashcan::{Contents, free, nests};
        if self.items.iter().any(nests) {
            free(Contents::Tuple(std::mem::take(&mut self.items)));
        }
    }
}

impl Drop for List {
    fn drop(&mut self) {
        use crate::vm::objects::trashcan::{Contents, free, nests};
        let items = self.items.get_mut();
        if items.iter().any(nests) {
            free(Contents::Items(std::mem::take(items)));
        }
    }
}

#[derive(Debug, Clone)]
pub struct Range {
    pub start: BigIntOrSmall,
    pub stop: BigIntOrSmall,
    pub step: BigIntOrSmall,
}

/// Range bounds: ranges over i64 are the common case; bigger ones keep the exact bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum BigIntOrSmall {
    Small(i64),
    Big(BigInt),
}

impl BigIntOrSmall {
    pub fn to_value(&self) -> Value {
        match self {
            BigIntOrSmall::Small(i) => Value::Int(*i),
            BigIntOrSmall::Big(b) => Value::from_bigint(b.clone()),
        }
    }
    pub fn to_bigint(&self) -> BigInt {
        match self {
            BigIntOrSmall::Small(i) => BigInt::from(*i),
            BigIntOrSmall::Big(b) => b.clone(),
        }
    }
}

#[derive(Debug)]
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Value {
    #[inline]
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::new(PyStr::new(s)))
    }

    /// `str(i)` of a small int, written straight into the str's inline storage.
    pub fn int_str(i: i64) -> Value {
        use compact_str::ToCompactString;
        Value::Str(Arc::new(PyStr::new(i.to_compact_string())))
    }

    #[inline]
    pub fn string(s: String) -> Value {
        Value::Str(Arc::new(PyStr::new(s)))
    }

    /// A 2-tuple, made without a heap allocation for its items.
    pub fn pair(a: Value, b: Value) -> Value {
        Value::tuple_of(smallvec::smallvec![a, b])
    }

    pub fn tuple_of(items: TupleItems) -> Value {
        Value::Tuple(Arc::new(Tuple { items }))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(Tuple {
            items: TupleItems::from_vec(items),
        }))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(List {
            items: RwLock::new(items),
        }))
    }

    /// An int from a big integer, demoted to `Int` when it fits (the invariant of `BigInt`).
    pub fn from_bigint(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Arc::new(b)),
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The integer value for int and bool (bool is a subclass of int).
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(i64::from(*b))),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// Small ints (and bools) as i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }

    /// A stable identity for `id()` and `is`: the address of the heap object, or a value-derived
    /// number for unboxed values (which, like CPython's small ints, are always "the same object").
    /// The identity the program observes (`id()`, repr addresses, the default hash):
    /// the address, or its per-run alias in simulated mode.
    pub fn observed_id(&self) -> usize {
        crate::runtime::sched::ids::observe_object(self.identity(), || self.weak_object())
    }

    /// A weak reference to the heap object behind this value, if it has one.
    fn weak_object(&self) -> Option<crate::runtime::sched::ids::WeakObject> {
        use crate::runtime::sched::ids::WeakObject;
        fn w<T: std::any::Any + Send + Sync>(a: &Arc<T>) -> Option<WeakObject> {
            Some(Arc::downgrade(a) as WeakObject)
        }
        match self {
            Value::BigInt(a) => w(a),
            Value::Str(a) => w(a),
            Value::Bytes(a) => w(a),
            Value::Tuple(a) => w(a),
            Value::List(a) => w(a),
            Value::Dict(a) => w(a),
            Value::Set(a) | Value::FrozenSet(a) => w(a),
            Value::Range(a) => w(a),
            Value::Slice(a) => w(a),
            Value::Function(a) => w(a),
            Value::Builtin(a) => w(a),
            Value::Method(a) => w(a),
            Value::Class(a) => w(a),
            Value::Instance(a) => w(a),
            Value::Module(a) => w(a),
            Value::Iter(a) => w(a),
            Value::Generator(a) => w(a),
            Value::Code(a) => w(a),
            Value::Cell(a) => w(a),
            Value::Native(a) => w(a),
            _ => None,
        }
    }

    pub fn identity(&self) -> usize {
        fn addr<T: ?Sized>(a: &Arc<T>) -> usize {
            Arc::as_ptr(a) as *const u8 as usize
        }
        match self {
            Value::Null => 0,
            Value::None => 0x10,
            Value::NotImplemented => 0x20,
            Value::Ellipsis => 0x30,
            Value::Bool(b) => 0x40 + usize::from(*b) * 0x10,
            Value::Int(i) => 0x1000_0000_0000 ^ (*i as usize).wrapping_mul(0x20),
            Value::Float(f) => 0x2000_0000_0000 ^ (f.to_bits() as usize),
            Value::BigInt(a) => addr(a),
            Value::Str(a) => addr(a),
            Value::Bytes(a) => addr(a),
            Value::Tuple(a) => addr(a),
            Value::List(a) => addr(a),
            Value::Dict(a) => addr(a),
            Value::Set(a) | Value::FrozenSet(a) => addr(a),
            Value::Range(a) => addr(a),
            Value::Slice(a) => addr(a),
            Value::Function(a) => addr(a),
            Value::Builtin(a) => addr(a),
            Value::Method(a) => addr(a),
            Value::Class(a) => addr(a),
            Value::Instance(a) => addr(a),
            Value::Module(a) => addr(a),
            Value::Iter(a) => addr(a),
            Value::Generator(a) => addr(a),
            Value::Code(a) => addr(a),
            Value::Cell(a) => addr(a),
            Value::Native(a) => addr(a),
        }
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::None, Value::None)
            | (Value::Null, Value::Null)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::NotImplemented, Value::NotImplemented) => true,
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.identity() == other.identity()
            }
        }
    }
}

impl Tuple {
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: RwLock::new(items),
        }
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.read().clone()
    }
    pub fn len(&self) -> usize {
        self.items.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.read().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        // The tag's unused values are the niche of the wrappers the eval loop returns.
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
        assert_eq!(std::mem::size_of::<crate::vm::pyerr::PyResult<Value>>(), 16);
    }
}
