//! `--trace-json`: the Chrome trace JSON of real, simulated, deadlocked and free-threaded
//! runs is well formed (fields each phase needs, lanes whose slices never overlap, names
//! as `threading` gives them, one flow style), byte-identical for a seed, and imports into
//! the real Perfetto UI without errors (headless Chromium; see tests/tools/perfetto_check.py).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{browser_check, fixture, options, repo_file, scratch};
use gilsim::runtime::gil::GilModel;
use serde_json::Value;

/// Integer nanoseconds of a `ts`/`dur` in microseconds.
fn ns(v: &Value) -> i64 {
    (v.as_f64().expect("a number") * 1000.0).round() as i64
}

/// Each lane's (start ns, end ns, name) slices, by (pid, tid).
type Lanes = BTreeMap<(u64, u64), Vec<(i64, i64, String)>>;

/// What a trace says, checked on the way: lanes (pid, tid) → name and their X slices.
struct Parsed {
    events: Vec<Value>,
    names: BTreeMap<(u64, u64), String>,
    slices: Lanes,
}

impl Parsed {
    fn count(&self, ph: &str, name: &str) -> usize {
        self.events
            .iter()
            .filter(|e| e["ph"] == ph && e["name"] == name)
            .count()
    }

    /// The thread lanes' names in sort order (the GIL tracks left out).
    fn thread_names(&self) -> Vec<String> {
        let mut sorted: Vec<(u64, u64, String)> = Vec::new();
        for e in &self.events {
            if e["ph"] == "M" && e["name"] == "thread_sort_index" {
                let key = (e["pid"].as_u64().unwrap(), e["tid"].as_u64().unwrap());
                let name = self.names[&key].clone();
                if name != "GIL" {
                    sorted.push((key.0, e["args"]["sort_index"].as_u64().unwrap(), name));
                }
            }
        }
        sorted.sort();
        sorted.into_iter().map(|(_, _, n)| n).collect()
    }
}

/// Parses a trace and checks its structure, failing with what is wrong.
fn check(text: &str) -> Parsed {
    let doc: Value = serde_json::from_str(text).expect("the trace is JSON");
    let events = doc["traceEvents"]
        .as_array()
        .expect("object form: {\"traceEvents\": [...]}")
        .clone();
    let mut names = BTreeMap::new();
    let mut slices = Lanes::new();
    let mut last_ts: HashMap<(u64, u64), i64> = HashMap::new();
    let mut flows: Vec<(i64, Value)> = Vec::new();
    for e in &events {
        let ph = e["ph"].as_str().expect("every event has a ph");
        assert!(e["name"].is_string(), "no name: {e}");
        let pid = e["pid"].as_u64().unwrap_or_else(|| panic!("no pid: {e}"));
        assert!(
            !["s", "t", "f"].contains(&ph),
            "v1 flow events beside bind_id flows: {e}"
        );
        let needs: &[&str] = match ph {
            "X" => &["ts", "dur", "tid"],
            "i" => &["ts", "tid", "s"],
            "C" => &["ts", "args"],
            "M" => &["args"],
            other => panic!("unexpected phase {other}: {e}"),
        };
        for field in needs {
            assert!(!e[*field].is_null(), "{ph} event without {field}: {e}");
        }
        if ph == "M" {
            if e["name"] == "thread_name" {
                let tid = e["tid"].as_u64().expect("thread_name has a tid");
                names.insert((pid, tid), e["args"]["name"].as_str().unwrap().to_string());
            }
            continue;
        }
        let ts = ns(&e["ts"]);
        assert!(ts >= 0, "negative ts: {e}");
        if ph == "C" {
            for v in e["args"].as_object().unwrap().values() {
                assert!(v.is_number(), "counter value not a number: {e}");
            }
            continue;
        }
        let lane = (pid, e["tid"].as_u64().unwrap());
        if ph == "X" {
            let dur = ns(&e["dur"]);
            assert!(dur >= 0, "negative dur: {e}");
            let previous = last_ts.insert(lane, ts).unwrap_or(0);
            assert!(ts >= previous, "timestamps go back on lane {lane:?}: {e}");
            slices.entry(lane).or_default().push((
                ts,
                ts + dur,
                e["name"].as_str().unwrap().into(),
            ));
            if e["bind_id"].is_u64() {
                flows.push((ts, e.clone()));
            }
        }
    }
    check_flows(flows);
    for (lane, list) in &slices {
        assert!(names.contains_key(lane), "lane {lane:?} has no thread_name");
        for w in list.windows(2) {
            assert!(
                w[0].1 <= w[1].0,
                "overlapping slices on lane {lane:?}: {:?} and {:?}",
                w[0],
                w[1]
            );
        }
    }
    Parsed {
        events,
        names,
        slices,
    }
}

