//! Bad programs (`tests/errors/`) fail the way CPython does: same last stderr line, same line
//! number in the last traceback entry, same exit status, same stdout before the failure.

mod common;

use std::path::Path;

struct Expectation {
    last_line: String,
    line: Option<u32>,
    exit: i32,
}

fn header(source: &str) -> Expectation {
    let mut e = Expectation {
        last_line: String::new(),
        line: None,
        exit: 1,
    };
    for l in source.lines().take_while(|l| l.starts_with('#')) {
        if let Some(v) = l.strip_prefix("# expect:") {
            e.last_line = v.trim().to_string();
        } else if let Some(v) = l.strip_prefix("# line:") {
            e.line = v.trim().parse().ok();
        } else if let Some(v) = l.strip_prefix("# exit:") {
            e.exit = v.trim().parse().unwrap_or(1);
        }
    }
    e
}

/// The line number of the last `File "...", line N` in a traceback or syntax error.
fn last_reported_line(stderr: &str) -> Option<u32> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("File \""))
        .filter_map(|l| l.split(", line ").nth(1))
        .filter_map(|l| l.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .next_back()
}

fn check_error_program(path: &Path) {
    let source = common::read_source(path);
    let expected = header(&source);
    let outcome = common::gilsim(path);
    let name = path.display();
    assert_eq!(
        outcome.exit_code, expected.exit,
        "{name}: exit status\n{}",
        outcome.stderr
    );
    // Messages that quote the file name (a non-UTF-8 file's) are written with its base name.
    let base = path.file_name().unwrap().to_string_lossy();
    let last = outcome.stderr.lines().last().unwrap_or("");
    let last = last.replace(&path.display().to_string(), &base);
    assert_eq!(last, expected.last_line, "{name}: last line of stderr");
    if let Some(line) = expected.line {
        assert_eq!(
            last_reported_line(&outcome.stderr),
            Some(line),
            "{name}: line\n{}",
            outcome.stderr
        );
    }
    if let Some((cpython_out, cpython_err)) = common::cpython(path) {
        assert_eq!(
            outcome.stdout, cpython_out,
            "{name}: stdout before the error"
        );
        assert_eq!(
            common::traceback_frames(&outcome.stderr),
            common::traceback_frames(&cpython_err),
            "{name}: traceback frames\n{}",
            outcome.stderr
        );
    }
}

#[test]
fn error_programs_fail_like_cpython() {
    insta::glob!("errors/*.py", check_error_program);
}

