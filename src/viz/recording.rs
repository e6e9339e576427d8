//! The whole run kept as lanes of slices (what each thread did from when to when, who held
//! each GIL, every handoff), for the views drawn after it ends: the trace JSON and the HTML
//! report. Collected from the event stream; resolved into plain data by `Recorder::finish`.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use crate::runtime::Interpreter;
use crate::runtime::events::{Event, Observer};
use crate::runtime::gil::{GilModel, ReleaseReason};

/// What a thread does during a slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Holds the GIL (or, without one, runs on a core); `line` is where it resumed, when
    /// line events were collected.
    Running {
        line: u32,
    },
    /// Wants the GIL.
    Waiting,
    /// In a blocking call, the GIL released.
    Blocked {
        reason: &'static str,
        what: String,
        line: u32,
    },
    Done,
}

impl State {
    /// The slice's name in the views.
    pub fn label(&self, gil: bool) -> String {
        match self {
            State::Running { .. } if gil => "running (holds the GIL)".into(),
            State::Running { .. } => "running".into(),
            State::Waiting => "waiting for the GIL".into(),
            State::Blocked { reason, .. } => format!("blocked: {reason}"),
            State::Done => "done".into(),
        }
    }
}

/// A moment marked on a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// This thread asked the holder to drop the GIL.
    DropRequest,
    /// This thread dropped the GIL because it was asked to (forced switching).
    ForcedSwitch,
    /// Woke for the GIL but another thread took it first.
    FailedWakeup,
    /// The explorer switched this thread out here.
    ExploredPreemption,
    /// The old GIL's periodic release (every N ticks).
    TicksRelease,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::DropRequest => "drop request",
            Mark::ForcedSwitch => "forced switch",
            Mark::FailedWakeup => "failed wake-up",
            Mark::ExploredPreemption => "explored preemption",
            Mark::TicksRelease => "ticks release",
        }
    }
}

/// One stretch of a lane: `state` from `start` to `end` (ns on the run's clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    pub start: u64,
    pub end: u64,
    pub state: State,
}

/// One thread's lane, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub ident: u64,
    pub name: String,
    pub interp: u64,
    pub slices: Vec<Slice>,
    pub marks: Vec<(u64, Mark)>,
    /// Source lines entered, by (file, line), when line events were collected.
    pub line_counts: BTreeMap<(Arc<str>, u32), u64>,
}

/// A GIL taken by one thread after another let it go: `from`'s slice `from_slice` to
/// `to`'s slice `to_slice` (lane and slice indexes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handoff {
    pub from: usize,
    pub from_slice: usize,
    pub to: usize,
    pub to_slice: usize,
}

/// One GIL's track: who held it when (lane indexes), and how many threads waited for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GilTrack {
    pub id: usize,
    /// The interpreter that owns it.
    pub owner: u64,
    pub held: Vec<(u64, u64, usize)>,
    /// (since ns, threads waiting), each a change.
    pub waiting: Vec<(u64, usize)>,
    pub handoffs: Vec<Handoff>,
}

/// The run as the views draw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recording {
    pub model: GilModel,
    /// Whether the times are virtual (a simulated run) or the wall clock's.
    pub virtual_clock: bool,
    pub end: u64,
    pub lanes: Vec<Lane>,
    pub gils: Vec<GilTrack>,
    /// The interpreters that are processes, by id.
    pub processes: BTreeMap<u64, crate::runtime::runtime::ProcessName>,
}

impl Recording {
    /// A run that recorded nothing (its program never started).
    pub fn empty(model: GilModel) -> Recording {
        Recording {
            model,
            virtual_clock: false,
            end: 0,
            lanes: Vec::new(),
            gils: Vec::new(),
            processes: BTreeMap::new(),
        }
    }

    /// Whether slices "running" mean holding a GIL.
    pub fn has_gil(&self) -> bool {
        self.model != GilModel::Off
    }

    /// Times a GIL passed from one thread to another.
    pub fn switches(&self) -> usize {
        self.gils.iter().map(|g| g.handoffs.len()).sum()
    }

    /// Times a waiting thread asked the holder to drop its GIL.
    pub fn drop_requests(&self) -> usize {
        self.lanes
            .iter()
            .flat_map(|l| &l.marks)
            .filter(|(_, m)| *m == Mark::DropRequest)
            .count()
    }

