# dis.dis, dis.get_instructions and traceback.print_exc read co_code, co_exceptiontable,
# co_positions(), co_lines() and tb_lasti: 3.11's code-unit layout (CpythonLayout).
import sys
import dis
import traceback


def gen():
    yield 1
    x = yield 2
    return x


def method_call(x):
    return x.append(1)


def handler(x):
    try:
        return x[0]
    except (IndexError, KeyError) as e:
        return e
    finally:
        x = None


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    return total


dis.dis(handler)
dis.dis(gen)
dis.dis(loop)
print([(i.offset, i.opname, i.argval) for i in dis.get_instructions(method_call)])
print(list(dis.findlinestarts(loop.__code__)))


def deep(d):
    return d["a"]["b"]


try:
    deep({"a": {}})
except KeyError:
    traceback.print_exc(file=sys.stdout)
