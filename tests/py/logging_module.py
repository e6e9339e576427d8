import logging
import sys
import threading

print(logging.getLogger())
print(logging.getLogger("app"), logging.getLogger("app.db").parent.name)
print(logging.getLogger("app") is logging.getLogger("app"))
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)-8s %(name)s [%(threadName)s] %(message)s")
logging.basicConfig(format="ignored: the root has a handler already")
log = logging.getLogger("app.worker")
log.debug("debug %d", 1)
log.info("info %s and %r", "x", "y")
logging.info("root info")
logging.getLogger("app").setLevel(logging.ERROR)
log.warning("hidden")
log.error("shown")
log.critical("critical")
print(log.getEffectiveLevel(), log.isEnabledFor(logging.CRITICAL), log)

# A logger created after its child becomes the child's parent.
child = logging.getLogger("x.y.z")
print(child.parent.name)
middle = logging.getLogger("x.y")
print(child.parent.name, middle.parent.name, logging.getLogger("x.y").getChild("z") is child)


def work(n):
    logging.getLogger("t").info("thread %d", n)


ts = [threading.Thread(target=work, args=(i,), name=f"T{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()


class Collect:
    """A stream that keeps what is written (to drop the version-dependent caret lines)."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


c = Collect()
exc_logger = logging.getLogger("exc")
exc_logger.propagate = False
exc_logger.addHandler(logging.StreamHandler(c))
try:
    1 / 0
except ZeroDivisionError:
    exc_logger.exception("failed: %s", "div")
text = "".join(c.parts).replace(__file__, "FILE")
for line in text.splitlines():
    if line.strip("~^ "):
        print(line)

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.warning("brace style %s", "ok")
other.log(logging.CRITICAL, "%(a)s-%(b)s", {"a": 1, "b": 2})
h.setFormatter(logging.Formatter("$levelname:${message}", style="$"))
other.warning("dollar style")
h.setLevel(logging.ERROR)
other.warning("below the handler's level")
print(h, logging.getLevelName(20), logging.getLevelName("ERROR"), logging.getLevelName(5))
print(logging.root.handlers, logging.root)


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


h2 = logging.StreamHandler(sys.stdout)
h2.addFilter(OnlyEven())
flt = logging.getLogger("flt")
flt.propagate = False
flt.addHandler(h2)
for i in range(4):
    flt.warning("n=%d", i)
h3 = logging.StreamHandler(sys.stdout)
h3.setFormatter(logging.Formatter("%(user)s did %(message)s"))
ext = logging.getLogger("ext")
ext.propagate = False
ext.addHandler(h3)
ext.warning("%s", "it", extra={"user": "ann"})
try:
    ext.warning("x", extra={"msg": "clash"})
except KeyError as e:
    print("KeyError:", e)

f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
r = logging.LogRecord("n", logging.INFO, "p", 1, "m %s", ("a",), None)
print(len(f.format(r)), r.getMessage(), r.levelname, r.threadName, r.levelno)
print(len(logging.Formatter("%(asctime)s").format(r)))
for bad in [dict(foo=1), dict(stream=sys.stdout, handlers=[h])]:
    try:
        logging.basicConfig(force=True, **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
logging.basicConfig(force=True, stream=sys.stdout, format="%(name)s/%(levelno)s/%(message)s")
logging.warning("after force")
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("not disabled")
