//! The builtin classes (`int`, `list`, `TypeError`, ...). They are immutable once built, so one
//! set is shared by every interpreter, as CPython shares its static types.

use std::sync::{Arc, LazyLock};

use crate::vm::objects::class::{Class, Layout};
use crate::vm::objects::value::Value;

macro_rules! exception_types {
    ($root:ident; $( $field:ident : $name:literal < $base:ident $(& $more:ident)* ),* $(,)?) => {
        pub struct ExceptionTypes {
            pub $root: Arc<Class>,
            $( pub $field: Arc<Class>, )*
        }
        fn build_exceptions($root: Arc<Class>) -> ExceptionTypes {
            $( let $field = exc_class($name, &[&$base $(, &$more)*]); )*
            ExceptionTypes { $root, $( $field, )* }
        }
        impl ExceptionTypes {
            /// Every exception class, for the `builtins` module.
            pub fn all(&self) -> Vec<&Arc<Class>> {
                vec![&self.$root, $( &self.$field, )*]
            }
        }
    };
}

fn exc_class(name: &str, bases: &[&Arc<Class>]) -> Arc<Class> {
    Arc::new(Class::new_builtin(
        name,
        "builtins",
        bases.iter().map(|b| (*b).clone()).collect(),
        Layout::Exception,
    ))
}

exception_types! {
    base_exception;
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    base_exception_group: "BaseExceptionGroup" < base_exception,
    exception: "Exception" < base_exception,
    exception_group: "ExceptionGroup" < base_exception_group & exception,
    stop_iteration: "StopIteration" < exception,
    stop_async_iteration: "StopAsyncIteration" < exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    user_warning: "UserWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
}

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub none: Arc<Class>,
    pub not_implemented: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub int: Arc<Class>,
    pub bool_: Arc<Class>,
    pub float: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    pub tuple: Arc<Class>,
    pub list: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub generator: Arc<Class>,
    pub coroutine: Arc<Class>,
    pub async_generator: Arc<Class>,
    pub code: Arc<Class>,
    pub cell: Arc<Class>,
    pub iterator: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    pub iters: IterTypes,
    pub exc: ExceptionTypes,
}

/// The classes of the builtin iterators, named as CPython names them (`type(iter([]))` is
/// `list_iterator`); the last five are builtins themselves (`isinstance(z, zip)`).
pub struct IterTypes {
    pub range: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    /// CPython 3.12 iterates an ASCII str with `str_ascii_iterator`, any other with
    /// `str_iterator`.
    pub str_ascii: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    pub dict_keys: Arc<Class>,
    pub dict_values: Arc<Class>,
    pub dict_items: Arc<Class>,
    pub dict_reversed_keys: Arc<Class>,
    pub dict_reversed_values: Arc<Class>,
    pub dict_reversed_items: Arc<Class>,
    pub set: Arc<Class>,
    pub list_reversed: Arc<Class>,
    pub callable: Arc<Class>,
    pub enumerate: Arc<Class>,
    pub zip: Arc<Class>,
    pub map: Arc<Class>,
    pub filter: Arc<Class>,
    pub reversed: Arc<Class>,
}

impl IterTypes {
    fn build(object: &Arc<Class>) -> IterTypes {
        let c = |name| builtin(name, &[object]);
        IterTypes {
            range: c("range_iterator"),
            list: c("list_iterator"),
            tuple: c("tuple_iterator"),
            str_ascii: c("str_ascii_iterator"),
            str_: c("str_iterator"),
            bytes: c("bytes_iterator"),
            dict_keys: c("dict_keyiterator"),
            dict_values: c("dict_valueiterator"),
            dict_items: c("dict_itemiterator"),
            dict_reversed_keys: c("dict_reversekeyiterator"),
            dict_reversed_values: c("dict_reversevalueiterator"),
            dict_reversed_items: c("dict_reverseitemiterator"),
            set: c("set_iterator"),
            list_reversed: c("list_reverseiterator"),
            callable: c("callable_iterator"),
            enumerate: c("enumerate"),
            zip: c("zip"),
            map: c("map"),
            filter: c("filter"),
            reversed: c("reversed"),
        }
    }

    /// Every iterator class (each has `__iter__` and `__next__`).
    pub fn all(&self) -> [&Arc<Class>; 20] {
        [
            &self.range,
            &self.list,
            &self.tuple,
            &self.str_ascii,
            &self.str_,
            &self.bytes,
            &self.dict_keys,
            &self.dict_values,
            &self.dict_items,
            &self.dict_reversed_keys,
            &self.dict_reversed_values,
            &self.dict_reversed_items,
            &self.set,
            &self.list_reversed,
            &self.callable,
            &self.enumerate,
            &self.zip,
            &self.map,
            &self.filter,
            &self.reversed,
        ]
    }
}

