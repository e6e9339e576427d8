//! Schedules: every choice a simulated run makes, recorded so `--replay` reproduces the run
//! step for step, in a versioned text format that says where a replay diverges.
//!
//! ```text
//! gilsim-schedule 1
//! seed 42
//! model gil=new check-points=3.10 switch-interval=0.005 cores=4 mode=sim
//! program sha256:9f86d081884c7d65...
//! decisions 5
//! w1/2 w0/2*3 o0/2
//! ```
//!
//! A decision is `<kind><chosen>/<choices>`; `*N` repeats it N times.

use std::fmt::Write as _;

/// The most decisions a schedule may announce (2**24, 200 MB expanded). Real runs make far
/// fewer (one per GIL handoff or parallel time slice: a 5 ms switch interval is 250,000
/// instructions); a corrupted count such as 10**10 must be refused before it is allocated
/// (it was a 120 GB allocation, aborting the process).
pub const MAX_DECISIONS: usize = 1 << 24;

/// One choice of the scheduler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub kind: Kind,
    pub chosen: u32,
    pub choices: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Which waiting thread takes the GIL (new GIL, blocking release, thread exit).
    Waiter,
    /// Old GIL: does a waiter win the release-and-retake race (0) or the holder (any other)?
    OldGilRace,
    /// A short blocking call: does the caller take its GIL back first (0) or a woken
    /// waiter (1)?
    ShortCallRace,
    /// No GIL: how many instructions the running thread goes on before the next look.
    Quantum,
    /// No GIL: which of the threads with the same virtual clock runs next.
    Tie,
    /// Exploration: at a switch point, keep running (0) or switch to candidate k (k ≥ 1).
    Explore,
    /// Exploration: which of several events due together comes next (asyncio's timers
    /// falling due in one turn of the loop); 0 is CPython's order.
    Order,
}

impl Kind {
    pub fn letter(self) -> char {
        match self {
            Kind::Waiter => 'w',
            Kind::OldGilRace => 'o',
            Kind::ShortCallRace => 'i',
            Kind::Quantum => 'q',
            Kind::Tie => 't',
            Kind::Explore => 'x',
            Kind::Order => 'e',
        }
    }

    fn from_letter(c: char) -> Option<Kind> {
        Some(match c {
            'w' => Kind::Waiter,
            'o' => Kind::OldGilRace,
            'i' => Kind::ShortCallRace,
            'q' => Kind::Quantum,
            't' => Kind::Tie,
            'x' => Kind::Explore,
            'e' => Kind::Order,
            _ => return None,
        })
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Waiter => "which waiting thread takes the GIL",
            Kind::OldGilRace => "whether a waiter wins the old GIL's release",
            Kind::ShortCallRace => "whether a waiter wins the GIL during a short blocking call",
            Kind::Quantum => "a parallel thread's run length",
            Kind::Tie => "which of equally advanced threads runs",
            Kind::Explore => "whether to switch threads here",
            Kind::Order => "which of the events due together comes next",
        }
    }
}

/// A recorded (or to-be-replayed) schedule with what it was recorded under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub seed: u64,
    /// `gil=new check-points=3.10 switch-interval=0.005 cores=4 mode=sim`
    pub model: String,
    /// `sha256:<hex>` of the main program's source.
    pub program: String,
    pub decisions: Vec<Decision>,
}

pub const FORMAT_VERSION: u32 = 1;

