# logging: the caller fields (%(lineno)d, %(funcName)s, %(filename)s, %(module)s,
# %(pathname)s) and FileHandler / basicConfig(filename=...).
import logging
import os
import sys
import threading

logging.basicConfig(format="%(filename)s:%(lineno)d %(funcName)s %(module)s "
                           "%(levelname)s %(message)s", stream=sys.stdout, level=logging.DEBUG)
logging.info("at module level")
log = logging.getLogger("app")


def work(n):
    log.debug("working on %d", n)
    if n:
        work(n - 1)
    return n


class Worker:
    def run(self):
        log.warning("in a method")
        logging.error("through the module function")


work(2)
Worker().run()
t = threading.Thread(target=work, args=(0,), name="T1")
t.start()
t.join()
adapter = logging.LoggerAdapter(log, {"k": 1})
adapter.info("through an adapter")
log.log(logging.INFO, "through log()")
try:
    1 / 0
except ZeroDivisionError:
    log.error("caught")

seen = []


class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record)


log.addHandler(Keep())
log.info("kept")
r = seen[-1]
print(r.lineno, r.funcName, r.filename, r.module, r.pathname == __file__)
print(repr(r).startswith("<LogRecord: app, 20, "), repr(r).endswith(f', {r.lineno}, "kept">'))
rec = logging.LogRecord("x", logging.INFO, "/a/b/mod.py", 7, "m", (), None)
print(rec.filename, rec.module, rec.pathname, rec.lineno, rec.funcName)
rec = logging.makeLogRecord({"msg": "hi"})
print(rec.filename, rec.module, rec.lineno, rec.funcName)

name = "gilsim_logging_caller.log"
fh = logging.FileHandler(name, mode="w")
fh.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(funcName)s|%(message)s"))
print(repr(fh) == f"<FileHandler {os.path.abspath(name)} (NOTSET)>", fh.mode, fh.encoding,
      fh.baseFilename == os.path.abspath(name))
other = logging.getLogger("file")
other.propagate = False
other.addHandler(fh)
other.warning("one")
work_logger = logging.getLogger("file.child")
work_logger.error("two %s", "args")
fh.close()
print(fh.stream)
with open(name) as f:
    print(f.read(), end="")
delayed = logging.FileHandler(name, delay=True)
print(delayed.stream)
other.removeHandler(fh)
other.addHandler(delayed)
other.critical("three")
delayed.close()
with open(name) as f:
    print(f.read(), end="")
os.remove(name)

logging.basicConfig(filename=name, filemode="w", format="%(levelname)s %(lineno)d %(message)s",
                    force=True)
logging.warning("to the file")
logging.shutdown()
with open(name) as f:
    print(f.read(), end="")
os.remove(name)
try:
    logging.FileHandler(os.path.join("no_such_dir_gilsim", "x.log"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
