//! Helper processes for `--jobs`: each runs schedules for the explorer over a pipe.
//!
//! Why processes and not threads: runs in one process share the compiled standard library,
//! the builtin types and the builtins' values, and every reference taken to them bumps a
//! count on a cache line the other core then has to fetch back. Two runs on two cores of one
//! process needed 30-40 % more CPU time each (bank exercise, every-op: 2.2-2.5 s of user time
//! against 1.75 s alone), and exploring got no faster; two processes do not share a line.
//!
//! The messages are length-prefixed fields: `<bytes>\n<bytes of text>`. A job is its replay
//! prefix as schedule text and its random preemptions; a result is the run's schedule, stdout,
//! stderr and exit status.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use parking_lot::Mutex;

use super::{Finished, Job, RunSpec};
use crate::runtime::sched::schedule::Schedule;

/// A helper process, or `None` once it failed (its jobs then run here).
pub(super) struct Helper {
    /// Spawning takes a while (the parent waits for the exec), so it happens on a thread of
    /// its own: the explorer's first run does not wait for it.
    spawning: Mutex<Option<std::thread::JoinHandle<Option<Pipe>>>>,
    pipe: Mutex<Option<Pipe>>,
}

struct Pipe {
    child: Child,
    to: ChildStdin,
    from: BufReader<ChildStdout>,
}

impl Helper {
    /// Starts `command` (the explorer's own command line, told to serve).
    pub fn start(mut command: Command) -> Helper {
        let spawning = std::thread::spawn(move || {
            let mut child = command
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .ok()?;
            let to = child.stdin.take()?;
            let from = BufReader::new(child.stdout.take()?);
            Some(Pipe { child, to, from })
        });
        Helper {
            spawning: Mutex::new(Some(spawning)),
            pipe: Mutex::new(None),
        }
    }

    /// The process, once started (`None` if it could not be).
    fn pipe(&self) -> parking_lot::MutexGuard<'_, Option<Pipe>> {
        let mut pipe = self.pipe.lock();
        if let Some(spawning) = self.spawning.lock().take() {
            *pipe = spawning.join().ok().flatten();
        }
        pipe
    }

    /// The job run by the helper; if the helper is gone or fails, run by `local`.
    pub fn run(&self, job: &Job, local: impl FnOnce() -> Finished) -> Finished {
        let mut process = self.pipe();
        if let Some(pipe) = process.as_mut() {
            match pipe.exchange(job) {
                Ok(finished) => return finished,
                Err(_) => {
                    if let Some(mut pipe) = process.take() {
                        let _ = pipe.child.kill();
                        let _ = pipe.child.wait();
                    }
                }
            }
        }
        local()
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        if let Some(mut pipe) = self.pipe().take() {
            // End of input tells the helper to exit.
            drop(pipe.to);
            let _ = pipe.child.wait();
        }
    }
}

impl Pipe {
    fn exchange(&mut self, job: &Job) -> io::Result<Finished> {
        write_job(&mut self.to, job)?;
        self.to.flush()?;
        read_finished(&mut self.from)
    }
}

/// The helper's side: runs every job read from `input`, writes each result to `output`,
/// until the input ends.
pub(super) fn serve(spec: &RunSpec<'_>, input: impl Read, output: impl Write) -> io::Result<()> {
    // The explorer's first job only comes once its own first run (the default schedule) has
    // ended. Meanwhile, run that schedule here too: it compiles the standard modules the
    // program imports, which the first job would otherwise wait for.
    spec.run(
        &Job {
            key: Vec::new(),
            prefix: Vec::new(),
            random_preemptions: None,
            seed: spec.options.seed,
        },
        0,
    );
    let mut input = BufReader::new(input);
    let mut output = io::BufWriter::new(output);
    while let Some(job) = read_job(&mut input)? {
        let finished = spec.run(&job, 0);
        write_finished(&mut output, &finished)?;
        output.flush()?;
    }
    Ok(())
}

fn write_field(out: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", text.len())?;
    out.write_all(text.as_bytes())
}

/// The next field, or `None` at the end of the input.
fn read_field(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut len = String::new();
    if input.read_line(&mut len)? == 0 {
        return Ok(None);
    }
    let len: usize = len.trim().parse().map_err(|_| bad("a field length"))?;
    let mut bytes = vec![0; len];
    input.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map(Some).map_err(|_| bad("UTF-8"))
}