    /// How long some thread waited for some GIL (ns; overlapping waits count once).
    pub fn waiting_ns(&self) -> u64 {
        let mut spans: Vec<(u64, u64)> = Vec::new();
        for gil in &self.gils {
            for (i, &(at, n)) in gil.waiting.iter().enumerate() {
                let until = gil.waiting.get(i + 1).map_or(self.end, |&(t, _)| t);
                if n > 0 && until > at {
                    spans.push((at, until));
                }
            }
        }
        spans.sort_unstable();
        let (mut total, mut reached) = (0, 0);
        for (start, end) in spans {
            let start = start.max(reached);
            if end > start {
                total += end - start;
                reached = end;
            }
        }
        total
    }
}

pub struct Recorder {
    interp: Weak<Interpreter>,
    model: GilModel,
    book: Mutex<Book>,
}

#[derive(Default)]
struct ThreadBook {
    ident: u64,
    name: String,
    /// (since ns, state), in time order, never two equal states in a row.
    changes: Vec<(u64, State)>,
    marks: Vec<(u64, Mark)>,
    /// The GIL it takes (known from its first GIL event).
    gil: Option<usize>,
    line: u32,
    line_counts: BTreeMap<(Arc<str>, u32), u64>,
}

impl ThreadBook {
    /// A new state from `at`, never before the lane's last change (events timed on the wall
    /// clock by different threads can arrive slightly out of order).
    fn set(&mut self, at: u64, state: State) -> u64 {
        if self.changes.last().is_some_and(|(_, s)| *s == state) {
            return self.changes.last().map_or(at, |&(t, _)| t);
        }
        let at = self.changes.last().map_or(at, |&(t, _)| at.max(t));
        self.changes.push((at, state));
        at
    }

    fn running(&self) -> bool {
        matches!(self.changes.last(), Some((_, State::Running { .. })))
    }

    /// Index of the last change that is running, if any.
    fn last_running(&self) -> Option<usize> {
        self.changes
            .iter()
            .rposition(|(_, s)| matches!(s, State::Running { .. }))
    }
}

#[derive(Default)]
struct GilBook {
    /// (since ns, holder lane), None when free; monotonic.
    holders: Vec<(u64, Option<usize>)>,
    /// The lane that held it last (kept after its release: the source of the next handoff).
    last_holder: Option<usize>,
    /// (lane, change index) pairs of handoffs.
    handoffs: Vec<((usize, usize), (usize, usize))>,
}

impl GilBook {
    fn set(&mut self, at: u64, holder: Option<usize>) {
        let at = self.holders.last().map_or(at, |&(t, _)| at.max(t));
        self.holders.push((at, holder));
    }
}

#[derive(Default)]
struct Book {
    threads: Vec<ThreadBook>,
    index: HashMap<u64, usize>,
    gils: BTreeMap<usize, GilBook>,
    end: u64,
}

impl Book {
    /// The lane of `ident`, made on first sight (lanes are in creation order).
    fn lane(&mut self, ident: u64) -> usize {
        if let Some(&i) = self.index.get(&ident) {
            return i;
        }
        let i = self.threads.len();
        self.threads.push(ThreadBook {
            ident,
            ..ThreadBook::default()
        });
        self.index.insert(ident, i);
        i
    }
}

impl Recorder {
    /// Starts recording; the interpreter's first thread runs, holding the GIL, from time 0.
    pub fn attach(interp: &Arc<Interpreter>) -> Arc<Recorder> {
        let recorder = Arc::new(Recorder {
            interp: Arc::downgrade(interp),
            model: interp.gil.model,
            book: Mutex::new(Book::default()),
        });
        if let Some(main) = interp.main_thread() {
            let mut book = recorder.book.lock();
            let lane = book.lane(main.ident);
            book.threads[lane].name = main.display_name();
            book.threads[lane].set(0, State::Running { line: 0 });
            if recorder.model != GilModel::Off {
                book.threads[lane].gil = Some(interp.gil.id);
                let gil = book.gils.entry(interp.gil.id).or_default();
                gil.set(0, Some(lane));
                gil.last_holder = Some(lane);
            }
        }
        interp.runtime.events.attach(recorder.clone());
        recorder
    }

    /// What a thread that may run does: with a GIL it waits for it; without, it runs.
    fn ready(&self) -> State {
        if self.model == GilModel::Off {
            State::Running { line: 0 }
        } else {
            State::Waiting
        }
    }

