//! Superinstructions: rewrites frequent instruction sequences into one fused instruction for
//! the eval loop (the original stream is kept for `dis`, line numbers and the slow path).

use super::bytecode::{ExceptionEntry, Instr, Quick};
use crate::vm::objects::value::Value;

/// The quickened copy of `instrs`. A sequence is fused only if no jump or handler lands
/// inside it, so control never enters the middle of a fused group.
pub fn quicken(instrs: &[Instr], table: &[ExceptionEntry], consts: &[Value]) -> Box<[Instr]> {
    let mut targets = vec![false; instrs.len() + 1];
    for i in instrs {
        if let Some(slot) = i.jump_target().and_then(|t| targets.get_mut(t as usize)) {
            *slot = true;
        }
    }
    for e in table {
        if let Some(slot) = targets.get_mut(e.target as usize) {
            *slot = true;
        }
    }
    let mut out = instrs.to_vec();
    let free = |from: usize, len: usize| (from + 1..from + len).all(|k| !targets[k]);
    let small = |x: u32| u16::try_from(x).ok();
    // A small int constant, carried in the instruction itself (no constant-table lookup).
    let imm = |c: u32| match consts.get(c as usize) {
        Some(Value::Int(n)) => i16::try_from(*n).ok(),
        _ => None,
    };
    let mut i = 0;
    while i < instrs.len() {
        let q = match instrs[i..] {
            [
                Instr::LoadFast(a),
                Instr::LoadConst(c),
                Instr::BinaryOp(op),
                Instr::StoreFast(b),
                ..,
            ] if a == b && free(i, 4) => small(a).and_then(|a| match imm(c) {
                Some(k) => Some((Quick::FastImmUpdate(a, k, op), 4)),
                None => small(c).map(|c| (Quick::FastConstUpdate(a, c, op), 4)),
            }),
            [
                Instr::LoadFast(a),
                Instr::LoadConst(c),
                Instr::CompareOp(op),
                Instr::PopJumpIfFalse(_),
                ..,
            ] if free(i, 4) => small(a).and_then(|a| match imm(c) {
                Some(k) => Some((Quick::FastImmCompareJump(a, k, op), 4)),
                None => small(c).map(|c| (Quick::FastConstCompareJump(a, c, op), 4)),
            }),
            [
                Instr::LoadFast(a),
                Instr::LoadFast(b),
                Instr::CompareOp(op),
                Instr::PopJumpIfFalse(_),
                ..,
            ] if free(i, 4) => small(a)
                .zip(small(b))
                .map(|(a, b)| (Quick::FastFastCompareJump(a, b, op), 4)),
            [
                Instr::LoadFast(a),
                Instr::LoadConst(c),
                Instr::BinaryOp(op),
                ..,
            ] if free(i, 3) => small(a).and_then(|a| match imm(c) {
                Some(k) => Some((Quick::FastImmBinary(a, k, op), 3)),
                None => small(c).map(|c| (Quick::FastConstBinary(a, c, op), 3)),
            }),
            [
                Instr::LoadFast(a),
                Instr::LoadFast(b),
                Instr::BinaryOp(op),
                ..,
            ] if free(i, 3) => small(a)
                .zip(small(b))
                .map(|(a, b)| (Quick::FastFastBinary(a, b, op), 3)),
            [Instr::ForIter(t), Instr::StoreFast(a), ..] if free(i, 2) => {
                small(a).map(|a| (Quick::ForIterStore(t, a), 2))
            }
            [Instr::ForIter(t), Instr::UnpackSequence(2), ..] if free(i, 2) => {
                Some((Quick::ForIterUnpack2(t), 2))
            }
            // A method of a builtin type called on a local: `l.append(x)`, `d.popleft()`.
            [
                Instr::LoadFast(a),
                Instr::LoadAttr(arg),
                Instr::LoadFast(b),
                Instr::Call(1),
                ..,
            ] if arg & 1 == 1 && free(i, 4) => small(a)
                .zip(small(arg >> 1))
                .zip(small(b))
                .map(|((a, n), b)| (Quick::FastMethodCall1(a, n, b), 4)),
            [Instr::LoadFast(a), Instr::LoadAttr(arg), Instr::Call(0), ..]
                if arg & 1 == 1 && free(i, 3) =>
            {
                small(a)
                    .zip(small(arg >> 1))
                    .map(|(a, n)| (Quick::FastMethodCall0(a, n), 3))
            }
            [Instr::LoadFast(a), Instr::LoadAttr(arg), ..] if arg & 1 == 0 && free(i, 2) => {
                small(a)
                    .zip(small(arg >> 1))
                    .map(|(a, n)| (Quick::FastAttr(a, n), 2))
            }
            [Instr::BuildTuple(n), Instr::UnpackSequence(m), ..] if n == m && free(i, 2) => {
                small(n).map(|n| (Quick::BuildUnpack(n), 2))
            }
            // `s += p.x`: leave `p.x` to FastAttr rather than fuse the two loads.
            [
                Instr::LoadFast(_),
                Instr::LoadFast(_),
                Instr::LoadAttr(arg),
                ..,
            ] if arg & 1 == 0 => None,
            [Instr::LoadFast(a), Instr::LoadFast(b), ..] if free(i, 2) => small(a)
                .zip(small(b))
                .map(|(a, b)| (Quick::FastFast(a, b), 2)),
            _ => None,
        };
        match q {
            Some((quick, len)) => {
                out[i] = Instr::Quick(quick);
                i += len;
            }
            None => i += 1,
        }
    }
    out.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function_quick(source: &str) -> Vec<Instr> {
        let module = crate::compiler::compile_module(source, "t.py").expect("compiles");
        let code = module
            .consts
            .iter()
            .find_map(|c| match c {
                Value::Code(code) => Some(code.clone()),
                _ => None,
            })
            .expect("a function");
        code.quick.to_vec()
    }

    #[test]
    fn small_int_constants_become_immediates() {
        let quick = function_quick("def f(n):\n    n -= 1\n    n -= 100000\n    return n + 2\n");
        let fused: Vec<Quick> = quick
            .iter()
            .filter_map(|i| match i {
                Instr::Quick(q) => Some(*q),
                _ => None,
            })
            .collect();
        assert!(
            matches!(fused[0], Quick::FastImmUpdate(0, 1, _)),
            "{fused:?}"
        );
        // 100000 does not fit an i16: the constant-table form.
        assert!(
            matches!(fused[1], Quick::FastConstUpdate(0, _, _)),
            "{fused:?}"
        );
        assert!(
            matches!(fused[2], Quick::FastImmBinary(0, 2, _)),
            "{fused:?}"
        );
    }
}
