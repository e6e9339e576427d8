//! `import`: builtin modules from `stdlib/`, and `.py` files beside the main script
//! (the first entry of `sys.path`), each executed once and cached in `sys.modules`.

use std::sync::Arc;

use crate::vm::context::Vm;
use crate::vm::eval::Resume;
use crate::vm::eval::frame::Frame;
use crate::vm::objects::dict::Dict;
use crate::vm::objects::module::Module;
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyErr, PyResult, import_error, module_not_found_error};

impl Vm {
    /// IMPORT_NAME: the top-level module for `import a.b`, the module itself with a fromlist.
    pub fn import_module_for(&self, name: &str, fromlist: &Value) -> PyResult<Value> {
        let module = self.import_module(name)?;
        // `__import__` may be given any sequence (CPython tests its truth).
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            _ => false,
        };
        if has_fromlist || !name.contains('.') {
            return Ok(module);
        }
        let top = name.split('.').next().unwrap_or(name);
        self.import_module(top)
    }

    /// Imports (or finds in `sys.modules`) the module called `name`.
    pub fn import_module(&self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.interp.modules.get_str(name) {
            return Ok(m);
        }
        if let Some((parent, child)) = name.rsplit_once('.') {
            let parent_module = self.import_module(parent)?;
            // Importing the parent may have registered the child (os registers os.path),
            // as CPython's `_find_and_load_unlocked` looks again.
            if let Some(m) = self.interp.modules.get_str(name) {
                return Ok(m);
            }
            let m = self.import_module_leaf(name)?;
            self.setattr(
                &parent_module,
                &Arc::new(crate::vm::objects::pystr::PyStr::new(child)),
                m.clone(),
            )?;
            return Ok(m);
        }
        self.import_module_leaf(name)
    }

    fn import_module_leaf(&self, name: &str) -> PyResult<Value> {
        use crate::stdlib::Provider;
        let like = self.interp.runtime.options.like;
        let provider =
            crate::stdlib::provider(name).filter(|_| crate::stdlib::exists_in(name, like));
        match provider {
            Some(Provider::Native(create)) => {
                let m = Value::Module(create(self));
                self.interp.modules.set_str(name, m.clone());
                return Ok(m);
            }
            Some(Provider::Python(_)) => {
                if let Some(frozen) = crate::stdlib::frozen::compiled(name) {
                    self.interp
                        .runtime
                        .register_shared_source(&frozen.filename, frozen.source);
                    return self.run_module(name, frozen.code, &frozen.filename);
                }
            }
            Some(Provider::Unsupported) | None => {}
        }
        if let Some(path) = self.find_source_module(name) {
            return self.exec_source_module(name, &path);
        }
        if let Some(Provider::Unsupported) = provider {
            return Err(crate::vm::pyerr::unsupported(&format!(
                "the '{name}' module"
            )));
        }
        let err = module_not_found_error(format!("No module named '{name}'"));
        err.exc.dict.set_str("name", Value::str(name));
        Err(err)
    }

    fn find_source_module(&self, name: &str) -> Option<std::path::PathBuf> {
        if name.contains('.') {
            return None;
        }
        let dir = self.interp.script_dir.lock().clone()?;
        let path = dir.join(format!("{name}.py"));
        path.is_file().then_some(path)
    }

    fn exec_source_module(&self, name: &str, path: &std::path::Path) -> PyResult<Value> {
        let filename = path.display().to_string();
        // Read as the main program is (CPython's tokenizer reads every module alike).
        let source = crate::syntax::source::read(path).map_err(|e| match e {
            crate::syntax::source::ReadError::Open(why) => {
                import_error(format!("cannot read {filename}: {why}"))
            }
            crate::syntax::source::ReadError::Decode(e) => {
                let err = PyErr::msg(
                    &crate::vm::objects::types::types().exc.syntax_error,
                    e.msg.clone(),
                );
                err.exc.dict.set_str("filename", Value::str(&filename));
                err.exc.dict.set_str("lineno", Value::Int(e.line as i64));
                err.exc.dict.set_str("msg", Value::str(&e.msg));
                err
            }
        })?;
        self.exec_module(name, &source, &filename)
    }

    /// Runs a program's text as module `name` (a spawned process's `__mp_main__`).
    pub fn run_source_as_module(
        &self,
        name: &str,
        source: &str,
        filename: &str,
    ) -> PyResult<Value> {
        self.exec_module(name, source, filename)
    }

    /// Compiles `source` and runs it as the new module `name`, registered in `sys.modules`
    /// while it runs (so circular imports see it) and removed again if it fails.
    fn exec_module(&self, name: &str, source: &str, filename: &str) -> PyResult<Value> {
        let code = crate::compiler::compile_module(source, filename)
            .map_err(|e| self.syntax_error_to_exception(&e, filename, source))?;
        self.interp.runtime.register_source(filename, source);
        self.run_module(name, code, filename)
    }

    /// Runs compiled module code as the new module `name`.
    fn run_module(
        &self,
        name: &str,
        code: Arc<crate::compiler::bytecode::CodeObject>,
        filename: &str,
    ) -> PyResult<Value> {
        let module = Arc::new(Module::new(name));
        module.set("__file__", Value::str(filename));
        let value = Value::Module(module.clone());
        self.interp.modules.set_str(name, value.clone());
        let mut frame = Frame::new(code, module.dict.clone(), None);
        self.check_native_stack()?;
        if let Err(e) = self.run_frame(&mut frame, Resume::Start) {
            self.interp.modules.remove_name(name);
            return Err(e);
        }
        Ok(value)
    }

    /// IMPORT_FROM: `from m import name`.
    pub fn import_from(&self, module: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(module, name)? {
            return Ok(v);
        }
        if let Value::Module(m) = module {
            let full = format!("{}.{name}", m.name);
            if let Ok(sub) = self.import_module(&full) {
                return Ok(sub);
            }
            return Err(import_error(format!(
                "cannot import name '{name}' from '{}' (unknown location)",
                m.name
            )));
        }
        Err(import_error(format!("cannot import name '{name}'")))
    }

    /// `from m import *`: public names, or those in `__all__`.
    pub fn import_star(&self, module: &Value, ns: &Arc<Dict>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let names: Vec<Value> = match m.dict.get_str("__all__") {
            Some(all) => self.collect(&all)?,
            None => m
                .dict
                .keys()
                .into_iter()
                .filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_')))
                .collect(),
        };
        for n in names {
            let Value::Str(s) = &n else { continue };
            // A name of __all__ a module loads on first use (collections.namedtuple) is
            // looked up as an attribute, as CPython's import * does with getattr.
            let value = match m.dict.get_name(s) {
                Some(v) => Some(v),
                None => self.getattr_opt_name(module, s)?,
            };
            if let Some(v) = value {
                ns.set_name(s, v);
            }
        }
        Ok(())
    }

    /// A compile error in an imported module, as the SyntaxError exception it raises.
    pub fn syntax_error_to_exception(
        &self,
        e: &crate::syntax::error::SyntaxErr,
        filename: &str,
        source: &str,
    ) -> PyErr {
        let class = match e.kind {
            crate::syntax::error::SyntaxKind::SyntaxError => {
                &crate::vm::objects::types::types().exc.syntax_error
            }
            crate::syntax::error::SyntaxKind::IndentationError => {
                &crate::vm::objects::types::types().exc.indentation_error
            }
            crate::syntax::error::SyntaxKind::TabError => {
                &crate::vm::objects::types::types().exc.tab_error
            }
            crate::syntax::error::SyntaxKind::RecursionError => {
                let class = &crate::vm::objects::types::types().exc.recursion_error;
                return PyErr::msg(class, e.msg.clone());
            }
        };
        super::protocols::syntax_errors::from_compile_error(class, e, filename, source)
    }
}
