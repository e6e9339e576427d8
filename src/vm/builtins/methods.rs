//! Registration of the native methods of every builtin class (done once, when the shared
//! builtin types are created).

use crate::vm::objects::types::Types;

pub fn install(t: &Types) {
    super::str_methods::register(&t.str_);
    super::str_split_format::register(&t.str_, &t.staticmethod);
    super::list_methods::register(&t.list, &t.tuple);
    super::dict_methods::register(&t.dict, &t.classmethod);
    super::set_methods::register(&t.set, &t.frozenset);
    super::num_methods::register(t);
    super::object_methods::register(t);
    super::exception_groups::register(t);
    super::coro_methods::register(t);
    super::dunders::register(t);
    super::iter_fns::register(t);
}
