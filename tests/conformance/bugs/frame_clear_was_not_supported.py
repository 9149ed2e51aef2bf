# frame.clear() raised NotImplementedError: a finished frame lets go of its locals (their refcounts drop, __del__ runs), a running one refuses, a suspended generator's frame closes the generator (traceback.clear_frames)
import sys
import traceback


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner():
    local = Noisy("inner's local")
    shared = held
    1 / 0


held = []
try:
    inner()
except ZeroDivisionError as e:
    tb = e.__traceback__
frame = tb.tb_next.tb_frame
print(sorted(frame.f_locals), sys.getrefcount(held))
print(frame.clear())
print(frame.f_locals, sys.getrefcount(held))
frame.clear()  # again: nothing left
traceback.clear_frames(tb)  # the running module frame refuses, quietly
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    frame.clear(1)
except TypeError as e:
    print("TypeError", e)


def gen():
    x = Noisy("generator's local")
    try:
        yield 1
    finally:
        print("finally runs")


g = gen()
next(g)
g.gi_frame.clear()
print(g.gi_frame, g.gi_suspended)


def running():
    yield sys._getframe().clear()


try:
    next(running())
except RuntimeError as e:
    print("RuntimeError", e)

g2 = gen()
f2 = g2.gi_frame
f2.clear()  # not started: closed without running
print(g2.gi_frame)
print(list(g2))
