//! File I/O's bad input and its sandbox: what CPython raises for a missing file, a
//! directory or a closed file, PermissionError for a write outside `--sandbox`, and
//! simulated runs that write in memory only (so schedules and replays stay independent).

mod common;

use std::path::{Path, PathBuf};

/// A fresh directory of its own for one test, under cargo's scratch folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("files-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

use common::error_line as last_line;

#[test]
fn a_missing_file_or_a_directory_is_cpythons_oserror() {
    let dir = scratch("missing");
    let missing = dir.join("nope.txt");
    let out = common::options().sandbox(&dir).run(
        &format!("open({:?})\n", missing.to_str().unwrap()),
        "<test>",
    );
    assert_eq!(out.exit_code, 1);
    assert_eq!(
        last_line(&out.stderr),
        format!(
            "FileNotFoundError: [Errno 2] No such file or directory: '{}'",
            missing.display()
        )
    );
    for source in [
        format!("open({:?})", dir.to_str().unwrap()),
        format!("open({:?}, 'w')", dir.to_str().unwrap()),
    ] {
        for options in [common::options(), common::options().sim(0)] {
            let out = options.sandbox(&dir).run(&source, "<test>");
            assert_eq!(
                last_line(&out.stderr),
                format!(
                    "IsADirectoryError: [Errno 21] Is a directory: '{}'",
                    dir.display()
                ),
                "{source}"
            );
        }
    }
}

#[test]
fn writes_outside_the_sandbox_are_a_permission_error() {
    let dir = scratch("sandbox");
    let inside = dir.join("inside");
    std::fs::create_dir_all(&inside).unwrap();
    let outside = dir.join("outside.txt");
    for (mode, also_sim) in [("w", true), ("a", true), ("x", true), ("r+", false)] {
        for options in [
            Some(common::options()),
            also_sim.then(|| common::options().sim(0)),
        ]
        .into_iter()
        .flatten()
        {
            std::fs::write(&outside, "before").unwrap();
            let out = options.sandbox(&inside).run(
                &format!(
                    "open({:?}, {mode:?}).write('x')\n",
                    outside.to_str().unwrap()
                ),
                "<test>",
            );
            assert_eq!(out.exit_code, 1, "{mode}");
            assert_eq!(
                last_line(&out.stderr),
                format!(
                    "PermissionError: [Errno 13] Permission denied (gilsim writes only under {}; \
                     choose another directory with --sandbox DIR): '{}'",
                    inside.display(),
                    outside.display()
                ),
                "{mode}"
            );
            assert_eq!(std::fs::read_to_string(&outside).unwrap(), "before");
        }
    }
    // `..` and symbolic links do not lead out of it either.
    let sneaky = inside.join("..").join("outside.txt");
    std::os::unix::fs::symlink(&outside, inside.join("link.txt")).unwrap();
    for target in [sneaky, inside.join("link.txt")] {
        let out = common::options().sandbox(&inside).run(
            &format!("open({:?}, 'w')\n", target.to_str().unwrap()),
            "<test>",
        );
        assert!(
            last_line(&out.stderr).starts_with("PermissionError: [Errno 13]"),
            "{}",
            out.stderr
        );
    }
    // Reading is allowed anywhere, as in CPython; and writing inside works.
    let out = common::options().sandbox(&inside).run(
        &format!(
            "print(open({:?}).read())\nwith open({:?}, 'w') as f:\n    f.write('ok')\n",
            outside.to_str().unwrap(),
            inside.join("new.txt").to_str().unwrap()
        ),
        "<test>",
    );
    assert_eq!(out.stdout, "before\n", "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(inside.join("new.txt")).unwrap(),
        "ok"
    );
}

