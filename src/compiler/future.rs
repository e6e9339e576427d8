//! `from __future__ import ...` (Python/future.c): which features a module asks for, where
//! such imports may stand, and the one feature that changes code today, `annotations`
//! (PEP 563: annotations are kept as their text, not evaluated).

use crate::compiler::Compiler;
use crate::syntax::ast::{Expr, Span, Stmt, StmtKind};
use crate::syntax::error::SyntaxErr;
use crate::vm::objects::value::Value;

type CResult = Result<(), SyntaxErr>;

/// The features CPython 3.12 knows; all but `annotations` are the rule already.
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

impl Compiler<'_> {
    /// Reads the future imports that open a module's `body` (after its docstring): checks
    /// their names, and remembers them as the only places a future import may stand.
    pub(crate) fn read_future_imports(&mut self, body: &[Stmt]) -> Result<(), SyntaxErr> {
        for s in body {
            let StmtKind::ImportFrom {
                module: Some(module),
                names,
                level: 0,
            } = &s.kind
            else {
                break;
            };
            if module != "__future__" {
                break;
            }
            // CPython points at the statement's first column for a bad feature name.
            let first = Span::new(s.span.start as usize, s.span.start as usize + 1);
            for alias in names {
                match alias.name.as_str() {
                    "annotations" => self.future_annotations = true,
                    "braces" => return Err(self.error("not a chance", first)),
                    "barry_as_FLUFL" => {
                        return Err(self.error(
                            "future feature barry_as_FLUFL is not supported by gilsim",
                            first,
                        ));
                    }
                    name if FEATURES.contains(&name) => {}
                    name => {
                        return Err(
                            self.error(format!("future feature {name} is not defined"), first)
                        );
                    }
                }
            }
            self.future_imports.push(s.span);
        }
        Ok(())
    }

    /// A future import anywhere but at the top of the module is an error.
    pub(crate) fn check_future_import(
        &self,
        module: Option<&str>,
        level: u32,
        span: Span,
    ) -> CResult {
        if module == Some("__future__") && level == 0 && !self.future_imports.contains(&span) {
            return Err(self.error(
                "from __future__ imports must occur at the beginning of the file",
                span,
            ));
        }
        Ok(())
    }

    /// Pushes annotation `a`: its value, or under `from __future__ import annotations` its
    /// text.
    pub(crate) fn annotation(&mut self, a: &Expr) -> CResult {
        if !self.future_annotations {
            return self.expr(a);
        }
        match crate::compiler::unparse::unparse(a) {
            Ok(text) => {
                self.load_const(Value::string(text));
                Ok(())
            }
            Err(kind) => Err(self.error(
                format!(
                    "gilsim cannot keep a {kind} annotation as text \
                     (from __future__ import annotations)"
                ),
                a.span,
            )),
        }
    }
}
