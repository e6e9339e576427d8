//! The second pass of scope analysis (symtable.c's analyze_block): resolves each collected
//! name to local, global, free or cell, walking scopes from the module inwards.

use hashbrown::HashMap;

use super::{DEF_GLOBAL, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, NameScope, ScopeKind, SymbolTable};
use crate::syntax::error::SyntaxErr;

/// Resolves every name of scope `idx`. `enclosing` holds the names bound in enclosing function
/// scopes; `free_needed` collects names this scope (or its children) need from outside.
pub(super) fn analyze(
    table: &mut SymbolTable,
    idx: usize,
    enclosing: &[String],
    free_out: &mut Vec<String>,
) -> Result<(), SyntaxErr> {
    let kind = table.scopes[idx].kind;
    let names: Vec<(String, u8)> = table.scopes[idx]
        .order
        .iter()
        .map(|n| (n.clone(), table.scopes[idx].flags[n]))
        .collect();
    let mut resolved: HashMap<String, NameScope> = HashMap::new();
    for (name, flags) in &names {
        let scope = if flags & DEF_GLOBAL != 0 {
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !enclosing.contains(name) {
                let span = table.scopes[idx].nonlocal_spans.get(name).copied();
                let (start, end) = span.map_or((0, 0), |s| (s.start as usize, s.end as usize));
                return Err(SyntaxErr::new(
                    format!("no binding for nonlocal '{name}' found"),
                    start,
                    end,
                ));
            }
            NameScope::Free
        } else if flags & (DEF_LOCAL | DEF_PARAM) != 0 {
            NameScope::Local
        } else if kind != ScopeKind::Module && enclosing.contains(name) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(name.clone(), scope);
    }
    // Methods that use super()/__class__ get an implicit free `__class__` from the class body.
    let in_class = kind != ScopeKind::Module
        && table.scopes[idx].needs_class_cell
        && enclosing.contains(&"__class__".to_string());
    if in_class && !resolved.contains_key("__class__") {
        table.scopes[idx].order.push("__class__".into());
        resolved.insert("__class__".into(), NameScope::Free);
    }

    // Names visible to children: this function's locals plus what is visible here already.
    let mut child_enclosing: Vec<String> = enclosing.to_vec();
    match kind {
        ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
            for (name, scope) in &resolved {
                if matches!(scope, NameScope::Local | NameScope::Free)
                    && !child_enclosing.contains(name)
                {
                    child_enclosing.push(name.clone());
                }
            }
            // A global declaration hides outer bindings of the name from nested scopes.
            child_enclosing.retain(|n| resolved.get(n) != Some(&NameScope::GlobalExplicit));
        }
        ScopeKind::Class => {
            child_enclosing.push("__class__".into());
        }
        ScopeKind::Module => {}
    }

    let children = table.scopes[idx].children.clone();
    let mut child_free: Vec<String> = Vec::new();
    for child in children {
        analyze(table, child, &child_enclosing, &mut child_free)?;
    }
    for name in child_free {
        match resolved.get(&name).copied() {
            Some(NameScope::Local) if kind != ScopeKind::Class => {
                resolved.insert(name, NameScope::Cell);
            }
            Some(NameScope::Cell) => {}
            Some(NameScope::Free) => {}
            _ if kind == ScopeKind::Class && name == "__class__" => {
                table.scopes[idx].has_class_cell = true;
            }
            _ => {
                // Passes through this scope to a nested one (e.g. through a class body or a
                // function that does not use the name itself).
                if kind == ScopeKind::Module {
                    continue;
                }
                if resolved.get(&name) == Some(&NameScope::Local) {
                    // A class body that binds the name itself still forwards the outer cell.
                    table.scopes[idx].class_free.push(name.clone());
                } else {
                    if !table.scopes[idx].order.contains(&name) {
                        table.scopes[idx].order.push(name.clone());
                    }
                    resolved.insert(name.clone(), NameScope::Free);
                }
                if !free_out.contains(&name) {
                    free_out.push(name);
                }
            }
        }
    }
    for (name, scope) in &resolved {
        if *scope == NameScope::Free && !free_out.contains(name) {
            free_out.push(name.clone());
        }
    }
    table.scopes[idx].resolved = resolved;
    Ok(())
}
