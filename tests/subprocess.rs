//! `subprocess`'s bad input and its two modes: a program that does not exist, a timeout,
//! `check=True` on a failure (CPython's errors); a simulated run that simulates its few
//! programs on the virtual clock, refuses the rest by name and stays deterministic; a real
//! run that waits for a child with the GIL released.

mod common;

use common::error_line as last_line;

#[test]
fn a_missing_program_a_timeout_and_a_failed_check_are_cpythons_errors() {
    let cases = [
        (
            "import subprocess\nsubprocess.run(['gilsim_no_such_program', '-x'])\n",
            "FileNotFoundError: [Errno 2] No such file or directory: 'gilsim_no_such_program'",
        ),
        (
            "import subprocess\nsubprocess.run(['true'], cwd='/gilsim/no/such/dir')\n",
            "FileNotFoundError: [Errno 2] No such file or directory: '/gilsim/no/such/dir'",
        ),
        (
            "import subprocess\nsubprocess.run(['sleep', '5'], timeout=0.1)\n",
            "subprocess.TimeoutExpired: Command '['sleep', '5']' timed out after 0.1 seconds",
        ),
        (
            "import subprocess\nsubprocess.run(['false'], check=True)\n",
            "subprocess.CalledProcessError: Command '['false']' returned non-zero exit status 1.",
        ),
        (
            "import subprocess\nsubprocess.check_output(['sleep', 'x'], stderr=subprocess.DEVNULL)\n",
            "subprocess.CalledProcessError: Command '['sleep', 'x']' returned non-zero exit status 1.",
        ),
    ];
    for (source, expected) in cases {
        let real = common::gilsim_source(source);
        assert_eq!(real.exit_code, 1, "{source}");
        // CPython's timeout message shows the time that remained when its last wait began
        // (a hair under 0.1, different every run); gilsim's shows the timeout itself.
        assert_eq!(last_line(&real.stderr), expected, "{source}");
    }
    // The ones a simulated run can know end the same way there (the missing program is
    // refused: a simulated run starts no real program).
    for (source, expected) in &cases[1..] {
        let sim = common::options().sim(0).run(source, "<test>");
        assert_eq!(last_line(&sim.stderr), *expected, "{source}");
    }
}

#[test]
fn a_simulated_run_refuses_real_programs_by_name() {
    for (source, named) in [
        ("subprocess.run(['ls', '-l'])", "run 'ls' in a real run"),
        (
            "subprocess.run('echo hi', shell=True)",
            "run '/bin/sh' in a real run",
        ),
        (
            "subprocess.run(['cat', 'file.txt'])",
            "run 'cat' in a real run",
        ),
    ] {
        let out = common::options()
            .sim(0)
            .run(&format!("import subprocess\n{source}\n"), "<test>");
        let line = last_line(&out.stderr);
        assert!(
            line.starts_with("NotImplementedError: subprocess in a simulated run starts only echo, true, false, sleep, cat")
                && line.contains(named),
            "{source}: {line}"
        );
    }
}

/// `sleep N` takes N seconds of virtual time (plus 1 ms to start), in no wall time, and
/// the same run twice is the same run.
#[test]
fn simulated_children_run_on_the_virtual_clock_deterministically() {
    let source = "import subprocess, time, threading\n\
                  t0 = time.time()\n\
                  subprocess.run(['sleep', '60'])\n\
                  p = subprocess.Popen(['sleep', '1m'])\n\
                  print(p.poll(), p.pid > 0)\n\
                  ticks = []\n\
                  def tick():\n    for i in range(3):\n        ticks.append(i)\n        time.sleep(1)\n\
                  t = threading.Thread(target=tick)\n\
                  t.start()\n\
                  print(p.wait(), ticks)\n\
                  t.join()\n\
                  print(round(time.time() - t0, 2))\n";
    let started = std::time::Instant::now();
    let first = common::options().sim(5).run(source, "<test>");
    let second = common::options().sim(5).run(source, "<test>");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(
        first.stdout, "None True\n0 [0, 1, 2]\n120.0\n",
        "{}",
        first.stderr
    );
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(first.stderr, second.stderr);
}

/// A real run waits for its child with the GIL released: `--trace switches` shows the
/// main thread blocked on the subprocess, and another thread runs meanwhile.
#[test]
fn a_real_run_waits_for_a_child_with_the_gil_released() {
    let out = common::options()
        .trace(gilsim::runtime::TraceLevel::Switches)
        .run(
            "import subprocess, threading\n\
             counted = []\n\
             def count():\n    n = 0\n    for i in range(200000):\n        n += i\n    counted.append(n)\n\
             t = threading.Thread(target=count)\n\
             t.start()\n\
             subprocess.run(['sleep', '0.5'])\n\
             t.join()\n\
             print(counted)\n",
            "<test>",
        );
    assert_eq!(out.stdout, "[19999900000]\n", "{}", out.stderr);
    assert!(
        out.stderr
            .contains("MainThread           blocks, waiting for the subprocess 'sleep'"),
        "{}",
        out.stderr
    );
}