impl Schedule {
    /// The schedule on one line, `;` between the lines (for `--replay '...'`).
    pub fn to_one_line(&self) -> String {
        self.to_text().trim_end().replace('\n', ";")
    }

    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "gilsim-schedule {FORMAT_VERSION}");
        let _ = writeln!(out, "seed {}", self.seed);
        let _ = writeln!(out, "model {}", self.model);
        let _ = writeln!(out, "program {}", self.program);
        let _ = writeln!(out, "decisions {}", self.decisions.len());
        let mut line = String::new();
        let mut i = 0;
        while i < self.decisions.len() {
            let d = self.decisions[i];
            let run = self.decisions[i..].iter().take_while(|&&x| x == d).count();
            let mut token = format!("{}{}/{}", d.kind.letter(), d.chosen, d.choices);
            if run > 1 {
                let _ = write!(token, "*{run}");
            }
            if !line.is_empty() && line.len() + token.len() >= 100 {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&token);
            i += run;
        }
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Reads a schedule; `;` may stand for a line break (one-line witnesses for the shell).
    pub fn parse(text: &str) -> Result<Schedule, String> {
        let text = text.replace(';', "\n");
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let header = lines.next().ok_or("an empty schedule")?;
        let version = header
            .strip_prefix("gilsim-schedule ")
            .ok_or("not a gilsim schedule (the first line must be 'gilsim-schedule 1')")?;
        if version.trim() != FORMAT_VERSION.to_string() {
            return Err(format!(
                "schedule format version {version} is not supported (this gilsim reads {FORMAT_VERSION})"
            ));
        }
        let mut field = |name: &str| -> Result<String, String> {
            let line = lines
                .next()
                .ok_or_else(|| format!("the schedule lacks its '{name}' line"))?;
            line.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix(' '))
                .map(str::to_string)
                .ok_or_else(|| format!("expected the '{name}' line, found '{line}'"))
        };
        let seed = field("seed")?
            .parse()
            .map_err(|_| "the seed is not a number".to_string())?;
        let model = field("model")?;
        let program = field("program")?;
        let count: usize = field("decisions")?
            .parse()
            .map_err(|_| "the decision count is not a number".to_string())?;
        if count > MAX_DECISIONS {
            return Err(format!(
                "the schedule announces {count} decisions; gilsim replays at most {MAX_DECISIONS}"
            ));
        }
        let mut decisions = Vec::with_capacity(count);
        for token in lines.flat_map(str::split_whitespace) {
            let (one, times) = match token.split_once('*') {
                Some((d, n)) => (
                    d,
                    n.parse::<usize>()
                        .map_err(|_| format!("bad repeat count in '{token}'"))?,
                ),
                None => (token, 1),
            };
            let d = parse_decision(one).ok_or_else(|| format!("bad decision '{token}'"))?;
            // Checked before expanding: `w0/2*99999999999` must not allocate first.
            if times > count - decisions.len() {
                return Err(format!(
                    "the schedule announces {count} decisions but holds more"
                ));
            }
            decisions.extend(std::iter::repeat_n(d, times));
        }
        if decisions.len() != count {
            return Err(format!(
                "the schedule announces {count} decisions but holds {}",
                decisions.len()
            ));
        }
        Ok(Schedule {
            seed,
            model,
            program,
            decisions,
        })
    }
}

fn parse_decision(s: &str) -> Option<Decision> {
    let mut chars = s.chars();
    let kind = Kind::from_letter(chars.next()?)?;
    let (chosen, choices) = chars.as_str().split_once('/')?;
    let d = Decision {
        kind,
        chosen: chosen.parse().ok()?,
        choices: choices.parse().ok()?,
    };
    (d.chosen < d.choices).then_some(d)
}

impl Schedule {
    /// Warnings for a `--replay` whose schedule was recorded for another program or under
    /// other flags. The run still replays, decision by decision, and stops with an error at
    /// the first one that does not fit; these lines say why it may. An explorer's prefix
    /// records neither line: it is a prefix of a run of this very program and model.
    pub fn header_mismatch(&self, model: &str, program: &str) -> String {
        let mut out = String::new();
        if !self.program.is_empty() && self.program != program {
            let _ = writeln!(
                out,
                "gilsim: warning: the schedule was recorded for another program ({}); this one is {}",
                self.program, program
            );
        }
        if !self.model.is_empty() && self.model != model {
            let _ = writeln!(
                out,
                "gilsim: warning: the schedule was recorded under '{}'; this run is '{}'",
                self.model, model
            );
        }
        out
    }
}

