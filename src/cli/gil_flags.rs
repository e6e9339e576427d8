//! The GIL flags of `gilsim run` (`--gil`, `-X gil=`, `PYTHON_GIL`, `--check-points`,
//! `--switch-interval`, `--like`) resolved into one GIL configuration; with them the
//! other flags `run` and `explore` share (`-u`, `--sandbox`).

use gilsim::runtime::gil::{CheckPoints, GilModel};
use gilsim::runtime::{InterpreterConfig, PyVersion, RunOptions};

/// The `--like` bundles: CPython versions as gilsim models them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Like {
    /// CPython 2.7: old GIL, released every 100 ticks
    #[value(name = "2.7")]
    Py27,
    /// CPython 3.9: new GIL, a switch possible between any two instructions
    #[value(name = "3.9")]
    Py39,
    /// CPython 3.10: as 3.12 (one GIL per process; asyncio without 3.12's warnings)
    #[value(name = "3.10")]
    Py310,
    /// CPython 3.11: as 3.12 (one GIL per process; asyncio without 3.12's warnings)
    #[value(name = "3.11")]
    Py311,
    /// CPython 3.12: new GIL, 3.10 check points (the default)
    #[value(name = "3.12")]
    Py312,
    /// CPython 3.13 with its GIL: as 3.12, with 3.13's `_interpreters` modules
    #[value(name = "3.13")]
    Py313,
    /// CPython 3.14 with its GIL: as 3.13, with `concurrent.interpreters`
    #[value(name = "3.14")]
    Py314,
    /// CPython 3.13 free-threaded build: no GIL
    #[value(name = "3.13t")]
    Py313t,
}

impl Like {
    /// The CPython version the bundle stands for.
    pub fn version(self) -> PyVersion {
        match self {
            Like::Py27 => PyVersion(2, 7),
            Like::Py39 => PyVersion(3, 9),
            Like::Py310 => PyVersion(3, 10),
            Like::Py311 => PyVersion(3, 11),
            Like::Py312 => PyVersion(3, 12),
            Like::Py313 | Like::Py313t => PyVersion(3, 13),
            Like::Py314 => PyVersion(3, 14),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GilFlag {
    /// CPython 3.2+: timed waits, drop requests, forced switching
    New,
    /// CPython 2.7: release and re-take every N ticks
    Old,
    /// Free-threaded: no GIL
    Off,
}

/// The model flags shared by `run` and `explore`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ModelArgs {
    /// GIL model (default: new, as CPython 3.2+)
    #[arg(long, value_enum, value_name = "MODEL")]
    pub gil: Option<GilFlag>,
    /// CPython-style option; gilsim knows gil=0 (no GIL) and gil=1
    #[arg(short = 'X', value_name = "OPTION")]
    pub x_options: Vec<String>,
    /// Where threads may switch: 3.10 (default), every-op (as ≤ 3.9), ticks:N (old GIL)
    #[arg(long, value_name = "POLICY", value_parser = parse_check_points)]
    pub check_points: Option<CheckPoints>,
    /// The GIL switch interval (sys.setswitchinterval), default 0.005; more than 0, at most 3600
    #[arg(
        long,
        value_name = "SECONDS",
        allow_negative_numbers = true,
        value_parser = super::parse_switch_interval
    )]
    pub switch_interval: Option<f64>,
    /// Behave like this CPython: bundles --gil, --check-points and --switch-interval, and
    /// decides which version-specific modules exist (e.g. _interpreters from 3.13)
    #[arg(long, value_enum, value_name = "VERSION")]
    pub like: Option<Like>,
    /// Every subinterpreter shares the main interpreter's GIL, as before CPython 3.12
    /// (implied by --like 3.9 and 2.7)
    #[arg(long)]
    pub shared_gil: bool,
    /// Let the program's body `await` at top level and run it on an event loop, as a
    /// notebook cell runs (IPython's autoawait); without it that is CPython's SyntaxError
    #[arg(long)]
    pub top_level_await: bool,
    /// Unbuffered stdout, as `python -u`: each write releases the GIL, so lines printed by
    /// several threads can mix (a real run also honours PYTHONUNBUFFERED; a simulated one
    /// only this flag)
    #[arg(short = 'u')]
    pub unbuffered: bool,
    /// The directory the program may write files under [default: the current directory];
    /// a simulated run writes its files in memory only
    #[arg(long, value_name = "DIR")]
    pub sandbox: Option<std::path::PathBuf>,
}