#[test]
fn deep_recursion_is_a_recursion_error_not_a_crash() {
    let outcome = common::gilsim_source(
        "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
    );
    assert_eq!(outcome.exit_code, 1);
    assert!(
        outcome
            .stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn deep_native_recursion_is_a_recursion_error_not_a_crash() {
    let src = "import sys\nsys.setrecursionlimit(1000000)\nclass A:\n    def __eq__(self, o):\n        return [self] == [o]\nprint(A() == A())\n";
    let outcome = common::gilsim_source(src);
    assert_eq!(outcome.exit_code, 1);
    assert!(
        outcome.stderr.contains("RecursionError"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn timeout_stops_a_runaway_loop() {
    let outcome = common::options()
        .timeout(0.3)
        .run(&common::fixture("runaway_loop.py"), "<loop>");
    assert_eq!(outcome.exit_code, 1);
    assert!(outcome.stderr.contains("--timeout"), "{}", outcome.stderr);
}

#[test]
fn out_of_range_seconds_from_the_library_do_not_panic() {
    // The command line refuses these; a library caller gets a clamped switch interval and
    // no usable time limit rather than a panic in `Duration::from_secs_f64`.
    for (switch_interval, timeout) in [(1e308, f64::INFINITY), (f64::NAN, f64::NAN), (-1.0, 1e300)]
    {
        let outcome = common::options()
            .switch_interval(switch_interval)
            .timeout(timeout)
            .run("print(1)\n", "<test>");
        assert_eq!((outcome.exit_code, outcome.stdout.as_str()), (0, "1\n"));
    }
}

#[test]
fn every_command_refuses_too_deep_an_expression_without_crashing() {
    // `gilsim dis` compiled on the command line's 8 MB stack and overflowed it (a crash, not
    // an error) on an expression 3,000 levels deep; all commands now say what CPython says.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    for command in ["run", "dis", "explore"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
            .current_dir(dir)
            .args([command, "tests/errors/compile_too_deep.py"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert_eq!(
            stderr.lines().last(),
            Some("RecursionError: maximum recursion depth exceeded during compilation"),
            "{command}"
        );
    }
}

#[test]
fn every_command_reads_source_files_the_same_way() {
    // `run`, `dis` and `explore` each read the file themselves: all must refuse what CPython's
    // tokenizer refuses, with its message and exit status 1, before running anything.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/errors");
    for (file, last) in [
        (
            "encoding_non_utf8.py",
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file tests/errors/encoding_non_utf8.py on line 5, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        ),
        (
            "encoding_null_byte.py",
            "SyntaxError: source code cannot contain null bytes",
        ),
    ] {
        for command in ["run", "dis", "explore"] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
                .current_dir(dir.parent().unwrap().parent().unwrap())
                .args([command, &format!("tests/errors/{file}")])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{command} {file}: {stderr}");
            assert_eq!(stderr.lines().last(), Some(last), "{command} {file}");
            assert_eq!(out.stdout, b"", "{command} {file}");
        }
    }
}

#[test]
fn an_imported_module_is_read_like_the_main_program() {
    // `import badmod` of a Latin-1 file: a SyntaxError, as for `gilsim run badmod.py` (it
    // was read with replacement characters, or refused as an ImportError).
    let dir = std::env::temp_dir().join(format!("gilsim-import-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("badmod.py"), b"print('caf\xe9')\n").unwrap();
    std::fs::write(dir.join("main.py"), "print('before')\nimport badmod\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .arg("run")
        .arg(dir.join("main.py"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(out.stdout, b"before\n");
    assert!(
        stderr.contains("line 2, in <module>")
            && stderr.trim_end().ends_with(
                "but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            )
            && stderr.contains("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_is_reported_as_cpython_does_by_every_command() {
    // `python3 nosuch.py`: "python3: can't open file 'nosuch.py': [Errno 2] No such file or
    // directory", exit status 2 (each command read files its own way, with its own wording).
    for command in ["run", "dis", "explore"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
            .args([command, "nosuch.py"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let prog = if command == "run" {
            "gilsim".to_string()
        } else {
            format!("gilsim {command}")
        };
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert_eq!(
            stderr,
            format!("{prog}: can't open file 'nosuch.py': [Errno 2] No such file or directory\n"),
            "{command}"
        );
    }
}

/// An uncaught exception group is drawn as CPython 3.11 draws it: the margins and frames of
/// nested groups, "and 2 more exceptions" past 15, "... (max_group_depth is 10)", chained
/// exceptions inside a frame (the stored output is CPython's stderr; gilsim draws no
/// `~~^^` markers, and none are in it).
#[test]
fn exception_group_tracebacks_are_drawn_as_cpython_draws_them() {
    let path = common::repo_file("tests/fixtures/exception_groups_uncaught.py");
    let outcome = common::gilsim(&path);
    assert_eq!(outcome.exit_code, 1, "{}", outcome.stderr);
    let base = path.file_name().unwrap().to_string_lossy();
    let stderr = outcome.stderr.replace(&path.display().to_string(), &base);
    let want = std::fs::read_to_string(common::repo_file(
        "tests/fixtures/exception_groups_uncaught.err",
    ))
    .unwrap();
    assert_eq!(stderr, want);
}

#[test]
fn syntax_errors_name_and_point_at_what_cpython_does() {
    // Each pair: a program and CPython 3.11.7's stderr for it (ASCII only: 3.11 counts
    // bytes where gilsim counts characters, as 3.13 does). Messages and carets used to
    // differ here: plain "invalid syntax" for `if x = 1:` and `exec "x"`, carets one
    // column off for `1_` and `0x1g`, no error at all for an annotated global.
    let cases: [(&str, &str); 23] = [
        (
            "if x = 1:\n    pass\n",
            "  File \"t.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
        ),
        (
            "while x = f(1, 2):\n    pass\n",
            "  File \"t.py\", line 1\n    while x = f(1, 2):\n          ^^^^^^^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
        ),
        (
            "if x.y = 1:\n    pass\n",
            "  File \"t.py\", line 1\n    if x.y = 1:\n       ^^^\nSyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?\n",
        ),
        (
            "y = [x = 1]\n",
            "  File \"t.py\", line 1\n    y = [x = 1]\n         ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
        ),
        (
            "exec \"x\"\n",
            "  File \"t.py\", line 1\n    exec \"x\"\n    ^^^^^^^^\nSyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?\n",
        ),
        (
            "f(x.y=1)\n",
            "  File \"t.py\", line 1\n    f(x.y=1)\n      ^^^^\nSyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n",
        ),
        (
            "(a, b) := 1\n",
            "  File \"t.py\", line 1\n    (a, b) := 1\n    ^^^^^^\nSyntaxError: cannot use assignment expressions with tuple\n",
        ),
        (
            "x = {1: 2, 3}\n",
            "  File \"t.py\", line 1\n    x = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n",
        ),
        (
            "print(1 2)\n",
            "  File \"t.py\", line 1\n    print(1 2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
        ),
        (
            "foo(a=1 b=2)\n",
            "  File \"t.py\", line 1\n    foo(a=1 b=2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
        ),
        (
            "f(x y z)\n",
            "  File \"t.py\", line 1\n    f(x y z)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
        ),
        (
            "def f(x y): pass\n",
            "  File \"t.py\", line 1\n    def f(x y): pass\n            ^\nSyntaxError: invalid syntax\n",
        ),
        (
            "f(**x, *y)\n",
            "  File \"t.py\", line 1\n    f(**x, *y)\n           ^\nSyntaxError: iterable argument unpacking follows keyword argument unpacking\n",
        ),
        (
            "f(x=1, 2)\n",
            "  File \"t.py\", line 1\n    f(x=1, 2)\n            ^\nSyntaxError: positional argument follows keyword argument\n",
        ),
        (
            "x = 0b12\n",
            "  File \"t.py\", line 1\n    x = 0b12\n           ^\nSyntaxError: invalid digit '2' in binary literal\n",
        ),
        (
            "x = 1_\n",
            "  File \"t.py\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n",
        ),
        (
            "x = 0x1g\n",
            "  File \"t.py\", line 1\n    x = 0x1g\n          ^\nSyntaxError: invalid hexadecimal literal\n",
        ),
        (
            "x = 0_7\n",
            "  File \"t.py\", line 1\n    x = 0_7\n        ^^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n",
        ),
        (
            "x == 1 = 2\n",
            "  File \"t.py\", line 1\n    x == 1 = 2\n    ^^^^^^\nSyntaxError: cannot assign to comparison\n",
        ),
        (
            "1 = x\n",
            "  File \"t.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n",
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
            "  File \"t.py\", line 3\n    except:\n    ^^^^^^^\nSyntaxError: default 'except:' must be last\n",
        ),
        (
            "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal z\n",
            "  File \"t.py\", line 5\n    nonlocal z\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'z' found\n",
        ),
        (
            "def g():\n    global y\n    y: int = 2\n",
            "  File \"t.py\", line 3\n    y: int = 2\n    ^^^^^^^^^^\nSyntaxError: annotated name 'y' can't be global\n",
        ),
    ];
    for (source, expected) in cases {
        let out = common::options().timeout(60.0).run(source, "t.py");
        assert_eq!(out.stderr, expected, "{source:?}");
        assert_eq!(out.exit_code, 1, "{source:?}");
    }
}

#[test]
fn a_match_statement_is_refused_by_name_and_match_stays_a_name() {
    // gilsim's grammar has no `match` statement: the error names it (CPython 3.10+ runs it).
    for source in [
        "x = 1\nmatch x:\n    case 1:\n        pass\n",
        "match (x, y):  # a tuple subject\n    case _:\n        pass\n",
        "def f(cmd):\n    match cmd.split():\n        case [a]:\n            pass\n",
    ] {
        let out = common::options().timeout(60.0).run(source, "t.py");
        assert!(
            out.stderr
                .ends_with("SyntaxError: the 'match' statement is not supported by gilsim\n"),
            "{source:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("^^^^^\n"), "{}", out.stderr);
        assert_eq!(out.exit_code, 1);
    }
    // `match` is a soft keyword: as a name it still works, and other errors stay theirs.
    let out = common::options().run("match = [3]\nprint(match[0], match)\n", "t.py");
    assert_eq!(out.stdout, "3 [3]\n", "{}", out.stderr);
    let out = common::options().run("match x\n", "t.py");
    assert!(
        out.stderr.ends_with("SyntaxError: invalid syntax\n"),
        "{}",
        out.stderr
    );
}

/// Whether a traceback line is a marker line (`^^^`, `~~^~~`) under a source line.
fn is_marker_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c == '^' || c == '~')
}

/// Tracebacks point where CPython 3.12 points: `^^^` under the failing call, attribute or
/// name, `~~^~~` under an operator or a subscript, nothing when that would be the whole
/// line; before 3.11 (`--like 3.10`) there are no markers at all.
#[test]
fn tracebacks_point_at_the_failing_expression_as_cpython_does() {
    let program = common::repo_file("tests/fixtures/carets.py");
    let expected = common::fixture("carets.expected");
    let out = common::options().timeout(60.0).run_file(&program);
    assert_eq!(out.stdout, expected, "{}", out.stderr);
    assert!(expected.lines().filter(|l| is_marker_line(l)).count() >= 25);
    if common::python3_version().is_some_and(|v| v.starts_with("3.12."))
        && let Some(cpython) = common::cpython_stdout(&program)
    {
        assert_eq!(out.stdout, cpython, "against this machine's python3");
    }
    let before_311 = common::options()
        .timeout(60.0)
        .like(3, 10)
        .run_file(&program);
    let unmarked: String = expected
        .split_inclusive('\n')
        .filter(|l| !is_marker_line(l))
        .collect();
    assert_eq!(before_311.stdout, unmarked, "{}", before_311.stderr);
}

/// An uncaught exception's traceback on stderr carries the markers too.
#[test]
fn an_uncaught_traceback_points_at_the_operator() {
    let out = common::gilsim_source("def f(a, b):\n    return a + b * 2\n\nx = f(1, None)\n");
    assert_eq!(
        out.stderr,
        "Traceback (most recent call last):\n  \
         File \"<test>\", line 4, in <module>\n    x = f(1, None)\n        ^^^^^^^^^^\n  \
         File \"<test>\", line 2, in f\n    return a + b * 2\n               ~~^~~\n\
         TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'\n"
    );
}

/// Code given with `-c` has no source lines in its traceback before CPython 3.13, whose
/// `-c` registers its text with linecache (and so shows the line, markers and all): what
/// CPython 3.12 and 3.13 print.
#[test]
fn a_dash_c_traceback_shows_its_lines_only_like_3_13() {
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
            .arg("run")
            .args(extra)
            .args(["-c", "x = None\nx + 1\n"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let head = "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n";
    let message = "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'\n";
    assert_eq!(run(&[]), format!("{head}{message}"));
    assert_eq!(
        run(&["--like", "3.13"]),
        format!("{head}    x + 1\n    ~~^~~\n{message}")
    );
}
