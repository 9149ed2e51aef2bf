# contextlib on refheap: contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout.
import contextlib
import sys


@contextlib.contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')


with tag('a') as t:
    print('inside', t)

try:
    with tag('b'):
        raise KeyError('x')
except KeyError as e:
    print('KeyError', e)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
print('suppressed')


class Res:
    def close(self):
        print('closed')


with contextlib.closing(Res()) as r:
    print(type(r).__name__)

with contextlib.ExitStack() as stack:
    for n in 'xyz':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback')
    print('body')

with contextlib.nullcontext(5) as v:
    print(v)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


s = Sink()
with contextlib.redirect_stdout(s):
    print('hidden')
print(s.parts, sys.stdout is sys.__stdout__)


@tag('deco')
def f():
    print('in f')


f()