impl ModelArgs {
    /// Run options with the model these flags (and `PYTHON_GIL`) ask for: the main
    /// interpreter's GIL settings, the version named by `--like`, `--shared-gil`.
    pub fn run_options(&self) -> Result<RunOptions, String> {
        if let Some(dir) = &self.sandbox
            && !dir.is_dir()
        {
            return Err(format!("--sandbox {}: not a directory", dir.display()));
        }
        Ok(RunOptions {
            sandbox: self.sandbox.clone(),
            interpreter: self.resolve()?,
            like: self.like.map(Like::version),
            shared_gil: self.shared_gil,
            top_level_await: self.top_level_await,
            // `gilsim run` adds PYTHONUNBUFFERED for real runs (cli/run.rs).
            unbuffered: self.unbuffered,
            ..RunOptions::default()
        })
    }

    /// The main interpreter's configuration these flags (and `PYTHON_GIL`) ask for.
    pub fn resolve(&self) -> Result<InterpreterConfig, String> {
        resolve(&GilRequest {
            gil: self.gil,
            x_options: self.x_options.clone(),
            env_python_gil: std::env::var("PYTHON_GIL").ok(),
            check_points: self.check_points,
            switch_interval: self.switch_interval,
            like: self.like,
        })
    }
}

/// What the user asked for; each is None when not given.
#[derive(Debug, Default)]
pub struct GilRequest {
    pub gil: Option<GilFlag>,
    pub x_options: Vec<String>,
    pub env_python_gil: Option<String>,
    pub check_points: Option<CheckPoints>,
    pub switch_interval: Option<f64>,
    pub like: Option<Like>,
}

/// `3.10`, `every-op` or `ticks:N`.
pub fn parse_check_points(s: &str) -> Result<CheckPoints, String> {
    match s {
        "3.10" => Ok(CheckPoints::Py310),
        "every-op" => Ok(CheckPoints::EveryOp),
        _ => match s.strip_prefix("ticks:").map(str::parse::<u32>) {
            Some(Ok(n)) if n > 0 => Ok(CheckPoints::Ticks(n)),
            _ => Err(format!(
                "invalid check points '{s}': expected 3.10, every-op or ticks:N (N ≥ 1)"
            )),
        },
    }
}

/// `gil=0` / `gil=1` from `-X` or `PYTHON_GIL`.
fn gil_from_switch(value: &str, source: &str) -> Result<GilModel, String> {
    match value {
        "0" => Ok(GilModel::Off),
        "1" => Ok(GilModel::New),
        other => Err(format!("{source}: expected 0 or 1, got '{other}'")),
    }
}

fn bundle(like: Like) -> InterpreterConfig {
    let (model, check_points) = match like {
        Like::Py27 => (GilModel::Old, CheckPoints::Ticks(100)),
        Like::Py39 => (GilModel::New, CheckPoints::EveryOp),
        Like::Py310 | Like::Py311 | Like::Py312 | Like::Py313 | Like::Py314 => {
            (GilModel::New, CheckPoints::Py310)
        }
        Like::Py313t => (GilModel::Off, CheckPoints::Py310),
    };
    InterpreterConfig {
        gil: model,
        check_points,
        switch_interval: 0.005,
    }
}