    fn acquired(&self, book: &mut Book, at: u64, gil: usize, thread: u64) {
        let lane = book.lane(thread);
        let t = &mut book.threads[lane];
        if self.model == GilModel::Off {
            // The simulated scheduler's virtual cores changing hands: still running.
            let line = t.line;
            t.set(at, State::Running { line });
            return;
        }
        t.gil = Some(gil);
        let line = t.line;
        let at = t.set(at, State::Running { line });
        let to_change = t.last_running().unwrap_or(0);
        let g = book.gils.entry(gil).or_default();
        let previous = g.last_holder.replace(lane);
        g.set(at, Some(lane));
        if let Some(from) = previous.filter(|&p| p != lane)
            && let Some(from_change) = book.threads[from].last_running()
        {
            book.gils
                .entry(gil)
                .or_default()
                .handoffs
                .push(((from, from_change), (lane, to_change)));
        }
    }

    fn released(&self, book: &mut Book, at: u64, gil: usize, thread: u64, reason: ReleaseReason) {
        let lane = book.lane(thread);
        let next = match reason {
            ReleaseReason::Blocking => None, // its Block event says why
            ReleaseReason::Exit => Some(State::Done),
            ReleaseReason::Quantum => None,
            ReleaseReason::DropRequest | ReleaseReason::Ticks | ReleaseReason::Explored => {
                Some(State::Waiting)
            }
        };
        let mark = match reason {
            ReleaseReason::DropRequest => Some(Mark::ForcedSwitch),
            ReleaseReason::Ticks => Some(Mark::TicksRelease),
            ReleaseReason::Explored => Some(Mark::ExploredPreemption),
            _ => None,
        };
        if self.model == GilModel::Off {
            return;
        }
        let t = &mut book.threads[lane];
        t.gil = Some(gil);
        let at = match next {
            Some(state) => t.set(at, state),
            None => at,
        };
        if let Some(mark) = mark {
            t.marks.push((at, mark));
        }
        let g = book.gils.entry(gil).or_default();
        // Only the holder's release frees it: a late event of an earlier holder does not.
        if g.holders.last().is_some_and(|&(_, h)| h == Some(lane)) {
            g.set(at, None);
        }
    }

    /// The recording, with names as they are at the end of the run, ending at `end`.
    pub fn finish(&self, end: Duration) -> Recording {
        let book = self.book.lock();
        let end = (end.as_nanos() as u64).max(book.end);
        let runtime = self.interp.upgrade().map(|i| i.runtime.clone());
        let lanes: Vec<Lane> = book
            .threads
            .iter()
            .map(|t| {
                let state = runtime.as_ref().and_then(|r| r.thread(t.ident));
                Lane {
                    ident: t.ident,
                    name: state
                        .as_ref()
                        .map_or_else(|| t.name.clone(), |s| s.display_name()),
                    interp: state.as_ref().map_or(0, |s| s.interp),
                    slices: slices(&t.changes, end),
                    marks: t.marks.clone(),
                    line_counts: t.line_counts.clone(),
                }
            })
            .collect();
        let gils: Vec<GilTrack> = book
            .gils
            .iter()
            .map(|(&id, g)| GilTrack {
                id,
                owner: runtime.as_ref().map_or(0, |r| r.gil_owner(id)),
                held: held(&g.holders, end),
                waiting: waiting(&book.threads, id, end),
                handoffs: g
                    .handoffs
                    .iter()
                    .filter_map(|&((from, fc), (to, tc))| {
                        Some(Handoff {
                            from,
                            from_slice: slice_index(&book.threads[from].changes, fc, end)?,
                            to,
                            to_slice: slice_index(&book.threads[to].changes, tc, end)?,
                        })
                    })
                    .collect(),
            })
            .collect();
        let mut interps: Vec<u64> = lanes.iter().map(|l| l.interp).collect();
        interps.extend(gils.iter().map(|g| g.owner));
        let processes = interps
            .into_iter()
            .filter_map(|i| Some((i, runtime.as_ref()?.process_name(i)?)))
            .collect();
        Recording {
            model: self.model,
            virtual_clock: runtime
                .as_ref()
                .is_some_and(|r| r.sched.counts_instructions()),
            end,
            lanes,
            gils,
            processes,
        }
    }
}

/// Slices from a lane's changes: each state lasts until the next change (or `end`); a
/// finished thread's lane stops.
fn slices(changes: &[(u64, State)], end: u64) -> Vec<Slice> {
    let mut out = Vec::new();
    for (i, (at, state)) in changes.iter().enumerate() {
        if *state == State::Done || *at > end {
            continue;
        }
        let until = changes.get(i + 1).map_or(end, |&(t, _)| t.min(end));
        out.push(Slice {
            start: *at,
            end: until,
            state: state.clone(),
        });
    }
    out
}