#[test]
fn a_simulated_run_writes_in_memory_and_reads_through_to_the_disk() {
    let dir = scratch("memory");
    let input = dir.join("input.txt");
    let output = dir.join("out.txt");
    std::fs::write(&input, "from disk\n").unwrap();
    let (i, o) = (input.to_str().unwrap(), output.to_str().unwrap());
    let source = format!(
        "import os\n\
         print(open({i:?}).read(), end='')\n\
         with open({i:?}, 'a') as f:\n    f.write('appended\\n')\n\
         with open({o:?}, 'w') as f:\n    print('written', file=f)\n\
         print(open({i:?}).read() + open({o:?}).read(), end='')\n\
         os.remove({i:?})\n\
         try:\n    open({i:?})\nexcept FileNotFoundError as e:\n    print(e)\n"
    );
    // Twice: the first run's files are not there for the second.
    for _ in 0..2 {
        let out = common::options()
            .sim(3)
            .sandbox(&dir)
            .run(&source, "<test>");
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        assert_eq!(
            out.stdout,
            format!(
                "from disk\nfrom disk\nappended\nwritten\n\
                 [Errno 2] No such file or directory: '{i}'\n"
            )
        );
    }
    // The disk is as it was: nothing appended, nothing created, nothing removed.
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "from disk\n");
    assert!(!output.exists());
}

#[test]
fn closed_and_wrong_mode_files_raise_cpythons_errors() {
    let out = common::options().sim(0).run(
        "import io\n\
         f = open('gilsim_never_on_disk.txt', 'w')\n\
         f.close()\n\
         for call in (lambda: f.write('x'), lambda: open('gilsim_never_on_disk.txt').write('x'),\n\
                      lambda: open('gilsim_never_on_disk.txt', 'rb').write(b'x'),\n\
                      lambda: open('gilsim_never_on_disk.txt', 'ab').read()):\n\
         \x20   try:\n        call()\n    except (ValueError, OSError) as e:\n\
         \x20       print(type(e).__module__, type(e).__name__, e)\n",
        "<test>",
    );
    assert_eq!(
        out.stdout,
        "builtins ValueError I/O operation on closed file.\n\
         io UnsupportedOperation not writable\n\
         io UnsupportedOperation write\n\
         io UnsupportedOperation read\n",
        "{}",
        out.stderr
    );
}

/// In a real run a file's system calls are blocking calls: the GIL is released around them,
/// as CPython's FileIO does (`Py_BEGIN_ALLOW_THREADS` around read(2)/write(2)).
#[test]
fn real_file_io_releases_the_gil() {
    let dir = scratch("gil");
    let big = dir.join("big.txt");
    let out = common::options()
        .sandbox(&dir)
        .trace(gilsim::runtime::TraceLevel::Switches)
        .run(
            &format!(
                "with open({0:?}, 'w') as f:\n    f.write('x' * 10000)\nprint(len(open({0:?}).read()))\n",
                big.to_str().unwrap()
            ),
            "<test>",
        );
    assert_eq!(out.stdout, "10000\n", "{}", out.stderr);
    assert!(
        out.stderr
            .contains("MainThread           blocks, waiting for file I/O"),
        "{}",
        out.stderr
    );
}

#[test]
fn directory_changes_outside_the_sandbox_are_a_permission_error() {
    let dir = scratch("dirs-sandbox");
    let inside = dir.join("inside");
    std::fs::create_dir_all(&inside).unwrap();
    std::fs::create_dir_all(dir.join("keep")).unwrap();
    std::fs::write(dir.join("keep.txt"), "k").unwrap();
    let out_dir = dir.join("made").display().to_string();
    let keep = dir.join("keep").display().to_string();
    let keep_file = dir.join("keep.txt").display().to_string();
    let moved = inside.join("moved").display().to_string();
    for call in [
        format!("os.mkdir({out_dir:?})"),
        format!("os.makedirs({:?})", format!("{out_dir}/a/b")),
        format!("os.rmdir({keep:?})"),
        format!("os.rename({keep_file:?}, {moved:?})"),
        format!(
            "os.rename({:?}, {:?})",
            inside.join("x").display(),
            keep_file
        ),
        format!("os.remove({keep_file:?})"),
    ] {
        for options in [common::options(), common::options().sim(0)] {
            let out = options
                .sandbox(&inside)
                .run(&format!("import os\n{call}\n"), "<test>");
            assert!(
                last_line(&out.stderr).starts_with(&format!(
                    "PermissionError: [Errno 13] Permission denied (gilsim writes only under {}",
                    inside.display()
                )),
                "{call}: {}",
                out.stderr
            );
        }
    }
    assert!(!dir.join("made").exists() && dir.join("keep").is_dir());
    assert_eq!(std::fs::read_to_string(dir.join("keep.txt")).unwrap(), "k");
}