/// Resolves the flags: explicit flags override the `--like` bundle; `-X gil` overrides
/// `PYTHON_GIL`, as in CPython; `--gil` and `-X gil` must agree.
pub fn resolve(req: &GilRequest) -> Result<InterpreterConfig, String> {
    let mut config = bundle(req.like.unwrap_or(Like::Py312));
    let mut from_switch = None;
    if let Some(env) = req.env_python_gil.as_deref().filter(|v| !v.is_empty()) {
        from_switch = Some(gil_from_switch(env, "PYTHON_GIL")?);
    }
    for opt in &req.x_options {
        match opt.split_once('=') {
            Some(("gil", v)) => from_switch = Some(gil_from_switch(v, "-X gil")?),
            _ => {
                return Err(format!(
                    "unsupported -X option '{opt}' (gilsim knows -X gil=0|1)"
                ));
            }
        }
    }
    let explicit = req.gil.map(|g| match g {
        GilFlag::New => GilModel::New,
        GilFlag::Old => GilModel::Old,
        GilFlag::Off => GilModel::Off,
    });
    let x_given = req.x_options.iter().any(|o| o.starts_with("gil="));
    if let (Some(e), Some(s)) = (explicit, from_switch)
        && x_given
        && e != s
    {
        return Err(format!(
            "--gil {} contradicts -X gil (which asks for {})",
            e.name(),
            s.name()
        ));
    }
    if let Some(model) = explicit.or(from_switch) {
        config.gil = model;
        if model == GilModel::Old && req.like != Some(Like::Py27) {
            config.check_points = CheckPoints::Ticks(100);
        }
    }
    if let Some(c) = req.check_points {
        config.check_points = c;
    }
    if config.gil == GilModel::Old && !matches!(config.check_points, CheckPoints::Ticks(_)) {
        return Err(format!(
            "the old GIL counts ticks: use --check-points ticks:N, not {}",
            config.check_points.describe()
        ));
    }
    if let Some(s) = req.switch_interval {
        // Clap has checked the flag; this guards callers that build a request themselves.
        if !(s > 0.0 && s <= gilsim::runtime::config::MAX_SWITCH_INTERVAL) {
            return Err("--switch-interval must be strictly positive and at most 3600".into());
        }
        config.switch_interval = s;
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_cpython_312() {
        let c = resolve(&GilRequest::default()).unwrap();
        assert_eq!(c.gil, GilModel::New);
        assert_eq!(c.check_points, CheckPoints::Py310);
        assert_eq!(c.switch_interval, 0.005);
    }

    #[test]
    fn like_bundles_and_overrides() {
        let c = resolve(&GilRequest {
            like: Some(Like::Py27),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            (c.gil, c.check_points),
            (GilModel::Old, CheckPoints::Ticks(100))
        );
        let c = resolve(&GilRequest {
            like: Some(Like::Py39),
            switch_interval: Some(0.0005),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.check_points, CheckPoints::EveryOp);
        assert_eq!(c.switch_interval, 0.0005);
        let c = resolve(&GilRequest {
            like: Some(Like::Py313t),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.gil, GilModel::Off);
    }

    #[test]
    fn x_gil_beats_environment_and_must_agree_with_gil_flag() {
        let c = resolve(&GilRequest {
            env_python_gil: Some("0".into()),
            x_options: vec!["gil=1".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.gil, GilModel::New);
        let c = resolve(&GilRequest {
            env_python_gil: Some("0".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.gil, GilModel::Off);
        assert!(
            resolve(&GilRequest {
                gil: Some(GilFlag::New),
                x_options: vec!["gil=0".into()],
                ..Default::default()
            })
            .is_err()
        );
    }

    #[test]
    fn old_gil_needs_ticks_and_bad_values_are_refused() {
        let c = resolve(&GilRequest {
            gil: Some(GilFlag::Old),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(c.check_points, CheckPoints::Ticks(100));
        assert!(
            resolve(&GilRequest {
                gil: Some(GilFlag::Old),
                check_points: Some(CheckPoints::EveryOp),
                ..Default::default()
            })
            .is_err()
        );
        assert!(parse_check_points("ticks:0").is_err());
        assert_eq!(parse_check_points("ticks:7"), Ok(CheckPoints::Ticks(7)));
        assert!(
            resolve(&GilRequest {
                switch_interval: Some(0.0),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            resolve(&GilRequest {
                switch_interval: Some(1e308),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            resolve(&GilRequest {
                x_options: vec!["dev".into()],
                ..Default::default()
            })
            .is_err()
        );
    }
}
