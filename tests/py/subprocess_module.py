# subprocess: run, Popen, call, check_call, check_output, CompletedProcess and the errors,
# with the programs a simulated run also knows (echo, true, false, sleep, cat).
import subprocess

r = subprocess.run(["echo", "hello", "world"])
print(r)
print(subprocess.run(["echo", "hello"], capture_output=True))
r = subprocess.run(["echo", "-n", "text"], capture_output=True, text=True)
print(r, r.stdout, r.args)
print(subprocess.run(["true"]).returncode, subprocess.run(["false"]).returncode)
print(subprocess.run(["false"]).check_returncode.__name__)
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.run(["echo", "partial"], check=True, capture_output=True)
    subprocess.run(["false"], capture_output=True).check_returncode()
except subprocess.CalledProcessError as e:
    print("check_returncode:", e, repr(e.stdout), repr(e.stderr))
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd, isinstance(e, subprocess.SubprocessError))
print(subprocess.run(["cat"], input=b"fed to cat\n", capture_output=True))
print(subprocess.run(["cat"], input="text in\n", stdout=subprocess.PIPE, text=True))
print(subprocess.run(["echo", "x"], stdout=subprocess.DEVNULL))

p = subprocess.Popen(["sleep", "0.2"])
print(p.poll(), p.returncode, repr(p))
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.wait(), p.returncode, p.poll(), repr(p))
p = subprocess.Popen(["echo", "piped"], stdout=subprocess.PIPE, text=True)
print(p.communicate(), p.returncode)
with subprocess.Popen(["echo", "a\nb"], stdout=subprocess.PIPE) as p:
    for line in p.stdout:
        print(line)
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    print(p.communicate("through stdin"))
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())
try:
    subprocess.run(["sleep", "10"], check=True, timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("timed out:", e.cmd)

print(subprocess.check_output(["echo", "check"]))
print(subprocess.check_output(["echo", "check"], text=True))
print(subprocess.call(["false"]), subprocess.check_call(["true"]))
for bad in (lambda: subprocess.check_call(["false"]), lambda: subprocess.check_output(["false"])):
    try:
        bad()
    except subprocess.CalledProcessError as e:
        print(e)
for bad in (lambda: subprocess.run(["echo"], input=b"x", stdin=subprocess.PIPE),
            lambda: subprocess.run(["echo"], capture_output=True, stdout=subprocess.PIPE),
            lambda: subprocess.check_output(["echo"], stdout=None)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(subprocess.CompletedProcess(["x"], 0), subprocess.CompletedProcess("y", 1, "o", b"e"))
print(subprocess.CalledProcessError(-9, ["sleep", "9"]))
print(subprocess.CalledProcessError(2, "cmd", "out").stdout)
print(subprocess.TimeoutExpired(["x"], 1.5))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