/// `sha256:<hex>` of a program's source.
pub fn program_hash(source: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(source.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Schedule {
        let decisions = (0..n)
            .map(|i| Decision {
                kind: if i % 7 == 0 {
                    Kind::Quantum
                } else {
                    Kind::Waiter
                },
                chosen: (i % 3 == 0) as u32,
                choices: 2 + (i % 5 == 0) as u32,
            })
            .collect();
        Schedule {
            seed: 7,
            model: "gil=new check-points=3.10 switch-interval=0.005 cores=4 mode=sim".into(),
            program: program_hash("print(1)\n"),
            decisions,
        }
    }

    #[test]
    fn a_million_decisions_round_trip() {
        let s = sample(1_000_000);
        let text = s.to_text();
        assert_eq!(Schedule::parse(&text), Ok(s));
    }

    #[test]
    fn a_replay_of_another_program_or_model_is_flagged() {
        let s = sample(1);
        assert_eq!(s.header_mismatch(&s.model, &s.program), "");
        let other = program_hash("print(2)\n");
        let warning = s.header_mismatch(&s.model, &other);
        assert!(warning.contains("another program") && warning.contains(&other));
        let warning = s.header_mismatch("gil=off", &s.program);
        assert!(warning.contains("'gil=off'") && warning.contains(&s.model));
        let prefix = Schedule {
            model: String::new(),
            program: String::new(),
            ..s
        };
        assert_eq!(prefix.header_mismatch("gil=off", &other), "");
    }

    #[test]
    fn repeats_are_compressed() {
        let mut s = sample(0);
        s.decisions = vec![
            Decision {
                kind: Kind::Waiter,
                chosen: 1,
                choices: 2
            };
            5
        ];
        assert!(s.to_text().ends_with("decisions 5\nw1/2*5\n"));
        assert_eq!(Schedule::parse(&s.to_text()), Ok(s));
    }

    #[test]
    fn bad_input_is_explained() {
        assert!(Schedule::parse("").unwrap_err().contains("empty"));
        assert!(
            Schedule::parse("gilsim-schedule 9\n")
                .unwrap_err()
                .contains("version 9")
        );
        let mut text = sample(3).to_text();
        text = text.replace("decisions 3", "decisions 4");
        assert!(Schedule::parse(&text).unwrap_err().contains("announces 4"));
        let text = sample(1).to_text().replace("q1/3", "q3/3");
        assert!(Schedule::parse(&text).unwrap_err().contains("bad decision"));
        let huge = "gilsim-schedule 1;seed 0;model m;program p;decisions 1;w0/2*99999999999";
        assert!(Schedule::parse(huge).unwrap_err().contains("holds more"));
        // Issue 19: these counts were allocated before anything else was read.
        for count in ["10000000000", "18446744073709551615"] {
            let huge = format!(
                "gilsim-schedule 1;seed 0;model m;program p;decisions {count};w0/2*{count}"
            );
            assert_eq!(
                Schedule::parse(&huge).unwrap_err(),
                format!(
                    "the schedule announces {count} decisions; gilsim replays at most 16777216"
                )
            );
        }
        let big = "gilsim-schedule 1;seed 0;model m;program p;decisions 99999999999999999999999";
        assert!(Schedule::parse(big).unwrap_err().contains("not a number"));
    }

    #[test]
    fn corrupted_schedules_are_refused_not_panicked_on() {
        // Every one-character corruption of a saved schedule (the "capacity overflow" panic of
        // issue 19 came from such a string): each parses or is refused with a message.
        let text = sample(20).to_one_line();
        for (i, _) in text.char_indices() {
            for c in ['9', '*', '/', ';', ' ', 'w', '-', '0'] {
                let mut bad = text.clone();
                bad.replace_range(i..i + 1, &c.to_string());
                let _ = Schedule::parse(&bad);
                bad.insert_str(i, "99999999999999");
                let _ = Schedule::parse(&bad);
            }
        }
    }
}
