# logging, CPython's Lib (over weakref, re, string, threading): basicConfig to stdout, levels,
# %- and {-formatting, an exception with its traceback, child loggers.
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.info("hello %s", 42)
log.debug("dbg")
log.warning("warn %d%%", 5)
child = logging.getLogger("app.child")
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(30))
child.setLevel(logging.ERROR)
child.warning("not shown")
child.error("shown")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
fmt = logging.Formatter("[{levelname}] {message}", style="{")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(fmt)
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
other.critical("braces")
print(len(logging.getLogger().handlers), logging.getLogger() is logging.root)
