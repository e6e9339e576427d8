#!/usr/bin/env python3
"""Checker for the gilsim Python test corpus.

  tests/py/*.py     - must exit 0, write nothing to stderr, and print
                      byte-identical stdout under every CPython listed below.
  tests/errors/*.py - header lines
                          # expect: <exact last line of stderr>
                          # line: <N>      (last 'File "...", line N' in the traceback)
                          # exit: <status> (optional, default 1)
                      '# line' may be omitted only when no traceback is expected
                      (sys.exit); then stderr must contain no 'Traceback'.
                      An '# expect:' with nothing after it means stderr must be empty.
                      stdout must also be identical across versions.
  programs/*.py     - must exit 0, empty stderr, identical stdout across versions.

Usage: python3 check_corpus.py [-v] [file ...]
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIMING_RES = [(re.compile(rb"\b\d+\.\d{2} s\b"), b"#.## s"),
              (re.compile(rb"\b\d+\.\d{2}x\b"), b"#.##x")]
HOME = os.path.expanduser("~")
PYTHONS = [
    ("3.11", "python3"),
    ("3.12", os.path.join(HOME, ".pyenv/versions/3.12.1/bin/python3")),
    ("3.13", os.path.join(HOME, ".pyenv/versions/3.13.0/bin/python3")),
]
LINE_RE = re.compile(r'File "[^"]*", line (\d+)')
TIMEOUT = 60


def run(py, path):
    env = dict(os.environ)
    for k in ("PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONSTARTUP", "PYTHONPATH"):
        env.pop(k, None)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "random"   # catch accidental hash-order dependence
    p = subprocess.run([py, os.path.basename(path)], cwd=os.path.dirname(path),
                       capture_output=True, timeout=TIMEOUT, env=env,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def parse_header(path):
    hdr = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*(expect|line|exit):(.*)$", line.rstrip("\n"))
            if not m:
                break
            hdr[m.group(1)] = m.group(2)[1:] if m.group(2).startswith(" ") else m.group(2)
    return hdr


def mask_timings(out):
    """Lecture programs print timings only as '1.23 s' or '1.23x' (see tests/corpus.rs)."""
    for regex, repl in TIMING_RES:
        out = regex.sub(repl, out)
    return out


def gilsim_only(path):
    with open(path, encoding="utf-8") as f:
        return "# corpus: gilsim-only" in f.read()


def check_ok_program(path, runs):
    errs = []
    outs = set()
    for ver, (rc, out, err) in runs.items():
        out = mask_timings(out)
        if rc != 0:
            errs.append(f"{ver}: exit {rc}: {err.strip().splitlines()[-1:] }")
        if err:
            errs.append(f"{ver}: stderr not empty: {err[:200]!r}")
        outs.add(out)
    if len(outs) != 1:
        errs.append("stdout differs between versions")
    return errs


def check_error_program(path, runs):
    errs = []
    hdr = parse_header(path)
    if "expect" not in hdr:
        return ["missing '# expect:' header"]
    want_exit = int(hdr.get("exit", "1"))
    want_line = hdr.get("line")
    outs = set()
    for ver, (rc, out, err) in runs.items():
        outs.add(out)
        lines = err.rstrip("\n").splitlines()
        last = lines[-1] if lines else ""
        if last != hdr["expect"]:
            errs.append(f"{ver}: last stderr line {last!r} != {hdr['expect']!r}")
        if rc != want_exit:
            errs.append(f"{ver}: exit {rc} != {want_exit}")
        nums = LINE_RE.findall(err)
        if want_line is None:
            if "Traceback" in err or nums:
                errs.append(f"{ver}: traceback present but no '# line' header")
        else:
            got = nums[-1] if nums else None
            if got != want_line.strip():
                errs.append(f"{ver}: last traceback line {got} != {want_line.strip()}")
    if len(outs) != 1:
        errs.append("stdout differs between versions")
    return errs


def main(argv):
    verbose = "-v" in argv
    files = [a for a in argv if a != "-v"]
    if not files:
        for sub in ("tests/py", "tests/errors", "programs"):
            d = os.path.join(ROOT, sub)
            files += sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".py"))
    files = [os.path.abspath(f) for f in files]
    skipped = [f for f in files if gilsim_only(f)]
    files = [f for f in files if f not in skipped]
    for f in skipped:
        print(f"skip {os.path.relpath(f, ROOT)} (gilsim-only: needs gilsim's simulated modules)")
    stats = {}
    failed = 0
    for path in files:
        kind = "errors" if os.sep + "errors" + os.sep in path else (
            "programs" if os.sep + "programs" + os.sep in path else "py")
        runs = {}
        for ver, py in PYTHONS:
            try:
                runs[ver] = run(py, path)
            except subprocess.TimeoutExpired:
                runs[ver] = (-999, b"", "TIMEOUT")
        errs = check_error_program(path, runs) if kind == "errors" else check_ok_program(path, runs)
        if kind == "py":
            n = sum(1 for _ in open(path, encoding="utf-8"))
            if not 40 <= n <= 150:
                errs.append(f"length {n} lines outside 40..150")
        s = stats.setdefault(kind, [0, 0])
        rel = os.path.relpath(path, ROOT)
        if errs:
            failed += 1
            s[1] += 1
            print(f"FAIL {rel}")
            for e in errs:
                print(f"    {e}")
        else:
            s[0] += 1
            if verbose:
                print(f"ok   {rel}")
    print()
    for kind in ("py", "errors", "programs"):
        if kind in stats:
            print(f"{kind:9s}: {stats[kind][0]} ok, {stats[kind][1]} failed")
    total_ok = sum(v[0] for v in stats.values())
    print(f"{total_ok} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
