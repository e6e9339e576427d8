//! The GIL models on the virtual clock: at the running thread's switch points the rules of
//! `gil/rules.rs` decide whether it drops its GIL — a waiter's drop request fell due (new
//! GIL), or a waiter won the release-and-retake race of an old-GIL tick — and, between
//! threads that run in parallel (different GILs, or none), whether it lets one that is
//! further behind in virtual time go first.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{Guard, Point, Sim, SimState, Status, Stop, cost};
use crate::runtime::events::Event;
use crate::runtime::gil::{GilModel, ReleaseReason};
use crate::runtime::sched::schedule::Kind;
use crate::runtime::thread::ThreadState;

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

    /// A short blocking call of `ns` (a write(2) to stdout) by the running thread `me`.
    /// CPython's `drop_gil` signals one waiter; the caller is usually back from the call and
    /// has taken the GIL again before the OS has run the woken thread, which finds it taken
    /// and starts a new timed wait (`take_gil`) — unless a waiter was still on its way into
    /// the wait, running, and found the GIL free. So a waiter wins once in
    /// `SLEEPER_WINS_ONE_IN` or `ARRIVING_WINS_ONE_IN` seeded calls. Exploration tries both
    /// ways only when `mid_call`: a call that ends its native call is followed by a check
    /// point, where exploring lets the waiter in already.
    /// True: the caller kept its GIL and the call's time has passed; false: a waiter won,
    /// and the caller must block for the call like any blocking call.
    pub fn short_call(
        &self,
        me: &ThreadState,
        instructions: u64,
        ns: u64,
        mid_call: bool,
    ) -> Result<bool, Stop> {
        let (mut st, i) = self.arrive(me, instructions)?;
        let now = Self::time_of(&st, i);
        let waiters = st.threads[i].gil.map(|g| (g, st.waiters(g)));
        if let Some((g, waiters)) = waiters
            && (mid_call || !self.options.explore)
            && let Some(&sleeper) = waiters.iter().min_by_key(|&&j| st.threads[j].ready_since)
        {
            let arriving = waiters.iter().any(|&j| st.threads[j].arriving_until > now);
            let choices = match (self.options.explore, arriving) {
                (true, _) => 2,
                (false, true) => cost::ARRIVING_WINS_ONE_IN,
                (false, false) => cost::SLEEPER_WINS_ONE_IN,
            };
            if self.decide(&mut st, Kind::ShortCallRace, choices)? == 1 {
                st.threads[i].back_from_call = true;
                return Ok(false);
            }
            if arriving {
                // Those on their way found the GIL taken: they are asleep in their wait now.
                for &j in &waiters {
                    st.threads[j].arriving_until = 0;
                }
            } else {
                // The woken sleeper found the GIL taken: its timed wait starts again.
                st.threads[sleeper].ready_since = now + ns;
                let thread = st.threads[sleeper].state.ident;
                self.events
                    .emit_at(Duration::from_nanos(now + ns), || Event::FailedWakeup {
                        gil: g,
                        thread,
                    });
            }
        }
        self.spend(&mut st, i, ns);
        self.dirty.store(true, Ordering::Relaxed);
        Ok(true)
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