fn builtin(name: &str, bases: &[&Arc<Class>]) -> Arc<Class> {
    Arc::new(Class::new_builtin(
        name,
        "builtins",
        bases.iter().map(|b| (*b).clone()).collect(),
        Layout::Builtin,
    ))
}

fn build() -> Types {
    let object = Arc::new(Class::new_builtin(
        "object",
        "builtins",
        vec![],
        Layout::Object,
    ));
    let int = builtin("int", &[&object]);
    let base_exception = Arc::new(Class::new_builtin(
        "BaseException",
        "builtins",
        vec![object.clone()],
        Layout::Exception,
    ));
    let exc = build_exceptions(base_exception);
    let types = Types {
        type_: builtin("type", &[&object]),
        none: builtin("NoneType", &[&object]),
        not_implemented: builtin("NotImplementedType", &[&object]),
        ellipsis: builtin("ellipsis", &[&object]),
        bool_: builtin("bool", &[&int]),
        int,
        float: builtin("float", &[&object]),
        str_: builtin("str", &[&object]),
        bytes: builtin("bytes", &[&object]),
        tuple: builtin("tuple", &[&object]),
        list: builtin("list", &[&object]),
        dict: builtin("dict", &[&object]),
        set: builtin("set", &[&object]),
        frozenset: builtin("frozenset", &[&object]),
        range: builtin("range", &[&object]),
        slice: builtin("slice", &[&object]),
        function: builtin("function", &[&object]),
        builtin_function: builtin("builtin_function_or_method", &[&object]),
        method: builtin("method", &[&object]),
        module: builtin("module", &[&object]),
        generator: builtin("generator", &[&object]),
        coroutine: builtin("coroutine", &[&object]),
        async_generator: builtin("async_generator", &[&object]),
        code: builtin("code", &[&object]),
        cell: builtin("cell", &[&object]),
        iterator: builtin("iterator", &[&object]),
        property: builtin("property", &[&object]),
        staticmethod: builtin("staticmethod", &[&object]),
        classmethod: builtin("classmethod", &[&object]),
        super_: builtin("super", &[&object]),
        iters: IterTypes::build(&object),
        object,
        exc,
    };
    crate::vm::builtins::methods::install(&types);
    types
}

static TYPES: LazyLock<Types> = LazyLock::new(build);

#[inline]
pub fn types() -> &'static Types {
    &TYPES
}

/// The class of any value (`type(v)`).
pub fn class_of(v: &Value) -> &Arc<Class> {
    let t = types();
    match v {
        Value::Null | Value::None => &t.none,
        Value::NotImplemented => &t.not_implemented,
        Value::Ellipsis => &t.ellipsis,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) | Value::BigInt(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Str(_) => &t.str_,
        Value::Bytes(_) => &t.bytes,
        Value::Tuple(_) => &t.tuple,
        Value::List(_) => &t.list,
        Value::Dict(_) => &t.dict,
        Value::Set(_) => &t.set,
        Value::FrozenSet(_) => &t.frozenset,
        Value::Range(_) => &t.range,
        Value::Slice(_) => &t.slice,
        Value::Function(_) => &t.function,
        Value::Builtin(_) => &t.builtin_function,
        // A builtin bound to its object (`[].append`) is CPython's builtin_function_or_method,
        // not a `method` (Objects/methodobject.c: PyCFunction carries its `__self__`).
        Value::Method(m) if matches!(m.func, Value::Builtin(_)) => &t.builtin_function,
        Value::Method(_) => &t.method,
        Value::Class(_) => &t.type_,
        Value::Instance(i) => &i.class,
        Value::Module(_) => &t.module,
        Value::Iter(i) => i.class(),
        Value::Generator(g) if let Some(class) = g.stands_for.get() => class,
        Value::Generator(g) => match g.kind {
            crate::vm::objects::generator::GenKind::Generator => &t.generator,
            crate::vm::objects::generator::GenKind::Coroutine => &t.coroutine,
            crate::vm::objects::generator::GenKind::AsyncGenerator => &t.async_generator,
        },
        Value::Code(_) => &t.code,
        Value::Cell(_) => &t.cell,
        Value::Native(n) => &n.class,
    }
}

/// The name messages give `type(v)`: CPython's `tp_name` (`'collections.deque' object is
/// not callable`), which is `__name__` except for the builtin types of modules.
pub fn type_name(v: &Value) -> &str {
    &class_of(v).tp_name
}

/// Every builtin class by name, for the `builtins` module.
pub fn builtin_classes() -> Vec<&'static Arc<Class>> {
    let t = types();
    vec![
        &t.object,
        &t.type_,
        &t.int,
        &t.bool_,
        &t.float,
        &t.str_,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
    ]
}
