//! One thread's lane: what it was doing from when to when, and the marks on it.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum State {
    NotStarted,
    Running,
    Waiting,
    Blocked,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    DropRequest,
    FailedWakeup,
}

#[derive(Default)]
pub(super) struct Lane {
    /// (since ns, state), in time order.
    pub(super) changes: Vec<(u64, State)>,
    pub(super) marks: Vec<(u64, Mark)>,
}

impl Lane {
    pub(super) fn set(&mut self, at: u64, state: State) {
        if self.changes.last().is_some_and(|&(_, s)| s == state) {
            return;
        }
        let at = self.changes.last().map_or(at, |&(t, _)| at.max(t));
        self.changes.push((at, state));
    }

    pub(super) fn state_at(&self, at: u64) -> State {
        match self.changes.partition_point(|&(t, _)| t <= at) {
            0 => State::NotStarted,
            n => self.changes[n - 1].1,
        }
    }

    /// Time spent in each state between `from` and `to`.
    pub(super) fn durations(&self, from: u64, to: u64) -> HashMap<State, u64> {
        let mut out = HashMap::new();
        let mut state = self.state_at(from);
        let mut t = from;
        for &(at, s) in &self.changes {
            if at <= from {
                continue;
            }
            if at >= to {
                break;
            }
            *out.entry(state).or_insert(0) += at - t;
            t = at;
            state = s;
        }
        *out.entry(state).or_insert(0) += to.saturating_sub(t);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_durations_split_at_changes() {
        let mut lane = Lane::default();
        lane.set(0, State::Running);
        lane.set(10, State::Waiting);
        lane.set(30, State::Running);
        let d = lane.durations(0, 40);
        assert_eq!(d[&State::Running], 20);
        assert_eq!(d[&State::Waiting], 20);
        assert_eq!(lane.state_at(15), State::Waiting);
        assert_eq!(lane.durations(5, 12)[&State::Running], 5);
    }
}