/// `terminate()` sends SIGTERM and `kill()` SIGKILL: CPython's return codes -15 and -9, for a
/// real child and a simulated one alike; a child that ended keeps its code.
#[test]
fn terminate_is_sigterm_and_kill_is_sigkill() {
    let source = "import subprocess\n\
                  p = subprocess.Popen(['sleep', '5'])\n\
                  p.terminate()\n\
                  print(p.wait())\n\
                  p = subprocess.Popen(['sleep', '5'])\n\
                  p.kill()\n\
                  print(p.wait())\n\
                  p = subprocess.Popen(['sleep', '5'])\n\
                  p.send_signal(15)\n\
                  print(p.wait())\n\
                  p = subprocess.Popen(['true'])\n\
                  p.wait()\n\
                  p.terminate()\n\
                  print(p.returncode)\n";
    for options in [common::options(), common::options().sim(2)] {
        let out = options.timeout(30.0).run(source, "<test>");
        assert_eq!(out.stdout, "-15\n-9\n-15\n0\n", "{}", out.stderr);
    }
}

/// A timeout keeps what the child wrote so far: CPython's TimeoutExpired carries it (as
/// bytes, even in text mode; None for a pipe that got nothing), and a later `communicate`
/// still returns the whole output.
#[test]
fn a_timeout_carries_the_output_so_far() {
    let source = "import subprocess\n\
        p = subprocess.Popen(['sh', '-c', 'echo partial; sleep 5'], stdout=subprocess.PIPE,\n\
        \x20                    stderr=subprocess.PIPE, text=True)\n\
        try:\n    p.communicate(timeout=0.5)\n\
        except subprocess.TimeoutExpired as e:\n    print(repr(e.stdout), repr(e.stderr), e.output is e.stdout)\n\
        p.kill()\n\
        print(repr(p.communicate()[0]))\n\
        try:\n    subprocess.run(['sh', '-c', 'echo so; echo far >&2; sleep 5'], capture_output=True, timeout=0.5)\n\
        except subprocess.TimeoutExpired as e:\n    print(e.stdout, e.stderr)\n";
    let out = common::gilsim_source(source);
    assert_eq!(
        out.stdout, "b'partial\\n' None True\n'partial\\n'\nb'so\\n' b'far\\n'\n",
        "{}",
        out.stderr
    );
}

/// `sys.executable` in a simulated run is another gilsim program, run as a simulated run of
/// its own (seeded from the parent's seed and its pid): its output, exit status and virtual
/// time are the child's, the same every run, and what a real run gets.
#[test]
fn a_simulated_run_runs_sys_executable_as_a_simulated_child() {
    let source = "import subprocess, sys, time\n\
        t0 = time.time()\n\
        r = subprocess.run([sys.executable, '-c', 'import sys, time; time.sleep(2); print(sys.argv)', 'x'],\n\
        \x20                  capture_output=True, text=True)\n\
        print(repr(r.stdout), r.returncode, round(time.time() - t0, 1))\n\
        r = subprocess.run([sys.executable, '-c', '1/0'], capture_output=True, text=True)\n\
        print(r.returncode, r.stderr.splitlines()[-1])\n\
        subprocess.run([sys.executable, '-u', '-c', 'print(\"uncaptured\")'])\n\
        try:\n    subprocess.run([sys.executable, '-c', 'import time; time.sleep(9)'], timeout=1)\n\
        except subprocess.TimeoutExpired as e:\n    print('timeout', round(time.time() - t0, 1))\n";
    let expected = "\"['-c', 'x']\\n\" 0 2.0\n\
                    1 ZeroDivisionError: division by zero\n\
                    uncaptured\n\
                    timeout 3.0\n";
    let first = common::options().sim(3).run(source, "<test>");
    assert_eq!(first.stdout, expected, "{}", first.stderr);
    let second = common::options().sim(3).run(source, "<test>");
    assert_eq!(
        (&first.stdout, &first.stderr),
        (&second.stdout, &second.stderr)
    );
    // A real run (of the gilsim binary, which sys.executable then names) prints the same.
    let real = std::process::Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(["run", "-c", source])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&real.stdout),
        expected,
        "{}",
        String::from_utf8_lossy(&real.stderr)
    );
    // A command line it cannot run as a child is refused by name.
    let refused = common::options().sim(0).run(
        "import subprocess, sys\nsubprocess.run([sys.executable, '-m', 'json.tool'])\n",
        "<test>",
    );
    assert_eq!(
        last_line(&refused.stderr),
        "NotImplementedError: subprocess running sys.executable in a simulated run takes a \
         file or '-c' (and '-u'); the option '-m' is not supported by gilsim"
    );
}