fn field(input: &mut impl BufRead) -> io::Result<String> {
    read_field(input)?.ok_or_else(|| bad("a field, found the end"))
}

fn bad(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("explore helper: expected {what}"),
    )
}

/// A schedule as text; an empty model or program line travels as `-`.
fn schedule_text(schedule: &Schedule) -> String {
    let or_dash = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    Schedule {
        model: or_dash(&schedule.model),
        program: or_dash(&schedule.program),
        ..schedule.clone()
    }
    .to_text()
}

fn parse_schedule(text: &str) -> io::Result<Schedule> {
    let mut s = Schedule::parse(text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    for line in [&mut s.model, &mut s.program] {
        if line == "-" {
            line.clear();
        }
    }
    Ok(s)
}

fn write_job(out: &mut impl Write, job: &Job) -> io::Result<()> {
    let prefix = Schedule {
        seed: job.seed,
        model: String::new(),
        program: String::new(),
        decisions: job.prefix.clone(),
    };
    write_field(out, &schedule_text(&prefix))?;
    let preemptions = match &job.random_preemptions {
        None => "-".to_string(),
        Some(points) => points
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" "),
    };
    write_field(out, &preemptions)
}

fn read_job(input: &mut impl BufRead) -> io::Result<Option<Job>> {
    let Some(prefix) = read_field(input)? else {
        return Ok(None);
    };
    let prefix = parse_schedule(&prefix)?;
    let preemptions = field(input)?;
    let random_preemptions = if preemptions == "-" {
        None
    } else {
        Some(
            preemptions
                .split_whitespace()
                .map(|p| p.parse().map_err(|_| bad("a switch point")))
                .collect::<io::Result<Vec<u64>>>()?,
        )
    };
    Ok(Some(Job {
        // The key orders jobs in the explorer; the helper does not need it.
        key: Vec::new(),
        prefix: prefix.decisions,
        random_preemptions,
        seed: prefix.seed,
    }))
}

fn write_finished(out: &mut impl Write, run: &Finished) -> io::Result<()> {
    write_field(out, &schedule_text(&run.schedule))?;
    write_field(out, &run.stdout)?;
    write_field(out, &run.stderr)?;
    write_field(out, &run.exit_code.to_string())
}

fn read_finished(input: &mut impl BufRead) -> io::Result<Finished> {
    let schedule = parse_schedule(&field(input)?)?;
    let stdout = field(input)?;
    let stderr = field(input)?;
    let exit_code = field(input)?.parse().map_err(|_| bad("an exit status"))?;
    Ok(Finished {
        schedule,
        stdout,
        stderr,
        exit_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::sched::schedule::{Decision, Kind};

    #[test]
    fn jobs_and_results_cross_the_pipe_unchanged() {
        let d = |chosen, choices| Decision {
            kind: Kind::Explore,
            chosen,
            choices,
        };
        let job = Job {
            key: vec![0, 1],
            prefix: vec![d(0, 2), d(1, 3)],
            random_preemptions: Some(vec![4, 17]),
            seed: 9,
        };
        let mut wire = Vec::new();
        write_job(&mut wire, &job).unwrap();
        let back = read_job(&mut &wire[..]).unwrap().unwrap();
        assert_eq!(back.prefix, job.prefix);
        assert_eq!(back.random_preemptions, job.random_preemptions);
        assert_eq!(back.seed, 9);
        assert!(read_job(&mut &[][..]).unwrap().is_none());

        let run = Finished {
            schedule: Schedule {
                seed: 9,
                model: "gil=new".into(),
                program: "sha256:00".into(),
                decisions: vec![d(1, 2)],
            },
            stdout: "1\n2\n".into(),
            stderr: "Traceback ... ünïcode\n".into(),
            exit_code: 1,
        };
        let mut wire = Vec::new();
        write_finished(&mut wire, &run).unwrap();
        let back = read_finished(&mut &wire[..]).unwrap();
        assert_eq!(back.schedule.decisions, run.schedule.decisions);
        assert_eq!(back.schedule.model, "gil=new");
        assert_eq!(
            (back.stdout, back.stderr, back.exit_code),
            (run.stdout, run.stderr, run.exit_code)
        );
    }
}