/// Flows as a viewer meets them, in time order: each `flow_in` ends a flow that a
/// `flow_out` of the same id started before.
fn check_flows(mut flows: Vec<(i64, Value)>) {
    flows.sort_by_key(|(ts, _)| *ts);
    let mut open: HashMap<u64, usize> = HashMap::new();
    for (_, e) in flows {
        let id = e["bind_id"].as_u64().unwrap();
        if e["flow_in"] == true {
            let n = open.entry(id).or_insert(0);
            assert!(*n > 0, "flow_in without a flow_out before it: {e}");
            *n -= 1;
        }
        if e["flow_out"] == true {
            *open.entry(id).or_insert(0) += 1;
        }
        assert!(
            e["flow_in"] == true || e["flow_out"] == true,
            "bind_id without a direction: {e}"
        );
    }
}

/// Runs `source` with `--trace-json` into `dir`; returns the trace's text and the outcome.
fn traced(
    o: common::Options,
    source: &str,
    dir: &Path,
    name: &str,
) -> (String, gilsim::RunOutcome) {
    let path = dir.join(name);
    let mut opts = o.timeout(60.0).build();
    opts.trace_json = Some(path.clone());
    let outcome = gilsim::run_source(source, "<trace>", opts);
    let text = std::fs::read_to_string(&path).expect("the trace was written");
    (text, outcome)
}

#[test]
fn a_simulated_trace_is_well_formed_and_names_every_thread() {
    let dir = scratch("trace_json_sim");
    let (text, outcome) = traced(
        options().sim(1).switch_interval(0.0005),
        &fixture("trace_small.py"),
        &dir,
        "sim.json",
    );
    assert_eq!(outcome.stdout, "40000\n");
    let t = check(&text);
    assert_eq!(
        t.thread_names(),
        ["MainThread", "Thread-1 (work)", "Thread-2 (work)"]
    );
    assert!(t.count("X", "running (holds the GIL)") >= 6, "{text}");
    assert!(t.count("X", "waiting for the GIL") >= 4);
    assert!(t.count("X", "blocked: sleep") == 2);
    assert!(t.count("X", "blocked: join") >= 1);
    assert!(t.count("i", "drop request") >= 2);
    assert!(t.count("C", "threads waiting for the GIL") >= 2);
    // The GIL track: one holder slice per acquisition, named after the holder.
    let gil_lane = t
        .names
        .iter()
        .find(|(_, n)| *n == "GIL")
        .map(|(k, _)| *k)
        .expect("a GIL track");
    assert!(t.slices[&gil_lane].len() >= 6);
    // Blocked slices carry their reason and the program line.
    let sleep = t
        .events
        .iter()
        .find(|e| e["name"] == "blocked: sleep")
        .unwrap();
    assert_eq!(sleep["args"]["line"], 8, "{sleep}");
    assert_eq!(sleep["args"]["reason"], "sleep");
    // Handoffs are drawn with v2 flows only.
    assert!(t.events.iter().any(|e| e["flow_out"] == true));
}

#[test]
fn a_simulated_web_request_is_io_not_a_sleep() {
    let dir = scratch("trace_json_io");
    let source = "import requests, threading\n\
                  t = threading.Thread(target=requests.get, args=('https://ya.ru/',))\n\
                  t.start()\n\
                  t.join()\n";
    let (text, outcome) = traced(options().sim(1), source, &dir, "io.json");
    assert_eq!(outcome.exit_code, 0, "{}", outcome.stderr);
    let t = check(&text);
    let io = t
        .events
        .iter()
        .find(|e| e["name"] == "blocked: I/O")
        .unwrap_or_else(|| panic!("no I/O slice: {text}"));
    assert_eq!(io["args"]["reason"], "I/O", "{io}");
    assert_eq!(t.count("X", "blocked: sleep"), 0, "{text}");
}

