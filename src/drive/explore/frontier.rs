//! The systematic search's work list: prefixes still to run, handed out in depth-first order,
//! and finished runs held back until every schedule that precedes them has finished too.
//!
//! Depth-first order is the lexicographic order of the decisions' chosen alternatives: a run
//! replays its prefix and then takes alternative 0 everywhere, and every alternative spawned
//! from it is a larger sequence. A prefix's subtree therefore holds no schedule smaller than
//! the prefix itself, so a finished run can be reported as soon as it is smaller than every
//! prefix still waiting or running. Several workers then report exactly what one worker
//! reports, in the same order, and a `--max-schedules` budget cuts at the same schedule.

use std::collections::{BTreeMap, BTreeSet};

/// A schedule's position in depth-first order: the chosen alternative of each decision.
pub(super) type Key = Vec<u32>;

pub(super) struct Frontier<J, R> {
    waiting: BTreeMap<Key, J>,
    running: BTreeSet<Key>,
    /// Finished runs by (their full decisions, the prefix they ran): the prefix breaks a tie
    /// should two runs ever end with the same decisions (a replay that diverged).
    finished: BTreeMap<(Key, Key), R>,
}

impl<J, R> Default for Frontier<J, R> {
    fn default() -> Self {
        Frontier {
            waiting: BTreeMap::new(),
            running: BTreeSet::new(),
            finished: BTreeMap::new(),
        }
    }
}

impl<J, R> Frontier<J, R> {
    /// A prefix to run.
    pub fn add(&mut self, prefix: Key, job: J) {
        self.waiting.insert(prefix, job);
    }

    /// The smallest waiting prefix, now counted as running.
    pub fn take_next(&mut self) -> Option<(Key, J)> {
        let (key, job) = self.waiting.pop_first()?;
        self.running.insert(key.clone());
        Some((key, job))
    }

    /// The run of `prefix` ended with `decisions`.
    pub fn finish(&mut self, prefix: Key, decisions: Key, result: R) {
        self.running.remove(&prefix);
        self.finished.insert((decisions, prefix), result);
    }

    /// The next run in depth-first order, once nothing still to run can precede it.
    pub fn pop_ready(&mut self) -> Option<R> {
        let ((first, _), _) = self.finished.first_key_value()?;
        let waiting = self.waiting.first_key_value().map(|(k, _)| k);
        let running = self.running.first();
        let earliest_open = match (waiting, running) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if earliest_open.is_some_and(|open| open <= first) {
            return None;
        }
        self.finished.pop_first().map(|(_, r)| r)
    }

    /// Whether anything is left: waiting, running or not yet reported.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty() && self.running.is_empty() && self.finished.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_reported_in_depth_first_order_whatever_order_they_finish_in() {
        let mut f: Frontier<(), &str> = Frontier::default();
        f.add(vec![], ());
        let (root, ()) = f.take_next().unwrap();
        // The root run made two decisions; both have an alternative.
        f.add(vec![0, 1], ());
        f.add(vec![1], ());
        f.finish(root, vec![0, 0], "root");
        assert_eq!(f.pop_ready(), Some("root"));
        let (a, ()) = f.take_next().unwrap();
        let (b, ()) = f.take_next().unwrap();
        assert_eq!((a.clone(), b.clone()), (vec![0, 1], vec![1]));
        // The later one in depth-first order finishes first: it waits.
        f.finish(b, vec![1, 0], "second");
        assert_eq!(f.pop_ready(), None);
        // [0, 1] spawns [0, 1, 1], which precedes [1, 0]: still waits.
        f.add(vec![0, 1, 1], ());
        f.finish(a, vec![0, 1, 0], "first");
        assert_eq!(f.pop_ready(), Some("first"));
        assert_eq!(f.pop_ready(), None);
        let (c, ()) = f.take_next().unwrap();
        f.finish(c, vec![0, 1, 1], "third");
        assert_eq!(f.pop_ready(), Some("third"));
        assert_eq!(f.pop_ready(), Some("second"));
        assert!(f.is_empty());
    }
}
