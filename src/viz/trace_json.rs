//! `--trace-json FILE`: a run as Chrome Trace Event Format JSON (object form), which
//! Perfetto and `chrome://tracing` open: a process per interpreter, a lane per thread in
//! creation order, a GIL track per interpreter, marks, a waiting counter and handoff arrows.

use serde_json::{Value, json};

use super::recording::{Lane, Mark, Recording, Slice, State};

/// Thread id of an interpreter's GIL track; threads are numbered from `FIRST_TID` in
/// creation order.
const GIL_TID: u64 = 1;
const FIRST_TID: u64 = 2;

/// Flow ids: one chain per GIL (Perfetto's v2 flows, `bind_id` on the slices themselves, so
/// an arrow always starts and ends on a slice; v1 `s`/`f` events are never written beside
/// them, which Perfetto would report as `flow_duplicate_id`).
const FLOW_ID_BASE: u64 = 1;

/// Microseconds, from integer nanoseconds (the shortest float that reads back as them).
fn us(ns: u64) -> Value {
    json!(ns as f64 / 1000.0)
}

/// Chrome's process id for an interpreter (pid 0 is avoided: some viewers treat it as the
/// kernel's idle process).
fn pid(interp: u64) -> u64 {
    interp + 1
}

/// The trace of `rec` as JSON text; `program` names it.
pub fn render(rec: &Recording, program: &str) -> String {
    let mut text = document(rec, program).to_string();
    text.push('\n');
    text
}

/// The trace of `rec` (what the HTML report embeds).
pub fn document(rec: &Recording, program: &str) -> Value {
    let mut events = Vec::new();
    metadata(rec, &mut events);
    let flows = flow_bindings(rec);
    for (i, lane) in rec.lanes.iter().enumerate() {
        lane_events(rec, i, lane, &flows, &mut events);
    }
    if rec.has_gil() {
        gil_events(rec, &mut events);
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "program": program,
            "generator": "gilsim",
            "gil": rec.model.name(),
            "clock": if rec.virtual_clock { "virtual" } else { "wall" },
        },
    })
}

/// Names and order of the processes (interpreters) and their lanes.
fn metadata(rec: &Recording, out: &mut Vec<Value>) {
    let mut interps: Vec<u64> = rec.lanes.iter().map(|l| l.interp).collect();
    interps.extend(rec.gils.iter().map(|g| g.owner));
    interps.sort_unstable();
    interps.dedup();
    for interp in interps {
        let name = match rec.processes.get(&interp) {
            Some(process) => process.label(),
            None if interp == 0 => "main interpreter".to_string(),
            None => format!("interpreter {interp}"),
        };
        out.push(meta(
            "process_name",
            pid(interp),
            None,
            json!({"name": name}),
        ));
        out.push(meta(
            "process_sort_index",
            pid(interp),
            None,
            json!({"sort_index": interp}),
        ));
    }
    for gil in &rec.gils {
        let p = pid(gil.owner);
        out.push(meta(
            "thread_name",
            p,
            Some(GIL_TID),
            json!({"name": "GIL"}),
        ));
        out.push(meta(
            "thread_sort_index",
            p,
            Some(GIL_TID),
            json!({"sort_index": 0}),
        ));
    }
    for (i, lane) in rec.lanes.iter().enumerate() {
        let p = pid(lane.interp);
        let tid = Some(FIRST_TID + i as u64);
        out.push(meta("thread_name", p, tid, json!({"name": lane.name})));
        out.push(meta(
            "thread_sort_index",
            p,
            tid,
            json!({"sort_index": i + 1}),
        ));
    }
}

fn meta(name: &str, pid: u64, tid: Option<u64>, args: Value) -> Value {
    let mut e = json!({"ph": "M", "name": name, "pid": pid, "args": args});
    if let Some(tid) = tid {
        e["tid"] = json!(tid);
    }
    e
}

/// For each (lane, slice): the flow directions bound to it and the chain's id.
type Bindings = std::collections::HashMap<(usize, usize), (u64, bool, bool)>;

fn flow_bindings(rec: &Recording) -> Bindings {
    let mut out = Bindings::new();
    for (n, gil) in rec.gils.iter().enumerate() {
        let id = FLOW_ID_BASE + n as u64;
        for h in &gil.handoffs {
            out.entry((h.from, h.from_slice))
                .or_insert((id, false, false))
                .2 = true;
            out.entry((h.to, h.to_slice))
                .or_insert((id, false, false))
                .1 = true;
        }
    }
    out
}

/// A lane's slices and marks.
fn lane_events(rec: &Recording, i: usize, lane: &Lane, flows: &Bindings, out: &mut Vec<Value>) {
    let (p, tid) = (pid(lane.interp), FIRST_TID + i as u64);
    for (n, slice) in lane.slices.iter().enumerate() {
        let mut e = complete(p, tid, slice, &slice.state.label(rec.has_gil()));
        e["cat"] = json!(category(&slice.state));
        e["args"] = slice_args(slice);
        if let Some(&(id, flow_in, flow_out)) = flows.get(&(i, n)) {
            e["bind_id"] = json!(id);
            if flow_in {
                e["flow_in"] = json!(true);
            }
            if flow_out {
                e["flow_out"] = json!(true);
            }
        }
        out.push(e);
    }
    for &(at, mark) in &lane.marks {
        out.push(json!({
            "ph": "i", "s": "t", "name": mark.label(), "cat": mark_category(mark),
            "pid": p, "tid": tid, "ts": us(at),
        }));
    }
}