#[test]
fn a_simulated_run_makes_its_directories_in_memory() {
    let dir = scratch("dirs-memory");
    std::fs::create_dir_all(dir.join("old/sub")).unwrap();
    std::fs::write(dir.join("old/sub/data.txt"), "disk data").unwrap();
    std::fs::write(dir.join("old/top.txt"), "top").unwrap();
    let d = dir.display().to_string();
    let source = format!(
        "import os\n\
         base = {d:?}\n\
         os.makedirs(base + '/new/deep')\n\
         with open(base + '/new/deep/f.txt', 'w') as f:\n    f.write('mem')\n\
         print(os.path.isdir(base + '/new/deep'), os.listdir(base + '/new'), sorted(os.listdir(base)))\n\
         os.rename(base + '/old', base + '/new/old')\n\
         print(sorted(os.listdir(base)), sorted(os.listdir(base + '/new/old')))\n\
         print(open(base + '/new/old/sub/data.txt').read(), os.path.exists(base + '/old/top.txt'))\n\
         print(sorted((p[len(base):], sorted(ds), sorted(fs)) for p, ds, fs in os.walk(base)))\n\
         os.remove(base + '/new/deep/f.txt')\n\
         os.rmdir(base + '/new/deep')\n\
         print(os.listdir(base + '/new'), os.path.getsize(base + '/new/old/top.txt'))\n"
    );
    let expected = "True ['deep'] ['new', 'old']\n\
                    ['new'] ['sub', 'top.txt']\n\
                    disk data False\n\
                    [('', ['new'], []), ('/new', ['deep', 'old'], []), ('/new/deep', [], ['f.txt']), \
                    ('/new/old', ['sub'], ['top.txt']), ('/new/old/sub', [], ['data.txt'])]\n\
                    ['old'] 3\n";
    // Twice: the first run's directories are not there for the second.
    for _ in 0..2 {
        let out = common::options()
            .sim(1)
            .sandbox(&dir)
            .run(&source, "<test>");
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, expected);
    }
    // A real run does the same on the disk.
    let out = common::options().sandbox(&dir).run(&source, "<test>");
    assert_eq!(out.stdout, expected, "{}", out.stderr);
    assert!(dir.join("new/old/sub/data.txt").is_file() && !dir.join("old").exists());
}

/// A path walks through its `..` as the kernel walks it: `sub/../x` needs `sub` to be a
/// directory, in a simulated run (whose directories live in memory) as in a real one.
#[test]
fn a_parent_step_needs_an_existing_directory() {
    let dir = scratch("parent-step");
    std::fs::write(dir.join("file.txt"), "x").unwrap();
    let d = dir.display().to_string();
    let source = format!(
        "import os\n\
         base = {d:?}\n\
         for name in ['sub/../x.txt', 'file.txt/../x.txt']:\n\
         \x20   try:\n        open(base + '/' + name, 'w')\n\
         \x20   except OSError as e:\n        print(type(e).__name__, e.errno, e.strerror)\n\
         os.mkdir(base + '/sub')\n\
         with open(base + '/sub/../x.txt', 'w') as f:\n    f.write('ok')\n\
         print(open(base + '/x.txt').read(), os.path.exists(base + '/nope/../x.txt'))\n"
    );
    let expected = "FileNotFoundError 2 No such file or directory\n\
                    NotADirectoryError 20 Not a directory\n\
                    ok False\n";
    let out = common::options()
        .sim(0)
        .sandbox(&dir)
        .run(&source, "<test>");
    assert_eq!(out.stdout, expected, "{}", out.stderr);
    let out = common::options().sandbox(&dir).run(&source, "<test>");
    assert_eq!(out.stdout, expected, "{}", out.stderr);
}