/// The index in `slices(changes)` of change `change`, if it made a slice.
fn slice_index(changes: &[(u64, State)], change: usize, end: u64) -> Option<usize> {
    let (at, state) = changes.get(change)?;
    if *state == State::Done || *at > end {
        return None;
    }
    Some(
        changes[..change]
            .iter()
            .filter(|(t, s)| *s != State::Done && *t <= end)
            .count(),
    )
}

/// A GIL's holding intervals (start, end, lane).
fn held(holders: &[(u64, Option<usize>)], end: u64) -> Vec<(u64, u64, usize)> {
    let mut out = Vec::new();
    for (i, &(at, holder)) in holders.iter().enumerate() {
        let Some(lane) = holder else { continue };
        let until = holders.get(i + 1).map_or(end, |&(t, _)| t.min(end));
        if at <= until {
            out.push((at, until, lane));
        }
    }
    out
}

/// How many threads wait for GIL `gil` over time: (since, count) at every change.
fn waiting(threads: &[ThreadBook], gil: usize, end: u64) -> Vec<(u64, usize)> {
    let mut steps: Vec<(u64, i64)> = Vec::new();
    for t in threads.iter().filter(|t| t.gil.unwrap_or(0) == gil) {
        for (i, (at, state)) in t.changes.iter().enumerate() {
            if *state != State::Waiting || *at > end {
                continue;
            }
            let until = t.changes.get(i + 1).map_or(end, |&(u, _)| u.min(end));
            steps.push((*at, 1));
            steps.push((until, -1));
        }
    }
    // Ends before starts at one instant, so a handoff does not count a waiter twice.
    steps.sort_by_key(|&(at, d)| (at, d));
    let mut out: Vec<(u64, usize)> = vec![(0, 0)];
    let mut count = 0i64;
    for (at, d) in steps {
        count += d;
        let n = count.max(0) as usize;
        match out.last_mut() {
            Some(last) if last.0 == at => last.1 = n,
            _ => out.push((at, n)),
        }
    }
    out.dedup_by(|b, a| a.1 == b.1);
    out
}

/// Sorts a blocking call into the reasons the views name, from what it waits for.
pub fn reason_of(what: &str) -> &'static str {
    if what.contains("end of a sleep") {
        "sleep"
    } else if what.contains("to finish") {
        "join"
    } else if what.contains("Queue") || what.contains("queue") || what.contains("channel") {
        "queue"
    } else if what.contains("response") || what.contains("I/O") {
        "I/O"
    } else if what.contains("interpreter") {
        "interpreter"
    } else {
        "lock"
    }
}

impl Observer for Recorder {
    fn event(&self, at: Duration, event: &Event) {
        let at = at.as_nanos() as u64;
        let mut book = self.book.lock();
        book.end = book.end.max(at);
        match event {
            Event::ThreadStart { thread, name } => {
                let ready = self.ready();
                let lane = book.lane(*thread);
                let t = &mut book.threads[lane];
                t.name.clone_from(name);
                if t.changes.is_empty() {
                    t.set(at, ready);
                }
            }
            Event::ThreadExit { thread } => {
                let lane = book.lane(*thread);
                book.threads[lane].set(at, State::Done);
            }
            Event::Block { thread, what, line } => {
                let lane = book.lane(*thread);
                let state = State::Blocked {
                    reason: reason_of(what),
                    what: what.clone(),
                    line: *line,
                };
                book.threads[lane].set(at, state);
            }
            Event::Wake { thread } => {
                let ready = self.ready();
                let lane = book.lane(*thread);
                book.threads[lane].set(at, ready);
            }
            Event::GilAcquire { gil, thread, .. } => self.acquired(&mut book, at, *gil, *thread),
            Event::GilRelease {
                gil,
                thread,
                reason,
            } => self.released(&mut book, at, *gil, *thread, *reason),
            Event::DropRequest { by, .. } => mark(&mut book, *by, at, Mark::DropRequest),
            Event::FailedWakeup { thread, .. } => mark(&mut book, *thread, at, Mark::FailedWakeup),
            Event::Line { thread, file, line } => {
                let lane = book.lane(*thread);
                let t = &mut book.threads[lane];
                t.line = *line;
                *t.line_counts.entry((file.clone(), *line)).or_insert(0) += 1;
                if t.running()
                    && let Some((_, State::Running { line: l })) = t.changes.last_mut()
                    && *l == 0
                {
                    *l = *line;
                }
            }
            Event::Op { .. } | Event::Task { .. } => {}
        }
    }
}

