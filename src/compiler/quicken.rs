//! Superinstructions: rewrites frequent instruction sequences into one fused instruction for
//! the eval loop (the original stream is kept for `dis`, line numbers and the slow path).

use super::bytecode::{ExceptionEntry, Instr, Quick};

/// The quickened copy of `instrs`. A sequence is fused only if no jump or handler lands
/// inside it, so control never enters the middle of a fused group.
pub fn quicken(instrs: &[Instr], table: &[ExceptionEntry]) -> Box<[Instr]> {
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
    let mut i = 0;
    while i < instrs.len() {
        let q = match instrs[i..] {
            [
                Instr::LoadFast(a),
                Instr::LoadConst(c),
                Instr::BinaryOp(op),
                Instr::StoreFast(b),
                ..,
            ] if a == b && free(i, 4) => small(a)
                .zip(small(c))
                .map(|(a, c)| (Quick::FastConstUpdate(a, c, op), 4)),
            [
                Instr::LoadFast(a),
                Instr::LoadConst(c),
                Instr::CompareOp(op),
                Instr::PopJumpIfFalse(_),
                ..,
            ] if free(i, 4) => small(a)
                .zip(small(c))
                .map(|(a, c)| (Quick::FastConstCompareJump(a, c, op), 4)),
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
            ] if free(i, 3) => small(a)
                .zip(small(c))
                .map(|(a, c)| (Quick::FastConstBinary(a, c, op), 3)),
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
