//! `gilsim dis`: a disassembly laid out like CPython 3.12's `python -m dis` (Lib/dis.py): line
//! number, jump-target marker, offset, opname, argument and its meaning, then nested code objects.

use std::fmt::Write as _;

use super::bytecode::{CodeObject, Instr};
use crate::vm::fmt::float_repr::float_repr;
use crate::vm::objects::value::Value;
use crate::vm::protocols::convert::{bytes_repr, str_repr};

/// Offsets count 2 bytes per instruction, as CPython's code units (gilsim has no inline caches).
fn offset(i: usize) -> usize {
    i * 2
}

/// A deterministic stand-in for a code object's address, so disassemblies are reproducible.
fn pseudo_address(code: &CodeObject) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in code.qualname.bytes().chain(code.first_line.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("0x{:012x}", h & 0xffff_ffff_fff0)
}

fn code_header(code: &CodeObject) -> String {
    format!(
        "<code object {} at {}, file \"{}\", line {}>",
        code.name,
        pseudo_address(code),
        code.filename,
        code.first_line
    )
}

/// `repr()` of a constant without a VM.
pub fn const_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s.as_str()),
        Value::Bytes(b) => bytes_repr(b),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Tuple(t) => {
            let items: Vec<String> = t.items.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::Code(c) => code_header(c),
        Value::Class(c) => format!("<class '{}'>", c.name),
        _ => "<constant>".into(),
    }
}

fn name_at(code: &CodeObject, i: u32) -> String {
    match code.names.get(i as usize) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "?".into(),
    }
}

fn argrepr(code: &CodeObject, instr: &Instr) -> String {
    use Instr::*;
    match *instr {
        LoadConst(i) | ReturnConst(i) | KwNames(i) => code
            .consts
            .get(i as usize)
            .map_or_else(String::new, const_repr),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => code
            .varnames
            .get(i as usize)
            .map_or_else(String::new, |s| s.to_string()),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => {
            code.deref_name(i).unwrap_or("?").to_string()
        }
        LoadGlobal(a) => {
            let n = name_at(code, a >> 1);
            if a & 1 != 0 { format!("NULL + {n}") } else { n }
        }
        LoadAttr(a) => {
            let n = name_at(code, a >> 1);
            if a & 1 != 0 {
                format!("NULL|self + {n}")
            } else {
                n
            }
        }
        StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i) | DeleteName(i)
        | StoreAttr(i) | DeleteAttr(i) | ImportName(i) | ImportFrom(i) => name_at(code, i),
        BinaryOp(op) => op.symbol().to_string(),
        CompareOp(op) => op.symbol().to_string(),
        IsOp(i) => if i == 0 { "is" } else { "is not" }.into(),
        ContainsOp(i) => if i == 0 { "in" } else { "not in" }.into(),
        FormatValue(flags) => {
            let conv = match flags & 3 {
                1 => "str",
                2 => "repr",
                3 => "ascii",
                _ => "",
            };
            let spec = if flags & 4 != 0 { "with format" } else { "" };
            [conv, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        }
        MakeFunction(flags) => {
            let mut parts = Vec::new();
            for (bit, name) in [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ] {
                if flags & bit != 0 {
                    parts.push(name);
                }
            }
            parts.join(", ")
        }
        _ => match instr.jump_target() {
            Some(t) => format!("to {}", offset(t as usize)),
            None => String::new(),
        },
    }
}

/// Disassembles a code object and, after it, every code object in its constants.
/// One instruction as `dis` shows it: `OFFSET NAME ARG (ARGREPR)` (for `--trace ops`).
pub fn instruction_text(code: &CodeObject, i: usize) -> String {
    let Some(instr) = code.instructions.get(i) else {
        return String::new();
    };
    let mut text = format!("{:>4} {}", offset(i), instr.name());
    if let Some(arg) = instr.arg() {
        let shown = match instr.jump_target() {
            Some(t) => t as i64 - i as i64 - 1,
            None => i64::from(arg),
        };
        let _ = write!(text, " {}", shown.abs());
        let r = argrepr(code, instr);
        if !r.is_empty() {
            let _ = write!(text, " ({r})");
        }
    }
    text
}

pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let targets: Vec<usize> = code
        .instructions
        .iter()
        .filter_map(|i| i.jump_target().map(|t| t as usize))
        .chain(code.exception_table.iter().map(|e| e.target as usize))
        .collect();
    let max_offset = offset(code.instructions.len().saturating_sub(1));
    let offset_width = max_offset.to_string().len().max(4);
    let mut last_line = None;
    for (i, instr) in code.instructions.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let starts_line = last_line != Some(line);
        if starts_line && i > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(if starts_line {
            format!("{line:>3}")
        } else {
            "   ".into()
        });
        last_line = Some(line);
        fields.push("   ".into());
        fields.push(if targets.contains(&i) {
            ">>".into()
        } else {
            "  ".into()
        });
        fields.push(format!("{:>width$}", offset(i), width = offset_width));
        fields.push(format!("{:<20}", instr.name()));
        if let Some(arg) = instr.arg() {
            let shown = match instr.jump_target() {
                Some(t) => t as i64 - i as i64 - 1,
                None => i64::from(arg),
            };
            fields.push(format!("{:>5}", shown.abs()));
            let r = argrepr(code, instr);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in code.exception_table.iter() {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                offset(e.start as usize),
                offset(e.end as usize),
                offset(e.target as usize),
                e.depth
            );
        }
    }
    for c in code.consts.iter() {
        if let Value::Code(inner) = c {
            let _ = write!(out, "\nDisassembly of {}:\n", code_header(inner));
            disassemble_into(inner, out);
        }
    }
}