fn mark(book: &mut Book, thread: u64, at: u64, mark: Mark) {
    let lane = book.lane(thread);
    book.threads[lane].marks.push((at, mark));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::events::sample::{acquire, deliver, release, start};

    fn recorder(model: GilModel) -> Recorder {
        let r = Recorder {
            interp: Weak::new(),
            model,
            book: Mutex::new(Book::default()),
        };
        {
            let mut book = r.book.lock();
            let lane = book.lane(1);
            book.threads[lane].set(0, State::Running { line: 0 });
            if model != GilModel::Off {
                book.threads[lane].gil = Some(0);
                let g = book.gils.entry(0).or_default();
                g.set(0, Some(lane));
                g.last_holder = Some(lane);
            }
        }
        r
    }

    fn ev(r: &Recorder, at: u64, event: Event) {
        deliver(r, at, event);
    }

    #[test]
    fn a_forced_switch_makes_slices_a_handoff_and_a_waiter() {
        let r = recorder(GilModel::New);
        ev(&r, 10, start(2));
        ev(
            &r,
            50,
            Event::DropRequest {
                gil: 0,
                by: 2,
                holder: 1,
            },
        );
        ev(&r, 60, release(1, ReleaseReason::DropRequest));
        ev(&r, 65, acquire(2));
        let rec = r.finish(Duration::from_nanos(100));
        let states: Vec<_> = rec.lanes[1]
            .slices
            .iter()
            .map(|s| (s.start, s.end, s.state.clone()))
            .collect();
        assert_eq!(
            states,
            vec![
                (10, 65, State::Waiting),
                (65, 100, State::Running { line: 0 })
            ]
        );
        assert_eq!(rec.lanes[0].marks, vec![(60, Mark::ForcedSwitch)]);
        assert_eq!(rec.lanes[1].marks, vec![(50, Mark::DropRequest)]);
        let gil = &rec.gils[0];
        assert_eq!(gil.held, vec![(0, 60, 0), (65, 100, 1)]);
        assert_eq!(
            gil.handoffs,
            vec![Handoff {
                from: 0,
                from_slice: 0,
                to: 1,
                to_slice: 1
            }]
        );
        // Thread 2 waits from 10 to 65; thread 1 from 60 to the end, where the count drops.
        assert_eq!(
            gil.waiting,
            vec![(0, 0), (10, 1), (60, 2), (65, 1), (100, 0)]
        );
    }

    #[test]
    fn late_events_never_go_back_in_time() {
        let r = recorder(GilModel::New);
        ev(&r, 10, start(2));
        ev(&r, 40, acquire(2));
        // The old holder's release is timed before the new holder's take.
        ev(&r, 30, release(1, ReleaseReason::DropRequest));
        let rec = r.finish(Duration::from_nanos(50));
        for lane in &rec.lanes {
            for w in lane.slices.windows(2) {
                assert!(w[0].end <= w[1].start, "{:?}", lane.slices);
            }
        }
        for w in rec.gils[0].held.windows(2) {
            assert!(w[0].1 <= w[1].0, "{:?}", rec.gils[0].held);
        }
    }

    #[test]
    fn blocking_reasons_and_lines_are_kept() {
        let r = recorder(GilModel::Off);
        ev(
            &r,
            5,
            Event::Block {
                thread: 1,
                what: "the end of a sleep".into(),
                line: 7,
            },
        );
        ev(&r, 9, Event::Wake { thread: 1 });
        ev(&r, 12, Event::ThreadExit { thread: 1 });
        let rec = r.finish(Duration::from_nanos(20));
        let lane = &rec.lanes[0];
        assert_eq!(lane.slices.len(), 3);
        assert_eq!(
            lane.slices[1].state,
            State::Blocked {
                reason: "sleep",
                what: "the end of a sleep".into(),
                line: 7
            }
        );
        assert_eq!(lane.slices[2].end, 12);
        assert!(rec.gils.is_empty());
    }

    #[test]
    fn reasons_are_sorted_from_what_a_call_waits_for() {
        assert_eq!(reason_of("'Thread-1 (work)' to finish (join)"), "join");
        assert_eq!(reason_of("an item from Queue at 0x10 (get)"), "queue");
        assert_eq!(reason_of("Lock at 0x10 held by 'MainThread'"), "lock");
        assert_eq!(reason_of("the end of a sleep"), "sleep");
    }
}
