//! The GIL models on the virtual clock: at the running thread's switch points the rules of
//! `gil/rules.rs` decide whether it drops its GIL — a waiter's drop request fell due (new
//! GIL), or a waiter won the release-and-retake race of an old-GIL tick — and, between
//! threads that run in parallel (different GILs, or none), whether it lets one that is
//! further behind in virtual time go first.

use std::time::Duration;

use super::{Guard, Point, Sim, SimState, Status, Stop, cost};
use crate::runtime::events::Event;
use crate::runtime::gil::{GilModel, ReleaseReason};
use crate::runtime::sched::schedule::Kind;

impl SimState {
    /// The threads waiting for GIL `g`, in creation order.
    pub(super) fn waiters(&self, g: usize) -> Vec<usize> {
        (0..self.threads.len())
            .filter(|&j| self.waits_for(j, g))
            .collect()
    }

    /// The GIL model thread `i` runs under.
    pub(super) fn model_of(&self, i: usize) -> GilModel {
        self.threads[i]
            .gil
            .map_or(GilModel::Off, |g| self.gils[g].rules.model)
    }
}

impl Sim {
    /// The GIL's rules at thread `i`'s switch point; true if it switched away.
    pub(super) fn gil_check(
        &self,
        st: &mut Guard<'_>,
        i: usize,
        point: Point,
    ) -> Result<bool, Stop> {
        let Some(g) = st.threads[i].gil else {
            return Ok(false);
        };
        match (st.gils[g].rules.model, point) {
            (GilModel::New, _) => self.new_gil_check(st, i, g),
            (GilModel::Old, Point::OldGilTick) => self.old_gil_tick(st, i, g),
            _ => Ok(false),
        }
    }

    /// When the earliest waiter of GIL `g` asks for a drop, and who it is.
    pub(super) fn drop_request_due(st: &SimState, g: usize) -> Option<(u64, usize)> {
        let gil = &st.gils[g];
        let interval = gil.gil.interval_ns();
        st.waiters(g)
            .into_iter()
            .filter_map(|j| {
                let due = gil
                    .rules
                    .drop_request_due(st.threads[j].ready_since, interval)?;
                Some((due, j))
            })
            .min_by_key(|&(due, _)| due)
    }

    /// The new GIL: a waiter that has waited a whole interval has asked for a drop; the
    /// holder honours it here and the GIL goes to one of the other waiters (forced
    /// switching: never straight back to the holder).
    fn new_gil_check(&self, st: &mut Guard<'_>, i: usize, g: usize) -> Result<bool, Stop> {
        let now = st.gils[g].now;
        let Some((due, by)) = Self::drop_request_due(st, g) else {
            return Ok(false);
        };
        if now < due {
            return Ok(false);
        }
        st.gils[g].rules.request_drop();
        let by = st.threads[by].state.ident;
        let holder = st.threads[i].state.ident;
        self.events
            .emit_at(Duration::from_nanos(now), || Event::DropRequest {
                gil: g,
                by,
                holder,
            });
        match st.gils[g].rules.at_check_point(false, true) {
            Some(reason) => self.switch_away(st, i, reason).map(|()| true),
            None => Ok(false),
        }
    }

    /// The old GIL, every N ticks: release and re-take; a waiter rarely wins the race.
    fn old_gil_tick(&self, st: &mut Guard<'_>, i: usize, g: usize) -> Result<bool, Stop> {
        let waiters = st.waiters(g);
        let Some(reason) = st.gils[g].rules.at_check_point(true, !waiters.is_empty()) else {
            return Ok(false);
        };
        if self.decide(st, Kind::OldGilRace, cost::OLD_GIL_WIN_ONE_IN)? == 0 {
            self.switch_away(st, i, reason)?;
            return Ok(true);
        }
        let thread = st.threads[waiters[0]].state.ident;
        let now = st.gils[g].now;
        self.events
            .emit_at(Duration::from_nanos(now), || Event::FailedWakeup {
                gil: g,
                thread,
            });
        Ok(false)
    }

    /// Threads that run in parallel: the one furthest behind in virtual time runs next.
    pub(super) fn parallel_check(&self, st: &mut Guard<'_>, i: usize) -> Result<(), Stop> {
        let mine = st.threads[i].clock;
        let behind =
            (0..st.threads.len()).any(|j| j != i && st.runnable(j) && st.threads[j].clock < mine);
        if behind {
            st.threads[i].status = Status::Ready;
            st.threads[i].ready_since = mine;
            self.pass_baton(st, i, None, ReleaseReason::Quantum)?;
            self.wait_turn(st, i)?;
        }
        Ok(())
    }

    /// The running thread gives up its GIL to another waiter and queues again.
    fn switch_away(&self, st: &mut Guard<'_>, i: usize, reason: ReleaseReason) -> Result<(), Stop> {
        st.threads[i].status = Status::Ready;
        st.threads[i].ready_since = Self::time_of(st, i);
        self.pass_baton(st, i, Some(i), reason)?;
        self.wait_turn(st, i)
    }
}