fn complete(pid: u64, tid: u64, slice: &Slice, name: &str) -> Value {
    json!({
        "ph": "X", "name": name, "pid": pid, "tid": tid,
        "ts": us(slice.start), "dur": us(slice.end - slice.start),
    })
}

fn category(state: &State) -> &'static str {
    match state {
        State::Running { .. } => "running",
        State::Waiting => "waiting",
        State::Blocked { .. } => "blocked",
        State::Done => "done",
    }
}

fn mark_category(mark: Mark) -> &'static str {
    match mark {
        Mark::ExploredPreemption => "explore",
        _ => "gil",
    }
}

/// What a slice's details show: the line it ran or blocked at, why it blocked.
fn slice_args(slice: &Slice) -> Value {
    match &slice.state {
        State::Running { line } if *line > 0 => json!({"line": line}),
        State::Blocked { reason, what, line } => {
            let mut args = json!({"reason": reason, "waiting for": what});
            if *line > 0 {
                args["line"] = json!(line);
            }
            args
        }
        _ => json!({}),
    }
}

/// Each GIL's holder track and its waiting counter, in its owner's process.
fn gil_events(rec: &Recording, out: &mut Vec<Value>) {
    for gil in &rec.gils {
        let p = pid(gil.owner);
        for &(start, end, lane) in &gil.held {
            let holder = &rec.lanes[lane].name;
            out.push(json!({
                "ph": "X", "name": holder, "cat": "gil", "pid": p, "tid": GIL_TID,
                "ts": us(start), "dur": us(end - start), "args": {"holder": holder},
            }));
        }
        let name = if rec.gils.len() > 1 {
            format!("threads waiting for GIL {}", gil.id)
        } else {
            "threads waiting for the GIL".to_string()
        };
        for &(at, n) in &gil.waiting {
            out.push(json!({
                "ph": "C", "name": name, "pid": p, "ts": us(at), "args": {"waiting": n},
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::gil::GilModel;
    use crate::viz::recording::{GilTrack, Handoff};

    fn lane(name: &str, slices: Vec<(u64, u64, State)>) -> Lane {
        Lane {
            ident: 0,
            name: name.into(),
            interp: 0,
            slices: slices
                .into_iter()
                .map(|(start, end, state)| Slice { start, end, state })
                .collect(),
            marks: vec![(1500, Mark::DropRequest)],
            line_counts: Default::default(),
        }
    }

    #[test]
    fn slices_marks_gil_and_flows_become_trace_events() {
        let rec = Recording {
            model: GilModel::New,
            virtual_clock: true,
            end: 3000,
            lanes: vec![
                lane("MainThread", vec![(0, 2000, State::Running { line: 3 })]),
                lane(
                    "Thread-1",
                    vec![
                        (0, 2000, State::Waiting),
                        (2000, 3000, State::Running { line: 0 }),
                    ],
                ),
            ],
            processes: Default::default(),
            gils: vec![GilTrack {
                id: 0,
                owner: 0,
                held: vec![(0, 2000, 0), (2000, 3000, 1)],
                waiting: vec![(0, 1), (2000, 0)],
                handoffs: vec![Handoff {
                    from: 0,
                    from_slice: 0,
                    to: 1,
                    to_slice: 1,
                }],
            }],
        };
        let text = render(&rec, "p.py");
        let v: Value = serde_json::from_str(&text).unwrap();
        let events = v["traceEvents"].as_array().unwrap();
        let find = |ph: &str, name: &str| {
            events
                .iter()
                .filter(|e| e["ph"] == ph && e["name"] == name)
                .cloned()
                .collect::<Vec<_>>()
        };
        let running = find("X", "running (holds the GIL)");
        assert_eq!(running.len(), 2);
        assert_eq!(running[0]["ts"], json!(0.0));
        assert_eq!(running[0]["dur"], json!(2.0));
        assert_eq!(running[0]["args"]["line"], json!(3));
        assert_eq!(running[0]["flow_out"], json!(true));
        assert_eq!(running[1]["flow_in"], json!(true));
        assert_eq!(running[0]["bind_id"], running[1]["bind_id"]);
        assert_eq!(find("i", "drop request").len(), 2);
        assert_eq!(find("C", "threads waiting for the GIL").len(), 2);
        let names: Vec<_> = find("M", "thread_name")
            .iter()
            .map(|e| e["args"]["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["GIL", "MainThread", "Thread-1"]);
        assert_eq!(find("X", "Thread-1")[0]["tid"], json!(GIL_TID));
    }
}
