//! The three GIL models' rules, written once over one GIL's state (CPython's
//! `Python/ceval_gil.c` for the new GIL, `Python/ceval.c` of 2.7 for the old one). Time is
//! nanoseconds on whichever clock drives the GIL: real mode's `RealGil` keeps its waiters on
//! a condvar and passes the wall clock; the simulated scheduler's waiters are its ready
//! threads, and it passes the virtual clock. Neither restates a rule.
//!
//! - new GIL: a waiter that has waited a whole switch interval — since it began waiting or
//!   since the GIL last changed hands, whichever is later — asks the holder to drop it
//!   (`drop_request_due`, `request_drop`); the holder drops at its next check point
//!   (`at_check_point`) and may not take it back before another thread has (`forces_switch`,
//!   FORCE_SWITCHING). Which waiter then wins is not FIFO: the OS decides in real mode, the
//!   seed in simulated mode.
//! - old GIL: at every N-th tick, if anyone waits, the holder releases and immediately
//!   re-takes it, racing the waiters (which the holder usually wins).
//! - off: nothing to take, nothing to drop.

use super::{GilModel, ReleaseReason};

/// One GIL's state. `T` names a thread the way the driving clock does.
#[derive(Debug, Clone)]
pub struct GilState<T> {
    pub model: GilModel,
    holder: Option<T>,
    /// Incremented at every acquisition (CPython's `switch_number`): a thread that dropped
    /// on request waits for it to change.
    switch_number: u64,
    /// When the GIL last changed hands (a thread taking it back after a blocking call,
    /// with nobody else having held it meanwhile, is no switch).
    last_switch: u64,
    /// Who took it last.
    last_holder: Option<T>,
    /// A waiter asked the holder to drop the GIL (CPython's `gil_drop_request`).
    drop_requested: bool,
}

impl<T: Copy + PartialEq> GilState<T> {
    pub fn new(model: GilModel) -> GilState<T> {
        GilState {
            model,
            holder: None,
            switch_number: 0,
            last_switch: 0,
            last_holder: None,
            drop_requested: false,
        }
    }

    pub fn holder(&self) -> Option<T> {
        self.holder
    }

    pub fn is_held(&self) -> bool {
        self.holder.is_some()
    }

    pub fn switch_number(&self) -> u64 {
        self.switch_number
    }

    /// `who` takes the free GIL at `now` (CPython's `take_gil` once `gil->locked` is clear):
    /// the switch counter moves on, a pending drop request is honoured.
    pub fn take(&mut self, who: T, now: u64) {
        debug_assert!(self.holder.is_none(), "the GIL is taken twice");
        self.holder = Some(who);
        self.switch_number += 1;
        if self.last_holder != Some(who) {
            self.last_switch = now;
            self.last_holder = Some(who);
        }
        self.drop_requested = false;
    }

    /// The holder lets the GIL go; false if `who` did not hold it.
    pub fn release(&mut self, who: T) -> bool {
        if self.holder != Some(who) {
            return false;
        }
        self.holder = None;
        true
    }

    /// New GIL: when a thread waiting since `waiting_since` asks the holder to drop the GIL
    /// (one interval after it began waiting or after the last switch, whichever is later).
    /// None under the other models, or while nobody holds it.
    pub fn drop_request_due(&self, waiting_since: u64, interval_ns: u64) -> Option<u64> {
        (self.model == GilModel::New && self.holder.is_some()).then(|| {
            waiting_since
                .max(self.last_switch)
                .saturating_add(interval_ns.max(1))
        })
    }

    /// A waiter asks the holder to drop the GIL; returns the holder, to be told at its next
    /// check point (None if nobody holds it or it was asked already).
    pub fn request_drop(&mut self) -> Option<T> {
        if self.model != GilModel::New || self.drop_requested {
            return None;
        }
        let holder = self.holder?;
        self.drop_requested = true;
        Some(holder)
    }

    /// What the holder does at a check point: drop the GIL on a pending request (new GIL),
    /// or — at an old-GIL tick with someone waiting — release it and race to re-take it.
    pub fn at_check_point(&self, tick: bool, anyone_waiting: bool) -> Option<ReleaseReason> {
        match self.model {
            GilModel::New if self.drop_requested => Some(ReleaseReason::DropRequest),
            GilModel::Old if tick && anyone_waiting => Some(ReleaseReason::Ticks),
            _ => None,
        }
    }

    /// Whether a release for `reason` forbids the releasing thread to take the GIL back
    /// before another thread has (FORCE_SWITCHING): only a drop honoured on request.
    pub fn forces_switch(reason: ReleaseReason) -> bool {
        reason == ReleaseReason::DropRequest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_request_falls_due_one_interval_after_waiting_began_or_the_last_switch() {
        let mut gil = GilState::new(GilModel::New);
        assert_eq!(gil.drop_request_due(0, 5), None, "nobody holds it");
        gil.take(1u32, 100);
        assert_eq!(gil.drop_request_due(40, 5_000), Some(5_100));
        assert_eq!(gil.drop_request_due(300, 5_000), Some(5_300));
        assert_eq!(gil.at_check_point(false, true), None);
        assert_eq!(gil.request_drop(), Some(1));
        assert_eq!(gil.request_drop(), None, "asked already");
        assert_eq!(
            gil.at_check_point(false, true),
            Some(ReleaseReason::DropRequest)
        );
        assert!(gil.release(1));
        gil.take(2, 6_000);
        assert_eq!(
            gil.at_check_point(false, true),
            None,
            "the request was honoured"
        );
        assert_eq!(gil.switch_number(), 2);
    }

    #[test]
    fn the_old_gil_races_at_ticks_with_waiters_and_off_never_drops() {
        let mut old = GilState::new(GilModel::Old);
        old.take(1u32, 0);
        assert_eq!(old.drop_request_due(0, 5), None);
        assert_eq!(old.request_drop(), None);
        assert_eq!(old.at_check_point(false, true), None);
        assert_eq!(old.at_check_point(true, false), None);
        assert_eq!(old.at_check_point(true, true), Some(ReleaseReason::Ticks));
        let mut off = GilState::new(GilModel::Off);
        off.take(1u32, 0);
        assert_eq!(off.at_check_point(true, true), None);
        assert!(GilState::<u32>::forces_switch(ReleaseReason::DropRequest));
        assert!(!GilState::<u32>::forces_switch(ReleaseReason::Ticks));
    }
}
