# __name__ == "__main__" idiom and module-level dunder names.
print(__name__)
print(__name__ == "__main__")
def main():
    print("main() called")
    return 0
def helper(x):
    return x * 2
if __name__ == "__main__":
    print("running as script")
    rc = main()
    print("rc", rc, helper(21))
else:
    print("imported as module")
print(type(__name__).__name__)
print("__builtins__" in globals(), "__name__" in globals())
print(__doc__ is None)
def show_scope():
    return __name__
print(show_scope())
class K:
    pass
print(K.__module__, helper.__module__)
if __name__ != "__main__":
    print("never printed")
steps = []
def setup():
    steps.append("setup")
def run():
    steps.append("run")
def teardown():
    steps.append("teardown")
if __name__ == "__main__":
    setup()
    try:
        run()
    finally:
        teardown()
print(steps)
result = None
if __name__ == "__main__":
    result = sum(helper(i) for i in range(5))
print(result)
def entry(argv=None):
    argv = argv or ["prog"]
    print("entry with", argv)
    return len(argv)
if __name__ == "__main__":
    code = entry()
    code2 = entry(["prog", "--flag"])
    print(code, code2)
name_backup = __name__
__name__ = "renamed"
print(__name__, name_backup)
__name__ = name_backup
print(__name__ == "__main__")
print("done")