#[test]
fn a_simulated_trace_is_the_same_for_a_seed() {
    let dir = scratch("trace_json_seed");
    let run = |name| {
        traced(
            options().sim(1).switch_interval(0.0005),
            &fixture("trace_small.py"),
            &dir,
            name,
        )
        .0
    };
    let first = run("a.json");
    assert_eq!(first, run("b.json"), "two runs with one seed differ");
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&first).unwrap());
    insta::assert_snapshot!(pretty.unwrap());
}

#[test]
fn real_deadlocked_and_free_threaded_traces_are_well_formed() {
    let dir = scratch("trace_json_kinds");
    for (text, lanes) in kinds(&dir).values() {
        let t = check(text);
        assert_eq!(t.thread_names().len(), *lanes, "{text}");
    }
}

/// Traces of the four kinds of run the Perfetto check loads, with their thread lanes.
fn kinds(dir: &Path) -> BTreeMap<&'static str, (String, usize)> {
    let counter = fixture("unlocked_counter.py");
    let mut out = BTreeMap::new();
    let (real, o) = traced(options(), &counter, dir, "real.json");
    assert_eq!(o.exit_code, 0);
    out.insert("real", (real, 5));
    let (sim, _) = traced(options().sim(3), &counter, dir, "sim.json");
    out.insert("sim", (sim, 5));
    let (deadlock, o) = traced(
        options().sim(1),
        &fixture("lock_order_deadlock.py"),
        dir,
        "deadlock.json",
    );
    assert_eq!(o.exit_code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("deadlock"), "{}", o.stderr);
    out.insert("deadlock", (deadlock, 3));
    let (off, _) = traced(options().gil(GilModel::Off), &counter, dir, "nogil.json");
    let t = check(&off);
    assert_eq!(t.count("X", "waiting for the GIL"), 0);
    assert!(!t.names.values().any(|n| n == "GIL"));
    out.insert("nogil", (off, 5));
    out
}

#[test]
fn an_unwritable_trace_path_is_a_usage_error_before_the_run() {
    let mut opts = options().build();
    opts.trace_json = Some(PathBuf::from("/nonexistent-dir/trace.json"));
    let outcome = gilsim::run_source("print('ran')", "<t>", opts);
    assert_eq!(outcome.exit_code, 2);
    assert_eq!(outcome.stdout, "");
    assert!(
        outcome
            .stderr
            .contains("cannot write the trace to /nonexistent-dir/trace.json"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn the_real_perfetto_imports_every_kind_of_trace_without_errors() {
    let dir = scratch("trace_json_perfetto");
    let files: Vec<PathBuf> = kinds(&dir)
        .keys()
        .map(|k| {
            dir.join(match *k {
                "real" => "real.json",
                "sim" => "sim.json",
                "deadlock" => "deadlock.json",
                _ => "nogil.json",
            })
        })
        .collect();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    // A Perfetto import error makes the script exit 1, which fails the test with its report.
    let Some(stdout) = browser_check("perfetto_check.py", &paths) else {
        return;
    };
    let results: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(results.as_array().unwrap().len(), 4, "{stdout}");
    for r in results.as_array().unwrap() {
        assert!(r["stats_rows"].as_u64().unwrap() > 10, "no info page: {r}");
    }
}

#[test]
fn explore_writes_one_trace_per_witness_with_its_preemptions_marked() {
    let dir = scratch("trace_json_explore");
    let out = Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(["explore", "--check-points", "every-op", "--jobs", "1"])
        .arg("--trace-json-dir")
        .arg(&dir)
        .arg(repo_file("tests/fixtures/two_increments.py"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("2 distinct outcomes"), "{stdout}");
    let mut preempted = 0;
    for n in 1..=2 {
        let path = dir.join(format!("outcome-{n}.json"));
        assert!(stdout.contains(&format!("trace of outcome {n}: {}", path.display())));
        let t = check(&std::fs::read_to_string(&path).unwrap());
        preempted += t.count("i", "explored preemption");
    }
    assert!(preempted >= 1, "no explored preemption marked");
}
